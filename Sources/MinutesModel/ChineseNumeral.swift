import Foundation

/// Chinese numerals for terms (第十屆) and numbered items (一、二、), as CLDR's `zh` spell-out rules (RBNF
/// `spellout-numbering`) write them: 〇, 十, 十一, 一百一十, 一千零一十, 一萬零一.
///
/// The numbers below one hundred million (一億) are spelled here, by the rules ICU follows (which the tests compare
/// with ICU's formatter for every number below 200,000 and a sample above); the rest, and the reading of numerals,
/// go to ICU's formatter in Foundation. (Making that formatter loads ICU's rules, a twentieth of an export.)
public enum ChineseNumeral {
  /// `10` → `十`, `21` → `二十一`, in Traditional characters (一萬).
  public static func string(_ number: Int) -> String {
    spelled(number) ?? formatter.string(from: NSNumber(value: number)) ?? String(number)
  }

  /// The numeral in the script of `language`: Simplified characters for `zh-Hans` (一万), else Traditional (一萬).
  public static func string(_ number: Int, language: String) -> String {
    guard language == "zh-Hans" else { return string(number) }
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
  /// `nil` when the text is neither.
  public static func parse(_ text: String) -> Int? {
    let halfWidth = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
    if let n = Int(halfWidth), n > 0 { return n }
    guard !halfWidth.isEmpty, halfWidth.allSatisfy({ "零〇一二兩两三四五六七八九十百千".contains($0) }) else {
      return nil
    }
    let normalized = halfWidth.replacingOccurrences(of: "兩", with: "二").replacingOccurrences(of: "两", with: "二")
    // Accept only the canonical spelling of a positive number (十, not 十十 or 零).
    guard let n = formatter.number(from: normalized)?.intValue, n > 0, string(n) == normalized else { return nil }
    return n
  }

  // NumberFormatter is Sendable and thread-safe for formatting once configured.
  private static let formatter: NumberFormatter = {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "zh_Hant")
    formatter.numberStyle = .spellOut
    return formatter
  }()
}
