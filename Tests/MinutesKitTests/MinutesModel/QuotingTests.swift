import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesModel
import MinutesTestSupport

/// How messages quote what a clerk typed (``Messages/shown(_:)``, ``Messages/visible(_:)``).
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
}
