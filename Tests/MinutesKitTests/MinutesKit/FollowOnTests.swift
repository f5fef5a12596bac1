import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Meetings that follow on (`minutes new --from`): what the template's `carry` takes over, and the actions of a
/// workspace (`minutes actions`) followed through the meetings that carried them.
@Suite struct FollowOnTests {
  static func board() throws -> Template { try TestSupport.template(id: "board-meeting.en") }

  /// A board meeting on `date` with these action items (owner, task, due, status, from, since).
  static func meeting(_ date: String, items: [[String: String]], template: Template) throws -> Minutes {
    let content: Record = [
      "meeting": .record([
        "organization": .text("Harborview Literacy Alliance"), "body": .text("Board of Directors"), "kind": .text("Regular"),
        "date": .text(date), "calledToOrder": .text("19:02"), "place": .text("the Community Room"),
        "presiding": .record(["name": .text("Margaret Okafor"), "office": .text("President")]),
        "secretary": .text("Thomas Lindqvist"), "members": .number(5), "memberNoun": .text("directors"),
      ]),
      "attendance": .record(["present": .list([.record(["name": .text("Margaret Okafor")]), .record(["name": .text("Daniel Reyes")])]),
                             "absent": .list([.text("Marcus Webb")])]),
      "quorum": .flag(true),
      "motions": .list([.record(["text": .text("the board adopt the budget"), "mover": .text("Daniel Reyes"), "disposition": .text("Adopted")])]),
      "actionItems": .list(items.map { item in
        var record = Record()
        for (key, value) in item { record[key] = .text(value) }
        return .record(record)
      }),
      "adjourned": .text("20:47"),
    ]
    return try template.conform(Minutes(template: template.id, content: content))
  }

