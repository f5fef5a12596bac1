import MinutesModel

/// The walk of ``Template/walk(_:slot:value:)`` cut in two, so that a draft can be kept track of piece by piece:
/// the *top* of the draft (its fields and groups, and the lists reached through groups alone, such as `items` or
/// `attendance.present`) and the *entries* of those top-level lists, each walked on its own. An entry's slots and
/// values depend on the entry alone (a part's `when` reads the record that holds it), so what is known of an entry
/// stays true until a change touches it, whatever happens to the rest of the draft.
extension Template {
  /// One step of ``walkTop(_:_:)``, in interview order.
  package enum TopStep {
    /// A slot above the entries of the top-level lists (a field, or the end of a top-level list): its address,
    /// what it requires and whether the draft lacks it (as ``Template/walk(_:slot:value:)`` says).
    case slot(Address, requires: Int?, isMissing: Bool)
    /// A field's value above the entries of the top-level lists, with its part.
    case value(Value, Part, Address)
    /// The entries of the top-level list `list` (its part `part`), asked or not; walk each with
    /// ``walkEntry(_:of:at:asked:slot:value:)``. Comes before the list's end slot.
    case entries(list: Address, part: Part, entries: [Value], asked: Bool)
  }

  /// Walks the top of `minutes` in interview order: the steps of ``Template/walk(_:slot:value:)`` above the
  /// entries of the top-level lists, and each top-level list's entries as one step, not walked.
  /// - Complexity: O(t) in the number of parts above the top-level lists' entries, whatever their number.
  package func walkTop(_ minutes: Minutes, _ body: (TopStep) -> Void) {
    func walk(_ parts: [Part], _ record: Record?, at address: Address, asked: Bool) {
      for part in parts {
        let isAsked = asked && part.asking.isAsked && Self.applies(part, among: parts, in: record)
        let here = address.appending(key: part.key)
        switch part.shape {
        case .list:
          let entries = record?[part.key]?.list ?? []
          body(.entries(list: here, part: part, entries: entries, asked: isAsked))
          if isAsked {
            let minimum = part.minimumCount
            body(.slot(here.appending(.end), requires: minimum > 0 ? minimum : nil, isMissing: entries.count < minimum))
          }
        case .group(let group):
          walk(group.parts, record?[part.key]?.record, at: here, asked: isAsked)
        case .field:
          let held = record?[part.key]
          let required = part.rules.required
          if isAsked { body(.slot(here, requires: required ? 0 : nil, isMissing: required && held == nil)) }
          if let held { body(.value(held, part, here)) }
        }
      }
    }
    walk(parts, minutes.content, at: .root, asked: true)
  }

  /// Walks one entry of a list as ``Template/walk(_:slot:value:)`` does: `value` for the entry itself and for every
  /// value under it, `slot` for its slots when `asked` (the list is asked), with whether the slot holds a value.
  /// - Parameters:
  ///   - entry: the entry.
  ///   - part: the list's part.
  ///   - entryAddress: the entry's address (`items.3`).
  ///   - asked: whether the list is asked (``TopStep/entries(list:part:entries:asked:)``).
  /// - Complexity: O(n) in the number of parts of the entry.
  package func walkEntry(
    _ entry: Value, of part: Part, at entryAddress: Address, asked: Bool,
    slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool, _ isAnswered: Bool) -> Void,
    value: (_ value: Value, _ part: Part, _ address: Address) -> Void
  ) {
    value(entry, part, entryAddress)
    guard case .list(let list) = part.shape else { return }
    switch list.entries {
    case .records(let records):
      let readsLine = records.line != nil
      if readsLine, asked { slot(entryAddress, nil, false, true) }
      withoutActuallyEscaping(value) { value in
        walk(records.parts, entry.record, at: entryAddress, asked: asked && !readsLine, slot: slot, value: value)
      }
    case .values:
      if asked { slot(entryAddress, nil, false, true) }
    }
  }
}
