import Foundation
import Testing
import MinutesTestSupport

/// Damaged session files: where the problem is, the file never overwritten, recovery offered and done.
@Suite struct BadFileTests {
  /// A session of three answers, closed and then given one more answer (which is in the journal only).
  private func session(in workspace: URL) throws -> URL {
    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "s"], in: workspace, input: Data("2022-05-20\n下午\n".utf8))
    _ = try Binary.run(["resume", "s"], in: workspace, input: Data("政府代區長\n".utf8))
    return workspace.appendingPathComponent("sessions/s.yaml")
  }

  private func damage(_ url: URL, _ transform: (Data) -> Data) throws -> Data {
    let damaged = transform(try Data(contentsOf: url))
    try damaged.write(to: url)
    return damaged
  }

  @Test(arguments: ["truncated", "corrupted"])
  func aDamagedSnapshotIsReportedKeptAndRecovered(kind: String) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    let damaged = try damage(file) { data in
      kind == "truncated" ? data.prefix(data.count / 2) : data.prefix(40) + Data("\t- [ {{\n".utf8) + data.dropFirst(40)
    }
    let refused = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))
    #expect(refused.status == 1)
    #expect(refused.stderr.hasPrefix("minutes: \(file.path):"))
    #expect(refused.stderr.contains(" error: "))
    // A zh-Hant session: the message is Chinese, in the `file:line:col: error:` form tools read.
    #expect(refused.stderr.hasSuffix("最後一份完好的快照和日誌可以還原草稿：`minutes resume s --recover`（損壞的檔案會保留在旁邊）。\n"))
    #expect(try Data(contentsOf: file) == damaged, "a damaged file is never overwritten")
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("sessions/s.lock").path))

    let recovered = try Binary.run(["resume", "s", "--recover"], in: workspace, input: Data(":show chair.title\n:quit\n".utf8))
    #expect(recovered.status == 0, "stderr: \(recovered.stderr)")
    #expect(recovered.text.contains("chair.title  主持人職務：政府代區長\n"), "the journal is replayed on the last good snapshot")
    let kept = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("sessions").path)
      .filter { $0.hasPrefix("s.yaml.damaged-") }
    #expect(kept.count == 1)
    #expect(try Data(contentsOf: workspace.appendingPathComponent("sessions").appendingPathComponent(kept[0])) == damaged)
  }

  /// A snapshot changed since minutes wrote it (by hand, or a bit gone bad on disk) fails its checksum: every
  /// command that opens it says so and reads it as it is; `--recover` brings back what minutes saved, keeping the
  /// changed file.
  @Test func aSnapshotChangedOutsideMinutesIsSaidAndCanBeUndone() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    _ = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))  // the journal's edit compacted in
    let changed = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "2022-05-20", with: "2022-05-21")
    try changed.write(to: file, atomically: true, encoding: .utf8)
    let said = "minutes: warning: \(file.path)：檔案在 minutes 上次保存後被改過（校驗和不符），按現在的內容讀取；"
      + "如果不是您改的，用 `minutes resume s --recover` 還原 minutes 上次保存的版本（改過的檔案會保留在旁邊）；"
      + "在改過的檔案上繼續起草時，上次保存的版本另存為 `s.yaml.good.saved-…`\n"
    let checked = try Binary.run(["check", "s"], in: workspace)
    #expect(checked.stderr == said)
    let exported = try Binary.run(["export", "s", "--draft"], in: workspace)
    #expect(exported.stderr == said)
    #expect(exported.text.contains("5月21日"), "read as it is now")

    let recovered = try Binary.run(["resume", "s", "--recover"], in: workspace, input: Data(":show date\n:quit\n".utf8))
    #expect(recovered.status == 0, "stderr: \(recovered.stderr)")
    #expect(recovered.stderr.isEmpty, "\(recovered.stderr)")
    #expect(recovered.text.contains("2022-05-20"), "\(recovered.text)")
    let sessions = workspace.appendingPathComponent("sessions")
    let kept = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasPrefix("s.yaml.changed-") }
    #expect(kept.count == 1)
    #expect(try kept.first.map { try String(contentsOf: sessions.appendingPathComponent($0), encoding: .utf8) } == changed)
    #expect(try Binary.run(["check", "s"], in: workspace).stderr.isEmpty, "what minutes wrote is sealed again")

    // Changed again, and this time drafted on: what minutes last saved is kept aside, as the warning says.
    let good = try String(contentsOf: file, encoding: .utf8)
    try good.replacingOccurrences(of: "2022-05-20", with: "2022-05-22").write(to: file, atomically: true, encoding: .utf8)
    let resumed = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))
    #expect(resumed.stderr.contains("s.yaml.good.saved-…"), "\(resumed.stderr)")
    let saved = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasPrefix("s.yaml.good.saved-") }
    #expect(saved.count == 1)
    #expect(try saved.first.map { try String(contentsOf: sessions.appendingPathComponent($0), encoding: .utf8) } == good)
  }

  /// A journal line that fails its checksum is not applied, and every command that opens the session says so.
  @Test func aDamagedJournalLineIsSaid() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try session(in: workspace)
    let journal = workspace.appendingPathComponent("sessions/s.journal")
    var lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    let last = try #require(lines.last)
    #expect(last.contains("政府代區長"))
    lines[lines.count - 1] = last.replacingOccurrences(of: "政府代區長", with: "政府副區長")
    try (lines.joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
    let checked = try Binary.run(["check", "s"], in: workspace)
    #expect(checked.stderr.hasPrefix("minutes: warning: \(journal.path):\(lines.count)：這一行已損壞；之前的修改已還原"), "\(checked.stderr)")
    let exported = try Binary.run(["export", "s", "--draft"], in: workspace)
    #expect(!exported.text.contains("副區長"), "a damaged line is never applied")
  }

  @Test func aHandBrokenFileSaysWhereAndWhat() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    var text = try String(contentsOf: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "resumeAt:", with: "items: 5\nresumeAt:")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "items: 5" }! + 1
    let refused = try Binary.run(["export", "s"], in: workspace)
    #expect(refused.status == 1)
    #expect(refused.stderr == "minutes: \(file.path):\(line):1: error: `items`：應為列表（範本 `gov-executive.zh-Hant`）。檔案保持原樣。\n")
  }

  @Test func aNewerFormatIsRefused() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = try session(in: workspace)
    let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "format: 1\n", with: "format: 2\n")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let refused = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))
    #expect(refused.status == 1)
    #expect(refused.stderr == "minutes: error: \(file.path)：minutes 格式 2 比這個版本能讀的（1）新；請更新 minutes。\n")
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
  }

  @Test func undoReachesBackAcrossResume() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try session(in: workspace)
    let today = try Binary.run(["resume", "s"], in: workspace, input: Data(":undo\n:undo\n:quit\n".utf8))
    #expect(today.text.contains("已撤銷：回答 chair.title。\n"))
    #expect(today.text.contains("已撤銷：回答 period。\n"))
    let later = try Binary.run(["resume", "s"], in: workspace, input: Data(":redo\n:show period\n:quit\n".utf8))
    #expect(later.text.contains("已重做：回答 period。\n"))
    #expect(later.text.contains("period  時段：下午\n"))
  }

  @Test func aFileThatIsNotUTF8IsRefusedAtTheLineAndColumnOfItsFirstBadByte() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // A session: its snapshot given a Big5 byte pair in the chair's title (line 6, after `  title: 政府`).
    let file = try session(in: workspace)
    let text = try String(contentsOf: file, encoding: .utf8)
    let (before, after) = try #require(text.range(of: "政府代區長").map { (text[..<$0.lowerBound] + "政府", text[$0.upperBound...]) })
    let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
    let column = (before.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
    let offset = before.utf8.count + 1
    let damaged = Data(before.utf8) + Data([0xA5, 0x4E]) + Data(after.utf8)
    try damaged.write(to: file)
    let resumed = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))
    #expect(resumed.status == 1)
    #expect(resumed.stderr.hasPrefix(
      "minutes: \(file.path):\(line):\(column): error: 檔案不是 UTF-8 文字：位元組 0xA5（檔案的第 \(offset) 個位元組）不是 UTF-8；請以 UTF-8 另存檔案。檔案保持原樣。"))
    #expect(try Data(contentsOf: file) == damaged)

    // A minutes file checked by path, and a template.
    let loose = workspace.appendingPathComponent("loose.yaml")
    try (Data("format: 1\ntemplate: team-meeting.en\nmeeting:\n  title: Sync ".utf8) + Data([0xFF]) + Data("\n".utf8)).write(to: loose)
    let checked = try Binary.run(["check", loose.path], in: workspace)
    #expect(checked.status == 2)
    #expect(checked.stderr == "minutes: \(loose.path):4:15: error: the file is not UTF-8 text: byte 0xFF (byte 60 of the file) is not UTF-8; save the file as UTF-8. The file was left as it is.\n")
    let template = workspace.appendingPathComponent("bad.en.yaml")
    try (Data("format: 2\nid: bad.en\nname: B".utf8) + Data([0xC3]) + Data("\n".utf8)).write(to: template)
    let templates = try Binary.run(["templates", "check", template.path], in: workspace)
    #expect(templates.status == 1)
    #expect(templates.stderr == "\(template.path):3:8: error: the file is not UTF-8 text: byte 0xC3 (byte 29 of the file) is not UTF-8; save the file as UTF-8\n")
  }
}
