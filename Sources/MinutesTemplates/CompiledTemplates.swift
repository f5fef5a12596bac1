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
  package static func node(id: String) -> Node? { tree(id: id)?.yams }

  /// The compiled tree of the built-in template `id`, read as it is (no Yams nodes made); `nil` when there is no
  /// such built-in or its compiled form is damaged.
  static func tree(id: String) -> CompiledNode? {
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

  /// The tags of the Yams nodes of a compiled tree: a `Tag` made with Yams' defaults makes a `Constructor` (a
  /// dictionary of a dozen entries) each time, and `Resolver.default` compiles its regular expressions when first
  /// used. The scalars' types are resolved already, so no resolver is needed (`Resolver.basic` has no rules); tags
  /// compare by name alone. Yams' decoder, which needs the default resolver, reads a compiled tree only through
  /// ``resolvingKeys(_:)``.
  fileprivate struct Tags {
    let constructor = Constructor.default
    private(set) lazy var implicit = Tag(.implicit, .basic, constructor)
    private var scalars: [UInt8: Tag] = [:]

    /// The names of the scalar types of the compact form.
    static let names: [UInt8: Tag.Name] = [
      UInt8(ascii: "s"): .str, UInt8(ascii: "i"): .int, UInt8(ascii: "b"): .bool, UInt8(ascii: "n"): .null,
      UInt8(ascii: "f"): .float, UInt8(ascii: "t"): .timestamp,
    ]

    /// The tag of the scalars of type `kind` (one of ``names``).
    mutating func scalar(_ kind: UInt8) -> Tag {
      if let tag = scalars[kind] { return tag }
      let tag = Tags.names[kind].map { Tag($0, .basic, constructor) } ?? implicit
      scalars[kind] = tag
      return tag
    }
  }

  /// Reads the compact form.
  private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func node() -> CompiledNode? {
      guard offset < bytes.count else { return nil }
      let kind = bytes[offset]
      offset += 1
      guard let count = number() else { return nil }
      switch kind {
      case UInt8(ascii: "{"):
        var pairs: [(key: CompiledNode, value: CompiledNode)] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count {
          guard let key = node(), let value = node() else { return nil }
          pairs.append((key, value))
        }
        return .mapping(pairs)
      case UInt8(ascii: "["):
        var entries: [CompiledNode] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
          guard let entry = node() else { return nil }
          entries.append(entry)
        }
        return .sequence(entries)
      default:
        guard Tags.names[kind] != nil, offset + count <= bytes.count else { return nil }
        let text = String(decoding: bytes[offset..<offset + count], as: UTF8.self)
        offset += count
        return .scalar(text, kind: kind)
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

/// A node of a compiled tree (``CompiledTemplates``), as plain as the compact form: no tags, marks or styles
/// as Yams' `Node` has (whose copies, weak references and tags were most of reading a built-in template).
indirect enum CompiledNode {
  case mapping([(key: CompiledNode, value: CompiledNode)])
  case sequence([CompiledNode])
  /// A scalar's text and its type, as the compact form writes it (`s` text, `i` integer, `b` yes/no, `n` null,
  /// `f` number, `t` timestamp).
  case scalar(String, kind: UInt8)
  /// A scalar of a tree composed by Yams (a template merged over a built-in one, or a test's YAML): its tag and
  /// style decide what Yams' constructors make of it.
  case composed(Node.Scalar)

  /// A scalar's text; `nil` for a mapping or a sequence.
  var string: String? {
    switch self {
    case .scalar(let string, _): string
    case .composed(let scalar): scalar.string
    case .mapping, .sequence: nil
    }
  }

  /// Whether ``CompiledFields`` reads it as absent: a plain null of a tree composed by Yams, as `NSNull.construct`
  /// says (a compiled tree has none: its scalars are not plain).
  var isNull: Bool {
    if case .composed(let scalar) = self { NSNull.construct(from: scalar) != nil } else { false }
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
    switch self {
    case .scalar(let string, let kind): Node.Scalar(string, tags.scalar(kind))
    case .composed(let scalar): scalar
    case .mapping, .sequence: nil
    }
  }

  /// The node of a tree composed by Yams.
  init(_ node: Node) {
    switch node {
    case .mapping(let mapping): self = .mapping(mapping.map { (CompiledNode($0.key), CompiledNode($0.value)) })
    case .sequence(let sequence): self = .sequence(sequence.map(CompiledNode.init))
    case .scalar(let scalar): self = .composed(scalar)
    // Composing resolves aliases; one left would be read as no value of the kind asked for.
    case .alias: self = .sequence([])
    }
  }

  /// The tree as Yams composes it from its file, tagged as the compact form says.
  var yams: Node {
    var tags = CompiledTemplates.Tags()
    return yams(&tags)
  }

  private func yams(_ tags: inout CompiledTemplates.Tags) -> Node {
    switch self {
    case .mapping(let pairs):
      var yamsPairs: [(Node, Node)] = []
      yamsPairs.reserveCapacity(pairs.count)
      for pair in pairs { yamsPairs.append((pair.key.yams(&tags), pair.value.yams(&tags))) }
      return .mapping(Node.Mapping(yamsPairs, tags.implicit))
    case .sequence(let entries):
      var yamsEntries: [Node] = []
      yamsEntries.reserveCapacity(entries.count)
      for entry in entries { yamsEntries.append(entry.yams(&tags)) }
      return .sequence(Node.Sequence(yamsEntries, tags.implicit))
    case .scalar, .composed: return .scalar(yamsScalar(&tags)!)
    }
  }
}
