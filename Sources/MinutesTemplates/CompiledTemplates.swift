import Foundation
package import Yams

/// The built-in templates as compiled at build time: each file's YAML tree, composed by the EmbedTemplates
/// plugin with Yams and every scalar's type resolved there, in a compact form read here without YAML parsing
/// or type resolution by regular expression. The YAML in `templates/` stays the source (and what
/// `minutes templates show` prints); a test checks that each compiled template equals its parsed YAML.
///
/// The form, one node after another: a mapping is `{` COUNT `:` then its keys and values, a sequence `[` COUNT
/// `:` then its entries, a scalar one letter for its type (`s` text, `i` integer, `b` yes/no, `n` null, `f`
/// number, `t` timestamp), the length of its text in UTF-8 bytes, `:` and the text.
package enum CompiledTemplates {
  /// The compiled trees by template id.
  static let trees: [String: String] = Dictionary(
    BuiltInTemplates.trees.map { (String($0.name.dropLast(".yaml".count)), $0.tree) }, uniquingKeysWith: { a, _ in a })

  /// The YAML tree of the built-in template `id`, as Yams would compose it from its file (the scalars' types
  /// already resolved; no marks); `nil` when there is no such built-in or its compiled form is damaged.
  package static func node(id: String) -> Node? {
    guard let tree = trees[id] else { return nil }
    var reader = Reader(bytes: Array(tree.utf8))
    guard let node = reader.node(), reader.offset == reader.bytes.count else { return nil }
    return node
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

  /// Reads the compact form.
  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    /// The tags of the tree, made once a tree: a `Tag` made with Yams' defaults makes a `Constructor` (a dictionary of
    /// a dozen entries) each time, and `Resolver.default` compiles its regular expressions when first used: those
    /// two were most of reading a template. The scalars' types are resolved already, so no resolver is needed
    /// (`Resolver.basic` has no rules); tags compare by name alone. Yams' decoder, which needs the default
    /// resolver, reads a compiled tree only through ``resolvingKeys(_:)``.
    private let tags: (implicit: Tag, scalars: [UInt8: Tag]) = {
      let constructor = Constructor.default
      let tag = { (name: Tag.Name) in Tag(name, .basic, constructor) }
      let scalars: [UInt8: Tag] = [
        UInt8(ascii: "s"): tag(.str), UInt8(ascii: "i"): tag(.int), UInt8(ascii: "b"): tag(.bool),
        UInt8(ascii: "n"): tag(.null), UInt8(ascii: "f"): tag(.float), UInt8(ascii: "t"): tag(.timestamp),
      ]
      return (tag(.implicit), scalars)
    }()

    mutating func node() -> Node? {
      guard offset < bytes.count else { return nil }
      let kind = bytes[offset]
      offset += 1
      guard let count = number() else { return nil }
      switch kind {
      case UInt8(ascii: "{"):
        var pairs: [(Node, Node)] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count {
          guard let key = node(), let value = node() else { return nil }
          pairs.append((key, value))
        }
        return .mapping(Node.Mapping(pairs, tags.implicit))
      case UInt8(ascii: "["):
        var entries: [Node] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
          guard let entry = node() else { return nil }
          entries.append(entry)
        }
        return .sequence(Node.Sequence(entries, tags.implicit))
      default:
        guard let tag = tags.scalars[kind] else { return nil }
        guard offset + count <= bytes.count else { return nil }
        let text = String(decoding: bytes[offset..<offset + count], as: UTF8.self)
        offset += count
        return .scalar(Node.Scalar(text, tag))
      }
    }

    /// Digits up to `:`.
    private mutating func number() -> Int? {
      var value = 0
      while offset < bytes.count, bytes[offset] != UInt8(ascii: ":") {
        let digit = Int(bytes[offset]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
        offset += 1
      }
      guard offset < bytes.count else { return nil }
      offset += 1
      return value
    }
  }
}

// MARK: - Decoding a tree whose types are resolved

