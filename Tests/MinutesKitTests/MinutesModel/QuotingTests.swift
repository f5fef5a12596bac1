import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesModel
import MinutesTestSupport

/// How messages quote what a clerk typed (``Messages/shown(_:)``, ``Messages/visible(_:)``), and where a file
/// that is not UTF-8 goes wrong (``YAMLCoding/text(_:file:)``).
@Suite struct QuotingTests {
  @Test(arguments: [
    ("\u{1B}[2J", "\\u{1B}[2J"),
    ("a\u{07}b\u{0}c\u{7F}d\u{9B}e", "a\\u{7}b\\u{0}c\\u{7F}d\\u{9B}e"),
    ("tab\tcr\rlf\n", "tab\\u{9}cr\\u{D}lf\\u{A}"),
    ("名\u{202E}字\u{200B}\u{FEFF}\u{2028}", "名\\u{202E}字\\u{200B}\\u{FEFF}\\u{2028}"),
    ("要堅持原則。", "要堅持原則。"),
    ("\u{FFFD}", "\u{FFFD}"),
  ])
  func controlAndInvisibleCharactersAreWrittenOut(text: String, visible: String) {
    #expect(Messages.visible(text) == visible)
  }

  @Test func longInputIsCutAtSixtyCharactersWithTheWholeCount() {
    let long = String(repeating: "長", count: 1_000_000)
    #expect(Messages(language: "zh-Hant").shown(long) == String(repeating: "長", count: 60) + "…（共 1000000 字）")
    #expect(Messages(language: "zh-Hans").shown(long) == String(repeating: "長", count: 60) + "…（共 1000000 字）")
    #expect(Messages(language: "en").shown(String(repeating: "ab", count: 40)) == String(repeating: "ab", count: 30) + "… (80 characters)")
    // Sixty characters are quoted whole; a cut never splits an escape or a character.
    let sixty = String(repeating: "x", count: 60)
    #expect(Messages(language: "en").shown(sixty) == sixty)
    let escaped = String(repeating: "x", count: 59) + "\u{1B}[2J"
    #expect(Messages(language: "en").shown(escaped) == String(repeating: "x", count: 59) + "\\u{1B}… (63 characters)")
  }

  @Test func aFileThatIsNotUTF8IsRefusedAtItsFirstBadByte() throws {
    // Line 3, after `  title: 管` (ten characters, 34 bytes into the file): column 11, byte 35.
    var data = Data("format: 1\ntemplate: t\n  title: 管".utf8)
    data.append(contentsOf: [0xE5, 0x9C, 0x78, 0x0A])
    #expect(throws: YAMLProblem(
      file: "f.yaml", line: 3, column: 11,
      message: "the file is not UTF-8 text: byte 0xE5 (byte 35 of the file) is not UTF-8; save the file as UTF-8")
    ) { try YAMLCoding.text(data, file: "f.yaml") }
    do {
      _ = try YAMLCoding.text(Data([0xFF]), file: "g.yaml")
    } catch let problem as YAMLProblem {
      #expect(problem.place == "g.yaml:1:1")
      #expect(problem.message(Messages(language: "zh-Hant"))
        == "檔案不是 UTF-8 文字：位元組 0xFF（檔案的第 1 個位元組）不是 UTF-8；請以 UTF-8 另存檔案")
    } catch {
      Issue.record("unexpected \(error)")
    }
    #expect(try YAMLCoding.text(Data("甲\n乙".utf8), file: "h.yaml") == "甲\n乙")
  }
}
