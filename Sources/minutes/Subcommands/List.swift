import ArgumentParser
import Foundation
import MinutesKit

/// `minutes list`: every session of the workspace.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sessions in the workspace, most recent first.")

  @Flag(help: "Print JSON: an array of objects with name, template, meetingDate, requiredDone, requiredTotal, lastChange and problem.")
  var json = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    // Many sessions, no one session concerned: the environment's language.
    let m = Diagnostics.environment.messages
    let summaries = workspace.store.summaries(templates: workspace.templates, json ? Messages(language: "en") : m)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      StandardStreams.output.write(String(decoding: try encoder.encode(summaries), as: UTF8.self) + "\n")
    } else if summaries.isEmpty {
      // No session concerned: the environment's language.
      StandardStreams.output.write(Diagnostics.environment.messages.noSessionsYet(in: workspace.store.directory.path) + "\n")
    } else {
      StandardStreams.output.write(SessionStore.table(summaries, m))
    }
  }
}
