import ArgumentParser
import Foundation
import MinutesKit

/// `minutes resume`: continue a session at the question it stopped at.
struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue a saved drafting session; without a name, choose among the most recent.")

  @Argument(help: "The session name.", completion: ShellCompletion.sessionNames) var name: String?
  @Flag(help: "Open the session even though another minutes holds it (when that window is gone).")
  var takeOver = false
  @Flag(help: "Restore a damaged session from its last good snapshot (the damaged file is kept).")
  var recover = false
  @Flag(help: "From a pipe, read on past a refused line (asking its question again) instead of stopping there.") var keepGoing = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let chosen = try self.name
      ?? Choosers.chooseSession(from: workspace.store.summaries(templates: workspace.templates), .environment)
    let name = workspace.existingSessionName(chosen)
    // Until the session is open, its template's language as far as it can be read, else the environment's.
    let before = { workspace.messages(forSession: name).map { Diagnostics(messages: $0) } ?? .environment }
    let lock = try Diagnostics.run({ try SessionLock(name: name, in: workspace.store, takeOver: takeOver) }, reporting: before)
    let draft = try Diagnostics.run({ try workspace.openSession(name, recover: recover) }, reporting: before)
    let diagnostics = Diagnostics(messages: draft.messages)
    diagnostics.warnLoadProblems(of: draft)
    if let replaced = lock.replaced { diagnostics.notice(diagnostics.messages.tookOver(session: name, from: replaced)) }
    let assistant = Assistant(template: draft.template, state: draft.state(interview: Interview(template: draft.template)),
                              savedIndex: draft.session?.annex ?? [])
    try Drafting.run(assistant, store: workspace.store, name: name, lock: lock, isResumed: true, keepGoing: keepGoing)
  }
}
