import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// Every change to what the clerk typed is visible: escape sequences and control characters are removed with a
/// notice that names them, a line of nothing else and a line that is not UTF-8 are refused, and messages quote
/// what was typed safely.
@Suite struct TypedInputTests {
  /// A reader that gives `results` in turn, then the end of input.
  final class Results: LineReader {
    var results: [LineReadResult]
    init(_ results: [LineReadResult]) { self.results = results }
    var isInteractive: Bool { false }
    func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
      results.isEmpty ? .endOfInput : results.removeFirst()
    }
  }

  @Test func escapeSequencesInAnAnswerAreRemovedWithANoticeNamingThem() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20"])
    let response = assistant.handle("\u{1B}[2J\u{1B}[31m下午\u{1B}[0m")
    #expect(!response.isError)
    #expect(response.messages.first == "已從這一行刪除：終端控制序列 \\u{1B}[2J、\\u{1B}[31m、\\u{1B}[0m。其餘照常採用。")
    #expect(assistant.minutes.text("meeting.period") == "下午")
  }

  @Test func controlAndInvisibleCharactersAreNamedInEnglishToo() throws {
    let template = try TestSupport.template(id: "team-meeting.en")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let response = assistant.handle("Platform\u{07} Sync\u{200B}\u{1B}[1m\u{1B}[2m\u{1B}[3m\u{1B}[4m")
    #expect(response.messages.first
      == "Removed from this line: the terminal escape sequences \\u{1B}[1m, \\u{1B}[2m, \\u{1B}[3m and 1 more; the control character \\u{7}; the invisible character \\u{200B}. The rest is used as typed.")
    #expect(assistant.minutes.text("meeting.title") == "Platform Sync")
  }

  @Test func aLineOfControlCodesAloneIsRefusedAndSkipsNothing() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午"])
    let cursor = assistant.cursor
    let response = assistant.handle("\u{1B}[2J")
    #expect(response.isError)
    #expect(response.messages == ["這一行只有終端控制序列 \\u{1B}[2J，沒有別的內容，未採用；請重新輸入。"])
    #expect(response.effect == nil)
    #expect(assistant.cursor == cursor)
  }

  @Test func aCommandWithAStrayEscapeCodeRunsWithANotice() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(":goto period\u{1B}[2J")
    #expect(response.messages == ["已從這一行刪除：終端控制序列 \\u{1B}[2J。其餘照常採用。"])
    #expect(assistant.cursor == TestSupport.at("meeting.period"))
  }

  @Test func messagesQuoteWhatWasTypedEscapedAndShort() throws {
    var assistant = try TestSupport.freshAssistant()
    let long = String(repeating: "2022-05-20", count: 100_000)
    #expect(assistant.handle(long).messages == ["「\(String(long.prefix(60)))…（共 1000000 字）」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"])
    // Whatever reaches an error's message is quoted safely, though the assistant cleans every line first (a
    // caller that does not, a value read from a file edited by hand).
    #expect(AssistantError.invalidAddress("9\u{1B}[2J").message(Messages(language: "en"))
      == "‘9\\u{1B}[2J’ is not an address. Addresses look like 2 (item 2), 2.1, date, present.2; type :show to see them all.")
    #expect(AssistantError.unknownCommand(String(repeating: "x", count: 100)).message(Messages(language: "en"))
      == "There is no command :\(String(repeating: "x", count: 60))… (100 characters). Type :help to see all commands.")
  }

  @Test func aLineThatIsNotUTF8IsRefusedAndTheSameQuestionAskedAgain() throws {
    let template = try TestSupport.template()
    let store = InMemoryDraftStore(name: "s")
    var session = DraftingSession(assistant: Assistant(template: template, minutes: Minutes(template: template.id)), store: store, name: "s")
    var output = ""
    let reader = Results([
      .line("2022-05-20"),
      .undecodable(UndecodableLine(byte: 0xFF, offset: 7, lineNumber: 2, count: 2)),
      .undecodable(UndecodableLine(byte: 0xB8)),
      .line("下午"),
    ])
    #expect(session.run(reader: reader, output: &output))
    #expect(output.contains("第 2 行含無效的 UTF-8 位元組 0xFF（該行第 7 個位元組；共 2 處），未保存；請重新輸入。\n上午、下午還是晚上？（沒有就直接按 Enter）\n"))
    #expect(output.contains("這一行含無效的 UTF-8 位元組 0xB8（顯示為 �），未保存；請重新輸入。終端的編碼多半不是 UTF-8。\n上午、下午還是晚上？（沒有就直接按 Enter）\n"))
    #expect(session.assistant.minutes.text("meeting.period") == "下午")
    // Two answers saved; the refused lines saved nothing.
    #expect(Journal.parse(store.allJournalLines.joined()).records.count == 2)
    #expect(Messages(language: "en").notUTF8(UndecodableLine(byte: 0xC3, offset: 4, lineNumber: 9))
      == "Line 9 has an invalid UTF-8 byte 0xC3 (byte 4 of the line); not saved, type it again.")
  }
}
