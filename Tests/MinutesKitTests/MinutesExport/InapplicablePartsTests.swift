import Foundation
import Testing

@testable import MinutesExport
@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// A value kept for a part that no longer applies (its `when` fails, or its `unless` holds, since the clerk
/// changed the part it names) is not printed, and `check` says so (`notApplicable`): a clerk's trial found a
/// motion changed to withdrawn still printing its vote and announced result, a motion that died for lack of a
/// second its seconder, an approval by unanimous consent its motion, and one "as distributed" its corrections.
/// On the council's meeting of `Tests/Fixtures/council/alder-creek.session.txt`.
@Suite struct InapplicablePartsTests {
  static func exported(_ minutes: Minutes, _ template: Template) throws -> String {
    try TextExporter().export(minutes, template: template)
  }

  static func warnings(_ minutes: Minutes, _ template: Template) -> [Finding] {
    Validator(template: template).findings(in: minutes).filter { $0.rule == "notApplicable" }
  }

  @Test func aMotionChangedToWithdrawnPrintsNoVoteNorResult() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    let before = try Self.exported(minutes, template)
    #expect(before.contains("Vote, by roll call: 4 in favor, 1 opposed, 0 abstaining."))
    #expect(Self.warnings(minutes, template) == [])

    minutes.setValue("Withdrawn", at: stored("motions.1.disposition"))
    let after = try Self.exported(minutes, template)
    #expect(after.contains("Disposition: Withdrawn as amended.\n2. Moved by"))
    for gone in ["Vote, by roll call", "Roll-call vote:", "Result as announced: Passes 4-1"] {
      #expect(!after.contains(gone), "still printed: \(gone)")
    }
    // Kept in the draft, and named: the parts the disposition rules out, not those that follow from them.
    #expect(minutes.value(at: stored("motions.1.votesFor"))?.number == 4)
    let found = Self.warnings(minutes, template)
    #expect(found.map(\.address) == ["1.voteKind", "1.result", "1.votesFor", "1.rollCall"])
    #expect(found.first?.message == "‘Motion 1 Vote taken by’ is kept but not printed: it does not apply when ‘Disposition’ is “Withdrawn” or “Died for lack of a second” or “Ruled out of order”; delete it if it is wrong, else change ‘Disposition’")
    #expect(found.first?.hint == ":delete 1.voteKind")
    #expect(found.allSatisfy { $0.severity == .warning })
    // Deleting them as the hint says leaves nothing to warn of, and the export as it was without them.
    for address in ["motions.1.voteKind", "motions.1.result", "motions.1.votesFor", "motions.1.rollCall"] {
      minutes.setValue(nil, at: stored(address))
    }
    #expect(Self.warnings(minutes, template).map(\.address) == ["1.votesAgainst", "1.abstentions"])
  }

  /// A part's `unless` rules it out when any sibling it names holds (as a check's `unless` lets an entry off): the
  /// roll call is not asked of a motion decided by voice vote, nor printed, any more than of one withdrawn (a
  /// clerk's trial was asked for a roll call after recording a voice vote). The interview skips it too.
  @Test func aMotionDecidedByVoiceVoteHasNoRollCall() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    #expect(try Self.exported(minutes, template).contains("Roll-call vote:"))
    minutes.setValue("voice", at: stored("motions.1.voteKind"))
    let text = try Self.exported(minutes, template)
    #expect(text.contains("Vote, by voice vote: 4 in favor, 1 opposed, 0 abstaining."), "\(text)")
    #expect(!text.contains("Roll-call vote:"))
    let found = Self.warnings(minutes, template)
    #expect(found.map(\.address) == ["1.rollCall"])
    #expect(found.first?.message.contains("when ‘Vote taken by’ is “voice”") == true, "\(found)")
    // Either key rules it out alone: withdrawn, the vote kind no longer counts (it does not apply either).
    let motion = try #require(template.part(at: stored("motions")))
    let rollCall = try #require(motion.child("rollCall"))
    func applies(_ fields: Record) -> Bool { Template.applies(rollCall, among: motion.parts, in: fields) }
    #expect(applies(["disposition": "Adopted", "voteKind": "roll call"]))
    #expect(applies(["disposition": "Adopted"]))
    #expect(!applies(["disposition": "Adopted", "voteKind": "voice"]))
    #expect(!applies(["disposition": "Withdrawn", "voteKind": "roll call"]))
  }

  @Test func aMotionThatDiedForLackOfASecondPrintsNoSeconder() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    minutes.setValue("Died for lack of a second", at: stored("motions.2.disposition"))
    minutes.setValue(nil, at: stored("motions.2.dispositionDetail"))
    let text = try Self.exported(minutes, template)
    #expect(text.contains("2. Moved by Dana Reyes, that the council adopt the proposed short-term rental ordinance.\nDisposition: Died for lack of a second."))
    #expect(Self.warnings(minutes, template).map(\.address) == ["2.seconder", "2.voteKind"])
  }

  @Test func anApprovalByUnanimousConsentPrintsNoMotion() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    minutes.setValue("unanimous consent", at: stored("previousMinutes.method"))
    let text = try Self.exported(minutes, template)
    #expect(text.contains("were approved as distributed by unanimous consent."), "\(text)")
    #expect(!text.contains("on a motion by Dana Reyes"))
    // Markdown too, with its space (a clerk's trial found "as distributedby unanimous consent").
    #expect(try MarkdownExporter().export(minutes, template: template).contains("were approved as distributed by unanimous consent."))
    #expect(Self.warnings(minutes, template).map(\.address) == ["previous.mover", "previous.seconder", "previous.votesFor"])
  }

  @Test func minutesApprovedAsDistributedPrintNoCorrections() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    minutes.setValue("as corrected", at: stored("previousMinutes.approval"))
    minutes.setValue("on page 2, the grant should read $12,500", at: stored("previousMinutes.corrections"))
    #expect(try Self.exported(minutes, template).contains("$12,500"))
    minutes.setValue("as distributed", at: stored("previousMinutes.approval"))
    #expect(!(try Self.exported(minutes, template).contains("$12,500")))
    let found = Self.warnings(minutes, template)
    #expect(found.map(\.message) == ["‘Corrections’ is kept but not printed: it applies only when ‘Approval’ is “as corrected” or “as amended”; delete it if it is wrong, else change ‘Approval’"])
  }

  /// A part whose condition names a part with a condition of its own: `votesAgainst` applies when `votesFor` is
  /// filled in, and `votesFor` not for a withdrawn motion; so a kept count does not make the next one asked.
  @Test func conditionsOnConditionsAreFollowed() throws {
    let (template, meeting) = try BoardCheckTests.meeting()
    let motions = try #require(template.parts.first { $0.key == "motions" })
    let against = try #require(motions.parts.first { $0.key == "votesAgainst" })
    var record = try #require(meeting.value(at: stored("motions.1"))?.record)
    #expect(Template.applies(against, among: motions.parts, in: record))
    record["disposition"] = .text("Withdrawn")
    #expect(!Template.applies(against, among: motions.parts, in: record))
    let reason = Template.reasonNotApplying(against, among: motions.parts, in: record)
    #expect(reason?.key == "votesFor" && reason?.values == ["*"] && reason?.isUnless == false)
  }

  /// Conditions that name each other end, rather than recursing for ever.
  @Test func aCycleOfConditionsEnds() throws {
    let template = try TemplateLibrary.parse("""
      format: 2
      id: cycle.en
      name: Cycle
      language: en
      parts:
        - {key: a, label: A, question: A?, when: {b: ["*"]}}
        - {key: b, label: B, question: B?, when: {a: ["*"]}}
      export:
        text: "{{a}}{{b}}"
      """, file: "cycle.en.yaml")
    // Followed `conditionDepth` deep, then the values are taken as they are.
    #expect(Template.applies(template.parts[0], among: template.parts, in: ["a": .text("x"), "b": .text("y")]))
    #expect(!Template.applies(template.parts[0], among: template.parts, in: ["a": .text("x")]))
  }

  /// The change that makes parts stop applying says which, and a whole list that no longer applies can be
  /// deleted at once (the hint `check` gives), undoably.
  @Test func theEditSaysWhatStopsPrintingAndTheListGoesWhole() throws {
    let (template, minutes) = try BoardCheckTests.meeting()
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    let changed = assistant.handle(":edit 1.disposition Withdrawn")
    #expect(changed.messages == ["Changed 1.disposition.",
                                 "With ‘Disposition’ changed, ‘Vote taken by’, ‘Result as announced’, ‘In favor’, ‘Roll-call vote’ no longer apply: kept, but not printed (:check lists them; :delete what is not wanted)"])
    let deleted = assistant.handle(":delete 1.rollCall")
    #expect(!deleted.isError, "\(deleted.messages)")
    #expect(assistant.minutes.value(at: stored("motions.1.rollCall")) == nil)
    _ = assistant.handle(":undo")
    #expect(assistant.minutes.value(at: stored("motions.1.rollCall"))?.list?.count == 5)
    // A list that applies is deleted whole too, as one step, named by its label.
    #expect(assistant.handle(":delete attendance.present").messages == ["Deleted ‘Present’ (present). Type :undo to bring it back."])
    _ = assistant.handle(":undo")
    #expect(assistant.minutes.entries(of: stored("attendance.present")).count == 4)
    // The kept counts are not judged: no tally or result error blocks the export.
    _ = assistant.handle(":edit 1.votesFor 9")
    #expect(Validator(template: template).errors(in: assistant.minutes) == [])
  }

  /// `:show` lists what is kept but no longer applies, marked, where it would otherwise say "not filled in".
  @Test func showMarksWhatIsKeptButNotPrinted() throws {
    let (template, minutes) = try BoardCheckTests.meeting()
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    _ = assistant.handle(":edit 1.disposition Withdrawn")
    #expect(assistant.handle(":show 1.result").messages == ["1.result  Motion 1 Result as announced: Passes 4-1  (no longer applies: kept, not printed)"])
    #expect(assistant.handle(":show 1").messages.joined().contains("1.votesAgainst  Motion 1 Opposed: 1  (no longer applies: kept, not printed)"))
  }
}
