import Foundation
import MinutesModel
import MinutesTemplates

/// A record of the draft being read out of a text: its parts, what has been read for each, and what the text has
/// shown of the ones not yet read (a section skipped says a value is not set, `{{^empty(points)}}` that a list
/// has entries). The reader changes frames only through ``TextReader/set(_:_:_:)``, which keeps a trail so
/// that every change is undone when the reading backtracks.
final class DraftFrame {
  /// The parts of this record, in the template's order.
  let parts: [Part]
  /// For an entry of a list of records, its number (1, 2…), printed by `{{n}}` and `{{zh}}`.
  let entry: Int?
  /// What has been read, by part key.
  var slots = PartMap<Slot>()
  /// What the text has shown of a part before its value was read, by part key.
  var facts = PartMap<[Fact]>()

  init(parts: [Part], entry: Int? = nil) { (self.parts, self.entry) = (parts, entry) }

  /// What has been read for one part.
  enum Slot {
    /// A value.
    case value(Value)
    /// A date read a part at a time (`{{date.year}}`, `{{date.month}}`, `{{date.day}}`).
    case date(year: Int?, month: Int?, day: Int?)
    /// A group's record.
    case group(DraftFrame)
    /// A list of records' entries.
    case records([DraftFrame])
    /// A list of values' entries; `nil` for one whose value is not read yet.
    case values([Value?])
  }

  /// Changes a list's entries in place: the slot lets go of them first, so that they are not copied (reading a
  /// long list entry by entry would otherwise copy it once per entry). `false` when the slot is not such a list.
  @discardableResult
  static func changeEntries(of slot: inout Slot?, records: (inout [DraftFrame]) -> Void = { _ in }, values: (inout [Value?]) -> Void = { _ in }) -> Bool {
    // `if case`, not `switch`: a switch holds its subject to the end, and the entries would be copied anyway.
    if case .records(var entries)? = slot {
      slot = nil
      records(&entries)
      slot = .records(entries)
      return true
    }
    if case .values(var entries)? = slot {
      slot = nil
      values(&entries)
      slot = .values(entries)
      return true
    }
    return false
  }

  /// What a section shows of a part whose value is not read yet.
  enum Fact: Equatable {
    /// Not set (a section over it was skipped): it must stay unset.
    case unset
    /// Set (a section over it printed): it must be read before the record ends.
    case set
    /// A choice that is not this value (`{{^house.label.short}}` printed).
    case not(String)
    /// A choice whose value has a phrase, or has none (`{{#verb.phrase}}`).
    case phrase(Bool)
    /// A list with entries, or with none (`{{^empty(points)}}`).
    case entries(Bool)
    /// A list of motions (amendments) of which one was adopted, or none (`{{#adopted(amendments)}} as amended`).
    case adopted(Bool)
  }

  /// The part stored under `key`, if this record has one.
  /// - Complexity: O(n) in the parts, comparing keys kept apart: a part's key read through its storage, then
  ///   compared, had made the look-up 750 instructions, a tenth of the search for a report's first line (a name
  ///   is looked up in each frame out from the innermost, and missed in most).
  func part(_ key: String) -> Part? { keys.firstIndex(of: key).map { parts[$0] } }

  /// The keys of ``parts``, in order: made at the first look-up, as many frames made while reading are never
  /// looked in.
  private lazy var keys: [String] = parts.map(\.key)

  /// The record read, in the template's order; a group with nothing read is left out, as is a date with no day.
  func record(template: Template) -> Record {
    var record = Record()
    for part in parts {
      guard let slot = slots[part.key] else {
        if let chosen = choiceShown(part) { record[part.key] = .text(chosen) }
        continue
      }
      switch slot {
      // A house choice read as its default is left unset, as a clerk who never changed it has it.
      case .value(let value) where part.rendering.defaultValue != nil && value.text == part.rendering.defaultValue: continue
      case .value(let value): record[part.key] = value
      case .date(let year, let month, let day):
        if let day, let date = PartialDate(year: year, month: month, day: day) { record[part.key] = .text(date.description) }
      case .group(let frame):
        let inner = frame.record(template: template)
        if !inner.isEmpty { record[part.key] = .record(inner) }
      case .records(let frames):
        var entries = frames.map { $0.record(template: template) }
        Self.takeUnprinted(&entries, parts: part.parts)
        if facts[part.key]?.contains(.adopted(true)) == true { markAdopted(&entries, template: template) }
        if !entries.isEmpty { record[part.key] = .list(entries.map { .record($0) }) }
      case .values(let values):
        let read = values.compactMap { $0 }
        if !read.isEmpty { record[part.key] = .list(read) }
      }
    }
    inferConditions(&record)
    return record
  }

  /// A required choice the text prints for the first entries of a list only (the verb of a directive printed as
  /// a heading under `會議要求：`, which the headings that follow share) is, in an entry that lacks it, the value of
  /// the entry before: what the export does not print is what the text implies. (A required field of an entry
  /// is read wherever the export prints it, so one left unread is one the export does not print there.)
  static func takeUnprinted(_ entries: inout [Record], parts: [Part]) {
    for part in parts where part.rules.required && part.asking.when == nil && part.asking.unless == nil {
      guard case .field(.choice) = part.shape else { continue }
      for index in entries.indices.dropFirst() where entries[index][part.key] == nil {
        entries[index][part.key] = entries[index - 1][part.key]
      }
    }
  }

