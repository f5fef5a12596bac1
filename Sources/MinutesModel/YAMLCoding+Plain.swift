import OrderedCollections
internal import Yams

/// A minutes file (or a session's snapshot) read straight from its YAML tree, without `Codable`: what
/// `Minutes(from:)` and `Value(from:)` read through Yams's decoder, for a tree that is plain. Reading a snapshot of
/// 1,000 agenda items through the decoder (a keyed container and a look-up of each key, for every record) was two
/// thirds of reading it.
///
/// A tree is plain when every mapping has neither an anchor nor a tag, and keys that are plain scalars with no tag
/// written, each once (Yams's parser refuses a key twice); every list entry is a value (no null); and `format` and
/// `generation`, where given, read as numbers.
/// Anything else (an alias's anchor, a tag, a null entry, a bad format) is not read here:
/// ``YAMLCoding/decodeMinutesFile(_:from:file:plainly:)`` then decodes the tree with `Codable`, which reads it or
/// reports where it is wrong, as before. A test compares the two readings on random drafts and on trees that are
/// not plain.
package struct PlainMinutesFile: Sendable {
  /// The minutes: `format` (``Minutes/currentFormat`` when absent), `template`, and every other key but
  /// ``Minutes/reservedKeys`` in the file's order, null values left out.
  package var minutes: Minutes
  /// The text of `resumeAt`; `nil` when absent or null.
  package var resumeAt: String?
  /// The number `generation`; `nil` when absent or null.
  package var generation: Int?

  /// The file whose top is `root`, or `nil` when its tree is not plain (see the type's description).
  init?(_ root: Node) {
    guard case .mapping(let top) = root, let pairs = Self.plainPairs(top) else { return nil }
    var (format, template, resumeAt, generation): (Int?, String?, String?, Int?) = (nil, nil, nil, nil)
    var content = OrderedDictionary<String, Value>()
    for (key, node) in pairs {
      switch key {
      case "format", "generation":
        // `decodeIfPresent(Int.self)`: null is absent; otherwise Yams's reading of an integer, or not plain.
        if Self.isNull(node) { continue }
        guard let number = node.int else { return nil }
        if key == "format" { format = number } else { generation = number }
      case "template", "resumeAt":
        if key == "resumeAt", Self.isNull(node) { continue }
        // A text is any scalar's string (Yams's `String.construct`); a mapping or a list is not plain.
        guard case .scalar(let scalar) = node else { return nil }
        if key == "template" { template = scalar.string } else { resumeAt = scalar.string }
      default:
        if Self.isNull(node) { continue }
        guard let value = Self.value(node) else { return nil }
        content[key] = value
      }
    }
    // `Minutes(from:)` refuses a format below 1 and requires a template: left to the decoder, which says where.
    guard let template, (format ?? 1) >= 1 else { return nil }
    var minutes = Minutes(template: template, content: Record(content))
    minutes.format = format ?? Minutes.currentFormat
    (self.minutes, self.resumeAt, self.generation) = (minutes, resumeAt, generation)
  }

  /// The value `node` is, as `Value(from:)` decodes it: a scalar's text, a list's entries, a mapping's record; `nil`
  /// when the node or one below it is not plain.
  private static func value(_ node: Node) -> Value? {
    switch node {
    case .scalar(let scalar):
      // `Value(from:)` refuses a null (an empty entry), which the decoder reports; any other scalar is its text.
      guard !isNull(node) else { return nil }
      return .text(scalar.string)
    case .sequence(let sequence):
      guard sequence.anchor == nil, sequence.tag.rawValue.isEmpty else { return nil }
      var entries: [Value] = []
      entries.reserveCapacity(sequence.count)
      for entry in sequence {
        guard let value = value(entry) else { return nil }
        entries.append(value)
      }
      return .list(entries)
    case .mapping(let mapping):
      guard let pairs = plainPairs(mapping) else { return nil }
      var fields = OrderedDictionary<String, Value>(minimumCapacity: pairs.count)
      for (key, node) in pairs where !isNull(node) {
        guard let value = value(node) else { return nil }
        fields[key] = value
      }
      return .record(Record(fields))
    case .alias:
      return nil
    }
  }

  /// Whether `node` is a null, as the decoder tells one (Yams's `NSNull.construct`: a plain scalar `~`, `null`,
  /// `Null`, `NULL` or nothing), without making an `NSNull` for every value read.
  private static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
    switch scalar.string {
    case "", "~", "null", "Null", "NULL": return true
    default: return false
    }
  }

  /// The keys and values of `mapping` in order, when it has no anchor or tag and its keys are plain untagged
  /// scalars (the decoder finds a key by its text and resolved tag), none of them a key the decoder leaves out.
  /// Each is there once: Yams's parser refuses a mapping with a key twice.
  private static func plainPairs(_ mapping: Node.Mapping) -> [(String, Node)]? {
    guard mapping.anchor == nil, mapping.tag.rawValue.isEmpty else { return nil }
    var pairs: [(String, Node)] = []
    pairs.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      // The decoder leaves out the keys `yamlAnchor` and `yamlTag` (Yams's own).
      guard case .scalar(let scalar) = key, scalar.style == .plain, scalar.anchor == nil,
        scalar.tag.rawValue.isEmpty || scalar.tag.rawValue == Tag.Name.str.rawValue, isPlainKey(scalar.string),
        scalar.string != "yamlAnchor", scalar.string != "yamlTag"
      else { return nil }
      pairs.append((scalar.string, value))
    }
    return pairs
  }

  /// Whether `key` is a name that YAML's tag resolution reads as text whatever its tag: an ASCII letter, then ASCII
  /// letters, digits and `_`, and none of YAML 1.1's words for yes, no and null in any case (`on`, `No`, `NULL`).
  /// The decoder finds a key by its text and its resolved tag, so a key that could resolve to another type (`10`,
  /// `yes`) is left to it. The project's keys are all such names (`meeting`, `otherMatters`).
  private static func isPlainKey(_ key: String) -> Bool {
    var bytes = key.utf8.makeIterator()
    guard let first = bytes.next(), isLetter(first) else { return false }
    while let byte = bytes.next() {
      guard isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") else { return false }
    }
    return key.utf8.count > 5 || !resolvedWords.contains(key.lowercased())
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  /// YAML 1.1's words for yes, no and null (Yams's default resolver), lowercased.
  private static let resolvedWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]
}

extension YAMLCoding {
  /// Decodes a minutes file `T` from `yaml`: through `plainly` when its tree is plain (``PlainMinutesFile``), else
  /// with `Codable`, as ``decode(_:from:file:)`` does; `file` names the source in errors.
  /// - Throws: ``YAMLProblem``, as ``decode(_:from:file:)``.
  package static func decodeMinutesFile<T: Decodable>(
    _ type: T.Type, from yaml: String, file: String, plainly: (PlainMinutesFile) -> T
  ) throws -> T {
    let node = try composed(yaml, file: file)
    if let plain = PlainMinutesFile(node) { return plainly(plain) }
    return try decode(type, from: node, file: file)
  }
}
