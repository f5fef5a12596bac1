import ArgumentParser
import Foundation
import MinutesKit

/// `minutes new`: start a session, choosing the template when none is given.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Start a drafting session.")

  @Option(help: "The template id (see `minutes templates`); without it, minutes asks.", completion: ShellCompletion.templateIDs)
  var template: String?
  @Option(help: "The session name: letters and digits of any script, '-' or '_', not starting with '-' (default: minutes-<date>-<time>).") var name: String?
  @Flag(help: "From a pipe, read on past a refused line (asking its question again) instead of stopping there.") var keepGoing = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let environment = Diagnostics.environment
    let id = try self.template ?? Choosers.chooseTemplate(from: workspace.templates.entries(), environment)
    let template: Template
    do {
      template = try workspace.templates.template(id: id)
    } catch let error as TemplateError {
      if case .notFound = error {
        throw environment.fail(error.message(environment.messages) + environment.messages.passATemplate)
      }
      environment.error(error)
      throw Diagnostics.failure
    }
    let diagnostics = Diagnostics(messages: template.messages)
    let name = Workspace.sessionName(self.name ?? Workspace.defaultSessionName())
    let file = SessionFile(minutes: Minutes(template: template.id))
    try diagnostics.run { try SessionStore.validate(name: name) }
    let lock = try diagnostics.run { try SessionLock(name: name, in: workspace.store) }
    try diagnostics.run { try workspace.store.create(file, name: name) }
    try Drafting.run(Assistant(template: template, minutes: file.minutes), store: workspace.store, name: name, lock: lock, keepGoing: keepGoing)
  }
}
