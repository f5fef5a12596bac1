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

  /// The wording for this language: `hant` for `zh-Hant`, its Simplified form for `zh-Hans`, else `en`. Only the
  /// wording is converted to Simplified: the values put into it (a clerk's answer, a name) are quoted as they are.
  public func callAsFunction(_ hant: Wording, _ en: String) -> String {
    guard isChinese else { return en }
    guard language == "zh-Hans" else { return hant.segments.map(\.text).joined() }
    return hant.segments.map { $0.isValue ? $0.text : Self.simplified($0.text) }.joined()
  }

  /// `text` in Simplified characters and mainland usage.
  package static func simplified(_ text: String) -> String {
    var hans = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    for (taiwan, mainland) in Self.mainlandUsage { hans = hans.replacingOccurrences(of: taiwan, with: mainland) }
    return hans
  }

  /// A message's Traditional Chinese wording, written as a string literal whose interpolated values are kept
  /// apart from the words around them, so that converting the words to Simplified leaves the values alone.
  public struct Wording: ExpressibleByStringInterpolation, Sendable {
    /// The pieces, in order: words, or a value put in.
    public var segments: [(text: String, isValue: Bool)]

    public init(stringLiteral value: String) { segments = [(value, false)] }

    public init(stringInterpolation: Interpolation) { segments = stringInterpolation.segments }

    /// The words of `a` followed by those of `b`.
    public static func + (a: Wording, b: Wording) -> Wording {
      var joined = a
      joined.segments += b.segments
      return joined
    }

    /// Collects the words and values of a literal.
    public struct Interpolation: StringInterpolationProtocol {
      var segments: [(text: String, isValue: Bool)] = []
      public init(literalCapacity: Int, interpolationCount: Int) {}
      public mutating func appendLiteral(_ literal: String) { segments.append((literal, false)) }
      public mutating func appendInterpolation<T>(_ value: T) { segments.append(("\(value)", true)) }
    }
  }

  /// Where mainland usage differs from the character-by-character conversion: words (汇出 → 导出) and the
  /// quotation marks (「」 → “”, GB/T 15834-2011 §4.8 引号).
  package static let mainlandUsage: [(String, String)] = [
    ("汇出", "导出"), ("副档名", "扩展名"), ("档名", "文件名"), ("档案", "文件"), ("资料夹", "文件夹"), ("磁碟", "磁盘"), ("视窗", "窗口"), ("位元组", "字节"),
    ("范本", "模板"), ("内建", "内置"),
    ("「", "“"), ("」", "”"),
  ]

  /// Wraps a quoted value: 「value」 in Chinese, ‘value’ in English.
  public func quote(_ value: String) -> String { isChinese ? "「\(value)」" : "‘\(value)’" }

  /// Joins items of a list in prose: 、 in Chinese, `, ` in English.
  public func list(_ items: [String]) -> String { items.joined(separator: isChinese ? "、" : ", ") }

  /// The end of a sentence: 。 in Chinese, `.` in English.
  public var stop: String { isChinese ? "。" : "." }
}

/// An error that can say what went wrong, and what to do, in the session's language. Every area's error type
/// (`TemplateError`, `AssistantError`, `SessionError`, `ExportError`…) conforms, so that a zh-Hant session never
/// shows an English line; `errorDescription` is the English (or, for the assistant, the Traditional) wording.
public protocol LocalizedMinutesError: Error {
  /// What went wrong and what to do, in the language of `m`, without a prefix such as `error:`.
  func message(_ m: Messages) -> String
}

extension Error {
  /// This error's message in the language of `m`: its own wording when it is a ``LocalizedMinutesError``, else
  /// its `LocalizedError` description, else its description.
  public func message(_ m: Messages) -> String {
    if let error = self as? any LocalizedMinutesError { return error.message(m) }
    return (self as? any LocalizedError)?.errorDescription ?? "\(self)"
  }
}
