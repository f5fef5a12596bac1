import MinutesModel
import MinutesTemplates
import MinutesValidation

/// What the prompt needs to know of a draft after every answer (the open errors, the next question, the parts
/// missing, the progress), kept up to date from each ``Change`` instead of walked again over the whole draft.
///
/// The draft is cut as ``Template/walkTop(_:_:)`` cuts it: its top (fields, groups, the end slots of the top-level
/// lists), walked again after every change (a few dozen parts, whatever the size of the draft), and the entries
/// of the top-level lists (agenda items, motions, attendance lines), each summed up once in a ``Chunk``: its
/// slots, which of them are missing or answered, and the errors its values have. A change names the list entry it
/// touches (or the list it inserts into, removes from or moves in), so only that entry's chunk is made again; the
/// chunks of the others are moved with them. A chunk keeps its slots relative to its entry, so that it stays true
/// when entries before it come and go.
///
/// Its answers equal those of ``Interview`` and ``Validator/openErrorCount(in:cursor:)`` for the same draft
/// (`DraftIndexTests` checks it over random drafts and edits).
struct DraftIndex: Sendable {
  /// One entry of a top-level list, summed up.
  struct Chunk: Sendable {
    /// A slot of the entry: its steps after the entry's address, what it requires, whether it is missing or has
    /// a value.
    struct Slot: Sendable {
      var steps: ArraySlice<Address.Step>
      var requires: Int?
      var isMissing: Bool
      var isAnswered: Bool
    }

    /// The entry's slots, in interview order.
    var slots: [Slot] = []
    /// The errors of the value rules in the entry (``Validator/valueErrorCount(_:part:at:)``).
    var valueErrors = 0
    /// Whether the list was asked when the chunk was made (its slots exist only then).
    var asked: Bool
    /// How many of ``slots`` are missing, and required.
    var missingCount = 0
    var requiredCount = 0
    /// The first slot not answered, if any.
    var firstUnanswered: Int?
  }

  /// A step of the top of the draft, in interview order.
  enum Segment: Sendable {
    /// A slot above the entries of the top-level lists.
    case slot(Address, requires: Int?, isMissing: Bool, isAnswered: Bool)
    /// The entries of the top-level list at this address, in ``DraftIndex/chunks``.
    case entries(Address)
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

