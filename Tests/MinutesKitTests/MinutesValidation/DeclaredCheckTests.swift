import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
@testable import MinutesTemplates
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// Checks a template declares in `checks:` (issue 10, item 4), one of each kind, on the seed draft: each fires
/// on a broken variant and not on the correct one.
@Suite struct DeclaredCheckTests {
  /// The built-in template with a part for the year a session number counts in, and a check of each kind before
  /// its own.
  static let yaml: String = {
    let text = (try? TestSupport.templateText()) ?? ""
    return text.replacingOccurrences(of: "      - key: kind\n        label: 會議類別\n", with: """
            - key: labelYear
              type: number
              label: 會次年度
              question: 會次所屬的年度？（如 2022；沒有就直接按 Enter）
            - key: kind
              label: 會議類別

      """).replacingOccurrences(of: "\nchecks:\n", with: """

      checks:
        - id: labelYear
          equal: [meeting.labelYear, meeting.date.year]
          message: 會次年度 {{value}} 與會議日期的年份 {{other}} 不同
        - id: chairPresent
          among: {value: meeting.chair.name, list: attendance.present, name: names}
          severity: warning
          message: 主持人「{{value}}」不在出席名單中
        - id: pointNumbers
          sequence: {list: items.*.directives.*.points}
          message: 要點編號不連續：這裏是「{{value}}」，應是「{{other}}」
        - id: absentReason
          filled: {list: attendance.absent, key: reason}
          severity: warning
          message: 請假人員「{{value}}」沒有寫明原因

      """)
  }()

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var correct: @Sendable (inout Minutes) -> Void
    var broken: @Sendable (inout Minutes) -> Void
    var expected: Finding
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "equal: the label's year is the date's",
         correct: { $0.setValue(2022, at: stored("meeting.labelYear")) },
         broken: { $0.setValue(2021, at: stored("meeting.labelYear")) },
         expected: Finding(.error, rule: "check.labelYear", address: "labelYear",
                           message: "會次年度 2021 與會議日期的年份 2022 不同", hint: ":edit labelYear")),
    Case(name: "among: the chair is among those present, padded or not",
         correct: { _ = $0.insert(["title": "政府代區長", "names": ["管 尊旭"]], at: 1, in: stored("attendance.present")) },
         broken: { _ in },
         expected: Finding(.warning, rule: "check.chairPresent", address: "chair.name",
                           message: "主持人「管尊旭」不在出席名單中", hint: ":edit chair.name")),
    Case(name: "sequence: 一要…三要 without a gap",
         correct: { $0.setValue(["一要甲", "二要乙", "三要丙"], at: stored("items.1.directives.1.points")) },
         broken: { $0.setValue(["一要甲", "三要丙"], at: stored("items.1.directives.1.points")) },
         expected: Finding(.error, rule: "check.pointNumbers", address: "1.1.2",
                           message: "要點編號不連續：這裏是「三」，應是「二」", hint: ":edit 1.1.2")),
    Case(name: "filled: a 請假 entry with its reason",
         correct: { $0.setValue([["title": "副區長", "name": "張三", "reason": "出差"]], at: stored("attendance.absent")) },
         broken: { $0.setValue([["title": "副區長", "name": "張三"]], at: stored("attendance.absent")) },
         expected: Finding(.warning, rule: "check.absentReason", address: "absent.1",
                           message: "請假人員「張三」沒有寫明原因", hint: ":edit absent.1.reason")),
    // The built-in directiveSaysSomething: a directive typed with its verb alone would print 會議指出，。
    Case(name: "filled, several keys: a directive with a lead and no points says something",
         correct: { $0.setValue(.record(["verb": "指出", "lead": "全區上下要抓好落實"]), at: stored("items.1.directives.1")) },
         broken: { $0.setValue(.record(["verb": "指出"]), at: stored("items.1.directives.1")) },
         expected: Finding(.error, rule: "check.directiveSaysSomething", address: "1.1",
                           message: "這條指示（指出）既沒有引言也沒有要點，匯出時沒有內容可印；請補上引言或要點，或用 :delete 刪去這條指示",
                           hint: ":edit 1.1.lead")),
    Case(name: "filled, several keys: points with no lead say something; an empty list of points does not",
         correct: { $0.setValue(.record(["verb": "強調", "points": ["要抓好落實"]]), at: stored("items.1.directives.1")) },
         broken: { $0.setValue(.record(["verb": "強調", "topic": "安全生產", "points": []]), at: stored("items.1.directives.1")) },
         expected: Finding(.error, rule: "check.directiveSaysSomething", address: "1.1",
                           message: "這條指示（強調）既沒有引言也沒有要點，匯出時沒有內容可印；請補上引言或要點，或用 :delete 刪去這條指示",
                           hint: ":edit 1.1.lead")),
    Case(name: "filled, a key not asked: 原則同意 asks for no points, so it needs its lead",
         correct: { $0.setValue(.record(["verb": "原則同意", "lead": "該辦法"]), at: stored("items.1.directives.1")) },
         broken: { $0.setValue(.record(["verb": "原則同意", "points": ["要抓好落實"]]), at: stored("items.1.directives.1")) },
         expected: Finding(.error, rule: "check.directiveSaysSomething", address: "1.1",
                           message: "這條指示（原則同意）既沒有引言也沒有要點，匯出時沒有內容可印；請補上引言或要點，或用 :delete 刪去這條指示",
                           hint: ":edit 1.1.lead")),
    // The built-in leadRepeatsMeeting: the export prints 會議指出， before the lead.
    Case(name: "matches: a lead that starts with 會議 would print 會議指出，會議…",
         correct: { $0.setValue(.record(["verb": "原則同意", "lead": "《區級儲備糧管理辦法》"]), at: stored("items.1.directives.1")) },
         broken: { $0.setValue(.record(["verb": "指出", "lead": "會議原則同意《區級儲備糧管理辦法》"]), at: stored("items.1.directives.1")) },
         expected: Finding(.warning, rule: "check.leadRepeatsMeeting", address: "1.1.lead",
                           message: "引言「會議原則同意《區級儲備糧管理辦法》」以「會議」開頭；匯出時引言之前已印「會議指出，」等，會印成「會議指出，會議…」。請去掉開頭的「會議」；要寫會議原則同意某事，請把這條指示的動詞改為「原則同意」，引言只輸入同意的對象",
                           hint: ":edit 1.1.lead")),
    // The built-in reportNamedOnce (`matches` with `when`): 聽取匯報 prints 會議聽取了…的匯報 itself; another kind's
    // subject may end with 匯報.
    Case(name: "matches with when: a report's subject typed with its 的匯報 would print it twice",
         correct: {
           $0.setValue(.text("研究"), at: stored("items.1.kind"))
           $0.setValue(.text("區財政局關於預算執行情況的匯報"), at: stored("items.1.subject"))
         },
         broken: {
           $0.setValue(.text("聽取匯報"), at: stored("items.1.kind"))
           $0.setValue(.text("區財政局關於預算執行情況的匯報"), at: stored("items.1.subject"))
         },
         expected: Finding(.warning, rule: "check.reportNamedOnce", address: "1.subject",
                           message: "內容「區財政局關於預算執行情況的匯報」以「匯報」結尾；聽取匯報的開場句印作「會議聽取了…的匯報」，會印成「…的匯報的匯報」。請去掉末尾的「的匯報」，只輸入「某單位關於…」",
                           hint: ":edit 1.subject")),
  ]

  static func template() throws -> Template {
    try TemplateLibrary.parse(yaml, file: "office.zh-Hant.yaml")
  }

  @Test(arguments: cases)
  func eachCheckFiresOnTheBrokenVariantOnly(check: Case) throws {
    let template = try Self.template()
    let seed = try TestSupport.seedAssistant().minutes
    let rule = check.expected.rule
    var correct = seed
    check.correct(&correct)
    #expect(Validator(template: template).findings(in: correct).filter { $0.rule == rule } == [])
    var broken = seed
    check.broken(&broken)
    #expect(Validator(template: template).findings(in: broken).filter { $0.rule == rule } == [check.expected])
    // An error counts at the prompt; a warning does not.
    let errors = Validator(template: template).openErrorCount(in: broken, cursor: nil)
      - Validator(template: template).openErrorCount(in: correct, cursor: nil)
    #expect(errors == (check.expected.severity == .error ? 1 : 0))
  }

  /// Under `:house points headings` each directive's topic prints as a heading line of its own (`一、安全生產`): the
  /// built-in headingHasTopic warns of a directive without one, which would print a bare `一、`; under the other
  /// house styles a directive needs no topic, and nothing is said.
  @Test func aDirectiveWithoutItsTopicIsWarnedOfUnderHeadingsOnly() throws {
    let template = try TestSupport.template()
    var minutes = try TestSupport.seedAssistant().minutes
    minutes.setValue(.list([
      .record(["verb": "強調", "topic": "安全生產", "points": ["要抓好落實"]]),
      .record(["verb": "要求", "points": ["要壓實責任"]]),
    ]), at: stored("items.1.directives"))
    let rule = "check.headingHasTopic"
    #expect(Validator(template: template).findings(in: minutes).filter { $0.rule == rule } == [])
    minutes.setValue(.record(["points": "headings"]), at: stored("house"))
    let found = Validator(template: template).findings(in: minutes).filter { $0.rule == rule }
    #expect(found.first == Finding(.warning, rule: rule, address: "1.2",
      message: "版式 points 選了 headings，每條指示的主題印作一行標題「一、主題」；這條指示（要求）沒有主題，會印出只有「一、」的一行。請補上主題，或用 :house points 改用別的寫法",
      hint: ":edit 1.2.topic"))
    #expect(!found.contains { $0.address == "1.1" })
    // The headings print the first directive's verb alone (會議強調：一、… 二、…): the second's 要求 would be lost,
    // which headingsOneVerb (`same`) says at the verb; the first directive's verb is the one kept.
    let verbs = Validator(template: template).findings(in: minutes).filter { $0.rule == "check.headingsOneVerb" }
    #expect(verbs.first { $0.address.hasPrefix("1.") } == Finding(.warning, rule: "check.headingsOneVerb", address: "1.2.verb",
      message: "版式 points 選了 headings，每個議題只印第一條指示的動詞（會議強調：一、… 二、…）；這條指示的動詞「要求」印不出來，會讀成「強調」。請把動詞改為「強調」，或用 :house points 改用別的寫法",
      hint: ":edit 1.2.verb"))
    #expect(!verbs.contains { $0.address == "1.1.verb" })
    minutes.setValue(.text("強調"), at: stored("items.1.directives.2.verb"))
    #expect(!Validator(template: template).findings(in: minutes).contains { $0.rule == "check.headingsOneVerb" && $0.address.hasPrefix("1.") })
    minutes.setValue(.record([:]), at: stored("house"))
    minutes.setValue(.text("要求"), at: stored("items.1.directives.2.verb"))
    #expect(!Validator(template: template).findings(in: minutes).contains { $0.rule == "check.headingsOneVerb" })
  }

  /// A directive typed with its verb alone is an error once the interview has asked for its lead and points,
  /// not while they are still to come: the count at the prompt (the draft index's and the validator's) is 0 at
  /// the lead and at the first point, 1 at the next directive.
  @Test func aDirectiveIsNotAnErrorWhileItsPointsAreStillToCome() throws {
    let template = try TestSupport.template()
    let seed = try TestSupport.seedAssistant().minutes
    var minutes = seed
    let directive = stored("items.1.directives.2")
    _ = minutes.insert(.record(["verb": "指出"]), at: 2, in: stored("items.1.directives"))
    let validator = Validator(template: template)
    let base = validator.openErrorCount(in: minutes, cursor: directive.appending(key: "lead"))
    #expect(validator.openErrorCount(in: minutes, cursor: directive.appending(key: "points").appending(.end)) == base)
    #expect(validator.openErrorCount(in: minutes, cursor: stored("items.1.directives.+")) == base + 1)
    #expect(validator.openErrorCount(in: minutes, cursor: nil) == validator.openErrorCount(in: seed, cursor: nil) + 1)
    let index = DraftIndex(template: template, minutes: minutes)
    for cursor in [directive.appending(key: "lead"), directive.appending(key: "points").appending(.end), stored("items.1.directives.+"), nil] {
      #expect(index.openErrorCount(in: minutes, cursor: cursor) == validator.openErrorCount(in: minutes, cursor: cursor))
    }
  }

  /// A value quoted in a message that holds the same quotation marks has them turned to the inner kind (CMOS
  /// 6.9; 《重訂標點符號手冊》): “to add ‘by June 30’”, 「要『穩』字當頭」; other values and marks are left as they are.
  @Test(arguments: [
    ("The amendment “{{value}}” has no disposition", "to add “by June 30”", "The amendment “to add ‘by June 30’” has no disposition"),
    ("指示「{{value}}」與「{{other}}」", "要「穩」字當頭", "指示「要『穩』字當頭」與「乙」"),
    ("The value \"{{value}}\" is odd", "a \"b\"", "The value \"a 'b'\" is odd"),
    ("The amendment {{value}} has no disposition", "to add “by June 30”", "The amendment to add “by June 30” has no disposition"),
    ("The amendment “{{value}}” has no disposition", "to add 「x」", "The amendment “to add 「x」” has no disposition"),
  ])
  func quotesInAQuotedValueDoNotNest(message: String, value: String, expected: String) {
    let check = Check(id: "x", kind: .answered("a"), severity: .error, message: message)
    #expect(check.message(value: value, other: "乙") == expected)
  }

  @Test func aCheckWithoutItsPartsFindsNothing() throws {
    let template = try Self.template()
    // No label year, no attendance: nothing to compare (what is missing is the required rule's business).
    var minutes = try TestSupport.seedAssistant().minutes
    minutes.setValue(nil, at: stored("attendance.present"))
    #expect(Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("check.") } == [])
  }

  @Test(arguments: [("一要", 1), ("十一、", 11), ("3.", 3), ("十分重要", nil), ("要抓好", nil), ("2024年", nil)])
  func leadingNumbers(text: String, number: Int?) {
    #expect(Validator.leadingNumber(text)?.0 == number)
  }

  @Test func aCheckMustSayWhatItCompares() throws {
    let bad = Self.yaml + "  - id: nothing\n    message: x\n"
    #expect(throws: (any Error).self) { try TemplateLibrary.parse(bad, file: "office.zh-Hant.yaml") }
  }
}
