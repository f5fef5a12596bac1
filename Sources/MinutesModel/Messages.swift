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
    // Joined with `+=` rather than `joined()`, which is not specialized for an array of strings: its first call in
    // a process looked its generic types up by name, a thirtieth of the time to the first prompt.
    var text = ""
    for segment in hant.segments {
      text += language != "zh-Hans" || segment.isValue
        ? segment.text : Self.simplifiedWords.value(for: segment.text) { Self.simplified(segment.text) }
    }
    return text
  }

  /// The words of messages already converted (``simplified(_:)`` runs ICU's transform, and `minutes check` of a
  /// large draft words thousands of findings alike): a message's words are literals of this program, so few.
  private static let simplifiedWords = Memo<String, String>()

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

  /// Where mainland usage differs from the character-by-character conversion: words (汇出 → 导出, 预设 → 默认,
  /// 字元 → 字符; a clerk's trial found the Taiwan words in Simplified messages) and the
  /// quotation marks (「」 → “”, GB/T 15834-2011 §4.8 引号).
  package static let mainlandUsage: [(String, String)] = [
    ("汇出", "导出"), ("副档名", "扩展名"), ("档名", "文件名"), ("档案", "文件"), ("资料夹", "文件夹"), ("磁碟", "磁盘"), ("视窗", "窗口"), ("位元组", "字节"),
    ("范本", "模板"), ("内建", "内置"), ("字元", "字符"), ("变数", "变量"), ("预设", "默认"), ("终端机", "终端"), ("快取", "缓存"),
    ("汇入", "导入"), ("贴上", "粘贴"), ("二进位档", "二进制文件"), ("二进位", "二进制"), ("程式", "程序"), ("远端", "远程"),
    ("栏位", "字段"), ("唯读", "只读"), ("回报", "反馈"), ("设定", "设置"),
    ("「", "“"), ("」", "”"),
  ]

  /// Wraps a quoted value: 「value」 in Traditional Chinese, “value” in Simplified (GB/T 15834-2011 §4.8 引号),
  /// ‘value’ in English.
  public func quote(_ value: String) -> String {
    // A quoted value is no word of the message, which converts 「」 to “” for Simplified: quoted so at once.
    guard isChinese else { return "‘\(value)’" }
    return language == "zh-Hans" ? "“\(value)”" : "「\(value)」"
  }

  /// The most characters of a clerk's input a message quotes (``shown(_:)``).
  public static let shownLength = 60

  /// The most characters of a line of a file a message quotes whole, with its line and column (an import's).
  public static let lineShownLength = 400

  /// What a clerk typed (or a file held), as a message may quote it: with its control and invisible characters
  /// written out (``visible(_:)``), and past ``shownLength`` characters cut, with the whole count:
  /// `要堅持原則…（共 1048576 字）`, `the board adopt… (1048576 characters)`.
  public func shown(_ input: String) -> String {
    Self.visible(cut(input, limit: Self.shownLength))
  }

  /// `input` cut past `limit` characters, with the whole count (`…（共 1048576 字）`, `… (1048576 characters)`);
  /// `input` itself when it is no longer. A message that quotes a line of a file by its line and column (an
  /// import's) cuts it at ``lineShownLength``: the column is on the line, yet a line of megabytes is no message.
  public func cut(_ input: String, limit: Int) -> String {
    var count = 0
    var end = input.startIndex
    for index in input.indices {
      if count == limit { end = index }
      count += 1
    }
    guard count > limit else { return input }
    return String(input[..<end]) + self("…（共 \(count) 字）", "… (\(count) characters)")
  }

  /// `text` with every character that would act on a terminal or hide itself written out as `\u{1B}`: C0 and
  /// C1 controls (ESC, BEL, NUL, tab, line breaks), DEL, zero-width characters, bidirectional controls and line
  /// separators. A line echoed or quoted this way cannot clear the screen, colour it or read backwards, and shows
  /// what was there.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isHidden) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isHidden(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether ``visible(_:)`` writes `scalar` out: a control (U+0000–U+001F, U+007F–U+009F), a zero-width or
  /// bidirectional mark (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF), or a line or
  /// paragraph separator (U+2028, U+2029).
  public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

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

// MARK: - A part not filled in

extension Messages {
  /// What a part not filled in prints as where its value belongs: its label in brackets that no house style uses,
  /// `〔屆次〕`, `[Date]`, so that the gap is seen, never `第屆`. A draft exported with its errors (`--draft`) marks
  /// a required field so; the questions listed before any answer (`templates show --questions`) mark the answers
  /// they quote so (`Did [Secretary] act as secretary…`).
  public func missingMark(_ label: String) -> String { self("〔\(label)〕", "[\(label)]") }
}

// MARK: - Imported text not read

extension Messages {
  /// The label of the list of lines an import could not read.
  public var unparsedLabel: String { self("未讀懂的原文", "Unparsed text") }

  /// `check`'s message for one of them.
  public func unparsedEntry(_ text: String) -> String {
    self("匯入時讀不懂的原文：\(quote(text))；把內容填到該在的地方後，用 :delete 刪去這一條",
         "imported text that could not be read: \(quote(text)); put its content where it belongs, then remove this entry with :delete")
  }
}
