import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Every built-in template's example meeting in every format, byte for byte against its golden file beside the
/// text export: `Tests/Fixtures/seed/expected.{md,html,json}` for the seed (`gov-executive.zh-Hant`),
/// `Tests/Fixtures/examples/ID.{md,html,json}` for the others. `RECORD_GOLDEN=1 swift test --filter
/// ExportGoldenTests` writes them anew (and fails, so that a recording is never taken for a pass).
@Suite struct ExportGoldenTests {
  static let formats: [ExportFormat] = [.markdown, .html, .json]

  static func fileExtension(_ format: ExportFormat) -> String {
    switch format {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    case .docx: "docx"
    }
  }

  @Test(arguments: TestSupport.exampleTemplates, formats)
  func eachFormatOfEachExampleMatchesItsGoldenFile(template id: String, format: ExportFormat) throws {
    let (template, minutes) = try TestSupport.example(id)
    // The example is final: no errors, so no DRAFT line; the JSON lists its warnings as any export would.
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.filter { $0.severity == .error } == [])
    let output = try format.exporter.export(minutes, template: template, options: ExportOptions(findings: findings.map(ExportFinding.init)))
    let exported = try #require(output.text)
    let golden = TestSupport.exampleFixture(id).appendingPathExtension(Self.fileExtension(format))
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try Data(exported.utf8).write(to: golden)
      Issue.record("recorded \(golden.lastPathComponent); run again without RECORD_GOLDEN")
      return
    }
    let expected = try String(contentsOf: golden, encoding: .utf8)
    #expect(exported == expected, "\(golden.lastPathComponent) differs; RECORD_GOLDEN=1 rewrites it")
    if exported != expected {
      for (number, (got, want)) in zip(1..., zip(TestSupport.lines(exported), TestSupport.lines(expected))) where got != want {
        Issue.record("line \(number):\n got \(got)\nwant \(want)")
        break
      }
    }
  }

  /// The text export of every example is the committed one: adding formats changed no byte of it.
  @Test(arguments: TestSupport.exampleTemplates)
  func theTextExportIsUnchanged(template id: String) throws {
    let (template, minutes) = try TestSupport.example(id)
    let expected = try String(contentsOf: TestSupport.exampleFixture(id).appendingPathExtension("txt"), encoding: .utf8)
    #expect(try TextExporter().export(minutes, template: template) == expected)
  }
}
