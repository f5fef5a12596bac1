import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``ChineseNumeral``: numbers as Chinese numerals, and reading numbers typed as digits or numerals.
@Suite struct ChineseNumeralTests {
  @Test(arguments: [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (21, "二十一"), (100, "一百")])
  func spellsNumbers(number: Int, expected: String) {
    #expect(ChineseNumeral.string(number) == expected)
  }

  @Test(arguments: [
    ("十", 10), ("10", 10), ("１０", 10), ("二十一", 21), ("兩", 2), ("3", 3), ("一百零五", 105), ("十一", 11),
  ])
  func parsesDigitsAndNumerals(text: String, expected: Int) {
    #expect(ChineseNumeral.parse(text) == expected)
  }

  @Test(arguments: ["abc", "0", "０", "", "-1", "十a", "1.5", " "])
  func refusesWhatIsNotAPositiveNumber(text: String) {
    #expect(ChineseNumeral.parse(text) == nil)
  }

  /// "零"/"〇" are zero, not a positive number, just like "0"; "十十" is no numeral at all.
  @Test(arguments: ["零", "〇", "十十"])
  func refusesZeroAndMalformedNumerals(text: String) {
    #expect(ChineseNumeral.parse(text) == nil)
  }

  @Test(arguments: 1...120)
  func spellingParsesBack(number: Int) {
    #expect(ChineseNumeral.parse(ChineseNumeral.string(number)) == number)
  }

  /// The numerals spelled here are ICU's (CLDR `zh` spell-out), in Traditional characters and, through ICU's
  /// Hant-Hans transform, in Simplified ones: every number below 200,000 and 20,000 drawn (seeded) up to 一億, and
  /// past what is spelled here (ICU's own).
  @Test func spellsAsICUDoes() {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "zh_Hant")
    formatter.numberStyle = .spellOut
    var generator = SplitMix64(seed: 13)
    let drawn = (0..<20_000).map { _ in Int.random(in: 0..<100_000_000, using: &generator) }
    var disagreements: [String] = []
    for number in Array(0..<200_000) + drawn + [99_999_999, 100_000_000, 100_010_000, 1_234_567_890] {
      let icu = formatter.string(from: NSNumber(value: number))!
      if ChineseNumeral.string(number) != icu || ChineseNumeral.string(number, language: "zh-Hant") != icu
        || ChineseNumeral.string(number, language: "en") != icu
      {
        disagreements.append("\(number): \(ChineseNumeral.string(number)), ICU \(icu)")
      }
      if number % 97 == 0 || number >= 100_000_000 {
        let simplified = icu.applyingTransform(StringTransform("Hant-Hans"), reverse: false)!
        if ChineseNumeral.string(number, language: "zh-Hans") != simplified {
          disagreements.append("\(number) in Simplified: \(ChineseNumeral.string(number, language: "zh-Hans"))")
        }
      }
    }
    #expect(disagreements.prefix(5) == [])
    #expect(ChineseNumeral.string(10_000, language: "zh-Hans") == "一万")
    #expect(ChineseNumeral.string(10_010, language: "zh-Hant") == "一萬零一十")
    #expect(ChineseNumeral.string(0) == "〇")
  }
}
