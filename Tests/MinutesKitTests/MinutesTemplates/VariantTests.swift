import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The variants real Chinese reports show, as the formal template (which extends the news-style one) expresses
/// them without Swift: a chair acting for someone (受…委託), several titles and 同志, a place, the date with its
/// year, attendance after the header with 出席 and 列席 in one sentence, 列席 by role only, points numbered
/// 一要…二要…, 原則同意 without a comma, 會議還研究審議了其他事項 and a credit line.
@Suite struct VariantTests {
  static func formal() throws -> Template {
    try TestSupport.template(id: "gov-executive-formal.zh-Hant")
  }

  static func export(_ content: Record) throws -> String {
    let template = try formal()
    return try TextExporter().export(try template.conform(Minutes(template: template.id, content: content)), template: template)
  }

  static let header: Record = [
    "date": "2023-11-02", "period": "上午", "chair": ["title": "副區長", "name": "錢慧", "actingFor": "區長韓啟明"],
    "place": "區政府第一會議室", "body": "區政府", "number": 42, "kind": "常務會議",
  ]

  @Test func aChairActingForSomeoneAndTheAttendanceSentence() throws {
    let text = try Self.export([
      "meeting": .record(Self.header),
      "attendance": ["present": [["title": "副區長", "names": ["趙雅琳", "孫建國"]]], "inAttendance": [["title": "有關部門負責同志"]]],
    ])
    #expect(text == """
      2023年11月2日上午，受區長韓啟明委託，副區長錢慧同志在區政府第一會議室主持召開區政府第42次常務會議。
      副區長趙雅琳、孫建國同志出席會議；有關部門負責同志列席會議。

      """)
  }

  @Test func numberedPointsAPrincipleApprovalAndTheClosingAndCredit() throws {
    var header = Self.header
    header["chair"] = ["title": "區委副書記、區長", "name": "韓啟明"]
    let text = try Self.export([
      "meeting": .record(header),
      "items": [[
        "kind": "研究", "subject": "今冬明春城區集中供暖保障工作",
        "directives": [
          ["verb": "原則同意", "lead": "區住房和城鄉建設局提出的供暖保障工作方案"],
          ["verb": "要求", "points": ["要提前做好熱源調度", "要加強供熱管網巡查"]],
        ],
      ]],
      "otherMatters": true, "credit": "撰稿：王某 審稿：李某",
    ])
    #expect(text == """
      2023年11月2日上午，區委副書記、區長韓啟明同志在區政府第一會議室主持召開區政府第42次常務會議。
      會議研究了今冬明春城區集中供暖保障工作。會議原則同意區住房和城鄉建設局提出的供暖保障工作方案。會議要求，一要提前做好熱源調度；二要加強供熱管網巡查。
      會議還研究審議了其他事項。
      （撰稿：王某 審稿：李某）

      """)
  }

  @Test func theFormalTemplateAsksForItsOwnPartsAndNotTheTerm() throws {
    let template = try Self.formal()
    let slots = Interview(template: template).slots(in: Minutes(template: template.id)).map(template.display)
    #expect(Array(slots.prefix(8)) == ["date", "period", "chair.title", "chair.name", "chair.actingFor", "place", "body", "number"])
    #expect(!slots.contains("term"))
    #expect(slots.last == "credit")
  }
}
