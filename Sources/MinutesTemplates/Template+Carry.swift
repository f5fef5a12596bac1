import Foundation
import MinutesModel

/// What a meeting that follows on (`minutes new --from NAME`) takes over from the previous one, as a template
/// declares it under its top-level `carry:` key (see `docs/templates.md`, "Meetings that follow on"):
///
/// ```yaml
/// carry:
///   parts: [meeting.body, meeting.kind, meeting.presiding, attendance.present]
///   actions:
///     list: actionItems        # the list of action items
///     owner: owner             # the keys of their parts
///     task: task
///     due: due
///     status: status           # a choice the clerk answers for each item carried over
///     open: [carried]          # the statuses that keep an item open (an item without a status is open)
///     from: from               # filled with the session the item was first recorded in
///     since: since             # filled with that meeting's date
///     date: meeting.date       # where a meeting's date is
/// ```
///
/// Nothing else is carried: a template without `carry` starts every meeting empty.
public struct Carry: Sendable, Hashable {
  /// The stored addresses of the parts copied as they are (a field, a group or a whole list), e.g.
  /// `meeting.body`, `attendance.present`.
  public var parts: [String]
  /// The action items carried while open, where the template has them.
  public var actions: Actions?

  /// Where a template keeps its action items and what their parts mean.
  public struct Actions: Sendable, Hashable {
    /// The stored address of the list of action items, e.g. `actionItems`.
    public var list: String
    /// The key of the owner's name in an item.
    public var owner: String
    /// The key of the task.
    public var task: String
    /// The key of the due date (a `date` part), where items have one.
    public var due: String?
    /// The key of the status the clerk gives an item carried over (a choice: done, carried, dropped…).
    public var status: String
    /// The statuses that keep an item open; an item without a status is open as well.
    public var open: [String]
    /// The key filled with the name of the session the item was first recorded in.
    public var from: String
    /// The key filled with the date of that meeting, where the template prints it.
    public var since: String?
    /// The stored address of a meeting's date, e.g. `meeting.date`.
    public var date: String?

    /// Whether an item whose status is `status` (`nil` when it has none) is still open, when `closing` are the
    /// statuses that close an item (the status part's other choices): no status, a status of ``open``, and a
    /// status that is neither (`"carried "`, a choice a variant removed, a hand edit) keep it open, so that open
    /// work never drops out of the next meeting because of a status minutes does not know.
    public func isOpen(status: String?, closing: Set<String>) -> Bool {
      guard let status, !status.isEmpty else { return true }
      return open.contains(status) || !closing.contains(status)
    }
  }

  /// A declaration carrying `parts` and, when given, `actions`.
  public init(parts: [String] = [], actions: Actions? = nil) { (self.parts, self.actions) = (parts, actions) }
}

extension Carry: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case parts, actions }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    parts = try c.decodeIfPresent([String].self, forKey: .parts) ?? []
    actions = try c.decodeIfPresent(Actions.self, forKey: .actions)
  }
}

extension Carry.Actions: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case list, owner, task, due, status, open, from, since, date }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    list = try c.decode(String.self, forKey: .list)
    owner = try c.decode(String.self, forKey: .owner)
    task = try c.decode(String.self, forKey: .task)
    due = try c.decodeIfPresent(String.self, forKey: .due)
    status = try c.decode(String.self, forKey: .status)
    open = try c.decodeIfPresent([String].self, forKey: .open) ?? []
    from = try c.decode(String.self, forKey: .from)
    since = try c.decodeIfPresent(String.self, forKey: .since)
    date = try c.decodeIfPresent(String.self, forKey: .date)
  }
}

extension Template {
  /// The statuses that close an action item under this template's `carry.actions`: the choices of the status
  /// part that are not among `carry.actions.open` (`done`, `dropped` in `board-meeting.en`); empty without one.
  public var closingActionStatuses: Set<String> {
    guard let declared = carry?.actions, let address = Address(stored: "\(declared.list).1.\(declared.status)"),
      case .choice(let values, _)? = part(at: address)?.kind
    else { return [] }
    return Set(values).subtracting(declared.open)
  }
}
