import Foundation
import MinutesModel
import MinutesTemplates

/// One action of the workspace (`minutes actions`): an action item as first recorded, followed through the
/// meetings that carried it (`minutes new --from`). An item carried through three meetings is one action.
///
/// Its JSON (`minutes actions --json`), every key always present:
/// `{"owner": "Dana Reyes", "task": "…", "due": "2024-05-01" or null, "status": "open" | "done" | "dropped" | …,
/// "open": true, "overdue": false, "firstRecorded": "april", "lastCarried": "may" or null, "meetings": ["april",
/// "may"]}`.
public struct WorkspaceAction: Sendable, Hashable, Encodable {
  /// The owner, as the latest meeting that has the item records it (empty when none).
  public var owner: String
  /// The task, as recorded.
  public var task: String
  /// The due date, `YYYY-MM-DD`, when it has one.
  public var due: String?
  /// `open` while the item is open (no status, or a status that keeps it open, such as `carried`), else the
  /// status the latest meeting gave it (`done`, `dropped`).
  public var status: String
  /// Whether it is still open.
  public var isOpen: Bool
  /// Whether it is open and its due date is before the day it was listed on.
  public var isOverdue: Bool
  /// The session it was first recorded in.
  public var firstRecorded: String
  /// The last session that carried it over, `nil` when none has.
  public var lastCarried: String?
  /// Every session that has it, in meeting order.
  public var meetings: [String]

  private enum CodingKeys: String, CodingKey {
    case owner, task, due, status, isOpen = "open", isOverdue = "overdue", firstRecorded, lastCarried, meetings
  }

  /// Writes the JSON described above: every key, `null` for a missing due date or last meeting.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(owner, forKey: .owner)
    try c.encode(task, forKey: .task)
    try c.encode(due, forKey: .due)
    try c.encode(status, forKey: .status)
    try c.encode(isOpen, forKey: .isOpen)
    try c.encode(isOverdue, forKey: .isOverdue)
    try c.encode(firstRecorded, forKey: .firstRecorded)
    try c.encode(lastCarried, forKey: .lastCarried)
    try c.encode(meetings, forKey: .meetings)
  }
}

/// The actions of a set of meetings, and the filters of `minutes actions`.
public enum ActionItems {
  /// A meeting as the listing reads it: its session name, draft and template.
  public struct Meeting: Sendable {
    /// The session name.
    public var name: String
    /// The draft.
    public var minutes: Minutes
    /// Its template.
    public var template: Template

    /// The meeting `name` with this draft and template.
    public init(name: String, minutes: Minutes, template: Template) { (self.name, self.minutes, self.template) = (name, minutes, template) }

    /// The meeting's date (`YYYY-MM-DD`) where its template's `carry.actions.date` says, else `nil`.
    var date: String? {
      template.carry?.actions?.date.flatMap(Address.init(stored:)).flatMap { minutes.value(at: $0)?.text }
    }
  }

