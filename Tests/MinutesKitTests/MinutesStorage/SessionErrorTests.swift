import Foundation
import Testing

@testable import MinutesModel
@testable import MinutesStorage
import MinutesTestSupport

/// ``SessionError`` says what went wrong in the session's language; its `errorDescription` stays English.
struct SessionErrorTests {
  static let hant = Messages(language: "zh-Hant")
  static let hans = Messages(language: "zh-Hans")
  static let english = Messages(language: "en")

  static let every: [SessionError] = [
    .invalidName("a b", reason: "it contains spaces or control characters"),
    .exists(name: "s"),
    .notFound(name: "s", available: []),
    .notFound(name: "s", available: ["a", "b"]),
    .snapshotMissing(name: "s"),
    .noSessionsFolder(path: "w/sessions", reason: .posix(ENOTDIR)),
    .unreadable(YAMLProblem(file: "s.yaml", line: 3, column: 1, message: "bad")),
    .recoverable(YAMLProblem(file: "s.yaml", line: 3, column: 1, message: "bad"), name: "s"),
    .nothingToRecover(name: "s", reason: "its file reads fine"),
    .unsupportedFormat(file: "s.yaml", found: 9, supported: 1),
    .locked(name: "s", pid: 42, host: "h", since: "09:00"),
    .writeFailed(file: "s.journal", reason: .posix(ENOSPC)),
  ]

  @Test(arguments: every) func everyCaseHasChineseAndEnglishWording(error: SessionError) {
    #expect(error.errorDescription == error.message(Self.english))
    let chinese = error.message(Self.hant)
    #expect(chinese != error.errorDescription)
    #expect(chinese.contains { $0.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } ?? false })
  }

  @Test func aFullDiskAndALockAreSaidInTheSessionsLanguage() {
    let full = SessionError.writeFailed(file: "s.journal", reason: .posix(ENOSPC))
    #expect(full.message(Self.hant) == "無法保存 s.journal：磁碟空間不足。草稿仍然打開；請釋放空間或修正權限，再輸入 :save。")
    #expect(full.message(Self.hans) == "无法保存 s.journal：磁盘空间不足。草稿仍然打开；请释放空间或修正权限，再输入 :save。")
    #expect(full.errorDescription == "could not save s.journal: No space left on device. Your draft is still open; free some space or fix permissions, then :save.")
    let locked = SessionError.locked(name: "會議", pid: 42, host: "h", since: "09:00")
    #expect(locked.message(Self.hant).hasPrefix("會話「會議」已在另一個 minutes 中打開（h 上的 pid 42，自 09:00 起）。"))
    #expect((locked as any Error).message(Self.hant) == locked.message(Self.hant))
  }

  @Test func theReasonANameIsRefusedIsTranslated() {
    #expect(throws: SessionError.self) { try SessionStore.validate(name: ".hidden") }
    let error = SessionError.invalidName(".hidden", reason: "it contains `.`")
    #expect(throws: error) { try SessionStore.validate(name: ".hidden") }
    #expect(error.message(Self.hant).contains("名稱含有「.」"))
    let dash = SessionError.invalidName("-x", reason: "it starts with '-'")
    #expect(dash.message(Self.hant).contains("名稱以「-」開頭"))
  }
}
