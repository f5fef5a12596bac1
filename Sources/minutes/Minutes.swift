import ArgumentParser
import Foundation
import MinutesKit

/// The `minutes` command: argument parsing; each subcommand is in `Subcommands/`, the work in MinutesKit's
/// ``Workspace``, and every diagnostic goes through ``Diagnostics``.
@main
struct MinutesCommand: ParsableCommand {
  /// The version `minutes --version` prints.
  static let version = "0.9.0"

  static let configuration = CommandConfiguration(
    commandName: "minutes",
    abstract: "Draft meeting minutes with a guided assistant, saved after every change.",
    version: MinutesCommand.version,
    subcommands: [
      New.self, Import.self, Resume.self, List.self, Export.self, Check.self, Format.self, Templates.self, Init.self, Sync.self, Diff.self, RosterCommand.self, Actions.self,
      MergeSession.self,
    ])
}

/// Options shared by every subcommand.
struct WorkspaceOptions: ParsableArguments {
  @Option(help: "The workspace folder; sessions are kept in its sessions/ folder. Default: the nearest folder, from the current one upwards, that has a sessions/ folder (else the current folder).")
  var workspace: String?

  /// The workspace the options name, or the one the current folder is in.
  var opened: Workspace {
    guard let workspace else {
      return Workspace(path: Workspace.find(fromPath: "."))
    }
    return Workspace(path: Workspace.folder(atPath: workspace))
  }
}

extension Diagnostics {
  /// Diagnostics in the language of the environment's locale, for what no session or template concerns yet.
  static var environment: Diagnostics { Diagnostics(messages: Messages(environment: Messages.localeEnvironment)) }
}
