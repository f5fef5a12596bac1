import Foundation
import Testing

@testable import MinutesModel
@testable import MinutesStorage
import MinutesTestSupport

/// The lock notice, for the program that opens a session.
struct LockNoticeTests {
  @Test func theTakeOverNoticeIsSaidInTheSessionsLanguage() {
    let holder = SessionLock.Holder(pid: 42, host: "h", since: "09:00")
    #expect(Messages(language: "zh-Hant").tookOver(session: "會議", from: holder) == "已從 h 上的 pid 42（自 09:00 起）接管會話「會議」。")
    #expect(Messages(language: "en").tookOver(session: "s", from: holder) == "took over session `s` from pid 42 on h (since 09:00).")
  }
}