  @Test func theDeclaredPartsAndTheOpenActionItemsAreCarriedAndNothingElse() throws {
    let template = try Self.board()
    let april = try Self.meeting("2024-04-16", items: [
      ["owner": "Helen Marsh", "task": "Sign the lease", "due": "2024-05-03"],
      ["owner": "Priya Natarajan", "task": "Draft a reserve proposal"],
    ], template: template)
    let may = FollowOn(previous: april, meeting: "april", template: template)
    #expect(may.parts == ["meeting.organization", "meeting.body", "meeting.kind", "meeting.place", "meeting.presiding",
                          "meeting.secretary", "meeting.members", "meeting.memberNoun", "attendance.present"])
    let m = may.minutes
    #expect(m.value(at: TestSupport.at("meeting.presiding.name"))?.text == "Margaret Okafor")
    #expect(m.entries(of: TestSupport.at("attendance.present")).count == 2)
    // Dates, times, the other attendance lists, the quorum and the motions start empty.
    for path in ["meeting.date", "meeting.calledToOrder", "attendance.absent", "quorum", "motions", "adjourned"] {
      #expect(m.value(at: TestSupport.at(path)) == nil, "\(path)")
    }
    let items = m.entries(of: TestSupport.at("actionItems")).compactMap(\.record)
    #expect(items.map { $0["task"]?.text } == ["Sign the lease", "Draft a reserve proposal"])
    #expect(items.map { $0["from"]?.text } == ["april", "april"])
    #expect(items.map { $0["since"]?.text } == ["2024-04-16", "2024-04-16"])
    #expect(items.map { $0["status"] } == [nil, nil])
    #expect(items[0]["due"]?.text == "2024-05-03")
    #expect(may.actions.map(\.from) == ["april", "april"])
    #expect(may.closed == 0)
  }

  @Test func closedItemsStayBehindAndCarriedOnesKeepTheMeetingTheyCameFrom() throws {
    let template = try Self.board()
    let may = try Self.meeting("2024-05-21", items: [
      ["owner": "Helen Marsh", "task": "Sign the lease", "status": "done", "from": "april", "since": "2024-04-16"],
      ["owner": "Priya Natarajan", "task": "Draft a reserve proposal", "status": "carried", "from": "april", "since": "2024-04-16"],
      ["owner": "Daniel Reyes", "task": "Renew the insurance", "status": "dropped", "from": "april", "since": "2024-04-16"],
      ["owner": "Aisha Bello", "task": "Update the handbook"],
    ], template: template)
    let june = FollowOn(previous: may, meeting: "may", template: template)
    let items = june.minutes.entries(of: TestSupport.at("actionItems")).compactMap(\.record)
    #expect(items.map { $0["task"]?.text } == ["Draft a reserve proposal", "Update the handbook"])
    #expect(items.map { $0["from"]?.text } == ["april", "may"])
    #expect(items.map { $0["since"]?.text } == ["2024-04-16", "2024-05-21"])
    #expect(items.allSatisfy { $0["status"] == nil })
    #expect(june.closed == 2)
  }

  /// A status minutes does not know (a stray space, a choice a variant removed, a hand edit) never closes an item:
  /// it is carried as open, and said, so that no open work drops out of the next meeting.
  @Test func anItemWithAStatusMinutesDoesNotKnowIsCarriedAsOpenAndSaid() throws {
    let template = try Self.board()
    #expect(template.closingActionStatuses == ["done", "dropped"])
    let may = try Self.meeting("2024-05-21", items: [
      ["owner": "Helen Marsh", "task": "Sign the lease", "status": "carried ", "from": "april", "since": "2024-04-16"],
      ["owner": "Priya Natarajan", "task": "Draft a reserve proposal", "status": "postponed", "from": "april"],
      ["owner": "Daniel Reyes", "task": "Renew the insurance", "status": "done", "from": "april"],
    ], template: template)
    let june = FollowOn(previous: may, meeting: "may", template: template)
    #expect(june.actions.map(\.task) == ["Sign the lease", "Draft a reserve proposal"])
    #expect(june.actions.map(\.unknownStatus) == ["carried ", "postponed"])
    #expect(june.closed == 1)
    let listed = ActionItems.collect([ActionItems.Meeting(name: "may", minutes: may, template: template)], today: "2024-06-01")
    #expect(listed.map(\.isOpen) == [true, true, false])
  }

  /// A meeting not dated yet is the draft being written: its statuses are the latest, not the earliest.
  @Test func anUndatedDraftIsTheLatestMeeting() throws {
    var meetings = try Self.threeMeetings()
    let june = try #require(meetings.firstIndex { $0.name == "june" })
    meetings[june].minutes.setValue(nil, at: TestSupport.at("meeting.date"))
    let actions = ActionItems.collect(meetings, today: "2024-06-20")
    #expect(actions.map(\.status) == ["done", "open", "dropped", "done"])
    #expect(actions.map(\.lastCarried) == ["may", "june", "may", "june"])
  }

  @Test func aTemplateWithoutCarryStartsEmpty() throws {
    let template = try TestSupport.template(id: "team-meeting.en")
    #expect(template.carry == nil)
    let previous = Minutes(template: template.id, content: ["title": .text("Weekly")])
    let next = FollowOn(previous: previous, meeting: "w1", template: template)
    #expect(next.minutes.content.isEmpty && next.parts.isEmpty && next.actions.isEmpty)
  }

  @Test func aCarryNamingAPartTheTemplateLacksIsRefused() throws {
    let yaml = """
      format: 2
      id: t.en
      name: T
      language: en
      parts:
        - {key: title, question: Title?}
      carry:
        parts: [title, chair]
      export:
        text: "{{title}}"
      """
    #expect {
      try TemplateLibrary.parse(yaml, file: "t.en.yaml")
    } throws: { error in
      (error as? TemplateError)?.message(Messages(language: "en")).contains("`carry.parts` names `chair`") == true
    }
    #expect(throws: Never.self) { try TemplateLibrary.parse(yaml.replacingOccurrences(of: ", chair]", with: "]"), file: "t.en.yaml") }
  }

  // MARK: - Actions across meetings

  /// April records three items; May (from April) marks one done, carries one, drops one and adds one; June (from
  /// May) carries the carried one again and marks May's new one done.
  static func threeMeetings() throws -> [ActionItems.Meeting] {
    let template = try board()
    let april = try meeting("2024-04-16", items: [
      ["owner": "Helen Marsh", "task": "Sign the lease", "due": "2024-05-03"],
      ["owner": "Priya Natarajan", "task": "Draft a reserve proposal", "due": "2024-05-14"],
      ["owner": "Daniel Reyes", "task": "Renew the insurance"],
    ], template: template)
    var may = FollowOn(previous: april, meeting: "april", template: template).minutes
    for (index, status) in ["done", "carried", "dropped"].enumerated() {
      may.setValue(.text(status), at: TestSupport.at("actionItems.\(index + 1).status"))
    }
    may.insert(.record(["owner": .text("Aisha Bello"), "task": .text("Update the handbook"), "due": .text("2024-06-30")]),
               at: 4, in: TestSupport.at("actionItems"))
    may.setValue(.text("2024-05-21"), at: TestSupport.at("meeting.date"))
    var june = FollowOn(previous: may, meeting: "may", template: template).minutes
    june.setValue(.text("carried"), at: TestSupport.at("actionItems.1.status"))
    june.setValue(.text("done"), at: TestSupport.at("actionItems.2.status"))
    june.setValue(.text("2024-06-18"), at: TestSupport.at("meeting.date"))
    // Given out of order: the listing orders meetings by their dates.
    return [("june", june), ("april", april), ("may", may)].map { ActionItems.Meeting(name: $0.0, minutes: $0.1, template: template) }
  }

  @Test func anItemCarriedThroughThreeMeetingsIsOneAction() throws {
    let actions = ActionItems.collect(try Self.threeMeetings(), today: "2024-06-20")
    #expect(actions.map(\.task) == ["Sign the lease", "Draft a reserve proposal", "Renew the insurance", "Update the handbook"])
    #expect(actions.map(\.status) == ["done", "open", "dropped", "done"])
    #expect(actions.map(\.firstRecorded) == ["april", "april", "april", "may"])
    #expect(actions.map(\.lastCarried) == ["may", "june", "may", "june"])
    #expect(actions[1].meetings == ["april", "may", "june"])
    #expect(actions.map(\.isOverdue) == [false, true, false, false])
  }

  @Test func theFiltersKeepWhatTheySayOnTheDayGiven() throws {
    let actions = ActionItems.collect(try Self.threeMeetings(), today: "2024-05-01")
    #expect(ActionItems.Filter(onlyOpen: true).apply(actions).map(\.task) == ["Draft a reserve proposal"])
    // Before its due date it is not overdue; after, it is.
    #expect(ActionItems.Filter(onlyOverdue: true).apply(actions).isEmpty)
    let later = ActionItems.collect(try Self.threeMeetings(), today: "2024-05-15")
    #expect(ActionItems.Filter(onlyOverdue: true).apply(later).map(\.task) == ["Draft a reserve proposal"])
    #expect(ActionItems.Filter(owner: "helen marsh").apply(actions).map(\.task) == ["Sign the lease"])
    // The roster's other spelling is the same person.
    let roster = Roster(people: [Roster.Person(name: "Priya Natarajan", spellings: ["Priya Nataraj"])])
    #expect(ActionItems.Filter(owner: "Priya Nataraj").apply(actions, roster: roster).map(\.owner) == ["Priya Natarajan"])
    #expect(ActionItems.Filter(owner: "Nobody").apply(actions).isEmpty)
  }

  @Test func theDayComesFromTheClockGiven() {
    let noonUTC = Date(timeIntervalSince1970: 1_718_712_000)  // 2024-06-18 12:00 UTC
    #expect(ActionItems.day(of: noonUTC, in: TimeZone(identifier: "UTC")!) == "2024-06-18")
    #expect(ActionItems.day(of: noonUTC, in: TimeZone(identifier: "Pacific/Kiritimati")!) == "2024-06-19")
  }

  @Test func theJSONOfAnActionHasEveryKey() throws {
    let action = WorkspaceAction(owner: "A", task: "T", due: nil, status: "open", isOpen: true, isOverdue: false,
                                 firstRecorded: "april", lastCarried: nil, meetings: ["april"])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    #expect(String(decoding: try encoder.encode(action), as: UTF8.self)
      == #"{"due":null,"firstRecorded":"april","lastCarried":null,"meetings":["april"],"open":true,"overdue":false,"owner":"A","status":"open","task":"T"}"#)
  }
}
