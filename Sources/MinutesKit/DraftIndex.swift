import MinutesModel
import MinutesTemplates
import MinutesValidation

/// What the prompt needs to know of a draft after every answer (the open errors, the next question, the parts
/// missing, the progress), kept up to date from each ``Change`` instead of walked again over the whole draft.
///
/// The draft is cut as ``Template/walkTop(_:_:)`` cuts it: its top (fields, groups, the end slots of the top-level
/// lists), walked again after every change (a few dozen parts, whatever the size of the draft), and the entries
/// of the top-level lists (agenda items, motions, attendance lines), each summed up once in a ``Chunk``: how many
/// of its slots are missing or required, its first slot not answered, and the errors its values have. A change
/// names the list entry it touches (or the list it inserts into, removes from or moves in), so only that entry's
/// chunk is made again; the chunks of the others are moved with them.
///
/// A chunk keeps counts alone, not its slots: the few entries a question needs the slots of (the cursor's, the
/// next one with a slot not answered) are walked again then, which costs a few microseconds. So the index of a
/// draft of 5,000 agenda items holds 5,000 small records, and it can be saved beside the snapshot's cache and read
/// back when the session is next resumed (``summary`` and ``init(template:minutes:summary:)``).
///
/// Its answers equal those of ``Interview`` and ``Validator/openErrorCount(in:cursor:)`` for the same draft
/// (`DraftIndexTests` checks it over random drafts and edits). Every question takes the draft the index is up to
/// date with.
struct DraftIndex: Sendable {
  /// One entry of a top-level list, summed up.
  struct Chunk: Sendable, Equatable {
    /// The errors of the value rules in the entry (``Validator/valueErrorCount(_:part:at:)``).
    var valueErrors = 0
    /// Whether the list was asked when the chunk was made (its slots exist only then).
    var asked: Bool
    /// How many of the entry's slots are missing, and required.
    var missingCount = 0
    var requiredCount = 0
    /// The number of the first slot not answered, in interview order, if any.
    var firstUnanswered: Int?
    /// The errors the template's checks decided by this entry alone find in it (``Validator/entryChecks(of:)``:
    /// a directive with neither a lead nor a point), less those in ``pendingChecks``.
    var checkErrors = 0
    /// The numbers of the slots at which those checks' other errors are still questions to come: each counts
    /// only while the interview's cursor is past its slot (a directive's points not asked yet are no error).
    var pendingChecks: [Int] = []
  }

  /// A slot of an entry, walked again when a question needs it: its address, whether it is missing or has a
  /// value.
  struct Slot {
    var address: Address
    var isMissing: Bool
    var isAnswered: Bool
  }

  /// A step of the top of the draft, in interview order.
  enum Segment: Sendable {
    /// A slot above the entries of the top-level lists.
    case slot(Address, requires: Int?, isMissing: Bool, isAnswered: Bool)
    /// The entries of the top-level list at this address (its part), in ``DraftIndex/chunks``.
    case entries(Address, Part)
  }

  /// Where a slot is: the segment, and for an entry its 0-based number and the slot's number in its chunk.
  struct Position: Comparable, Sendable {
    var segment: Int
    var entry = 0
    var slot = 0
    static func < (a: Position, b: Position) -> Bool { (a.segment, a.entry, a.slot) < (b.segment, b.entry, b.slot) }
  }

  /// The template.
  let template: Template
  /// The top of the draft, in interview order.
  private(set) var segments: [Segment] = []
  /// The errors of the value rules above the top-level lists' entries.
  private(set) var topValueErrors = 0
  /// The chunks of each top-level list's entries, in order.
  private(set) var chunks: [Address: [Chunk]] = [:]
  /// The template's checks the chunks count entry by entry (``Validator/entryChecks(of:)`` of each top-level
  /// list), which the count of the whole draft's checks leaves out.
  private(set) var entryCheckIDs: Set<String> = []
  /// The top-level lists whose ``entryCheckIDs`` are known.
  private var checkedLists: Set<Address> = []

