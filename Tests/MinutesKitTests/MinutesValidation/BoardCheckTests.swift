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

  /// An error of the check `id` at `address`, whose hint opens `edit` (a `filled` check's field), else the address.
  static func error(_ id: String, _ address: String, _ message: String, edit: String? = nil) -> Finding {
    Finding(.error, rule: "check.\(id)", address: address, message: message, hint: ":edit \(edit ?? address)")
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
                         "The time 6:00 p.m. comes before 7:04 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "order of dates: a next meeting before this one (January 14); one after it is in order",
         correct: { $0.setValue("2025-01-15", at: stored("nextMeeting.date")) },
         broken: { $0.setValue("2025-01-07", at: stored("nextMeeting.date")) },
         expected: error("nextMeetingDate", "next.date", "The next meeting, 2025-01-07, comes before this one, 2025-01-14")),
    Case(name: "order of dates: the minutes approved are of a meeting after this one",
         correct: { $0.setValue("as distributed", at: stored("previousMinutes.approval")); $0.setValue("2024-12-10", at: stored("previousMinutes.date")) },
         broken: { $0.setValue("as distributed", at: stored("previousMinutes.approval")); $0.setValue("2025-02-11", at: stored("previousMinutes.date")) },
         expected: error("approvedMinutesDate", "date",
                         "The minutes approved are dated 2025-02-11, after this meeting (2025-01-14): one of the two dates is mistyped (:edit previous.date)")),
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
    Case(name: "result: announced with its abstentions, which differ from the count",
         correct: { $0.setValue(0, at: stored("motions.1.abstentions")); $0.setValue("Passes 4-1-0", at: stored("motions.1.result")) },
         broken: { $0.setValue(0, at: stored("motions.1.abstentions")); $0.setValue("Passes 4-1-2", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Passes 4-1-2”, does not agree with the record: 4-1-0")),
    Case(name: "result: announced with its abstentions, in favor and opposed differ",
         correct: { $0.setValue(2, at: stored("motions.1.abstentions")); $0.setValue("Passes 4–1–2", at: stored("motions.1.result")) },
         broken: { $0.setValue(2, at: stored("motions.1.abstentions")); $0.setValue("Passes 5-1-2", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Passes 5-1-2”, does not agree with the record: 4-1-2")),
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
         correct: { _ = $0.insert(["name": "Luis Reyes"], at: 5, in: stored("attendance.present"))
           $0.setValue("Luis Reyes", at: stored("motions.1.amendments.1.mover")) },
         broken: { $0.setValue("Luis Reyes", at: stored("motions.1.amendments.1.mover")) },
         expected: error("amendmentMoverPresent", "1.amendment.1.mover", "Luis Reyes moved the amendment, but is not among those present")),
    // RONR 12th ed. 48:4(3): a member who arrived after the roll call is present for what follows (the helper's
    // council: a late arrival who seconded was reported not present, and the export refused).
    Case(name: "among: a member who arrived late seconds; one recorded nowhere does not",
         correct: { $0.setValue(.list([.record(["name": "Omar Haddad", "event": "arrived", "time": "19:30"])]), at: stored("attendance.movements"))
           $0.setValue("Omar Haddad", at: stored("motions.1.amendments.1.seconder")) },
         broken: { $0.setValue("Omar Haddad", at: stored("motions.1.amendments.1.seconder")) },
         expected: error("amendmentSeconderPresent", "1.amendment.1.seconder", "Omar Haddad seconded the amendment, but is not among those present")),
    // The four present at the roll call and Leah Kim, who arrived at 7:20 p.m., are five; Samuel Grant, who left at
    // 9:05 p.m., is one of the four.
    Case(name: "atMost: a member who arrived late votes in the election; a member who left early is no second member",
         correct: { $0.setValue(.list([.record(["name": "Leah Kim", "event": "arrived", "time": "19:20"]),
                                       .record(["name": "Omar Haddad", "event": "arrived", "time": "19:30"]),
                                       .record(["name": "Samuel Grant", "event": "left", "time": "21:05"])]), at: stored("attendance.movements"))
           $0.setValue(4, at: stored("elections.1.ballot.1.votes")) },
         broken: { $0.setValue(4, at: stored("elections.1.ballot.1.votes")) },
         expected: error("electionVotes", "election.1.ballot.1.votes", "6 votes were counted in the election, but only 5 members were present")),
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
                         "The amendment “to add ‘with completion by June 30, 2025’” has no disposition (Adopted, Failed, Withdrawn, Died for lack of a second…)",
                         edit: "1.amendment.2.disposition")),
    Case(name: "filled: a disposition without a motion: an amendment disposed of that no one moved",
         broken: { $0.setValue(nil, at: stored("motions.1.amendments.2.mover")) },
         expected: error("amendmentMover", "1.amendment.2",
                         "The amendment “to add ‘with completion by June 30, 2025’” has a disposition but no mover",
                         edit: "1.amendment.2.mover")),
    Case(name: "filled unless: a motion voted on without a second (a warning); one that died for lack of a second is not",
         broken: { $0.setValue(nil, at: stored("motions.2.seconder")) },
         expected: Finding(.warning, rule: "check.motionSeconded", address: "2",
                           message: "The motion “the council adopt the proposed short-term rental ordinance” has no seconder: record “Died for lack of a second” if none was made (a motion from a committee, or one adopted by unanimous consent, needs none)",
                           hint: ":edit 2.seconder")),
    Case(name: "filled unless: a motion adopted by unanimous consent needs no second (RONR 12th ed. 4:58-63); one voted on otherwise does",
         correct: { $0.setValue(nil, at: stored("motions.2.seconder")); $0.setValue("unanimous consent", at: stored("motions.2.voteKind")) },
         broken: { $0.setValue(nil, at: stored("motions.2.seconder")); $0.setValue("voice", at: stored("motions.2.voteKind")) },
         expected: Finding(.warning, rule: "check.motionSeconded", address: "2",
                           message: "The motion “the council adopt the proposed short-term rental ordinance” has no seconder: record “Died for lack of a second” if none was made (a motion from a committee, or one adopted by unanimous consent, needs none)",
                           hint: ":edit 2.seconder")),
    Case(name: "filled when asked: a count in favor without those opposed (a warning, not an error); a vote not counted asks for none",
         correct: { $0.setValue(nil, at: stored("motions.1.votesFor")); $0.setValue(nil, at: stored("motions.1.votesAgainst")) },
         broken: { $0.setValue(nil, at: stored("motions.1.votesAgainst")) },
         expected: Finding(.warning, rule: "check.votesOpposedCounted", address: "1",
                           message: "The motion “the council award the Elm Street water main replacement contract to Copperline Utility Works in an amount not to exceed $35,000” gives the votes in favor but not those opposed: record 0 if no one opposed",
                           hint: ":edit 1.votesAgainst")),
    Case(name: "filled unless: an action item without a due date (a warning); a done one needs none",
         correct: { $0.setValue(nil, at: stored("actionItems.1.due")); $0.setValue("december", at: stored("actionItems.1.from"))
           $0.setValue("done", at: stored("actionItems.1.status")) },
         broken: { $0.setValue(nil, at: stored("actionItems.1.due")) },
         expected: Finding(.warning, rule: "check.actionDue", address: "actions.1",
                           message: "The action item of Nadia Brennan has no due date", hint: ":edit actions.1.due")),
    Case(name: "order: a meeting past midnight (adjourned 12:20 a.m. after a recess at 11:40 p.m.) is in order; noon is not",
         correct: { $0.setValue("23:40", at: stored("recesses.1.began")); $0.setValue("23:50", at: stored("recesses.1.ended"))
           $0.setValue(nil, at: stored("executiveSessions.1.began")); $0.setValue(nil, at: stored("executiveSessions.1.ended"))
           $0.setValue("00:20", at: stored("adjourned")) },
         broken: { $0.setValue("23:40", at: stored("recesses.1.began")); $0.setValue("23:50", at: stored("recesses.1.ended"))
           $0.setValue("12:20", at: stored("adjourned")) },
         expected: error("meetingTimes", "adjourned",
                         "The time 12:20 p.m. comes before 11:50 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "order apart: an executive session before a recess is in order; one after the adjournment is not",
         correct: { $0.setValue("19:30", at: stored("executiveSessions.1.began")); $0.setValue("19:50", at: stored("executiveSessions.1.ended")) },
         broken: { $0.setValue("21:30", at: stored("executiveSessions.1.began")); $0.setValue("21:50", at: stored("executiveSessions.1.ended")) },
         expected: error("meetingTimes", "adjourned",
                         "The time 9:22 p.m. comes before 9:50 p.m., given earlier in the meeting (called to order, recesses, executive sessions, adjournment)")),
    Case(name: "result unanimous: ‘Passes unanimously’ on a count with votes against",
         correct: { $0.setValue("Passes unanimously", at: stored("motions.1.result")); $0.setValue(5, at: stored("motions.1.votesFor"))
           $0.setValue(0, at: stored("motions.1.votesAgainst")); $0.setValue(nil, at: stored("motions.1.rollCall")) },
         broken: { $0.setValue("Passes unanimously", at: stored("motions.1.result")) },
         expected: error("motionResult", "1.result", "The result as announced, “Passes unanimously”, does not agree with the record: 4-1")),
    Case(name: "atMost with lists: more members present, absent and excused than the body has",
         broken: { $0.setValue(5, at: stored("meeting.members")) },
         expected: error("membersCounted", "present", "6 seats are recorded present, absent, excused or vacant, but the body has 5")),
    Case(name: "conflict: a motion adopted while no quorum was present (a warning)",
         broken: { $0.setValue(false, at: stored("quorum")) },
         expected: Finding(.warning, rule: "check.quorumBusiness", address: "1",
                           message: "The motion “the council award the Elm Street water main replacement contract to Copperline Utility Works in an amount not to exceed $35,000” is recorded Adopted, but no quorum was present: business done without a quorum is void unless ratified (RONR 40:6); a motion to adjourn, recess or obtain a quorum is in order",
                           hint: ":edit 1")),
    Case(name: "differ: a mover who seconds their own motion",
         broken: { $0.setValue("Priya  Shah", at: stored("motions.1.seconder")) },
         expected: error("ownSecond", "1.seconder", "Priya  Shah moved the motion and cannot also second it")),
    Case(name: "differ: an amendment seconded by its mover",
         broken: { $0.setValue("Dana Reyes", at: stored("motions.1.amendments.1.seconder")) },
         expected: error("ownAmendmentSecond", "1.amendment.1.seconder", "Dana Reyes moved the amendment and cannot also second it")),
    Case(name: "differ in a group: the approval of the minutes seconded by its mover",
         broken: { $0.setValue("Dana Reyes", at: stored("previousMinutes.seconder")) },
         expected: error("ownApprovalSecond", "previous.seconder", "Dana Reyes moved to approve the minutes and cannot also second it")),
    Case(name: "differ: a nomination seconded by the member who made it",
         broken: { $0.setValue("Dana Reyes", at: stored("elections.1.nominations.1.seconder")) },
         expected: error("ownNominationSecond", "election.1.nomination.1.seconder", "Dana Reyes made the nomination and cannot also second it")),
    Case(name: "statedOnce: a body named for a special meeting when the kind is Regular; a name with ‘Special’ in it is no kind",
         correct: { $0.setValue("Special Projects Committee", at: stored("meeting.body")) },
         broken: { $0.setValue("Town Council Special Meeting", at: stored("meeting.body")) },
         expected: Finding(.warning, rule: "check.kindStatedTwice", address: "body",
                           message: "The name says “Special meeting”, but the kind of meeting is recorded as Regular: keep the kind in “Kind of meeting” alone, unless the words are part of the name",
                           hint: ":edit body")),
    Case(name: "among in each election: the person elected is one of its nominees",
         broken: { $0.setValue("Samuel Grant", at: stored("elections.1.elected")) },
         expected: error("electedNominated", "election.1.elected", "Samuel Grant was elected, but is not among the nominees recorded for this election")),
    Case(name: "most: the person elected received fewer votes than another",
         correct: { $0.setValue(2, at: stored("elections.1.ballot.1.votes")); $0.setValue(2, at: stored("elections.1.ballot.2.votes")) },
         broken: { $0.setValue("Dana Reyes", at: stored("elections.1.elected")) },
         expected: error("electedByBallot", "election.1.elected", "Dana Reyes was elected, but Priya Shah received the most votes")),
    Case(name: "conflict: an election held while no quorum was present (a warning)",
         broken: { $0.setValue(false, at: stored("quorum")) },
         expected: Finding(.warning, rule: "check.quorumElection", address: "election.1",
                           message: "The election to Vice Chair (Priya Shah elected) was held while no quorum was present: it is void unless ratified (RONR 40:6)",
                           hint: ":edit election.1")),
    Case(name: "differ: going into executive session seconded by its mover",
         broken: { $0.setValue("Dana Reyes", at: stored("executiveSessions.1.seconder")) },
         expected: error("ownExecutiveSecond", "executive.1.seconder", "Dana Reyes moved to go into executive session and cannot also second it")),
    Case(name: "among: going into executive session seconded by a member excused",
         broken: { $0.setValue("Wendell Hart", at: stored("executiveSessions.1.seconder")) },
         expected: error("executiveSeconderPresent", "executive.1.seconder", "Wendell Hart seconded going into executive session, but is not among those present")),
    Case(name: "result without counts: an amendment announced ‘Carried 2-4’ but recorded Adopted",
         broken: { $0.setValue("Carried 2-4", at: stored("motions.1.amendments.1.result")) },
         expected: error("amendmentResult", "1.amendment.1.result",
                         "The result as announced, “Carried 2-4”, does not agree with the amendment’s disposition: Adopted")),
    Case(name: "alike: an agenda item spelled two ways (a typo), a warning; case, spaces and other digits are not",
         correct: { $0.setValue("Elm Street Water Main", at: stored("motions.1.item")); $0.setValue("elm street  water main", at: stored("motions.2.item"))
           $0.setValue("Item 3", at: stored("motions.3.item")); _ = $0.insert(["name": "Ruth Abernathy", "item": "Item 4", "summary": "Spoke"], at: 1, in: stored("publicComment")) },
         broken: { $0.setValue("Elm Street Water Main", at: stored("motions.1.item")); $0.setValue("Elm Stret Water Main", at: stored("motions.2.item")) },
         expected: Finding(.warning, rule: "check.itemSpelling", address: "2.item",
                           message: "The agenda item “Elm Stret Water Main” is spelled almost like “Elm Street Water Main”: if they are one item, spell them alike, or they print as two",
                           hint: ":edit 2.item")),
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

  /// A member who arrived after the roll call votes in a roll call and is counted among those present; one who
  /// left early is one member, not two; someone recorded nowhere is still no voter.
  @Test func aLateArrivalVotesAndIsCountedOnce() throws {
    var (template, minutes) = try Self.meeting()
    let validator = Validator(template: template)
    let motionRules: Set<String> = ["rollCall.notPresent", "votes.exceedPresent", "attendance.duplicate", "attendance.twoCategories"]
    let leah: Value = .record(["name": "Leah Kim", "event": "arrived", "time": "19:20"])
    let samuel: Value = .record(["name": "Samuel Grant", "event": "left", "time": "21:05"])
    minutes.setValue(.list([leah, .record(["name": "Omar Haddad", "event": "arrived", "time": "19:30"]), samuel]), at: stored("attendance.movements"))
    var rollCall = minutes.value(at: stored("motions.1.rollCall"))?.list ?? []
    #expect(!rollCall.isEmpty)
    rollCall.append(.record(["member": "Omar Haddad", "vote": "aye"]))
    minutes.setValue(.list(rollCall), at: stored("motions.1.rollCall"))
    // Six counted: the four present at the roll call and the two who arrived.
    minutes.setValue(5, at: stored("motions.1.votesFor"))
    #expect(validator.findings(in: minutes).filter { motionRules.contains($0.rule) } == [])
    // Seven counted is one too many: Samuel Grant, present then gone, counts once.
    minutes.setValue(6, at: stored("motions.1.votesFor"))
    #expect(validator.findings(in: minutes).filter { motionRules.contains($0.rule) }.map(\.rule) == ["votes.exceedPresent"])
    // Without the arrival, the same vote is a voter not present.
    minutes.setValue(5, at: stored("motions.1.votesFor"))
    minutes.setValue(.list([leah, samuel]), at: stored("attendance.movements"))
    #expect(validator.findings(in: minutes).filter { motionRules.contains($0.rule) }.map(\.rule).sorted() == ["rollCall.notPresent", "votes.exceedPresent"])
  }

  /// An amendment with neither a mover nor a disposition is one finding, the missing disposition: "a disposition
  /// but no mover" is said only of one that has a disposition (`filled … when`). Neither counts at the prompt
  /// while the interview is still to ask the amendment's disposition.
  @Test func anAmendmentWithNothingYetIsOneFindingAndNoneWhileItIsAsked() throws {
    let (template, meeting) = try Self.meeting()
    var minutes = meeting
    minutes.setValue(nil, at: stored("motions.1.amendments.2.mover"))
    minutes.setValue(nil, at: stored("motions.1.amendments.2.disposition"))
    let validator = Validator(template: template)
    #expect(validator.findings(in: minutes).map(\.rule).filter { $0.hasPrefix("check.amendment") } == ["check.amendmentDisposition"])
    let all = validator.openErrorCount(in: minutes, cursor: nil)
    #expect(all == validator.openErrorCount(in: meeting, cursor: nil) + 1)
    let disposition = stored("motions.1.amendments.2.disposition")
    #expect(validator.openErrorCount(in: minutes, cursor: disposition) == all - 1)
    let index = DraftIndex(template: template, minutes: minutes)
    #expect(index.openErrorCount(in: minutes, cursor: disposition) == all - 1)
    #expect(index.openErrorCount(in: minutes, cursor: nil) == all)
  }

  @Test(arguments: [("Passes 4-2", 4, 2), ("carried 5 to 0", 5, 0), ("Fails 2–3", 2, 3), ("Passes unanimously", nil, nil)])
  func theNumbersOfAnAnnouncedResult(text: String, yes: Int?, no: Int?) {
    let numbers = Validator.numbers(in: text)
    #expect(numbers?.0 == yes && numbers?.1 == no)
  }

  @Test(arguments: [
    ("elections.*.elected", "elections.*.nominations", "elections.*", "elected", "nominations"),
    ("motions.*.mover", "attendance.present", nil, "motions.*.mover", "attendance.present"),
    ("items.*.directives.*.lead", "items.*.directives.*.points", "items.*.directives.*", "lead", "points"),
    ("items.*.lead", "items.*", nil, "items.*.lead", "items.*"),
  ] as [(String, String, String?, String, String)])
  func theScopeTwoPathsShare(a: String, b: String, scope: String?, restA: String, restB: String) {
    let shared = Validator.sharedScope(a, b)
    #expect(shared.scope == scope && shared.a == restA && shared.b == restB)
  }

  /// A motion's wording that starts with "that" prints "that That the council…": a warning in any letter case, not
  /// for a word that only starts so (`Thatcher Road`).
  @Test(arguments: [("That the council award the contract", true), ("that the council award the contract", true),
                    ("THAT the town accept the deed", true), ("Thatcher Road be renamed Mill Lane", false), ("the council adjourn", false)])
  func aMotionWordingThatStartsWithThatIsWarnedOf(text: String, warned: Bool) throws {
    var (template, minutes) = try Self.meeting()
    minutes.setValue(.text(text), at: stored("motions.1.text"))
    let found = Validator(template: template).findings(in: minutes).filter { $0.rule == "pattern" }
    #expect(found.map(\.address) == (warned ? ["1.text"] : []))
  }

  /// `none`, `N/A` or `not on the agenda` typed as an agenda item would print as an item of its own: a warning.
  @Test(arguments: ["none", "N/A", "not on the agenda", "Non-agenda"])
  func noItemTypedAsAnItemIsWarnedOf(typed: String) throws {
    var (template, minutes) = try Self.meeting()
    minutes.setValue(.text(typed), at: stored("motions.1.item"))
    let found = Validator(template: template).findings(in: minutes).filter { $0.rule == "pattern" }
    #expect(found.map(\.address) == ["1.item"])
    minutes.setValue("Non-agenda housing items", at: stored("motions.1.item"))
    #expect(Validator(template: template).findings(in: minutes).filter { $0.rule == "pattern" } == [])
  }

  @Test(arguments: [("Meeting Room Policy", "meeting room polcy", true), ("Bicycle parking standards", "Bicycle parkng standard", true),
                    ("Item 1", "Item 12", false), ("ZA-2025-03", "ZA-2025-04", false), ("Budget", "Audit", false), ("Park", "Parks", true)])
  func twoSpellingsOfOneThing(a: String, b: String, alike: Bool) {
    #expect(Validator.nearlyAlike(Array(Validator.spellingKey(a)), Array(Validator.spellingKey(b))) == alike)
  }

  /// The banded edit distance the near-spelling check uses equals the whole Levenshtein table's wherever that is
  /// within the limit, and is `nil` wherever it is not: 20,000 random pairs over a three-letter alphabet (so
  /// that near pairs are common), lengths 0 to 12, limits 0 to 3.
  @Test func theBandedEditDistanceIsLevenshteinWithinTheLimit() {
    func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
      var table = (0...b.count).map { $0 }
      for i in stride(from: 1, through: a.count, by: 1) {
        var row = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
          row[j] = min(table[j] + 1, row[j - 1] + 1, table[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        table = row
      }
      return table[b.count]
    }
    var generator = SystemRandomNumberGenerator()
    let letters: [Character] = ["a", "b", "é"]
    var near = 0
    for _ in 0..<20_000 {
      let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
      var b = a
      for _ in 0..<Int.random(in: 0...4, using: &generator) {
        switch Int.random(in: 0..<3, using: &generator) {
        case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
        case 1: b.insert(letters.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
        default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &generator)] = letters.randomElement(using: &generator)! }
        }
      }
      let limit = Int.random(in: 0...3, using: &generator)
      let distance = levenshtein(a, b)
      if distance <= limit { near += 1 }
      #expect(Validator.editDistance(a, b, atMost: limit) == (distance <= limit ? distance : nil), "\(a) \(b) \(limit)")
    }
    #expect(near > 2_000)  // the pairs within the limit were tried, not only those past it
  }
}
