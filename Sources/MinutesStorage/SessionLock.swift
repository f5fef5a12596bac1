import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// The lock that keeps a session open in one `minutes` at a time: `sessions/NAME.lock`, holding its holder's pid
/// and host, since when it holds the lock, and (where the system tells them, on Linux) when the holder's process
/// started and in which boot. Created whole with `link`, which fails when the lock exists, so two openers cannot
/// both win.
///
/// A lock whose holder is gone is stale and is taken over automatically: on this host, its process no longer
/// exists, has exited (a zombie), or its pid now belongs to another process (one that started at another time or
/// in another boot; for a lock written before start times were recorded, one that is not a `minutes`). A live
/// holder, or one on another host, refuses the second opener unless it asks to take over.
public final class SessionLock: Sendable {
  /// Who holds a lock.
  public struct Holder: Hashable, Sendable, Codable {
    /// The holder's process id.
    public var pid: Int32
    /// The holder's host name.
    public var host: String
    /// When the holder took the lock, ISO 8601.
    public var since: String
    /// When the holder's process started, in clock ticks after boot (field 22 of `/proc/PID/stat`): with `boot`,
    /// what tells it from a later process given the same pid. `nil` in a lock written before it was recorded, or
    /// where there is no `/proc`.
    public var start: UInt64?
    /// The boot the holder's process runs in (`/proc/sys/kernel/random/boot_id`); `nil` as for `start`.
    public var boot: String?

    /// A holder as its lock file names it.
    public init(pid: Int32, host: String, since: String, start: UInt64? = nil, boot: String? = nil) {
      self.pid = pid
      self.host = host
      self.since = since
      self.start = start
      self.boot = boot
    }

    /// The process `pid` on this host as the holder of a lock taken now, with its start time and boot as the
    /// system tells them. `since` is written as `ISO8601DateFormatter` wrote it (`2024-05-14T09:30:00Z`), by the
    /// format style that needs no ICU formatter made (a sixth of the time to the first prompt).
    public init(process pid: Int32, since: Date = Date()) {
      self.init(
        pid: pid, host: ProcessInfo.processInfo.hostName, since: Self.iso8601(since),
        start: ProcessStatus(pid)?.start, boot: SessionLock.bootID)
    }

    /// `date` as `Date.ISO8601FormatStyle()` writes it (`2026-12-04T09:30:00Z`, UTC, whole seconds), without
    /// loading Foundation's calendars (a tenth of taking a lock).
    static func iso8601(_ date: Date) -> String {
      var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
      var parts = tm()
      gmtime_r(&seconds, &parts)
      func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
      }
      return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
        + "T\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))Z"
    }

    /// The holder of a lock file that names none (empty or damaged): replaced like a stale one.
    public static let unknown = Holder(pid: 0, host: "?", since: "?")

