import Foundation

/// Writes a minutes file's mapping of ``Value``s as YAML directly, byte for byte as ``YAMLCoding/encode(_:)`` (Yams'
/// encoder over libyaml's emitter, two-space indent, no line width, unescaped UTF-8) writes the same values, without
/// going through `Codable`, Yams' nodes or the resolver's regular expressions for every scalar.
///
/// The layout is libyaml's block style: a mapping's keys one a line, a list's entries as `- ` lines at the
/// indent of the key that holds them, an empty list `[]` and an empty mapping `{}`. Each scalar gets the style
/// libyaml would choose (`yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style`): plain where
/// allowed, text that would read back as another type (`yes`, `10`, `2022-05-20`, `~`) in single quotes, else
/// single quotes, else double quotes with escapes (control characters, and characters outside the Basic
/// Multilingual Plane, which libyaml does not count as printable). `SnapshotWriterTests` compares it with Yams
/// over random drafts full of such text.
package enum YAMLWriter {
  /// The YAML of the mapping `pairs`, in order (a key given twice keeps its first place and its last value, as in
  /// Yams); `nil` when a key needs a form this writer does not write (longer than 128 bytes, or several lines: a
  /// complex key), for the caller to fall back on ``YAMLCoding/encode(_:)``.
  /// - Complexity: O(n) in the size of the values.
  package static func document(_ pairs: [(key: String, value: Value)]) -> String? {
    var keys: [String] = []
    var values: [String: Value] = [:]
    for (key, value) in pairs {
      if values.updateValue(value, forKey: key) == nil { keys.append(key) }
    }
    var out = ""
    out.reserveCapacity(4096)
    for (n, key) in keys.enumerated() {
      if n > 0 { out += "\n" }
      guard writeKey(key, into: &out) else { return nil }
      guard write(values[key]!, inMappingAt: 0, into: &out) else { return nil }
    }
    out += "\n"
    return out
  }

  /// Writes a mapping's value after its `key:`; `indent` is the mapping's.
  private static func write(_ value: Value, inMappingAt indent: Int, into out: inout String) -> Bool {
    switch value {
    case .record(let record) where !record.fields.isEmpty:
      return writeMapping(record, at: indent + 2, sameLine: false, into: &out)
    case .list(let entries) where !entries.isEmpty:
      // libyaml writes a list under a mapping's key "indentless": its dashes at the key's indent.
      return writeSequence(entries, at: indent, sameLine: false, into: &out)
    default:
      writeFlowOrScalar(value, indent: indent + 2, into: &out)
      return true
    }
  }

  /// Writes a non-empty mapping whose keys are at `indent`; with `sameLine`, its first key follows what is on the
  /// line (a list's dash).
  private static func writeMapping(_ record: Record, at indent: Int, sameLine: Bool, into out: inout String) -> Bool {
    for (n, (key, value)) in record.fields.enumerated() {
      if n > 0 || !sameLine {
        out += "\n"
        out += String(repeating: " ", count: indent)
      } else {
        out += " "
      }
      guard writeKey(key, into: &out), write(value, inMappingAt: indent, into: &out) else { return false }
    }
    return true
  }

  /// Writes a non-empty list whose dashes are at `indent`; with `sameLine`, its first dash follows what is on the
  /// line (another list's dash).
  private static func writeSequence(_ entries: [Value], at indent: Int, sameLine: Bool, into out: inout String) -> Bool {
    for (n, entry) in entries.enumerated() {
      if n > 0 || !sameLine {
        out += "\n"
        out += String(repeating: " ", count: indent)
      } else {
        out += " "
      }
      out += "-"
      switch entry {
      case .record(let record) where !record.fields.isEmpty:
        guard writeMapping(record, at: indent + 2, sameLine: true, into: &out) else { return false }
      case .list(let inner) where !inner.isEmpty:
        guard writeSequence(inner, at: indent + 2, sameLine: true, into: &out) else { return false }
      default:
        writeFlowOrScalar(entry, indent: indent + 2, into: &out)
      }
    }
    return true
  }

  /// Writes a scalar, `[]` or `{}` after a `:` or a `-`, with its space; `indent` is where a scalar's further
  /// lines are indented.
  private static func writeFlowOrScalar(_ value: Value, indent: Int, into out: inout String) {
    switch value {
    case .text(let text): writeText(text, indent: indent, into: &out)
    case .number(let number): out += " " + String(number)
    case .flag(let flag): out += flag ? " true" : " false"
    case .list: out += " []"
    case .record: out += " {}"
    }
  }

  // MARK: - Scalars

  /// A key, plain where libyaml writes it plain, and its colon. False for a key that is not a simple key.
  private static func writeKey(_ key: String, into out: inout String) -> Bool {
    let analysis = Analysis(key)
    guard !analysis.multiline, key.utf8.count <= 128 else { return false }
    if !key.isEmpty, analysis.blockPlainAllowed {
      out += key
    } else if analysis.singleQuotedAllowed {
      out += "'"
      appendSingleQuoted(key, indent: 0, into: &out)
    } else {
      appendDoubleQuoted(key, into: &out)
    }
    out += ":"
    return true
  }

  /// A text value, with the space before it.
  private static func writeText(_ text: String, indent: Int, into out: inout String) {
    let analysis = Analysis(text)
    if analysis.blockPlainAllowed, !text.isEmpty, !readsAsAnotherType(text) {
      out += " "
      out += text
    } else if analysis.singleQuotedAllowed {
      out += " '"
      appendSingleQuoted(text, indent: indent, into: &out)
    } else {
      out += " "
      appendDoubleQuoted(text, into: &out)
    }
  }

  /// Whether plain `text` would be read back as something other than text (a bool, a number, null, a date…):
  /// Yams then quotes it. Only text made of the characters of those forms can be; the rest is never looked up.
  private static func readsAsAnotherType(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
      let candidate = text.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: " "),
          UInt8(ascii: "\t"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="): true
        default: false
        }
      }
      return candidate && resolvesAsAnotherType(Array(text.utf8))
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      // Of the forms, only the booleans and null start with a letter.
      return text.utf8.count <= 5 && otherTypeWords.contains(text)
    default:
      return false
    }
  }

  /// Whether Yams' default resolver reads `text` (ASCII, starting with a digit, a sign, a dot, `~`, `<` or `=`, on
  /// one line) as an integer, a float, a merge key, null, a timestamp or a value key: its regular expressions,
  /// matched by hand.
  package static func resolvesAsAnotherType(_ text: [UInt8]) -> Bool {
    if text == Array("<<".utf8) || text == Array("=".utf8) || text == Array("~".utf8) { return true }
    return isInt(text) || isFloat(text) || isTimestamp(text)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
  private static func isIn(_ byte: UInt8, _ set: String) -> Bool { set.utf8.contains(byte) }

  /// `[-+]?(0b[0-1_]+|0o?[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)`, whole.
  private static func isInt(_ text: [UInt8]) -> Bool {
    var b = text[...]
    if let first = b.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { b = b.dropFirst() }
    guard let first = b.first else { return false }
    if first == UInt8(ascii: "0") {
      let rest = b.dropFirst()
      if rest.isEmpty { return true }
      if rest.first == UInt8(ascii: "b"), rest.count > 1, rest.dropFirst().allSatisfy({ isIn($0, "01_") }) { return true }
      if rest.first == UInt8(ascii: "x"), rest.count > 1, rest.dropFirst().allSatisfy({ isIn($0, "0123456789abcdefABCDEF_") }) {
        return true
      }
      if rest.allSatisfy({ isIn($0, "01234567_") }) { return true }
      return rest.first == UInt8(ascii: "o") && rest.count > 1 && rest.dropFirst().allSatisfy { isIn($0, "01234567_") }
    }
    guard first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return false }
    let head = b.prefix { isDigit($0) || $0 == UInt8(ascii: "_") }
    let tail = b[head.endIndex...]
    if tail.isEmpty { return true }
    return isSexagesimal(tail)
  }

  /// `(:[0-5]?[0-9])+`, whole.
  private static func isSexagesimal(_ text: ArraySlice<UInt8>) -> Bool {
    guard text.first == UInt8(ascii: ":") else { return false }
    return text.dropFirst().split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).allSatisfy { group in
      switch group.count {
      case 1: isDigit(group[group.startIndex])
      case 2: isIn(group[group.startIndex], "012345") && isDigit(group[group.startIndex + 1])
      default: false
      }
    }
  }

  /// Yams' float rule, whole: `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`,
  /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
  private static func isFloat(_ text: [UInt8]) -> Bool {
    let whole = text[...]
    if [".nan", ".NaN", ".NAN"].contains(where: { whole.elementsEqual($0.utf8) }) { return true }
    var b = whole
    let signed = b.first == UInt8(ascii: "-") || b.first == UInt8(ascii: "+")
    if signed { b = b.dropFirst() }
    if [".inf", ".Inf", ".INF"].contains(where: { b.elementsEqual($0.utf8) }) { return true }
    // An exponent: [eE], a sign (required or not), digits.
    func isExponent(_ e: ArraySlice<UInt8>, signRequired: Bool) -> Bool {
      guard let first = e.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") else { return false }
      var rest = e.dropFirst()
      if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        rest = rest.dropFirst()
      } else if signRequired {
        return false
      }
      return !rest.isEmpty && rest.allSatisfy(isDigit)
    }
    if !signed, b.first == UInt8(ascii: ".") {
      let rest = b.dropFirst()
      let digits = rest.prefix { isDigit($0) || $0 == UInt8(ascii: "_") }
      guard !digits.isEmpty else { return false }
      let after = rest[digits.endIndex...]
      return after.isEmpty || isExponent(after, signRequired: true)
    }
    guard let first = b.first, isDigit(first) else { return false }
    let head = b.prefix { isDigit($0) || $0 == UInt8(ascii: "_") }
    var rest = b[head.endIndex...]
    if rest.first == UInt8(ascii: ":") {
      // Sexagesimal: the groups, then a dot and digits.
      guard let dot = rest.firstIndex(of: UInt8(ascii: ".")) else { return false }
      return isSexagesimal(rest[..<dot]) && rest[(dot + 1)...].allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") }
    }
    if rest.first == UInt8(ascii: ".") {
      rest = rest.dropFirst().drop { isDigit($0) || $0 == UInt8(ascii: "_") }
    }
    return rest.isEmpty || isExponent(rest, signRequired: false)
  }

  /// Yams' timestamp rule, whole: `[0-9]{4}-[0-9]{2}-[0-9]{2}`, or `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}` then `[Tt]` or
  /// blanks, `[0-9]{1,2}:[0-9]{2}:[0-9]{2}`, an optional fraction `\.[0-9]*` and an optional zone
  /// `[ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?)`.
  private static func isTimestamp(_ text: [UInt8]) -> Bool {
    var b = text[...]
    func digits(_ minimum: Int, _ maximum: Int) -> Bool {
      let run = b.prefix(maximum).prefix(while: isDigit)
      guard run.count >= minimum else { return false }
      b = b.dropFirst(run.count)
      return true
    }
    func literal(_ byte: UInt8) -> Bool {
      guard b.first == byte else { return false }
      b = b.dropFirst()
      return true
    }
    guard digits(4, 4), literal(UInt8(ascii: "-")) else { return false }
    let month = b.prefix(while: isDigit).count
    guard digits(1, 2), literal(UInt8(ascii: "-")) else { return false }
    let day = b.prefix(while: isDigit).count
    guard digits(1, 2) else { return false }
    if b.isEmpty { return month == 2 && day == 2 }
    if b.first == UInt8(ascii: "T") || b.first == UInt8(ascii: "t") {
      b = b.dropFirst()
    } else {
      let blanks = b.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      guard !blanks.isEmpty else { return false }
      b = b.dropFirst(blanks.count)
    }
    guard digits(1, 2), literal(UInt8(ascii: ":")), digits(2, 2), literal(UInt8(ascii: ":")), digits(2, 2) else { return false }
    if literal(UInt8(ascii: ".")) { b = b.drop(while: isDigit) }
    if b.isEmpty { return true }
    b = b.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    if literal(UInt8(ascii: "Z")) { return b.isEmpty }
    guard literal(UInt8(ascii: "-")) || literal(UInt8(ascii: "+")), digits(1, 2) else { return false }
    if b.isEmpty { return true }
    return literal(UInt8(ascii: ":")) && digits(2, 2) && b.isEmpty
  }

  /// The words Yams' resolver reads as booleans or null.
  private static let otherTypeWords: Set<String> = [
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off",
    "Off", "OFF", "null", "Null", "NULL",
  ]

  /// The text of a single-quoted scalar after its opening quote, with its closing quote (libyaml's
  /// `yaml_emitter_write_single_quoted_scalar` without a line width).
  private static func appendSingleQuoted(_ text: String, indent: Int, into out: inout String) {
    var breaks = false
    for scalar in text.unicodeScalars {
      if scalar == " " {
        out.unicodeScalars.append(scalar)
      } else if Analysis.isBreak(scalar) {
        if !breaks, scalar == "\n" { out += "\n" }
        out.unicodeScalars.append(scalar)
        breaks = true
      } else {
        if breaks { out += String(repeating: " ", count: indent) }
        if scalar == "'" { out += "'" }
        out.unicodeScalars.append(scalar)
        breaks = false
      }
    }
    if breaks { out += String(repeating: " ", count: indent) }
    out += "'"
  }

  /// A double-quoted scalar (libyaml's `yaml_emitter_write_double_quoted_scalar` without a line width).
  private static func appendDoubleQuoted(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      guard !Analysis.isPrintable(scalar) || value == 0xFEFF || Analysis.isBreak(scalar) || scalar == "\"" || scalar == "\\"
      else {
        out.unicodeScalars.append(scalar)
        continue
      }
      out += "\\"
      switch value {
      case 0x00: out += "0"
      case 0x07: out += "a"
      case 0x08: out += "b"
      case 0x09: out += "t"
      case 0x0A: out += "n"
      case 0x0B: out += "v"
      case 0x0C: out += "f"
      case 0x0D: out += "r"
      case 0x1B: out += "e"
      case 0x22: out += "\""
      case 0x5C: out += "\\"
      case 0x85: out += "N"
      case 0xA0: out += "_"
      case 0x2028: out += "L"
      case 0x2029: out += "P"
      default:
        let (letter, width) = value <= 0xFF ? ("x", 2) : value <= 0xFFFF ? ("u", 4) : ("U", 8)
        let hex = String(value, radix: 16, uppercase: true)
        out += letter + String(repeating: "0", count: max(0, width - hex.count)) + hex
      }
    }
    out += "\""
  }

  /// What libyaml's `yaml_emitter_analyze_scalar` finds in a scalar, for the emitter with `unicode` set.
  struct Analysis {
    var multiline = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true

    init(_ text: String) {
      // Most texts of a draft are plain-safe: the analysis below would leave every flag as it is, and copying
      // their scalars into an array to find that out was most of writing a snapshot.
      if Self.isPlainSafe(text) { return }
      let scalars = Array(text.unicodeScalars)
      guard !scalars.isEmpty else { return }  // empty: block plain allowed (Yams quotes it: it reads as null)
      var blockIndicators = false
      if scalars.count >= 3, (scalars[0] == "-" && scalars[1] == "-" && scalars[2] == "-")
        || (scalars[0] == "." && scalars[1] == "." && scalars[2] == ".")
      {
        blockIndicators = true
      }
      var (lineBreaks, special) = (false, false)
      var (leadingSpace, leadingBreak, trailingSpace, trailingBreak, breakSpace, spaceBreak) =
        (false, false, false, false, false, false)
      var (previousSpace, previousBreak) = (false, false)
      var precededByWhitespace = true
      func isBlankZ(_ n: Int) -> Bool {
        n >= scalars.count || scalars[n] == " " || scalars[n] == "\t" || Self.isBreak(scalars[n]) || scalars[n] == "\0"
      }
      var followedByWhitespace = isBlankZ(1)
      for (n, scalar) in scalars.enumerated() {
        if n == 0 {
          switch scalar {
          case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`": blockIndicators = true
          case "?", ":": if followedByWhitespace { blockIndicators = true }
          case "-": if followedByWhitespace { blockIndicators = true }
          default: break
          }
        } else {
          switch scalar {
          case ":": if followedByWhitespace { blockIndicators = true }
          case "#": if precededByWhitespace { blockIndicators = true }
          default: break
          }
        }
        if !Self.isPrintable(scalar) { special = true }
        if Self.isBreak(scalar) { lineBreaks = true }
        if scalar == " " {
          if n == 0 { leadingSpace = true }
          if n == scalars.count - 1 { trailingSpace = true }
          if previousBreak { breakSpace = true }
          (previousSpace, previousBreak) = (true, false)
        } else if Self.isBreak(scalar) {
          if n == 0 { leadingBreak = true }
          if n == scalars.count - 1 { trailingBreak = true }
          if previousSpace { spaceBreak = true }
          (previousSpace, previousBreak) = (false, true)
        } else {
          (previousSpace, previousBreak) = (false, false)
        }
        precededByWhitespace = isBlankZ(n)
        followedByWhitespace = isBlankZ(n + 2)
      }
      multiline = lineBreaks
      if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
      if breakSpace { (blockPlainAllowed, singleQuotedAllowed) = (false, false) }
      if spaceBreak || special { (blockPlainAllowed, singleQuotedAllowed) = (false, false) }
      if lineBreaks || blockIndicators { blockPlainAllowed = false }
    }

    /// Whether `text` is not empty and made only of scalars the analysis finds nothing in, wherever they stand:
    /// ASCII letters and digits, `( ) / _ + = ;`, `.` and `-` past the first scalar (`---`, `...` and `- ` open a
    /// document or an entry), and the printable scalars of the Basic Multilingual Plane from U+00A0 that are no
    /// line break or byte order mark (CJK text and its punctuation). Such a text is one line, and may be written
    /// plain or single-quoted.
    static func isPlainSafe(_ text: String) -> Bool {
      var isFirst = true
      for scalar in text.unicodeScalars {
        let value = scalar.value
        if value < 0x80 {
          switch UInt8(value) {
          case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "="),
            UInt8(ascii: ";"):
            break
          case UInt8(ascii: "."), UInt8(ascii: "-"):
            if isFirst { return false }
          default:
            return false
          }
        } else {
          switch value {
          case 0x2028, 0x2029, 0xFEFF: return false
          case 0xA0...0xD7FF, 0xE000...0xFFFD: break
          default: return false
          }
        }
        isFirst = false
      }
      return !isFirst
    }

    /// libyaml's `IS_BREAK`: CR, LF, NEL, LS, PS.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x0D, 0x0A, 0x85, 0x2028, 0x2029: true
      default: false
      }
    }

    /// libyaml's `IS_PRINTABLE`: LF, printable ASCII, U+00A0–U+D7FF, U+E000–U+FFFD but U+FEFF; nothing beyond the
    /// Basic Multilingual Plane.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: true
      case 0xE000...0xFFFD: scalar.value != 0xFEFF
      default: false
      }
    }
  }
}
