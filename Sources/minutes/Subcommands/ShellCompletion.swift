import ArgumentParser
import Foundation
import MinutesKit

/// What the shell completion scripts (`minutes --generate-completion-script bash|zsh|fish`) offer beyond options:
/// template ids after `--template` and `minutes templates show`, session names where a command takes one. The
/// scripts call `minutes` back for them (ArgumentParser's custom completions); the workspace is the one given with
/// `--workspace` on the line being completed, else the current folder.
enum ShellCompletion {
  /// The workspace named by `--workspace DIR` (or `--workspace=DIR`) among `arguments`, else the current folder.
  static func workspace(in arguments: [String]) -> Workspace {
    var path = "."
    for (index, argument) in arguments.enumerated() {
      if argument == "--workspace", index + 1 < arguments.count { path = arguments[index + 1] }
      if argument.hasPrefix("--workspace=") { path = String(argument.dropFirst("--workspace=".count)) }
    }
    return Workspace(url: URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL)
  }

  /// The ids of the templates of the workspace (its own and the built-in ones) that start with the word typed.
  static let templateIDs = CompletionKind.custom { arguments, _, prefix in
    workspace(in: arguments).templates.entries().map(\.id).filter { $0.hasPrefix(prefix) }
  }

  /// The names of the workspace's sessions (`sessions/NAME.yaml`) that start with the word typed, sorted.
  static let sessionNames = CompletionKind.custom { arguments, _, prefix in
    let folder = workspace(in: arguments).store.directory
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(".yaml".count)) }
      .filter { $0.hasPrefix(prefix) }
      .sorted()
  }
}
