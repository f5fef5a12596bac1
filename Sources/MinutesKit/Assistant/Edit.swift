import Foundation

/// One change to a draft. Edits are values: the assistant applies them, and undo restores what came before.
public enum Edit: Hashable, Sendable {
  /// Sets the field or entry at the address to the text as typed (normalized and parsed per field); `nil` or
  /// blank text clears an optional field.
  case set(Address, String?)
  /// Adds a new entry at the end of a list, from the text (a kind for items, a verb for directives…).
  case append(Address.Container, String)
  /// Removes an entry, or clears a field.
  case delete(Address)
  /// Moves an entry to a new 1-based position in its list.
  case move(Address, to: Int)
}

/// Applies ``Edit`` values to drafts, parsing each answer the way its field needs.
///
/// The clerk's text is normalized here (see ``Normalizer``), after any splitting the field needs. Marks that the template adds itself are removed from the ends
/// of an answer so that they are not printed twice: a final 。；， on sentences, 《》 around a document title,
/// （） around a status, a leading ， on a follow-up clause. Words are never touched: a topic typed as 就業工作
/// keeps its 就.
public struct Editor: Sendable {
  /// The template whose choices and item kinds answers are checked against.
  public let template: Template

  /// Creates an editor for `template`.
  public init(template: Template) { self.template = template }

  /// Applies `edit` to `minutes`; returns the address of the part set or created.
  /// - Throws: ``AssistantError`` when the text does not fit the field or the address is not in the draft.
  @discardableResult
  public func apply(_ edit: Edit, to minutes: inout Minutes) throws -> Address {
    let interview = Interview(template: template)
    switch edit {
    case .set(let address, let raw):
      guard interview.contains(address, in: minutes) else { throw AssistantError.noSuchPart(address.description) }
      let text = raw.flatMap { Normalizer.normalize($0).isEmpty ? nil : $0 }
      try set(address, text.map { Self.isAttendance(address) ? $0 : Normalizer.normalize($0) }, in: &minutes)
      return address
    case .append(let container, let raw):
      guard interview.contains(.end(container), in: minutes) else {
        throw AssistantError.noSuchPart(container.description)
      }
      return try append(Self.isAttendance(.end(container)) ? raw : Normalizer.normalize(raw), to: container, in: &minutes)
    case .delete(let address):
      guard interview.contains(address, in: minutes) else { throw AssistantError.noSuchPart(address.description) }
      try delete(address, in: &minutes)
      return address
    case .move(let address, let position):
      guard interview.contains(address, in: minutes), let (container, index) = address.containerEntry else {
        throw AssistantError.noSuchPart(address.description)
      }
      let count = minutes.count(container)
      guard (1...count).contains(position) else {
        throw AssistantError.invalidPosition(position: String(position), count: count)
      }
      minutes.moveEntry(in: container, from: index, to: position)
      return container.entry(position)
    }
  }

  /// Attendance lines are split into title and names at their spaces before each part is normalized, since
  /// normalizing removes the space between two CJK characters.
  private static func isAttendance(_ address: Address) -> Bool {
    switch address {
    case .attendance, .end(.attendance): true
    default: false
    }
  }

  /// Applies `edit` to `minutes` in place and returns what it changed, as invertible steps, with the address of
  /// the part set or created. Only the part the edit touches is copied, so the cost does not grow with the
  /// draft (when `minutes` is not shared, the arrays are changed in place).
  /// - Throws: ``AssistantError``, as ``apply(_:to:)``; `minutes` is then unchanged.
  public func perform(_ edit: Edit, on minutes: inout Minutes) throws -> (address: Address, changes: [Change]) {
    switch edit {
    case .set(let target, _), .delete(let target):
      if Self.isDelete(edit), let (container, index) = target.containerEntry {
        let old = minutes.entry(in: container, at: index)
        let address = try apply(edit, to: &minutes)
        return (address, old.map { [.remove(container: "\(container)", index: index, entry: $0)] } ?? [])
      }
      let field: Address
      switch target {
      case .item(let i): field = .itemField(i, .subject)
      case .directive(let i, let j): field = .directiveField(i, j, .verb)
      default: field = target
      }
      if let (container, index) = field.containerEntry {
        let old = minutes.entry(in: container, at: index)
        let address = try apply(edit, to: &minutes)
        guard let old, let new = minutes.entry(in: container, at: index), new != old else { return (address, []) }
        return (address, [
          .remove(container: "\(container)", index: index, entry: old),
          .insert(container: "\(container)", index: index, entry: new),
        ])
      }
      let old = minutes.fieldValue(field)
      let address = try apply(edit, to: &minutes)
      let new = minutes.fieldValue(field)
      return (address, old == new ? [] : [.field(address: field.description, old: old, new: new)])
    case .append(let container, _):
      let before = minutes.count(container)
      let address = try apply(edit, to: &minutes)
      let steps = stride(from: before + 1, through: minutes.count(container), by: 1).compactMap { index in
        minutes.entry(in: container, at: index).map { Change.insert(container: "\(container)", index: index, entry: $0) }
      }
      return (address, steps)
    case .move(let entry, let to):
      let address = try apply(edit, to: &minutes)
      guard let (container, from) = entry.containerEntry, from != to else { return (address, []) }
      return (address, [.move(container: "\(container)", from: from, to: to)])
    }
  }

