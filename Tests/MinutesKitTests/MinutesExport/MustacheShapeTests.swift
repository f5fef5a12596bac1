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

/// The reader of Mustache texts by characters, line by line, as ``MustacheShape`` read them before it read bytes
/// (stop 51): the reference its reading must equal.
private enum CharacterReading {
  static func tree(of source: String) throws(MustacheShape.Failure) -> [MustacheShape] {
    let lines = try tokenize(source)
    var stack: [(name: MustacheShape.Name?, inverted: Bool, nodes: [MustacheShape])] = [(nil, false, [])]
    func append(_ node: MustacheShape) {
      if case .text(let new) = node, case .text(let old)? = stack[stack.count - 1].nodes.last {
        stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(old + new)
      } else {
        stack[stack.count - 1].nodes.append(node)
      }
    }
    for line in lines {
      // The standalone rule: one tag that prints nothing itself, and blanks, make a line that is not printed.
      let tags = line.filter { if case .tag = $0 { true } else { false } }
      let blank = line.allSatisfy {
        switch $0 {
        case .text(let text): text.allSatisfy { $0 == " " || $0 == "\t" }
        case .newline, .tag: true
        }
      }
      let standalone: Bool
      if tags.count == 1, blank, case .tag(let sigil, _) = tags[0] { standalone = "#^/!%>".contains(sigil) } else { standalone = false }
      for token in line {
        switch token {
        case .text(let text): if !standalone { append(.text(Array(text.unicodeScalars))) }
        case .newline: if !standalone { append(.text(["\n"])) }
        case .tag(let sigil, let content):
          switch sigil {
          case "!", "%": continue
          case ">": throw .unsupported("{{> \(content)}}")
          case "=": throw .unsupported("{{=\(content)=}}")
          case "#", "^": stack.append((MustacheShape.Name(Substring(content)), sigil == "^", []))
          case "/":
            let closing = MustacheShape.Name(Substring(content))
            guard stack.count > 1, let open = stack.last, open.name == closing else {
              throw .malformed("{{/\(content)}}")
            }
            stack.removeLast()
            append(.section(closing, inverted: open.inverted, body: open.nodes))
          default: append(.value(MustacheShape.Name(Substring(content))))
          }
        }
      }
    }
    guard stack.count == 1 else { throw .malformed("{{#\(stack.last?.name?.description ?? "")}} not closed") }
    return stack[0].nodes
  }

  private enum Token { case text(String), newline, tag(Character, String) }

  /// `source` as lines of tokens; a tag's sigil is its first character (`#`, `^`, `/`, `!`, `%`, `>`, `=`), or a
  /// space for a value. Read over UTF-8 bytes: the delimiters are ASCII, so they never fall inside a character.
  private static func tokenize(_ source: String) throws(MustacheShape.Failure) -> [[Token]] {
    let bytes = Array(source.utf8)
    var lines: [[Token]] = [[]]
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func text(_ range: Range<Int>) {
      var start = range.lowerBound
      for index in range where bytes[index] == UInt8(ascii: "\n") {
        if start < index { lines[lines.count - 1].append(.text(string(start..<index))) }
        lines[lines.count - 1].append(.newline)
        lines.append([])
        start = index + 1
      }
      if start < range.upperBound { lines[lines.count - 1].append(.text(string(start..<range.upperBound))) }
    }
    /// Where `delimiter` (two or three bytes of braces) next starts at or after `from`.
    func find(_ brace: UInt8, count: Int, from: Int) -> Int? {
      var index = from
      while index + count <= bytes.count {
        if bytes[index] == brace {
          var run = 1
          while run < count, bytes[index + run] == brace { run += 1 }
          if run == count { return index }
          index += run
        } else {
          index += 1
        }
      }
      return nil
    }
    var position = 0
    while let open = find(UInt8(ascii: "{"), count: 2, from: position) {
      text(position..<open)
      let triple = open + 2 < bytes.count && bytes[open + 2] == UInt8(ascii: "{")
      let start = open + (triple ? 3 : 2)
      guard let close = find(UInt8(ascii: "}"), count: triple ? 3 : 2, from: start) else {
        throw .malformed(String(string(open..<bytes.count).prefix(40)))
      }
      let inner = MustacheShape.trimmed(Substring(string(start..<close)))
      if triple {
        lines[lines.count - 1].append(.tag(" ", String(inner)))
      } else if let sigil = inner.first, "#^/!%>=&".contains(sigil) {
        let content = String(MustacheShape.trimmed(inner.dropFirst()))
        lines[lines.count - 1].append(.tag(sigil == "&" ? " " : sigil, sigil == "=" ? String(content.dropLast()) : content))
      } else {
        lines[lines.count - 1].append(.tag(" ", String(inner)))
      }
      position = close + (triple ? 3 : 2)
    }
    text(position..<bytes.count)
    return lines
  }

}

extension MustacheShapeTests {
  /// On 20,000 drawn texts of tags, sigils, braces, blanks (tabs, spaces, U+3000, U+00A0), line ends, Chinese,
  /// combining marks after a sigil, dots and brackets, the tree (or the failure) is the one the reading by
  /// characters gives.
  @Test func theTreeIsTheOneReadingByCharactersGives() {
    let pieces = [
      "{{", "}}", "{{{", "}}}", "#", "^", "/", "!", "%", ">", "=", "&", "a", "b", "kind", ".", "(", ")", " ", "\t", "\n",
      "\u{3000}", "\u{A0}", "會議", "，", "\u{301}", "first()", "lowercased(kind)", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}",
      "{{a}}", "{{! note }}", "{{% CONTENT_TYPE: TEXT}}", "  ", "x",
    ]
    var generator = SplitMix64(seed: 51)
    for _ in 0..<20_000 {
      let source = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let expected = Result { () throws(MustacheShape.Failure) in try CharacterReading.tree(of: source) }
      let read = Result { () throws(MustacheShape.Failure) in try MustacheShape.parse(source) }
      let bytes = Result { () throws(MustacheShape.Failure) in try MustacheShape.parse(utf8: Array(source.utf8)) }
      #expect(read == expected, "\(source.debugDescription)")
      #expect(bytes == expected, "\(source.debugDescription)")
    }
  }
}
