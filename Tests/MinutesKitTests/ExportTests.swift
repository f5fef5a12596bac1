import Foundation
import Testing

@testable import MinutesKit

/// ``TextExporter``: the seed session exports the published report byte for byte, a small draft renders every
/// template section, attendance name lists, item openings and export errors.
@Suite struct ExportTests {
  @Test func seedSessionExportsTheExpectedReport() throws {
    let lines = try TestSupport.seedSessionLines()
    #expect(TestSupport.lines(try TestSupport.seedText("session.txt")).last == ":quit")
    var assistant = try TestSupport.freshAssistant()
    for (number, line) in zip(1..., lines) {
      let response = assistant.handle(line)
      #expect(!response.isError, "session.txt line \(number) \(line.debugDescription): \(response.messages)")
    }
    #expect(assistant.cursor == nil)
    #expect(assistant.interview.missing(in: assistant.minutes) == [])
    #expect(assistant.minutes.items.count == 7)

    let text = try TextExporter().export(assistant.minutes, template: assistant.template)
    let expected = try Data(contentsOf: TestSupport.seedDirectory.appendingPathComponent("expected.txt"))
    #expect(Data(text.utf8) == expected)
    if Data(text.utf8) != expected {
      let want = TestSupport.lines(String(decoding: expected, as: UTF8.self))
      for (number, (got, line)) in zip(1..., zip(TestSupport.lines(text), want)) where got != line {
        Issue.record("line \(number):\n got \(got)\nwant \(line)")
      }
    }
  }

  @Test func seedSessionUndoDropsTheUndoneDirective() throws {
    let assistant = try TestSupport.seedAssistant()
    // Item 3 was answered 指出, undone, then answered 強調.
    #expect(assistant.minutes.items[2].directives.map(\.verb) == ["強調"])
    #expect(assistant.minutes.items[1].followUp == "研究部署我區安全生產工作")
  }

  static var smallDraft: Minutes {
    var m = Minutes(template: "gov-executive.zh-Hant")
    m.meeting.date = MeetingDate(year: 2023, month: 1, day: 9)
    m.meeting.period = "上午"
    m.meeting.chair = Chair(title: "區長", name: "王一")
    m.meeting.term = 11
    m.meeting.body = "區政府"
    m.meeting.number = 12
    m.meeting.kind = "常務會議"
    m.items = [
      AgendaItem(kind: "審議", subject: "關于X的辦法", status: "草案",
                 directives: [Directive(verb: "原則通過", lead: "會議認為該辦法可行")]),
      AgendaItem(kind: "傳達", subject: "Y精神", followUp: "研究部署Z工作",
                 directives: [
                   Directive(verb: "要求", topic: "做好Z工作", points: ["要甲", "要乙"]),
                   Directive(verb: "強調", lead: "形勢嚴峻", points: ["要丙"]),
                 ]),
    ]
    m.arrangements = Arrangements(topics: ["疫情防控", "安全生產"])
    m.otherMatters = false
    m.attendance.present = [AttendanceGroup(title: "副區長", names: ["甲"]), AttendanceGroup(title: "區長助理", names: ["乙"])]
    return m
  }

