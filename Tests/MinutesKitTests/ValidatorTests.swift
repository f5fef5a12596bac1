import Foundation
import Testing

@testable import MinutesKit

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
  }

  @Test func aPersonInTwoCategoriesOrTwiceOrTheChairAmongThePresent() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.attendance.inAttendance.append(AttendanceGroup(title: "副區長", names: ["劉成剛"]))
    minutes.attendance.present.append(AttendanceGroup(title: "副區長", names: ["陳春青", "管尊旭"]))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.duplicate", address: "present.4", message: "「陳春青」在出席中列了兩次（另見 present.2）", hint: ":edit present.4"),
      Finding(.error, rule: "attendance.twoCategories", address: "attending.3", message: "「劉成剛」同時列在出席（present.2）和列席中", hint: ":edit attending.3"),
      Finding(.warning, rule: "attendance.chairListed", address: "present.4", message: "主持人「管尊旭」不必再列入出席", hint: ":edit present.4"),
    ])
  }

  @Test(arguments: [("關于《監督意見", "《"), ("“兩會精神", "“"), ("文件）", "）"), ("《甲》（乙）「丙」", nil)])
  func unbalancedMarks(text: String, mark: Character?) {
    #expect(Validator.unbalancedMark(in: text) == mark)
  }

  @Test func anUnbalancedSubjectAndHalfWidthPunctuationEditedByHand() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.items[0].subject = "全國“兩會精神"
    minutes.items[1].followUp = "研究部署,我區安全生產工作"
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule != "script.mixed" }
    #expect(findings == [
      Finding(.error, rule: "marks.unbalanced", address: "1.subject", message: "「“」不成對", hint: ":edit 1.subject"),
      Finding(.warning, rule: "punctuation.halfWidth", address: "2.followup", message: "中文旁有半形標點", hint: ":edit 2.followup"),
    ])
  }

  @Test func missingRequiredPartsAreErrorsNamingTheCommand() throws {
    let template = try TestSupport.template()
    var minutes = Minutes(template: template.id)
    minutes.meeting.date = MeetingDate(year: 2022, month: 5, day: 20)
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.first == Finding(.error, rule: "required", address: "period", message: "缺少必填部分「時段」", hint: ":goto period"))
    #expect(findings.first?.line == "error period：缺少必填部分「時段」（:goto period）")
    #expect(findings.count == 10)
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
    Variant(name: "no chair name", breakIt: { $0.meeting.chair.name = nil },
            expected: Finding(.error, rule: "required", address: "chair.name", message: "缺少必填部分「主持人姓名」", hint: ":goto chair.name")),
    Variant(name: "no date", breakIt: { $0.meeting.date = nil },
            expected: Finding(.error, rule: "required", address: "date", message: "缺少必填部分「日期」", hint: ":goto date")),
    Variant(name: "an item without directives", breakIt: { $0.items[2].directives = [] },
            expected: Finding(.error, rule: "required", address: "3.+", message: "缺少必填部分「議題3 指示1 動詞」", hint: ":goto 3.+")),
    Variant(name: "a directive without points", breakIt: { $0.items[0].directives[0].points = [] },
            expected: Finding(.error, rule: "required", address: "1.1.+", message: "缺少必填部分「議題1 指示1 要點1」", hint: ":goto 1.1.+")),
    Variant(name: "nobody present", breakIt: { $0.attendance.present = [] },
            expected: Finding(.error, rule: "required", address: "present.+", message: "缺少必填部分「出席1」", hint: ":goto present.+")),
    Variant(name: "present and in attendance", breakIt: { $0.attendance.inAttendance[0].names = ["唐洪斌"] },
            expected: Finding(.error, rule: "attendance.twoCategories", address: "attending.1", message: "「唐洪斌」同時列在出席（present.1）和列席中", hint: ":edit attending.1")),
    Variant(name: "present twice", breakIt: { $0.attendance.present[2].names.append("劉成剛") },
            expected: Finding(.error, rule: "attendance.duplicate", address: "present.3", message: "「劉成剛」在出席中列了兩次（另見 present.2）", hint: ":edit present.3")),
    Variant(name: "an unclosed title mark", breakIt: { $0.items[2].subject = "中共中央辦公廳、國務院辦公廳《關于更加有效發揮統計監督職能作用的意見" },
            expected: Finding(.error, rule: "marks.unbalanced", address: "3.subject", message: "「《」不成對", hint: ":edit 3.subject")),
    Variant(name: "a half-width comma left by hand", breakIt: { $0.items[1].followUp = "研究部署,我區安全生產工作" },
            expected: Finding(.warning, rule: "punctuation.halfWidth", address: "2.followup", message: "中文旁有半形標點", hint: ":edit 2.followup")),
    Variant(name: "the chair among those present", breakIt: { $0.attendance.present[1].names.append("管尊旭") },
            expected: Finding(.warning, rule: "attendance.chairListed", address: "present.2", message: "主持人「管尊旭」不必再列入出席", hint: ":edit present.2")),
  ]

  @Test(arguments: variants)
  func eachBrokenVariantGivesItsFinding(variant: Variant) throws {
    let (template, seed) = try ValidatorTests.seed()
    var minutes = seed
    variant.breakIt(&minutes)
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.contains(variant.expected), "\(findings.filter { $0.rule != "script.mixed" })")
    let seedFindings = Set(Validator(template: template).findings(in: seed))
    #expect(findings.filter { !seedFindings.contains($0) } == [variant.expected], "exactly one new finding")
  }
}
