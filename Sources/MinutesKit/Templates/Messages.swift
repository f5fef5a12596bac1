import Foundation

/// Chooses the wording of the assistant's messages for a template's language.
///
/// Every message is written twice in the code, in Traditional Chinese and in English, side by side; the
/// Simplified Chinese wording is made from the Traditional by ICU's `Hant-Hans` transform (so the two can never
/// drift apart), then a few words and the quotation marks are put in mainland usage (``mainlandUsage``).
public struct Messages: Sendable, Hashable {
  /// The language tag of the template: `zh-Hant`, `zh-Hans`, `en`…
  public let language: String

  /// The messages for `language`; unknown languages get English.
  public init(language: String) { self.language = language }

  /// Whether messages are in Chinese.
  public var isChinese: Bool { language.hasPrefix("zh") }

  /// The wording for this language: `hant` for `zh-Hant`, its Simplified form for `zh-Hans`, else `en`.
  public func callAsFunction(_ hant: String, _ en: String) -> String {
    guard isChinese else { return en }
    guard language == "zh-Hans" else { return hant }
    var hans = hant.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? hant
    for (taiwan, mainland) in Self.mainlandUsage { hans = hans.replacingOccurrences(of: taiwan, with: mainland) }
    return hans
  }

  /// Where mainland usage differs from the character-by-character conversion: words (汇出 → 导出) and the
  /// quotation marks (「」 → “”, GB/T 15834-2011 §4.1).
  static let mainlandUsage: [(String, String)] = [("汇出", "导出"), ("档案", "文件"), ("「", "“"), ("」", "”")]

  /// Wraps a quoted value: 「value」 in Chinese, ‘value’ in English.
  public func quote(_ value: String) -> String { isChinese ? "「\(value)」" : "‘\(value)’" }

  /// Joins items of a list in prose: 、 in Chinese, `, ` in English.
  public func list(_ items: [String]) -> String { items.joined(separator: isChinese ? "、" : ", ") }

  /// The end of a sentence: 。 in Chinese, `.` in English.
  public var stop: String { isChinese ? "。" : "." }
}
