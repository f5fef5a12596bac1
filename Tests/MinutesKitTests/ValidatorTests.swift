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
