import MinutesModel

/// A Mustache text read as the tree its renderer walks, for reading an export backwards (the import) and for
/// rendering a text export without swift-mustache's dynamic look-ups (``TextRenderer``): literal text, the values
/// it prints (`{{key.accessor}}`, `{{.}}`, `{{lowercased(kind)}}`) and its sections (`{{#…}}`, `{{^…}}`), with the
/// Mustache specification's rule for standalone tags applied (a line holding only a section tag, a comment, a
/// pragma or a partial, and blanks, is not printed), as swift-mustache renders it.
///
/// Comments and pragmas print nothing and are left out; a partial (`{{> text}}`, used by the DOCX layouts) is
/// refused: the import reads the text export, which has none.
package indirect enum MustacheShape: Equatable, Sendable {
  /// Text printed as it is, as Unicode scalars.
  case text([Unicode.Scalar])
  /// A value printed: `{{name}}`, `{{{name}}}` or `{{&name}}`.
  case value(Name)
  /// A section: its body printed for each entry of a list, once for a value that is set, or (inverted) once when
  /// the value is not set.
  case section(Name, inverted: Bool, body: [MustacheShape])

  /// What a tag names: a dotted path (`meeting.chair.name`, `["."]` for the current value), or a transform of one
  /// (`empty(points)`, `lowercased(kind)`; `first()` and `last()` with no path, for the entry of a sequence).
  package struct Name: Hashable, Sendable, CustomStringConvertible {
    package var function: String?
    package var path: [String]

    package init(_ source: Substring) {
      if let ascii = Self(ascii: source) {
        self = ascii
        return
      }
      let source = MustacheShape.trimmed(source)
      if let open = source.firstIndex(of: "("), source.hasSuffix(")") {
        function = String(source[..<open])
        let argument = source[source.index(after: open)..<source.index(before: source.endIndex)]
        path = argument.isEmpty ? [] : Self.path(argument)
      } else {
        function = nil
        path = Self.path(source)
      }
    }

    /// The name `source` reads as, from its bytes, when it is ASCII (as a template's names are): a byte is then a
    /// character, and looking at characters had been two thirds of compiling an export's text. `nil` for any
    /// other text, which ``init(_:)`` reads by characters.
    private init?(ascii source: Substring) {
      let bytes = source.utf8
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
      guard let first = bytes.firstIndex(where: { !isBlank($0) }) else {
        (function, path) = (nil, [""])
        return
      }
      let trimmed = bytes[first...bytes.lastIndex(where: { !isBlank($0) })!]
      func dotted(_ text: Substring.UTF8View.SubSequence) -> [String] {
        if text.count == 1, text.first == UInt8(ascii: ".") { return ["."] }
        return text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { String(Substring($0)) }
      }
      if let open = trimmed.firstIndex(of: UInt8(ascii: "(")), trimmed.last == UInt8(ascii: ")") {
        function = String(Substring(trimmed[..<open]))
        let argument = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        path = argument.isEmpty ? [] : dotted(argument)
      } else {
        function = nil
        path = dotted(trimmed)
      }
    }

    private static func path(_ text: Substring) -> [String] {
      text == "." ? ["."] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    package var description: String {
      let dotted = path == ["."] ? "." : path.joined(separator: ".")
      return function.map { "\($0)(\(dotted))" } ?? dotted
    }
  }

  /// Why a Mustache text cannot be read backwards.
  package enum Failure: Error, Equatable, Sendable {
    /// A tag that is not closed, or a section closed by another name.
    case malformed(String)
    /// A partial or a change of delimiters, which the text exports do not use.
    case unsupported(String)
  }

  /// The tree of `source`, read once a process: an import makes a reader of the same export for each template and
  /// house style it tries, and each reader reads its phrases and entries again (a tenth of reading a short text).
  /// - Throws: ``Failure`` when a tag is not closed, a section is closed by another name or not at all, or the
  ///   text uses a partial or other delimiters.
  package static func parse(_ source: String) throws(Failure) -> [MustacheShape] {
    try trees.value(for: source) { Result { () throws(Failure) in try tree(of: source) } }.get()
  }

  private static let trees = Memo<String, Result<[MustacheShape], Failure>>()

  /// ``parse(_:)``, done.
  private static func tree(of source: String) throws(Failure) -> [MustacheShape] {
    let lines = try tokenize(source)
    var stack: [(name: Name?, inverted: Bool, nodes: [MustacheShape])] = [(nil, false, [])]
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
          case "#", "^": stack.append((Name(Substring(content)), sigil == "^", []))
          case "/":
            let closing = Name(Substring(content))
            guard stack.count > 1, let open = stack.last, open.name == closing else {
              throw .malformed("{{/\(content)}}")
            }
            stack.removeLast()
            append(.section(closing, inverted: open.inverted, body: open.nodes))
          default: append(.value(Name(Substring(content))))
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
  private static func tokenize(_ source: String) throws(Failure) -> [[Token]] {
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
      let inner = Self.trimmed(Substring(string(start..<close)))
      if triple {
        lines[lines.count - 1].append(.tag(" ", String(inner)))
      } else if let sigil = inner.first, "#^/!%>=&".contains(sigil) {
        let content = String(Self.trimmed(inner.dropFirst()))
        lines[lines.count - 1].append(.tag(sigil == "&" ? " " : sigil, sigil == "=" ? String(content.dropLast()) : content))
      } else {
        lines[lines.count - 1].append(.tag(" ", String(inner)))
      }
      position = close + (triple ? 3 : 2)
    }
    text(position..<bytes.count)
    return lines
  }

  /// `text` without the blanks at either end: tabs and the space separators (Unicode's Zs), as Foundation's
  /// `CharacterSet.whitespaces`, which was most of reading a template's tags.
  static func trimmed(_ text: Substring) -> Substring {
    func isBlank(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || (scalar.value > 0x7F && scalar.properties.generalCategory == .spaceSeparator)
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return text[text.endIndex...] }
    let last = scalars.lastIndex(where: { !isBlank($0) })!
    return Substring(scalars[first...last])
  }
}
