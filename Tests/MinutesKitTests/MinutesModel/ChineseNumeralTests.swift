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

  /// The numerals remembered per script are the ones spelled afresh, in Traditional and Simplified characters,
  /// asked once or again, and past what is remembered (一萬 / 一万).
  @Test func rememberedNumeralsAreTheSpelledOnes() {
    for number in [0, 1, 10, 99, 10_000, 12_345, ChineseNumeral.remembered - 1, ChineseNumeral.remembered] {
      let traditional = ChineseNumeral.string(number)
      let simplified = traditional.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? traditional
      for _ in 0..<2 {
        #expect(ChineseNumeral.string(number, language: "zh-Hant") == traditional)
        #expect(ChineseNumeral.string(number, language: "zh-Hans") == simplified)
        #expect(ChineseNumeral.string(number, language: "en") == traditional)
      }
    }
    #expect(ChineseNumeral.string(10_000, language: "zh-Hans") == "一万")
    #expect(ChineseNumeral.string(10_000, language: "zh-Hant") == "一萬")
  }
}
