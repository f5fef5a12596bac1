import Foundation
internal import Yams

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
      return candidate && Resolver.default.resolveTag(of: Node(text)) != .str
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
      // Of the forms, only the booleans and null start with a letter.
      return text.utf8.count <= 5 && otherTypeWords.contains(text)
    default:
      return false
    }
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
