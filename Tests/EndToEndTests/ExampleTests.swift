import Foundation
import Testing
import MinutesTestSupport

/// Each built-in template's example meeting, drafted through the REPL as a clerk types it: the transcript
/// `Tests/Fixtures/examples/ID.session.txt` piped into `minutes new --template ID`, then `minutes export` gives
/// `Tests/Fixtures/examples/ID.txt` byte for byte, and `minutes check` finds no error.
@Suite struct ExampleTests {
  static let templates = [
    "gov-executive.zh-Hans",
    "gov-executive-formal.zh-Hant",
    "jiyao.zh-Hans",
    "board-meeting.en",
    "team-meeting.en",
  ]

  @Test(arguments: templates)
  func transcriptDraftsTheExampleByteForByte(template: String) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let transcript = try Data(contentsOf: Binary.fixture("examples/\(template).session.txt"))
    let drafting = try Binary.run(["new", "--template", template, "--name", "example"], in: workspace, input: transcript)
    #expect(drafting.status == 0, "stderr: \(drafting.stderr)")

    let export = try Binary.run(["export", "example", "--format", "text"], in: workspace)
    #expect(export.status == 0, "stderr: \(export.stderr)")
    let expected = try Data(contentsOf: Binary.fixture("examples/\(template).txt"))
    #expect(export.stdout == expected, "export:\n\(export.text)")

    let check = try Binary.run(["check", "example"], in: workspace)
    #expect(check.status == 0, "check:\n\(check.text)\(check.stderr)")
  }
}
