import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
@testable import MinutesInterview
@testable import MinutesModel
@testable import MinutesNormalization
@testable import MinutesStorage
@testable import MinutesTemplates
@testable import MinutesValidation

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// The validator's rules, one test each, with the exact finding.
@Suite struct ValidatorTests {
  static func seed() throws -> (Template, Minutes) {
    let assistant = try TestSupport.seedAssistant()
    return (assistant.template, assistant.minutes)
  }

  @Test func theSeedDraftHasNoErrorsAndWarnsOnlyAboutMixedScript() throws {
    let (template, minutes) = try Self.seed()
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.filter { $0.severity == .error } == [])
    #expect(Set(findings.map(\.rule)) == ["script.mixed"])
    // 鲅 in 鲅魚圈 is the Simplified form (domain notes): a warning, never a rewrite.
    #expect(findings.contains { $0.address == "5.subject" && $0.message.contains("鲅") })
    #expect(findings.filter { $0.severity != .warning || $0.hint != ":edit \($0.address)" } == [])
  }

  @Test func aPersonInTwoCategoriesOrTwiceOrTheChairAmongThePresent() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    let inserted = minutes.insert(["title": "副區長", "names": ["劉成剛"]], at: 3, in: stored("attendance.inAttendance"))
      && minutes.insert(["title": "副區長", "names": ["陳春青", "管尊旭"]], at: 4, in: stored("attendance.present"))
    #expect(inserted)
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.duplicate", address: "present.4", message: "「陳春青」在出席中列了兩次（另見 present.2）", hint: ":edit present.4"),
      Finding(.error, rule: "attendance.twoCategories", address: "attending.3", message: "「劉成剛」同時列在出席（present.2）和列席中", hint: ":edit attending.3"),
      Finding(.warning, rule: "attendance.chairListed", address: "present.4", message: "主持人「管尊旭」不必再列入出席", hint: ":edit present.4"),
    ])
  }

  @Test func anAbsentPersonAlsoListedAsPresentIsNamed() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue([["title": "副區長", "name": "李禹霖", "reason": "出差"]], at: stored("attendance.absent"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.twoCategories", address: "absent.1", message: "「李禹霖」同時列在出席（present.2）和請假中", hint: ":edit absent.1"),
    ])
  }

  @Test(arguments: [("關于《監督意見", "《"), ("“兩會精神", "“"), ("文件）", "）"), ("《甲》（乙）「丙」", nil), ("《甲（乙》）", "》")])
  func unbalancedMarks(text: String, mark: Character?) {
    #expect(Validator.unbalancedMark(in: text) == mark)
  }

  @Test func anUnbalancedSubjectAndHalfWidthPunctuationEditedByHand() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue("全國“兩會精神", at: stored("items.1.subject"))
    minutes.setValue("研究部署,我區安全生產工作", at: stored("items.2.followUp"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule != "script.mixed" }
    #expect(findings == [
      Finding(.error, rule: "marks.unbalanced", address: "1.subject", message: "「“」不成對", hint: ":edit 1.subject"),
      Finding(.warning, rule: "punctuation.halfWidth", address: "2.followup", message: "中文旁有半形標點", hint: ":edit 2.followup"),
    ])
  }

  @Test func missingRequiredPartsAreErrorsNamingTheCommand() throws {
    let template = try TestSupport.template()
    let minutes = try TestSupport.draft(["meeting": ["date": "2022-05-20"]])
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.first == Finding(.error, rule: "required", address: "period", message: "缺少必填部分「時段」", hint: ":goto period"))
    #expect(findings.first?.line(template.messages) == "錯誤 period：缺少必填部分「時段」（:goto period）")
    #expect(findings.first?.line(Messages(language: "en")) == "error period: 缺少必填部分「時段」 (:goto period)")
    #expect(findings.map(\.address) == ["period", "chair.title", "chair.name", "term", "body", "number", "kind", "+", "other", "present.+"])
    #expect(Set(findings.map(\.rule)) == ["required"])
    #expect(Set(findings.map(\.severity)) == [.error])
  }

  /// The parts of a line (an attendance group's title and names) are not asked one by one, but a hand-edited
  /// entry without them is still found.
  @Test func anEntryEditedByHandWithoutItsRequiredPartsIsFound() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue(["title": "副區長"], at: stored("attendance.present.2"))
    minutes.setValue(["kind": "傳達", "subject": ""], at: stored("items.4"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule != "script.mixed" }
    #expect(findings.contains(Finding(.error, rule: "empty", address: "4.subject", message: "這一部分是空的", hint: ":edit 4.subject")))
    #expect(findings.contains(Finding(.error, rule: "required", address: "4.+", message: "缺少必填部分「議題4 指示1 動詞」", hint: ":goto 4.+")))
    // The export would print the group's title alone: …唐洪斌，副區長，管委會副主任張睿…出席會議。
    #expect(try TextExporter().export(minutes, template: template).contains("唐洪斌，副區長，管委會副主任"))
    #expect(findings.contains { $0.rule == "required" && $0.address.hasPrefix("present.2") }, "\(findings)")
  }

  @Test func aDateThatDoesNotExistAndAClosedChoiceOutsideItsChoices() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue("2022-02-30", at: stored("meeting.date"))
    minutes.setValue("中午", at: stored("meeting.period"))
    minutes.setValue("專題會議X", at: stored("meeting.kind"))  // an open choice takes anything
    let findings = Validator(template: template).findings(in: minutes).filter { $0.severity == .error }
    #expect(findings == [
      Finding(.error, rule: "date.invalid", address: "date", message: "「2022-02-30」不是存在的日期", hint: ":edit date"),
      Finding(.error, rule: "choice.unknown", address: "period", message: "「中午」不是可選項（上午、下午、晚上）", hint: ":edit period"),
    ])
  }
}