    /// The lock file's text: one `key: value` line each, the fields a reader does not know being ignored (so a
    /// `minutes` from before `start` and `boot` reads this one).
    package var fileText: String {
      var text = "pid: \(pid)\nhost: \(host)\nsince: \(since)\n"
      if let start { text += "start: \(start)\n" }
      if let boot { text += "boot: \(boot)\n" }
      return text
    }
  }

  /// What became of a lock this process no longer holds (see ``loss``).
  public enum Loss: Hashable, Sendable {
    /// Another `minutes`, alive, holds it now.
    case heldBy(Holder)
    /// Another `minutes` took it over and has since ended: its lock file is gone (`nil`), or names a process that
    /// is gone.
    case holderQuit(Holder?)
  }

  /// The lock file's path.
  public let path: String

  /// The lock file.
  public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }
  /// The holder the lock replaced, when it was stale or taken over; `nil` when the lock was free.
  public let replaced: Holder?
  /// This process, as the lock names it.
  public let mine: Holder

  /// Takes the lock of the session `name` in `store`.
  /// - Parameter takeOver: take the lock even from a live holder (the clerk says the other window is gone).
  /// - Throws: ``SessionError/locked(name:pid:host:since:)`` when another live process holds it,
  ///   ``SessionError/noSessionsFolder(path:reason:)`` when the sessions folder is not there and cannot be made,
  ///   ``SessionError/writeFailed(file:reason:)`` when the lock file cannot be written, or the errors of
  ///   ``SessionStore/validate(existing:)``.
  public convenience init(name: String, in store: SessionStore, takeOver: Bool = false) throws {
    // A name that is no session name (a path) would put the lock elsewhere, or fail as if the disk were full.
    try store.validate(existing: name)
    try self.init(path: store.lockPath(for: name), name: name, takeOver: takeOver)
  }

  /// Takes the lock of the session whose snapshot is `snapshot` (`DIR/NAME.yaml`, locked by `DIR/NAME.lock`), for
  /// a program that rewrites the file without a workspace (`minutes fmt FILE`).
  /// - Throws: as ``init(name:in:takeOver:)``, except the name's.
  public convenience init(snapshot: URL, takeOver: Bool = false) throws {
    let name = snapshot.deletingPathExtension().lastPathComponent
    try self.init(path: Folder.sibling(of: snapshot.path, named: "\(name).lock"), name: name, takeOver: takeOver)
  }

  private init(path: String, name: String, takeOver: Bool) throws {
    self.path = path
    let folder = Folder.parent(of: path)
    try SessionStore.makeFolder(atPath: folder)
    Self.removeLeftovers(of: path)
    let me = Holder(process: getpid())
    mine = me
    var replaced: Holder?
    for _ in 0..<2 {
      if Self.create(path, holder: me) {
        self.replaced = replaced
        return
      }
      let holder = Self.read(path)
      if let holder, !takeOver, !Self.isStale(holder) {
        throw SessionError.locked(name: name, pid: holder.pid, host: holder.host, since: holder.since)
      }
      replaced = holder ?? .unknown
      unlink(path)
    }
    throw SessionError.writeFailed(file: path, reason: .posix())
  }

  /// Gives the lock up (only if this process still holds it).
  public func release() {
    if isHeld { unlink(path) }
  }

  deinit { release() }

  /// Creates the lock file whole or not at all: the holder is written to a private file first and then linked
  /// to the lock's name, which fails when the name exists. No reader ever sees a half-written lock. It is not
  /// flushed to the disk: a lock outlives no reboot (``isStale(_:)``), and one left unreadable by a crash of the
  /// machine is replaced.
  private static func create(_ path: String, holder: Holder) -> Bool {
    let temporary = Folder.sibling(of: path, named: ".\(Folder.lastComponent(of: path)).\(holder.pid)")
    // Written in place: no reader looks at it before it is linked, and one left cut short by a kill is removed
    // as a leftover (its pid is gone). A file of that name left by an earlier process given the same pid (killed
    // between its link and its unlink) may be the lock itself, linked: it is unlinked first, never written into,
    // and the file is made new (`O_EXCL`).
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { return false }
    defer { unlink(temporary) }
    var text = holder.fileText
    let written = text.withUTF8 { DurableFile.writeAll(UnsafeRawBufferPointer($0), to: fd) }
    close(fd)
    return written && link(temporary, path) == 0
  }

  /// Removes the private files (`.NAME.lock.<pid>`) that a lock being created by a process since gone left
  /// behind (it was killed between writing its file and linking it into place).
  private static func removeLeftovers(of path: String) {
    let folder = Folder.parent(of: path)
    let prefix = ".\(Folder.lastComponent(of: path))."
    let names = Folder.names(atPath: folder) ?? []
    for name in names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
    }
  }

  /// Whether this process still holds the lock (another may have taken it over with `--take-over`).
  public var isHeld: Bool {
    // Asked before every answer is saved: the file as this process wrote it says so without being parsed, and
    // it is read once either way.
    guard let bytes = FileManager.default.contents(atPath: path) else { return false }
    if bytes.elementsEqual(mine.fileText.utf8) { return true }
    guard let holder = Self.holder(in: String(decoding: bytes, as: UTF8.self)) else { return false }
    return holder.pid == mine.pid && holder.host == mine.host && holder.start == mine.start && holder.boot == mine.boot
  }

  /// The current holder, if any.
  public var holder: Holder? { Self.read(path) }

  /// Who has the session `name` open now: the holder its lock names, unless that holder is gone (see
  /// ``isStale(_:)``); `nil` when no live `minutes` holds it.
  public static func liveHolder(of name: String, in store: SessionStore) -> Holder? {
    guard let holder = read(store.lockPath(for: name)), !isStale(holder) else { return nil }
    return holder
  }

  /// `nil` while this process holds the lock; else who holds it now, or that the `minutes` that took it over
  /// has since ended.
  public var loss: Loss? {
    guard !isHeld else { return nil }
    let holder = Self.read(path)
    guard let holder, !Self.isStale(holder) else { return .holderQuit(holder) }
    return .heldBy(holder)
  }

  /// The holder the lock file at `path` names; `nil` when there is no lock file, or it names no holder.
  static func read(_ path: String) -> Holder? {
    guard let text = Folder.text(atPath: path) else { return nil }
    return holder(in: text)
  }

  /// The holder a lock file's text names; `nil` when it names none.
  private static func holder(in text: String) -> Holder? {
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    guard let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"] else { return nil }
    let boot = fields["boot"].flatMap { $0.isEmpty ? nil : $0 }
    return Holder(pid: pid, host: host, since: fields["since"] ?? "?", start: fields["start"].flatMap { UInt64($0) }, boot: boot)
  }

  /// Whether `holder` is gone, so that its lock may be taken without asking: a process on this host that no longer
  /// exists, has exited and only waits to be reaped (a zombie), or is not the process that wrote the lock (its pid
  /// was given to another: in another boot, or started at another time; for a lock that records neither, a
  /// process that is not a `minutes`). Anything the system does not say counts as alive.
  package static func isStale(_ holder: Holder) -> Bool {
    guard holder.host == ProcessInfo.processInfo.hostName else { return false }
    // No process has a pid of 0 or less (kill would signal a whole group): such a lock was written by hand.
    if holder.pid <= 0 { return true }
    // Written in an earlier boot: whatever has this pid now is another process.
    if let boot = holder.boot, let current = bootID, boot != current { return true }
    if kill(holder.pid, 0) != 0 && errno == ESRCH { return true }
    guard let status = ProcessStatus(holder.pid) else { return false }
    if status.isZombie { return true }
    if let start = holder.start { return status.start.map { $0 != start } ?? false }
    return isMinutes(holder.pid) == false
  }

  /// This boot's id, from `/proc/sys/kernel/random/boot_id`; `nil` where there is none.
  static let bootID: String? = {
    // Trimmed by hand: Foundation's `trimmingCharacters(in:)` goes through NSString, whose first use in a process
    // was a third of taking a lock.
    guard let bytes = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id").map(Array.init) else { return nil }
    var start = 0, end = bytes.count
    while start < end, bytes[start] <= UInt8(ascii: " ") { start += 1 }
    while end > start, bytes[end - 1] <= UInt8(ascii: " ") { end -= 1 }
    return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
  }()

  /// Whether the process `pid` is a `minutes`: its executable, or the program it was started as, is named
  /// `minutes`. `nil` when the system says neither.
  static func isMinutes(_ pid: Int32) -> Bool? {
    var known = false
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe") {
      known = true
      // An executable replaced since it started (a rebuild) reads `/path/minutes (deleted)`.
      let path = exe.hasSuffix(" (deleted)") ? String(exe.dropLast(" (deleted)".count)) : exe
      if URL(fileURLWithPath: path).lastPathComponent == "minutes" { return true }
    }
    if let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") {
      known = true
      let program = String(decoding: cmdline.prefix { $0 != 0 }, as: UTF8.self)
      if URL(fileURLWithPath: program).lastPathComponent == "minutes" { return true }
    }
    return known ? false : nil
  }
}

/// What `/proc/PID/stat` says of a process: whether it is a zombie, and when it started.
struct ProcessStatus {
  /// The process has exited and only waits to be reaped.
  var isZombie: Bool
  /// When it started, in clock ticks after boot (field 22).
  var start: UInt64?

  /// The status of `pid`; `nil` when there is no such process or no `/proc`.
  init?(_ pid: Int32) {
    // Read as bytes: the file is ASCII but for the command name, and splitting a `String` by `Character` (generic
    // code, compiled for `Substring` in the standard library) was a twentieth of a new session's start.
    guard let bytes = FileManager.default.contents(atPath: "/proc/\(pid)/stat").map(Array.init),
      let close = bytes.lastIndex(of: UInt8(ascii: ")"))
    else { return nil }
    // After the command name in parentheses (which may hold spaces and parentheses), fields 3, 4, …
    let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
    guard let state = fields.first else { return nil }
    isZombie = state.first == UInt8(ascii: "Z")
    start = fields.count > 19 ? UInt64(String(decoding: fields[19], as: UTF8.self)) : nil
  }
}
