import Foundation
import Testing
import MinutesKit
import MinutesTestSupport

/// `minutes check`: exit codes 0, 1 and 2, text and JSON.
@Suite struct CheckTests {
  @Test func exitCodesAndJSON() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let session = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed"], in: workspace, input: session)

    let clean = try Binary.run(["check", "seed"], in: workspace)
    #expect(clean.status == 0, "stderr: \(clean.stderr)")
    // The published seed mixes in Simplified characters (于 干 斗 后 范 征 筑 鲅): warnings, never errors.
    #expect(clean.text.hasSuffix("0 個錯誤，15 個警告\n"))
    #expect(clean.text.contains("sessions/seed.yaml: 提醒 5.subject：可能混入了簡體字：鲅（:edit 5.subject）\n"))

    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "half"], in: workspace, input: Data("2022-05-20\n".utf8))
    let broken = try Binary.run(["check", "half", "--json"], in: workspace)
    #expect(broken.status == 1)
    let report = try JSONSerialization.jsonObject(with: broken.stdout) as? [String: Any]
    #expect(report?["errors"] as? Int == 5)
    #expect(report?["warnings"] as? Int == 0)
    let first = (report?["findings"] as? [[String: String]])?.first
    #expect(first == ["severity": "error", "rule": "required", "address": "chair.title", "message": "缺少必填部分「主持人職務」", "hint": ":goto chair.title"])

    let file = workspace.appendingPathComponent("bad.yaml")
    try "template: [\n".write(to: file, atomically: true, encoding: .utf8)
    let unreadable = try Binary.run(["check", file.path], in: workspace)
    #expect(unreadable.status == 2)
    #expect(unreadable.stderr.hasPrefix("minutes: \(file.path):2:1: error: YAML syntax"))
  }
}

/// `minutes fmt`: canonical form, `--check` exit codes.
@Suite struct FormatTests {
  @Test func fmtRewritesAHandWrittenFileAndCheckReportsIt() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = workspace.appendingPathComponent("hand.yaml")
    try """
      template: gov-executive.zh-Hant
      meeting:
        kind: 常務會議
        body: 區政府
        date: 2022-05-20
      items:
      - kind: 審議
        subject: 關于X的辦法
        status: 討論稿
        directives:
        - verb: 要求
          points: ["要堅持原則,維護權益 "]

      """.write(to: file, atomically: true, encoding: .utf8)
    let before = try Binary.run(["fmt", "--check", file.path], in: workspace)
    #expect(before.status == 1)
    // A zh-Hant file: said in its template's language.
    #expect(before.text == "會重新格式化 \(file.path)\n")
    let formatted = try Binary.run(["fmt", file.path], in: workspace)
    #expect(formatted.status == 0)
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("format: 1\ntemplate: gov-executive.zh-Hant\nmeeting:\n  date: '2022-05-20'\n  body: 區政府\n  kind: 常務會議\n"))
    #expect(text.contains("    - 要堅持原則，維護權益\n"))
    let after = try Binary.run(["fmt", "--check", file.path], in: workspace)
    #expect(after.status == 0)
    #expect(after.text.isEmpty)

    let bad = workspace.appendingPathComponent("bad.yaml")
    try "template: [\n".write(to: bad, atomically: true, encoding: .utf8)
    #expect(try Binary.run(["fmt", "--check", bad.path], in: workspace).status == 2)
  }

  /// A session's snapshot is not rewritten while a live `minutes` holds the session: `fmt` refuses, naming the
  /// holder, and leaves the file and the lock alone; once the session is closed it rewrites it, holding the lock
  /// meanwhile. A stale lock is taken over with a notice.
  @Test func fmtRefusesASessionOpenElsewhere() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let made = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "s"], in: workspace, input: Data("2022-05-20\n".utf8))
    #expect(made.status == 0)
    let file = workspace.appendingPathComponent("sessions/s.yaml"), lock = workspace.appendingPathComponent("sessions/s.lock")
    // Hand-edited out of canonical form, so that fmt has something to rewrite.
    let handEdited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "date: '2022-05-20'", with: "date: 2022-05-20")
    try handEdited.write(to: file, atomically: true, encoding: .utf8)

    // A live holder: this test process, named with its start time.
    try SessionLock.Holder(process: getpid()).fileText.write(to: lock, atomically: true, encoding: .utf8)
    let lockText = try String(contentsOf: lock, encoding: .utf8)
    let refused = try Binary.run(["fmt", "sessions/s.yaml"], in: workspace)
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix(
      "minutes: error: 沒有改寫 sessions/s.yaml：會話「s」正在另一個 minutes 中打開（\(ProcessInfo.processInfo.hostName) 上的 pid \(getpid())，自 "),
      "\(refused.stderr)")
    #expect(refused.stderr.hasSuffix(" 起）。請先在那裏輸入 :quit，再執行 minutes fmt。\n"))
    #expect(refused.text.isEmpty)
    #expect(try String(contentsOf: file, encoding: .utf8) == handEdited)
    #expect(try String(contentsOf: lock, encoding: .utf8) == lockText)
    // `--check` writes nothing, so it reads a session open elsewhere.
    #expect(try Binary.run(["fmt", "--check", "sessions/s.yaml"], in: workspace).status == 1)

    // The holder gone (a pid no process has): the lock is taken over with a notice, the file rewritten, the lock
    // released.
    try "pid: 2147483647\nhost: \(ProcessInfo.processInfo.hostName)\nsince: 09:00\n".write(to: lock, atomically: true, encoding: .utf8)
    let formatted = try Binary.run(["fmt", "sessions/s.yaml"], in: workspace)
    #expect(formatted.status == 0, "\(formatted.stderr)")
    #expect(formatted.stderr == "minutes: notice: 已從 \(ProcessInfo.processInfo.hostName) 上的 pid 2147483647（自 09:00 起）接管會話「s」。\n")
    #expect(formatted.text == "已重新格式化 sessions/s.yaml\n")
    #expect(try String(contentsOf: file, encoding: .utf8) != handEdited)
    #expect(!FileManager.default.fileExists(atPath: lock.path))
  }
}
