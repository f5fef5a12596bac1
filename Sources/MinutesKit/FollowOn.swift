import Foundation
import MinutesModel
import MinutesStorage
import MinutesTemplates

/// A meeting that follows on from a previous one (`minutes new --from NAME`): the new draft, with what the
/// template's `carry` declares taken over, and what was taken, for the clerk to read.
public struct FollowOn: Sendable, Hashable {
  /// The new meeting's draft: the carried parts and the open action items, nothing else.
  public var minutes: Minutes
  /// The stored addresses of the carried parts that had a value in the previous meeting, in the template's
  /// `carry.parts` order.
  public var parts: [String]
  /// The open action items carried over, in the previous meeting's order.
  public var actions: [CarriedAction]
  /// How many of the previous meeting's action items were closed there (done or dropped) and so not carried.
  public var closed: Int

  /// An open action item carried over.
  public struct CarriedAction: Sendable, Hashable {
    /// Its owner, as recorded (empty when it had none).
    public var owner: String
    /// Its task.
    public var task: String
    /// Its due date, `YYYY-MM-DD`, when it has one.
    public var due: String?
    /// The session it was first recorded in.
    public var from: String
    /// The status it had in the previous meeting when minutes does not know it (neither open nor closing, see
    /// ``Carry/Actions/isOpen(status:closing:)``): carried as open, and said.
    public var unknownStatus: String? = nil
  }

  /// The meeting that follows `previous` (the session, or file, named `meeting`) under `template` (the
  /// previous draft's template). Without a `carry` declaration the new draft is empty but for its house style
  /// (``Template/houseStyle``), which is always taken over.
  ///
  /// Each carried part is copied as it is. Each action item of `carry.actions.list` that is open (no status, or
  /// a status of `carry.actions.open`, or one minutes does not know) is copied with its owner, task and due date, its status cleared (the
  /// clerk gives it anew), and its `from` (and `since`) kept, or, for an item first recorded in `previous`, set
  /// to `meeting` (and the previous meeting's date). Closed items are counted and left behind.
  public init(previous: Minutes, meeting: String, template: Template) {
    var minutes = Minutes(template: template.id)
    var parts: [String] = []
    var actions: [CarriedAction] = []
    var closed = 0
    let carry = template.carry ?? Carry()
    for path in carry.parts {
      guard let address = Address(stored: path), let value = previous.value(at: address), !Self.isEmpty(value) else { continue }
      minutes.setValue(value, at: address)
      parts.append(path)
    }
    // The office's house style is the same from meeting to meeting, whatever `carry` says.
    for choice in template.houseStyle {
      if let value = previous.value(at: choice.address) { minutes.setValue(value, at: choice.address) }
    }
    if let declared = carry.actions, let list = Address(stored: declared.list) {
      let closing = template.closingActionStatuses
      let date = declared.date.flatMap(Address.init(stored:)).flatMap { previous.value(at: $0)?.text }
      var carried: [Value] = []
      for entry in previous.entries(of: list) {
        guard var record = entry.record else { continue }
        let status = record[declared.status]?.text
        guard declared.isOpen(status: status, closing: closing) else {
          closed += 1
          continue
        }
        let unknown = status.flatMap { $0.isEmpty || declared.open.contains($0) ? nil : $0 }
        record[declared.status] = nil
        if record[declared.from]?.text?.isEmpty ?? true {
          record[declared.from] = .text(meeting)
          if let since = declared.since { record[since] = date.map(Value.text) }
        }
        carried.append(.record(record))
        actions.append(CarriedAction(owner: record[declared.owner]?.text ?? "", task: record[declared.task]?.text ?? "",
                                     due: declared.due.flatMap { record[$0]?.text }, from: record[declared.from]?.text ?? meeting,
                                     unknownStatus: unknown))
      }
      if !carried.isEmpty { minutes.setValue(.list(carried), at: list) }
    }
    self.minutes = (try? template.conform(minutes)) ?? minutes
    (self.parts, self.actions, self.closed) = (parts, actions, closed)
  }

  private static func isEmpty(_ value: Value) -> Bool {
    switch value {
    case .text(let text): text.isEmpty
    case .list(let entries): entries.isEmpty
    case .record(let record): record.isEmpty
    case .number, .flag: false
    }
  }
}
