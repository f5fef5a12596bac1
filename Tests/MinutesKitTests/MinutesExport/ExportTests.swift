import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
import MinutesTestSupport

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
    #expect(assistant.minutes.column("items", "kind") == ["傳達學習", "傳達學習", "傳達學習", "傳達", "審議", "審議", "審議"])

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
    #expect(assistant.minutes.column("items.3.directives", "verb") == ["強調"])
    #expect(assistant.minutes.text("items.2.followUp") == "研究部署我區安全生產工作")
  }

  /// The seed draft read back from its file (every scalar as text) and conformed exports the same report.
  @Test func theSeedDraftReadFromItsFileExportsTheSameReport() throws {
    let assistant = try TestSupport.seedAssistant()
    let yaml = try SessionFile(minutes: assistant.minutes, resumeAt: .finished).yaml()
    let read = try SessionFile.parse(yaml, file: "seed.yaml").minutes
    #expect(read["meeting.term"] == .text("10"), "a file is read without its template")
    let conformed = try assistant.template.conform(read)
    #expect(conformed == assistant.minutes)
    #expect(try TextExporter().export(conformed, template: assistant.template) == TestSupport.seedText("expected.txt"))
  }

  static func smallDraft() throws -> Minutes {
    try TestSupport.draft([
      "meeting": [
        "date": "2023-01-09", "period": "上午", "chair": ["title": "區長", "name": "王一"], "term": "11",
        "body": "區政府", "number": "12", "kind": "常務會議",
      ],
      "items": [
        ["kind": "審議", "subject": "關于X的辦法", "status": "草案",
         "directives": [["verb": "原則通過", "lead": "該辦法"]]],
        ["kind": "傳達", "subject": "Y精神", "followUp": "研究部署Z工作",
         "directives": [
           ["verb": "要求", "topic": "做好Z工作", "points": ["要甲", "要乙"]],
           ["verb": "強調", "lead": "形勢嚴峻", "points": ["要丙"]],
         ]],
      ],
      "arrangements": ["topics": ["疫情防控", "安全生產"]],
      "otherMatters": "false",
      "attendance": ["present": [["title": "副區長", "names": ["甲"]], ["title": "區長助理", "names": ["乙"]]]],
    ])
  }

  @Test func aSmallDraftRendersEverySection() throws {
    let template = try TestSupport.template()
    let draft = try Self.smallDraft()
    #expect(draft["meeting.term"] == .number(11), "conform types the numbers")
    #expect(draft["otherMatters"] == .flag(false))
    #expect(try TextExporter().export(draft, template: template) == """
      1月9日上午，區長王一主持召開第十一屆區政府第12次常務會議。
      會議審議了《關于X的辦法》（草案）。會議原則通過該辦法。
      會議傳達了Y精神，研究部署Z工作。就做好Z工作，會議要求，要甲；要乙。會議強調，形勢嚴峻。要丙。
      會議就疫情防控、安全生產等作了安排部署。
      副區長甲、區長助理乙出席會議。

      """)

    var more = draft
    more.setValue("全區下一步", at: TestSupport.at("arrangements.scope"))
    more.setValue(true, at: TestSupport.at("otherMatters"))
    more.setValue([["title": "區人大代表", "names": ["秦雪", "李四"]]], at: TestSupport.at("attendance.inAttendance"))
    more.setValue([["title": "副區長", "name": "張三", "reason": "出差"]], at: TestSupport.at("attendance.absent"))
    #expect(try TextExporter().export(more, template: template).hasSuffix("""
      會議就全區下一步疫情防控、安全生產等作了安排部署。
      會議還研究了其他事項。
      副區長甲、區長助理乙出席會議。
      區人大代表秦雪、李四應邀列席會議。

      """))
  }

  @Test func anEmptyDraftExportsNothingAndAPartialOneOnlyWhatIsThere() throws {
    let template = try TestSupport.template()
    #expect(try TextExporter().export(Minutes(template: template.id), template: template) == "")
    let partial = try TestSupport.draft(["otherMatters": "true", "items": [["kind": "傳達", "subject": "甲"]]])
    #expect(try TextExporter().export(partial, template: template) == "會議傳達了甲。\n會議還研究了其他事項。\n")
  }

  /// A draft exported with its errors prints the mark of a required list with no entries where the list's text
  /// goes (研究了〔事项〕等事项), also inside a group that has nothing else: the roll call's `Present: [Present]`, not a
  /// heading with nothing under it.
  @Test func anEmptyDraftPrintsTheMarksOfItsRequiredLists() throws {
    let board = try TestSupport.template(id: "board-meeting.en")
    let boardText = try TextExporter.text(Minutes(template: board.id), template: board, marksMissing: true)
    #expect(boardText.contains("\nRoll call\nPresent: [Present]\n"), "\(boardText)")
    // A required yes/no not answered prints its mark, not the text of either answer.
    #expect(boardText.contains("Quorum: [Quorum] ("), "\(boardText)")
    #expect(!boardText.contains("A quorum was"), "\(boardText)")
    // Escaped as the format escapes every mark (a lambda's text is not escaped by swift-mustache).
    let boardMarkdown = try MarkdownExporter(options: ExportOptions(draftErrors: 1)).export(Minutes(template: board.id), template: board)
    #expect(boardMarkdown.contains("**Quorum:** \\[Quorum\\] ("), "\(boardMarkdown)")
    // A table of people with no one in it has the mark for its row, not a heading row alone.
    #expect(boardMarkdown.contains("|---|---|\n| \\[Present\\] | Present |\n"), "\(boardMarkdown)")
    let team = try TestSupport.template(id: "team-meeting.en")
    let teamMarkdown = try MarkdownExporter(options: ExportOptions(draftErrors: 1)).export(Minutes(template: team.id), template: team)
    #expect(teamMarkdown.contains("|---|---|\n| \\[Attendee\\] | Present |\n"), "\(teamMarkdown)")
    var answered = Minutes(template: board.id)
    answered.setValue(.flag(false), at: Address(stored: "quorum")!)
    #expect(try TextExporter.text(answered, template: board, marksMissing: true).contains("Quorum: A quorum was not present ("))
    let jiyao = try TestSupport.template(id: "jiyao.zh-Hans")
    let jiyaoText = try TextExporter.text(Minutes(template: jiyao.id), template: jiyao, marksMissing: true)
    #expect(jiyaoText.contains("研究了〔事项〕等事项"), "\(jiyaoText)")
    #expect(try TextExporter.text(Minutes(template: team.id), template: team, marksMissing: true).contains("Attendees: [Attendee]\n"))
    // A date not filled in, printed part by part, is a blank for each part, as a form leaves them; printed whole,
    // its label.
    let report = try TestSupport.template()
    let reportText = try TextExporter.text(Minutes(template: report.id), template: report, marksMissing: true)
    #expect(reportText.hasPrefix("〔　〕月〔　〕日，〔主持人職務〕主持召開"), "\(reportText)")
    // A yes/no on lines of its own (會議還研究了其他事項) is its mark on a line of its own.
    #expect(reportText.hasSuffix("。\n〔其他事項〕\n"), "\(reportText)")
    let formal = try TestSupport.template(id: "gov-executive-formal.zh-Hant")
    #expect(try TextExporter.text(Minutes(template: formal.id), template: formal, marksMissing: true).contains("〔　〕年〔　〕月〔　〕日"))
    #expect(boardText.contains("[Date]"), "\(boardText)")
    // Without marks (a finished export), nothing of the kind.
    #expect(try !TextExporter.text(Minutes(template: board.id), template: board).contains("[Present]"))
  }

  /// A draft exported with its errors marks what a declared `filled` check finds missing, at the first field it
  /// asks for: a directive with neither lead nor points prints 會議指出，〔引言〕。, not 會議指出，。; an amendment
  /// with no disposition prints `[Amendment disposition]`, and one with a disposition but no mover `moved by [Amendment moved by]`.
  /// A directive with points, and the export of a finished draft, print no mark.
  @Test func aDraftMarksWhatADeclaredCheckFindsMissing() throws {
    let report = try TestSupport.template()
    var minutes = try TestSupport.seedAssistant().minutes
    _ = minutes.insert(.record(["verb": "指出"]), at: 1, in: Address(stored: "items.1.directives")!)
    let marked = try TextExporter.text(minutes, template: report, marksMissing: true)
    #expect(marked.contains("會議指出，〔引言〕。"), "\(marked)")
    #expect(try !TextExporter.text(minutes, template: report).contains("〔"))
    #expect(try !TextExporter.text(TestSupport.seedAssistant().minutes, template: report, marksMissing: true).contains("〔"))
    // 原則同意 asks for no points: its lead is what is missing.
    minutes.setValue(.record(["verb": "原則同意"]), at: Address(stored: "items.1.directives.1")!)
    #expect(try TextExporter.text(minutes, template: report, marksMissing: true).contains("會議原則同意〔引言〕"))

    let board = try TestSupport.template(id: "board-meeting.en")
    var draft = try board.conform(Minutes(template: board.id, content: ["motions": [[
      "mover": "Ana Ruiz", "seconder": "Ben Cole", "text": "adopt the budget", "disposition": "Adopted",
      "amendments": [["text": "to strike “$400,000” and insert “$398,500”"]],
    ]]]))
    let noDisposition = try TextExporter.text(draft, template: board, marksMissing: true)
    #expect(noDisposition.contains("“$398,500”. [Amendment disposition]."), "\(noDisposition)")
    #expect(!noDisposition.contains("moved by ["), "\(noDisposition)")
    draft.setValue(.text("Adopted"), at: Address(stored: "motions.1.amendments.1.disposition")!)
    let noMover = try TextExporter.text(draft, template: board, marksMissing: true)
    #expect(noMover.contains("Amendment 1, moved by [Amendment moved by]: "), "\(noMover)")
  }

  /// A point the clerk ended with ！ or ？ takes no 。 after it from the template (GB/T 15834-2011 §4.1–4.3).
  @Test func aChineseSentenceTakesOneEndMark() throws {
    let report = try TestSupport.template()
    var minutes = try TestSupport.seedAssistant().minutes
    minutes.setValue(.list([.text("要倒排工期、掛圖作戰，確保年底前全部完工！")]), at: Address(stored: "items.1.directives.1.points")!)
    let text = try TextExporter.text(minutes, template: report)
    #expect(text.contains("確保年底前全部完工！\n"), "\(text)")
    #expect(!text.contains("！。"))
    // Nor the ； that joins points, and a quote that ends its sentence takes no 。 after it (a clerk's trial).
    minutes.setValue(.list([.text("要壓緊壓實防汛責任，確保群眾生命安全！"), .text("要加強汛期巡查值守，隱患排查是否到位？"),
                            .text("要牢記“人民至上、生命至上。”")]), at: Address(stored: "items.1.directives.1.points")!)
    let joined = try TextExporter.text(minutes, template: report)
    #expect(joined.contains("確保群眾生命安全！要加強汛期巡查值守，隱患排查是否到位？要牢記“人民至上、生命至上。”\n"), "\(joined)")
  }

  /// Only the template's redundant marks go, wherever they are in the text: ！ or ？ then 。 or ；, and a closing
  /// quote after a sentence's end then 。; a mark after anything else stays.
  @Test(arguments: [
    ("完工！。", "完工！"), ("到位？；要", "到位？要"), ("至上。”。", "至上。”"), ("至上！」。", "至上！」"), ("至上？』。", "至上？』"),
    ("至上。’。", "至上。’"), ("“至上”。", "“至上”。"), ("完工。；", "完工。；"), ("完工，。", "完工，。"), ("”。", "”。"), ("。", "。"),
    ("", ""), ("a！。b！；c", "a！b！c"), ("完工！！。", "完工！！"),
  ])
  func chineseMarksAfterASentenceEndGo(text: String, expected: String) {
    #expect(TextExporter.chineseSentenceEnds(text) == expected)
  }

  /// The byte scan drops what a reading of the scalars drops, on 5,000 texts drawn (seeded) from the marks, the
  /// quotes, and ideographs whose last UTF-8 byte is 82 or 9B as a mark's is (丂 E4 B8 82, 乛 E4 B9 9B); and
  /// ``TextExporter/marksLeftOut(in:before:)``, by which the import reads a mark as left out, says the same.
  @Test func chineseMarksGoAsTheScalarsSay() {
    let pieces = ["。", "；", "！", "？", "”", "’", "」", "』", "“", "，", "丂", "乛", "會", "a", "\u{8082}", "\u{FF1B}"]
    var generator = SplitMix64(seed: 23)
    var changed = 0
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let scalars = Array(text.unicodeScalars)
      let (kept, drops) = Self.sentenceEndsByScalars(scalars)
      // The rule the import reads the marks by is this one.
      for (index, scalar) in scalars.enumerated() where scalar == "。" || scalar == "；" {
        let leftOut = TextExporter.marksLeftOut(in: scalars, before: index)
        #expect(drops.contains(index) == (leftOut == .both || (scalar == "。" && leftOut == .fullStop)), "\(text) at \(index)")
      }
      if kept != text { changed += 1 }
      #expect(TextExporter.chineseSentenceEnds(text) == kept, "\(text)")
    }
    #expect(changed > 500 && changed < 4_500)
  }

  /// `scalars` with the marks dropped that end a sentence already ended, read scalar by scalar (GB/T 15834-2011
  /// §4.1–4.3): the text kept, and the places of the scalars dropped.
  static func sentenceEndsByScalars(_ scalars: [Unicode.Scalar]) -> (kept: String, dropped: Set<Int>) {
    let ends: Set<Unicode.Scalar> = ["！", "？"], quotes: Set<Unicode.Scalar> = ["”", "’", "」", "』"]
    var kept = String.UnicodeScalarView()
    var dropped: Set<Int> = []
    for (index, scalar) in scalars.enumerated() {
      let before = { (offset: Int) in index - offset >= 0 ? scalars[index - offset] : " " }
      let drops = (scalar == "。" || scalar == "；") && ends.contains(before(1))
        || scalar == "。" && quotes.contains(before(1)) && (ends.contains(before(2)) || before(2) == "。")
      if drops { dropped.insert(index) } else { kept.append(scalar) }
    }
    return (String(kept), dropped)
  }

  /// On long texts too (where the bytes 82 and 9B are looked for by `memchr`, which reads many bytes at a time),
  /// the marks dropped are those of a reading of the scalars: 3,000 drawn texts of up to 150 pieces, most of them
  /// ideographs that end in neither byte, with marks and ideographs that end in 82 or 9B at every offset.
  @Test func chineseMarksGoAsTheScalarsSayInLongTexts() {
    let marks = ["。", "；", "！", "？", "”", "」", "丂", "乛"], plain = ["會", "議", "a", "，", "\n", "一"]
    var generator = SplitMix64(seed: 56)
    for _ in 0..<3_000 {
      let markShare = Int.random(in: 1...30, using: &generator)
      let text = (0..<Int.random(in: 0...150, using: &generator)).map { _ in
        Int.random(in: 0..<100, using: &generator) < markShare
          ? marks.randomElement(using: &generator)! : plain.randomElement(using: &generator)!
      }.joined()
      #expect(TextExporter.chineseSentenceEnds(text) == Self.sentenceEndsByScalars(Array(text.unicodeScalars)).kept, "\(text)")
    }
  }

  /// The attendance lines: groups joined by ，, names by 、, and every group joined by 、 when each has one name.
  @Test(arguments: [
    ([("區委常委、副區長", ["曲興群", "唐洪斌"]), ("副區長", ["劉成剛", "陳春青"])], "區委常委、副區長曲興群、唐洪斌，副區長劉成剛、陳春青"),
    ([("區人大代表", ["秦雪"]), ("政協委員", ["賀超"])], "區人大代表秦雪、政協委員賀超"),
    ([("副區長", ["甲"]), ("區長助理", ["乙", "丙"])], "副區長甲，區長助理乙、丙"),
    ([("副區長", ["劉成剛", "陳春青", "李禹霖", "旦增桑布"])], "副區長劉成剛、陳春青、李禹霖、旦增桑布"),
    ([("政協委員", ["賀超"])], "政協委員賀超"),
  ])
  func nameListJoinsGroupsPerTheTemplateStyle(groups: [(String, [String])], expected: String) throws {
    let template = try TestSupport.template()
    let list = Value.list(groups.map { ["title": .text($0.0), "names": .list($0.1.map(Value.text))] })
    let draft = try TestSupport.draft(["attendance": ["present": list, "inAttendance": list]])
    #expect(try TextExporter().export(draft, template: template) == "\(expected)出席會議。\n\(expected)應邀列席會議。\n")
  }

  @Test func nobodyPresentPrintsNoAttendanceLine() throws {
    let template = try TestSupport.template()
    let draft = try TestSupport.draft(["attendance": ["absent": [["title": "副區長", "name": "張三"]]]])
    #expect(try TextExporter().export(draft, template: template) == "", "absences are not printed in the report")
  }

  @Test func nameListUsesTheJoinsOfItsTemplate() throws {
    let yaml = try TestSupport.templateText()
      .replacingOccurrences(of: #"join: {separator: ，, single: 、, entry: "{{title}}{{names}}"}"#,
                            with: #"join: {separator: "; ", single: " | ", entry: "{{title}} {{names}}"}"#)
      .replacingOccurrences(of: "split: 、，,\n            join: {separator: 、}", with: "split: 、，,\n            join: {separator: /}")
    let template = try TemplateLibrary.parse(yaml, file: "t.yaml")
    let several = try TestSupport.draft(["attendance": ["present": [["title": "A", "names": ["a", "b"]], ["title": "B", "names": ["c"]]]]])
    #expect(try TextExporter().export(several, template: template) == "A a/b; B c出席會議。\n")
    let single = try TestSupport.draft(["attendance": ["present": [["title": "A", "names": ["a"]], ["title": "B", "names": ["c"]]]]])
    #expect(try TextExporter().export(single, template: template) == "A a | B c出席會議。\n")
  }

  static let openings: [(Value, String)] = [
    (["kind": "審議", "subject": "辦法", "status": "討論稿"], "會議審議了《辦法》（討論稿）"),
    (["kind": "審議", "subject": "辦法"], "會議審議了《辦法》"),
    (["kind": "審議並原則通過", "subject": "辦法", "status": "草案"], "會議審議並原則通過了《辦法》（草案）"),
    (["kind": "傳達學習", "subject": "全國“兩會”精神"], "會議傳達學習了全國“兩會”精神"),
    (["kind": "傳達", "subject": "A&B<C>", "status": "草案"], "會議傳達了A&B<C>"),
    (["kind": "聽取匯報", "subject": "區財政局關於預算執行情況"], "會議聽取了區財政局關於預算執行情況的匯報"),
    (["kind": "研究部署", "subject": "防汛工作", "followUp": "明確分工"], "會議研究部署了防汛工作，明確分工"),
  ]

  @Test(arguments: openings)
  func openingsFollowTheItemKind(item: Value, expected: String) throws {
    let draft = try TestSupport.draft(["items": [item]])
    #expect(try TextExporter().export(draft, template: TestSupport.template()) == "\(expected)。\n")
  }

  /// A kind the template does not offer (a file edited by hand) has no opening; the validator names it with its
  /// address, and an export of a draft with errors is refused (or marked DRAFT).
  @Test func anUnknownItemKindIsNamedWithItsAddress() throws {
    let template = try TestSupport.template()
    var minutes = try Self.smallDraft()
    minutes.setValue("討論", at: TestSupport.at("items.2.kind"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.severity == .error }
    #expect(findings == [
      Finding(.error, rule: "choice.unknown", address: "2.kind",
              message: "「討論」不是可選項（傳達學習、傳達、通報、聽取匯報、研究事宜、研究、研究部署、審議、審議並原則通過、研究通過、聽取並原則通過、集中學習、收看、會前學習）", hint: ":edit 2.kind"),
    ])
    #expect(ExportFormat.draftBanner(errors: findings.count) == "DRAFT 草稿：尚有 1 個錯誤，未定稿。\n")
    #expect(ExportFormat.draftBanner(errors: 2, Messages(language: "en")) == "DRAFT — 2 error(s) remain; not final.\n")
  }

  @Test func aTemplateWithoutTextExportIsRefused() throws {
    var template = try TestSupport.template()
    template.export = [:]
    let error = ExportError.formatNotInTemplate(format: "text", template: "gov-executive.zh-Hant")
    #expect(throws: error) { try TextExporter().export(Self.smallDraft(), template: template) }
    #expect(error.errorDescription == "template `gov-executive.zh-Hant` has no `text` export; add `export.text` to it.")
    #expect(ExportFormat.text.exporter.format == .text)
  }

  @Test func writingAnExportReplacesTheFileOrSaysWhyItCannot() throws {
    let folder = try TestSupport.temporaryWorkspace("export")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("out.txt")
    try TextExporter.write("舊\n", to: file)
    try TextExporter.write("新\n", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "新\n")
    #expect(throws: ExportError.isFolder(file: folder.path)) {
      try TextExporter.write("x", to: folder)
    }
    let missing = folder.appendingPathComponent("no/out.txt")
    #expect(throws: ExportError.folderMissing(file: missing.path, folder: "\(folder.path)/no")) {
      try TextExporter.write("x", to: missing)
    }
  }
}
