import Foundation
import Testing
import MinutesKit
import MinutesTestSupport

/// The session's language everywhere a clerk can reach, and one `error:` per line.
@Suite struct LanguageTests {
  /// The environment of this process with the locale set to `locale` only.
  private func environment(_ locale: String) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    environment["LANG"] = locale
    return environment
  }

  /// Whether `text` has a CJK ideograph.
  private func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// A zh-Hant session `s` with a date and a period, closed (so that it has a last good snapshot).
  private func session(in workspace: URL) throws -> URL {
    let made = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "s"], in: workspace, input: Data("2022-05-20\n下午\n".utf8))
    #expect(made.status == 0, "stderr: \(made.stderr)")
    return workspace.appendingPathComponent("sessions/s.yaml")
  }

  @Test func aBrokenSessionFileSaysErrorOnce() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    // A YAML syntax error, and a control character the YAML reader refuses (which must not be echoed).
    for broken in ["format: 1\ntemplate: [\n", "format: 1\ntemplate: gov-executive.zh-Hant\nmeeting:\n  body: a\u{07}b\n"] {
      try broken.write(to: file, atomically: true, encoding: .utf8)
      for arguments in [["resume", "s"], ["export", "s"], ["check", "s"], ["check", file.path], ["fmt", file.path]] {
        let result = try Binary.run(arguments, in: workspace, input: Data(":quit\n".utf8), environment: environment("C.UTF-8"))
        #expect(result.status != 0, "\(arguments)")
        #expect(result.stderr.hasPrefix("minutes: \(file.path):"), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(": error: "), "\(arguments): \(result.stderr)")
        #expect(result.stderr.components(separatedBy: "error:").count == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("\u{07}"), "\(arguments): a control character is echoed")
      }
    }
  }

  /// A text to import that is not there is said in the clerk's language, the system's reason included (it read
  /// `讀不到 nosuch.txt：The operation could not be completed…`).
  @Test func aMissingTextToImportIsSaidInTheClerksLanguage() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let chinese = try Binary.run(["import", "nosuch.txt"], in: workspace, environment: environment("zh_TW.UTF-8"))
    #expect(chinese.status != 0)
    #expect(chinese.stderr == "minutes: error: 讀不到 nosuch.txt：檔案或資料夾不存在\n")
    let following = try Binary.run(["new", "--from", "nosuch.txt", "--template", "gov-executive.zh-Hant", "--name", "s"], in: workspace,
                                   environment: environment("zh_TW.UTF-8"))
    #expect(following.status != 0)
    #expect(following.stderr.contains("讀不到 nosuch.txt：檔案或資料夾不存在"), "\(following.stderr)")
  }

  @Test func aZhHantSessionsExportRefusalIsInChinese() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try session(in: workspace)
    let refused = try Binary.run(["export", "s"], in: workspace, environment: environment("en_US.UTF-8"))
    #expect(refused.status == 1)
    let lines = refused.stderr.split(separator: "\n").map(String.init)
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy(isChinese), "\(refused.stderr)")
    #expect(lines.last == "minutes: error: 「s」還有 \(lines.count - 1) 個錯誤；請用 `minutes resume s` 修正（:check 會列出），或加上 --draft 照樣匯出。")
    let folder = try Binary.run(["export", "s", "--draft", "-o", workspace.path], in: workspace, environment: environment("en_US.UTF-8"))
    #expect(folder.stderr == "minutes: error: 無法寫入 \(workspace.path)：它是資料夾；請指定其中的檔案，例如 \(workspace.path)/minutes.txt。\n")
    let checked = try Binary.run(["check", "s"], in: workspace, environment: environment("en_US.UTF-8"))
    #expect(checked.text.hasSuffix("個錯誤，0 個警告\n"))
  }

  @Test func aZhHantSessionsLockRefusalAndUnreadableFileAreInChinese() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    let lock = workspace.appendingPathComponent("sessions/s.lock")
    // A live holder: this test process, named with its start time (an old lock naming it would be stale: it is
    // not a `minutes`).
    try SessionLock.Holder(process: getpid()).fileText.write(to: lock, atomically: true, encoding: .utf8)
    let locked = try Binary.run(["resume", "s"], in: workspace, environment: environment("en_US.UTF-8"))
    #expect(locked.status == 1)
    #expect(locked.stderr.hasPrefix("minutes: error: "))
    #expect(isChinese(locked.stderr), "\(locked.stderr)")
    try FileManager.default.removeItem(at: lock)

    try "format: 1\ntemplate: [\n".write(to: file, atomically: true, encoding: .utf8)
    let unreadable = try Binary.run(["resume", "s"], in: workspace, environment: environment("en_US.UTF-8"))
    #expect(unreadable.status == 1)
    #expect(unreadable.stderr.hasPrefix("minutes: \(file.path):2:12: error: "))
    #expect(isChinese(unreadable.stderr), "\(unreadable.stderr)")
  }

  @Test func withoutASessionTheLocaleChoosesTheLanguage() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let hant = try Binary.run(["resume"], in: workspace, environment: environment("zh_TW.UTF-8"))
    #expect(hant.status == 1)
    #expect(hant.stderr == "minutes: error: 這個工作區還沒有會話；用 `minutes new` 開始一個。\n")
    let hans = try Binary.run(["resume"], in: workspace, environment: environment("zh_CN.UTF-8"))
    #expect(hans.stderr == "minutes: error: 这个工作区还没有会话；用 `minutes new` 开始一个。\n")
    let english = try Binary.run(["resume"], in: workspace, environment: environment("C.UTF-8"))
    #expect(english.stderr == "minutes: error: no sessions in this workspace yet; start one with `minutes new`.\n")
    let list = try Binary.run(["list"], in: workspace, environment: environment("zh_TW.UTF-8"))
    #expect(list.text == "\(workspace.appendingPathComponent("sessions").path) 中還沒有會話；用 `minutes new` 開始一個。\n")
    let chooser = try Binary.run(["new"], in: workspace, environment: environment("zh_HK.UTF-8"))
    #expect(chooser.status == 1)
    #expect(chooser.text.contains("用哪個範本？（1–6 或範本 id；Tab 可補全）："))
    #expect(chooser.stderr == "minutes: error: 沒有選擇範本；請執行 `minutes new --template ID`（見 `minutes templates`）。\n")
  }
}
