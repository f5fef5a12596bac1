import Foundation
package import Yams

/// The built-in templates as compiled at build time: each file's YAML tree, composed by the EmbedTemplates
/// plugin with Yams and every scalar's type resolved there, in a compact form read in place here, without YAML
/// parsing, type resolution by regular expression or a tree of nodes made first. The YAML in `templates/` stays
/// the source (and what `minutes templates show` prints); a test checks that each compiled template equals its
/// parsed YAML.
///
/// The form: every node is one letter for its kind (`{` a mapping, `[` a sequence; a scalar's type: `s` text, `i`
/// integer, `b` yes/no, `n` null, `f` number, `t` timestamp, `x` another tag), the length of its content in UTF-8
/// bytes in decimal, `:`, and its content: a mapping's keys and values one after another, a sequence's entries, a
/// scalar's text. A scalar's letter is in upper case when it was quoted or written as a block (`"2"`, `'yes'`,
/// `|`), which Yams reads as no number whatever its text. `{9:s1:aS2:bc` is the mapping `a: 'bc'`.
package enum CompiledTemplates {
  /// The compiled trees by template id.
  static let trees: [String: String] = Dictionary(
    BuiltInTemplates.trees.map { (String($0.name.dropLast(".yaml".count)), $0.tree) }, uniquingKeysWith: { a, _ in a })

  /// The YAML tree of the built-in template `id`, as Yams would compose it from its file (the scalars' types
  /// already resolved; no marks); `nil` when there is no such built-in or its compiled form is damaged.
  package static func node(id: String) -> Node? {
    (try? withTree(id: id) { try $0.yams() }) ?? nil
  }

  /// `body`'s result for the compiled tree of the built-in template `id`, read in place (the tree is the program's
  /// text, and its nodes are valid during `body` only); `nil` when there is no such built-in.
  /// - Throws: what `body` throws, and `DecodingError` when the tree is damaged (its root does not span it).
  static func withTree<Result>(id: String, _ body: (CompiledNode) throws -> Result) throws -> Result? {
    guard var tree = trees[id] else { return nil }
    // A string literal's bytes are contiguous already: nothing is copied.
    return try tree.withUTF8 { bytes in try body(try CompiledNode(root: bytes)) }
  }

  /// `body`'s result for the tree `node` composed by Yams (a template merged over a built-in one, or a test's YAML),
  /// written in the compact form and read as a compiled tree, each scalar as Yams' constructors would read it: a
  /// scalar Yams' decoder reads as null (a plain `~`, `null` or nothing) is written null, so that it is absent; one
  /// of another tag (`!custom yes`, `!!null text`) as `x`, text that may be read as yes or no or a number; a quoted
  /// one or a block in upper case, never read as a number.
  /// - Throws: what `body` throws.
  static func withTree<Result>(composedBy node: Node, _ body: (CompiledNode) throws -> Result) throws -> Result {
    var bytes: [UInt8] = []
    write(node, into: &bytes)
    return try withTree(bytes: bytes, body)
  }

  /// `body`'s result for the compiled tree `bytes`.
  /// - Throws: what `body` throws, and `DecodingError` when the tree is damaged (its root does not span it).
  static func withTree<Result>(bytes: [UInt8], _ body: (CompiledNode) throws -> Result) throws -> Result {
    try bytes.withUnsafeBufferPointer { bytes in try body(try CompiledNode(root: bytes)) }
  }

  /// Appends `node` to `bytes` in the compact form.
  private static func write(_ node: Node, into bytes: inout [UInt8]) {
    func header(_ kind: UInt8, _ count: Int) {
      bytes.append(kind)
      bytes.append(contentsOf: String(count).utf8)
      bytes.append(UInt8(ascii: ":"))
    }
    func container(_ kind: UInt8, _ content: (inout [UInt8]) -> Void) {
      var inner: [UInt8] = []
      content(&inner)
      header(kind, inner.count)
      bytes.append(contentsOf: inner)
    }
    switch node {
    case .mapping(let mapping):
      container(UInt8(ascii: "{")) { for (key, value) in mapping { write(key, into: &$0); write(value, into: &$0) } }
    case .sequence(let sequence):
      container(UInt8(ascii: "[")) { for entry in sequence { write(entry, into: &$0) } }
    case .scalar(let scalar):
      let name = Tag.Name(rawValue: node.tag.description)
      var kind = NSNull.construct(from: scalar) != nil
        ? UInt8(ascii: "n") : name == .null ? UInt8(ascii: "x") : Tags.kinds[name] ?? UInt8(ascii: "x")
      if scalar.style != .plain && scalar.style != .any { kind = kind &- 0x20 }  // upper case
      header(kind, scalar.string.utf8.count)
      bytes.append(contentsOf: scalar.string.utf8)
    // Composing resolves aliases; one left would be read as no value of the kind asked for.
    case .alias:
      header(UInt8(ascii: "["), 0)
    }
  }

  /// `node`, a compiled tree, with its mappings and sequences tagged as Yams composes them: for a template
  /// merged over a built-in one, which Yams' decoder reads. That decoder finds a key through `Node.Mapping`'s
  /// string subscript, which resolves the key it looks for with the mapping's resolver: `yes` is a `bool` by
  /// Yams' default resolver, and is found only where the mapping has it.
  package static func resolvingKeys(_ node: Node) -> Node {
    switch node {
    case .mapping(let mapping):
      return .mapping(Node.Mapping(mapping.map { ($0.key, resolvingKeys($0.value)) }, Tag(.implicit), mapping.style, mapping.mark))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(resolvingKeys), Tag(.implicit), sequence.style, sequence.mark))
    default:
      return node
    }
  }

  /// The tags of the Yams nodes of a compiled tree: a `Tag` made with Yams' defaults makes a `Constructor` (a
  /// dictionary of a dozen entries) each time, and `Resolver.default` compiles its regular expressions when first
  /// used. The scalars' types are resolved already, so no resolver is needed (`Resolver.basic` has no rules); tags
  /// compare by name alone. Yams' decoder, which needs the default resolver, reads a compiled tree only through
  /// ``resolvingKeys(_:)``.
  struct Tags {
    let constructor = Constructor.default
    private(set) lazy var implicit = Tag(.implicit, .basic, constructor)
    private var scalars: [UInt8: Tag] = [:]

    /// The names of the scalar types of the compact form.
    static let names: [UInt8: Tag.Name] = [
      UInt8(ascii: "s"): .str, UInt8(ascii: "i"): .int, UInt8(ascii: "b"): .bool, UInt8(ascii: "n"): .null,
      UInt8(ascii: "f"): .float, UInt8(ascii: "t"): .timestamp,
    ]

    /// The scalar types of the compact form by their names.
    static let kinds: [Tag.Name: UInt8] = Dictionary(uniqueKeysWithValues: names.map { ($0.value, $0.key) })

    /// The tag of the scalars of type `kind` (one of ``names``, in either case; any other tag, `x`, implicit: not
    /// text).
    mutating func scalar(_ kind: UInt8) -> Tag {
      if let tag = scalars[kind] { return tag }
      let tag = Tags.names[kind | 0x20].map { Tag($0, .basic, constructor) } ?? implicit
      scalars[kind] = tag
      return tag
    }
  }
}

