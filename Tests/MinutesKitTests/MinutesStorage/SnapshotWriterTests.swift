import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
@testable import MinutesModel
import MinutesTestSupport

/// The snapshot writer (``YAMLWriter``) writes the same bytes as Yams' `Codable` encoder did, over random drafts
/// whose text is full of what YAML treats specially.
@Suite struct SnapshotWriterTests {
  /// Pieces of text that YAML treats specially, alone or together.
  static let pieces = [
    " ", "  ", ": ", ":", "#", " #", "# ", "'", "\"", "''", "\\", "yes", "no", "No", "ON", "off", "true", "False", "null",
    "NULL", "~", "10", "007", "-3", "+4", "1.5", "1e5", ".5", ".inf", "-.Inf", ".NaN", "0x1F", "0b101", "0o17", "1_000",
    "2022-05-20", "2022-5-2 3:04:05", "2001-12-14t21:59:43.10-05:00", "14:30", "190:20:30.15", "<<", "=", "\n", "\n\n",
    "\r", "\r\n", "\t", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}",
    "\u{FFFD}", "\u{FFFF}", "\u{E000}", "\u{D7FF}", "會議", "审议", "，", "：", "《》", "😀", "👩‍👩‍👧", "𠀀", "é", "-", "- ", "---",
    "...", "?", "? ", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", ",", "a", "Z", "e", "E", ".", "+",
    "_", "0", "9", "(", ")", "/", ";", "（", "）", "Item 3", "a-b", "a.b",
  ]

  /// Whole texts that read as something else, which concatenated pieces seldom make.
  static let wholes = ["", " ", "yes", "No", "on", "~", "null", "=", "<<", "12", "-0", "3.14", "2022-05-20", "19:02", "0x_",
                       ".5e+3", "Ann Lee", "the board adopt the budget", "1st", "2nd item", "-", "- a", "a: b", "a #b", "#a"]

  static func text(_ generator: inout SplitMix64) -> String {
    if Int.random(in: 0..<4, using: &generator) == 0 { return wholes.randomElement(using: &generator)! }
    let length = Int.random(in: 0...6, using: &generator)
    return (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  static let keys = ["kind", "subject", "items", "points", "出席", "meeting", "yes", "1", "a b", "null", "", "'q'", "k#", "-x",
                     "x: y", "2022-05-20", "😀", "é"]

  static func value(_ generator: inout SplitMix64, depth: Int) -> Value {
    switch Int.random(in: 0..<(depth > 3 ? 3 : 6), using: &generator) {
    case 0: return .number([0, 1, -1, 42, Int.max, Int.min].randomElement(using: &generator)!)
    case 1: return .flag(Bool.random(using: &generator))
    case 2: return .text(text(&generator))
    case 3:
      return .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(&generator, depth: depth + 1) })
    default:
      var record = Record()
      for _ in 0..<Int.random(in: 0...3, using: &generator) {
        record[keys.randomElement(using: &generator)!] = value(&generator, depth: depth + 1)
      }
      return .record(record)
    }
  }

  @Test func theWriterWritesYamsBytesForRandomDrafts() throws {
    var generator = SplitMix64(seed: 0x5A7E_0001)
    var differing = 0
    for n in 0..<3000 {
      var content = Record()
      for _ in 0..<Int.random(in: 0...4, using: &generator) {
        content[Self.keys.randomElement(using: &generator)!] = Self.value(&generator, depth: 0)
      }
      let resumeAt: SessionFile.ResumePoint = [.firstQuestion, .finished, .at(Address(stored: "items.2.directives.+")!)]
        .randomElement(using: &generator)!
      let file = SessionFile(minutes: Minutes(template: Self.text(&generator), content: content), resumeAt: resumeAt,
                             generation: Int.random(in: 0...Int.max, using: &generator))
      let (written, yams) = (try file.yaml(), try file.yamlThroughYams())
      if written != yams {
        differing += 1
        if differing <= 3 { Issue.record("draft \(n): the writer wrote\n\(written.debugDescription)\nYams wrote\n\(yams.debugDescription)") }
      }
    }
    #expect(differing == 0)
  }

  /// Text that might read as a number, a date, a time or null: the writer's own reading of Yams' resolver rules
  /// quotes exactly what Yams quotes.
  @Test func numbersDatesAndTimesAreQuotedAsYamsQuotesThem() throws {
    var generator = SplitMix64(seed: 0x5A7E_0002)
    let alphabet = Array("0123456789012345678901234567890123456789+-._:eE xXoObBtTZ~<=aAfFiInN\t")
    let starts = Array("0123456789+-.~<=")
    var (compared, quoted) = (0, 0)
    for _ in 0..<40_000 {
      let length = Int.random(in: 0...14, using: &generator)
      let text = String(starts.randomElement(using: &generator)!) + String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      guard YAMLWriter.Analysis(text).blockPlainAllowed else { continue }
      let byYams = try YAMLCoding.encode(text).hasPrefix("'")
      compared += 1
      if byYams { quoted += 1 }
      #expect(YAMLWriter.resolvesAsAnotherType(Array(text.utf8)) == byYams, "\(text.debugDescription)")
    }
    for text in ["0", "-0", "0o", "0o7", "0b", "0b1_0", "0x", "0xF_f", "1:2:3", "1:60", "1:05.5", ".5", "-.5", ".5e+3", ".5e3",
                 "1.", "1e", "1e5", "+1_0.0_e-3", ".inf", "-.INF", ".NaN", "-.nan", "2022-05-20", "2022-5-20",
                 "2022-05-20 1:02:03", "2022-05-20T01:02:03.5 Z", "2022-05-20t1:02:03 +8", "2022-05-20 1:02:03 +08:00",
                 "2022-05-20 1:02:03  Z", "~", "<<", "="] {
      #expect(YAMLWriter.Analysis(text).blockPlainAllowed)
      #expect(YAMLWriter.resolvesAsAnotherType(Array(text.utf8)) == (try YAMLCoding.encode(text).hasPrefix("'")), "\(text)")
    }
    #expect(compared > 10_000 && quoted > 1_000, "too few candidates: \(compared), of which \(quoted) quoted")
  }

  @Test(arguments: RandomSessionTests.templates)
  func theWriterWritesYamsBytesForTheExamples(id: String) throws {
    let assistant = try TestSupport.exampleAssistant(id)
    let file = SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint, generation: 7)
    #expect(try file.yaml() == file.yamlThroughYams())
  }
}
