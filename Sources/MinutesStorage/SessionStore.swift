import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// The sessions of a workspace. A session `NAME` is kept in `<workspace>/sessions/` as:
/// - `NAME.yaml`, a snapshot: the draft as a canonical minutes file, with `resumeAt` and `generation`;
/// - `NAME.journal`, the edits since that snapshot and the undo history, one JSON line each (see ``Journal``);
/// - `NAME.lock` while a `minutes` has it open (see ``SessionLock``).
///
/// Every edit is one line appended to the journal and flushed (`fsync`) before the next prompt, so its cost does
/// not grow with the draft. Snapshots are written whole, through a temporary file, `fsync`, `rename` and an
/// `fsync` of the folder, so a crash leaves the old snapshot or the new one. A snapshot and its journal are tied by
/// the generation number: compaction writes the next journal beside the old one, then the new snapshot, then
/// renames the journal into place, and loading uses whichever journal matches the snapshot.
public struct SessionStore: Sendable {
  /// The workspace folder (the current directory unless `--workspace` says otherwise).
  public let workspace: URL

  /// A store for the workspace at `workspace`.
  public init(workspace: URL) { self.workspace = workspace }

  /// The folder that holds the session files.
  public var directory: URL { workspace.appendingPathComponent("sessions", isDirectory: true) }

  /// The snapshot file of the session `name`.
  public func file(for name: String) -> URL { directory.appendingPathComponent("\(name).yaml") }

  /// The journal file of the session `name`.
  public func journal(for name: String) -> URL { directory.appendingPathComponent("\(name).journal") }

  /// The journal being written by a compaction of the session `name`, until it is renamed into place.
  func nextJournal(for name: String) -> URL { directory.appendingPathComponent(".\(name).journal.next") }