  private static func isDelete(_ edit: Edit) -> Bool {
    if case .delete = edit { return true }
    return false
  }

  // MARK: - Setting fields

  private func set(_ address: Address, _ text: String?, in minutes: inout Minutes) throws {
    let interview = Interview(template: template)
    let label = interview.label(of: address, in: minutes)
    if text == nil, template.field(interview.fieldID(of: address)).required, address.containerEntry == nil,
      !address.isStructural
    {
      // A required field can be changed but not emptied: that is how a required part goes missing unseen.
      throw AssistantError.required(label: label)
    }
    switch address {
    case .meeting(let field):
      try setMeeting(field, text, in: &minutes.meeting)
    case .item(let i):
      try set(.itemField(i, .subject), text, in: &minutes)
    case .itemField(let i, let field):
      switch field {
      case .kind:
        guard let text else { throw AssistantError.notEditable(address: address.description, hint: "要刪除整個議題，請用 :delete \(i)") }
        minutes.items[i - 1].kind = try choice(text, from: template.itemKinds.map(\.name))
      case .subject:
        let isDocument = template.itemKind(named: minutes.items[i - 1].kind)?.document == true
        minutes.items[i - 1].subject = text.map { isDocument ? Self.unwrap($0, "《", "》") : Self.sentence($0) }
      case .status: minutes.items[i - 1].status = text.map { Self.unwrap($0, "（", "）") }
      case .followUp: minutes.items[i - 1].followUp = text.map { Self.sentence(Self.dropPrefix($0, "，")) }
      }
    case .directive(let i, let j):
      try set(.directiveField(i, j, .verb), text, in: &minutes)
    case .directiveField(let i, let j, let field):
      switch field {
      case .verb:
        guard let text else { throw AssistantError.notEditable(address: address.description, hint: "要刪除整條指示，請用 :delete \(i).\(j)") }
        minutes.items[i - 1].directives[j - 1].verb = try choice(text, for: "directive.verb")
      case .topic:
        minutes.items[i - 1].directives[j - 1].topic = text.map(Self.sentence)
      case .lead: minutes.items[i - 1].directives[j - 1].lead = text.map(Self.sentence)
      }
    case .point(let i, let j, let k):
      guard let text else { throw AssistantError.required(label: label) }
      minutes.items[i - 1].directives[j - 1].points[k - 1] = Self.sentence(text)
    case .arrangementScope:
      minutes.arrangements.scope = text
    case .arrangementTopic(let n):
      guard let text else { throw AssistantError.required(label: label) }
      minutes.arrangements.topics[n - 1] = Self.sentence(text)
    case .otherMatters:
      minutes.otherMatters = try text.map(yesNo)
    case .attendance(let list, let n):
      guard let text else { throw AssistantError.required(label: label) }
      try minutes.attendance.replace(list, at: n, with: parseAttendance(text, list: list))
    case .end(let container):
      throw AssistantError.notEditable(address: address.description, hint: "這是列表的末尾；要添加，請用 :add \(container)")
    }
  }

  private func setMeeting(_ field: Address.MeetingField, _ text: String?, in meeting: inout Meeting) throws {
    switch field {
    case .date:
      meeting.date = try text.map { text in
        guard let date = MeetingDate(parsing: text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text)
        else { throw AssistantError.invalidDate(text) }
        return date
      }
    case .period: meeting.period = try text.map { try choice($0, for: "period") }
    case .chairTitle: meeting.chair.title = text
    case .chairName: meeting.chair.name = text
    case .term: meeting.term = try text.map { try Self.number(Self.unwrap($0, "第", "屆")) }
    case .body: meeting.body = text
    case .number: meeting.number = try text.map { try Self.number(Self.unwrap($0, "第", "次")) }
    case .kind: meeting.kind = try text.map { try choice($0, for: "kind") }
    }
  }

  // MARK: - Lists

  private func append(_ text: String, to container: Address.Container, in minutes: inout Minutes) throws -> Address {
    let n = minutes.count(container) + 1
    switch container {
    case .items:
      minutes.items.append(AgendaItem(kind: try choice(text, from: template.itemKinds.map(\.name))))
      return .itemField(n, .kind)
    case .directives(let i):
      minutes.items[i - 1].directives.append(Directive(verb: try choice(text, for: "directive.verb")))
      return .directiveField(i, n, .verb)
    case .points(let i, let j):
      minutes.items[i - 1].directives[j - 1].points.append(Self.sentence(text))
      return .point(i, j, n)
    case .arrangementTopics:
      // Topics may be typed on one line, joined by 、 as they are printed.
      let topics = Self.sentence(text).split(separator: "、").map { String($0) }.filter { !$0.isEmpty }
      minutes.arrangements.topics.append(contentsOf: topics)
      return .arrangementTopic(minutes.arrangements.topics.count)
    case .attendance(let list):
      try minutes.attendance.insert(list, parseAttendance(text, list: list), at: n)
      return .attendance(list, n)
    }
  }

