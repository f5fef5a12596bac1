import Foundation
import Testing

@testable import MinutesNormalization

/// The change tables (Scripts/script-changes.swift) answer as the ICU the program links does: a toolchain whose
/// ICU reads a character otherwise fails here until the script is run again.
@Suite struct ChangeTableTests {
  @Test(arguments: ["Hans-Hant", "Hant-Hans"])
  func everyCoveredCharacterIsChangedAsICUChangesIt(transform: String) throws {
    let table = try #require(ScriptVariants.changes(by: StringTransform(transform)))
    var (disagreeing, changed): ([String], Int) = ([], 0)
    for scalar in ScriptVariants.changeRanges.joined().compactMap(Unicode.Scalar.init) {
      let alone = String(Character(scalar))
      let converted = alone.applyingTransform(StringTransform(transform), reverse: false)
      let icu = converted != nil && converted != alone
      if icu { changed += 1 }
      if table.changes(scalar) != icu { disagreeing.append("U+\(String(scalar.value, radix: 16, uppercase: true))") }
    }
    #expect(disagreeing.isEmpty, "the table and ICU disagree on \(disagreeing.prefix(20)) (\(disagreeing.count) in all)")
    // The tables are not empty by accident: ICU changes thousands of characters either way.
    #expect(changed > 2_000)
  }

  @Test func aFewCharactersAsAClerkKnowsThem() throws {
    let toHant = ScriptVariants.hansToHantChanges, toHans = ScriptVariants.hantToHansChanges
    #expect(toHant.changes("区") == true && toHant.changes("區") == false && toHant.changes("的") == false)
    #expect(toHans.changes("區") == true && toHans.changes("区") == false && toHans.changes("。") == false)
    // Outside the CJK blocks the table has no answer: ICU is asked.
    #expect(toHant.changes("a") == nil && toHans.changes("\u{40000}") == nil)
    #expect(ScriptVariants.changes(by: .fullwidthToHalfwidth) == nil)
  }
}
