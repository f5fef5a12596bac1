import Testing

@testable import MinutesExport
import MinutesTestSupport

/// The tree a Mustache text is read as (used by the text export's renderer and by the import): tags found over
/// UTF-8 bytes, their names trimmed of blanks as the Mustache specification's "interpolation" and "sections"
/// examples write them (`{{ name }}`), the standalone rule, and what is refused.
@Suite struct MustacheShapeTests {
  private typealias Shape = MustacheShape

  private func name(_ source: String) -> Shape.Name { Shape.Name(Substring(source)) }

  @Test func tagsAreReadBesideCharactersOfAnyLength() throws {
    let shape = try Shape.parse("會議由{{chair.name}}主持，{{{ kind }}}；{{& raw}}。")
    #expect(shape == [
      .text(Array("會議由".unicodeScalars)), .value(name("chair.name")), .text(Array("主持，".unicodeScalars)),
      .value(name("kind")), .text(Array("；".unicodeScalars)), .value(name("raw")), .text(Array("。".unicodeScalars)),
    ])
  }

  /// An ASCII name is read from its bytes; any other by its characters. On 5,000 drawn ASCII names (dots, brackets,
  /// blanks, empty parts), each reads as it does with a no-break space after it, which is trimmed and sends the
  /// name the way of characters.
  @Test func anASCIINameReadsAsItsCharactersDo() {
    let pieces = ["a", "kind", ".", "(", ")", " ", "\t", "first", "lowercased", "n", "_", "-", "?"]
    var generator = SplitMix64(seed: 31)
    for _ in 0..<5_000 {
      let source = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      #expect(name(source) == name(source + "\u{A0}"), "\(source)")
    }
  }

  @Test func blanksAroundANameAreNotPartOfIt() throws {
    // A tab, a space and an ideographic space (U+3000, a space separator) are trimmed; the name keeps its dots.
    let shape = try Shape.parse("{{#\t items \u{3000}}}{{ \u{3000}. }}{{/ items}}")
    #expect(shape == [.section(name("items"), inverted: false, body: [.value(name("."))])])
    #expect(name(" \tlowercased(kind) ").function == "lowercased")
    #expect(name(" \tlowercased(kind) ").path == ["kind"])
    #expect(Shape.trimmed("\u{3000}\t") == "")
    #expect(Shape.trimmed(" a b ") == "a b")
  }

  @Test func aTripleTagEndsAtTheFirstThreeBraces() throws {
    #expect(try Shape.parse("{{{a}}}}") == [.value(name("a")), .text(["}"])])
    #expect(try Shape.parse("x}}{y") == [.text(Array("x}}{y".unicodeScalars))])
  }

  @Test func aLineOfOneSectionTagIsNotPrinted() throws {
    let shape = try Shape.parse("甲\n  {{#a}}  \n乙\n{{/a}}\n丙")
    #expect(shape == [
      .text(Array("甲\n".unicodeScalars)), .section(name("a"), inverted: false, body: [.text(Array("乙\n".unicodeScalars))]),
      .text(Array("丙".unicodeScalars)),
    ])
  }

  @Test func whatCannotBeReadIsRefusedWithTheTag() {
    #expect(throws: Shape.Failure.malformed("{{a")) { try Shape.parse("x{{a") }
    #expect(throws: Shape.Failure.malformed("{{/b}}")) { try Shape.parse("{{#a}}{{/b}}") }
    #expect(throws: Shape.Failure.malformed("{{#a}} not closed")) { try Shape.parse("{{#a}}x") }
    #expect(throws: Shape.Failure.unsupported("{{> text}}")) { try Shape.parse("{{> text}}") }
    #expect(throws: Shape.Failure.unsupported("{{=<% %>=}}")) { try Shape.parse("{{=<% %>=}}") }
  }
}
