import Foundation
internal import Mustache

/// The content types a template's Mustache texts may name with `{{% CONTENT_TYPE: … }}`: swift-mustache's own
/// `TEXT` (nothing escaped) and `HTML` (`<`, `>`, `&`, `"`, `'` escaped), and `MARKDOWN`, registered here, in
/// which every value is escaped so that CommonMark reads it as the text it is (see ``MarkdownText/escape(_:)``).
package enum ContentTypes {
  /// Registers `MARKDOWN` with swift-mustache, once; touch it before compiling a template text.
  package static let registered: Void = {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
  }()

  /// The Markdown content type: values are escaped by ``MarkdownText/escape(_:)``.
  struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
  }
}

/// Text put into CommonMark (with GitHub's tables) so that a parser reads it back as the same text.
package enum MarkdownText {
  /// `text` escaped for Markdown, wherever it stands on a line: every character that could start markup is
  /// preceded by a backslash (CommonMark 0.31 §2.4, any ASCII punctuation may be): `\` `` ` `` `*` `_` `[` `]`
  /// `<` `|` `~` everywhere, `&` where it would start an entity reference, `#` at the start or where only `#`s
  /// follow (an ATX heading's closing sequence), and at the start `-` `+` `=` `>` and the `.` or `)` after
  /// leading digits (list items, setext underlines, block quotes). Spaces and tabs at the start become one space
  /// (four would make a code block; one means nothing at the start of a line, and within a line it keeps the value
  /// apart from what comes before it: `Present (remote)`), and line breaks become spaces, so that a value never
  /// ends a paragraph or a table row.
  /// - Complexity: O(n) in the length of `text`.
  package static func escape(_ text: String) -> String {
    let characters = Array(text.drop { $0 == " " || $0 == "\t" })
    var out = characters.count < text.count ? " " : ""
    out.reserveCapacity(text.utf8.count + 8)
    let leadingDigits = characters.prefix { $0.isASCII && $0.isNumber }.count
    for (index, character) in characters.enumerated() {
      let escaped: Bool
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", "|", "~": escaped = true
      case "&": escaped = startsEntity(characters, at: index)
      case "#": escaped = index == 0 || characters[index...].allSatisfy { $0 == "#" }
      case "-", "+", "=", ">": escaped = index == 0
      case ".", ")": escaped = leadingDigits > 0 && index == leadingDigits
      case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}":
        out.append(" ")
        continue
      default: escaped = false
      }
      if escaped { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Whether an `&` at `index` starts what CommonMark reads as an entity or numeric character reference:
  /// `&name;`, `&#123;` or `&#x1F;`.
  private static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
    var rest = characters[(index + 1)...].prefix(34)
    guard let semicolon = rest.firstIndex(of: ";") else { return false }
    rest = rest[..<semicolon]
    guard let first = rest.first else { return false }
    if first == "#" {
      let digits = rest.dropFirst()
      if let x = digits.first, x == "x" || x == "X" {
        return (1...6).contains(digits.count - 1) && digits.dropFirst().allSatisfy { $0.isHexDigit }
      }
      return (1...7).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return first.isASCII && first.isLetter && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }
}
