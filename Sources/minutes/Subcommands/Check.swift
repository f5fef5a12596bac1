import ArgumentParser
import Foundation
import MinutesKit

/// `minutes check`: the findings of a session or a minutes file.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a session or a minutes file: exit 0 without errors, 1 with errors, 2 when it cannot be read.")

  @Argument(help: "A session name, or the path of a minutes file.", completion: ShellCompletion.sessionNames) var target: String
  @Flag(help: "Print JSON: {\"file\", \"errors\", \"warnings\", \"findings\": [{severity, rule, address, message, hint}]}.")
  var json = false
  @OptionGroup var options: WorkspaceOptions

  struct Report: Codable {
    var file: String
    var errors: Int
    var warnings: Int
    var findings: [Finding]
  }

  func run() throws {
    let workspace = options.opened
    let draft: Workspace.Draft
    do {
      draft = try workspace.open(target)
    } catch {
      // A published text is read by import, not here: said so, rather than as YAML that is not a draft.
      if Workspace.isPublishedText(target), FileManager.default.fileExists(atPath: target) {
        throw Diagnostics.environment.fail(Diagnostics.environment.messages.publishedTextNotDraft(target))
      }
      let session = Workspace.isFilePath(target) ? nil : workspace.messages(forSession: workspace.existingSessionName(target))
      (session.map { Diagnostics(messages: $0) } ?? .environment).error(error)
      throw Diagnostics.unreadable
    }
    Diagnostics(messages: draft.messages).warnLoadProblems(of: draft)
    let findings = workspace.findings(in: draft)
    let errors = findings.filter { $0.severity == .error }.count
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let report = Report(file: draft.path, errors: errors, warnings: findings.count - errors, findings: findings)
      StandardStreams.output.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
    } else {
      // Written 64 KB at a time, not a line at a time: standard output is unbuffered (for the prompts), and 15,000
      // findings were 15,000 writes.
      var lines = ""
      for finding in findings {
        lines += "\(draft.path): \(finding.line(draft.messages))\n"
        if lines.utf8.count >= 1 << 16 {
          StandardStreams.output.write(lines)
          lines = ""
        }
      }
      StandardStreams.output.write(lines + draft.messages.checkTotals(errors: errors, warnings: findings.count - errors) + "\n")
    }
    UntilExit.keep(draft, findings)
    if errors > 0 { throw Diagnostics.failure }
  }
}
