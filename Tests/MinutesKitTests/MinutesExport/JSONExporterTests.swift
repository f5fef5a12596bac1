import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``JSONExporter``: the envelope in its order, the draft in the template's order with its values typed, the
/// findings and `final`, strings escaped as JSON needs and nothing more.
@Suite struct JSONExporterTests {
  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func theEnvelopeNamesTheTemplateAndTheDraftIsTyped() throws {
    let (template, minutes) = try TestSupport.example("board-meeting.en")
    let json = try JSONExporter().export(minutes, template: template)
    let keys = ["\"format\"", "\"template\"", "\"final\"", "\"errors\"", "\"warnings\"", "\"findings\"", "\"minutes\"", "\"text\""]
    let positions = keys.map { json.range(of: "\n  \($0): ")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    let object = try Self.object(json)
    #expect(object["format"] as? Int == 1)
    let named = try #require(object["template"] as? [String: Any])
    #expect(named["id"] as? String == "board-meeting.en" && named["language"] as? String == "en" && named["format"] as? Int == 2)
    #expect(object["final"] as? Bool == true && object["errors"] as? Int == 0)
    #expect(object["text"] as? String == (try TextExporter().export(minutes, template: template)))
    let draft = try #require(object["minutes"] as? [String: Any])
    let meeting = try #require(draft["meeting"] as? [String: Any])
    #expect(meeting["members"] as? Int == 9)
    #expect(meeting["date"] as? String == "2024-04-16" && meeting["calledToOrder"] as? String == "19:02")
    #expect(draft["quorum"] as? Bool == true)
    let motions = try #require(draft["motions"] as? [[String: Any]])
    #expect(motions.count == 5 && motions[1]["votesAgainst"] as? Int == 1)
    #expect((motions[1]["rollCall"] as? [[String: Any]])?.first?["vote"] as? String == "aye")
    // The parts in the template's order, as the session file has them.
    let order = ["\"meeting\"", "\"attendance\"", "\"quorum\"", "\"previousMinutes\"", "\"reports\"", "\"motions\""]
    let at = order.compactMap { json.range(of: "\n    \($0): ")?.lowerBound }
    #expect(at.count == order.count && at == at.sorted())
  }

  @Test func findingsAreListedAndADraftWithErrorsIsNotFinal() throws {
    let (template, minutes) = try TestSupport.example("team-meeting.en")
    let findings = [
      ExportFinding(severity: .error, rule: "required", address: "date", message: "Missing required part ‘Date’", hint: ":goto date"),
      ExportFinding(severity: .warning, rule: "pattern", address: "1.topic", message: "a \"quote\"", hint: ":edit 1.topic"),
    ]
    let object = try Self.object(try JSONExporter(options: ExportOptions(findings: findings)).export(minutes, template: template))
    #expect(object["final"] as? Bool == false)
    #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 1)
    let listed = try #require(object["findings"] as? [[String: String]])
    #expect(listed == findings.map {
      ["severity": $0.severity.rawValue, "rule": $0.rule, "address": $0.address, "message": $0.message, "hint": $0.hint]
    })
    // No DRAFT line in the text: `final` says it.
    #expect((object["text"] as? String)?.hasPrefix("Platform Team Weekly Sync\n") == true)
  }

  /// Every string reads back as it was: quotes, backslashes, control characters, CJK and emoji, unescaped where
  /// JSON allows.
  @Test func stringsReadBackAsTheyWere() throws {
    let (template, draft) = try MarkdownExporterTests.weeklyDraft()
    var minutes = draft
    let chair = "王\"科長\" \\ / \t\u{01}\u{1F} 👍 \u{2028}"
    minutes.content["chair"] = .text(chair)
    let json = try JSONExporter().export(minutes, template: template)
    #expect(json.contains(#""chair": "王\"科長\" \\ / \t\u0001\u001f 👍 \u2028""#))
    let read = try #require(try Self.object(json)["minutes"] as? [String: Any])
    #expect(read["chair"] as? String == chair)
    #expect(json.hasSuffix("}\n"))
  }
}
