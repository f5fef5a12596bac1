import Foundation

/// One invertible step on a draft, as kept in a session's journal and on the undo stack.
///
/// Every step names only the part it touches (a field, or one entry of one list), so its size and the cost of
/// applying it do not grow with the size of the draft. Containers and addresses are written as a clerk types
/// them (`item`, `2`, `2.1`, `present`; `2.subject`, `date`).
public enum Change: Codable, Hashable, Sendable {
  /// A field goes from `old` to `new` (`nil` is empty).
  case field(address: String, old: FieldValue?, new: FieldValue?)
  /// `entry` is inserted at the 1-based `index` of `container`.
  case insert(container: String, index: Int, entry: Entry)
  /// `entry`, at the 1-based `index` of `container`, is removed.
  case remove(container: String, index: Int, entry: Entry)
  /// The entry at `from` of `container` moves to `to`.
  case move(container: String, from: Int, to: Int)

  /// The value of a field, written in the journal as a plain JSON string, number or boolean.
  public enum FieldValue: Codable, Hashable, Sendable {
    /// Text, or a date written `YYYY-MM-DD`.
    case text(String)
    /// A whole number.
    case number(Int)
    /// Yes or no.
    case flag(Bool)

    public init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let flag = try? c.decode(Bool.self) {
        self = .flag(flag)
      } else if let number = try? c.decode(Int.self) {
        self = .number(number)
      } else {
        self = .text(try c.decode(String.self))
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .text(let text): try c.encode(text)
      case .number(let number): try c.encode(number)
      case .flag(let flag): try c.encode(flag)
      }
    }
  }

  /// An entry of a list.
  public enum Entry: Codable, Hashable, Sendable {
    /// An agenda item, with everything under it.
    case item(AgendaItem)
    /// A directive, with its points.
    case directive(Directive)
    /// A point or an arrangement topic.
    case text(String)
    /// An attendance group.
    case group(AttendanceGroup)
    /// An absence.
    case absence(Absence)
  }

  /// The step that undoes this one.
  public var inverse: Change {
    switch self {
    case .field(let address, let old, let new): .field(address: address, old: new, new: old)
    case .insert(let container, let index, let entry): .remove(container: container, index: index, entry: entry)
    case .remove(let container, let index, let entry): .insert(container: container, index: index, entry: entry)
    case .move(let container, let from, let to): .move(container: container, from: to, to: from)
    }
  }
}

/// Why a journal step could not be applied to a draft (the journal does not belong to this snapshot).
public struct ChangeMismatch: Error, Hashable, Sendable {
  /// The step.
  public var change: Change
}

extension Minutes {
  /// Applies `change`.
  /// - Throws: ``ChangeMismatch`` when the draft has no such part.
  public mutating func apply(_ change: Change) throws {
    switch change {
    case .field(let text, let old, let new):
      // The field must hold the value the step was made from: a journal never overwrites a hand edit unseen.
      guard let address = Address(parsing: text), fieldValue(address) == old, setField(address, new) else {
        throw ChangeMismatch(change: change)
      }
    case .insert(let text, let index, let entry):
      guard let container = Address.Container(parsing: text), index >= 1, index <= count(container) + 1,
        insertEntry(entry, in: container, at: index)
      else { throw ChangeMismatch(change: change) }
    case .remove(let text, let index, let entry):
      guard let container = Address.Container(parsing: text), self.entry(in: container, at: index) == entry else {
        throw ChangeMismatch(change: change)
      }
      removeEntry(in: container, at: index)
    case .move(let text, let from, let to):
      guard let container = Address.Container(parsing: text), (1...max(1, count(container))).contains(from),
        (1...max(1, count(container))).contains(to), count(container) > 0
      else { throw ChangeMismatch(change: change) }
      moveEntry(in: container, from: from, to: to)
    }
  }