  /// The names of the sessions in the workspace, sorted.
  public func names() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Checks that `name` can name a session file and is no path.
  /// - Throws: ``SessionError/invalidName(_:reason:)``.
  public static func validate(name: String) throws {
    func refuse(_ reason: String) -> SessionError { .invalidName(name, reason: reason) }
    if name.isEmpty { throw refuse("it is empty") }
    if name.contains("/") || name.contains("\\") { throw refuse("it contains a path separator") }
    if name.hasPrefix(".") { throw refuse("it starts with a dot") }
    if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == " " }) {
      throw refuse("it contains spaces or control characters")
    }
    if name.utf8.count > 200 { throw refuse("it is longer than 200 bytes") }
  }

  /// Loads the session `name`: its snapshot with the journal applied.
  /// - Throws: ``SessionError``.
  public func load(name: String) throws -> SessionFile {
    try loadState(name: name).file
  }

  /// Loads the session `name` with its undo history.
  ///
  /// A journal whose last line is torn (a crash while appending an edit whose prompt never came back) is read
  /// up to that line. A journal that does not fit the snapshot is not applied, and ``LoadedSession/journalProblem``
  /// says so; it is kept beside the session as `NAME.journal.damaged-…` when the session is next compacted.
  /// - Throws: ``SessionError``.
  public func loadState(name: String) throws -> LoadedSession {
    let snapshot = try loadSnapshot(name: name)
    var loaded = LoadedSession(file: snapshot, undoStack: [], redoStack: [], journalProblem: nil)
    guard let (url, text) = [journal(for: name), nextJournal(for: name)].lazy.compactMap({ url -> (URL, String)? in
      guard let text = try? String(contentsOf: url, encoding: .utf8),
        case .header(let generation)? = Journal.parse(String(text.prefix { $0 != "\n" })).records.first,
        generation == snapshot.generation
      else { return nil }
      return (url, text)
    }).first else {
      if FileManager.default.fileExists(atPath: journal(for: name).path) {
        loaded.journalProblem = "\(journal(for: name).path) does not belong to the snapshot; it was not applied"
      }
      return loaded
    }
    let (records, badLine) = Journal.parse(text)
    let lineCount = text.split(separator: "\n").count
    if let badLine, badLine < lineCount {
      loaded.journalProblem = "\(url.path):\(badLine): damaged line; the edits before it were restored"
    }
    var state = DraftState(minutes: snapshot.minutes, cursor: snapshot.resumeAt.address)
    var resumeAt = snapshot.resumeAt
    for (number, record) in records.enumerated() {
      do {
        try state.replay(record)
      } catch {
        // The edits from here on were made to a draft that has since been changed by hand: never thrown away.
        let kept = keepAside(url, as: "unapplied")
        loaded.journalProblem = "\(url.path):\(number + 1): the edit does not fit the draft (was the file changed by hand?); "
          + "the edits before it were restored" + (kept.map { ", and the journal is kept as \($0.path)" } ?? "")
        break
      }
      switch record {
      case .perform, .undo, .redo, .cursor: resumeAt = state.cursor.map(SessionFile.ResumePoint.at) ?? .finished
      case .header, .history: break
      }
    }
    loaded.file = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: snapshot.generation)
    (loaded.undoStack, loaded.redoStack) = (state.undoStack, state.redoStack)
    return loaded
  }

  /// Copies `url` beside the session as `NAME.journal.KIND-<time>` (or the like), so that nothing is thrown away;
  /// the copy, or `nil` when it could not be made.
  @discardableResult
  func keepAside(_ url: URL, as kind: String) -> URL? {
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let copy = directory.appendingPathComponent("\(url.lastPathComponent.hasPrefix(".") ? String(url.lastPathComponent.dropFirst()) : url.lastPathComponent).\(kind)-\(stamp)")
    guard !FileManager.default.fileExists(atPath: copy.path) else { return copy }
    return (try? FileManager.default.copyItem(at: url, to: copy)).map { copy }
  }

  /// The cache of the session `name`'s snapshot: the same draft in a compact binary form, which reads several times faster
  /// than YAML. Used only while it names the snapshot's generation, size and modification time, so a snapshot
  /// edited by hand is always read from its YAML.
  func cache(for name: String) -> URL { directory.appendingPathComponent(".\(name).cache") }

  /// The cache file: the stamps of the snapshot it copies, and the snapshot, in a compact binary form.
  ///
  /// The cache exists to make resuming fast, and a draft is a generic tree: JSON through `Codable` had to try
  /// each kind of value until one fitted, and even `JSONSerialization` spent most of a resume building and
  /// bridging objects. This form is read in one pass over the bytes: after the magic `MNC1`, little-endian
  /// 64-bit numbers, strings as a 32-bit length and UTF-8, and each value as a tag (0 text, 1 number, 2 flag,
  /// 3 list, 4 record) and its contents. A file that does not read whole is no cache: the YAML is read instead.
  private struct SnapshotCache {
    var generation: Int
    var size: Int
    var modified: Double
    var inode: UInt64
    var file: SessionFile

    static let magic: [UInt8] = Array("MNC1".utf8)

    init(generation: Int, size: Int, modified: Double, inode: UInt64, file: SessionFile) {
      (self.generation, self.size, self.modified, self.inode, self.file) = (generation, size, modified, inode, file)
    }

    func data() -> Data {
      var writer = Writer()
      writer.bytes += Self.magic
      for number in [UInt64(bitPattern: Int64(generation)), UInt64(bitPattern: Int64(size)), modified.bitPattern, inode,
                     UInt64(bitPattern: Int64(file.minutes.format))] {
        writer.u64(number)
      }
      writer.string(file.minutes.template)
      switch file.resumeAt {
      case .firstQuestion: writer.string("")
      case .at(let address): writer.string(address.description)
      case .finished: writer.string("finished")
      }
      writer.value(.record(file.minutes.content))
      return Data(writer.bytes)
    }

    /// The stamps a cache file was written for, read from its header alone (without reading the draft).
    struct Header: Equatable {
      var generation: Int
      var size: Int
      var modified: Double
      var inode: UInt64

      /// Whether the header names the snapshot with these stamps and generation.
      func matches(_ stamp: (size: Int, modified: Double, inode: UInt64), generation: Int) -> Bool {
        size == stamp.size && modified == stamp.modified && inode == stamp.inode && self.generation == generation
      }
    }

    /// The header of a cache file; `nil` when it is none.
    static func header(of data: Data) -> Header? {
      var reader = Reader(bytes: [UInt8](data.prefix(4 + 4 * 8)))
      return header(from: &reader)
    }

    private static func header(from reader: inout Reader) -> Header? {
      guard reader.take(4) == magic[...], let generation = reader.u64(), let size = reader.u64(),
        let modified = reader.u64(), let inode = reader.u64()
      else { return nil }
      return Header(generation: Int(Int64(bitPattern: generation)), size: Int(Int64(bitPattern: size)),
                    modified: Double(bitPattern: modified), inode: inode)
    }

    /// Reads a cache file; `nil` when it is not a whole one.
    init?(data: Data) {
      var reader = Reader(bytes: [UInt8](data))
      guard let header = Self.header(from: &reader), let format = reader.u64(),
        let template = reader.string(), let resume = reader.string(), case .record(let content)? = reader.value(depth: 0),
        reader.isAtEnd
      else { return nil }
      var minutes = Minutes(template: template, content: content)
      minutes.format = Int(Int64(bitPattern: format))
      let resumeAt: SessionFile.ResumePoint
      switch resume {
      case "": resumeAt = .firstQuestion
      case "finished": resumeAt = .finished
      default: resumeAt = Address(stored: resume).map(SessionFile.ResumePoint.at) ?? .firstQuestion
      }
      self.init(generation: header.generation, size: header.size, modified: header.modified, inode: header.inode,
                file: SessionFile(minutes: minutes, resumeAt: resumeAt, generation: header.generation))
    }

    private struct Writer {
      var bytes: [UInt8] = []
      mutating func u32(_ n: UInt32) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
      mutating func u64(_ n: UInt64) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
      mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        u32(UInt32(utf8.count))
        bytes += utf8
      }
      mutating func value(_ value: Value) {
        switch value {
        case .text(let text): bytes.append(0); string(text)
        case .number(let n): bytes.append(1); u64(UInt64(bitPattern: Int64(n)))
        case .flag(let flag): bytes.append(2); bytes.append(flag ? 1 : 0)
        case .list(let entries):
          bytes.append(3)
          u32(UInt32(entries.count))
          for entry in entries { self.value(entry) }
        case .record(let record):
          bytes.append(4)
          u32(UInt32(record.fields.count))
          for (key, entry) in record.fields {
            string(key)
            self.value(entry)
          }
        }
      }
    }

    private struct Reader {
      let bytes: [UInt8]
      var index = 0
      var isAtEnd: Bool { index == bytes.count }

      mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
      }
      mutating func u8() -> UInt8? { take(1)?.first }
      mutating func u32() -> UInt32? {
        take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
      }
      mutating func u64() -> UInt64? {
        take(8).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
      }
      mutating func string() -> String? {
        guard let count = u32(), let slice = take(Int(count)) else { return nil }
        return String(decoding: slice, as: UTF8.self)
      }
      /// A value; `depth` bounds the nesting, so a damaged file cannot run the stack out.
      mutating func value(depth: Int) -> Value? {
        guard depth < 64, let tag = u8() else { return nil }
        switch tag {
        case 0: return string().map(Value.text)
        case 1: return u64().map { .number(Int(Int64(bitPattern: $0))) }
        case 2: return u8().map { .flag($0 != 0) }
        case 3:
          guard let count = u32(), Int(count) <= bytes.count - index else { return nil }
          var entries: [Value] = []
          entries.reserveCapacity(Int(count))
          for _ in 0..<count {
            guard let entry = value(depth: depth + 1) else { return nil }
            entries.append(entry)
          }
          return .list(entries)
        case 4:
          guard let count = u32(), Int(count) <= bytes.count - index else { return nil }
          var record = Record()
          for _ in 0..<count {
            guard let key = string(), let entry = value(depth: depth + 1) else { return nil }
            record.fields[key] = entry
          }
          return .record(record)
        default: return nil
        }
      }
    }
  }

  /// Size, modification time and inode: a file replaced by a save (ours or an editor's) gets a new inode even
  /// when its size and coarse timestamp happen to match.
  private static func stamp(of url: URL) -> (size: Int, modified: Double, inode: UInt64)? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
      let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
    else { return nil }
    let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? (attributes[.systemFileNumber] as? UInt64) ?? 0
    return (size, modified.timeIntervalSince1970, inode)
  }

  private func writeCache(_ file: SessionFile, name: String) {
    guard let stamp = Self.stamp(of: self.file(for: name)),
      case let data = SnapshotCache(
        generation: file.generation, size: stamp.size, modified: stamp.modified, inode: stamp.inode, file: file).data()
    else { return }
    try? DurableFile.write(data, to: cache(for: name))
  }

  /// Reads the snapshot of the session `name` alone (from its cache when the cache is current).
  func loadSnapshot(name: String) throws -> SessionFile {
    try Self.validate(name: name)
    let url = file(for: name)
    if let stamp = Self.stamp(of: url), let data = FileManager.default.contents(atPath: cache(for: name).path),
      SnapshotCache.header(of: data)?.matches(stamp, generation: Self.generation(of: url)) == true,
      let cached = SnapshotCache(data: data)
    {
      return cached.file
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SessionError.notFound(name: name, available: names())
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SessionError.unreadable(YAMLProblem(file: url.path, line: 1, column: 1, message: "the file is not UTF-8 text"))
    }
    // Every snapshot minutes writes ends with its generation line; one that minutes wrote (it has a journal or a
    // cache) and lacks it was cut short, even if what is left happens to parse.
    let wroteIt = [journal(for: name), cache(for: name)].contains { FileManager.default.fileExists(atPath: $0.path) }
    if wroteIt && Self.generation(of: url) == 0 {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let last = lines.last(where: { !$0.isEmpty }) ?? ""
      throw SessionError.unreadable(YAMLProblem(
        file: url.path, line: max(1, lines.count - (text.hasSuffix("\n") ? 1 : 0)), column: last.count + 1,
        message: "the file ends early: its last line should be `generation: N` (was it truncated or cut by hand?)"))
    }
    return try SessionFile.parse(text, file: url.path)
  }

  /// A copy of the session's last good snapshot (its JSON cache), when there is one.
  public func lastGoodSnapshot(name: String) -> SessionFile? {
    guard let data = FileManager.default.contents(atPath: cache(for: name).path),
      let cached = SnapshotCache(data: data)
    else { return nil }
    return cached.file
  }

  /// Restores the session from its last good snapshot: the damaged file is kept beside it as
  /// `NAME.yaml.damaged-<time>` and never overwritten; the journal is then replayed on the restored snapshot.
  /// - Throws: ``SessionError/notFound(name:available:)`` when there is no copy to restore, or the errors of
  ///   ``loadState(name:)``.
  public func recover(name: String) throws -> LoadedSession {
    try Self.validate(name: name)
    if (try? loadSnapshot(name: name)) != nil { throw SessionError.nothingToRecover(name: name, reason: "its file reads fine") }
    guard let good = lastGoodSnapshot(name: name) else {
      throw SessionError.nothingToRecover(name: name, reason: "there is no copy of a good snapshot to restore it from")
    }
    let url = file(for: name)
    if FileManager.default.fileExists(atPath: url.path) {
      let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
      try FileManager.default.moveItem(at: url, to: directory.appendingPathComponent("\(name).yaml.damaged-\(stamp)"))
    }
    do {
      try DurableFile.write(Data(try good.yaml().utf8), to: url)
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
    writeCache(good, name: name)
    return try loadState(name: name)
  }

  /// Creates the session `name` with `file` as its first content.
  /// - Throws: ``SessionError/exists(name:)`` when the name is taken, or the errors of ``save(_:name:)``.
  public func create(_ file: SessionFile, name: String) throws {
    try Self.validate(name: name)
    if FileManager.default.fileExists(atPath: self.file(for: name).path) { throw SessionError.exists(name: name) }
    try save(file, name: name)
  }

  /// Writes `file` as the session's new snapshot, with a new journal holding no history.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func save(_ file: SessionFile, name: String) throws {
    try compact(DraftState(minutes: file.minutes, cursor: file.resumeAt.address), resumeAt: file.resumeAt, name: name)
  }

  /// Appends `record` to the session's journal, durably.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func append(_ record: JournalRecord, name: String) throws {
    try Journal.append(record, to: journal(for: name))
  }

  /// Writes `state` as a new snapshot and starts a new journal that holds its undo history.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  /// With `keepingChanges`, a snapshot changed by hand (or another program) since minutes last wrote it is first
  /// copied aside as `NAME.yaml.changed-<time>`, and the copy returned: the draft in memory would overwrite it.
  @discardableResult
  public func compact(_ state: DraftState, name: String, keepingChanges: Bool = false) throws -> URL? {
    try compact(state, resumeAt: state.cursor.map(SessionFile.ResumePoint.at) ?? .finished, name: name, keepingChanges: keepingChanges)
  }

  @discardableResult
  private func compact(_ state: DraftState, resumeAt: SessionFile.ResumePoint, name: String, keepingChanges: Bool = false) throws -> URL? {
    var kept: URL?
    let url = file(for: name)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let generation = Self.generation(of: url) + 1
      let current = journal(for: name)
      // After a crash between a compaction's snapshot and its rename, the live journal is still the next one:
      // put it in place first, so that writing the next journal below cannot overwrite it.
      if let text = try? String(contentsOf: nextJournal(for: name), encoding: .utf8),
        case .header(let nextGeneration)? = Journal.parse(String(text.prefix { $0 != "\n" })).records.first,
        nextGeneration == generation - 1
      {
        guard rename(nextJournal(for: name).path, current.path) == 0 else {
          throw SessionError.writeFailed(file: current.path, reason: String(cString: strerror(errno)))
        }
        DurableFile.syncFolder(of: current)
      }
      if let text = try? String(contentsOf: current, encoding: .utf8) {
        let (records, badLine) = Journal.parse(text)
        if let badLine, badLine < text.split(separator: "\n").count {
          // A damaged journal is never thrown away: keep it for the clerk or a maintainer to look at.
          keepAside(current, as: "damaged")
        }
        if case .header(let journalGeneration)? = records.first, journalGeneration != generation - 1 {
          // A journal of another snapshot (a restored backup, a hand-changed generation) was not applied: keep it.
          keepAside(current, as: "unapplied")
        }
      }
      // Only the cache's header is read: the stamps of the snapshot minutes last wrote.
      if keepingChanges, let stamp = Self.stamp(of: url),
        let header = (try? FileHandle(forReadingFrom: cache(for: name))).flatMap({ handle in
          defer { try? handle.close() }
          return (try? handle.read(upToCount: 4 + 4 * 8)).flatMap(SnapshotCache.header(of:))
        }),
        !header.matches(stamp, generation: Self.generation(of: url))
      {
        // The snapshot was changed by hand (or by another program) since minutes wrote it: keep that version.
        kept = keepAside(url, as: "changed")
      }
      let records: [JournalRecord] = [.header(generation: generation), .history(undo: state.undoStack, redo: state.redoStack)]
      try DurableFile.write(Data(try Journal.text(records).utf8), to: nextJournal(for: name))
      let snapshot = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: generation)
      try DurableFile.write(Data(try snapshot.yaml().utf8), to: url)
      writeCache(snapshot, name: name)
      guard rename(nextJournal(for: name).path, current.path) == 0 else {
        throw SessionError.writeFailed(file: current.path, reason: String(cString: strerror(errno)))
      }
      DurableFile.syncFolder(of: current)
      return kept
    } catch let error as SessionError {
      throw error
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
  }

  /// The generation written on the last line of the snapshot at `url` (0 when there is none), read from the
  /// file's end so that it costs the same for any size of draft.
  package static func generation(of url: URL) -> Int {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
    defer { try? handle.close() }
    let end = (try? handle.seekToEnd()) ?? 0
    try? handle.seek(toOffset: end > 64 ? end - 64 : 0)
    let tail = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    guard let line = tail.split(separator: "\n").last, line.hasPrefix("generation: ") else { return 0 }
    return Int(line.dropFirst("generation: ".count)) ?? 0
  }
}

extension SessionFile.ResumePoint {
  /// The slot named, if any.
  var address: Address? {
    if case .at(let address) = self { return address }
    return nil
  }
}

/// Crash-safe whole-file writes.
enum DurableFile {
  /// Writes `data` to `url` through a temporary file, `fsync`, `rename` and an `fsync` of the folder.
  /// - Throws: a POSIX error as `CocoaError`/`NSError` with the reason.
  static func write(_ data: Data, to url: URL) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw posixError() }
    let ok = writeAll(data, to: fd) && fsync(fd) == 0
    let error = ok ? nil : posixError()
    close(fd)
    if let error {
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else { throw posixError() }
    syncFolder(of: url)
  }

  /// Writes all of `data` to `fd`, retrying after interruptions; false on an error (see `errno`).
  static func writeAll(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 { if errno == EINTR { continue } else { return false } }
        offset += written
      }
      return true
    }
  }

  /// Flushes the folder holding `url`, so that a rename in it survives a crash.
  static func syncFolder(of url: URL) {
    let directory = open(url.deletingLastPathComponent().path, O_RDONLY)
    if directory >= 0 {
      fsync(directory)
      close(directory)
    }
  }

  private static func posixError() -> NSError {
    NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
  }
}
