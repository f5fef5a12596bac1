import Testing

import LineEditing

/// Lines wrapped for a terminal: at spaces and between CJK characters, never inside a word, East Asian width.
@Suite struct TextWrappingTests {
  @Test func wrapsAtSpacesNeverInsideAWord() {
    #expect(TextWrapping.wrap("The organization's name? (e.g. Harborview Literacy Alliance)", width: 40)
      == "The organization's name? (e.g.\nHarborview Literacy Alliance)")
    #expect(TextWrapping.wrap("short", width: 40) == "short")
    #expect(TextWrapping.wrap("a verylongwordthatdoesnotfit b", width: 10) == "a\nverylongwordthatdoesnotfit\nb")
    #expect(TextWrapping.wrap("two\nlines that wrap", width: 10) == "two\nlines that\nwrap")
  }

  @Test func wrapsBetweenCJKCountingTwoColumnsAndKeepsPunctuationWithItsCharacter() {
    #expect(TextWrapping.columns(of: "會議2022") == 8)
    #expect(TextWrapping.columns(of: "e\u{301}") == 1)
    #expect(TextWrapping.wrap("會議日期？（年-月-日，如 2022-05-20；年份存檔，報道中不印出）", width: 30)
      == "會議日期？（年-月-日，如\n2022-05-20；年份存檔，報道中不\n印出）")
    // Never a line starting with ，or ending with （.
    let wrapped = TextWrapping.wrap("甲乙丙丁，戊（己庚）", width: 8)
    for line in wrapped.split(separator: "\n") {
      #expect(TextWrapping.columns(of: line) <= 8)
      #expect(line.first != "，" && line.last != "（")
    }
  }
}
