import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport
import LineEditing

/// ``Normalizer``: the seed report, punctuation width next to CJK, paired brackets, white space, zero-width
/// characters and NFC, and seeded property tests (idempotence, letters and digits never touched).
@Suite struct NormalizerTests {
  // MARK: - The seed report

  @Test func publishedSeedTextNormalizesToExpectedLineByLine() throws {
    let published = TestSupport.lines(try TestSupport.seedText("published.txt"))
    let expected = TestSupport.lines(try TestSupport.seedText("expected.txt"))
    #expect(published.count == 12)
    try #require(published.count == expected.count)
    for (number, (line, want)) in zip(1..., zip(published, expected)) {
      #expect(Normalizer.normalize(line) == want, "line \(number)")
    }
  }

  // MARK: - Punctuation width

  @Test(arguments: [
    ("會議指出,要", "會議指出，要"),
    ("第一;第二", "第一；第二"),
    ("如下:一", "如下：一"),
    ("是否?是", "是否？是"),
    ("好!", "好！"),
    ("中(文)", "中（文）"),
    (",開頭", "，開頭"),
    ("a,中", "a，中"),
    ("中,a", "中，a"),
    ("“兩會”,要", "“兩會”，要"),
    ("稿),", "稿），"),
    ("決議(草案)》(討論稿)", "決議（草案）》（討論稿）"),
    ("會議,,要", "會議，，要"),
    ("中；,", "中；，"),
  ])
  func halfWidthMarksNextToCJKBecomeFullWidth(input: String, expected: String) {
    #expect(Normalizer.normalize(input) == expected)
  }

  @Test(arguments: ["10:30", "2.5", "a, b", "Hello, world!", "f(x)", "3;4", "why?", "abc", "", "1,000", "(a)"])
  func latinAndDigitsKeepHalfWidthMarks(input: String) {
    #expect(Normalizer.normalize(input) == input)
  }

  @Test(arguments: [
    ("(如 10)", "（如 10）"),
    ("(10 如)", "（10 如）"),
    ("(中 a) b", "（中 a） b"),
    ("((中))", "（（中））"),
    ("(a (b) 中)", "（a (b) 中）"),
    ("（a)", "（a）"),
    ("(a）", "（a）"),
  ])
  func pairedBracketsAreWidenedTogether(input: String, expected: String) {
    #expect(Normalizer.normalize(input) == expected)
  }

  // MARK: - White space, zero-width characters, NFC

  @Test(arguments: [
    ("  會議  指出  ", "會議指出"),
    ("a   b", "a b"),
    ("\t中\n文 ", "中文"),
    ("中 a", "中 a"),
    ("a 中", "a 中"),
    ("第 3 次", "第 3 次"),
    ("區政府 第 3 次 會議", "區政府第 3 次會議"),
    ("會 議", "會議"),
    ("《意見》 的", "《意見》的"),
    ("   ", ""),
    ("a\u{3000}b", "a b"),
  ])
  func whiteSpaceIsTrimmedCollapsedAndDroppedBetweenCJK(input: String, expected: String) {
    #expect(Normalizer.normalize(input) == expected)
  }

  @Test(arguments: [
    ("會\u{200B}議", "會議"),
    ("\u{FEFF}會議", "會議"),
    ("會議\u{2060}", "會議"),
    ("\u{200B} 中 \u{200B} 文", "中文"),
    ("\u{200D}會", "會"),
  ])
  func zeroWidthCharactersAreRemoved(input: String, expected: String) {
    #expect(Normalizer.normalize(input) == expected)
  }

  /// U+200C and U+200D are grapheme extenders: after another character they are part of that `Character`, so
  /// they must be removed scalar by scalar.
  @Test(arguments: ["會\u{200C}議", "會\u{200D}議", "a\u{200D}b"])
  func joinersAfterACharacterAreRemoved(input: String) {
    let expected = input.replacingOccurrences(of: "\u{200C}", with: "").replacingOccurrences(of: "\u{200D}", with: "")
    #expect(Normalizer.normalize(input).unicodeScalars.elementsEqual(expected.unicodeScalars))
  }

