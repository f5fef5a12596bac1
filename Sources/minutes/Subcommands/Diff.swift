import ArgumentParser
import Foundation
import MinutesKit
import MinutesStorage

/// `minutes diff NAME [REV]`: what changed in a session since a git revision, part by part.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in a session since a git revision (default: the last commit), part by part with addresses.")

  @Argument(help: "The session's name.") var name: String
  @Argument(help: "A git revision: a commit, a branch or HEAD~2 (default: HEAD, the last commit).") var revision = "HEAD"
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let name = workspace.existingSessionName(name)
    let diagnostics = workspace.messages(forSession: name).map { Diagnostics(messages: $0) } ?? .environment
    let (draft, changes) = try diagnostics.run { try workspace.changes(in: name, since: revision) }
    let m = draft.messages
    guard !changes.isEmpty else {
      StandardStreams.output.write(m.noChanges(name, since: revision) + "\n")
      return
    }
    var text = ""
    for change in changes {
      let place = draft.template.display(change.address)
      let label = draft.template.label(of: change.address, in: draft.minutes)
      let head = label.isEmpty || label == place ? place : "\(place)  \(label)"
      switch change.kind {
      case .added: text += "+ \(head)\(m.colon)\(m.shown(change.new ?? ""))\n"
      case .removed: text += "- \(head)\(m.colon)\(m.shown(change.old ?? ""))\n"
      case .changed: text += "~ \(head)\(m.colon)\(m.shown(change.old ?? "")) → \(m.shown(change.new ?? ""))\n"
      }
    }
    StandardStreams.output.write(text)
  }
}
