import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// The lock that keeps a session open in one `minutes` at a time: `sessions/NAME.lock`, holding the pid, host
/// and start time of its holder. Created with `O_EXCL`, so two openers cannot both win.
///
/// A lock whose holder is a process on this host that no longer exists (it was killed, or the machine
/// restarted) is stale and is taken over automatically; a live holder, or one on another host, refuses the
/// second opener unless it asks to take over.
public final class SessionLock: Sendable {
  /// Who holds a lock.
  public struct Holder: Hashable, Sendable, Codable {
    /// The holder's process id.
    public var pid: Int32
    /// The holder's host name.
    public var host: String
    /// When the holder took the lock, ISO 8601.
    public var since: String

    /// The holder of a lock file that names none (empty or damaged): replaced like a stale one.
    public static let unknown = Holder(pid: 0, host: "?", since: "?")
  }

  /// The lock file.
  public let url: URL
  /// The holder the lock replaced, when it was stale or taken over; `nil` when the lock was free.
  public let replaced: Holder?

  /// Takes the lock of the session `name` in `store`.
  /// - Parameter takeOver: take the lock even from a live holder (the clerk says the other window is gone).
  /// - Throws: ``SessionError/locked(name:holder:)`` when another live process holds it, or
  ///   ``SessionError/writeFailed(file:reason:)`` when the lock file cannot be written, or the errors of
  ///   ``SessionStore/validate(name:)``.
  public init(name: String, in store: SessionStore, takeOver: Bool = false) throws {
    // A name that is no session name (a path) would put the lock elsewhere, or fail as if the disk were full.
    try store.validate(existing: name)
    url = store.directory.appendingPathComponent("\(name).lock")
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    Self.removeLeftovers(of: url)
    let me = Holder(pid: getpid(), host: ProcessInfo.processInfo.hostName, since: ISO8601DateFormatter().string(from: Date()))
    var replaced: Holder?
    for _ in 0..<2 {
      if Self.create(url, holder: me) {
        self.replaced = replaced
        return
      }
      let holder = Self.read(url)
      if let holder, !takeOver, !Self.isStale(holder) {
        throw SessionError.locked(name: name, pid: holder.pid, host: holder.host, since: holder.since)
      }
      replaced = holder ?? .unknown
      unlink(url.path)
    }
    throw SessionError.writeFailed(file: url.path, reason: .posix())
  }

  /// Gives the lock up (only if this process still holds it).
  public func release() {
    if isHeld { unlink(url.path) }
  }

  deinit { release() }

  /// Creates the lock file whole or not at all: the holder is written to a private file first and then linked
  /// to the lock's name, which fails when the name exists. No reader ever sees a half-written lock.
  private static func create(_ url: URL, holder: Holder) -> Bool {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(holder.pid)")
    let text = "pid: \(holder.pid)\nhost: \(holder.host)\nsince: \(holder.since)\n"
    guard (try? DurableFile.write(Data(text.utf8), to: temporary)) != nil else { return false }
    defer { unlink(temporary.path) }
    return link(temporary.path, url.path) == 0
  }

  /// Removes the private files (`.NAME.lock.<pid>`) that a lock being created by a process since gone left
  /// behind (it was killed between writing its file and linking it into place).
  private static func removeLeftovers(of url: URL) {
    let folder = url.deletingLastPathComponent()
    let prefix = ".\(url.lastPathComponent)."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder.appendingPathComponent(name).path) }
    }
  }

  /// Whether this process still holds the lock (another may have taken it over with `--take-over`).
  public var isHeld: Bool { Self.read(url)?.pid == getpid() }

  /// The current holder, if any.
  public var holder: Holder? { Self.read(url) }

  private static func read(_ url: URL) -> Holder? {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    guard let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"] else { return nil }
    return Holder(pid: pid, host: host, since: fields["since"] ?? "?")
  }

  /// A holder on this host whose process is gone (or is a zombie: it has exited and only waits to be reaped).
  private static func isStale(_ holder: Holder) -> Bool {
    guard holder.host == ProcessInfo.processInfo.hostName else { return false }
    // No process has a pid of 0 or less (kill would signal a whole group): such a lock was written by hand.
    if holder.pid <= 0 { return true }
    if kill(holder.pid, 0) != 0 && errno == ESRCH { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(holder.pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }
}
