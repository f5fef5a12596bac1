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
