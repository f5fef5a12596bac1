import Testing

import MinutesImport

/// The lines of a text as every step of an import splits them, and the page chrome found on them.
@Suite struct PageChromeTests {
  @Test(arguments: [
    ("a\nb", ["a", "b"]),
    ("a\r\nb\rc\n\nd", ["a", "b", "c", "", "d"]),
    ("會議\r\n\r\n議題\n", ["會議", "", "議題", ""]),
    ("e\u{301}\rx", ["e\u{301}", "x"]),
    ("", [""]),
    ("\r\n", ["", ""]),
  ])
  func linesAreApartAtEveryKindOfLineBreak(text: String, lines: [String]) {
    #expect(PageChrome.lines(text).map(String.init) == lines)
  }

  /// A footer is the run of footer lines at the end: one above the minutes' last line is not removed.
  @Test func onlyTheFooterAtTheEndIsRemoved() {
    let text = "區政府常務會議\n地址：仁愛路1號會議室\n會議研究了其他事項。\n\n版權所有：區政府辦公室\n聯繫電話：020-12345678\n"
    let (body, notes, origins) = PageChrome.strip(text)
    #expect(body == "區政府常務會議\n地址：仁愛路1號會議室\n會議研究了其他事項。\n")
    #expect(notes.map(\.kind) == [.footer, .footer])
    #expect(notes.map(\.line) == [5, 6])
    #expect(origins == [1, 2, 3, 4])
  }

  /// A footer under a `(完)` and a rule of `|`, with half-width colons and the credits of the news item.
  @Test func aFooterBelowTheEndMarkAndARuleIsRemoved() {
    let text = "區政府常務會議\n會議研究了其他事項。(完)\n\n(撰稿人:蔣雨桐 審稿人:黃文博)\n|\n主辦:清潭區人民政府辦公室\n地址:府前大道1號  電話:0755-8888 1234\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body == "區政府常務會議\n會議研究了其他事項。\n")
    #expect(notes.map(\.kind) == [.end, .footer, .footer, .footer, .footer])
  }

  /// A NUL or a zero-width space that the clean-up removes is reported on its line with the line as read (a
  /// clerk's trial found `Secre\0tary` read as `Secretary` with no word); a byte-order mark that starts the file
  /// is not, nor is a tab.
  @Test func controlCharactersAreReportedWithTheLineAsRead() {
    let text = "\u{FEFF}Minutes\nSecre\u{0}tary: Zo\u{200B}ë Brandt\nPresent:\tAll\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body == text)
    #expect(notes.map(\.kind) == [.control])
    #expect(notes.map(\.line) == [2])
    #expect(notes.map(\.text) == ["Secretary: Zoë Brandt"])
  }
}

