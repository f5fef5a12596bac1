import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Near misses of roster names at the prompts that take a person: found in the roster (one character off, or
/// another spelling), offered in the roster's form, and taken only when the clerk says yes.
@Suite struct NearMissTests {
  static let roster = Roster(people: [
    Roster.Person(name: "Dana Reyes"), Roster.Person(name: "Mayor Reyes"), Roster.Person(name: "Helen Marsh"),
    Roster.Person(name: "王芳", spellings: ["汪芳"]), Roster.Person(name: "王強"), Roster.Person(name: "劉成剛"),
  ])

  @Test func oneCharacterOffAndOtherSpellingsAreNearMisses() {
    let roster = Self.roster
    #expect(roster.nearMiss(of: "Dana Reyas")?.offer == "Dana Reyes")       // one replaced
    #expect(roster.nearMiss(of: "Dana Reyse")?.offer == "Dana Reyes")       // two neighbours swapped
    #expect(roster.nearMiss(of: "Dana Reys")?.offer == "Dana Reyes")        // one left out
    #expect(roster.nearMiss(of: "Helen Marssh")?.offer == "Helen Marsh")    // one added
    #expect(roster.nearMiss(of: "dana reyes")?.offer == "Dana Reyes")       // letter case only
    #expect(roster.nearMiss(of: "劉成鋼")?.offer == "劉成剛")                 // a homophone, one character off
    #expect(roster.nearMiss(of: "汪芳")?.offer == "王芳")                    // the roster's other spelling
    #expect(roster.nearMiss(of: "汪芳")?.reason == .otherSpelling)
    #expect(roster.nearMiss(of: " Dana Reyse ")?.typed == "Dana Reyse")
  }

  @Test func peopleWhoShareASurnameAreNeverTakenForEachOther() {
    let roster = Self.roster
    // Both are in the roster: each typed is that person, not a near miss of the other.
    #expect(roster.nearMiss(of: "王芳") == nil)
    #expect(roster.nearMiss(of: "王強") == nil)
    #expect(roster.nearMiss(of: "Mayor Reyes") == nil)
    #expect(roster.nearMiss(of: "Dana Reyes") == nil)
    // One character off both: neither is offered.
    let both = roster.nearMiss(of: "王方")
    #expect(both?.names == ["王芳", "王強"])
    #expect(both?.offer == nil)
    // Far from every name, or too short to tell a slip from another name.
    #expect(roster.nearMiss(of: "Marcus Webb") == nil)
    #expect(roster.nearMiss(of: "王") == nil)
    #expect(Roster(people: [Roster.Person(name: "Ann")]).nearMiss(of: "Anne") != nil)
    #expect(Roster(people: [Roster.Person(name: "Al")]).nearMiss(of: "Ed") == nil)
  }

  /// An assistant on a board meeting whose details are answered, asking the roll call, with the roster's names.
  static func assistant() throws -> Assistant {
    let template = try TestSupport.template(id: "board-meeting.en")
    var previous = try FollowOnTests.meeting("2024-04-16", items: [], template: template)
    previous.setValue(nil, at: TestSupport.at("attendance"))
    var assistant = Assistant(template: template, minutes: previous)
    assistant.peopleSources.append(roster)
    // The meeting's optional details (scheduled time, who called it to order, substitutes) are not asked here.
    _ = assistant.handle(":goto present.+")
    return assistant
  }

  @Test func aNearMissIsOfferedAndTakenOnlyOnYes() throws {
    var assistant = try Self.assistant()
    let slot = TestSupport.at("attendance.present.+")
    #expect(assistant.cursor == slot)
    let offer = assistant.handle("Dana Reyse, remote")
    #expect(offer.effect == nil)
    #expect(offer.messages.joined().contains("‘Dana Reyse’ is not in the roster; the roster has ‘Dana Reyes’."))
    #expect(assistant.prompt == "yes/no> ")
    #expect(assistant.question == nil)
    #expect(assistant.completions(for: "y") == ["yes", "y"])
    // Neither yes nor no: asked again, nothing taken.
    #expect(assistant.handle("maybe").isError)
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.present")).isEmpty)
    let taken = assistant.handle("y")
    #expect(taken.messages.first == "Taken in the roster's form: Dana Reyes, remote")
    #expect(assistant.minutes.value(at: TestSupport.at("attendance.present.1.name"))?.text == "Dana Reyes")
    #expect(assistant.minutes.value(at: TestSupport.at("attendance.present.1.mode"))?.text == "remote")
    // No keeps what was typed.
    _ = assistant.handle("helen marsh")
    _ = assistant.handle("n")
    #expect(assistant.minutes.value(at: TestSupport.at("attendance.present.2.name"))?.text == "helen marsh")
    // A roster name, or one near no roster name, is taken at once.
    #expect(assistant.handle("Mayor Reyes").effect != nil)
    #expect(assistant.handle("Marcus Webb").effect != nil)
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.present")).count == 4)
  }

  /// A part declared `person: true` (board-meeting.en's secretary) takes a person as the roles' parts do: Tab
  /// completes the roster, a near miss is offered; an `:edit` of it is made, and the near miss said with the
  /// `:edit` that takes the roster's form.
  @Test func aPartDeclaredPersonIsCheckedAsTheRolesPartsAre() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let secretary = TestSupport.at("meeting.secretary")
    #expect(template.part(at: secretary)?.asking.takesPerson == true)
    var previous = try FollowOnTests.meeting("2024-04-16", items: [], template: template)
    previous.setValue(nil, at: secretary)
    var assistant = Assistant(template: template, minutes: previous)
    assistant.peopleSources.append(Self.roster)
    _ = assistant.handle(":goto meeting.secretary")
    #expect(assistant.cursor == secretary)
    #expect(assistant.completions(for: "Hel") == ["Helen Marsh"])
    #expect(assistant.handle("Helen Marsj").messages.joined().contains("‘Helen Marsj’ is not in the roster; the roster has ‘Helen Marsh’."))
    _ = assistant.handle("y")
    #expect(assistant.minutes.value(at: secretary)?.text == "Helen Marsh")
    let edited = assistant.handle(":edit secretary Dana Reyse")
    #expect(assistant.minutes.value(at: secretary)?.text == "Dana Reyse")
    #expect(edited.messages.suffix(2) == ["‘Dana Reyse’ is not in the roster; the roster has ‘Dana Reyes’.",
                                          "To take the roster's form: :edit secretary Dana Reyes"])
    // Not a person's part: nothing said.
    #expect(assistant.handle(":edit meeting.place Dana Reyse").messages.count == 1)
  }

  @Test func aCommandLeavesTheOfferedAnswerUntakenAndSplitAnswersAreCheckedNameByName() throws {
    var assistant = try Self.assistant()
    _ = assistant.handle("Dana Reyse")
    _ = assistant.handle(":show")
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.present")).isEmpty)
    #expect(assistant.question != nil)
    _ = assistant.handle("Dana Reyes")
    _ = assistant.handle("")
    // The absent list takes several names split at commas: each is checked, and only the near one replaced.
    #expect(assistant.cursor == TestSupport.at("attendance.absent.+"))
    let offer = assistant.handle("Marcus Webb, Helen Marsch")
    #expect(offer.messages.joined().contains("‘Helen Marsch’ is not in the roster"))
    _ = assistant.handle("yes")
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.absent")).compactMap(\.text) == ["Marcus Webb", "Helen Marsh"])
  }

  @Test func withoutARosterNothingIsOffered() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    var previous = try FollowOnTests.meeting("2024-04-16", items: [], template: template)
    previous.setValue(nil, at: TestSupport.at("attendance"))
    var assistant = Assistant(template: template, minutes: previous)
    _ = assistant.handle(":goto present.+")
    #expect(assistant.handle("Dana Reyse").effect != nil)
  }
}
