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
      let isAsked = asked && part.asking.isAsked && Self.applies(part, in: record)
      guard isAsked || value != nil else { continue }
      let here = address.appending(key: part.key)
      switch part.shape {
      case .list(let list):
        let entries = record?[part.key]?.list ?? []
        for (offset, entry) in entries.enumerated() {
          let entryAddress = here.appending(.index(offset + 1))
          value?(entry, part, entryAddress)
          switch list.entries {
          case .records(let records):
            // An entry typed as a line is one slot, its parts values only; otherwise its parts are asked.
            let readsLine = records.line != nil
            if readsLine, isAsked { slot(entryAddress, nil, false) }
            walk(records.parts, entry.record, at: entryAddress, asked: isAsked && !readsLine, slot: slot, value: value)
          case .values:
            if isAsked { slot(entryAddress, nil, false) }
          }
        }
        if isAsked {
          let minimum = part.minimumCount
          slot(here.appending(.end), minimum > 0 ? minimum : nil, entries.count < minimum)
        }
      case .group(let group):
        walk(group.parts, record?[part.key]?.record, at: here, asked: isAsked, slot: slot, value: value)
      case .field:
        let held = record?[part.key]
        let required = part.rules.required
        if isAsked { slot(here, required ? 0 : nil, required && held == nil) }
        if let held { value?(held, part, here) }
      }
    }
  }

  /// Walks the template's shape, without a draft, in interview order: every part with its address, a group's
  /// parts under its key and the parts of a list of records under its first entry (`items.1.kind`), each with
  /// the number of lists of records it is in. `visit` says whether to go under the part it is given (a group, or
  /// a list of records); the parts of a field or of a list of values have nothing under them.
  /// What the outline of questions, the example addresses and the meeting's date look through.
  /// - Complexity: O(n) in the number of parts the walk goes under.
  public func walkShape(_ visit: (_ part: Part, _ address: Address, _ depth: Int) -> Bool) {
    func walk(_ parts: [Part], at address: Address, depth: Int) {
      for part in parts {
        let here = address.appending(key: part.key)
        guard visit(part, here, depth) else { continue }
        switch part.shape {
        case .group(let group): walk(group.parts, at: here, depth: depth)
        case .list(let list):
          if case .records(let records) = list.entries { walk(records.parts, at: here.appending(.index(1)), depth: depth + 1) }
        case .field: break
        }
      }
    }
    walk(parts, at: .root, depth: 0)
  }

  /// Whether a part applies in the record that holds it: its `when` holds and its `unless` does not.
  public static func applies(_ part: Part, in record: Record?) -> Bool {
    holds(part.asking.when, in: record) && (part.asking.unless.map { !holds($0, in: record) } ?? true)
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
