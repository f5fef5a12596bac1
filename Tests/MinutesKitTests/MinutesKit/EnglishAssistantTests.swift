import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// The assistant speaks its template's language: a board template in English, with times and counts.
@Suite struct EnglishAssistantTests {
  static func assistant() throws -> Assistant {
    let template = try TemplateLibrary.parse(MotionValidatorTests.yaml, file: "board.yaml")
    return Assistant(template: template, minutes: Minutes(template: template.id))
  }

  @Test func promptsMessagesAndTypedAnswersAreInEnglish() throws {
    var assistant = try Self.assistant()
    #expect(assistant.prompt == "Called to order> ")
    #expect(assistant.question == "Time?")
    #expect(assistant.handle("").messages
      == ["‘Called to order’ is required and cannot be left blank. Type an answer, or use :goto ADDRESS to fill it in later."])
    #expect(assistant.handle("7 pm 2").messages == ["‘7 pm 2’ is not a valid time. Type it as 19:02, 7:02 pm or noon."])
    assistant.answer(["7:02 p.m.", "Ann Lee", "Ann, Bob,Cy", "", "", "To adopt the budget", "Bob", "adopted"])
    #expect(assistant.minutes["called"] == "19:02")
    #expect(assistant.minutes.texts("present") == ["Ann", "Bob", "Cy"])
    #expect(assistant.prompt == "Motion 1 Ayes> ")
    #expect(assistant.handle("-1").messages == ["‘-1’ is not a count. Type 0 or a positive whole number."])
    assistant.answer(["3", "0"])
    #expect(assistant.minutes["motions.1.ayes"] == .number(3))
    #expect(assistant.minutes["motions.1.noes"] == .number(0))
    #expect(assistant.handle(":undo").messages == ["Undone: answer 1.noes."])
    #expect(assistant.handle(":nope").messages == ["There is no command :nope. Type :help to see all commands."])
    #expect(assistant.handle(":help").messages.first
      == "Answer each question and press Enter; press Enter alone to skip an optional one. Commands start with a colon:")
  }
}
