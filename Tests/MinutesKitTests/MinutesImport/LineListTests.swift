import Foundation
import Testing

@testable import MinutesImport
import MinutesKit
import MinutesTestSupport

/// A report's agenda items are read an entry at a time, each kept once read, so that a long report needs no
/// deep backtracking: an import of 5,000 items took 1.4 GB of stack when the headings form (two sections, one
/// for each form of the item's line) made the items' body look as if it might not end its line.
@Suite struct LineListTests {
  @Test(arguments: ["gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans"])
  func theAgendaItemsOfAChineseReportEndTheirLines(id: String) throws {
    let template = try TestSupport.template(id: id)
    let source = try #require(template.export["text"].map(template.inliningPartials))
    // The last section over the items prints them (a 纪要 names them first, in its opening sentence).
    let items = try #require(Self.sections("items", in: try MustacheShape.parse(source)).last)
    #expect(TextReader.entriesEndLines(items))
  }

  @Test func aBodyEndsItsLineOnlyWhereEveryFormItMayPrintDoes() throws {
    let both = try MustacheShape.parse("{{^a}}x\n{{/a}}{{#a}}y\n{{/a}}")
    #expect(TextReader.entriesEndLines(both))
    #expect(!TextReader.endsLine(both[...]))
    let one = try MustacheShape.parse("{{^a}}x\n{{/a}}{{#a}}y{{/a}}")
    #expect(!TextReader.entriesEndLines(one))
  }

  /// The bodies of the sections over `key`, in the text's order (a section over `key` inside another is left out).
  static func sections(_ key: String, in shapes: [MustacheShape]) -> [[MustacheShape]] {
    shapes.flatMap { shape -> [[MustacheShape]] in
      guard case .section(let name, let inverted, let body) = shape else { return [] }
      if !inverted, name.function == nil, name.path == [key] { return [body] }
      return sections(key, in: body)
    }
  }

  /// Whether a template prints a blank line (then a text's blank lines are kept) is read by bytes as Foundation's
  /// `trimmingCharacters(in: .newlines).contains("\n\n")` read it: every built-in text export, and drawn texts of
  /// line ends of every kind (CR LF, U+2028, U+0085) among words.
  @Test func aBlankLineIsFoundAsFoundationFoundIt() throws {
    for id in TestSupport.exampleTemplates {
      let template = try TestSupport.template(id: id)
      let source = try #require(template.export["text"].map(template.inliningPartials))
      #expect(Importer.printsBlankLine(source) == source.trimmingCharacters(in: .newlines).contains("\n\n"), "\(id)")
    }
    let pieces = ["\n", "\n\n", "\r\n", "\r", "\u{2028}", "\u{85}", "會議", "a", " ", "{{x}}"]
    var random = SplitMix64(seed: 15834)
    var blank = 0
    for _ in 0..<10_000 {
      let source = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      let expected = source.trimmingCharacters(in: .newlines).contains("\n\n")
      #expect(Importer.printsBlankLine(source) == expected, "\(source.debugDescription)")
      if expected { blank += 1 }
    }
    #expect(blank > 700, "\(blank) of 10,000 texts print a blank line")
  }
}

/// ``PartMap``, the reader's map by part key, holds what a dictionary would after the same changes: drawn runs of
/// sets, removals, appends in place and appends through a default, compared with `Dictionary` after each step.
@Suite struct PartMapTests {
  @Test func aPartMapHoldsWhatADictionaryWould() {
    var random = SplitMix64(seed: 5_000)
    let keys = ["date", "attendance", "items", "chair", "title", "n", "會議"]
    for _ in 0..<500 {
      var map = PartMap<[Int]>(), dictionary: [String: [Int]] = [:]
      for step in 0..<40 {
        let key = keys.randomElement(using: &random)!
        switch Int.random(in: 0..<4, using: &random) {
        case 0: (map[key], dictionary[key]) = ([step], [step])
        case 1: (map[key], dictionary[key]) = (nil, nil)
        case 2: map[key]?.append(step); dictionary[key]?.append(step)
        default: map[key, default: []].append(step); dictionary[key, default: []].append(step)
        }
        #expect(Dictionary(uniqueKeysWithValues: Array(map)) == dictionary)
        #expect(keys.allSatisfy { map[$0] == dictionary[$0] })
        #expect(map.isEmpty == dictionary.isEmpty && map.values.count == dictionary.count)
      }
    }
  }
}

/// The reader's own test of Unicode's White_Space property is the property, for every scalar.
@Suite struct ReaderWhitespaceTests {
  @Test func theReadersWhitespaceIsUnicodesWhiteSpace() {
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(TextReader.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
    }
  }
}
