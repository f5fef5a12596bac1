import ArgumentParser
import Foundation
import MinutesKit
import MinutesStorage

/// `minutes init`: a new workspace, with `--git` a repository for sharing it. (This file: the commands that
/// make and share a workspace; `diff` and `roster` have their own.)
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Make a workspace: sessions/, templates/, roster.yaml, a .gitignore; with --git, a git repository.")

  @Argument(help: "The workspace folder (made when missing).") var folder: String = "."
  @Flag(help: "Make it a git repository with a first commit, set to merge session files part by part.")
  var git = false

  func run() throws {
    let diagnostics = Diagnostics.environment
    let m = diagnostics.messages
    let url = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
    let (made, kept) = try diagnostics.run { try Workspace.initialize(at: url) }
    if git { try diagnostics.run { try Workspace(url: url).initializeRepository(program: Program.path) } }
    StandardStreams.output.write(m.initialized(url.path, made: made, kept: kept, git: git) + "\n")
  }
}

/// `minutes sync`: commit, pull with rebase, push.
struct Sync: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Share the workspace through git: commit the changed sessions, pull the other clerks' (with rebase), push.")

  @Flag(help: "Commit and pull, but do not push.") var noPush = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let diagnostics = Diagnostics.environment
    let report = try diagnostics.run { try options.opened.sync(program: Program.path, push: !noPush) }
    StandardStreams.output.write(diagnostics.messages.synced(report) + "\n")
  }
}

/// `minutes merge-session BASE OURS THEIRS [PATH]`: git's merge driver for session files (see `.gitattributes`);
/// not for clerks. Writes the result over OURS; exits 1 when the parts conflict (the file then holds git's
/// conflict markers).
struct MergeSession: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-session", abstract: "git's merge driver for session files (set up by minutes init --git and minutes sync).",
    shouldDisplay: false)

  @Argument var base: String
  @Argument var ours: String
  @Argument var theirs: String
  @Argument var path: String?

  func run() throws {
    let read = { (file: String) in (try? String(contentsOfFile: file, encoding: .utf8)) ?? "" }
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let workspace = Workspace(url: Workspace.find(from: here))
    let result = workspace.mergeSession(
      base: read(base), ours: read(ours), theirs: read(theirs), keepingTheirResumePoint: Program.isRebasing(in: here))
    do {
      try Data(result.text.utf8).write(to: URL(fileURLWithPath: ours))
    } catch {
      Diagnostics.environment.error(error)
      throw ExitCode(2)
    }
    if !MergeConflict.find(in: result.text).isEmpty {
      let m = Diagnostics.environment.messages
      Diagnostics.environment.error(m.sessionMergeConflict(path ?? ours, parts: result.conflicts))
      throw ExitCode.failure
    }
  }
}

/// This program, as other programs (git) are told to run it.
enum Program {
  /// The absolute path of this executable.
  static var path: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
  }

  /// Whether git is replaying commits (a rebase) in the repository that holds `folder`.
  static func isRebasing(in folder: URL) -> Bool {
    var candidate = folder.standardizedFileURL
    while true {
      let git = candidate.appendingPathComponent(".git")
      if FileManager.default.fileExists(atPath: git.path) {
        return ["rebase-merge", "rebase-apply"].contains { FileManager.default.fileExists(atPath: git.appendingPathComponent($0).path) }
      }
      let parent = candidate.deletingLastPathComponent().standardizedFileURL
      if parent.path == candidate.path { return false }
      candidate = parent
    }
  }
}
