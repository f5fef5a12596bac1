import ArgumentParser
import Foundation
import MinutesKit

/// `minutes actions`: the action items of every session of the workspace, each once however many meetings
/// carried it.
struct Actions: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "List the action items of all sessions: owner, task, due date, status, the meeting that first recorded it and the last that carried it.",
    discussion: """
      An item carried over by `minutes new --from` is one action, however many meetings carried it; its owner, due date and status are the latest meeting's. --json prints an array of objects, every key always present: owner, task, due (YYYY-MM-DD or null), status (open, done, dropped…), open (true or false), overdue (true or false), firstRecorded (a session name), lastCarried (a session name or null), meetings (the session names that have it, in meeting order).
      """)

  @Flag(help: "Only the open action items (not done or dropped).") var open = false
  @Option(help: "Only the action items of this owner (case does not matter; the roster's other spellings count as the same person).") var owner: String?
  @Flag(help: "Only the open action items whose due date is before today.") var overdue = false
  @Flag(help: "Print JSON (see above).") var json = false
  @OptionGroup var options: WorkspaceOptions

  func validate() throws {
    if let owner, owner.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(Diagnostics.environment.messages.actionsOwnerEmpty)
    }
  }

  func run() throws {
    let workspace = options.opened
    let diagnostics = Diagnostics.environment
    let m = diagnostics.messages
    let (all, unreadable) = workspace.actions(today: ActionItems.day())
    for name in unreadable { diagnostics.warning(m.actionsSessionUnreadable(name)) }
    let roster = (try? Roster.load(in: workspace.url)) ?? Roster()
    let filter = ActionItems.Filter(onlyOpen: open, owner: owner?.trimmingCharacters(in: .whitespaces), onlyOverdue: overdue)
    let kept = filter.apply(all, roster: roster)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      StandardStreams.output.write(String(decoding: try encoder.encode(kept), as: UTF8.self) + "\n")
      return
    }
    guard !kept.isEmpty else {
      let owners = Array(NSOrderedSet(array: all.map(\.owner).filter { !$0.isEmpty })) as? [String] ?? []
      StandardStreams.output.write(m.noActions(total: all.count, filter: filter, owners: owners) + "\n")
      return
    }
    StandardStreams.output.write(Self.table(kept, m))
  }

  /// The actions as aligned columns under a heading, in display columns (a Chinese character is two).
  static func table(_ actions: [WorkspaceAction], _ m: Messages) -> String {
    let heading = m.actionsHeading
    let rows = [heading] + actions.map { action in
      // Written out where a hand-edited file holds escape codes or line breaks: a cell cannot act on the terminal
      // or break its row.
      [action.owner, action.task, action.due ?? "–", m.actionStatus(action), action.firstRecorded, action.lastCarried ?? "–"]
        .map(Messages.visible)
    }
    let widths = (0..<heading.count).map { column in rows.map { TextWrapping.columns(of: $0[column]) }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - TextWrapping.columns(of: cell))
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }
}
