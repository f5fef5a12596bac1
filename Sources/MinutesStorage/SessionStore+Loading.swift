import Foundation
import MinutesModel
import MinutesInterview

extension SessionStore {
  /// Loads the session `name`: its snapshot with the journal applied.
  /// - Throws: ``SessionError``.
  public func load(name: String) throws -> SessionFile {
    try loadState(name: name).file
  }

  /// Loads the session `name` with its undo history.
  ///
  /// Whatever loading finds is in ``LoadedSession/problems``, and nothing found is passed over in silence: a
  /// journal line that fails its checksum or does not read stops the replay there (the edits before it are
  /// applied; the journal is kept beside the session as `NAME.journal.damaged-…` when the session is next
  /// compacted), a last line cut short by a stop is not applied, a journal that does not fit the snapshot is not
  /// applied, a snapshot whose checksum does not match is read as it is now, and a damaged cache is ignored.
  /// - Throws: ``SessionError``.
  public func loadState(name: String) throws -> LoadedSession {
    let (snapshot, problems, cache) = try loadSnapshot(name: name)
    let fromCache = cache != nil
    var loaded = LoadedSession(file: snapshot, undoStack: [], redoStack: [], problems: problems)
    loaded.annex = cache?.annex ?? []
    guard let (url, text) = [journal(for: name), nextJournal(for: name)].lazy.compactMap({ url -> (URL, String)? in
      guard let text = try? String(contentsOf: url, encoding: .utf8), Journal.generation(ofJournal: text) == snapshot.generation
      else { return nil }
      return (url, text)
    }).first else {
      // A journal that holds no edit (a session closed cleanly, whose snapshot was then replaced, as by a git pull)
      // loses nothing by not being applied: only an undo history that no longer fits.
      let other = journal(for: name)
      if FileManager.default.fileExists(atPath: other.path),
        (try? String(contentsOf: other, encoding: .utf8)).map({ Journal.parse($0).holdsEdits }) ?? true {
        loaded.problems.append(.foreign(journal: other.path))
      }
      return loaded
    }
    let reading = Journal.parse(text)
    if let badLine = reading.badLine {
      loaded.problems.append(reading.isTorn ? .tornLine(journal: url.path, line: badLine) : .damagedLine(journal: url.path, line: badLine))
    }
    var state = DraftState(minutes: snapshot.minutes, cursor: snapshot.resumeAt.address)
    var resumeAt = snapshot.resumeAt
    for (number, record) in reading.records.enumerated() {
      switch record {
      case .perform, .undo, .redo: loaded.annex = []  // kept of the snapshot's draft, which this one changes
      case .header, .history, .cursor: break
      }
      do {
        try state.replay(record)
      } catch {
        // The edits from here on were made to a draft that has since been changed by hand: never thrown away.
        let kept = try? keepAside(url, as: "unapplied")
        loaded.problems.append(.unapplied(journal: url.path, line: number + 1, keptAs: kept?.path))
        break
      }
      switch record {
      case .perform, .undo, .redo, .cursor: resumeAt = state.cursor.map(SessionFile.ResumePoint.at) ?? .finished
      case .header, .history: break
      }
    }
    loaded.file = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: snapshot.generation)
    (loaded.undoStack, loaded.redoStack) = (state.undoStack, state.redoStack)
    // Nothing to fold in: the current cache, the live journal holding its header and the undo history alone.
    loaded.isCompact = fromCache && loaded.problems.isEmpty && url == journal(for: name) && reading.badLine == nil
      && reading.records.allSatisfy { if case .header = $0 { true } else if case .history = $0 { true } else { false } }
      && !FileManager.default.fileExists(atPath: nextJournal(for: name).path)
    return loaded
  }

  /// Reads the snapshot of the session `name` alone: from its cache when the cache is current and intact, else
  /// from its YAML, and what was found on the way (a damaged cache, a snapshot changed since minutes wrote it).
  /// - Throws: ``SessionError/notFound(name:available:)``, ``SessionError/unreadable(_:)``.
  func loadSnapshot(name: String) throws -> (SessionFile, [LoadProblem], cache: SnapshotCache?) {
    try validate(existing: name)
    let url = file(for: name)
    var problems: [LoadProblem] = []
    // Mapped, not copied: a cache of 5,000 items is 13 MB, and reading it into fresh memory was a fifth of
    // `minutes check`. Minutes replaces a cache by renaming a new file over it, never writes into it, so the
    // pages mapped stay those of the file read.
    if let stamp = SnapshotCache.stamp(of: url), let data = try? Data(contentsOf: cache(for: name), options: .alwaysMapped),
      SnapshotCache.header(of: data)?.matches(stamp, generation: Self.generation(of: url)) == true
    {
      if let cached = SnapshotCache(data: data) { return (cached.file, problems, cached) }
      problems.append(.cacheDamaged(cache: cache(for: name).path))
    }
    let (snapshot, seal) = try readSnapshot(name: name)
    if isChangedSinceSaved(name: name, seal: seal) {
      let good = FileManager.default.fileExists(atPath: goodSnapshot(for: name).path) ? goodSnapshot(for: name).path : nil
      problems.append(.snapshotChanged(file: url.path, name: name, good: good))
    }
    return (snapshot, problems, nil)
  }

  /// Whether the snapshot of the session `name`, whose seal is `seal`, was changed since minutes wrote it: its
  /// checksum does not match, or it has none while minutes has saved this session before (it keeps a last good
  /// copy, always sealed): the checksum comment was cut or removed by hand.
  func isChangedSinceSaved(name: String, seal: SessionFile.Seal) -> Bool {
    seal == .broken || (seal == .absent && FileManager.default.fileExists(atPath: goodSnapshot(for: name).path))
  }

  /// Reads the snapshot of the session `name` from its YAML, and its seal.
  /// - Throws: ``SessionError/notFound(name:available:)``, ``SessionError/snapshotMissing(name:)`` when the file
  ///   is gone but its last good copy is not, ``SessionError/unreadable(_:)`` (a file that is not UTF-8 or was cut
  ///   short is one, even when what is left parses).
  func readSnapshot(name: String) throws -> (SessionFile, SessionFile.Seal) {
    let url = file(for: name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      if !Folder.exists(url.path), Folder.exists(goodSnapshotPath(for: name)) { throw SessionError.snapshotMissing(name: name) }
      throw SessionError.notFound(name: name, available: names())
    }
    let text: String
    do { text = try YAMLCoding.text(data, file: url.path) } catch let problem as YAMLProblem { throw SessionError.unreadable(problem) }
    try MergeConflict.refuse(in: text, file: url.path)
    // Every snapshot minutes writes ends with its generation line; one that minutes wrote (it has a journal, a
    // cache or a last good copy) and lacks it was cut short, even if what is left happens to parse.
    let wroteIt = [journal(for: name), cache(for: name), goodSnapshot(for: name)].contains { FileManager.default.fileExists(atPath: $0.path) }
    if wroteIt && Self.generation(of: url) == 0 {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let last = lines.last(where: { !$0.isEmpty }) ?? ""
      throw SessionError.unreadable(YAMLProblem(
        file: url.path, line: max(1, lines.count - (text.hasSuffix("\n") ? 1 : 0)), column: last.count + 1,
        message: "the file ends early: its last line should be `generation: N` (was it truncated or cut by hand?)",
        chinese: "檔案提前結束：最後一行應是 `generation: N`（是被截斷了，還是被手動刪改了？）"))
    }
    return (try SessionFile.parse(text, file: url.path), SessionFile.seal(of: text))
  }
  /// The template id named at the top of the minutes file at `url` (its `template:` line, which minutes writes
  /// second), read from the first 4 KiB alone so that it costs the same for any size of draft; `nil` when the
  /// file cannot be read or names none there.
  package static func templateID(ofFileAt url: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
    guard let line = head.split(separator: "\n").first(where: { $0.hasPrefix("template:") }) else { return nil }
    let id = line.dropFirst("template:".count).trimmingCharacters(in: CharacterSet(charactersIn: " '\"\r"))
    return id.isEmpty ? nil : id
  }

  /// The generation written on the last line of the snapshot at `url` (0 when there is none), read from the
  /// file's end so that it costs the same for any size of draft.
  package static func generation(of url: URL) -> Int { generation(ofPath: url.path) }

  /// The generation written on the last line of the snapshot at `path` (see ``generation(of:)``), read with
  /// `open` and `pread`.
  package static func generation(ofPath path: String) -> Int {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return 0 }
    let start = max(0, Int(status.st_size) - 128)
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size) - start)
    let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
    guard count > 0 else { return 0 }
    let tail = String(decoding: bytes[..<count], as: UTF8.self)
    guard let line = tail.split(separator: "\n").last, line.hasPrefix("generation: ") else { return 0 }
    // The number ends where the line or its checksum comment does (see ``SessionFile``).
    return Int(line.dropFirst("generation: ".count).prefix { $0 != " " }) ?? 0
  }
}
