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

  /// In Simplified characters the numeral is the Traditional one with 万 for 萬, from 0 to 20,000 (below ten
  /// thousand, and from the table of the first hundred, the same numeral).
  @Test func simplifiedNumeralsDifferOnlyIn萬() {
    for number in 0...20_000 {
      #expect(ChineseNumeral.string(number, language: "zh-Hans") == ChineseNumeral.string(number).replacingOccurrences(of: "萬", with: "万"))
    }
    #expect(ChineseNumeral.string(10_001, language: "zh-Hans") == "一万零一")
    #expect(ChineseNumeral.string(99) == "九十九" && ChineseNumeral.string(100) == "一百" && ChineseNumeral.string(0) == "〇")
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

  /// The reading is ICU's, as it was read before (its Fullwidth-Halfwidth transform, then its `zh_Hant` spell-out
  /// parser, a numeral taken only as spelled back): every numeral of 1 to 9,999 with 二 and with 兩, and 5,000 texts
  /// drawn (seeded) from numerals, digits of both widths, spaces of both widths and a few other characters.
  @Test func readsAsICUDoes() {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "zh_Hant")
    formatter.numberStyle = .spellOut
    var texts = (1..<10_000).flatMap { number in
      let numeral = ChineseNumeral.string(number)
      return [numeral, numeral.replacingOccurrences(of: "二", with: "兩"), numeral.replacingOccurrences(of: "二", with: "两")]
    }
    let alphabet = Array("零〇一二兩两三四五六七八九十百千萬0123456789０１２３４５６７８９ 　+-＋－a.")
    var generator = SplitMix64(seed: 29)
    for _ in 0..<5_000 {
      texts.append(String((0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
    }
    // The transform is made once, over all the texts on lines of their own (it changes each character alone).
    let halfWidths = texts.joined(separator: "\n").applyingTransform(.fullwidthToHalfwidth, reverse: false)!
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(halfWidths.count == texts.count)
    var disagreements: [String] = []
    for (text, halfWidth) in zip(texts, halfWidths) {
      var icu: Int?
      if let n = Int(halfWidth), n > 0 {
        icu = n
      } else if !halfWidth.isEmpty, halfWidth.allSatisfy({ "零〇一二兩两三四五六七八九十百千".contains($0) }) {
        let normalized = halfWidth.replacingOccurrences(of: "兩", with: "二").replacingOccurrences(of: "两", with: "二")
        if let n = formatter.number(from: normalized)?.intValue, n > 0, ChineseNumeral.string(n) == normalized { icu = n }
      }
      if ChineseNumeral.parse(text) != icu { disagreements.append("\(text): \(String(describing: ChineseNumeral.parse(text))), ICU \(String(describing: icu))") }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
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
