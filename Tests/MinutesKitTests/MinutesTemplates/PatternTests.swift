import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// ``Part/Pattern``: compiled once, matched whole within a step budget counted in ICU's progress callbacks, and
/// the static warning of `minutes templates check` about patterns that backtrack without end.
@Suite struct PatternTests {
  /// Forty `a`s and a `b`: `(a|aa)+$` tries every way of splitting the `a`s (about 10⁸) before failing.
  static let catastrophic = String(repeating: "a", count: 40) + "b"

  /// A 纪要's paragraph is a whole sentence: its final 。！？ may stand inside closing quotes or brackets (GB/T
  /// 15834-2011), which the warning took for a paragraph without its full stop.
  @Test(arguments: [("会议指出：“水利是农业的命脉。”", true), ("会议要求加强督办。", true), ("会议认为（详见附件。）", true),
                    ("会议同意。」", true), ("会议认为可行", false), ("会议指出：“水利是农业的命脉”", false), ("会议认为可行.", false)])
  func aJiyaoParagraphEndsWithItsStopInsideQuotesToo(text: String, ends: Bool) throws {
    let template = try TestSupport.template(id: "jiyao.zh-Hans")
    let pattern = try #require(template.part(at: Address(stored: "items.paragraphs")!)?.rules.pattern)
    #expect((pattern.match(text) == .match) == ends)
  }

