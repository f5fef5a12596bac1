import Foundation
import MinutesModel

/// Normalizes the text a clerk types before it is stored, without ever changing a word.
///
/// Rules, in order:
/// 1. Unicode NFC (Unicode Standard Annex #15), so that the same text is always the same bytes.
/// 2. Terminal escape sequences (whole: `ESC[31m`, not just the ESC), zero-width characters (U+200B–U+200D,
///    U+2060, U+FEFF), control characters other than white space (NUL, BEL…) and bidirectional overrides
///    (U+202A–U+202E, U+2066–U+2069) are removed (``removingControls(from:)``). What a clerk types has them
///    removed before, with a notice saying what was removed; this rule is for files edited by hand.
/// 3. White space is trimmed at both ends, runs of white space become one space, and a space between two CJK
///    characters is removed (Chinese is written without spaces between characters); unless the part keeps its
///    spaces (`keepSpaces`: names, a credit line), where a space between names or in a padded name carries
///    meaning (`主持人：甲 匯報人：乙`, `王 芳`): there every run is kept as one space, an ideographic one (U+3000)
///    when the run has one.
/// 4. Punctuation width (GB/T 15834-2011 §5.1.1–5.1.3, 横排文稿标点符号的位置和书写形式: in horizontal text a mark
///    占一个字位置, takes a character's width; "full-width" is this project's reading of that): the half-width marks `, ; : ? ! ( )` become full-width
///    (，；：？！（）) when a CJK character stands next to them; a mark made full-width counts as CJK for its own
///    neighbours, so `稿),` becomes `稿），`. Between Latin letters or digits they stay half-width (`2.5`, `10:30`).
///    Brackets are paired (GB/T 15834-2011 §4.9 括号; §5.1.3, the two halves at the ends of what they enclose,
///    each a character's width; giving both halves the same width is this project's rule): when one of a matching `(` `)` pair is full-width, so is the
///    other, so `(如 10)` becomes `（如 10）`.
/// 5. Digits and Latin letters are never made full-width (this project's rule; published reports print them
///    half-width).
///
/// Normalizing twice gives the same text as normalizing once.
public enum Normalizer {
  /// The half-width marks that become full-width next to CJK text, with their full-width forms.
  public static let fullWidthPunctuation: [Character: Character] = [
    ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
  ]

  /// Returns `text` normalized by the rules above; `keepingSpaces` keeps a space between CJK characters (rule 3).
  /// - Complexity: O(n) in the length of `text` for typical input; each pass of rule 4 is O(n) and a pass
  ///   repeats only while a mark next to a mark changed.
  public static func normalize(_ text: String, keepingSpaces: Bool = false) -> String {
    isNormal(text) ? text : normalizedRuleByRule(text, keepingSpaces: keepingSpaces)
  }

  /// ``normalize(_:keepingSpaces:)`` without its quick test for a text that is normal already: each rule applied.
  package static func normalizedRuleByRule(_ text: String, keepingSpaces: Bool = false) -> String {
    var chars = Array(removingControls(from: text.precomposedStringWithCanonicalMapping).text)
    // Widening a mark can make a space sit between two CJK characters, and removing a space can put a mark
    // next to CJK: repeat both rules until neither changes anything, so that normalizing twice changes nothing.
    var changed = true
    while changed {
      let before = chars
      chars = collapseWhitespace(chars, keepingSpaces: keepingSpaces)
      _ = widenNextToCJK(&chars)
      _ = widenPairedBrackets(&chars)
      changed = chars != before
    }
    return String(chars)
  }

