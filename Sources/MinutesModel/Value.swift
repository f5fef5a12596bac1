import Foundation
import OrderedCollections

/// A value in a draft: the minutes are a tree of records, lists and scalars whose shape the template declares
/// (see ``Part``). Dates and times are text (`YYYY-MM-DD`, `HH:MM`); numbers are whole numbers; flags are yes/no.
///
/// In files, a value is written as YAML or JSON of the same shape: a string, a number, a boolean, a sequence or a
/// mapping. Reading never guesses a type from the text: every scalar is read as text, and the template then
/// gives it its type (``Template/conform(_:)``), so a name such as `10` or `yes` survives a round trip.
///
/// Not `indirect`: a list's and a record's values live in their own storage already, so a value holds its text in
/// place instead of in a box of its own. Boxed, every text read from a session's cache was an allocation, and every
/// look at it one more load (check of 5,000 items −3%, resume −13% in instructions).
public enum Value: Hashable, Sendable {
  /// Text, a date (`YYYY-MM-DD`) or a time (`HH:MM`).
  case text(String)
  /// A whole number.
  case number(Int)
  /// Yes or no.
  case flag(Bool)
  /// The entries of a list part.
  case list([Value])
  /// The parts of a group or of a list entry.
  case record(Record)

  /// The text, when the value is text.
  public var text: String? { if case .text(let t) = self { t } else { nil } }
  /// The number, when the value is a number.
  public var number: Int? { if case .number(let n) = self { n } else { nil } }
  /// The flag, when the value is a flag.
  public var flag: Bool? { if case .flag(let f) = self { f } else { nil } }
  /// The entries, when the value is a list.
  public var list: [Value]? { if case .list(let l) = self { l } else { nil } }
  /// The record, when the value is a record.
  public var record: Record? { if case .record(let r) = self { r } else { nil } }

  /// Whether the value is a scalar (text, number or flag).
  public var isScalar: Bool {
    switch self {
    case .text, .number, .flag: true
    case .list, .record: false
    }
  }

  /// Whether this value and `other` are the same once read as text: scalars by ``scalarText`` (so `10` matches
  /// `'10'` and `true` matches `'true'`), lists entry by entry, records key by key. A snapshot read from YAML
  /// holds every scalar as text until its template types it, and the journal replayed on it holds typed values.
  public func matches(_ other: Value) -> Bool {
    switch (self, other) {
    case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
    case (.record(let a), .record(let b)):
      return a.fields.count == b.fields.count && a.fields.allSatisfy { key, value in b[key].map(value.matches) == true }
    default:
      guard let a = scalarText, let b = other.scalarText else { return false }
      return a == b
    }
  }

  /// The scalar as a clerk reads it (`true`/`false` for flags); `nil` for lists and records.
  public var scalarText: String? {
    switch self {
    case .text(let t): t
    case .number(let n): String(n)
    case .flag(let f): f ? "true" : "false"
    case .list, .record: nil
    }
  }
}

/// The parts of a group or list entry, by key, in the template's order (which is the order they are written in).
///
/// Equality ignores the order, so a record read back from a journal equals the one written.
public struct Record: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// The values by key, in writing order.
  public var fields: OrderedDictionary<String, Value>

  /// An empty record.
  public init() { fields = [:] }

  /// A record with these fields, in this order.
  public init(_ fields: OrderedDictionary<String, Value>) { self.fields = fields }

  public init(dictionaryLiteral elements: (String, Value)...) {
    fields = OrderedDictionary(uniqueKeysWithValues: elements)
  }

  /// The value under `key`, if set.
  public subscript(key: String) -> Value? {
    get { fields[key] }
    set { fields[key] = newValue }
  }

  /// The value under `key`, if set, as ``subscript(_:)`` finds it, looked for first at `position` (an index in
  /// writing order): a walk that asks for a record's parts in the template's order, the order they are written
  /// in, finds each where the last was left. `position` is then past the key found, and unchanged when `key` is not
  /// set; any position (even past the end) gives the same value, only sooner or later.
  ///
  /// Asked for by key alone, a record of a few parts is searched from its first key, and each key before the one
  /// asked for is compared as text, a call into the standard library for every pair of different names (1.2
  /// million in an export of 5,000 agenda items).
  /// - Complexity: O(1) when `key` is at `position`; else as ``subscript(_:)``.
  @inlinable
  public func value(forKey key: String, near position: inout Int) -> Value? {
    let values = fields.values
    if position >= 0, position < values.count, fields.keys[position] == key {
      defer { position += 1 }
      return values[position]
    }
    guard let index = fields.index(forKey: key) else { return nil }
    position = index + 1
    return values[index]
  }

  /// Whether no part is set.
  public var isEmpty: Bool { fields.isEmpty }

  public static func == (a: Record, b: Record) -> Bool {
    a.fields.count == b.fields.count && a.fields.allSatisfy { b.fields[$0.key] == $0.value }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(fields.count)
    for key in fields.keys.sorted() { hasher.combine(key); hasher.combine(fields[key]) }
  }
}

extension Value: Codable {
  public init(from decoder: any Decoder) throws {
    if let c = try? decoder.singleValueContainer() {
      if c.decodeNil() {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an empty value"))
      }
      if let text = try? c.decode(String.self) {
        self = .text(text)
        return
      }
      if let number = try? c.decode(Int.self) {
        self = .number(number)
        return
      }
      if let flag = try? c.decode(Bool.self) {
        self = .flag(flag)
        return
      }
    }
    if var list = try? decoder.unkeyedContainer() {
      var entries: [Value] = []
      while !list.isAtEnd { entries.append(try list.decode(Value.self)) }
      self = .list(entries)
      return
    }
    let c = try decoder.container(keyedBy: AnyKey.self)
    self = .record(try Record(decoding: c))
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .text(let text):
      var c = encoder.singleValueContainer()
      try c.encode(text)
    case .number(let number):
      var c = encoder.singleValueContainer()
      try c.encode(number)
    case .flag(let flag):
      var c = encoder.singleValueContainer()
      try c.encode(flag)
    case .list(let entries):
      var c = encoder.unkeyedContainer()
      for entry in entries { try c.encode(entry) }
    case .record(let record):
      var c = encoder.container(keyedBy: AnyKey.self)
      try record.encode(into: &c)
    }
  }
}

extension Record {
  /// Reads every key of `container` except `excluding`, in the container's order; null values are skipped.
  package init(decoding container: KeyedDecodingContainer<AnyKey>, excluding: Set<String> = []) throws {
    var fields: OrderedDictionary<String, Value> = [:]
    for key in container.allKeys where !excluding.contains(key.stringValue) {
      if try container.decodeNil(forKey: key) { continue }
      fields[key.stringValue] = try container.decode(Value.self, forKey: key)
    }
    self.init(fields)
  }

  /// Writes every field, in order.
  package func encode(into container: inout KeyedEncodingContainer<AnyKey>) throws {
    for (key, value) in fields { try container.encode(value, forKey: AnyKey(key)) }
  }
}

/// A coding key for any string.
package struct AnyKey: CodingKey, Hashable {
  package var stringValue: String
  package var intValue: Int? { nil }
  package init(_ string: String) { stringValue = string }
  package init?(stringValue: String) { self.stringValue = stringValue }
  package init?(intValue: Int) { return nil }
}
