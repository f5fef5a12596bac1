import MinutesModel

/// The one walk over a draft and its template: which parts are asked, in what order, which are required and
/// which are missing, and every value with its part. The interview (slots, progress, the next question), the
/// validator (missing parts and value rules) and the outline all walk the draft through it. What builds a new
/// value of a draft, bottom-up (conform, the exporter's context), folds it instead (``DraftFolder``, below).
extension Template {
  /// Walks `minutes` in interview order.
  ///
  /// `slot` is called for every *slot*: every field of the draft, every entry of a list of values (or of a list
  /// that reads whole lines), and after each list its end (``Address/Step/end``), where a new entry is added;
  /// with what the slot requires (`nil`: nothing; for a field, 0: a value; for the end of a list, the fewest
  /// entries) and whether the draft lacks it. Parts that are not asked (`ask: false`, a `when` that does not
  /// hold, the parts of a line) have no slots.
  ///
  /// `value` is called in the same pass for every value of the draft, asked or not, with its part: an entry of a
  /// list (a record, or a value) or a field's value. (It is not optional, so not escaping: what a caller's
  /// closures capture stays on its stack, without the runtime's exclusivity checks on every value; walk the
  /// slots alone with ``walk(_:slot:)``.)
  /// - Complexity: O(n) in the number of parts of the draft.
  public func walk(
    _ minutes: Minutes, slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void,
    value: (_ value: Value, _ part: Part, _ address: Address) -> Void
  ) {
    withoutActuallyEscaping(value) { value in
      walk(parts, minutes.content, at: .root, asked: true, slot: { address, requires, isMissing, _ in slot(address, requires, isMissing) }, value: value)
    }
  }

  /// ``walk(_:slot:value:)`` without the values: the slots alone, and what is not asked is not visited.
  /// - Complexity: O(n) in the number of parts of the draft that are asked.
  public func walk(_ minutes: Minutes, slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void) {
    walk(parts, minutes.content, at: .root, asked: true, slot: { address, requires, isMissing, _ in slot(address, requires, isMissing) }, value: nil)
  }

