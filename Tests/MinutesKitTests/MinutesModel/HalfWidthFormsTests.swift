import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``StringProtocol/halfWidthForms``: the full-width forms of ASCII and the ideographic space as ASCII, as ICU's
/// Fullwidth-Halfwidth transform gives them, which answers of numbers, counts and dates were read through before.
@Suite struct HalfWidthFormsTests {
  @Test(arguments: [("１２", "12"), ("２０２６／３／５", "2026/3/5"), ("　第３次", " 第3次"), ("abc", "abc"), ("", "")])
  func fullWidthFormsBecomeASCII(text: String, expected: String) {
    #expect(text.halfWidthForms == expected)
  }

  /// 5,000 texts drawn (seeded) from every full-width form of ASCII, both spaces, ASCII, Han and hiragana: the same
  /// text as ICU's transform gives. (Not katakana: ICU makes `カ` half-width `ｶ`, which no number or date holds.)
  @Test func readsAsICUDoes() {
    let fullWidth = (0xFF01...0xFF5E).map { Character(Unicode.Scalar($0)!) }
    let alphabet = fullWidth + Array("　 0123456789/:-.年月日時分第次屆會議万萬ひ~a")
    var generator = SplitMix64(seed: 31)
    let texts = (0..<5_000).map { _ in
      String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }
    // The transform is made once, over all the texts on lines of their own (it changes each character alone).
    let icu = texts.joined(separator: "\n").applyingTransform(.fullwidthToHalfwidth, reverse: false)!
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(icu.count == texts.count)
    let disagreements = zip(texts, icu).filter { $0.halfWidthForms != $1 }.map { "\($0) → \($0.halfWidthForms), ICU \($1)" }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
  }
}
