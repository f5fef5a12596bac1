import Foundation
import Testing
import MinutesTestSupport

/// `minutes check` on a minutes file: exit 0 for a correct board meeting, 1 with an error, 0 with a warning
/// alone, and the `--json` report of a broken file against a golden file. (Each rule's finding is tested at the
/// unit level, in `BoardRuleTests`.)
@Suite struct RuleTests {
  static let base = Binary.fixture("rules/board.yaml")

  /// `minutes check --json` on `yaml`, written to a file in a fresh workspace.
  static func check(_ yaml: String) throws -> (status: Int32, findings: [[String: String]], json: String, workspace: URL) {
    let workspace = try Binary.temporaryWorkspace()
    let file = workspace.appendingPathComponent("board.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let result = try Binary.run(["check", "--json", file.path], in: workspace)
    let report = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    return (result.status, report?["findings"] as? [[String: String]] ?? [], result.text, workspace)
  }

  @Test func theCorrectMeetingHasNoFinding() throws {
    let result = try Self.check(try String(contentsOf: Self.base, encoding: .utf8))
    defer { try? FileManager.default.removeItem(at: result.workspace) }
    #expect(result.status == 0)
    #expect(result.findings.isEmpty)
  }

  @Test func theExitStatusSaysWhetherThereAreErrors() throws {
    let text = try String(contentsOf: Self.base, encoding: .utf8)
    let error = try Self.check(text.replacingOccurrences(of: "  body: Board of Directors\n", with: ""))
    defer { try? FileManager.default.removeItem(at: error.workspace) }
    #expect(error.status == 1)
    #expect(error.findings.map { $0["rule"] } == ["required"])
    let warning = try Self.check(text.replacingOccurrences(of: "- text: the board establish", with: "- text: that the board establish"))
    defer { try? FileManager.default.removeItem(at: warning.workspace) }
    #expect(warning.status == 0)
    #expect(warning.findings.map { $0["rule"] } == ["pattern"])
  }

  @Test func theJSONReportHasAStableShape() throws {
    let text = try String(contentsOf: Self.base, encoding: .utf8)
      .replacingOccurrences(of: "  body: Board of Directors\n", with: "")
      .replacingOccurrences(of: "- text: the board establish", with: "- text: that the board establish")
    let result = try Self.check(text)
    defer { try? FileManager.default.removeItem(at: result.workspace) }
    let golden = try String(contentsOf: Binary.fixture("rules/check-report.json"), encoding: .utf8)
    #expect(result.json.replacingOccurrences(of: result.workspace.path, with: "WORKSPACE") == golden)
  }
}