/// Ten broken variants of the seed draft, each with the finding it must give.
@Suite struct BrokenSeedTests {
  struct Variant: Sendable, CustomTestStringConvertible {
    var name: String
    var breakIt: @Sendable (inout Minutes) -> Void
    var expected: Finding
    var testDescription: String { name }
  }

  static let variants: [Variant] = [
    Variant(name: "no chair name", breakIt: { $0.setValue(nil, at: stored("meeting.chair.name")) },
            expected: Finding(.error, rule: "required", address: "chair.name", message: "缺少必填部分「主持人姓名」", hint: ":goto chair.name")),
    Variant(name: "no date", breakIt: { $0.setValue(nil, at: stored("meeting.date")) },
            expected: Finding(.error, rule: "required", address: "date", message: "缺少必填部分「日期」", hint: ":goto date")),
    Variant(name: "an item without directives", breakIt: { $0.setValue(nil, at: stored("items.3.directives")) },
            expected: Finding(.error, rule: "required", address: "3.+", message: "缺少必填部分「議題3 指示1 動詞」", hint: ":goto 3.+")),
    Variant(name: "a directive without points", breakIt: { $0.setValue(nil, at: stored("items.1.directives.1.points")) },
            expected: Finding(.error, rule: "required", address: "1.1.+", message: "缺少必填部分「議題1 指示1 要點1」", hint: ":goto 1.1.+")),
    Variant(name: "nobody present", breakIt: { $0.setValue(nil, at: stored("attendance.present")) },
            expected: Finding(.error, rule: "required", address: "present.+", message: "缺少必填部分「出席1」", hint: ":goto present.+")),
    Variant(name: "present and in attendance", breakIt: { $0.setValue(["唐洪斌"], at: stored("attendance.inAttendance.1.names")) },
            expected: Finding(.error, rule: "attendance.twoCategories", address: "attending.1", message: "「唐洪斌」同時列在出席（present.1）和列席中", hint: ":edit attending.1")),
    Variant(name: "present twice", breakIt: { $0.setValue(["張睿", "馬勇", "劉成剛"], at: stored("attendance.present.3.names")) },
            expected: Finding(.error, rule: "attendance.duplicate", address: "present.3", message: "「劉成剛」在出席中列了兩次（另見 present.2）", hint: ":edit present.3")),
    Variant(name: "an unclosed title mark", breakIt: { $0.setValue("中共中央辦公廳、國務院辦公廳《關于更加有效發揮統計監督職能作用的意見", at: stored("items.3.subject")) },
            expected: Finding(.error, rule: "marks.unbalanced", address: "3.subject", message: "「《」不成對", hint: ":edit 3.subject")),
    Variant(name: "a half-width comma left by hand", breakIt: { $0.setValue("研究部署,我區安全生產工作", at: stored("items.2.followUp")) },
            expected: Finding(.warning, rule: "punctuation.halfWidth", address: "2.followup", message: "中文旁有半形標點", hint: ":edit 2.followup")),
    Variant(name: "the chair among those present", breakIt: { $0.setValue(["劉成剛", "陳春青", "李禹霖", "旦增桑布", "管尊旭"], at: stored("attendance.present.2.names")) },
            expected: Finding(.warning, rule: "attendance.chairListed", address: "present.2", message: "主持人「管尊旭」不必再列入出席", hint: ":edit present.2")),
  ]