  private func delete(_ address: Address, in minutes: inout Minutes) throws {
    if let (container, index) = address.containerEntry {
      minutes.removeEntry(in: container, at: index)
    } else {
      try set(address, nil, in: &minutes)
    }
  }

  // MARK: - Parsing answers

  private func choice(_ text: String, for fieldID: String) throws -> String {
    let field = template.field(fieldID)
    guard let choices = field.choices, !field.isOpen else { return text }
    return try choice(text, from: choices)
  }

  private func choice(_ text: String, from choices: [String]) throws -> String {
    guard choices.contains(text) else { throw AssistantError.notAChoice(answer: text, choices: choices) }
    return text
  }

  private func yesNo(_ text: String) throws -> Bool {
    if template.yesNo.yes.contains(text) { return true }
    if template.yesNo.no.contains(text) { return false }
    throw AssistantError.notAChoice(answer: text, choices: template.yesNo.yes + template.yesNo.no)
  }

  private func parseAttendance(_ text: String, list: Address.AttendanceList) throws -> AttendanceEntry {
    let parts = text.split(whereSeparator: \.isWhitespace).map { Normalizer.normalize(String($0)) }
    guard parts.count >= 2 else { throw AssistantError.invalidAttendance(text) }
    if list == .absent {
      let reason = parts.count > 2 ? parts[2...].joined(separator: " ") : nil
      return .absence(Absence(title: parts[0], name: parts[1], reason: reason))
    }
    let names = parts[1...].joined(separator: " ")
      .split(whereSeparator: { "、，,".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    return .group(AttendanceGroup(title: parts[0], names: names))
  }

  private static func number(_ text: String) throws -> Int {
    guard let n = ChineseNumeral.parse(text) else { throw AssistantError.invalidNumber(text) }
    return n
  }

  /// Removes the sentence-final marks the template prints itself (。；，).
  static func sentence(_ text: String) -> String {
    var text = text
    while let last = text.last, "。；，;,".contains(last) { text.removeLast() }
    return text
  }

  static func unwrap(_ text: String, _ open: String, _ close: String) -> String {
    guard text.hasPrefix(open), text.hasSuffix(close), text.count > open.count + close.count else { return text }
    return String(text.dropFirst(open.count).dropLast(close.count))
  }

  static func dropPrefix(_ text: String, _ prefix: String) -> String {
    text.hasPrefix(prefix) && text.count > prefix.count ? String(text.dropFirst(prefix.count)) : text
  }

}

/// An attendance list entry: a group (出席, 列席) or an absence (請假).
enum AttendanceEntry {
  case group(AttendanceGroup)
  case absence(Absence)
}

extension Attendance {
  mutating func replace(_ list: Address.AttendanceList, at n: Int, with entry: AttendanceEntry) throws {
    removeEntry(list, at: n)
    try insert(list, entry, at: n)
  }

  mutating func insert(_ list: Address.AttendanceList, _ entry: AttendanceEntry, at n: Int) throws {
    switch (list, entry) {
    case (.present, .group(let group)): present.insert(group, at: n - 1)
    case (.inAttendance, .group(let group)): inAttendance.insert(group, at: n - 1)
    case (.absent, .absence(let absence)): absent.insert(absence, at: n - 1)
    default: preconditionFailure("attendance entry of the wrong kind for \(list)")
    }
  }

  mutating func removeEntry(_ list: Address.AttendanceList, at n: Int) {
    switch list {
    case .present: present.remove(at: n - 1)
    case .inAttendance: inAttendance.remove(at: n - 1)
    case .absent: absent.remove(at: n - 1)
    }
  }
}

extension Minutes {
  mutating func removeEntry(in container: Address.Container, at n: Int) {
    switch container {
    case .items: items.remove(at: n - 1)
    case .directives(let i): items[i - 1].directives.remove(at: n - 1)
    case .points(let i, let j): items[i - 1].directives[j - 1].points.remove(at: n - 1)
    case .arrangementTopics: arrangements.topics.remove(at: n - 1)
    case .attendance(let list): attendance.removeEntry(list, at: n)
    }
  }

  mutating func moveEntry(in container: Address.Container, from: Int, to: Int) {
    func move<T>(_ array: inout [T]) { array.insert(array.remove(at: from - 1), at: to - 1) }
    switch container {
    case .items: move(&items)
    case .directives(let i): move(&items[i - 1].directives)
    case .points(let i, let j): move(&items[i - 1].directives[j - 1].points)
    case .arrangementTopics: move(&arrangements.topics)
    case .attendance(.present): move(&attendance.present)
    case .attendance(.inAttendance): move(&attendance.inAttendance)
    case .attendance(.absent): move(&attendance.absent)
    }
  }
}
