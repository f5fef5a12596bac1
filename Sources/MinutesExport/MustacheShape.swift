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
      guard let name = source.utf8.withContiguousStorageIfAvailable({ Self(ascii: $0) }) ?? Self(ascii: Array(source.utf8)) else {
        return nil
      }
      self = name
    }

    /// ``init(ascii:)`` over the name's UTF-8 bytes.
    init?<Bytes: RandomAccessCollection<UInt8>>(ascii bytes: Bytes) where Bytes.Index == Int {
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
      var (start, end) = (bytes.startIndex, bytes.endIndex)
      while start < end, isBlank(bytes[start]) { start += 1 }
      while end > start, isBlank(bytes[end - 1]) { end -= 1 }
      guard start < end else {
        (function, path) = (nil, [""])
        return
      }
      func string(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
      func dotted(_ from: Int, _ to: Int) -> [String] {
        if to - from == 1, bytes[from] == UInt8(ascii: ".") { return ["."] }
        var names: [String] = []
        var piece = from
        for index in from..<to where bytes[index] == UInt8(ascii: ".") {
          names.append(string(piece, index))
          piece = index + 1
        }
        names.append(string(piece, to))
        return names
      }
      if bytes[end - 1] == UInt8(ascii: ")"), let open = bytes[start..<end].firstIndex(of: UInt8(ascii: "(")) {
        function = string(start, open)
        path = open + 1 == end - 1 ? [] : dotted(open + 1, end - 1)
      } else {
        function = nil
        path = dotted(start, end)
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
    try trees.value(for: source) { Result { () throws(Failure) in try tree(of: Array(source.utf8)) } }.get()
  }

  private static let trees = Memo<String, Result<[MustacheShape], Failure>>()

  /// ``parse(_:)`` of a text given as its UTF-8 bytes (well-formed), not kept: for a text read once a process (an
  /// export's), where looking the text up would hash it, twice, to no use (an export's text of 5,600 bytes, mostly
  /// Chinese, is hashed through its normalization).
  /// - Throws: as ``parse(_:)``.
  package static func parse(utf8 bytes: [UInt8]) throws(Failure) -> [MustacheShape] { try tree(of: bytes) }

  /// ``parse(_:)``, done, over the text's UTF-8 bytes: the delimiters and sigils are ASCII, so they never fall inside
  /// a character, and a text between tags becomes its scalars once (reading it by characters, line by line, and
  /// joining each line's scalars to the last had been most of compiling an export's text).
  private static func tree(of bytes: [UInt8]) throws(Failure) -> [MustacheShape] {
    var stack: [(name: Name?, inverted: Bool, nodes: [MustacheShape])] = [(nil, false, [])]
    // The text run not yet a node: it joins the text of the lines and tags (comments, pragmas, standalone lines)
    // that print nothing between its pieces, as appending each piece to the last text node did.
    var run: [Unicode.Scalar] = []
    func flush() {
      guard !run.isEmpty else { return }
      stack[stack.count - 1].nodes.append(.text(run))
      run.removeAll(keepingCapacity: true)
    }
    func append(_ range: Range<Int>) {
      if range.allSatisfy({ bytes[$0] < 0x80 }) {
        for index in range { run.append(Unicode.Scalar(bytes[index])) }
      } else {
        run.append(contentsOf: String(decoding: bytes[range], as: UTF8.self).unicodeScalars)
      }
    }
    var line: [Token] = []
    func finish(_ line: [Token]) throws(Failure) {
      // The standalone rule: one tag that prints nothing itself, and blanks, make a line that is not printed.
      var tag: UInt8?
      var tags = 0
      var blank = true
      for token in line {
        switch token {
        case .text(let range): if blank { blank = range.allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") } }
        case .newline: break
        case .tag(let sigil, _): (tags, tag) = (tags + 1, sigil)
        }
      }
      let standalone = tags == 1 && blank && tag.map { Self.standaloneSigils.contains($0) } == true
      for token in line {
        switch token {
        case .text(let range): if !standalone { append(range) }
        case .newline: if !standalone { run.append("\n") }
        case .tag(let sigil, let content):
          switch sigil {
          case UInt8(ascii: "!"), UInt8(ascii: "%"): continue
          case UInt8(ascii: ">"): throw .unsupported("{{> \(content.string)}}")
          case UInt8(ascii: "="): throw .unsupported("{{=\(content.string)=}}")
          case UInt8(ascii: "#"), UInt8(ascii: "^"):
            flush()
            stack.append((content.name, sigil == UInt8(ascii: "^"), []))
          case UInt8(ascii: "/"):
            let closing = content.name
            guard stack.count > 1, let open = stack.last, open.name == closing else { throw .malformed("{{/\(content.string)}}") }
            flush()
            let body = stack.removeLast().nodes
            stack[stack.count - 1].nodes.append(.section(closing, inverted: open.inverted, body: body))
          default:
            flush()
            stack[stack.count - 1].nodes.append(.value(content.name))
          }
        }
      }
    }
    for token in try tokenize(bytes) {
      line.append(token)
      if case .newline = token {
        try finish(line)
        line.removeAll(keepingCapacity: true)
      }
    }
    try finish(line)
    flush()
    guard stack.count == 1 else { throw .malformed("{{#\(stack.last?.name?.description ?? "")}} not closed") }
    return stack[0].nodes
  }

  /// The sigils of the tags that make a line of their own not printed.
  private static let standaloneSigils: [UInt8] = Array("#^/!%>".utf8)
  /// The sigils a tag may start with (`&` reads as a value).
  private static let sigils: [UInt8] = Array("#^/!%>=&".utf8)

  /// A tag's content, as the tokenizer read it: its name, and its text for messages.
  private struct Content {
    let string: String
    let name: Name
  }

  /// A text (the bytes of a line's piece), a line end, or a tag: its sigil, or a space for a value.
  private enum Token { case text(Range<Int>), newline, tag(UInt8, Content) }

  /// The tokens of `bytes` (a text's UTF-8); a tag's sigil is its first character (`#`, `^`, `/`, `!`, `%`, `>`,
  /// `=`), or a space for a value.
  private static func tokenize(_ bytes: [UInt8]) throws(Failure) -> [Token] {
    var tokens: [Token] = []
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    func text(_ range: Range<Int>) {
      var start = range.lowerBound
      for index in range where bytes[index] == UInt8(ascii: "\n") {
        if start < index { tokens.append(.text(start..<index)) }
        tokens.append(.newline)
        start = index + 1
      }
      if start < range.upperBound { tokens.append(.text(start..<range.upperBound)) }
    }
    /// Where `count` of `brace` in a row next start at or after `from`.
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
      tokens.append(tag(bytes, start..<close, triple: triple))
      position = close + (triple ? 3 : 2)
    }
    text(position..<bytes.count)
    return tokens
  }

  /// The tag whose content (between its braces) is `range` of `bytes`.
  private static func tag(_ bytes: [UInt8], _ range: Range<Int>, triple: Bool) -> Token {
    let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var (start, end) = (range.lowerBound, range.upperBound)
    while start < end, isBlank(bytes[start]) { start += 1 }
    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
    // A tag whose ends are ASCII (as a template's are) is read by bytes; any other by characters, as Unicode's
    // blanks and a sigil joined to the character after it decide.
    let asciiEnds = start == end
      || (bytes[start] < 0x80 && bytes[end - 1] < 0x80 && (end - start < 2 || bytes[start + 1] < 0x80))
    guard asciiEnds else { return tag(characters: String(decoding: bytes[range], as: UTF8.self), triple: triple) }
    func content(_ from: Int, _ to: Int) -> Content {
      let string = String(decoding: bytes[from..<to], as: UTF8.self)
      return Content(string: string, name: Name(ascii: bytes[from..<to]) ?? Name(Substring(string)))
    }
    if triple || start == end || !sigils.contains(bytes[start]) { return .tag(UInt8(ascii: " "), content(start, end)) }
    let sigil = bytes[start]
    var from = start + 1
    while from < end, isBlank(bytes[from]) { from += 1 }
    if from < end, bytes[from] >= 0x80 { return tag(characters: String(decoding: bytes[range], as: UTF8.self), triple: triple) }
    if sigil == UInt8(ascii: "=") {
      let string = String(decoding: bytes[from..<end], as: UTF8.self)
      return .tag(sigil, Content(string: String(string.dropLast()), name: Name(Substring(string))))
    }
    return .tag(sigil == UInt8(ascii: "&") ? UInt8(ascii: " ") : sigil, content(from, end))
  }

  /// ``tag(_:_:triple:)`` for a tag with a character other than ASCII at either end (or after its sigil): its
  /// content trimmed of Unicode's blanks, and its sigil a whole character.
  private static func tag(characters text: String, triple: Bool) -> Token {
    let inner = trimmed(Substring(text))
    func content(_ text: Substring) -> Content { Content(string: String(text), name: Name(text)) }
    if !triple, let sigil = inner.first, let byte = sigil.asciiValue, sigils.contains(byte) {
      let rest = trimmed(inner.dropFirst())
      if byte == UInt8(ascii: "=") { return .tag(byte, Content(string: String(rest.dropLast()), name: Name(rest))) }
      return .tag(byte == UInt8(ascii: "&") ? UInt8(ascii: " ") : byte, content(rest))
    }
    return .tag(UInt8(ascii: " "), content(inner))
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