  @Test func textIsComposedToNFC() {
    #expect(Array(Normalizer.normalize("e\u{301}").unicodeScalars) == ["\u{E9}"])
    #expect(Array(Normalizer.normalize("Cafe\u{301} 中").unicodeScalars) == Array("Caf\u{E9} 中".unicodeScalars))
    // Hangul jamo compose to the syllable.
    #expect(Array(Normalizer.normalize("\u{1100}\u{1161}").unicodeScalars) == ["\u{AC00}"])
  }

  /// A space next to a mark that becomes full-width in the same call goes too: the widened mark counts as CJK
  /// (rule 4) and a space between two CJK characters is removed (rule 3), in one call.
  @Test(arguments: [("中, 文", "中，文"), ("中( 文 )", "中（文）"), ("會議指出: 要", "會議指出：要")])
  func spaceNextToAWidenedMarkIsRemoved(input: String, expected: String) {
    #expect(Normalizer.normalize(input) == expected)
    #expect(Normalizer.normalize(Normalizer.normalize(input)) == expected)
  }

  @Test func isCJKCoversHanKanaHangulCJKPunctuationAndFullWidthForms() {
    for c: Character in ["會", "议", "あ", "ア", "한", "、", "。", "《", "》", "，", "（", "１", "𠀀", "ㄅ"] {
      #expect(Normalizer.isCJK(c), "\(c)")
    }
    for c: Character in ["a", "1", ",", "(", " ", "“", "é", "😀", "-"] {
      #expect(!Normalizer.isCJK(c), "\(c)")
    }
  }

  // MARK: - Properties over seeded random strings

  static let punctuation: Set<Character> = Set(Normalizer.fullWidthPunctuation.keys)
    .union(Normalizer.fullWidthPunctuation.values)

  /// The pieces random strings are made of: CJK, Latin, digits, punctuation of both widths, spaces, emoji and
  /// zero-width characters that the normalizer removes.
  static let pieces: [String] = [
    "會", "議", "中", "文", "區", "政", "府", "《", "》", "、", "。", "“", "”",
    "a", "B", "z", "é", "e\u{301}", "Ω",
    "0", "1", "9", "１",
    ",", ";", ":", "?", "!", "(", ")", "，", "；", "：", "？", "！", "（", "）", ".", "-",
    " ", " ", "  ", "\t", "\n", "\u{3000}",
    "😀", "👍🏽",
    "\u{200B}", "\u{FEFF}", "\u{2060}",
  ]

  static func randomStrings(count: Int, seed: UInt64, pieces: [String] = pieces) -> [String] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let length = Int.random(in: 0...30, using: &generator)
      return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  static func lettersAndDigits(_ text: String) -> [Character] {
    text.filter { ($0.isLetter || $0.isNumber) && !punctuation.contains($0) }.map { $0 }
  }

  @Test func generatorIsDeterministic() {
    var a = SplitMix64(seed: 42)
    var b = SplitMix64(seed: 42)
    #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    // Reference values of SplitMix64 for seed 0.
    var zero = SplitMix64(seed: 0)
    #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    #expect(zero.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(Self.randomStrings(count: 600, seed: 7) == Self.randomStrings(count: 600, seed: 7))
  }

  @Test func lettersAndDigitsAreNeverChangedAddedOrDropped() {
    for text in Self.randomStrings(count: 600, seed: 0x5EED_0001) {
      #expect(Self.lettersAndDigits(Normalizer.normalize(text)) == Self.lettersAndDigits(text), "\(text.debugDescription)")
    }
  }

  @Test func normalizingTwiceEqualsNormalizingOnceWithoutWhiteSpace() {
    let pieces = Self.pieces.filter { !$0.allSatisfy(\.isWhitespace) }
    for text in Self.randomStrings(count: 600, seed: 0x5EED_0002, pieces: pieces) {
      let once = Normalizer.normalize(text)
      #expect(Normalizer.normalize(once) == once, "\(text.debugDescription)")
    }
  }

