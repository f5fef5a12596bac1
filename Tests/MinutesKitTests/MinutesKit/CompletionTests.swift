import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

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