/// A `Decoder` over a YAML tree whose scalars carry their resolved types (``CompiledTemplates``): what Yams'
/// decoder gives for such a tree (a value is read by Yams' own constructors for its type), without its regular
/// expressions, dynamic casts or linear key searches. Used for the built-in templates.
package struct ResolvedNodeDecoder: Decoder {
  let node: Node
  package let codingPath: [any CodingKey]
  package var userInfo: [CodingUserInfoKey: Any] { [:] }

  /// A decoder of `node`.
  package init(_ node: Node, codingPath: [any CodingKey] = []) {
    self.node = node
    self.codingPath = codingPath
  }

  /// `type` decoded from `node`.
  /// - Throws: `DecodingError` as Yams' decoder would.
  package static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
    try ResolvedNodeDecoder(node).decodeValue(type)
  }

  package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
    return KeyedDecodingContainer(Keyed<Key>(decoder: self, mapping: mapping))
  }

  package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
    return Unkeyed(decoder: self, entries: Array(sequence))
  }

  package func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

  func child(_ node: Node, _ key: any CodingKey) -> ResolvedNodeDecoder {
    ResolvedNodeDecoder(node, codingPath: codingPath + [key])
  }

  /// The error for a node that is not a `type`. It names the node's kind, not its text: decoding tries one form
  /// after another (a choice written as a scalar or as a mapping), and printing each node tried (by reflection)
  /// was a third of loading a template.
  func mismatch(_ type: Any.Type) -> DecodingError {
    let found = switch node {
    case .scalar(let scalar): "the scalar `\(scalar.string)`"
    case .mapping: "a mapping"
    case .sequence: "a sequence"
    case .alias: "an alias"
    }
    return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(found)"))
  }

  var isNull: Bool { node.scalar.flatMap(NSNull.construct) != nil }

  func scalar<T: ScalarConstructible>(_ type: T.Type) throws -> T {
    guard case .scalar(let scalar) = node, let value = T.construct(from: scalar) else { throw mismatch(type) }
    return value
  }

  /// A value of `type`: the scalar types by Yams' constructors, anything else by its `init(from:)`.
  func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
    // Compared by metadata, not cast to a protocol: the common types without a conformance lookup.
    if T.self == String.self { return try scalar(String.self) as! T }
    if T.self == Int.self { return try scalar(Int.self) as! T }
    if T.self == Bool.self { return try scalar(Bool.self) as! T }
    if T.self == Double.self { return try scalar(Double.self) as! T }
    // Only a scalar can be one: asked of a mapping or a sequence (a part, a list of parts), the cast looked up the
    // conformance of each new type in every conformance record of the program, most of a template's decoding.
    if case .scalar = node, let constructible = T.self as? any ScalarConstructible.Type {
      guard case .scalar(let scalar) = node, let value = constructible.construct(from: scalar) as? T else {
        throw mismatch(type)
      }
      return value
    }
    return try T(from: self)
  }

  private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ResolvedNodeDecoder
    let values: [String: Node]
    let keys: [String]

    init(decoder: ResolvedNodeDecoder, mapping: Node.Mapping) {
      self.decoder = decoder
      var values: [String: Node] = [:]
      var keys: [String] = []
      for (key, value) in mapping {
        guard let name = key.scalar?.string, values[name] == nil else { continue }
        values[name] = value
        keys.append(name)
      }
      (self.values, self.keys) = (values, keys)
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { keys.compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

    func child(_ key: Key) throws -> ResolvedNodeDecoder {
      guard let node = values[key.stringValue] else {
        throw DecodingError.keyNotFound(key, .init(
          codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
      }
      return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).isNull }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).scalar(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).scalar(type) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).scalar(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeValue(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
      -> KeyedDecodingContainer<NestedKey>
    { try child(key).container(keyedBy: type) }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
      try child(key).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
  }

  private struct Unkeyed: UnkeyedDecodingContainer {
    let decoder: ResolvedNodeDecoder
    let entries: [Node]
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { entries.count }
    var isAtEnd: Bool { currentIndex >= entries.count }

    private struct Index: CodingKey {
      var stringValue: String { "Index \(intValue ?? 0)" }
      var intValue: Int?
      init(_ index: Int) { intValue = index }
      init?(stringValue: String) { nil }
      init?(intValue: Int) { self.intValue = intValue }
    }

    mutating func next() throws -> ResolvedNodeDecoder {
      guard !isAtEnd else {
        throw DecodingError.valueNotFound(Any?.self, .init(
          codingPath: codingPath + [Index(currentIndex)], debugDescription: "Unkeyed container is at end."))
      }
      defer { currentIndex += 1 }
      return decoder.child(entries[currentIndex], Index(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
      guard !isAtEnd else { _ = try next(); return false }
      let isNull = decoder.child(entries[currentIndex], Index(currentIndex)).isNull
      // As Yams: the entry is consumed whether or not it is null.
      currentIndex += 1
      return isNull
    }
    mutating func decode(_ type: String.Type) throws -> String { try next().scalar(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
      -> KeyedDecodingContainer<NestedKey>
    { try next().container(keyedBy: type) }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
  }

  private struct Single: SingleValueDecodingContainer {
    let decoder: ResolvedNodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: String.Type) throws -> String { try decoder.scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.scalar(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.scalar(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
  }
}
