import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// ``Part/Pattern``: compiled once, matched whole within a step budget counted in ICU's progress callbacks.
@Suite struct PatternTests {
  /// Forty `a`s and a `b`: `(a|aa)+$` tries every way of splitting the `a`s (about 10⁸) before failing.
  static let catastrophic = String(repeating: "a", count: 40) + "b"

  @Test func aPatternThatBacktracksWithoutEndIsUndecidedWithinItsBudget() {
    let pattern = Part.Pattern(regex: "(a|aa)+$", message: "only a's")
    #expect(pattern.match(Self.catastrophic) == .undecided)
    // Remembered: asked again (every prompt asks), the same outcome without matching again.
    #expect(pattern.match(Self.catastrophic) == .undecided)
    // The same pattern decides what it can within the budget.
    #expect(pattern.match(String(repeating: "a", count: 40)) == .match)
    #expect(pattern.match(String(repeating: "a", count: 12) + "b") == .noMatch)
  }

  @Test(arguments: [
    ("\\p{Han}{2,4}", "管尊旭", Part.Pattern.Outcome.match),
    ("\\p{Han}{2,4}", "管尊旭是區長", .noMatch),
    (".*[。！？]", "要堅持原則。", .match),
    (".*[。！？]", "要堅持原則", .noMatch),
    ("(?!that ).*", "that the board adopt", .noMatch),
    ("(?!that ).*", "the board adopt", .match),
    // The whole answer must match, not a part of it.
    ("[0-9]+", "12a", .noMatch),
  ])
  func ordinaryPatternsMatchTheWholeAnswer(regex: String, text: String, outcome: Part.Pattern.Outcome) {
    #expect(Part.Pattern(regex: regex, message: "").match(text) == outcome)
  }

  @Test func aMillionCharacterAnswerIsDecidedByAPatternThatDoesNotBacktrack() {
    let text = String(repeating: "要", count: 1_000_000) + "。"
    #expect(Part.Pattern(regex: ".*[。！？]", message: "").match(text) == .match)
    #expect(Part.Pattern.budget(forLength: text.utf16.count) == 5_100)
  }

  @Test func patternsCompareByWhatTheTemplateWrites() {
    let a = Part.Pattern(regex: "[a-z]+", message: "m", severity: .warning)
    var b = Part.Pattern(regex: "[0-9]+", message: "m", severity: .warning)
    #expect(a != b)
    b.regex = "[a-z]+"
    #expect(a == b)
    #expect(b.match("abc") == .match, "changing the regex compiles it again")
  }
}