  @Test func normalizingTwiceEqualsNormalizingOnce() {
    let strings = Self.randomStrings(count: 600, seed: 0x5EED_0003)
    let failures = strings.filter { Normalizer.normalize(Normalizer.normalize($0)) != Normalizer.normalize($0) }
    #expect(
      failures.isEmpty,
      "\(failures.count) of \(strings.count) strings change on a second pass, e.g. \(failures.first.debugDescription)")
  }

  @Test func outputIsTrimmedCollapsedNFCAndHasNoHalfWidthMarkNextToCJK() {
    for text in Self.randomStrings(count: 600, seed: 0x5EED_0004) {
      let out = Normalizer.normalize(text)
      let chars = Array(out)
      #expect(out.first?.isWhitespace != true && out.last?.isWhitespace != true, "\(text.debugDescription)")
      #expect(!out.contains("  ") && !out.contains("\t") && !out.contains("\n"), "\(text.debugDescription)")
      #expect(!out.unicodeScalars.contains { ["\u{200B}", "\u{FEFF}", "\u{2060}"].contains($0) })
      #expect(out.unicodeScalars.elementsEqual(out.precomposedStringWithCanonicalMapping.unicodeScalars))
      for (i, c) in chars.enumerated() where Normalizer.fullWidthPunctuation[c] != nil {
        let neighbours = [i > 0 ? chars[i - 1] : nil, i + 1 < chars.count ? chars[i + 1] : nil].compactMap { $0 }
        #expect(!neighbours.contains(where: Normalizer.isCJK), "\(out.debugDescription) at \(i)")
      }
    }
  }

  /// The quick test is never wrong: a text it calls normal is one the rules leave as it is, over random texts
  /// and over lines drawn from what it lets through (Chinese, ASCII without the marks widened, 《》“”…·).
  @Test func whatTheQuickTestCallsNormalTheRulesLeaveAsItIs() {
    let letThrough = "會議研究了《城區規劃》“要”、。，；：！？（）…—·0123456789abcXYZ-./'%#「」ｱﾞ".map(String.init) + ["\u{3099}", "é", "e\u{301}", " "]
    let texts = Self.randomStrings(count: 600, seed: 0x5EED_0005) + Self.randomStrings(count: 600, seed: 0x5EED_0006, pieces: letThrough)
    let normal = texts.filter(Normalizer.isNormal)
    #expect(normal.count > 100, "the quick test let only \(normal.count) texts through")
    for text in normal {
      #expect(Normalizer.normalizedRuleByRule(text) == text, "\(text.debugDescription)")
      #expect(Normalizer.normalizedRuleByRule(text, keepingSpaces: true) == text, "\(text.debugDescription)")
    }
  }

  // MARK: - Columns

  /// The columns a name takes in `list` and the choosers are the columns the terminal gives it, whichever form the
  /// name is in: a Hangul syllable written as its jamo (`회의` in NFD, as copied from macOS) is two, as the
  /// syllable is; Chinese two, Latin one, a Latin letter with its combining mark one. Against ``TextWrapping``'s
  /// columns (UAX #11) on drawn names in NFC and NFD.
  @Test func aNameTakesTheColumnsTheTerminalGivesIt() {
    #expect(Normalizer.displayWidth("회의") == 4)
    #expect(Normalizer.displayWidth("회의".decomposedStringWithCanonicalMapping) == 4)
    let pieces = ["회의", "한국", "會議", "会议", "café", "họp", "-", "3", "Board", "《", "。"]
    var random = SplitMix64(seed: 11)
    for _ in 0..<2_000 {
      let name = (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      for form in [name.precomposedStringWithCanonicalMapping, name.decomposedStringWithCanonicalMapping] {
        #expect(Normalizer.displayWidth(form) == TextWrapping.columns(of: form), "\(form.unicodeScalars.map { String($0.value, radix: 16) })")
      }
    }
  }
}
