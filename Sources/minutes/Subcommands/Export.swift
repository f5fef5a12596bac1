import ArgumentParser
import Foundation
import MinutesKit

/// `minutes export`: print or write the finished minutes; a draft with errors is refused unless `--draft`. The
/// format is the one named, else the one the extension of `-o FILE` chooses (`.md` → markdown), else text; an
/// existing file is overwritten only with `--force`; `--script` writes a Chinese export in the other script and
/// lists the characters to confirm on standard error.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "export", abstract: "Print or write the finished minutes.")

  @Argument(help: "The session name.", completion: ShellCompletion.sessionNames) var name: String
  @Option(help: "The export format (\(ExportFormat.names.joined(separator: ", "))); without it, the one the extension of -o FILE chooses, else text.")
  var format: String?
  @Option(help: "Write a Chinese export in this script: hans (Simplified) or hant (Traditional) characters.")
  var script: String?
  @Option(name: .shortAndLong, help: "Write to this file instead of standard output.", completion: .file()) var output: String?
  @Flag(help: "Overwrite the file of -o when it exists.") var force = false
  @Flag(help: "Export even though the draft has errors; the export then starts with a DRAFT line.") var draft = false
  @OptionGroup var options: WorkspaceOptions

  func validate() throws {
    // The names, before any session is read: in the environment's language. A file's extension is the session's
    // business (after the sessions folder is refused).
    do {
      _ = try ExportRequest(format: format, script: script, file: nil)
    } catch {
      throw ValidationError(error.message(Diagnostics.environment.messages))
    }
  }

  func run() throws {
    // The process ends once the export is written: its context is not freed piece by piece first.
    TextExporter.leavesContextsToExit = true
    let workspace = options.opened
    let name = workspace.existingSessionName(self.name)
    // Until the session is open, its template's language as far as it can be read, else the environment's.
    let opened = try Diagnostics.run({ try workspace.openSession(name) }) {
      workspace.messages(forSession: name).map { Diagnostics(messages: $0) } ?? .environment
    }
    let diagnostics = Diagnostics(messages: opened.messages)
    diagnostics.warnLoadProblems(of: opened)
    let request: ExportRequest
    let exported: Workspace.Exported
    do {
      // `~`, `~/…` and `~user/…` as a shell (and `:export`) reads them, should the shell have left them (quoted).
      let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      let file = output.map { FilePathCompletion.url(of: $0, relativeTo: here) }
      if let file { try TextExporter.refuseSessions(file, sessions: workspace.store.directory) }
      request = try ExportRequest(format: format, script: script, file: output)
      if let output, format != nil, let chosen = ExportFormat.named(byExtensionOf: output), chosen != request.format {
        diagnostics.warning(diagnostics.messages.formatAgainstExtension(request.format.rawValue, file: output, extensionFormat: chosen.rawValue))
      }
      exported = try workspace.export(opened, request: request, allowErrors: draft, to: file, replacing: force)
    } catch WorkspaceError.exportRefused(let errors) {
      for finding in errors { diagnostics.finding(finding) }
      throw diagnostics.fail(diagnostics.messages.exportRefused(name, errors: errors.count))
    } catch {
      diagnostics.error(error)
      throw Diagnostics.failure
    }
    if let file = exported.file {
      diagnostics.say(diagnostics.messages.exported(name, to: file.path))
    } else if !exported.output.isText && StandardStreams.outputIsTerminal {
      throw diagnostics.fail(diagnostics.messages.binaryToTerminal(name, format: request.format.rawValue))
    } else {
      // Printed whole or said not to be: `minutes export NAME > report.txt` on a full disk had exited 0.
      do {
        try StandardStreams.output.writeWhole(exported.output)
      } catch {
        throw diagnostics.fail(diagnostics.messages.exportNotPrinted(SystemReason(error)))
      }
    }
    for line in exported.conversion?.report(diagnostics.messages) ?? [] {
      diagnostics.notice(line.trimmingCharacters(in: .whitespaces))
    }
    UntilExit.keep(opened, exported)
  }
}
