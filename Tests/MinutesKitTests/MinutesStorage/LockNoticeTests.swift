import Foundation
import Testing

@testable import MinutesModel
@testable import MinutesStorage
import MinutesTestSupport

/// The lock notice, for the program that opens a session, and the lock files a crash or a hand edit leaves.
struct LockNoticeTests {
  @Test func theTakeOverNoticeIsSaidInTheSessionsLanguage() {
    let holder = SessionLock.Holder(pid: 42, host: "h", since: "09:00")
    #expect(Messages(language: "zh-Hant").tookOver(session: "會議", from: holder) == "已從 h 上的 pid 42（自 09:00 起）接管會話「會議」。")
    #expect(Messages(language: "en").tookOver(session: "s", from: holder) == "took over session `s` from pid 42 on h (since 09:00).")
  }

  /// A lock file that names no holder (empty, or damaged) is replaced, and the notice says so instead of
  /// "pid 0 on ?".
  @Test(arguments: ["", "garbage\n", "pid: x\nhost:\n"])
  func aLockNamingNoHolderIsReplacedAndSaidToBe(text: String) throws {
    let workspace = try TestSupport.temporaryWorkspace("lock")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let store = SessionStore(workspace: workspace)
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: store.directory.appendingPathComponent("會議.lock"))
    let lock = try SessionLock(name: "會議", in: store)
    defer { lock.release() }
    #expect(lock.isHeld)
    let replaced = try #require(lock.replaced)
    #expect(replaced == .unknown)
    #expect(Messages(language: "zh-Hant").tookOver(session: "會議", from: replaced) == "會話「會議」的鎖檔案無法讀取（空白或損壞），已換成這裏的。")
    #expect(!Messages(language: "en").tookOver(session: "會議", from: replaced).contains("pid 0"))
  }

  /// The private file of a lock whose creator was killed before linking it (`.NAME.lock.<pid>`) is removed by
  /// the next opener when that process is gone; a live process's is left alone.
  @Test func leftoversOfAnInterruptedLockAreRemoved() throws {
    let workspace = try TestSupport.temporaryWorkspace("lock")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let store = SessionStore(workspace: workspace)
    try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
    // A pid no process has: the highest below the kernel's limit that does not answer.
    let dead = try #require((1...4_000).lazy.map { Int32(4_194_000 + $0) }.first { kill($0, 0) != 0 && errno == ESRCH })
    let gone = store.directory.appendingPathComponent(".s.lock.\(dead)")
    let alive = store.directory.appendingPathComponent(".s.lock.1")  // pid 1 is always there
    for url in [gone, alive] { try Data("pid: 1\n".utf8).write(to: url) }
    let lock = try SessionLock(name: "s", in: store)
    defer { lock.release() }
    #expect(!FileManager.default.fileExists(atPath: gone.path))
    #expect(FileManager.default.fileExists(atPath: alive.path))
  }
}
