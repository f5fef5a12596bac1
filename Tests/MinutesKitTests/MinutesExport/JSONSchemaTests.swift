import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The JSON export against its schema, `docs/export.schema.json`, checked by an independent validator
/// (jsonschema from PyPI, draft 2020-12; `.ci/run` installs it): the schema is valid, every golden export and a
/// draft with errors validate, and exports broken in the ways a reader relies on do not.
@Suite(.enabled(if: Python.enabled("jsonschema"), "needs jsonschema: python3 -m pip install jsonschema"))
struct JSONSchemaTests {
  static let schema = TestSupport.packageRoot.appendingPathComponent("docs/export.schema.json").path

  static func validate(_ json: String) throws -> Python.Result {
    try Python.run([Python.script("validate_json.py"), schema, "-"], input: Data(json.utf8))
  }

  @Test func everyGoldenExportValidates() throws {
    let files = TestSupport.exampleTemplates.map { TestSupport.exampleFixture($0).appendingPathExtension("json").path }
    let result = try Python.run([Python.script("validate_json.py"), Self.schema] + files)
    #expect(result.status == 0, "\(result.output)\(result.errors)")
    #expect(result.output.components(separatedBy: ": ok\n").count == files.count + 1, "\(result.output)")
  }

  /// A draft with errors, exported with `--draft`: `final` is false, its errors are listed, and it validates.
  @Test(arguments: TestSupport.exampleTemplates)
  func aDraftWithErrorsValidates(template id: String) throws {
    let (template, example) = try TestSupport.example(id)
    var minutes = example
    let required = try #require(template.parts.first { $0.rules.required })
    minutes.content[required.key] = nil
    let exported = try Workspace.export(minutes, template: template, request: ExportRequest(format: .json), allowErrors: true, to: nil,
                                        sessions: URL(fileURLWithPath: "/nonexistent"))
    #expect(!exported.errors.isEmpty)
    #expect(exported.text?.contains("\n  \"final\": false,\n") == true)
    let result = try Self.validate(try #require(exported.text))
    #expect(result.status == 0, "\(result.output)\(result.errors)")
  }

  /// What the schema refuses, each in a copy of the board's golden export: a reader may rely on each.
  @Test(arguments: [
    ("final while errors remain", "\"errors\": 0,", "\"errors\": 1,"),
    ("an unknown severity", "\"findings\": [],", #""findings": [{"severity": "fatal", "rule": "r", "address": "", "message": "m", "hint": ""}],"#),
    ("a finding without its hint", "\"findings\": [],", #""findings": [{"severity": "warning", "rule": "r", "address": "", "message": "m"}],"#),
    ("a newer format", "\"format\": 1,", "\"format\": 2,"),
    ("a number that is not whole", "\"members\": 9,", "\"members\": 9.5,"),
    ("a null value", "\"members\": 9,", "\"members\": null,"),
    ("a key with a dot", "\"members\": 9,", "\"members.count\": 9,"),
    ("a key of its own", "\"final\": true,", "\"final\": true, \"pages\": 3,"),
    ("no text", #""text": "Harborview"#, #""txt": "Harborview"#),
  ])
  func anExportBrokenAsAReaderWouldNoticeIsRefused(what: String, replacing: String, with: String) throws {
    let golden = try String(contentsOf: TestSupport.exampleFixture("board-meeting.en").appendingPathExtension("json"), encoding: .utf8)
    #expect(golden.contains(replacing), "the golden file no longer has \(replacing)")
    let broken = golden.replacingOccurrences(of: replacing, with: with)
    let result = try Self.validate(broken)
    #expect(result.status == 1, "\(what) was not refused: \(result.output)\(result.errors)")
  }
}