  /// Whether the chunks were read from the bytes kept beside the snapshot (``init(template:minutes:saved:)``), or
  /// are to be kept there as they are (``noteKept()``).
  private(set) var isRestored = false

  /// Counts the chunks as kept beside the snapshot, as the bytes ``saved`` gives are about to be.
  mutating func noteKept() { isRestored = true }

  /// The index of `minutes`.
  /// - Complexity: O(n) in the size of the draft (once, when a session opens).
  init(template: Template, minutes: Minutes) {
    self.template = template
    refresh(minutes, stale: [:])
  }

  /// The index of `minutes`, its chunks read from `saved` (``saved``, kept beside the snapshot of that same
  /// draft) when they are an index of this program for `template`, and made again otherwise.
  /// - Complexity: O(t + e): the top of the draft and the number of entries, when `saved` is used.
  init(template: Template, minutes: Minutes, saved: [UInt8]) {
    self.template = template
    if !saved.isEmpty, let chunks = Self.savedChunks(saved, for: template) {
      self.chunks = chunks
      isRestored = true
    }
    refresh(minutes, stale: [:])
  }

  // MARK: - Keeping up

  /// Brings the index up to date after `changes` were applied, in this order, to the draft, which is now `minutes`.
  /// - Complexity: O(t + c) for the top t of the draft and the size c of the entries the changes touch.
  mutating func update(after changes: [Change], in minutes: Minutes) {
    var stale: [Address: Set<Int>] = [:]  // top-level list → 0-based entries to make again
    for change in changes {
      let touched: Address?
      var structural: (list: Address, edit: (inout [Chunk?]) -> Void)?
      switch change {
      case .field(let text, _, _):
        touched = Address(stored: text)
      case .insert(let text, let index, _):
        touched = Address(stored: text)
        if let list = touched { structural = (list, { $0.insert(nil, at: min(max(0, index - 1), $0.count)) }) }
      case .remove(let text, let index, _):
        touched = Address(stored: text)
        if let list = touched { structural = (list, { if $0.indices.contains(index - 1) { $0.remove(at: index - 1) } }) }
      case .move(let text, let from, let to):
        touched = Address(stored: text)
        if let list = touched {
          structural = (list, { chunks in
            guard chunks.indices.contains(from - 1), chunks.indices.contains(to - 1) else { return }
            chunks.insert(chunks.remove(at: from - 1), at: to - 1)
          })
        }
      }
      guard let touched else { continue }
      if let (list, edit) = structural, var current = chunks[list] {
        // Entries inserted into, removed from or moved within a top-level list: the others' chunks move along.
        var optional = current.map(Optional.some)
        for n in stale[list] ?? [] where optional.indices.contains(n) { optional[n] = nil }
        edit(&optional)
        stale[list] = Set(optional.indices.filter { optional[$0] == nil })
        current = optional.map { $0 ?? Chunk(asked: false) }
        chunks[list] = current
        continue
      }
      for list in chunks.keys {
        if list.contains(touched) {
          // Under an entry: that entry changed. At the list itself or above it: the whole list may have.
          if touched.steps.count > list.steps.count, case .index(let n) = touched.steps[list.steps.count] {
            stale[list, default: []].insert(n - 1)
          } else {
            chunks[list] = nil
          }
        } else if touched.contains(list) {
          chunks[list] = nil
        }
      }
    }
    refresh(minutes, stale: stale)
  }

