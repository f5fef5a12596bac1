import MinutesModel

/// The one walk over a draft and its template: which parts are asked, in what order, which are required and
/// which are missing, and every value with its part. The interview (slots, progress, the next question), the
/// validator (missing parts and value rules) and the outline all walk the draft through it.
extension Template {
  /// Walks `minutes` in interview order.
  ///
  /// `slot` is called for every *slot*: every field of the draft, every entry of a list of values (or of a list
  /// that reads whole lines), and after each list its end (``Address/Step/end``), where a new entry is added;
  /// with what the slot requires (`nil`: nothing; for a field, 0: a value; for the end of a list, the fewest
  /// entries) and whether the draft lacks it. Parts that are not asked (`ask: false`, a `when` that does not
  /// hold, the parts of a line) have no slots.
  ///
  /// `value`, when given, is called in the same pass for every value of the draft, asked or not, with its part:
  /// an entry of a list (a record, or a value) or a field's value.
  /// - Complexity: O(n) in the number of parts of the draft.
  public func walk(
    _ minutes: Minutes, slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void,
    value: ((_ value: Value, _ part: Part, _ address: Address) -> Void)?
  ) {
    if let value {
      withoutActuallyEscaping(value) { value in
        walk(parts, minutes.content, at: .root, asked: true, slot: slot, value: value)
      }
    } else {
      walk(parts, minutes.content, at: .root, asked: true, slot: slot, value: nil)
    }
  }

  /// Walks `parts` of `record` in interview order. `asked` is false under a part that is not asked (`ask: false`,
  /// a `when` that does not hold) and inside a list that reads whole lines: its slots are not visited, its
  /// values are (when `value` is given).
  private func walk(_ parts: [Part], _ record: Record?, at address: Address, asked: Bool,
                    slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void,
                    value: ((_ value: Value, _ part: Part, _ address: Address) -> Void)?) {
    for part in parts {
      let isAsked = asked && part.isAsked && Self.applies(part, in: record)
      guard isAsked || value != nil else { continue }
      let here = address.appending(key: part.key)
      if part.isList {
        let entries = record?[part.key]?.list ?? []
        for (offset, entry) in entries.enumerated() {
          let entryAddress = here.appending(.index(offset + 1))
          value?(entry, part, entryAddress)
          if part.isRecord, part.line == nil {
            walk(part.parts, entry.record, at: entryAddress, asked: isAsked, slot: slot, value: value)
          } else {
            if isAsked { slot(entryAddress, nil, false) }
            if part.isRecord { walk(part.parts, entry.record, at: entryAddress, asked: false, slot: slot, value: value) }
          }
        }
        if isAsked {
          let minimum = part.minimumCount
          slot(here.appending(.end), minimum > 0 ? minimum : nil, entries.count < minimum)
        }
      } else if part.isRecord {
        walk(part.parts, record?[part.key]?.record, at: here, asked: isAsked, slot: slot, value: value)
      } else {
        let held = record?[part.key]
        if isAsked { slot(here, part.required ? 0 : nil, part.required && held == nil) }
        if let held { value?(held, part, here) }
      }
    }
  }

  /// Whether a part applies in the record that holds it: its `when` holds and its `unless` does not.
  public static func applies(_ part: Part, in record: Record?) -> Bool {
    holds(part.when, in: record) && (part.unless.map { !holds($0, in: record) } ?? true)
  }

  /// Whether every key of `condition` holds one of its values in `record`.
  public static func holds(_ condition: [String: [String]]?, in record: Record?) -> Bool {
    guard let condition else { return true }
    return condition.allSatisfy { key, values in
      guard let value = record?[key] else { return false }
      return values.contains("*") || value.scalarText.map(values.contains) == true
    }
  }
}
