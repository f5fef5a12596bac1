import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The fast paths of the checks give what the slow ones gave: `script.mixed` scanned scalar by scalar agrees with
/// the character-by-character reading on random text, and the errors alone (what an export runs) are the errors
/// among every finding, on random drafts.
@Suite struct ScriptScanTests {
  /// Pieces random text is made of: both scripts, punctuation, and what makes characters of several scalars or
  /// equal as characters though different as scalars (combining marks, variation selectors, Hangul jamo,
  /// compatibility ideographs, CR LF).
  static let pieces: [String] = [
    "后", "後", "干", "幹", "乾", "发", "發", "髮", "复", "復", "覆", "鲅", "魚", "圈", "要", "堅", "持", "区", "區",
    "议", "議", "会", "會", "着", "著", "余", "餘", "若", "宿", "舍", "皇", "的", "。", "，", "、", "《", "》", "「", "」", "（", "）", "“", "”",
    "a", "Z", "7", " ", ",", "(", ")", ":", "—", "…", "\n", "\r\n", "\t",
    "\u{301}", "\u{FE00}", "\u{E0100}", "\u{200D}", "\u{3099}", "か", "が", "ｶ", "\u{FF9E}",
    "\u{F900}", "\u{8C48}", "\u{2F800}", "\u{4E3D}", "\u{1100}", "\u{1161}", "한", "\u{11A8}", "\u{0600}",
    "𠀀", "𪚥", "\u{2F00}", "\u{FE31}", "é", "e\u{301}", "🇨🇳",
    // Three bytes led by E4 below the main block (Extension A, a hexagram), a control and DEL: the scan's fast
    // cases must hand them on.
    "\u{4DB5}", "\u{3400}", "\u{4DC0}", "\u{1}", "\u{7F}", "\u{302A}", "\u{3029}", "\u{303F}", "\u{FF5F}",
  ]