  @Test(arguments: variants)
  func eachBrokenVariantGivesItsFinding(variant: Variant) throws {
    let (template, seed) = try ValidatorTests.seed()
    var minutes = seed
    variant.breakIt(&minutes)
    #expect(minutes != seed)
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.contains(variant.expected), "\(findings.filter { $0.rule != "script.mixed" })")
    let seedFindings = Set(Validator(template: template).findings(in: seed))
    #expect(findings.filter { !seedFindings.contains($0) } == [variant.expected], "exactly one new finding")
  }
}

/// The rules a template declares for itself (`pattern`, times, counts) and the motion rules of RONR minutes,
/// on a small board template whose roles name its motions and roll calls; messages in English.
@Suite struct MotionValidatorTests {
  static let yaml = """
    format: 2
    id: board
    name: Board
    language: en
    parts:
      - {key: called, type: time, label: Called to order, question: Time?, required: true}
      - key: secretary
        label: Secretary
        question: Secretary?
        pattern: {regex: "[A-Z][a-z]+ [A-Z][a-z]+", message: Give the secretary's first and last name, severity: warning}
      - {key: present, list: true, label: Present, question: Who is present?, split: ",", min: 2}
      - {key: absent, list: true, label: Absent, question: Who is absent?, split: ","}
      - key: motions
        list: true
        numbered: true
        label: Motion
        parts:
          - {key: text, label: Text, question: Motion?, required: true}
          - {key: mover, label: Mover, question: Moved by?}
          - {key: result, label: Result, question: Result?, choices: [adopted, failed, postponed]}
          - {key: ayes, type: count, label: Ayes, question: Ayes?}
          - {key: noes, type: count, label: Noes, question: Noes?}
          - {key: abstentions, type: count, label: Abstentions, question: Abstentions?}
          - key: roll
            list: true
            label: Roll call
            question: Member and vote?
            line: {parts: [member, vote], example: Smith aye}
            parts:
              - {key: member, label: Member, required: true}
              - {key: vote, label: Vote, required: true, choices: [aye, nay, abstain]}
    roles:
      attendance:
        - {list: present, name: name, present: true}
        - {list: absent, name: name}
      motions:
        list: motions
        mover: mover
        disposition: result
        adopted: [adopted]
        failed: [failed]
        votesFor: ayes
        votesAgainst: noes
        abstentions: abstentions
        rollCall: {list: roll, member: member, vote: vote, votesFor: [aye], votesAgainst: [nay], abstentions: [abstain]}
    export:
      text: "{{#motions}}{{text}}\\n{{/motions}}"

    """

  static func findings(_ content: Record) throws -> [Finding] {
    let template = try TemplateLibrary.parse(yaml, file: "board.yaml")
    return Validator(template: template).findings(in: try template.conform(Minutes(template: "board", content: content)))
  }

