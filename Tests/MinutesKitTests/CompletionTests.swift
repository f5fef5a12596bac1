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

/// What Tab offers: command names after a colon, the question's choices, and a part's choices after
/// `:edit ADDRESS ` or `:add LIST `, each as the whole line so far.
@Suite struct CompletionTests {
  @Test func choicesAfterEditAndAddAreOffered() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20"])
    #expect(assistant.completions(for: ":ed") == [":edit "])
    #expect(assistant.completions(for: "下") == ["下午"])
    #expect(assistant.completions(for: ":edit period 晚") == [":edit period 晚上"])
    #expect(assistant.completions(for: ":e period ") == [":e period 上午", ":e period 下午", ":e period 晚上"])
    #expect(assistant.completions(for: ":add item 傳達") == [":add item 傳達學習", ":add item 傳達"])
    #expect(assistant.completions(for: ":edit nowhere 晚").isEmpty)
    #expect(assistant.completions(for: ":show period 晚").isEmpty)
  }
}

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

  @Test func aJumpDuringTheInterviewGoesOnFromThere() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20"])
    _ = assistant.handle(":goto body")
    _ = assistant.handle("區政府")
    #expect(assistant.cursor == TestSupport.at("meeting.number"))
  }
}

/// Tab on a line split into parts completes the part being typed.
@Suite struct LineCompletionTests {
  @Test func aRollCallVoteIsCompleted() throws {
    var library = TemplateLibrary()
    library.searchPath = [TestSupport.templateURL.deletingLastPathComponent()]
    let template = try library.template(id: "board-meeting.en")
    let minutes = try template.conform(Minutes(template: template.id, content: ["motions": [["text": "the board adopt it"]]]))
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .firstQuestion)
    _ = assistant.handle(":goto 1.rollCall.+")
    #expect(assistant.completions(for: "Ann Lee, a") == ["Ann Lee, aye", "Ann Lee, abstain", "Ann Lee, absent"])
    #expect(assistant.completions(for: "Ann Lee,n") == ["Ann Lee, nay"])
    #expect(assistant.completions(for: "Ann").isEmpty)
    _ = assistant.handle(":goto present.+")
    #expect(assistant.completions(for: "Bob, r") == ["Bob, remote"])
  }
}

/// Choices are taken in any letter case, so Tab completes them in any case too; a line that holds nothing, or
/// lacks its required first part, says so.
@Suite struct CaseAndEmptyLineTests {
  @Test func tabCompletesChoicesInAnyLetterCase() throws {
    var library = TemplateLibrary()
    library.searchPath = [TestSupport.templateURL.deletingLastPathComponent()]
    let template = try library.template(id: "board-meeting.en")
    let minutes = try template.conform(Minutes(template: template.id, content: ["motions": [["text": "the board adopt it"]]]))
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    #expect(assistant.completions(for: ":edit 1.disposition fa") == [":edit 1.disposition Failed"])
    _ = assistant.handle(":goto 1.disposition")
    #expect(assistant.completions(for: "ad") == ["Adopted"])
    #expect(assistant.handle(":add present ,,,").messages == ["‘,,,’ lacks its name. Type it like this: Aisha Bello, remote"])
    #expect(assistant.handle(":add absent ,,,").messages == ["‘,,,’ holds nothing to add. Type at least one entry, or press Enter to add none."])
  }
}