  static func randomText(_ generator: inout SplitMix64) -> String {
    let length = Int.random(in: 0...12, using: &generator)
    return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  @Test(arguments: ["gov-executive.zh-Hant", "gov-executive.zh-Hans"])
  func theScalarScanFindsWhatTheCharacterReadingFinds(id: String) throws {
    let template = try TestSupport.template(id: id)
    let validator = Validator(template: template)
    let transform = StringTransform(template.language == "zh-Hans" ? "Hant-Hans" : "Hans-Hant")
    let shared = template.language == "zh-Hans" ? ScriptVariants.alsoSimplified : ScriptVariants.alsoTraditional
    var generator = SplitMix64(seed: 13)
    var (cache, reference) = (ScriptTable(), [Character: Bool]())
    var (scanned, found) = (0, 0)
    for _ in 0..<3_000 {
      let text = Self.randomText(&generator)
      let fast = validator.otherScript(in: text, cache: &cache)
      let slow = Validator.otherScriptByCharacter(in: text, transform: transform, shared: shared, cache: &reference)
      #expect(fast == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      if text.unicodeScalars.allSatisfy(ScriptTable.isStandalone) { scanned += 1 }
      if slow != nil { found += 1 }
    }
    // Both paths were taken, and the texts did hold characters of the other script.
    #expect(scanned > 300 && scanned < 2_700)
    #expect(found > 300)
  }

  /// The marks read by the scan for the other script give what ``Validator/unbalancedMark(in:)`` and
  /// ``Validator/hasHalfWidthMark(_:)`` give apart, on 5,000 random texts of both scripts, paired marks, every
  /// ASCII mark and what ends the scan early (then the scan says its marks are incomplete). Half the texts are
  /// long, so the marks stand at every offset of the eight-byte reads.
  @Test(arguments: ["gov-executive.zh-Hant", "gov-executive.zh-Hans"])
  func theMarksReadByTheScriptScanAreTheMarksOfTheText(id: String) throws {
    let validator = Validator(template: try TestSupport.template(id: id))
    let marks = ["《", "》", "「", "」", "（", "）", "“", "”", "『", "』", "(", ")", ",", ";", ":", "?", "!", ".", "〈", "‘"]
    let pieces = Self.pieces + marks + marks
    var generator = SplitMix64(seed: 50)
    var cache = ScriptTable()
    var (complete, unbalanced, halfWidth) = (0, 0, 0)
    for _ in 0..<5_000 {
      let length = Bool.random(using: &generator) ? Int.random(in: 12...40, using: &generator) : Int.random(in: 0...8, using: &generator)
      let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
      var scan = Validator.MarkScan()
      let other = validator.otherScript(in: text, cache: &cache, marks: &scan)
      #expect(other == validator.otherScript(in: text, cache: &cache))
      guard scan.isComplete else { continue }
      complete += 1
      let expected = (Validator.unbalancedMark(in: text), Validator.hasHalfWidthMark(text))
      if expected.0 != nil { unbalanced += 1 }
      if expected.1 { halfWidth += 1 }
      #expect(scan.unbalanced == expected.0 && scan.hasHalfWidthMark == expected.1, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(complete > 500 && unbalanced > 200 && halfWidth > 200 && complete - halfWidth > 100)
  }

  @Test func theFirstOfEachCharacterIsReportedOnceInOrder() throws {
    let validator = Validator(template: try TestSupport.template(id: "gov-executive.zh-Hant"))
    var cache = ScriptTable()
    #expect(validator.otherScript(in: "各级领导干部要，领导干部", cache: &cache) == "级领导干")
    #expect(validator.otherScript(in: "各級領導幹部", cache: &cache) == nil)
  }

  /// A character of both scripts is Traditional where ICU's word rules keep it (若干, 宿舍, 皇后), and mixed
  /// where they change it (干部 → 幹部, 以后 → 以後), even in the same text.
  @Test func aCharacterOfBothScriptsIsJudgedByItsWord() throws {
    let validator = Validator(template: try TestSupport.template(id: "gov-executive.zh-Hant"))
    var cache = ScriptTable()
    #expect(validator.otherScript(in: "研究了若干問題，安排職工宿舍，觀看《皇后》", cache: &cache) == nil)
    #expect(validator.otherScript(in: "若干干部", cache: &cache) == "干")
    #expect(validator.otherScript(in: "會議以后", cache: &cache) == "后")
    // The same on the character-by-character path (a combining mark sends the text there).
    #expect(validator.otherScript(in: "若干問題é", cache: &cache) == nil)
    #expect(validator.otherScript(in: "干部é", cache: &cache) == "干")
  }

  @Test func theErrorsAloneAreTheErrorsAmongEveryFindingOnRandomDrafts() throws {
    let (template, seed) = try ValidatorTests.seed()
    let validator = Validator(template: template)
    var generator = SplitMix64(seed: 2026)
    let texts = ["1.subject", "1.status", "2.kind", "date", "3.1.verb", "1.1.1", "2.1.2", "4.subject", "chair.name",
                 "present.1.title", "time"].compactMap { template.address(parsing: $0) }
    #expect(texts.count >= 9)
    var (checked, withErrors) = (0, 0)
    for _ in 0..<200 {
      var minutes = seed
      for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let address = texts.randomElement(using: &generator)!
        let text = ["", "2024-02-30", "《辦法", "要(堅持)", "后来", "第三屆", "要抓好落實。", "abc"]
          .randomElement(using: &generator)!
        _ = minutes.setValue(.text(text + Self.randomText(&generator)), at: address)
      }
      let all = validator.findings(in: minutes)
      #expect(validator.errors(in: minutes) == all.filter { $0.severity == .error })
      checked += 1
      if all.contains(where: { $0.severity == .error }) { withErrors += 1 }
    }
    #expect(checked == 200 && withErrors > 50)
  }
}