  static let base: Record = ["called": "19:02", "secretary": "Ann Lee", "present": ["Ann", "Bob", "Cy"]]

  @Test func aCompleteDraftHasNoFindings() throws {
    var content = Self.base
    content["motions"] = [["text": "To adopt the budget", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "1",
                           "roll": [["member": "Ann", "vote": "aye"], ["member": "Bob", "vote": "aye"], ["member": "Cy", "vote": "nay"]]]]
    #expect(try Self.findings(content) == [])
  }

  @Test func requiredPartsAndAMinimumCountAreNamedInEnglish() throws {
    let findings = try Self.findings(["present": ["Ann"]])
    #expect(findings == [
      Finding(.error, rule: "required", address: "called", message: "Missing required part ‘Called to order’", hint: ":goto called"),
      Finding(.error, rule: "required", address: "present.+", message: "‘Present’ needs at least 2 entries", hint: ":goto present.+"),
    ])
  }

  @Test func declaredPatternsTimesAndEmptyTexts() throws {
    var content = Self.base
    content["called"] = "25:00"
    content["secretary"] = "ann"
    content["absent"] = [""]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "time.invalid", address: "called", message: "‘25:00’ is not a valid time", hint: ":edit called"),
      Finding(.error, rule: "empty", address: "absent.1", message: "This part is empty", hint: ":edit absent.1"),
      Finding(.warning, rule: "pattern", address: "secretary", message: "Give the secretary's first and last name", hint: ":edit secretary"),
    ])
  }

  @Test func aMotionRecordsItsMoverAndDisposition() throws {
    var content = Self.base
    content["motions"] = [["text": "To adjourn"]]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "motion.noMover", address: "1.mover", message: "The motion has no mover", hint: ":edit 1.mover"),
      Finding(.error, rule: "motion.noDisposition", address: "1.result", message: "The motion has no disposition", hint: ":edit 1.result"),
    ])
  }

  @Test func theVotesFitThosePresentAndTheResult() throws {
    var content = Self.base
    content["motions"] = [
      ["text": "A", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "3"],
      ["text": "B", "mover": "Bob", "result": "failed", "ayes": "2", "noes": "1", "abstentions": "0"],
    ]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "votes.exceedPresent", address: "1", message: "5 votes were counted but only 3 members were present", hint: ":edit 1.ayes"),
      Finding(.error, rule: "votes.resultMismatch", address: "1", message: "Reported adopted, but 2 in favor is not a majority of the votes cast (5)", hint: ":edit 1.result"),
      Finding(.error, rule: "votes.resultMismatch", address: "2", message: "Reported failed, but 2 in favor is a majority of the votes cast (3)", hint: ":edit 2.result"),
    ])
  }

  @Test func theRollCallIsTalliedAndEachVoterIsPresentOnce() throws {
    var content = Self.base
    content["motions"] = [[
      "text": "A", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "1",
      "roll": [["member": "Ann", "vote": "aye"], ["member": "Bob", "vote": "nay"], ["member": "Ann", "vote": "nay"],
               ["member": "Zed", "vote": "aye"]],
    ]]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "rollCall.twice", address: "1.roll.3", message: "‘Ann’ votes twice (see also entry 1)", hint: ":delete 1.roll.3"),
      Finding(.error, rule: "rollCall.notPresent", address: "1.roll.4", message: "‘Zed’ voted but is not listed as present", hint: ":edit 1.roll.4"),
      Finding(.error, rule: "rollCall.tally", address: "1", message: "1 reported opposed, but the roll call has 2", hint: ":show 1"),
    ])
  }

  @Test func aPersonPresentAndAbsentIsNamed() throws {
    var content = Self.base
    content["absent"] = ["Cy"]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "attendance.twoCategories", address: "absent.1", message: "‘Cy’ is listed both in Present (present.3) and in Absent", hint: ":edit absent.1"),
    ])
  }
}
