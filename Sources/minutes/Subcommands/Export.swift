import ArgumentParser
import Foundation
import MinutesKit

/// `minutes export`: print or write the finished minutes; a draft with errors is refused unless `--draft`.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Print or write the finished minutes.")

  @Argument(help: "The session name.") var name: String
  @Option(help: "The export format.") var format: String = ExportFormat.text.rawValue
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
  @Flag(help: "Export even though the draft has errors; the export then starts with a DRAFT line.") var draft = false
  @OptionGroup var options: WorkspaceOptions

  func validate() throws {
    guard ExportFormat(rawValue: format) != nil else {
      // Before any session is read: the environment's language.
      throw ValidationError(Diagnostics.environment.messages.unknownFormat(format, available: ExportFormat.allCases.map(\.rawValue)))
    }
  }

  func run() throws {
    let workspace = options.opened
    let name = Workspace.sessionName(self.name)
    let before = workspace.messages(forSession: name).map { Diagnostics(messages: $0) } ?? .environment
    let opened = try before.run { try workspace.openSession(name) }
    let diagnostics = Diagnostics(messages: opened.messages)
    diagnostics.warnLoadProblems(of: opened)
    let format = ExportFormat(rawValue: format)!
    let exported: Workspace.Exported
    do {
      exported = try workspace.export(
        opened, format: format, allowErrors: draft, to: output.map { URL(fileURLWithPath: $0) })
    } catch WorkspaceError.exportRefused(let errors) {
      for finding in errors { diagnostics.finding(finding) }
      throw diagnostics.fail(diagnostics.messages.exportRefused(name, errors: errors.count))
    } catch {
      diagnostics.error(error)
      throw Diagnostics.failure
    }
    if let file = exported.file {
      diagnostics.say(diagnostics.messages.exported(name, to: file.path))
    } else if let text = exported.text {
      StandardStreams.output.write(text)
    } else if StandardStreams.outputIsTerminal {
      throw diagnostics.fail(diagnostics.messages.binaryToTerminal(name, format: format.rawValue))
    } else {
      StandardStreams.output.write(exported.output.data)
    }
  }
}
