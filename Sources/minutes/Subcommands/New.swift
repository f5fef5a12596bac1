import ArgumentParser
import Foundation
import MinutesKit

/// `minutes new`: start a session, choosing the template when none is given, or (`--from`) from a previous
/// meeting, taking over what its template's `carry` declares.
struct New: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a drafting session.")

  @Option(help: "The template id (see `minutes templates`); without it, minutes asks.", completion: ShellCompletion.templateIDs)
  var template: String?
  @Option(help: "The session name: letters and digits of any script, '-' or '_', not starting with '-' (default: minutes-<date>-<time>).") var name: String?
  @Option(name: .customLong("from"), help: ArgumentHelp(
    "Start the meeting that follows a previous one: a session of the workspace, the path of a session file, or a published minutes text (.txt, .md; read as `minutes import` reads it). What its template declares under `carry` is taken over (the body, the chair, the usual attendance, every open action item); dates, times, items and decisions are not.",
    valueName: "NAME"), completion: ShellCompletion.sessionNames)
  var from: String?
  @Option(name: .customLong("house"), help: ArgumentHelp(
    "Set a house-style choice of the template for this session, e.g. --house attendance=start (repeat for several; `:house` in the session lists them). The rest keep their defaults, or, with --from, the previous meeting's.",
    valueName: "CHOICE=VALUE"))
  var house: [String] = []
  @Flag(help: "From a pipe, read on past a refused line (asking its question again) instead of stopping there.") var keepGoing = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let environment = Diagnostics.environment
    var followOn: (FollowOn, meeting: String)?
    let template: Template
    if let from {
      let previous = try Self.open(from, in: workspace)
      if let id = self.template, id != previous.template.id {
        throw Diagnostics(messages: previous.messages).fail(previous.messages.followOnTemplateDiffers(id, previous: previous.template.id, meeting: from))
      }
      template = previous.template
      let meeting = previous.name ?? URL(fileURLWithPath: previous.path).deletingPathExtension().lastPathComponent
      followOn = (FollowOn(previous: previous.minutes, meeting: meeting, template: template), meeting)
    } else {
      let id = try self.template ?? Choosers.chooseTemplate(from: workspace.templates.entries(), environment)
      do {
        template = try workspace.templates.template(id: id)
      } catch let error as TemplateError {
        if case .notFound = error {
          throw environment.fail(error.message(environment.messages) + environment.messages.passATemplate)
        }
        environment.error(error)
        throw Diagnostics.failure
      }
    }
    let diagnostics = Diagnostics(messages: template.messages)
    let name = workspace.newSessionName(self.name ?? Workspace.defaultSessionName())
    var minutes = followOn?.0.minutes ?? Minutes(template: template.id)
    var chosen: [Address: String] = [:]
    for setting in house {
      guard let (address, value) = Self.houseSetting(setting, in: template) else {
        throw diagnostics.fail(template.messages.badHouseSetting(setting, template: template))
      }
      // The same choice given twice, two ways: which one the clerk meant is not for us to guess.
      if let earlier = chosen[address], earlier != value {
        let name = setting.split(separator: "=", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces)
        throw diagnostics.fail(template.messages.houseSettingTwice(name, earlier, value))
      }
      chosen[address] = value
      minutes.setValue(.text(value), at: address)
    }
    // In the template's order, as every later write has it (the house style is its last part).
    if !house.isEmpty, let ordered = try? template.conform(minutes) { minutes = ordered }
    let file = SessionFile(minutes: minutes)
    try diagnostics.run { try SessionStore.validate(name: name) }
    let lock = try diagnostics.run { try SessionLock(name: name, in: workspace.store) }
    // The files just written hold this draft whole, and its index beside it: closing the session before any
    // answer writes nothing again.
    var state = DraftState(minutes: file.minutes, cursor: Interview(template: template).firstQuestion(in: file.minutes))
    state.isSnapshotCurrent = true
    var assistant = Assistant(template: template, state: state)
    let index = assistant.savedIndexToKeep()
    do {
      try workspace.store.create(file, name: name, annex: index)
    } catch SessionError.exists(let name) {
      // The hint names the workspace when it is not the current folder, as the one said at the end of a session.
      let resume = DraftingSession.resumeCommand(name: name, workspacePath: workspace.store.workspacePath)
      throw diagnostics.fail(template.messages.sessionExists(name, resume: resume))
    } catch {
      try diagnostics.run { throw error }
    }
    if let (carried, meeting) = followOn {
      StandardStreams.output.write(template.messages.carriedOver(carried, from: meeting, template: template))
    }
    if !template.houseStyle.isEmpty {
      StandardStreams.output.write(template.messages.houseStyleNotice(template.houseStyle, in: minutes) + "\n")
    }
    try Drafting.run(assistant, store: workspace.store, name: name, lock: lock, keepGoing: keepGoing)
  }

  /// The address and value of `--house CHOICE=VALUE`, the value spelled as the template spells it; `nil` for a
  /// setting that names no house-style choice of the template, or none of its values.
  static func houseSetting(_ setting: String, in template: Template) -> (Address, String)? {
    let pieces = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard pieces.count == 2, let choice = template.houseChoice(named: pieces[0]),
      let value = choice.part.choiceValues.first(where: { $0.lowercased() == pieces[1].lowercased() })
    else { return nil }
    return (choice.address, value)
  }

  /// The previous meeting `target` (a session or a file), reported as `minutes check` reports what cannot be
  /// opened.
  private static func open(_ target: String, in workspace: Workspace) throws -> Workspace.Draft {
    // A published text (`last-month.txt`) is read as `minutes import` reads it, into no session.
    if Workspace.isPublishedText(target) {
      let environment = Diagnostics.environment
      let published: Workspace.Draft?
      do {
        published = try workspace.openPublished(target)
      } catch {
        throw environment.fail(environment.messages.importUnreadable(target, reason: SystemReason(error).message(environment.messages)))
      }
      guard let published else {
        throw environment.fail(environment.messages.noTemplateReads(target, tried: workspace.templates.availableIDs(), setAside: Importer.bestSetsAside))
      }
      return published
    }
    let messages = Workspace.isFilePath(target) ? workspace.messages(forFile: target) : workspace.messages(forSession: workspace.existingSessionName(target))
    let diagnostics = Diagnostics(messages: messages ?? Diagnostics.environment.messages)
    let draft = try diagnostics.run { try workspace.open(target) }
    diagnostics.warnLoadProblems(of: draft)
    return draft
  }
}