/// A node of a compiled tree (``CompiledTemplates``), read in place: its kind and where its content lies in the
/// compact form's bytes, which it does not own (valid during ``CompiledTemplates/withTree(id:_:)``'s `body` only).
/// Nothing is made of a node until it is read: a key is compared as bytes, a value skipped by its length, and a
/// text is made only for a value asked for (making every scalar's text, then a tree of boxed nodes, had been half of
/// reading a built-in template).
struct CompiledNode {
  /// The first byte of the compact form the node is in.
  private let base: UnsafePointer<UInt8>
  /// Where the node's content lies from ``base``: a scalar's text, a mapping's keys and values, a sequence's
  /// entries.
  private let start: Int, end: Int
  /// The node's kind: `{` a mapping, `[` a sequence, or a scalar's type (`s`, `i`, `b`, `n`, `f`, `t`, `x`; in upper
  /// case when quoted).
  let kind: UInt8

  /// The node that spans `bytes`.
  /// - Throws: `DecodingError` when `bytes` do not hold one whole node.
  init(root bytes: UnsafeBufferPointer<UInt8>) throws {
    guard let base = bytes.baseAddress else { throw Self.damaged(at: 0) }
    try self.init(base, at: 0, before: bytes.count)
    guard end == bytes.count else { throw Self.damaged(at: end) }
  }

