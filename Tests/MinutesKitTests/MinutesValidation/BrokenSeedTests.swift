import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// Ten broken variants of the seed draft, each with the finding it must give; and the omissions of real reports,
/// which give none.
@Suite struct BrokenSeedTests {
  struct Variant: Sendable, CustomTestStringConvertible {
    var name: String
    var breakIt: @Sendable (inout Minutes) -> Void
    var expected: Finding
    var testDescription: String { name }
  }

  static let variants: [Variant] = [
    Variant(name: "no chair title", breakIt: { $0.setValue(nil, at: stored("meeting.chair.title")) },
            expected: Finding(.error, rule: "required", address: "chair.title", message: "缺少必填部分「主持人職務」", hint: ":goto chair.title")),
    Variant(name: "no date", breakIt: { $0.setValue(nil, at: stored("meeting.date")) },
            expected: Finding(.error, rule: "required", address: "date", message: "缺少必填部分「日期」", hint: ":goto date")),
    Variant(name: "no kind of meeting", breakIt: { $0.setValue(nil, at: stored("meeting.kind")) },
            expected: Finding(.error, rule: "required", address: "kind", message: "缺少必填部分「會議類別」", hint: ":goto kind")),
    Variant(name: "no agenda item", breakIt: { $0.setValue(nil, at: stored("items")) },
            expected: Finding(.error, rule: "required", address: "+", message: "缺少必填部分「議題1 類型」", hint: ":goto +")),
    Variant(name: "an item without its subject", breakIt: { $0.setValue(nil, at: stored("items.3.subject")) },
            expected: Finding(.error, rule: "required", address: "3.subject", message: "缺少必填部分「議題3 內容」", hint: ":goto 3.subject")),
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

  /// What real reports omit is no error (issue 10): an item without directives, a directive without points (its
  /// lead says it all), no attendance, no period, term or session number, the chair by title alone (縣長主持召開).
  @Test(arguments: ["items.3.directives", "items.1.directives.1.points", "attendance.present", "meeting.period",
                    "meeting.term", "meeting.number", "meeting.chair.name"])
  func whatRealReportsOmitGivesNoFinding(omitted: String) throws {
    let (template, seed) = try ValidatorTests.seed()
    var minutes = seed
    minutes.setValue(nil, at: stored(omitted))
    #expect(minutes != seed)
    let seedFindings = Set(Validator(template: template).findings(in: seed))
    #expect(Validator(template: template).findings(in: minutes).filter { !seedFindings.contains($0) } == [])
  }

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
