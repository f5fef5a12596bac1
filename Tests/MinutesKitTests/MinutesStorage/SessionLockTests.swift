import Foundation
import Testing

@testable import MinutesModel
@testable import MinutesStorage
import MinutesTestSupport

/// When a lock's holder counts as gone: a pid that is alive but belongs to a process that is not the holder (one
/// started at another time or in another boot; for an old lock, one that is not a `minutes`). The live process is
/// a `sleep` this test starts.
struct SessionLockTests {
  /// A `sleep` started as `program` (a path whose last part is the name it runs under), ended by the caller.
  private static func sleeper(as program: URL = URL(fileURLWithPath: "/bin/sleep")) throws -> Process {
    let process = Process()
    process.executableURL = program
    process.arguments = ["600"]
    try process.run()
    return process
  }

  /// Ends `process` with SIGKILL: the test runner's threads block signals and a child inherits the mask, so a
  /// SIGTERM would wait forever.
  private static func end(_ process: Process) {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// A workspace with its `sessions/` folder, and the lock file of the session `s` there.
  private static func workspace() throws -> (store: SessionStore, lock: URL) {
    let store = SessionStore(workspace: try TestSupport.temporaryWorkspace("lock"))
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    return (store, store.directory.appendingPathComponent("s.lock"))
  }

  /// The start time of `pid` read from `/proc/PID/stat` here, independently of the lock's code: field 22,
  /// counted after the command name in parentheses.
  private static func startTime(of pid: Int32) throws -> UInt64 {
    let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
    let fields = try #require(stat.split(separator: ")").last).split(separator: " ")
    return try #require(UInt64(fields[19]))
  }

  @Test func theLockNamesTheHoldersStartTimeAndBootBesideItsPid() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    let text = try String(contentsOf: url, encoding: .utf8)
    let boot = try String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(text.hasPrefix("pid: \(getpid())\nhost: \(ProcessInfo.processInfo.hostName)\nsince: "))
    #expect(text.hasSuffix("\nstart: \(try Self.startTime(of: getpid()))\nboot: \(boot)\n"))
    #expect(lock.holder == lock.mine)
    #expect(lock.isHeld)
  }

  /// A lock from before start times were recorded (`pid`, `host`, `since` only) that names a live process which is
  /// not a `minutes` (its pid was given to another program) is stale: taken over, and said to be.
  @Test func anOldLockNamingALiveProcessThatIsNotMinutesIsTakenOver() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let sleep = try Self.sleeper()
    defer { Self.end(sleep) }
    let host = ProcessInfo.processInfo.hostName
    try "pid: \(sleep.processIdentifier)\nhost: \(host)\nsince: 2026-01-01T00:00:00Z\n".write(to: url, atomically: true, encoding: .utf8)
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    #expect(lock.isHeld)
    #expect(lock.replaced == SessionLock.Holder(pid: sleep.processIdentifier, host: host, since: "2026-01-01T00:00:00Z"))
  }

  /// An old lock naming a live `minutes` (told by the program it was started as) still refuses a second opener.
  @Test func anOldLockNamingALiveMinutesIsRespected() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let program = store.workspace.appendingPathComponent("minutes")
    try FileManager.default.createSymbolicLink(at: program, withDestinationURL: URL(fileURLWithPath: "/bin/sleep"))
    let minutes = try Self.sleeper(as: program)
    defer { Self.end(minutes) }
    let pid = minutes.processIdentifier
    try "pid: \(pid)\nhost: \(ProcessInfo.processInfo.hostName)\nsince: 09:00\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: SessionError.locked(name: "s", pid: pid, host: ProcessInfo.processInfo.hostName, since: "09:00")) {
      try SessionLock(name: "s", in: store)
    }
  }

  /// A lock with its holder's start time and boot is trusted exactly while that process lives: the same pid with
  /// another start time, or in another boot, is another process, and the lock is stale.
  @Test func aLockIsTrustedOnlyWhileItsPidHasTheHoldersStartTimeAndBoot() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let sleep = try Self.sleeper()
    defer { Self.end(sleep) }
    let holder = SessionLock.Holder(process: sleep.processIdentifier)
    #expect(holder.start == (try Self.startTime(of: sleep.processIdentifier)))

    try holder.fileText.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: SessionError.locked(name: "s", pid: holder.pid, host: holder.host, since: holder.since)) {
      try SessionLock(name: "s", in: store)
    }

    var restarted = holder
    restarted.start = holder.start.map { $0 + 1 }
    var rebooted = holder
    rebooted.boot = "00000000-0000-0000-0000-000000000000"
    for other in [restarted, rebooted] {
      try other.fileText.write(to: url, atomically: true, encoding: .utf8)
      let lock = try SessionLock(name: "s", in: store)
      #expect(lock.replaced == other)
      lock.release()
    }
  }

  /// The window that lost its lock learns who holds it now, or that the one that took it has since quit (its lock
  /// is gone, or names a process that is gone), and never removes another's lock.
  @Test func aLostLockSaysWhoHoldsItNowOrThatItsHolderQuit() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    #expect(lock.loss == nil)

    let sleep = try Self.sleeper()
    let taker = SessionLock.Holder(process: sleep.processIdentifier)
    try taker.fileText.write(to: url, atomically: true, encoding: .utf8)
    #expect(!lock.isHeld)
    #expect(lock.loss == .heldBy(taker))
    lock.release()
    #expect(FileManager.default.fileExists(atPath: url.path), "another's lock is left alone")

    Self.end(sleep)
    #expect(lock.loss == .holderQuit(taker))
    try FileManager.default.removeItem(at: url)
    #expect(lock.loss == .holderQuit(nil))
  }

  /// A lock naming this process's pid but another start time (left by an earlier process given the same pid) is not
  /// this process's.
  @Test func aLockWithThisPidButAnotherStartTimeIsNotHeld() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    var earlier = lock.mine
    earlier.start = lock.mine.start.map { $0 - 1 }
    try earlier.fileText.write(to: url, atomically: true, encoding: .utf8)
    #expect(!lock.isHeld)
    #expect(lock.loss == .holderQuit(earlier))
  }

  /// An earlier process given this process's pid, killed between linking its lock into place and removing its
  /// private file, left that file linked to the lock: the lock is taken over (it names another start time), and
  /// the earlier holder's lock is never written into while this one is made.
  @Test func aLockLeftLinkedByAnEarlierProcessWithThisPidIsTakenOver() throws {
    let (store, url) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: store.workspace) }
    var earlier = SessionLock.Holder(process: getpid())
    earlier.start = earlier.start.map { $0 - 1 } ?? 1
    try earlier.fileText.write(to: url, atomically: true, encoding: .utf8)
    let privateFile = url.deletingLastPathComponent().appendingPathComponent(".s.lock.\(getpid())")
    #expect(link(url.path, privateFile.path) == 0)
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    #expect(lock.replaced == earlier)
    #expect(lock.isHeld)
    #expect(!FileManager.default.fileExists(atPath: privateFile.path))
  }

  /// The time a lock names is what Foundation's ISO 8601 style writes, for dates across four centuries.
  @Test func theLocksTimeIsWrittenAsFoundationsISO8601Style() {
    var generator = SystemRandomNumberGenerator()
    let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400.5), Date(timeIntervalSince1970: 1_796_342_399.999)]
      + (0..<500).map { _ in Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...10_000_000_000, using: &generator)) }
    for date in dates {
      #expect(SessionLock.Holder.iso8601(date) == date.formatted(Date.ISO8601FormatStyle()), "\(date.timeIntervalSince1970)")
    }
  }
}