  /// The index of `minutes`.
  /// - Complexity: O(n) in the size of the draft (once, when a session opens).
  init(template: Template, minutes: Minutes) {
    self.template = template
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
    let validator = Validator(template: template)
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
        segments.append(.entries(list))
        var kept = chunks[list] ?? []
        if kept.count != entries.count { kept = [] }
        let redo = stale[list] ?? []
        lists[list] = entries.enumerated().map { offset, entry in
          if kept.indices.contains(offset), !redo.contains(offset), kept[offset].asked == asked { return kept[offset] }
          return Self.chunk(entry, of: part, at: list.appending(.index(offset + 1)), asked: asked,
                            template: template, validator: validator)
        }
      }
    }
    self.segments = segments
    self.topValueErrors = topValueErrors
    self.chunks = lists
  }

  /// The chunk of the entry `entry` at `address` of a list `part`.
  private static func chunk(_ entry: Value, of part: Part, at address: Address, asked: Bool, template: Template,
                            validator: Validator) -> Chunk {
    var chunk = Chunk(asked: asked)
    let depth = address.steps.count
    template.walkEntry(entry, of: part, at: address, asked: asked, slot: { slot, requires, isMissing, isAnswered in
      let steps = slot.steps[depth...]
      if isMissing { chunk.missingCount += 1 }
      if requires != nil { chunk.requiredCount += 1 }
      if !isAnswered, chunk.firstUnanswered == nil { chunk.firstUnanswered = chunk.slots.count }
      chunk.slots.append(Chunk.Slot(steps: steps, requires: requires, isMissing: isMissing, isAnswered: isAnswered))
    }, value: { value, part, address in
      chunk.valueErrors += validator.valueErrorCount(value, part: part, at: address)
    })
    return chunk
  }

  // MARK: - Finding slots

  /// Where the slot `address` is; `nil` when it is no slot of the draft.
  /// - Complexity: O(t + s): the top of the draft and the slots of one entry.
  func position(of address: Address) -> Position? {
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .slot(let slot, _, _, _):
        if slot == address { return Position(segment: offset) }
      case .entries(let list):
        guard address.steps.count > list.steps.count, list.contains(address),
          case .index(let n) = address.steps[list.steps.count], let chunks = chunks[list], chunks.indices.contains(n - 1)
        else { continue }
        let steps = address.steps[(list.steps.count + 1)...]
        guard let slot = chunks[n - 1].slots.firstIndex(where: { $0.steps.elementsEqual(steps) }) else { return nil }
        return Position(segment: offset, entry: n - 1, slot: slot)
      }
    }
    return nil
  }

  /// The address of the slot at `position`.
  private func address(at position: Position) -> Address {
    switch segments[position.segment] {
    case .slot(let address, _, _, _): return address
    case .entries(let list):
      let slot = chunks[list]![position.entry].slots[position.slot]
      return Address(steps: list.steps + [.index(position.entry + 1)] + slot.steps)
    }
  }

  /// Whether `address` is a slot of the draft (``Interview/slots(in:)`` holds it).
  func isSlot(_ address: Address) -> Bool { position(of: address) != nil }

  /// The first slot after `position` (from the start when `nil`) that `matches`; `chunkMay` says whether a chunk
  /// may hold one, so that the others are passed over without looking at their slots.
  private func first(after position: Position?, chunkMay: (Chunk) -> Bool,
                     matches: (_ isMissing: Bool, _ isAnswered: Bool) -> Bool) -> Address? {
    let start = position ?? Position(segment: 0, entry: 0, slot: -1)
    for offset in start.segment..<segments.count {
      switch segments[offset] {
      case .slot(let address, _, let isMissing, let isAnswered):
        if offset > start.segment || position == nil, matches(isMissing, isAnswered) { return address }
      case .entries(let list):
        let chunks = chunks[list] ?? []
        let firstEntry = offset == start.segment ? start.entry : 0
        for entry in firstEntry..<max(firstEntry, chunks.count) where chunkMay(chunks[entry]) {
          let firstSlot = offset == start.segment && entry == start.entry ? start.slot + 1 : 0
          for (n, slot) in chunks[entry].slots.enumerated().dropFirst(max(0, firstSlot))
          where matches(slot.isMissing, slot.isAnswered) {
            return address(at: Position(segment: offset, entry: entry, slot: n))
          }
        }
      }
    }
    return nil
  }

  // MARK: - Answers

  /// The first unanswered slot after `address` (``Interview/next(after:in:)``); from the start when `address` is
  /// no slot.
  func next(after address: Address) -> Address? {
    first(after: position(of: address), chunkMay: { $0.firstUnanswered != nil }, matches: { !$1 })
  }

  /// The first required part missing (``Interview/missing(in:)``'s first).
  var firstMissing: Address? { first(after: nil, chunkMay: { $0.missingCount > 0 }, matches: { missing, _ in missing }) }

  /// Every required part missing, in interview order (``Interview/missing(in:)``).
  var missing: [Address] {
    var found: [Address] = []
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .slot(let address, _, let isMissing, _): if isMissing { found.append(address) }
      case .entries(let list):
        for (entry, chunk) in (chunks[list] ?? []).enumerated() where chunk.missingCount > 0 {
          for (n, slot) in chunk.slots.enumerated() where slot.isMissing {
            found.append(address(at: Position(segment: offset, entry: entry, slot: n)))
          }
        }
      }
    }
    return found
  }

  /// Whether the slot `address` is a required part missing.
  func isMissing(_ address: Address) -> Bool {
    guard let position = position(of: address) else { return false }
    switch segments[position.segment] {
    case .slot(_, _, let isMissing, _): return isMissing
    case .entries(let list): return chunks[list]![position.entry].slots[position.slot].isMissing
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
      case .entries(let list):
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
    let at = cursor.flatMap(position(of:))
    // Required parts missing before the cursor (all of them when the cursor is no slot).
    var missing = 0
    var valueErrors = topValueErrors
    for (offset, segment) in segments.enumerated() {
      switch segment {
      case .slot(_, _, let isMissing, _):
        if isMissing, at.map({ offset < $0.segment }) ?? true { missing += 1 }
      case .entries(let list):
        for (entry, chunk) in (chunks[list] ?? []).enumerated() {
          valueErrors += chunk.valueErrors
          guard chunk.missingCount > 0 else { continue }
          guard let at else {
            missing += chunk.missingCount
            continue
          }
          if offset < at.segment || (offset == at.segment && entry < at.entry) {
            missing += chunk.missingCount
          } else if offset == at.segment, entry == at.entry {
            missing += chunk.slots[..<at.slot].count(where: \.isMissing)
          }
        }
      }
    }
    let ahead: (Address) -> Bool = { address in
      guard let at, let position = position(of: address) else { return false }
      return position >= at
    }
    return missing + valueErrors + Validator(template: template).relationalErrorCount(in: minutes, cursor: cursor, isAhead: ahead)
  }
}