  @Test func aSmallDraftRendersEverySection() throws {
    let template = try TestSupport.template()
    #expect(try TextExporter().export(Self.smallDraft, template: template) == """
      1月9日上午，區長王一主持召開第十一屆區政府第12次常務會議。
      會議審議了《關于X的辦法》（草案）。會議原則通過，會議認為該辦法可行。
      會議傳達了Y精神，研究部署Z工作。就做好Z工作，會議要求，要甲；要乙。會議強調，形勢嚴峻。要丙。
      會議就疫情防控、安全生產等作了安排部署。
      副區長甲、區長助理乙出席會議。

      """)

    var more = Self.smallDraft
    more.arrangements.scope = "全區下一步"
    more.otherMatters = true
    more.attendance.inAttendance = [AttendanceGroup(title: "區人大代表", names: ["秦雪", "李四"])]
    more.attendance.absent = [Absence(title: "副區長", name: "張三", reason: "出差")]
    #expect(try TextExporter().export(more, template: template).hasSuffix("""
      會議就全區下一步疫情防控、安全生產等作了安排部署。
      會議還研究了其他事項。
      副區長甲、區長助理乙出席會議。
      區人大代表秦雪、李四應邀列席會議。

      """))
  }

  @Test(arguments: [
    ([("區委常委、副區長", ["曲興群", "唐洪斌"]), ("副區長", ["劉成剛", "陳春青"])], "區委常委、副區長曲興群、唐洪斌，副區長劉成剛、陳春青"),
    ([("區人大代表", ["秦雪"]), ("政協委員", ["賀超"])], "區人大代表秦雪、政協委員賀超"),
    ([("副區長", ["甲"]), ("區長助理", ["乙", "丙"])], "副區長甲，區長助理乙、丙"),
    ([("副區長", ["劉成剛", "陳春青", "李禹霖", "旦增桑布"])], "副區長劉成剛、陳春青、李禹霖、旦增桑布"),
    ([("政協委員", ["賀超"])], "政協委員賀超"),
    ([], ""),
  ])
  func nameListJoinsGroupsPerTheTemplateStyle(groups: [(String, [String])], expected: String) throws {
    let style = try TestSupport.template().attendance
    let groups = groups.map { AttendanceGroup(title: $0.0, names: $0.1) }
    #expect(TextExporter.nameList(groups, style) == expected)
  }

  @Test func nameListUsesTheStyleItIsGiven() {
    let style = Template.AttendanceStyle(nameSeparator: "/", groupSeparator: "; ", singleNameGroupSeparator: " | ")
    let several = [AttendanceGroup(title: "A", names: ["a", "b"]), AttendanceGroup(title: "B", names: ["c"])]
    #expect(TextExporter.nameList(several, style) == "Aa/b; Bc")
    let single = [AttendanceGroup(title: "A", names: ["a"]), AttendanceGroup(title: "B", names: ["c"])]
    #expect(TextExporter.nameList(single, style) == "Aa | Bc")
  }

  @Test(arguments: [
    (AgendaItem(kind: "審議", subject: "辦法", status: "討論稿"), "會議審議了《辦法》（討論稿）"),
    (AgendaItem(kind: "審議", subject: "辦法"), "會議審議了《辦法》"),
    (AgendaItem(kind: "傳達學習", subject: "全國“兩會”精神"), "會議傳達學習了全國“兩會”精神"),
    (AgendaItem(kind: "傳達", subject: "A&B<C>", status: "草案"), "會議傳達了A&B<C>"),
  ])
  func openingsFollowTheItemKind(item: AgendaItem, expected: String) throws {
    #expect(try TextExporter.opening(of: item, address: .item(1), template: TestSupport.template()) == expected)
  }

  @Test func anUnknownItemKindIsNamedWithItsAddress() throws {
    var minutes = Self.smallDraft
    minutes.items[1].kind = "討論"
    let error = ExportError.unknownItemKind(kind: "討論", address: "2")
    #expect(throws: error) { try TextExporter().export(minutes, template: TestSupport.template()) }
    #expect(
      error.errorDescription
        == "item 2 has kind `討論`, which the template does not define; change it with :edit 2.kind")
  }

  @Test func aTemplateWithoutTextExportIsRefused() throws {
    var template = try TestSupport.template()
    template.export = [:]
    let error = ExportError.formatNotInTemplate(format: "text", template: "gov-executive.zh-Hant")
    #expect(throws: error) { try TextExporter().export(Self.smallDraft, template: template) }
    #expect(error.errorDescription == "template `gov-executive.zh-Hant` has no `text` export; add `export.text` to it.")
    #expect(ExportFormat.text.exporter.format == .text)
  }
}
