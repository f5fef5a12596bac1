import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// A detour from a finished interview (`:add`, `:goto`) returns to the command prompt when its list or part is
/// done, instead of asking for one more of everything after it.
@Suite struct DetourTests {
  @Test func aDetourFromAFinishedInterviewEndsWhereItsListEnds() throws {
    var assistant = try TestSupport.seedAssistant()
    #expect(assistant.cursor == nil)
    _ = assistant.handle(":add 1.1")
    #expect(assistant.cursor == TestSupport.at("items.1.directives.1.points.+"))
    _ = assistant.handle("要新的要點")
    #expect(assistant.cursor == TestSupport.at("items.1.directives.1.points.+"))
    let done = assistant.handle("")
    #expect(assistant.cursor == nil)
    #expect(done.messages == [assistant.finishedNotice])
    _ = assistant.handle(":goto date")
    _ = assistant.handle("2022-05-21")
    #expect(assistant.cursor == nil)
  }

  @Test func aNewEntryAddedAfterTheInterviewIsAskedForItsOtherParts() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":goto +")
    _ = assistant.handle("審議")
    #expect(assistant.cursor == TestSupport.at("items.8.subject"))
    var added = try TestSupport.seedAssistant()
    _ = added.handle(":add 1 強調")
    #expect(added.cursor == TestSupport.at("items.1.directives.2.topic"))
    _ = added.handle("")
    _ = added.handle("")
    _ = added.handle("要抓好落實")
    _ = added.handle("")
    #expect(added.cursor == nil)
  }

  /// `:goto GROUP` from a finished interview asks the whole group (安排部署: its scope, then its topics), and
  /// `:goto LIST` the end of the list, then returns to the command prompt.
  @Test func aDetourToAGroupOrAListCoversIt() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":goto arrangements")
    #expect(assistant.cursor == TestSupport.at("arrangements.scope"))
    _ = assistant.handle("")
    #expect(assistant.cursor == TestSupport.at("arrangements.topics.+"))
    _ = assistant.handle("文明創建")
    _ = assistant.handle("")
    #expect(assistant.cursor == nil)
    _ = assistant.handle(":goto present")
    #expect(assistant.cursor == TestSupport.at("attendance.present.+"))
    _ = assistant.handle("")
    #expect(assistant.cursor == nil)
  }

  @Test func aJumpDuringTheInterviewGoesOnFromThere() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20"])
    _ = assistant.handle(":goto body")
    _ = assistant.handle("區政府")
    #expect(assistant.cursor == TestSupport.at("meeting.number"))
  }
}