  /// Walks the top of `minutes` again and makes the chunks that are missing, stale, of the wrong number, or made
  /// when their list's asking was otherwise.
  private mutating func refresh(_ minutes: Minutes, stale: [Address: Set<Int>]) {
    let (template, validator) = (template, Validator(template: template))
    var segments: [Segment] = []
    var topValueErrors = 0
    var lists: [Address: [Chunk]] = [:]
    template.walkTop(minutes) { step in
      switch step {
      case .slot(let address, let requires, let isMissing):
        let isAnswered = !address.isEnd && minutes.value(at: address) != nil
        segments.append(.slot(address, requires: requires, isMissing: isMissing, isAnswered: isAnswered))
      case .value(let value, let part, let address):
        topValueErrors += validator.valueErrorCount(value, part: part, at: address)
      case .entries(let list, let part, let entries, let asked):
        segments.append(.entries(list, part))
        // The checks an entry decides alone, worked out once for the list, not once an entry.
        let checks = validator.entryChecks(of: list.description)
        let make = { (offset: Int) in
          Self.chunk(entries[offset], of: part, at: list.appending(.index(offset + 1)), checks: checks, asked: asked,
                     template: template, validator: validator)
        }
        // Taken out of the index, so that the chunks kept are changed in place, not copied: an answer remakes the
        // few chunks it touched, and no more than a glance is given to the others (5,000 agenda items were 5,000
        // set lookups and a new array an answer).
        var kept = chunks.removeValue(forKey: list) ?? []
        if kept.count == entries.count {
          for offset in kept.indices where kept[offset].asked != asked { kept[offset] = make(offset) }
          for offset in stale[list] ?? [] where kept.indices.contains(offset) { kept[offset] = make(offset) }
        } else {
          kept = entries.indices.map(make)
        }
        lists[list] = kept
      }
    }
    self.segments = segments
    self.topValueErrors = topValueErrors
    self.chunks = lists
    // A check's list lies within one top-level list, whose place the template fixes: a list seen once is known.
    for list in lists.keys where !checkedLists.contains(list) {
      checkedLists.insert(list)
      entryCheckIDs.formUnion(validator.entryChecks(of: list.description).map(\.check.id))
    }
  }

  /// The chunk of the entry `entry` at `address` of a list `part`.
  private static func chunk(_ entry: Value, of part: Part, at address: Address, checks: [(check: Check, rest: String)], asked: Bool,
                            template: Template, validator: Validator) -> Chunk {
    var chunk = Chunk(asked: asked)
    var count = 0
    // The entry's checks, each counted now or, where it is a question still to come, at its slot.
    var pending: [Address: Int] = [:]
    for slot in validator.entryCheckErrors(entry, at: address, part: part, checks: checks) {
      if let slot { pending[slot, default: 0] += 1 } else { chunk.checkErrors += 1 }
    }
    template.walkEntry(entry, of: part, at: address, asked: asked, slot: { slot, requires, isMissing, isAnswered in
      if !pending.isEmpty, let n = pending.removeValue(forKey: slot) {
        chunk.pendingChecks += repeatElement(count, count: n)
      }
      if isMissing { chunk.missingCount += 1 }
      if requires != nil { chunk.requiredCount += 1 }
      if !isAnswered, chunk.firstUnanswered == nil { chunk.firstUnanswered = count }
      count += 1
    }, value: { value, part, address in
      chunk.valueErrors += validator.valueErrorCount(value, part: part, at: address)
    })
    // A slot not walked (a list not asked) leaves its errors counted, as the validator counts them.
    chunk.checkErrors += pending.values.reduce(0, +)
    return chunk
  }

  /// The slots of the `entry`th entry (0-based) of the top-level list `list` (its part `part`) in `minutes`, in
  /// interview order: the entry walked again, without its values' rules.
  /// - Complexity: O(n) in the number of parts of the entry.
  private func slots(of list: Address, _ part: Part, entry: Int, in minutes: Minutes) -> [Slot] {
    let entries = minutes.entries(of: list)
    guard entries.indices.contains(entry), let chunk = chunks[list]?[entry] else { return [] }
    var slots: [Slot] = []
    template.walkEntry(entries[entry], of: part, at: list.appending(.index(entry + 1)), asked: chunk.asked,
                       slot: { address, _, isMissing, isAnswered in
      slots.append(Slot(address: address, isMissing: isMissing, isAnswered: isAnswered))
    }, value: { _, _, _ in })
    return slots
  }