  /// Where the text says one of `entries` was adopted (`Main motion as amended`) and none has a disposition that
  /// says so (each printed its announced result instead), the first with no disposition is taken as adopted,
  /// with the template's first word for it (`roles.motions.adopted`).
  private func markAdopted(_ entries: inout [Record], template: Template) {
    guard let motions = template.roles.motions, let word = motions.adopted.first else { return }
    let adopted = entries.contains { entry in
      entry[motions.disposition]?.text.map { text in motions.adopted.contains { text.hasPrefix($0) } } == true
    }
    guard !adopted, let index = entries.firstIndex(where: { $0[motions.disposition] == nil }) else { return }
    entries[index][motions.disposition] = .text(word)
  }

  /// Sets the choices that the parts read are asked under and that print nothing of their own: a mover read
  /// where the template asks for one only `when: {method: [motion]}`, and `motion`'s phrase is empty, says the
  /// method was a motion. The first value of the condition the text allows is taken; each part read so may
  /// say more (votes against are asked when votes for are), until nothing changes.
  private func inferConditions(_ record: inout Record) {
    var changed = true
    while changed {
      changed = false
      for part in parts where record[part.key] != nil {
        for (key, wanted) in part.asking.when ?? [:] where record[key] == nil && !wanted.contains("*") {
          guard let sibling = self.part(key), case .field(.choice(let values, let open)) = sibling.shape,
            let value = wanted.first(where: { (open || values.contains($0)) && allows(sibling, $0) })
          else { continue }
          record[key] = .text(value)
          changed = true
        }
      }
    }
  }

  /// Whether what the text showed of choice `part` allows `value`: not a value it said the choice is not, nor
  /// one whose phrase is there or not against what printed, nor any where it said the choice is unset.
  func allows(_ part: Part, _ value: String) -> Bool {
    (facts[part.key] ?? []).allSatisfy { fact in
      switch fact {
      case .not(let excluded): excluded != value
      case .phrase(let has): (part.rendering.phrase(of: value)?.isEmpty == false) == has
      case .unset: false
      case .set, .entries, .adopted: true
      }
    }
  }

  /// The value of a choice not read whose default the text showed it is not (`{{^house.label.full}}` printed):
  /// the first of its values the text allows; `nil` where the default stands or nothing was shown.
  func choice(shownFor part: Part) -> String? { choiceShown(part) }

  private func choiceShown(_ part: Part) -> String? {
    guard case .field(.choice(let values, _)) = part.shape, let facts = facts[part.key], !facts.isEmpty else { return nil }
    let allowed = { self.allows(part, $0) }
    if let fallback = part.rendering.defaultValue, allowed(fallback) { return nil }
    guard facts.contains(where: { if case .not = $0 { true } else { false } }) else { return nil }
    return values.first(where: allowed)
  }
}

/// Values by part key for one record being read (``DraftFrame/slots``, ``DraftFrame/facts``): a dictionary's
/// look-ups, by comparing keys in order rather than hashing them. A record has a dozen parts at most, and their keys
/// are short (`date`, `attendance`), kept inline in the string, so a comparison is a few instructions where hashing a
/// key was some 270: the search for a report's first line looked up 150,000 keys, a seventh of its time.
///
/// Entries are in the order first set; a value set to `nil` is removed. Changed in place (`_modify`): a list's
/// entries are appended to without a copy (see ``DraftFrame/changeEntries(of:records:values:)``).
struct PartMap<Value>: Sequence {
  private var keys: [String] = []
  /// The values of ``keys``, never `nil` but while one is changed in place.
  private var stored: [Value?] = []

  /// Whether no key has a value.
  var isEmpty: Bool { keys.isEmpty }

  /// The values, in the order their keys were first set.
  var values: LazyMapSequence<[Value?], Value> { stored.lazy.map { $0! } }

  /// The value of `key`; setting `nil` removes it.
  subscript(key: String) -> Value? {
    get { keys.firstIndex(of: key).flatMap { stored[$0] } }
    set {
      if let index = keys.firstIndex(of: key) {
        if newValue != nil { stored[index] = newValue } else { remove(at: index) }
      } else if newValue != nil {
        keys.append(key)
        stored.append(newValue)
      }
    }
    _modify {
      // The value is taken out while it is changed, so that the caller holds its only reference.
      var value: Value? = nil
      if let index = keys.firstIndex(of: key) {
        swap(&value, &stored[index])
        defer { if value != nil { swap(&value, &stored[index]) } else { remove(at: index) } }
        yield &value
      } else {
        defer {
          if value != nil {
            keys.append(key)
            stored.append(value)
          }
        }
        yield &value
      }
    }
  }

  /// The value of `key`, or `defaultValue` where it has none (set when changed).
  subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[key] ?? defaultValue() }
    _modify {
      if self[key] == nil { self[key] = defaultValue() }
      yield &self[key]!
    }
  }

  private mutating func remove(at index: Int) {
    keys.remove(at: index)
    stored.remove(at: index)
  }

  /// The keys and their values, in the order the keys were first set.
  func makeIterator() -> Zip2Sequence<[String], LazyMapSequence<[Value?], Value>>.Iterator { zip(keys, values).makeIterator() }
}
