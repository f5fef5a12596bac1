import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// The checks `board-meeting.en` declares (issue 11, item 4), on the town council's meeting of
/// `Tests/Fixtures/council/alder-creek.session.txt`: each fires on a broken variant, with its message, and is
/// silent on the correct one; the meeting as drafted checks clean.
@Suite struct BoardCheckTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// What makes the correct variant (nothing, where the meeting as drafted is the correct one).
    var correct: @Sendable (inout Minutes) -> Void = { _ in }
    var broken: @Sendable (inout Minutes) -> Void
    var expected: Finding
    var testDescription: String { name }
  }

  static func error(_ id: String, _ address: String, _ message: String) -> Finding {
    Finding(.error, rule: "check.\(id)", address: address, message: message, hint: ":edit \(address)")
  }

  static let cases: [Case] = [
    Case(name: "order: adjourned before a time earlier in the meeting (5:32 pm for a meeting called to order at 7:04 pm)",
         broken: { $0.setValue("17:32", at: stored("adjourned")) },
         expected: error("meetingTimes", "adjourned",
                         "The time 5:32 p.m. comes before 8:58 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "order: a recess that ends before it begins",
         broken: { $0.setValue("19:55", at: stored("recesses.1.ended")) },
         expected: error("meetingTimes", "recess.1.ended",
                         "The time 7:55 p.m. comes before 8:05 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "order: an executive session before the call to order",
         broken: { $0.setValue("18:00", at: stored("executiveSessions.1.began")) },
         expected: error("meetingTimes", "executive.1.began",
                         "The time 6:00 p.m. comes before 8:15 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "answered: the time of adjournment missing (a warning)",
         broken: { $0.setValue(nil, at: stored("adjourned")) },
         expected: Finding(.warning, rule: "check.adjournedTime", address: "adjourned",
                           message: "The time of adjournment is not recorded (RONR 48:4(9) records the hour of adjournment)",
                           hint: ":edit adjourned")),
    Case(name: "result: the announced numbers differ from the counts",
         broken: { $0.setValue("Passes 5-0", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Passes 5-0”, does not agree with the record: 4-1")),
    Case(name: "result: without counts, the announced numbers differ from the roll call",
         correct: { $0.setValue(nil, at: stored("motions.1.votesFor")); $0.setValue(nil, at: stored("motions.1.votesAgainst"))
           $0.setValue(nil, at: stored("motions.1.abstentions")) },
         broken: { $0.setValue(nil, at: stored("motions.1.votesFor")); $0.setValue(nil, at: stored("motions.1.votesAgainst"))
           $0.setValue(nil, at: stored("motions.1.abstentions")); $0.setValue("Passes 3-2", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Passes 3-2”, does not agree with the record: 4-1")),
    Case(name: "result: an announced failure of a motion recorded adopted",
         broken: { $0.setValue("Fails 4-1", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Fails 4-1”, does not agree with the record: Adopted")),
    Case(name: "result: an amendment announced passed but recorded failed",
         broken: { $0.setValue("Carried 3-2", at: stored("motions.1.amendments.2.result")) },
         expected: error("amendmentResult", "1.amendment.2.result",
                         "The result as announced, “Carried 3-2”, does not agree with the amendment’s disposition: Failed")),
    Case(name: "atMost: more votes on the approval of the minutes than members present",
         broken: { $0.setValue(6, at: stored("previousMinutes.votesFor")) },
         expected: error("approvalVotes", "previous.votesFor", "6 votes were counted on the approval of the minutes, but only 5 members were present")),
    Case(name: "atMost: more ballots in an election than members present",
         broken: { $0.setValue(4, at: stored("elections.1.ballot.1.votes")) },
         expected: error("electionVotes", "election.1.ballot.1.votes", "6 votes were counted in the election, but only 5 members were present")),
    Case(name: "among: a mover not present; the same surname is not the same person (Mayor Reyes, Dana Reyes)",
         broken: { $0.setValue("Mayor Reyes", at: stored("motions.1.mover")) },
         expected: error("moverPresent", "1.mover", "Mayor Reyes moved it, but is not among those present")),
    Case(name: "among: a seconder excused, not present",
         broken: { $0.setValue("Wendell Hart", at: stored("motions.2.seconder")) },
         expected: error("seconderPresent", "2.seconder", "Wendell Hart seconded it, but is not among those present")),
    Case(name: "among: a look-alike surname present is no mistake (Luis Reyes beside Dana Reyes); one absent is",
         correct: { _ = $0.insert(["name": "Luis Reyes"], at: 6, in: stored("attendance.present"))
           $0.setValue("Luis Reyes", at: stored("motions.1.amendments.1.mover")) },
         broken: { $0.setValue("Luis Reyes", at: stored("motions.1.amendments.1.mover")) },
         expected: error("amendmentMoverPresent", "1.amendment.1.mover", "Luis Reyes moved the amendment, but is not among those present")),
    Case(name: "among: an amendment seconded by a guest",
         broken: { $0.setValue("Ruth Abernathy", at: stored("motions.1.amendments.1.seconder")) },
         expected: error("amendmentSeconderPresent", "1.amendment.1.seconder",
                         "Ruth Abernathy seconded the amendment, but is not among those present")),
    Case(name: "among: the approval of the minutes moved by someone not present",
         broken: { $0.setValue("Dana Reyez", at: stored("previousMinutes.mover")) },
         expected: error("approvalMoverPresent", "previous.mover", "Dana Reyez moved to approve the minutes, but is not among those present")),
    Case(name: "among: the approval of the minutes seconded by staff",
         broken: { $0.setValue("Nadia Brennan", at: stored("previousMinutes.seconder")) },
         expected: error("approvalSeconderPresent", "previous.seconder",
                         "Nadia Brennan seconded the approval of the minutes, but is not among those present")),
    Case(name: "among: an executive session moved by staff",
         broken: { $0.setValue("Owen Talbot", at: stored("executiveSessions.1.mover")) },
         expected: error("executiveMoverPresent", "executive.1.mover",
                         "Owen Talbot moved to go into executive session, but is not among those present")),
    Case(name: "among: a nomination made by a guest",
         broken: { $0.setValue("Ruth Abernathy", at: stored("elections.1.nominations.1.by")) },
         expected: error("nominatorPresent", "election.1.nomination.1.by", "Ruth Abernathy made a nomination, but is not among those present")),
    Case(name: "filled: an amendment without its disposition",
         broken: { $0.setValue(nil, at: stored("motions.1.amendments.2.disposition")) },
         expected: error("amendmentDisposition", "1.amendment.2",
                         "The amendment “to add “with completion by June 30, 2025”” has no disposition (Adopted, Failed, Withdrawn, Died for lack of a second…)")),
    Case(name: "filled: a disposition without a motion: an amendment disposed of that no one moved",
         broken: { $0.setValue(nil, at: stored("motions.1.amendments.2.mover")) },
         expected: error("amendmentMover", "1.amendment.2",
                         "The amendment “to add “with completion by June 30, 2025”” has a disposition but no mover")),
    Case(name: "filled unless: a motion voted on without a second (a warning); one that died for lack of a second is not",
         broken: { $0.setValue(nil, at: stored("motions.2.seconder")) },
         expected: Finding(.warning, rule: "check.motionSeconded", address: "2",
                           message: "The motion “the council adopt the proposed short-term rental ordinance” has no seconder: record “Died for lack of a second” if none was made (a motion from a committee needs none)",
                           hint: ":edit 2")),
    Case(name: "filled unless: an action item without a due date (a warning); a done one needs none",
         correct: { $0.setValue(nil, at: stored("actionItems.1.due")); $0.setValue("done", at: stored("actionItems.1.status")) },
         broken: { $0.setValue(nil, at: stored("actionItems.1.due")) },
         expected: Finding(.warning, rule: "check.actionDue", address: "actions.1",
                           message: "The action item of Nadia Brennan has no due date", hint: ":edit actions.1")),
  ]

  /// The council's meeting drafted from its transcript with the built-in template.
  static func meeting() throws -> (Template, Minutes) {
    let template = try TestSupport.template(id: "board-meeting.en")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let lines = TestSupport.lines(try String(contentsOf: TestSupport.fixture("council/alder-creek.session.txt"), encoding: .utf8))
    assistant.run(Array(lines.prefix { $0 != ":check" && $0 != ":quit" }))
    return (template, assistant.minutes)
  }

  @Test func theMeetingAsDraftedChecksClean() throws {
    let (template, minutes) = try Self.meeting()
    #expect(minutes.value(at: stored("adjourned"))?.text == "21:22")
    #expect(Validator(template: template).findings(in: minutes) == [])
  }

  @Test(arguments: cases)
  func eachCheckFiresOnTheBrokenVariantOnly(check: Case) throws {
    let (template, meeting) = try Self.meeting()
    let rule = check.expected.rule
    var correct = meeting
    check.correct(&correct)
    #expect(Validator(template: template).findings(in: correct).filter { $0.rule == rule } == [])
    var broken = meeting
    check.broken(&broken)
    #expect(Validator(template: template).findings(in: broken).filter { $0.rule == rule } == [check.expected])
  }

  @Test(arguments: [("Passes 4-2", 4, 2), ("carried 5 to 0", 5, 0), ("Fails 2–3", 2, 3), ("Passes unanimously", nil, nil)])
  func theNumbersOfAnAnnouncedResult(text: String, yes: Int?, no: Int?) {
    let numbers = Validator.numbers(in: text)
    #expect(numbers?.0 == yes && numbers?.1 == no)
  }
}