  // MARK: - Finding slots

  /// Where the slot `address` is in `minutes`; `nil` when it is no slot of the draft.
  /// - Complexity: O(t + s): the top of the draft and the slots of one entry.
  func position(of address: Address, in minutes: Minutes) -> Position? {
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .slot(let slot, _, _, _):
        if slot == address { return Position(segment: offset) }
      case .entries(let list, let part):
        guard address.steps.count > list.steps.count, list.contains(address),
          case .index(let n) = address.steps[list.steps.count], chunks[list]?.indices.contains(n - 1) == true
        else { continue }
        guard let slot = slots(of: list, part, entry: n - 1, in: minutes).firstIndex(where: { $0.address == address })
        else { return nil }
        return Position(segment: offset, entry: n - 1, slot: slot)
      }
    }
    return nil
  }

  /// Whether `address` is a slot of `minutes` (``Interview/slots(in:)`` holds it).
  func isSlot(_ address: Address, in minutes: Minutes) -> Bool { position(of: address, in: minutes) != nil }

  /// The first slot after `position` (from the start when `nil`) that `matches`; `chunkMay` says whether a chunk
  /// may hold one, so that the others are passed over without walking their entries.
  private func first(after position: Position?, in minutes: Minutes, chunkMay: (Chunk) -> Bool,
                     matches: (_ isMissing: Bool, _ isAnswered: Bool) -> Bool) -> Address? {
    let start = position ?? Position(segment: 0, entry: 0, slot: -1)
    for offset in start.segment..<segments.count {
      switch segments[offset] {
      case .slot(let address, _, let isMissing, let isAnswered):
        if offset > start.segment || position == nil, matches(isMissing, isAnswered) { return address }
      case .entries(let list, let part):
        let chunks = chunks[list] ?? []
        let firstEntry = offset == start.segment ? start.entry : 0
        for entry in firstEntry..<max(firstEntry, chunks.count) where chunkMay(chunks[entry]) {
          let firstSlot = offset == start.segment && entry == start.entry ? start.slot + 1 : 0
          let slots = slots(of: list, part, entry: entry, in: minutes)
          if let slot = slots.dropFirst(max(0, firstSlot)).first(where: { matches($0.isMissing, $0.isAnswered) }) {
            return slot.address
          }
        }
      }
    }
    return nil
  }

  // MARK: - Answers

  /// The first unanswered slot of `minutes` after `address` (``Interview/next(after:in:)``); from the start when
  /// `address` is no slot.
  func next(after address: Address, in minutes: Minutes) -> Address? {
    first(after: position(of: address, in: minutes), in: minutes, chunkMay: { $0.firstUnanswered != nil },
          matches: { !$1 })
  }

  /// The first required part missing from `minutes` (``Interview/missing(in:)``'s first).
  func firstMissing(in minutes: Minutes) -> Address? {
    first(after: nil, in: minutes, chunkMay: { $0.missingCount > 0 }, matches: { missing, _ in missing })
  }

  /// Every required part missing from `minutes`, in interview order (``Interview/missing(in:)``).
  /// - Complexity: O(t + m): the top of the draft and the entries that miss a part, walked again.
  func missing(in minutes: Minutes) -> [Address] {
    var found: [Address] = []
    for segment in segments {
      switch segment {
      case .slot(let address, _, let isMissing, _): if isMissing { found.append(address) }
      case .entries(let list, let part):
        for (entry, chunk) in (chunks[list] ?? []).enumerated() where chunk.missingCount > 0 {
          found += slots(of: list, part, entry: entry, in: minutes).filter(\.isMissing).map(\.address)
        }
      }
    }
    return found
  }

  /// How many required parts missing from `minutes` are at or after `position` and outside `detour` (the part or
  /// list of a detour from a finished interview).
  /// - Complexity: O(t + e + s): the top of the draft, a sum over the entries, and the slots of the entries
  ///   `position` and `detour` are in.
  func missingCount(from position: Position, outside detour: Address, in minutes: Minutes) -> Int {
    var count = 0
    for (offset, segment) in segments.enumerated() where offset >= position.segment {
      switch segment {
      case .slot(let address, _, let isMissing, _):
        if isMissing, !detour.contains(address), offset > position.segment || position.slot == 0 { count += 1 }
      case .entries(let list, let part):
        let firstEntry = offset == position.segment ? position.entry : 0
        for (entry, chunk) in (chunks[list] ?? []).enumerated().dropFirst(firstEntry) where chunk.missingCount > 0 {
          let address = list.appending(.index(entry + 1))
          if detour.contains(address) { continue }
          let firstSlot = offset == position.segment && entry == position.entry ? position.slot : 0
          if firstSlot == 0, !address.contains(detour) {
            count += chunk.missingCount
          } else {
            count += slots(of: list, part, entry: entry, in: minutes).dropFirst(firstSlot)
              .count { $0.isMissing && !detour.contains($0.address) }
          }
        }
      }
    }
    return count
  }

  /// Whether the slot `address` is a required part missing from `minutes`.
  func isMissing(_ address: Address, in minutes: Minutes) -> Bool {
    guard let position = position(of: address, in: minutes) else { return false }
    switch segments[position.segment] {
    case .slot(_, _, let isMissing, _): return isMissing
    case .entries(let list, let part):
      return slots(of: list, part, entry: position.entry, in: minutes)[position.slot].isMissing
    }
  }

  /// How many required parts are filled in, out of how many (``Interview/progress(in:)``).
  var progress: (done: Int, total: Int) {
    var (missing, total) = (0, 0)
    for segment in segments {
      switch segment {
      case .slot(_, let requires, let isMissing, _):
        if requires != nil { total += 1 }
        if isMissing { missing += 1 }
      case .entries(let list, _):
        for chunk in chunks[list] ?? [] {
          total += chunk.requiredCount
          missing += chunk.missingCount
        }
      }
    }
    return (total - missing, total)
  }

  /// ``Validator/openErrorCount(in:cursor:)`` for `minutes`, which the index is up to date with.
  /// - Complexity: O(t + e + r): the top of the draft, a sum over the top-level lists' entries, and the rules
  ///   that relate parts to each other (attendance, motions).
  func openErrorCount(in minutes: Minutes, cursor: Address?) -> Int {
    let at = cursor.flatMap { position(of: $0, in: minutes) }
    // Required parts missing before the cursor (all of them when the cursor is no slot).
    var missing = 0
    var valueErrors = topValueErrors
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .slot(_, _, let isMissing, _):
        if isMissing, at.map({ offset < $0.segment }) ?? true { missing += 1 }
      case .entries(let list, let part):
        for (entry, chunk) in (chunks[list] ?? []).enumerated() {
          valueErrors += chunk.valueErrors + chunk.checkErrors
          for slot in chunk.pendingChecks where at.map({ Position(segment: offset, entry: entry, slot: slot) < $0 }) ?? true {
            valueErrors += 1
          }
          guard chunk.missingCount > 0 else { continue }
          guard let at else {
            missing += chunk.missingCount
            continue
          }
          if offset < at.segment || (offset == at.segment && entry < at.entry) {
            missing += chunk.missingCount
          } else if offset == at.segment, entry == at.entry {
            missing += slots(of: list, part, entry: entry, in: minutes)[..<at.slot].count(where: \.isMissing)
          }
        }
      }
    }
    let ahead: (Address) -> Bool = { address in
      guard let at, let position = position(of: address, in: minutes) else { return false }
      return position >= at
    }
    return missing + valueErrors
      + Validator(template: template).relationalErrorCount(in: minutes, cursor: cursor, skipping: entryCheckIDs, isAhead: ahead)
  }
}