  /// The value of the field at `address`, if it is a field (not an entry) and set.
  func fieldValue(_ address: Address) -> Change.FieldValue? {
    switch address {
    case .meeting(let field):
      switch field {
      case .date: return meeting.date.map { .text($0.description) }
      case .period: return meeting.period.map { .text($0) }
      case .chairTitle: return meeting.chair.title.map { .text($0) }
      case .chairName: return meeting.chair.name.map { .text($0) }
      case .term: return meeting.term.map { .number($0) }
      case .body: return meeting.body.map { .text($0) }
      case .number: return meeting.number.map { .number($0) }
      case .kind: return meeting.kind.map { .text($0) }
      }
    case .itemField(let i, let field):
      guard let item = item(i) else { return nil }
      switch field {
      case .kind: return .text(item.kind)
      case .subject: return item.subject.map { .text($0) }
      case .status: return item.status.map { .text($0) }
      case .followUp: return item.followUp.map { .text($0) }
      }
    case .directiveField(let i, let j, let field):
      guard let directive = directive(i, j) else { return nil }
      switch field {
      case .verb: return .text(directive.verb)
      case .topic: return directive.topic.map { .text($0) }
      case .lead: return directive.lead.map { .text($0) }
      }
    case .arrangementScope: return arrangements.scope.map { .text($0) }
    case .otherMatters: return otherMatters.map { .flag($0) }
    default: return nil
    }
  }

  /// Sets the field at `address`; returns false when there is no such field or the value does not fit it.
  mutating func setField(_ address: Address, _ value: Change.FieldValue?) -> Bool {
    var text: String?
    var number: Int?
    var flag: Bool?
    switch value {
    case .text(let t): text = t
    case .number(let n): number = n
    case .flag(let f): flag = f
    case nil: break
    }
    switch address {
    case .meeting(let field):
      switch field {
      case .date:
        guard value == nil || text.flatMap(MeetingDate.init(parsing:)) != nil else { return false }
        meeting.date = text.flatMap(MeetingDate.init(parsing:))
      case .period: meeting.period = text
      case .chairTitle: meeting.chair.title = text
      case .chairName: meeting.chair.name = text
      case .term: meeting.term = number
      case .body: meeting.body = text
      case .number: meeting.number = number
      case .kind: meeting.kind = text
      }
    case .itemField(let i, let field):
      guard item(i) != nil else { return false }
      switch field {
      case .kind:
        guard let text else { return false }
        items[i - 1].kind = text
      case .subject: items[i - 1].subject = text
      case .status: items[i - 1].status = text
      case .followUp: items[i - 1].followUp = text
      }
    case .directiveField(let i, let j, let field):
      guard directive(i, j) != nil else { return false }
      switch field {
      case .verb:
        guard let text else { return false }
        items[i - 1].directives[j - 1].verb = text
      case .topic: items[i - 1].directives[j - 1].topic = text
      case .lead: items[i - 1].directives[j - 1].lead = text
      }
    case .arrangementScope: arrangements.scope = text
    case .otherMatters: otherMatters = flag
    default: return false
    }
    return true
  }

  /// The entry at `index` of `container`, if there is one.
  func entry(in container: Address.Container, at index: Int) -> Change.Entry? {
    switch container {
    case .items: items.element(index).map(Change.Entry.item)
    case .directives(let i): item(i)?.directives.element(index).map(Change.Entry.directive)
    case .points(let i, let j): directive(i, j)?.points.element(index).map(Change.Entry.text)
    case .arrangementTopics: arrangements.topics.element(index).map(Change.Entry.text)
    case .attendance(.present): attendance.present.element(index).map(Change.Entry.group)
    case .attendance(.inAttendance): attendance.inAttendance.element(index).map(Change.Entry.group)
    case .attendance(.absent): attendance.absent.element(index).map(Change.Entry.absence)
    }
  }

  /// Inserts `entry` at `index` of `container`; false when the entry is of the wrong kind for the list.
  mutating func insertEntry(_ entry: Change.Entry, in container: Address.Container, at index: Int) -> Bool {
    switch (container, entry) {
    case (.items, .item(let item)): items.insert(item, at: index - 1)
    case (.directives(let i), .directive(let directive)) where item(i) != nil:
      items[i - 1].directives.insert(directive, at: index - 1)
    case (.points(let i, let j), .text(let point)) where directive(i, j) != nil:
      items[i - 1].directives[j - 1].points.insert(point, at: index - 1)
    case (.arrangementTopics, .text(let topic)): arrangements.topics.insert(topic, at: index - 1)
    case (.attendance(.present), .group(let group)): attendance.present.insert(group, at: index - 1)
    case (.attendance(.inAttendance), .group(let group)): attendance.inAttendance.insert(group, at: index - 1)
    case (.attendance(.absent), .absence(let absence)): attendance.absent.insert(absence, at: index - 1)
    default: return false
    }
    return true
  }
}
