import Foundation
import MinutesNormalization

/// What `script.mixed` has learnt during one check. Whether ICU's transform into the template's script changes a
/// character read alone comes from ``ChangeTable`` (made from ICU's answers when the program was built), so
/// ICU's transliterator is created only for a character the table does not cover or a word read in context. A
/// flat table indexed by scalar value (planes 0–3, where every CJK character is) says which scalars are of both
/// scripts, so a lookup is one load rather than a `Character` hash; characters of more than one scalar keep a
/// dictionary.
struct ScriptTable {
  /// 0: not looked up; 1: not of both scripts; 2: of both (``isShared(_:language:)``). Allocated on first use.
  private var shared: [UInt8] = []
  /// Characters of more than one scalar, or outside the change tables, or texts read character by character:
  /// whether the transform changes them, as ICU answered.
  var characters: [Character: Bool] = [:]
  /// Windows of text around a character of both scripts already read in context, by the character's offset in
  /// the window and the window (see `Validator.keptInContext`): whether ICU kept it.
  var windows: [Validator.Window: Bool] = [:]

  /// The scalars a table can index: planes 0 to 3.
  private static let size = 0x40000
  /// The change table of the walk's transform, once looked up (``changes(by:)``).
  private var changeTable: ChangeTable??

  /// The change table of `transform` (``ScriptVariants/changes(by:)``), looked up on the first text of a walk
  /// only: one walk checks one template's texts. Made when a validator is, it would have cost every process that
  /// makes one (the first prompt) a fifteenth of its start, with no text to check.
  mutating func changes(by transform: StringTransform) -> ChangeTable? {
    if let changeTable { return changeTable }
    let table = ScriptVariants.changes(by: transform)
    changeTable = .some(table)
    return table
  }

  /// Whether `transform` changes `scalar` read alone, as ICU answers, asked once a character: for what
  /// ``ChangeTable`` does not cover.
  mutating func isOther(_ scalar: Unicode.Scalar, transform: StringTransform) -> Bool {
    let character = Character(scalar)
    if let isOther = characters[character] { return isOther }
    let isOther = Self.changes(character, transform)
    characters[character] = isOther
    return isOther
  }

  /// Whether `scalar` is a character of both scripts in `language`'s (``ScriptVariants/shared(in:)``), looking
  /// it up in the set only the first time. One table
  /// serves one language, as one validator does.
  mutating func isShared(_ scalar: Unicode.Scalar, language: String) -> Bool {
    let index = Int(scalar.value)
    let lookUp = { ScriptVariants.shared(in: language).contains(Character(scalar)) }
    guard index < Self.size else { return lookUp() }
    if shared.isEmpty { shared = [UInt8](repeating: 0, count: Self.size) }
    if shared[index] == 0 { shared[index] = lookUp() ? 2 : 1 }
    return shared[index] == 2
  }

  /// Whether `transform` changes `character`.
  private static func changes(_ character: Character, _ transform: StringTransform) -> Bool {
    let converted = String(character).applyingTransform(transform, reverse: false)
    return converted != nil && converted != String(character)
  }

  /// ``Normalizer/isCJK(_:)`` of the character that is this scalar alone.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA960...0xA97F, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
      0x20000...0x3FFFF:
      true
    default:
      false
    }
  }

  /// Whether `scalar` is a character by itself wherever it stands: it neither extends the character before it
  /// (no combining mark, joiner, variation selector or spacing mark) nor joins the one after it (no prepended
  /// mark, no Hangul jamo or syllable, no regional indicator), and no other CJK scalar equals it as a
  /// `Character` (no canonical singleton decomposition). Conservative: a scalar left out only sends its
  /// text down the character-by-character path.
  static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09, 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: true  // ASCII and Latin-1 letters, no soft hyphen
    case 0x2010...0x2027, 0x2030...0x205E: true  // general punctuation, no joiners or bidirectional controls
    case 0x2E80...0x2FDF: true  // radicals
    case 0x3000...0x3029, 0x3030...0x303F: true  // CJK symbols and punctuation, no tone marks
    case 0x3041...0x3096, 0x309B...0x30FF: true  // kana, no combining sound marks
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: true  // Han ideographs
    // Not the compatibility ideographs (U+F900…, U+2F800…): each equals another ideograph as a `Character`
    // (a canonical decomposition), which the character-by-character path treats as one.
    case 0xFE30...0xFE4F: true  // CJK compatibility forms
    case 0xFF01...0xFF9D: true  // full-width forms, no half-width sound marks
    case 0x20000...0x2F7FF, 0x2FA20...0x3FFFF: true  // Han ideographs, supplementary planes
    default: false
    }
  }
}
