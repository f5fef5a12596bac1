import Foundation

/// A draft or finished set of minutes: the official record of one meeting.
///
/// The minutes are a tree of values (``Value``) whose shape the template declares: for the government meeting
/// report, a header (`meeting`), agenda items (議題) with directives and points, arrangements, other matters and
/// attendance; for Robert's Rules minutes, the call to order, roll call, motions and their votes, adjournment.
/// On disk they are a YAML mapping: `format`, `template`, then the template's parts in its order.
public struct Minutes: Hashable, Sendable {
  /// The version of the minutes file format this value is written in.
  public static let currentFormat = 1

  /// The file format version (``currentFormat`` when written by this version).
  public var format: Int
  /// The id of the template the minutes follow, e.g. `gov-executive.zh-Hant`.
  public var template: String
  /// The parts, by key, as the template declares them.
  public var content: Record

  /// Creates empty minutes for the template `template`.
  public init(template: String, content: Record = Record()) {
    self.format = Self.currentFormat
    self.template = template
    self.content = content
  }

  /// The keys of the file that are not parts of the minutes.
  package static let reservedKeys: Set<String> = ["format", "template", "resumeAt", "generation"]

  // MARK: - Reading and changing by address

  /// The value at `address`, or `nil` when there is nothing there (end addresses have no value).
  public func value(at address: Address) -> Value? { Value.record(content).value(at: address.steps) }

  /// The entries of the list at `list`; empty when it is not set.
  public func entries(of list: Address) -> [Value] { value(at: list)?.list ?? [] }

  /// Sets or clears (`nil`) the value at `address`, creating the records on the way; a cleared list entry is
  /// not removed (use ``remove(at:in:)``). Returns false when the path goes through a missing list entry or a
  /// value of another shape.
  @discardableResult
  public mutating func setValue(_ value: Value?, at address: Address) -> Bool {
    guard !address.steps.isEmpty else { return false }
    // The tree is moved out of `content` while it is changed, so that every node on the path is uniquely
    // referenced and changed in place: the cost is the depth of the path, not the size of the draft.
    var root = Value.record(content)
    content = Record()
    let done = Self.set(value, at: address.steps[...], in: &root)
    content = root.record ?? Record()
    return done
  }

  private static func set(_ value: Value?, at steps: ArraySlice<Address.Step>, in node: inout Value) -> Bool {
    guard let step = steps.first else { return false }
    let rest = steps.dropFirst()
    // Matched on the step alone: switching over a tuple `(step, node)` would copy `node`, and that copy would keep
    // the record or list shared, so that changing it copied it whole.
    switch step {
    case .key(let key):
      guard case .record(var record) = node else { return false }
      node = .text("")  // release the record so that it is changed in place
      defer { node = .record(record) }
      if rest.isEmpty {
        record[key] = value
        return true
      }
      let existed = record[key] != nil
      var child = record[key] ?? (rest.first == .index(1) || rest.first == .end ? .list([]) : .record(Record()))
      // A placeholder keeps the key's place while the child, now referenced only here, is changed in place. (A
      // second reference, even one kept for undoing a failure, would make the change copy the whole child.)
      record.fields[key] = .text("")
      let done = set(value, at: rest, in: &child)
      let isEmpty = child.record?.isEmpty == true || child.list?.isEmpty == true
      // A failed step changed nothing below, so the child is put back as it was.
      record[key] = done ? (isEmpty ? nil : child) : (existed ? child : nil)
      return done
    case .index(let n):
      guard case .list(var entries) = node, n >= 1, n <= entries.count else { return false }
      node = .text("")
      defer { node = .list(entries) }
      if rest.isEmpty {
        guard let value else { return false }
        entries[n - 1] = value
        return true
      }
      return set(value, at: rest, in: &entries[n - 1])
    default:
      return false
    }
  }

  /// Changes the entries of the list at `list` in place (the list is created when missing, and removed when
  /// left empty). Returns false when the path does not lead to a list.
  @discardableResult
  package mutating func modifyEntries(of list: Address, _ body: (inout [Value]) -> Bool) -> Bool {
    var entries = entries(of: list)
    if value(at: list) != nil { setValue(.list([]), at: list) }  // release the old array
    guard body(&entries) else {
      if !entries.isEmpty { setValue(.list(entries), at: list) }
      return false
    }
    return setValue(entries.isEmpty ? nil : .list(entries), at: list)
  }

  /// Inserts `entry` at the 1-based `index` of the list at `list`; false when the index is out of range.
  @discardableResult
  public mutating func insert(_ entry: Value, at index: Int, in list: Address) -> Bool {
    modifyEntries(of: list) { entries in
      guard index >= 1, index <= entries.count + 1 else { return false }
      entries.insert(entry, at: index - 1)
      return true
    }
  }

  /// Removes the entry at the 1-based `index` of the list at `list`; false when there is none.
  @discardableResult
  public mutating func remove(at index: Int, in list: Address) -> Bool {
    modifyEntries(of: list) { entries in
      guard index >= 1, index <= entries.count else { return false }
      entries.remove(at: index - 1)
      return true
    }
  }

  /// Moves the entry at `from` of the list at `list` to `to` (1-based); false when either is out of range.
  @discardableResult
  public mutating func move(from: Int, to: Int, in list: Address) -> Bool {
    modifyEntries(of: list) { entries in
      guard (1...max(1, entries.count)).contains(from), (1...max(1, entries.count)).contains(to), !entries.isEmpty
      else { return false }
      entries.insert(entries.remove(at: from - 1), at: to - 1)
      return true
    }
  }
}

extension Minutes: Codable {
  private enum CodingKeys: String, CodingKey { case format, template }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decodeIfPresent(Int.self, forKey: .format) ?? Self.currentFormat
    // Formats count from 1: a file that says less was not written by minutes (found by the session fuzzer: a
    // snapshot of `format: -1` opened, but its cache, which holds formats 0… only, was refused at every open).
    guard format >= 1 else {
      throw DecodingError.typeMismatch(UInt.self, .init(codingPath: c.codingPath + [CodingKeys.format], debugDescription: "format \(format)"))
    }
    template = try c.decode(String.self, forKey: .template)
    content = try Record(decoding: decoder.container(keyedBy: AnyKey.self), excluding: Self.reservedKeys)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(template, forKey: .template)
    var parts = encoder.container(keyedBy: AnyKey.self)
    try content.encode(into: &parts)
  }
}

extension Value {
  /// The value at `steps` (keys of records, 1-based entry numbers of lists) under this one, or `nil` when there is
  /// nothing there (an end step has no value).
  public func value(at steps: some Sequence<Address.Step>) -> Value? {
    var current = self
    for step in steps {
      switch (step, current) {
      case (.key(let key), .record(let record)):
        guard let next = record[key] else { return nil }
        current = next
      case (.index(let n), .list(let entries)):
        guard n >= 1, n <= entries.count else { return nil }
        current = entries[n - 1]
      default: return nil
      }
    }
    return current
  }
}

