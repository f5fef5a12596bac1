import ArgumentParser
import Foundation
import LineEditing
import MinutesKit

/// The `minutes` command: argument parsing and wiring; the work is done by MinutesKit.
@main
struct MinutesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "minutes",
    abstract: "Draft meeting minutes with a guided assistant, saved after every change.",
    subcommands: [New.self, Resume.self, Export.self])
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

  @Option(help: "The template id.") var template = "gov-executive.zh-Hant"
  @Option(help: "The session name (default: minutes-<date>-<time>).") var name: String?
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let template = try Platform.run { try options.templates.template(id: self.template) }
    let name = self.name ?? Platform.defaultSessionName()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try Platform.run { try options.store.create(file, name: name) }
    Platform.draft(Assistant(template: template, minutes: file.minutes), store: options.store, name: name)
  }
}

struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Continue a saved drafting session.")

  @Argument(help: "The session name.") var name: String
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let file = try Platform.run { try options.store.load(name: name) }
    let template = try Platform.run { try options.templates.template(id: file.minutes.template) }
    Platform.draft(Assistant(template: template, minutes: file.minutes, resumeAt: file.resumeAt), store: options.store, name: name)
  }
}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print or write the finished minutes.")

  @Argument(help: "The session name.") var name: String
  @Option(help: "The export format.") var format: String = ExportFormat.text.rawValue
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
  @OptionGroup var options: WorkspaceOptions

  func validate() throws {
    guard ExportFormat(rawValue: format) != nil else {
      throw ValidationError("unknown format '\(format)'; available: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let file = try Platform.run { try options.store.load(name: name) }
    let template = try Platform.run { try options.templates.template(id: file.minutes.template) }
    let exporter = ExportFormat(rawValue: format)!.exporter
    let text = try Platform.run { try exporter.export(file.minutes, template: template) }
    if let output {
      try Platform.run { try TextExporter.write(text, to: URL(fileURLWithPath: output)) }
    } else {
      Platform.standardOutput.write(text)
    }
    let missing = Interview(template: template).missing(in: file.minutes)
    if !missing.isEmpty {
      Platform.standardError.write(
        "minutes: warning: \(missing.count) required part(s) missing: \(missing.map(\.description).joined(separator: ", ")); "
          + "complete them with `minutes resume \(name)` (:check lists them).\n")
    }
  }
}
