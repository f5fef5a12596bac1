import ArgumentParser
import Foundation
import MinutesKit

/// `minutes fmt`: minutes files in canonical form.
struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite minutes files in canonical form; with --check, only report (exit 1 when a file would change).")

  @Argument(help: "Minutes files (.yaml).", completion: .file(extensions: ["yaml"])) var files: [String]
  @Flag(help: "Change nothing; list the files that are not in canonical form and exit 1 if there are any.")
  var check = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    var changed: [(path: String, messages: Messages)] = []
    var unreadable = false
    var refused = false
    for path in files {
      // Each file in its template's language, as far as it can be read; else the environment's.
      let diagnostics = workspace.messages(forFile: path).map { Diagnostics(messages: $0) } ?? .environment
      do {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let tookOver = { (holder: SessionLock.Holder) in diagnostics.notice(diagnostics.messages.tookOver(session: name, from: holder)) }
        if try workspace.format(path, dryRun: check, tookOver: tookOver) { changed.append((path, diagnostics.messages)) }
      } catch let error as WorkspaceError {
        // A session open in another minutes is refused, not unreadable.
        if case .sessionOpen = error { refused = true } else { unreadable = true }
        diagnostics.error(error)
      } catch {
        unreadable = true
        diagnostics.error(error)
      }
    }
    for (path, m) in changed { StandardStreams.output.write((check ? m.wouldReformat(path) : m.reformatted(path)) + "\n") }
    if unreadable { throw Diagnostics.unreadable }
    if refused || (check && !changed.isEmpty) { throw Diagnostics.failure }
  }
}
