import Foundation
import MinutesNormalization

/// A script of Chinese characters an export can be written in (`--script hans|hant`).
public enum Script: String, CaseIterable, Sendable {
  /// Simplified Chinese characters (简体字).
  case hans
  /// Traditional Chinese characters (正體字).
  case hant

  /// The script named `name` as typed: `hans`, `hant`, or a language tag `zh-Hans`, `zh-Hant`, in any case;
  /// `nil` for anything else.
  public init?(named name: String) {
    let lowered = name.trimmingCharacters(in: .whitespaces).lowercased()
    let bare = lowered.hasPrefix("zh-") || lowered.hasPrefix("zh_") ? String(lowered.dropFirst(3)) : lowered
    guard let script = Script(rawValue: bare) else { return nil }
    self = script
  }

  /// The script of a template's language tag (`zh-Hant` → ``hant``); `nil` for a language that is not written
  /// in Chinese characters.
  public init?(language: String) {
    switch language {
    case "zh-Hans": self = .hans
    case "zh-Hant": self = .hant
    default: return nil
    }
  }

  /// The language tag of text in this script: `zh-Hans` or `zh-Hant`.
  public var language: String { self == .hans ? "zh-Hans" : "zh-Hant" }

  /// ICU's transform into this script from the other: `Hant-Hans` for ``hans``, `Hans-Hant` for ``hant``.
  var transform: StringTransform { StringTransform(self == .hans ? "Hant-Hans" : "Hans-Hant") }

  /// The characters that the conversion into this script cannot decide alone, each with its counterparts in this
  /// script (see `Scripts/script-variants.py`): 后 → [後, 后] for ``hant``.
  var undecidable: [Character: [Character]] { self == .hans ? Self.toHans : Self.toHant }

  private static let toHant = table(ScriptVariants.hansToHant)
  private static let toHans = table(ScriptVariants.hantToHans)

  /// A table from its words: each word is a character followed by its counterparts.
  private static func table(_ words: String) -> [Character: [Character]] {
    var table: [Character: [Character]] = [:]
    for word in words.split(whereSeparator: \.isWhitespace) {
      guard let first = word.first else { continue }
      table[first] = Array(word.dropFirst())
    }
    return table
  }

  /// The id of a template's counterpart in this script, by the built-in naming: `gov-executive.zh-Hans` for
  /// `gov-executive.zh-Hant`; `nil` when `id` does not end in a Chinese language tag.
  public func counterpartID(of id: String) -> String? {
    for other in Script.allCases where id.hasSuffix("." + other.language) {
      return String(id.dropLast(other.language.count)) + language
    }
    return nil
  }
}
