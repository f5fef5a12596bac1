import Foundation
import Testing
import MinutesTestSupport

/// `minutes export --format markdown|html|json` through the built binary: the seed meeting prints each golden
/// file and writes it with `-o`; a draft with errors is refused, and exported with `--draft` as a draft.
@Suite struct ExportFormatTests {
  static let formats = [("markdown", "md"), ("html", "html"), ("json", "json")]

  @Test func theSeedMeetingExportsEveryFormat() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let session = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    let drafting = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed"], in: workspace, input: session)
    #expect(drafting.status == 0, "stderr: \(drafting.stderr)")
    for (format, fileExtension) in Self.formats {
      let expected = try Data(contentsOf: Binary.fixture("seed/expected.\(fileExtension)"))
      let printed = try Binary.run(["export", "seed", "--format", format], in: workspace)
      #expect(printed.status == 0, "stderr: \(printed.stderr)")
      #expect(printed.stdout == expected, "\(format):\n\(printed.text)")
      let file = workspace.appendingPathComponent("seed.\(fileExtension)")
      let written = try Binary.run(["export", "seed", "--format", format, "-o", file.path], in: workspace)
      #expect(written.status == 0, "stderr: \(written.stderr)")
      #expect(try Data(contentsOf: file) == expected)
    }
    // The text export is what it always was.
    let text = try Binary.run(["export", "seed"], in: workspace)
    #expect(text.stdout == (try Data(contentsOf: Binary.fixture("seed/expected.txt"))))
  }

  @Test func aDraftWithErrorsIsRefusedInEveryFormatAndExportedAsADraftWithDraft() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let started = try Binary.run(["new", "--template", "team-meeting.en", "--name", "half"], in: workspace,
                                 input: Data("Design review\n2024-06-03\n:quit\n".utf8))
    #expect(started.status == 0, "stderr: \(started.stderr)")
    for (format, _) in Self.formats {
      let refused = try Binary.run(["export", "half", "--format", format], in: workspace)
      #expect(refused.status == 1)
      #expect(refused.stdout.isEmpty)
      #expect(refused.stderr.contains("error(s) in `half`"), "\(refused.stderr)")
    }
    let markdown = try Binary.run(["export", "half", "--format", "markdown", "--draft"], in: workspace)
    #expect(markdown.status == 0)
    #expect(markdown.text.hasPrefix("> DRAFT — "), "\(markdown.text)")
    #expect(markdown.text.contains("\n# Design review\n"))
    let html = try Binary.run(["export", "half", "--format", "html", "--draft"], in: workspace)
    #expect(html.text.contains("<main class=\"minutes\">\n<p class=\"draft\">DRAFT — "), "\(html.text)")
    let json = try Binary.run(["export", "half", "--format", "json", "--draft"], in: workspace)
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    #expect(object["final"] as? Bool == false)
    #expect((object["errors"] as? Int ?? 0) > 0)
    #expect((object["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "required" } == true)
  }
}
