import Foundation
extension ScriptVariants {
  /// ICU's transform into the script of a Chinese `language`: `Hans-Hant` for `zh-Hant`, `Hant-Hans` for
  /// `zh-Hans`; `nil` for any other language.
  package static func transform(into language: String) -> StringTransform? {
    switch language {
    case "zh-Hant": StringTransform("Hans-Hant")
    case "zh-Hans": StringTransform("Hant-Hans")
    default: nil
    }
  }

  /// Simplified characters that are Traditional characters too, among their own counterparts in
  /// ``hansToHant``: 后 (皇后), 干 (若干), 舍 (宿舍), 于 and 余 (surnames)… ICU's `Hans-Hant` transform changes
  /// each alone (后 → 後), so where one stands in a Traditional text only its word decides.
  package static let alsoTraditional: Set<Character> = ownCounterparts(hansToHant)

  /// Traditional characters that are Simplified characters too (乾 in 乾坤, 著 in 著作), by ``hantToHans``.
  package static let alsoSimplified: Set<Character> = ownCounterparts(hantToHans)

  /// The characters of both scripts that a text in `language` may hold as its own: ``alsoSimplified`` in a
  /// `zh-Hans` text, ``alsoTraditional`` in any other.
  package static func shared(in language: String) -> Set<Character> {
    language == "zh-Hans" ? alsoSimplified : alsoTraditional
  }

  /// The characters of a table's words (a character followed by its counterparts) that are among their own
  /// counterparts.
  private static func ownCounterparts(_ words: String) -> Set<Character> {
    Set(words.split(whereSeparator: \.isWhitespace).compactMap { word in
      guard let first = word.first, word.dropFirst().contains(first) else { return nil }
      return first
    })
  }
}