  /// `[^…]+` of literal characters is matched without ICU: the same outcomes as ICU's `^(?:…)$` on random texts
  /// (line ends, combining marks, emoji, the excluded characters) for the templates' own patterns and random ones;
  /// a set with ICU's syntax in it (a range, an escape, a class) goes to ICU.
  @Test func aSetOfCharactersNotAllowedMatchesAsICUDoes() throws {
    var generator = SplitMix64(seed: 7)
    let alphabet: [String] = ["。", "！", "？", "，", "；", "a", "Z", " ", "\n", "\r\n", "\u{2029}", "會", "议", "e\u{301}", "😀", ".", "(", "|", "·"]
    var patterns = ["[^。！？]+", "[^。；！？，]+", "[^.]+", "[^(|)]+", "[^😀。]+"]
    for _ in 0..<20 {
      patterns.append("[^" + (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        alphabet.filter { !["\n", "\r\n", "\u{2029}", " ", "e\u{301}"].contains($0) }.randomElement(using: &generator)!
      }.joined() + "]+")
    }
    for regex in patterns { #expect(Part.Pattern.Matcher.excludedByPattern(regex) != nil, "\(regex) is matched by ICU") }
    #expect(try Self.disagreements(patterns, texts: 200, of: alphabet, &generator).prefix(5) == [])
    for regex in ["[^a-z]+", "[^\\s]+", "[^[:alpha:]]+", "[^。]*", "[^ ]+", "(?![^。]+)", "[^&&]+", "[^]+"] {
      #expect(Part.Pattern.Matcher.excludedByPattern(regex) == nil, "\(regex)")
    }
  }

  /// `(?s)(?!A|B).*(?<!C|D)` of literal words is matched without ICU: the same outcomes as ICU's `^(?:…)$` on
  /// random texts built of the words, their parts, line ends and combining marks, for the templates' own `matches`
  /// patterns and random ones; anything else in a look-around goes to ICU.
  @Test func aWordNotAllowedAtTheStartOrEndMatchesAsICUDoes() throws {
    var generator = SplitMix64(seed: 11)
    let words = ["會議", "会上", "还就", "商议和研究", "同志", "匯報", "ab", "b"]
    let alphabet = words + ["會", "議", "同", "志", "研究", "a", " ", "\n", "\r\n", "\u{2029}", "e\u{301}", "\u{301}", "😀", "。"]
    var patterns = ["(?s)(?!會議).*", "(?s).*(?<!同志)", "(?s)(?!会上|还就).*(?<!商议和研究)", "(?s).*(?<!匯報)", "(?s)(?!ab|b).*(?<!b)"]
    for _ in 0..<20 {
      func list() -> String { (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: "|") }
      switch Int.random(in: 0...2, using: &generator) {
      case 0: patterns.append("(?s)(?!\(list())).*")
      case 1: patterns.append("(?s).*(?<!\(list()))")
      default: patterns.append("(?s)(?!\(list())).*(?<!\(list()))")
      }
    }
    for regex in patterns { #expect(Part.Pattern.Matcher.affixesByPattern(regex) != nil, "\(regex) is matched by ICU") }
    #expect(try Self.disagreements(patterns, texts: 300, of: alphabet, &generator).prefix(5) == [])
    for regex in ["(?s)(?!會.).*", "(?!會議).*", "(?s)(?!會議).+", "(?s).*(?<!a|)", "(?s).*", "(?s)(?!a)(?!b).*", "(?s).*(?<![ab])", "(?s)(?!會議).*x"] {
      #expect(Part.Pattern.Matcher.affixesByPattern(regex) == nil, "\(regex)")
    }
  }

  /// Where `Part.Pattern` and ICU's `^(?:regex)$` disagree on whether a text matches, for each of `patterns` on
  /// `texts` random texts of up to five pieces of `alphabet`.
  static func disagreements(_ patterns: [String], texts: Int, of alphabet: [String], _ generator: inout SplitMix64) throws -> [String] {
    var disagreements: [String] = []
    for regex in patterns {
      let pattern = Part.Pattern(regex: regex, message: "")
      let icu = try NSRegularExpression(pattern: "^(?:\(regex))$")
      for _ in 0..<texts {
        let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        let expected = icu.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        if (pattern.match(text) == .match) != expected { disagreements.append("\(regex) on \(text.debugDescription)") }
      }
    }
    return disagreements
  }

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

  @Test(arguments: [
    ("(a|aa)+$", "(a|aa)+"),
    ("(a+)+b", "(a+)+"),
    ("x(\\w+\\s?)*y", "(\\w+\\s?)*"),
    ("(a|)+", "(a|)+"),
    ("((a*))*", "((a*))*"),
    ("(\\d|x){2,}", "(\\d|x){2,}"),
  ])
  func shapesThatBacktrackWithoutEndAreNamed(regex: String, risk: String) {
    #expect(Part.Pattern.backtrackingRisk(in: regex) == risk)
  }

  @Test(arguments: [
    "\\p{Han}{2,4}", ".*[。！？]", "(?!that ).*", "[^a-z].*", "(上午|下午|晚上)+", "(\\d+,)*\\d+", "(a|b)*",
    "(?>a+)+", "(a++)+", "(a+)?", "(?i)(ab)+", "[(a+)+]", "\\(a+\\)+", "\\Q(a+)+\\E",
  ])
  func harmlessShapesAreNotNamed(regex: String) {
    #expect(Part.Pattern.backtrackingRisk(in: regex) == nil)
  }

  @Test func theBuiltInTemplatesHaveNoPatternWorthAWarning() throws {
    let library = TemplateLibrary()
    for id in TemplateLibrary.builtIns.keys.sorted() {
      let location = try #require(library.location(of: id))
      #expect(library.warnings(location) == [], "\(id)")
    }
  }

  @Test func theWarningIsLocatedAtTheRegexAndNamesThePart() throws {
    let folder = try TestSupport.temporaryWorkspace("pattern")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("slow.en.yaml")
    try """
      format: 2
      id: slow.en
      extends: team-meeting.en
      name: Slow
      language: en
      parts:
        - key: meeting
          parts:
            - key: title
              pattern:
                regex: "(a|aa)+$"
                message: Only a's.

      """.write(to: file, atomically: true, encoding: .utf8)
    let library = TemplateLibrary()
    _ = try library.load(contentsOf: file)
    let warnings = library.warnings(.file(file))
    #expect(warnings.map(\.place) == ["\(file.path):11:18"])
    #expect(warnings.first?.message.hasPrefix("the `pattern` of `title` repeats a group that can match the same text in many ways (`(a|aa)+`)") == true)
  }
}
