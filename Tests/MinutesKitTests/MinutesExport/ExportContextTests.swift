import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The export context's values: numbers in Chinese, dates and times in their printed forms, lists with their
/// entry numbers.
@Suite struct ExportContextTests {
  /// A template with one part of each kind and an export that prints their forms.
  static let yaml = """
    format: 2
    id: forms
    name: Forms
    language: en
    parts:
      - {key: day, type: date, question: Day?}
      - {key: start, type: time, question: Start?}
      - {key: count, type: number, question: Count?}
      - {key: votes, type: count, question: Votes?}
      - {key: held, type: yesno, question: Held?}
      - {key: notes, list: true, question: Note?, join: {separator: ", "}}
    export:
      text: "{{% CONTENT_TYPE: TEXT}}{{day.zh}}|{{day.en}}|{{day.weekday}}|{{start.en}}|{{count.zh}}|{{votes}}|{{#held}}held{{/held}}{{^held}}not held{{/held}}|{{notes}}|{{#notes}}{{n}}.{{.}}{{zh}} {{/notes}}"

    """

  @Test func everyKindOfValueHasItsPrintedForms() throws {
    let template = try TemplateLibrary.parse(Self.yaml, file: "forms.yaml")
    let minutes = try template.conform(Minutes(template: "forms", content: [
      "day": "2024-04-16", "start": "19:02", "count": "21", "votes": "0", "held": "true", "notes": ["a", "b"],
    ]))
    #expect(minutes.content["votes"] == .number(0))
    #expect(try TextExporter().export(minutes, template: template)
      == "2024年4月16日|April 16, 2024|Tuesday|7:02 p.m.|二十一|0|held|a, b|1.a一 2.b二 ")
    var notHeld = minutes
    notHeld.content["held"] = .flag(false)
    notHeld.content["notes"] = nil
    #expect(try TextExporter().export(notHeld, template: template)
      == "2024年4月16日|April 16, 2024|Tuesday|7:02 p.m.|二十一|0|not held||")
  }
}