  /// Whether `text` is normalized already, told by its scalars alone: none is white space, a control or
  /// invisible character, a half-width mark the rules widen (`,;:?!()`) or one that could compose with another
  /// (every scalar is ASCII, Latin-1, a general punctuation mark, CJK, or a full-width form). A line of a
  /// Chinese report passes, and is not taken apart into characters four times to find nothing to change.
  package static func isNormal(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      switch scalar.value {
      case 0x21...0x7E: !Self.widenedMarks.contains(scalar)
      case 0xA1...0xFF, 0x2010...0x2027, 0x2030...0x205E: true
      case 0x3001...0x3098, 0x309B...0x9FFF, 0xFF01...0xFFEF: true
      default: false
      }
    }
  }

  private static let widenedMarks: Set<Unicode.Scalar> = [",", ";", ":", "?", "!", "(", ")"]

  /// Whether `text` normalizes to nothing (white space, control and invisible characters only), found without
  /// normalizing it: the first character that stays answers, so a long answer is not normalized once more just
  /// to tell that it is not blank.
  public static func isBlank(_ text: String) -> Bool {
    removingControls(from: text).text.allSatisfy(\.isWhitespace)
  }

  /// Replaces straight double quotes (`"`, and the full-width `＂`) with `open` and `close` in turn, the way a
  /// template's quotation convention says (GB/T 15834-2011 §4.8 引号: “” in horizontal Chinese text; a house may print others, e.g. 「」).
  /// An unpaired last quote opens. Other text is unchanged, so applying it twice changes nothing.
  public static func pairQuotes(_ text: String, open: String, close: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "\"" || $0 == "＂" }) else { return text }
    var result = ""
    var isOpen = false
    for character in text {
      if character == "\"" || character == "＂" {
        result += isOpen ? close : open
        isOpen.toggle()
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// The terminal columns `text` takes: CJK characters (see ``isCJK(_:)``) two, and a Hangul syllable written
  /// as its jamo (a leading consonant U+1100–U+115F, East Asian Wide in UAX #11, then its vowel: `회` as
  /// U+1112 U+116C, as a file name copied from macOS spells it), others one.
  public static func displayWidth(_ text: String) -> Int {
    text.reduce(0) { width, character in
      let isJamo = character.unicodeScalars.first.map { (0x1100...0x115F).contains($0.value) } ?? false
      return width + (isCJK(character) || isJamo ? 2 : 1)
    }
  }

  /// Whether `character` is CJK for the purposes of rule 3 and 4: Han ideographs, kana, hangul, bopomofo, CJK
  /// symbols and punctuation (U+3000–U+303F, e.g. 、。《》) and full-width forms (U+FF00–U+FFEF).
  public static func isCJK(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
      0x20000...0x3FFFF:
      return true
    default:
      return false
    }
  }

  /// One pass of rule 4; returns whether anything changed.
  private static func widenNextToCJK(_ chars: inout [Character]) -> Bool {
    var changed = false
    for i in chars.indices {
      guard let full = fullWidthPunctuation[chars[i]] else { continue }
      let before = i > chars.startIndex ? chars[i - 1] : nil
      let after = i + 1 < chars.endIndex ? chars[i + 1] : nil
      if before.map(isCJK) == true || after.map(isCJK) == true {
        chars[i] = full
        changed = true
      }
    }
    return changed
  }

  /// Makes both brackets of a matched pair full-width when one of them is; returns whether anything changed.
  private static func widenPairedBrackets(_ chars: inout [Character]) -> Bool {
    var changed = false
    var open: [Int] = []
    for i in chars.indices {
      switch chars[i] {
      case "(", "（": open.append(i)
      case ")", "）":
        guard let j = open.popLast() else { continue }
        if chars[i] == "）" && chars[j] == "(" {
          chars[j] = "（"
          changed = true
        } else if chars[j] == "（" && chars[i] == ")" {
          chars[i] = "）"
          changed = true
        }
      default: break
      }
    }
    return changed
  }

  static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

  /// Control characters that have no place in minutes and would act on a terminal or reorder text when printed:
  /// C0 and C1 controls other than white space (ESC, BEL, NUL…), and the bidirectional overrides and isolates
  /// (U+202A–U+202E, U+2066–U+2069), which can make a name read backwards.
  static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false  // white space: collapsed by rule 3
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  private static func collapseWhitespace(_ chars: [Character], keepingSpaces: Bool) -> [Character] {
    var out: [Character] = []
    out.reserveCapacity(chars.count)
    var pendingSpace: Character?
    for c in chars {
      if c.isWhitespace {
        guard !out.isEmpty else { continue }
        // A run with an ideographic space is kept as one, where spaces are kept (名單 padding: 王　芳).
        pendingSpace = keepingSpaces && (c == "\u{3000}" || pendingSpace == "\u{3000}") ? "\u{3000}" : " "
        continue
      }
      if let space = pendingSpace, let last = out.last, keepingSpaces || !(isCJK(last) && isCJK(c)) {
        out.append(space)
      }
      pendingSpace = nil
      out.append(c)
    }
    return out
  }
}
