import Foundation

/// Chinese numerals for terms (第十屆), through ICU's spell-out rules (CLDR `zh` RBNF) in Foundation.
public enum ChineseNumeral {
  /// `10` → `十`, `21` → `二十一`.
  public static func string(_ number: Int) -> String {
    formatter.string(from: NSNumber(value: number)) ?? String(number)
  }

  /// The numeral in the script of `language`: Simplified characters for `zh-Hans` (一万), else Traditional (一萬).
  /// The numerals up to ``remembered`` are spelled once per process and script (an export numbers every agenda item
  /// and directive).
  public static func string(_ number: Int, language: String) -> String {
    let simplified = language == "zh-Hans"
    guard (0..<remembered).contains(number) else { return spelled(number, simplified: simplified) }
    return memo.value(for: number * 2 + (simplified ? 1 : 0)) { spelled(number, simplified: simplified) }
  }

  /// How many numerals (from 0) ``string(_:language:)`` remembers.
  package static let remembered = 10_000

  private static func spelled(_ number: Int, simplified: Bool) -> String {
    let text = string(number)
    guard simplified else { return text }
    return text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
  }

  /// The numerals spelled so far (ICU's formatter is slow enough to be worth remembering, and the exports may run
  /// on several threads in the tests), by `number * 2 + (Simplified ? 1 : 0)`.
  private static let memo = Memo<Int, String>()

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