  /// The node that starts at `offset` from `base`, ending by `limit`.
  /// - Throws: `DecodingError` when there is none.
  private init(_ base: UnsafePointer<UInt8>, at offset: Int, before limit: Int) throws {
    guard offset < limit else { throw Self.damaged(at: offset) }
    self.base = base
    kind = base[offset]
    switch kind {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      break
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
      // A scalar's type, in upper case when quoted.
      switch kind | 0x20 {
      case UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "b"), UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "t"),
        UInt8(ascii: "x"):
        break
      default: throw Self.damaged(at: offset)
      }
    default: throw Self.damaged(at: offset)
    }
    // The length, in decimal digits up to `:`.
    var index = offset + 1
    var length = 0
    while index < limit, base[index] != UInt8(ascii: ":") {
      let digit = Int(base[index]) &- 48
      guard (0...9).contains(digit), length < limit else { throw Self.damaged(at: index) }
      length = length * 10 + digit
      index += 1
    }
    guard index < limit, length <= limit - index - 1 else { throw Self.damaged(at: index) }
    start = index + 1
    end = start + length
  }

  var isMapping: Bool { kind == UInt8(ascii: "{") }
  var isSequence: Bool { kind == UInt8(ascii: "[") }
  /// Whether ``CompiledFields`` reads it as absent, as Yams' decoder reads a null.
  var isNull: Bool { kind == UInt8(ascii: "n") }
  /// Whether it is a scalar that was quoted or written as a block, which Yams reads as no number.
  var isQuoted: Bool { kind >= UInt8(ascii: "A") && kind <= UInt8(ascii: "Z") }

  /// A scalar's text; `nil` for a mapping or a sequence.
  var string: String? {
    isMapping || isSequence ? nil : String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
  }

  /// Whether the node is a scalar whose text is `text`, byte for byte.
  func hasText(_ text: String) -> Bool {
    let count = end - start
    guard !isMapping && !isSequence, text.utf8.count == count else { return false }
    return text.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, base + start, count) == 0 }
      ?? text.utf8.elementsEqual(UnsafeBufferPointer(start: base + start, count: count))
  }

  /// A mapping's keys and values.
  /// - Throws: `DecodingError` when the node is not a mapping, or is damaged.
  func pairs() throws -> [(key: CompiledNode, value: CompiledNode)] {
    guard isMapping else { throw CompiledFields.mismatch("a mapping", self) }
    var pairs: [(key: CompiledNode, value: CompiledNode)] = []
    pairs.reserveCapacity(8)
    var offset = start
    while offset < end {
      let key = try CompiledNode(base, at: offset, before: end)
      let value = try CompiledNode(base, at: key.end, before: end)
      pairs.append((key, value))
      offset = value.end
    }
    return pairs
  }

  /// A sequence's entries.
  /// - Throws: `DecodingError` when the node is not a sequence, or is damaged.
  func entries() throws -> [CompiledNode] {
    guard isSequence else { throw CompiledFields.mismatch("a sequence", self) }
    var entries: [CompiledNode] = []
    entries.reserveCapacity(8)
    var offset = start
    while offset < end {
      let entry = try CompiledNode(base, at: offset, before: end)
      entries.append(entry)
      offset = entry.end
    }
    return entries
  }

  private static func damaged(at offset: Int) -> DecodingError {
    .dataCorrupted(.init(codingPath: [], debugDescription: "the compiled template is damaged at byte \(offset)"))
  }

  /// The value of `text` when it is a plain decimal integer (digits, the first not `0`, after an optional `-`; or
  /// `0` alone), which Yams' `Int.construct` reads as the same number; `nil` for any other text (`+1`, `1_000`,
  /// `0x1F`, `017`, `1:30`, and `-0`, which Yams reads as an octal without digits, so as no number), left to Yams.
  static func plainDecimal(_ text: String) -> Int? {
    if text == "0" { return 0 }
    let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
    guard let first = digits.first, first != UInt8(ascii: "0"),
      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else { return nil }
    return Int(text)
  }

  /// The value of `text` when it is one of YAML 1.1's yes/no words in lower case (`true`, `yes`, `on`, `false`,
  /// `no`, `off`), as Yams' `Bool.construct` reads a scalar tagged `bool`; `nil` for any other spelling, left to
  /// Yams.
  static func plainBool(_ text: String) -> Bool? {
    switch text {
    case "true", "yes", "on": true
    case "false", "no", "off": false
    default: nil
    }
  }

  /// A scalar as Yams' node of it, for Yams' constructors (`Int.construct`, `Bool.construct`); `nil` for a mapping
  /// or a sequence.
  var yamsScalar: Node.Scalar? {
    var tags = CompiledTemplates.Tags()
    return yamsScalar(&tags)
  }

  private func yamsScalar(_ tags: inout CompiledTemplates.Tags) -> Node.Scalar? {
    string.map { Node.Scalar($0, tags.scalar(kind)) }
  }

  /// The tree as Yams composes it from its file, tagged as the compact form says.
  /// - Throws: `DecodingError` when the tree is damaged.
  func yams() throws -> Node {
    var tags = CompiledTemplates.Tags()
    return try yams(&tags)
  }

  private func yams(_ tags: inout CompiledTemplates.Tags) throws -> Node {
    if isMapping {
      var yamsPairs: [(Node, Node)] = []
      for pair in try pairs() { yamsPairs.append((try pair.key.yams(&tags), try pair.value.yams(&tags))) }
      return .mapping(Node.Mapping(yamsPairs, tags.implicit))
    }
    if isSequence {
      var yamsEntries: [Node] = []
      for entry in try entries() { yamsEntries.append(try entry.yams(&tags)) }
      return .sequence(Node.Sequence(yamsEntries, tags.implicit))
    }
    return .scalar(yamsScalar(&tags)!)
  }
}
