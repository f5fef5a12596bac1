import Foundation

/// Chinese numerals for terms (第十屆) and numbered items (一、二、), as CLDR's `zh` spell-out rules (RBNF
/// `spellout-numbering`) write them: 〇, 十, 十一, 一百一十, 一千零一十, 一萬零一.
///
/// The numbers below one hundred million (一億) are spelled here, by the rules ICU follows (which the tests compare
/// with ICU's formatter for every number below 200,000 and a sample above); the rest go to ICU's formatter in
/// Foundation. (Making that formatter loads ICU's rules, a twentieth of an export.) Numerals are read here too, as
/// ICU reads them (a test compares the two).
public enum ChineseNumeral {
  /// `10` → `十`, `21` → `二十一`, in Traditional characters (一萬).
  public static func string(_ number: Int) -> String {
    if (0..<small.count).contains(number) { return small[number] }
    return spelled(number) ?? formatter.string(from: NSNumber(value: number)) ?? String(number)
  }

  /// The numerals of 0–99, spelled once: every entry of every list of an export offers its number so (`zh`), and
  /// spelling it had been a hundredth of an export.
  private static let small: [String] = (0..<100).map { spelled($0)! }

  /// The numeral in the script of `language`: Simplified characters for `zh-Hans` (一万), else Traditional (一萬).
  public static func string(_ number: Int, language: String) -> String {
    guard language == "zh-Hans" else { return string(number) }
    // Below ten thousand the two scripts write the same numeral.
    if (0..<10_000).contains(number) { return string(number) }
    if let text = spelled(number) { return text.replacingOccurrences(of: "萬", with: "万") }
    let text = string(number)
    return text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
  }

  private static let digits: [String] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

  /// `number` spelled in Traditional characters when it is from 0 to 99,999,999; `nil` above (or below).
  ///
  /// The rules (CLDR `zh` RBNF): the ten-thousands (萬) and the rest are each spelled in 千, 百 and 十; a run of
  /// zeros within or before the rest is one 零 (一千零一, 一萬零一百); 10–19 are 十… where they lead the number, and
  /// 一十… after a higher digit (一百一十, 一萬零一十).
  static func spelled(_ number: Int) -> String? {
    guard (0..<100_000_000).contains(number) else { return nil }
    guard number > 0 else { return digits[0] }
    var text = ""
    let (high, low) = number.quotientAndRemainder(dividingBy: 10_000)
    if high > 0 {
      spellGroup(high, into: &text, leading: true)
      text += "萬"
    }
    if low > 0 {
      if high > 0, low < 1_000 { text += "零" }
      spellGroup(low, into: &text, leading: high == 0)
    }
    return text
  }

  /// Appends `number` (1–9,999) in 千, 百 and 十: `leading` when nothing comes before it (十一, not 一十一).
  private static func spellGroup(_ number: Int, into text: inout String, leading: Bool) {
    var (started, zero) = (false, false)
    for (power, unit) in [(1_000, "千"), (100, "百"), (10, "十"), (1, "")] {
      let digit = number / power % 10
      guard digit > 0 else {
        zero = started
        continue
      }
      if zero { text += "零" }
      if !(digit == 1 && power == 10 && !started && leading) { text += digits[digit] }
      text += unit
      (started, zero) = (true, false)
    }
  }

  /// Reads a positive whole number typed as Arabic digits (10, full-width １０ too) or Chinese numerals (十);
  /// `nil` when the text is neither. A numeral is read only as ``string(_:)`` spells it (十, not 十十 or 一十), with
  /// 兩 or 两 for 二, and 〇 to 九, 十, 百 and 千 alone: 1 to 9,999.
  ///
  /// Read without ICU: its Fullwidth-Halfwidth transform and spell-out parser, made for each text, were a twentieth
  /// of an import (a test compares the two readings).
  public static func parse(_ text: String) -> Int? {
    let halfWidth = text.halfWidthForms
    if let n = Int(halfWidth), n > 0 { return n }
    guard !halfWidth.isEmpty, halfWidth.allSatisfy({ "零〇一二兩两三四五六七八九十百千".contains($0) }) else {
      return nil
    }
    let normalized = halfWidth.replacingOccurrences(of: "兩", with: "二").replacingOccurrences(of: "两", with: "二")
    // Accept only the canonical spelling of a positive number (十, not 十十 or 零).
    guard let n = value(of: normalized), n > 0, string(n) == normalized else { return nil }
    return n
  }

  /// The number a numeral of 〇 to 九, 十, 百 and 千 says, read as ``spelled(_:)`` writes one: each digit times the
  /// unit after it (十 alone is 一十), 零 and 〇 passed over. Any other numeral gives some number, which a caller
  /// compares with the numeral spelled back.
  private static func value(of numeral: String) -> Int? {
    var (total, digit) = (0, 0)
    for character in numeral {
      if let unit = units[character] {
        total += (digit == 0 ? 1 : digit) * unit
        digit = 0
      } else if let value = digitValues[character] {
        digit = value
      } else {
        return nil
      }
    }
    return total + digit
  }

  private static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1_000]
  private static let digitValues: [Character: Int] = [
    "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  // NumberFormatter is Sendable and thread-safe for formatting once configured.
  private static let formatter: NumberFormatter = {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "zh_Hant")
    formatter.numberStyle = .spellOut
    return formatter
  }()
}
