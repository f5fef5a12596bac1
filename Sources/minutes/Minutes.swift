import ArgumentParser
import Foundation
import EditLine
import LineEditing
import MinutesKit

/// The `minutes` command: argument parsing and wiring; the work is done by MinutesKit.
@main
struct MinutesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "minutes",
    abstract: "Draft meeting minutes with a guided assistant, saved after every change.",
    subcommands: [New.self, Resume.self, List.self, Export.self, Check.self, Format.self, Templates.self])
}

/// Options shared by every subcommand.
struct WorkspaceOptions: ParsableArguments {
  @Option(help: "The workspace folder; sessions are kept in its sessions/ folder.")
  var workspace: String = "."

  var url: URL { URL(fileURLWithPath: workspace, isDirectory: true).standardizedFileURL }
  var store: SessionStore { SessionStore(workspace: url) }
  var templates: TemplateLibrary { TemplateLibrary(workspace: url) }
}

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Start a drafting session.")

  @Option(help: "The template id (see `minutes templates`); without it, minutes asks.") var template: String?
  @Option(help: "The session name (default: minutes-<date>-<time>).") var name: String?
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let id = try self.template ?? Platform.chooseTemplate(from: options.templates.entries())
    let template = try Platform.run { try options.templates.template(id: id) }
    let name = Platform.sessionName(self.name ?? Platform.defaultSessionName())
    let file = SessionFile(minutes: Minutes(template: template.id))
    try Platform.run { try SessionStore.validate(name: name) }
    let lock = try Platform.run { try SessionLock(name: name, in: options.store) }
    try Platform.run { try options.store.create(file, name: name) }
    try Platform.draft(Assistant(template: template, minutes: file.minutes), store: options.store, name: name, lock: lock)
  }
}

struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Continue a saved drafting session; without a name, choose among the most recent.")

  @Argument(help: "The session name.") var name: String?
  @Flag(help: "Open the session even though another minutes holds it (when that window is gone).")
  var takeOver = false
  @Flag(help: "Restore a damaged session from its last good snapshot (the damaged file is kept).")
  var recover = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let name = try Platform.sessionName(self.name ?? Platform.chooseSession(from: options.store.summaries(templates: options.templates)))
    let lock = try Platform.run { try SessionLock(name: name, in: options.store, takeOver: takeOver) }
    let store = options.store
    var loaded = try Platform.run {
      do {
        return recover ? try store.recover(name: name) : try store.loadState(name: name)
      } catch SessionError.unreadable(let problem) where store.lastGoodSnapshot(name: name) != nil {
        throw SessionError.recoverable(problem, name: name)
      }
    }
    let template = try Platform.run { try options.templates.template(id: loaded.file.minutes.template) }
    let snapshot = store.file(for: name)
    loaded.file.minutes = try Platform.run {
      try template.conform(loaded.file.minutes, yaml: try? String(contentsOf: snapshot, encoding: .utf8), file: snapshot.path)
    }
    if let problem = loaded.journalProblem { Platform.standardError.write("minutes: warning: \(problem).\n") }
    if let replaced = lock.replaced {
      Platform.standardError.write(
        "minutes: notice: took over session `\(name)` from pid \(replaced.pid) on \(replaced.host) (since \(replaced.since)).\n")
    }
    let assistant = Assistant(template: template, state: loaded.state(interview: Interview(template: template)))
    try Platform.draft(assistant, store: options.store, name: name, lock: lock, isResumed: true)
  }
}

struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List the sessions in the workspace, most recent first.")

  @Flag(help: "Print JSON: an array of objects with name, template, meetingDate, requiredDone, requiredTotal, lastChange and problem.")
  var json = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let summaries = options.store.summaries(templates: options.templates)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      Platform.standardOutput.write(String(decoding: try encoder.encode(summaries), as: UTF8.self) + "\n")
    } else if summaries.isEmpty {
      Platform.standardOutput.write("No sessions in \(options.store.directory.path) yet; start one with `minutes new`.\n")
    } else {
      Platform.standardOutput.write(SessionStore.table(summaries))
    }
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print or write the finished minutes.")

  @Argument(help: "The session name.") var name: String
  @Option(help: "The export format.") var format: String = ExportFormat.text.rawValue
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
  @Flag(help: "Export even though the draft has errors; the export then starts with a DRAFT line.") var draft = false
  @OptionGroup var options: WorkspaceOptions

  func validate() throws {
    guard ExportFormat(rawValue: format) != nil else {
      throw ValidationError("unknown format '\(format)'; available: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let name = Platform.sessionName(self.name)
    let store = options.store
    var file = try Platform.run {
      do {
        return try store.load(name: name)
      } catch SessionError.unreadable(let problem) where store.lastGoodSnapshot(name: name) != nil {
        throw SessionError.recoverable(problem, name: name)
      }
    }
    let template = try Platform.run { try options.templates.template(id: file.minutes.template) }
    let snapshot = store.file(for: name)
    file.minutes = try Platform.run {
      try template.conform(file.minutes, yaml: try? String(contentsOf: snapshot, encoding: .utf8), file: snapshot.path)
    }
    let errors = Validator(template: template).findings(in: file.minutes).filter { $0.severity == .error }
    if !errors.isEmpty && !draft {
      for finding in errors { Platform.standardError.write("minutes: \(finding.line(template.messages))\n") }
      Platform.standardError.write(
        "minutes: error: \(errors.count) error(s) in `\(name)`; fix them with `minutes resume \(name)` "
          + "(:check lists them), or export anyway with --draft.\n")
      throw ExitCode.failure
    }
    let exporter = ExportFormat(rawValue: format)!.exporter
    var text = try Platform.run { try exporter.export(file.minutes, template: template) }
    if !errors.isEmpty { text = ExportFormat.draftBanner(errors: errors.count, template.messages) + text }
    if let output {
      let url = URL(fileURLWithPath: output)
      try Platform.run { try TextExporter.write(text, to: url, sessions: store.directory) }
      Platform.standardError.write("minutes: exported `\(name)` to \(url.path)\n")
    } else {
      Platform.standardOutput.write(text)
    }
  }
}
