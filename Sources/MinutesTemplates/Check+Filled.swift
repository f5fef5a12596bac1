import MinutesModel

extension Check {
  /// For a `filled` check, the keys it asks of one entry `held` of its list (a record of `parts`) when the entry
  /// lacks all of them, in the check's order; `nil` when the entry passes, is let off (`when`, `unless`), asks
  /// for none of them (a part whose own `when` or `unless` does not hold is not asked), or the check is of
  /// another kind. A text is filled in when it is not empty, a list or a group when it holds something.
  /// What `check` reports and what a draft's export marks (`會議指出，〔引言〕。`) are decided here alike.
  /// - Complexity: O(k + p) in the number of keys and of `parts`.
  public func unfilledKeys(in held: Record, parts: [Part]) -> [String]? {
    guard case .filled(_, let keys, let when, let unless) = kind else { return nil }
    // Most entries have one of the parts: found without copying the entry's record (15,000 directives in a draft
    // of 5,000 items). A part applies in the entry as it does in its applicable record.
    for key in keys {
      guard let value = held[key], Self.holdsSomething(value) else { continue }
      if let part = parts.first(where: { $0.key == key }), !Template.applies(part, among: parts, in: held) { continue }
      return nil
    }
    let record = Template.applicable(held, parts: parts)
    // A part the entry does not ask for (`when`, `unless`) is not missing: the votes opposed of a vote not
    // counted, the points of a directive that approves in principle.
    let asked = keys.filter { key in
      parts.first(where: { $0.key == key }).map { Template.applies($0, among: parts, in: record) } ?? true
    }
    guard !asked.isEmpty else { return nil }
    let holds = { (other: String, values: [String]) in
      guard let text = record[other]?.scalarText, !text.isEmpty else { return false }
      return values.contains("*") || values.contains(text)
    }
    if unless.contains(where: holds) || !when.allSatisfy(holds) { return nil }
    if asked.contains(where: { record[$0].map(Self.holdsSomething) ?? false }) { return nil }
    return asked
  }

  /// The first field among `asked` (what ``unfilledKeys(in:parts:)`` gave for an entry of `parts`): where `check`
  /// sends the clerk (`:edit 1.1.lead`) and a draft's export prints the mark. `nil` when every key asked is a list.
  public static func firstField(among asked: [String], parts: [Part]) -> String? {
    asked.first { key in
      guard let part = parts.first(where: { $0.key == key }) else { return false }
      if case .field = part.shape { return true }
      return false
    }
  }

  /// Whether `value` holds anything: a text not empty, a number or yes/no, a list or record holding something.
  static func holdsSomething(_ value: Value) -> Bool {
    switch value {
    case .text(let text): !text.isEmpty
    case .number, .flag: true
    case .list(let entries): entries.contains(where: holdsSomething)
    case .record(let record): record.fields.values.contains(where: holdsSomething)
    }
  }
}
