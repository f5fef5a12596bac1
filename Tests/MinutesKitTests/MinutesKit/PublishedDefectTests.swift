import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The defects found while drafting published Chinese minutes with the built-in templates (issue 10, item 5),
/// one regression test each; the refused line of a pipe is in `EndToEndTests/RefusedLineTests`.
@Suite struct PublishedDefectTests {
  /// The header of a new `gov-executive` draft, up to the first agenda item.
  static let header = ["2022-05-20", "下午", "區長", "王某", "十", "區政府", "3", "常務會議"]

  @Test func aTitleInsideTheTitleOfAReviewedDocumentTakesTheSingleMarks() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":edit 5.subject 關於印發《鲅魚圈區應訴辦法》的通知")
    let text = try TextExporter().export(assistant.minutes, template: assistant.template)
    #expect(text.contains("會議審議了《關於印發〈鲅魚圈區應訴辦法〉的通知》（討論稿）。"))
    #expect(!text.contains("《關於印發《"))
    // Typed whole in its marks, the subject is unwrapped once and printed in one pair.
    _ = assistant.handle(":edit 5.subject 《關於印發〈鲅魚圈區應訴辦法〉的通知》")
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template)
      .contains("會議審議了《關於印發〈鲅魚圈區應訴辦法〉的通知》（討論稿）。"))
  }

  @Test(arguments: [
    ("《關於《甲》的決定》", "《關於〈甲〉的決定》"), ("《甲》《乙》", "《甲》《乙》"), ("《甲《乙》", "《甲《乙》"),
    ("甲》《乙", "甲》《乙"), ("《甲（《乙》）》", "《甲（〈乙〉）》"),
  ])
  func nestedTitleMarks(text: String, expected: String) {
    #expect(TextExporter.nestingTitles(text) == expected)
  }

  /// The marks are looked for by their bytes first; on 5,000 drawn texts the result is what a reading of the
  /// scalars alone gives (every 《 inside another made 〈, its 》 〉, when all pair; else the text as it is).
  @Test func nestedTitleMarksAsTheScalarsSay() {
    func byScalars(_ text: String) -> String {
      var scalars = Array(text.unicodeScalars)
      var open: [Bool] = []
      var changed = false
      for index in scalars.indices {
        if scalars[index] == "《" {
          open.append(!open.isEmpty)
          if open.last! { (scalars[index], changed) = ("〈", true) }
        } else if scalars[index] == "》" {
          guard let inner = open.popLast() else { return text }
          if inner { scalars[index] = "〉" }
        }
      }
      guard changed, open.isEmpty else { return text }
      return String(String.UnicodeScalarView(scalars))
    }
    let pieces = ["《", "》", "《", "》", "《", "》", "〈", "〉", "甲", "a", "\u{300A}\u{301}"]
    var generator = SplitMix64(seed: 37)
    var changed = 0
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let expected = byScalars(text)
      if expected != text { changed += 1 }
      #expect(TextExporter.nestingTitles(text) == expected, "\(text)")
    }
    #expect(changed > 40)
  }

  @Test func theFormalTemplateNumbersPointsOnlyWhenThereAreSeveral() throws {
    var assistant = try TestSupport.exampleAssistant("gov-executive-formal.zh-Hant")
    _ = assistant.handle(":delete 1.1.3")
    _ = assistant.handle(":delete 1.1.2")
    let text = try TextExporter().export(assistant.minutes, template: assistant.template)
    #expect(text.contains("會議強調，要緊盯全年目標任務"))
    #expect(!text.contains("一要緊盯"))
    // Two points or more are numbered, as the example is.
    #expect(text.contains("會議要求，一要提前做好熱源調度"))
  }

  @Test func aDraftExportMarksTheRequiredPartsNotFilledIn() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20"])
    let options = ExportOptions(draftErrors: 9)
    guard let text = try TextExporter().export(assistant.minutes, template: assistant.template, options: options).text
    else { Issue.record("no text"); return }
    // The period, the term, the session number and the chair's name (縣長主持召開) are optional (issue 10, item
    // 2): absent, they print nothing.
    #expect(text.contains("5月20日，〔主持人職務〕主持召開〔機構〕〔會議類別〕。"))
    #expect(!text.contains("第屆"))
    // A required yes/no not answered says neither answer: its mark stands where its sentence would.
    #expect(text.hasSuffix("\n〔其他事項〕\n"), "\(text)")
    #expect(!text.contains("研究了其他事項"))
    // A final export (no errors) marks nothing; a Markdown draft marks as the text does.
    #expect(try !TextExporter().export(assistant.minutes, template: assistant.template).contains("〔"))
    let markdown = try MarkdownExporter(options: options).export(assistant.minutes, template: assistant.template)
    #expect(markdown.contains("# 〔機構〕〔會議類別〕"))
  }

  @Test func theMixedScriptWarningNamesEachCharacterApart() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":edit 1.subject 全國兩會精神并加強干部隊伍")
    let findings = Validator(template: assistant.template).findings(in: assistant.minutes)
    #expect(findings.contains { $0.address == "1.subject" && $0.message == "可能混入了簡體字：并、干" })
    let english = Messages(language: "en")
    #expect(english.simplifiedInTraditional("并干") == "Simplified characters in Traditional text: 并, 干")
  }

  @Test func aQuestionOffersEnterOnlyWhereEnterEndsTheList() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header)
    // The first agenda item is required: Enter is refused there, and the question does not offer it.
    #expect(assistant.question == "議題 1 的類型？（如 傳達學習、審議；Tab 可補全）")
    #expect(assistant.interview.isNeeded(assistant.cursor!, in: assistant.minutes))
    #expect(assistant.handle("").isError)
    assistant.answer(["傳達學習", "甲", ""])
    _ = assistant.handle(":goto item.+")
    #expect(assistant.question == "議題 2 的類型？（如 傳達學習、審議；Tab 可補全；直接按 Enter 表示議題已全部輸入）")
    #expect(!assistant.interview.isNeeded(assistant.cursor!, in: assistant.minutes))
  }

  @Test func afterADetourThePromptStillCountsWhatCheckLists() throws {
    // A finished draft whose last item lost its subject (a file edited by hand): the interview is over.
    let seed = try TestSupport.seedAssistant()
    var minutes = seed.minutes
    let removed = minutes.setValue(nil, at: TestSupport.at("items.7.subject"))
    #expect(removed)
    var assistant = Assistant(template: seed.template, minutes: minutes, resumeAt: .finished)
    #expect(assistant.cursor == nil)
    let errors = Validator(template: assistant.template).errors(in: assistant.minutes)
    #expect(errors.map(\.address) == ["7.subject"])
    #expect(assistant.prompt == "（1 個錯誤）命令> ")
    // A detour to the date: the missing subject is after it, but the detour ends at the date, so it is no
    // question still to come.
    _ = assistant.handle(":goto date")
    #expect(assistant.cursor == TestSupport.at("meeting.date"))
    #expect(assistant.prompt == "（1 個錯誤）日期> ")
    #expect(assistant.openErrors == errors.count)
    // `:check` lists it among the errors, not among the questions still to come.
    let check = assistant.handle(":check").messages
    #expect(check.first == "錯誤（1 項）：", "\(check)")
    #expect(!check.contains { $0.hasPrefix("還要問到的") }, "\(check)")
  }

  /// `:check` lists what the prompt counts as errors, and the required parts the interview has still to ask apart,
  /// without calling them errors: a new draft has no errors so far.
  @Test func checkSetsApartTheQuestionsStillToCome() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.openErrors == 0)
    let check = assistant.handle(":check").messages
    #expect(check.first == "到目前為止沒有錯誤。", "\(check)")
    #expect(check.dropFirst().first?.hasPrefix("還要問到的（") == true, "\(check)")
    #expect(check.contains("  date：缺少必填部分「日期」（:goto date）"), "\(check)")
    #expect(!check.contains { $0.hasPrefix("  錯誤") }, "\(check)")
    // A motion's disposition not asked yet is still to come; once the interview is over, an error.
    let board = try TestSupport.template(id: "board-meeting.en")
    let minutes = try board.conform(Minutes(template: board.id, content: ["motions": [["mover": "Ana Ruiz", "text": "adopt the budget"]]]))
    var asking = Assistant(template: board, minutes: minutes, resumeAt: .at(TestSupport.at("motions.1.seconder")))
    let early = asking.handle(":check").messages
    let toCome = early.drop { !$0.hasPrefix("Still to be asked") }.prefix { !$0.hasPrefix("Warnings") }
    #expect(toCome.contains { $0.hasPrefix("  1.disposition: ") }, "\(early)")
    #expect(!(early.prefix { !$0.hasPrefix("Still to be asked") }).contains { $0.contains("1.disposition") }, "\(early)")
    // Wherever the interview is sent back (`:goto`), `:check` lists as errors what the prompt counts.
    let two = try board.conform(Minutes(template: board.id, content: ["motions": [
      ["mover": "Ana Ruiz", "text": "adopt the budget", "disposition": "Adopted", "amendments": [["text": "to add a line"]]],
      ["text": "hire an auditor"],
    ]]))
    for place in ["motions.1.amendments.+", "motions.1.text", "motions.2.disposition", "motions.+"] {
      var sent = Assistant(template: board, minutes: two, resumeAt: .finished)
      _ = sent.handle(":goto \(board.display(TestSupport.at(place)))")
      let listed = sent.handle(":check").messages
      let errors = listed.first.flatMap { $0.hasPrefix("Errors (") ? Int($0.dropFirst(8).prefix { $0.isNumber }) : 0 }
      #expect(errors == sent.openErrors, "\(place): \(sent.prompt) \(listed)")
    }
    var finished = Assistant(template: board, minutes: minutes, resumeAt: .finished)
    let late = finished.handle(":check").messages
    #expect(late.contains { $0.hasPrefix("  error 1.disposition: ") }, "\(late)")
    #expect(!late.contains { $0.hasPrefix("Still to be asked") }, "\(late)")
  }

  @Test(arguments: [
    ("審議並原則通過了", "審議並原則通過"), ("會議審議並原則通過了", "審議並原則通過"), ("審議了", "審議"),
    ("聽取了", "聽取匯報"), ("會議傳達學習了", "傳達學習"),
  ])
  func aKindTypedAsTheMinutesPrintItIsThatKind(typed: String, kind: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header)
    assistant.answer([typed])
    #expect(assistant.minutes.text("items.1.kind") == kind)
  }

  @Test func anOpenerOfNoKindOrOfTwoIsStillRefused() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header)
    #expect(assistant.handle("會議").isError)
    #expect(assistant.handle("了").isError)
    #expect(assistant.minutes.text("items.1.kind") == nil)
  }
}