  /// Walks `parts` of `record` in interview order. `asked` is false under a part that is not asked (`ask: false`,
  /// a `when` that does not hold) and inside a list that reads whole lines: its slots are not visited, its
  /// values are (when `value` is given). `slot` is told besides whether the slot holds a value (an entry does; the
  /// end of a list does not).
  func walk(_ parts: [Part], _ record: Record?, at address: Address, asked: Bool,
                    slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool, _ isAnswered: Bool) -> Void,
                    value: ((_ value: Value, _ part: Part, _ address: Address) -> Void)?) {
    var path = address
    walk(parts, record, path: &path, asked: asked, slot: slot, value: value)
  }

  /// ``walk(_:_:at:asked:slot:value:)`` with the address of `record` in `path`, which each step extends in place
  /// and gives back as it was: an address is copied only when `slot` or `value` keeps it (a finding does), not
  /// made anew for every part of every record (a seventh of `minutes check` at 5,000 items).
  private func walk(_ parts: [Part], _ record: Record?, path: inout Address, asked: Bool,
                    slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool, _ isAnswered: Bool) -> Void,
                    value: ((_ value: Value, _ part: Part, _ address: Address) -> Void)?) {
    // Where the next part is looked for in `record` (``Record/value(forKey:near:)``).
    var position = 0
    for part in parts {
      let isAsked = asked && part.asking.isAsked && Self.applies(part, among: parts, in: record)
      guard isAsked || value != nil else { continue }
      path.steps.append(.key(part.key))
      defer { path.steps.removeLast() }
      // The shape told by its case, as in ``foldPart(_:part:at:with:)``: not copied out of the part.
      if let kinds = part.listEntries {
        let entries = record?.value(forKey: part.key, near: &position)?.list ?? []
        for (offset, entry) in entries.enumerated() {
          path.steps.append(.index(offset + 1))
          defer { path.steps.removeLast() }
          value?(entry, part, path)
          switch kinds {
          case .records(let records):
            // An entry typed as a line is one slot, its parts values only; otherwise its parts are asked.
            let readsLine = records.line != nil
            if readsLine, isAsked { slot(path, nil, false, true) }
            walk(records.parts, entry.record, path: &path, asked: isAsked && !readsLine, slot: slot, value: value)
          case .values:
            if isAsked { slot(path, nil, false, true) }
          }
        }
        if isAsked {
          let minimum = part.minimumCount
          path.steps.append(.end)
          slot(path, minimum > 0 ? minimum : nil, entries.count < minimum, false)
          path.steps.removeLast()
        }
      } else if part.fieldKind == nil {
        walk(part.parts, record?.value(forKey: part.key, near: &position)?.record, path: &path, asked: isAsked, slot: slot, value: value)
      } else {
        let held = record?.value(forKey: part.key, near: &position)
        let required = part.rules.required
        if isAsked { slot(path, required ? 0 : nil, required && held == nil, held != nil) }
        if let held { value?(held, part, path) }
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

  /// Whether `part`, one of `parts` (the parts of `record`), applies in `record`: each sibling its `when` names
  /// holds one of the values listed, and none its `unless` names does, where a value counts only when its own
  /// part applies. A count kept for a motion since
  /// marked withdrawn does not make `votesAgainst` (`when: {votesFor: ["*"]}`) apply: `votesFor` itself does not
  /// (`unless: {disposition: [Withdrawn]}`). What does not apply is not asked, not required and not exported.
  /// - Complexity: O(c·d) for a part with conditions (c keys, d the depth of conditions on conditions, at most
  ///   ``conditionDepth``); O(1) for one without.
  public static func applies(_ part: Part, among parts: [Part], in record: Record?) -> Bool {
    applies(part, among: parts, in: record, depth: 0)
  }

  /// `record`, a record of `parts`, without the values of the parts that do not apply in it (see
  /// ``applies(_:among:in:)``): what the export prints and the rules that relate parts to each other read (a
  /// count kept for a motion since withdrawn is no vote). `record` itself when every value applies.
  /// - Complexity: O(p) in the number of `parts` with a condition.
  public static func applicable(_ record: Record, parts: [Part]) -> Record {
    var result = record
    for part in parts where (part.asking.when != nil || part.asking.unless != nil) && record[part.key] != nil {
      if !applies(part, among: parts, in: record) { result[part.key] = nil }
    }
    return result
  }

  /// Every value of `minutes` kept for a part that does not apply where it is (see ``applies(_:among:in:)``),
  /// in draft order, with its part, the parts of its record and the record: what the export leaves out, `check`
  /// warns of and `:show` marks. What is under such a value is not visited, nor is what holds no part with a
  /// condition (a template without conditions is not walked at all).
  /// - Complexity: O(n) in the number of records of the draft under parts that hold a condition.
  public func inapplicableValues(in minutes: Minutes) -> [(address: Address, part: Part, siblings: [Part], record: Record)] {
    var found: [(address: Address, part: Part, siblings: [Part], record: Record)] = []
    // `path` is the address of `record`, extended in place and given back as it was (as in the walk above): an
    // address is copied only for a value found.
    func visit(_ parts: [Part], _ record: Record, path: inout Address, _ places: ConditionPlaces) {
      for (part, place) in zip(parts, places.parts) {
        let below = place.below
        guard below != nil || place.isConditional, let held = record[part.key] else { continue }
        path.steps.append(.key(part.key))
        defer { path.steps.removeLast() }
        if !Self.applies(part, among: parts, in: record) {
          found.append((path, part, parts, record))
          continue
        }
        guard let below else { continue }
        switch part.shape {
        case .group:
          if let inner = held.record { visit(part.parts, inner, path: &path, below) }
        case .list(let list):
          guard case .records(let records) = list.entries else { continue }
          for (offset, entry) in (held.list ?? []).enumerated() {
            guard let inner = entry.record else { continue }
            path.steps.append(.index(offset + 1))
            visit(records.parts, inner, path: &path, below)
            path.steps.removeLast()
          }
        case .field:
          break
        }
      }
    }
    let places = ConditionPlaces(parts)
    var path = Address.root
    if !places.isEmpty { visit(parts, minutes.content, path: &path, places) }
    return found
  }

  /// Where in a record of some parts a value may not apply: the parts with a condition (`when` or `unless`), and
  /// the parts that hold such a part below them, with the places within. Kept part by part, in the parts' order:
  /// looked up by key, the two hashes of every part of every record visited were a third of the walk.
  private struct ConditionPlaces {
    /// For each of the parts, in order: whether it has a condition, and the places within it when it holds a part
    /// that has one.
    var parts: [(isConditional: Bool, below: ConditionPlaces?)] = []
    /// Whether no part has a condition or holds one.
    var isEmpty: Bool { parts.allSatisfy { !$0.isConditional && $0.below == nil } }

    /// The places of `parts` and what they hold. O(p) in the parts of the template under them.
    init(_ parts: [Part]) {
      for part in parts {
        let inner: [Part]
        switch part.shape {
        case .group: inner = part.parts
        case .list(let list):
          if case .records(let records) = list.entries { inner = records.parts } else { inner = [] }
        case .field: inner = []
        }
        let places = ConditionPlaces(inner)
        self.parts.append((part.asking.when != nil || part.asking.unless != nil, places.isEmpty ? nil : places))
      }
    }
  }

  /// How deep a condition on a part that has conditions of its own is followed; a template's conditions go one
  /// or two deep, and a cycle (`a` when `b`, `b` when `a`) stops here rather than recursing for ever.
  static let conditionDepth = 8

  private static func applies(_ part: Part, among parts: [Part], in record: Record?, depth: Int) -> Bool {
    let (when, unless) = (part.asking.when, part.asking.unless)
    guard when != nil || unless != nil else { return true }
    // Whether the sibling `key` holds one of `values`, counting a value only where its own part applies.
    func holds(_ key: String, _ values: [String]) -> Bool {
      guard let value = record?[key] else { return false }
      if depth < conditionDepth, let other = parts.first(where: { $0.key == key }),
        !applies(other, among: parts, in: record, depth: depth + 1)
      {
        return false
      }
      return values.containsAnyValue || value.scalarText.map(values.containsText) == true
    }
    // `when` asks for each sibling it names; `unless` rules the part out when any does, as a check's `unless`
    // lets an entry off (a roll call is not asked of a motion withdrawn, nor of one decided by voice vote).
    return (when.map { $0.allSatisfy(holds) } ?? true) && !(unless.map { $0.contains(where: holds) } ?? false)
  }

  /// Why `part`, one of `parts`, does not apply in `record` (see ``applies(_:among:in:)``): the first condition
  /// that fails, as the key it names, the values it lists (`["*"]`: any) and whether it is an `unless`; `nil`
  /// when the part applies.
  public static func reasonNotApplying(_ part: Part, among parts: [Part], in record: Record?) -> (key: String, values: [String], isUnless: Bool)? {
    guard !applies(part, among: parts, in: record) else { return nil }
    let one = { (condition: [String: [String]], isUnless: Bool) -> (key: String, values: [String], isUnless: Bool)? in
      for key in condition.keys.sorted() {
        let single = [key: condition[key]!]
        var probe = part
        probe.asking.when = isUnless ? nil : single
        probe.asking.unless = isUnless ? single : nil
        if !applies(probe, among: parts, in: record) { return (key, condition[key]!, isUnless) }
      }
      return nil
    }
    return part.asking.when.flatMap { one($0, false) } ?? part.asking.unless.flatMap { one($0, true) }
  }

  /// Whether every key of `condition` holds one of its values in `record`.
  public static func holds(_ condition: [String: [String]]?, in record: Record?) -> Bool {
    guard let condition else { return true }
    return condition.allSatisfy { key, values in
      guard let value = record?[key] else { return false }
      return values.containsAnyValue || value.scalarText.map(values.containsText) == true
    }
  }
}

// MARK: - The fold

/// What a fold over a draft and its template makes of each shape: one result per value, built bottom-up.
///
/// ``Template/fold(_:with:)`` walks the draft with its template once, in the template's order, and hands each
/// value to the method of its shape with the results already made of what it holds:
/// - ``value(_:of:part:at:entry:)``: a field's value, or an entry of a list of values, with the ``Part/Kind`` its
///   part declares;
/// - ``record(_:parts:results:at:entry:)``: a record of parts (the draft's content, a group's value, or an entry of
///   a list of records), with the result of each of its parts, `nil` for a part the record does not hold;
/// - ``list(_:results:of:at:)``: a list's entries, with the result of each;
/// - ``misshapen(_:part:at:entry:)``: a value that does not have its part's shape (no list where a list belongs,
///   no record where a group or an entry of a list of records belongs); what is under it is not folded.
///
/// ``enter(_:parts:at:)`` is told of each record before its parts are folded. Every method is given the value's
/// ``Address`` (`items.2.directives.1`); it is built as the fold goes, so keeping it costs a copy and reading it
/// costs nothing (a folder that reads none says so, ``readsAddresses``, and is given the fold's first address
/// throughout). The fold stops at the first error a method throws (``Failure``; `Never` for a fold that
/// cannot fail). Keys of a record that are not parts of the template are not folded: ``enter(_:parts:at:)`` sees
/// them.
///
/// Conform (typed, template-ordered values) and the text exporter (the Mustache context) are folds.
public protocol DraftFolder {
  /// What the fold makes of one value.
  associatedtype Result
  /// What a method may throw; `Never` when the fold cannot fail.
  associatedtype Failure: Error = Never

  /// Told of `record` before its parts are folded; `parts` are its parts in the template's order, `address` its
  /// place. Does nothing unless a folder says otherwise (conform refuses keys that are no part here).
  /// - Complexity: called once per record of the draft.
  mutating func enter(_ record: Record, parts: [Part], at address: Address) throws(Failure)

  /// The result of `value`, a field's value or an entry of a list of values, which `part` declares of `kind`.
  /// `entry` is the entry's 1-based number in the list `part`, `nil` for a field. `value` may be of any shape:
  /// a draft read from a file may hold a list where text belongs.
  /// - Complexity: called once per field value and per entry of a list of values.
  mutating func value(_ value: Value, of kind: Part.Kind, part: Part, at address: Address, entry: Int?) throws(Failure) -> Result

  /// The result of `record`, a record of `parts`: the draft's content (`address` is the root), a group's value or
  /// an entry of a list of records (`entry` is then its 1-based number). `results[i]` is the result of
  /// `parts[i]`, folded in that order, or `nil` when `record` does not hold it.
  /// - Complexity: called once per record, after the calls for what it holds.
  mutating func record(_ record: Record, parts: [Part], results: [Result?], at address: Address, entry: Int?) throws(Failure) -> Result

  /// The result of the list `part` with `entries`; `results[i]` is the result of `entries[i]`.
  /// - Complexity: called once per list, after the calls for its entries.
  mutating func list(_ entries: [Value], results: [Result], of part: Part, at address: Address) throws(Failure) -> Result

  /// Whether the folder reads the `address` it is given. A folder that does not (an export's context) is given the
  /// address the fold began at throughout, and the fold keeps no address of its own: a key's step added and
  /// taken away at every value, and an entry's address copied for every entry of a list folded as it is read,
  /// had been a twentieth of an export. `true` unless a folder says otherwise.
  static var readsAddresses: Bool { get }

  /// Whether the folder makes a list of records without folding its entries first
  /// (``deferredList(_:of:at:folding:)``); only a folder that cannot fail (whose `Failure` is `Never`) is asked.
  /// `false` unless a folder says otherwise.
  var defersLists: Bool { get }

  /// The result of the list of records `part` with `entries`, made before any of them is folded, for a folder
  /// that ``defersLists``: `fold(i)` folds `entries[i]` (from 0) as the fold itself would, on a copy of the folder
  /// as it is now, whenever the result needs it. `nil` to have the entries folded now and the result made by
  /// ``list(_:results:of:at:)``, as for a folder that does not defer lists.
  /// - Complexity: called once per list of records, when ``defersLists``.
  func deferredList(_ entries: [Value], of part: Part, at address: Address, folding fold: @escaping (Int) -> Result) -> Result?

  /// The result of `value`, which does not have the shape of `part`: not a list where `part` is a list
  /// (`entry` is `nil`), not a record where `part` is a group (`entry` is `nil`) or where an entry of the list of
  /// records `part` belongs (`entry` is its 1-based number).
  /// - Complexity: called once per value out of shape; nothing under it is folded unless the folder folds it
  ///   itself (``Template/fold(_:parts:at:with:)``).
  mutating func misshapen(_ value: Value, part: Part, at address: Address, entry: Int?) throws(Failure) -> Result
}

extension DraftFolder {
  /// Does nothing: most folds have nothing to say before a record's parts.
  @inlinable
  public mutating func enter(_ record: Record, parts: [Part], at address: Address) throws(Failure) {}

  /// `false`: a fold folds every entry of a list before the list.
  @inlinable
  public var defersLists: Bool { false }

  /// `true`: a fold is told where each value is.
  @inlinable
  public static var readsAddresses: Bool { true }

  /// `nil`: the entries are folded now.
  @inlinable
  public func deferredList(_ entries: [Value], of part: Part, at address: Address, folding fold: @escaping (Int) -> Result) -> Result? {
    nil
  }
}

extension Template {
  /// `content`, a draft's content, folded with `folder` (see ``DraftFolder``): the result of its record.
  ///
  /// Specialized for each folder, so the methods are called directly; no value of the draft is copied, and one
  /// address is kept up to date along the way rather than one built per value (none for a folder that reads no
  /// address).
  /// - Throws: the first error one of `folder`'s methods throws.
  /// - Complexity: O(n) in the number of values of `content` that are parts of the template, plus the work of
  ///   `folder`'s methods; one call per value (and per record before its parts).
  @inlinable
  public func fold<Folder: DraftFolder>(_ content: Record, with folder: inout Folder) throws(Folder.Failure) -> Folder.Result {
    try Self.fold(content, parts: parts, at: .root, with: &folder)
  }

  /// `record`, a record of `parts` at `address`, folded with `folder`, as ``fold(_:with:)`` folds a draft's
  /// content: for a folder that meets a record out of place (``DraftFolder/misshapen(_:part:at:entry:)``) and
  /// folds it all the same.
  /// - Complexity: O(n) in the number of values of `record` that are parts, plus the work of `folder`'s methods.
  @inlinable
  public static func fold<Folder: DraftFolder>(
    _ record: Record, parts: [Part], at address: Address, with folder: inout Folder
  ) throws(Folder.Failure) -> Folder.Result {
    var address = address
    return try foldRecord(record, parts: parts, entry: nil, at: &address, with: &folder)
  }

  /// A record of `parts` at `address`: told to the folder, its parts folded in order, then the record. Inlinable,
  /// as ``foldPart(_:part:at:with:)`` is, so that a folder's module specializes the whole fold for it (unspecialized,
  /// the fold's own work, its arrays of results and its calls through witness tables, had been a fifth of building
  /// an export's context).
  @inlinable
  static func foldRecord<Folder: DraftFolder>(
    _ record: Record, parts: [Part], entry: Int?, at address: inout Address, with folder: inout Folder
  ) throws(Folder.Failure) -> Folder.Result {
    try folder.enter(record, parts: parts, at: address)
    var results: [Folder.Result?] = []
    results.reserveCapacity(parts.count)
    var position = 0
    for part in parts {
      guard let value = record.value(forKey: part.key, near: &position) else {
        results.append(nil)
        continue
      }
      guard Folder.readsAddresses else {
        results.append(try foldPart(value, part: part, at: &address, with: &folder))
        continue
      }
      address.steps.append(.key(part.key))
      defer { address.steps.removeLast() }
      results.append(try foldPart(value, part: part, at: &address, with: &folder))
    }
    return try folder.record(record, parts: parts, results: results, at: address, entry: entry)
  }

  /// The value of `part` at `address`, by its part's shape.
  @inlinable
  static func foldPart<Folder: DraftFolder>(
    _ value: Value, part: Part, at address: inout Address, with folder: inout Folder
  ) throws(Folder.Failure) -> Folder.Result {
    // The shape is told by its case, and what the case holds read on its own (``Part/fieldKind``, ``Part/parts``,
    // ``Part/listEntries``): bound in a `switch`, the whole shape was copied out of the part's storage at every
    // value, its arrays retained and released.
    guard let kinds = part.listEntries else {
      if let kind = part.fieldKind { return try folder.value(value, of: kind, part: part, at: address, entry: nil) }
      guard case .record(let record) = value else { return try folder.misshapen(value, part: part, at: address, entry: nil) }
      return try foldRecord(record, parts: part.parts, entry: nil, at: &address, with: &folder)
    }
    guard case .list(let entries) = value else { return try folder.misshapen(value, part: part, at: address, entry: nil) }
    var results: [Folder.Result] = []
    switch kinds {
    case .values(let kind):
      results.reserveCapacity(entries.count)
      for (offset, entry) in entries.enumerated() {
        if Folder.readsAddresses { address.steps.append(.index(offset + 1)) }
        defer { if Folder.readsAddresses { address.steps.removeLast() } }
        results.append(try folder.value(entry, of: kind, part: part, at: address, entry: offset + 1))
      }
    case .records(let records):
      // A fold that cannot fail may make a list of records before folding its entries (`try!` cannot trap).
      if Folder.Failure.self == Never.self, folder.defersLists {
        let (copy, listAddress) = (folder, address)
        let fold = { (offset: Int) -> Folder.Result in
          var (folder, address) = (copy, listAddress)
          if Folder.readsAddresses { address.steps.append(.index(offset + 1)) }
          guard case .record(let record) = entries[offset] else {
            return try! folder.misshapen(entries[offset], part: part, at: address, entry: offset + 1)
          }
          return try! foldRecord(record, parts: records.parts, entry: offset + 1, at: &address, with: &folder)
        }
        if let result = folder.deferredList(entries, of: part, at: address, folding: fold) { return result }
      }
      results.reserveCapacity(entries.count)
      for (offset, entry) in entries.enumerated() {
        if Folder.readsAddresses { address.steps.append(.index(offset + 1)) }
        defer { if Folder.readsAddresses { address.steps.removeLast() } }
        if case .record(let record) = entry {
          results.append(try foldRecord(record, parts: records.parts, entry: offset + 1, at: &address, with: &folder))
        } else {
          results.append(try folder.misshapen(entry, part: part, at: address, entry: offset + 1))
        }
      }
    }
    return try folder.list(entries, results: results, of: part, at: address)
  }
}