  /// Today as `YYYY-MM-DD` in `timeZone`, from `now`: the clock `--overdue` compares with, given so that tests
  /// choose the day.
  public static func day(of now: Date = Date(), in timeZone: TimeZone = .current) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: now)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// The actions of `meetings` (those whose templates declare `carry.actions`; others are passed over), on the
  /// day `today` (`YYYY-MM-DD`, for ``WorkspaceAction/isOverdue``), in the order first recorded: meetings by
  /// date (then name), items in their meeting's order.
  ///
  /// An item is the same action in every meeting where it has the same first meeting (its `from`, or the
  /// meeting itself when it has none), owner and task; its owner, due date and status are the latest meeting's.
  public static func collect(_ meetings: [Meeting], today: String) -> [WorkspaceAction] {
    // A meeting without a date yet is the draft being written: after every dated one.
    let ordered = meetings.filter { $0.template.carry?.actions != nil }
      .sorted { (($0.date ?? "").isEmpty ? 1 : 0, $0.date ?? "", $0.name) < (($1.date ?? "").isEmpty ? 1 : 0, $1.date ?? "", $1.name) }
    var actions: [WorkspaceAction] = []
    var index: [String: Int] = [:]
    for meeting in ordered {
      guard let declared = meeting.template.carry?.actions, let list = Address(stored: declared.list) else { continue }
      let closing = meeting.template.closingActionStatuses
      for entry in meeting.minutes.entries(of: list) {
        guard let record = entry.record else { continue }
        let text = { (key: String?) in key.flatMap { record[$0]?.text }.flatMap { $0.isEmpty ? nil : $0 } }
        guard let task = text(declared.task) else { continue }
        let owner = text(declared.owner) ?? ""
        let carriedFrom = text(declared.from)
        let first = carriedFrom ?? meeting.name
        let status = text(declared.status)
        let isOpen = declared.isOpen(status: status, closing: closing)
        let key = [first, owner, task].joined(separator: "\u{0}")
        var action = index[key].map { actions[$0] } ?? WorkspaceAction(
          owner: owner, task: task, due: nil, status: "open", isOpen: true, isOverdue: false, firstRecorded: first,
          lastCarried: nil, meetings: [])
        action.due = text(declared.due)
        action.isOpen = isOpen
        action.status = isOpen ? "open" : status ?? "open"
        action.isOverdue = isOpen && action.due.map { $0 < today } == true
        if carriedFrom != nil { action.lastCarried = meeting.name }
        action.meetings.append(meeting.name)
        if let at = index[key] { actions[at] = action } else {
          index[key] = actions.count
          actions.append(action)
        }
      }
    }
    return actions
  }

  /// What `minutes actions` keeps of a listing.
  public struct Filter: Sendable, Hashable {
    /// Only open actions.
    public var onlyOpen: Bool
    /// Only the actions of this owner (matched without regard to case, or as the roster's other spelling of
    /// the same person).
    public var owner: String?
    /// Only open actions past their due date.
    public var onlyOverdue: Bool

    /// A filter; by default every action is kept.
    public init(onlyOpen: Bool = false, owner: String? = nil, onlyOverdue: Bool = false) {
      (self.onlyOpen, self.owner, self.onlyOverdue) = (onlyOpen, owner, onlyOverdue)
    }

    /// The actions of `actions` this filter keeps; `roster` says which names are one person.
    public func apply(_ actions: [WorkspaceAction], roster: Roster = Roster()) -> [WorkspaceAction] {
      actions.filter { action in
        if onlyOpen, !action.isOpen { return false }
        if onlyOverdue, !action.isOverdue { return false }
        if let owner, !Self.same(owner, action.owner, roster: roster) { return false }
        return true
      }
    }

    static func same(_ a: String, _ b: String, roster: Roster) -> Bool {
      if a.caseInsensitiveCompare(b) == .orderedSame { return true }
      guard let person = roster.person(named: a) ?? roster.people.first(where: { $0.name.caseInsensitiveCompare(a) == .orderedSame }) else { return false }
      return ([person.name] + person.spellings).contains { $0.caseInsensitiveCompare(b) == .orderedSame }
    }
  }
}

extension Workspace {
  /// The actions of every session of the workspace on the day `today` (see ``ActionItems/collect(_:today:)``),
  /// and the names of the sessions that could not be opened (passed over).
  public func actions(today: String) -> (actions: [WorkspaceAction], unreadable: [String]) {
    var meetings: [ActionItems.Meeting] = []
    var unreadable: [String] = []
    for name in store.names() {
      guard let draft = try? openSession(name) else {
        unreadable.append(name)
        continue
      }
      meetings.append(ActionItems.Meeting(name: name, minutes: draft.minutes, template: draft.template))
    }
    return (ActionItems.collect(meetings, today: today), unreadable)
  }
}
