import Foundation
import MinutesModel
import MinutesStorage

/// `git`, run in one folder with its output captured.
struct Git {
  /// The folder git runs in.
  var folder: URL
  /// Variables added to git's environment (the author and committer when git knows none).
  var extra: [String: String] = [:]

  /// `git` in `folder`, committing as the login and host where git knows no `user.name` or `user.email` (a
  /// clerk's machine set up by no one): commits, rebases and merges need one.
  static func committing(in folder: URL) throws -> Git {
    var git = Git(folder: folder)
    if try git.run(["config", "user.name"]).status != 0 || git.run(["config", "user.email"]).status != 0 {
      let user = NSUserName(), host = ProcessInfo.processInfo.hostName
      git.extra = ["GIT_AUTHOR_NAME": user, "GIT_COMMITTER_NAME": user, "GIT_AUTHOR_EMAIL": "\(user)@\(host)",
                   "GIT_COMMITTER_EMAIL": "\(user)@\(host)"]
    }
    return git
  }

  /// Runs `git ARGUMENTS`; its exit status and what it printed (standard output and error together).
  /// - Throws: ``SharingError/noGit`` when there is no `git` to run.
  @discardableResult
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // Paths as they are (`sessions/會議.yaml`), not quoted in octal escapes.
    process.arguments = ["git", "-c", "core.quotepath=false"] + arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    // Never stop to ask: a sync runs without an editor or a terminal prompt.
    environment["GIT_EDITOR"] = "true"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    environment.merge(extra) { $1 }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw SharingError.noFolder(folder.path)
    }
    do { try process.run() } catch { throw SharingError.noGit }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 127 { throw SharingError.noGit }
    // Only the end is trimmed: a porcelain status line starts with a meaningful space.
    var text = String(decoding: data, as: UTF8.self)
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return (process.terminationStatus, text)
  }

  /// Runs `git ARGUMENTS` and returns what it printed.
  /// - Throws: ``SharingError/gitFailed(command:output:)`` when it fails.
  @discardableResult
  func check(_ arguments: [String]) throws -> String {
    let (status, output) = try run(arguments)
    guard status == 0 else { throw SharingError.gitFailed(command: (["git"] + arguments).joined(separator: " "), output: output) }
    return output
  }
}

extension Workspace {
  /// What `minutes sync` did.
  public struct SyncReport: Hashable, Sendable {
    /// The sessions whose changes this clerk committed.
    public var committed: [String] = []
    /// The sessions this clerk deleted, committed as deleted.
    public var deleted: [String] = []
    /// Other files committed (the roster, templates, `.gitignore`), relative to the workspace.
    public var others: [String] = []
    /// Sessions this clerk made under a name another clerk had used for a different meeting, and their new names.
    public var renamed: [Renamed] = []
    /// A session renamed by ``Workspace/sync(program:push:)``.
    public struct Renamed: Hashable, Sendable {
      /// The name both clerks used.
      public var from: String
      /// This clerk's meeting's new name.
      public var to: String
    }
    /// How many commits of other clerks were brought in.
    public var pulled = 0
    /// Whether the commits were pushed (there is a remote and pushing was asked for).
    public var pushed = false
    /// Whether the repository has a remote to pull from and push to.
    public var hasRemote = false
  }

  /// Makes this workspace's repository merge session files part by part: the merge driver `minutes-session`
  /// runs `program merge-session` (see ``mergeSession(base:ours:theirs:)``). The configuration is the clone's
  /// own (`.git/config`), as git keeps no program paths in the repository; `.gitattributes` names the driver.
  /// - Throws: ``SharingError``.
  public func configureMergeDriver(program: String) throws {
    let git = Git(folder: url)
    try git.check(["config", "merge.minutes-session.name", "minutes: merge session files part by part"])
    let quoted = "'" + program.replacingOccurrences(of: "'", with: "'\\''") + "'"
    try git.check(["config", "merge.minutes-session.driver", "\(quoted) merge-session %O %A %B %P"])
  }

  /// `minutes init --git`: a repository in the workspace folder with everything ``initialize(at:)`` made as its
  /// first commit, and the merge driver configured. A folder already in a repository gets the driver only.
  /// - Throws: ``SharingError``.
  public func initializeRepository(program: String) throws {
    if try Git(folder: url).run(["rev-parse", "--show-toplevel"]).status != 0 {
      try Git(folder: url).check(["init", "--quiet", "--initial-branch=main"])
      let git = try Git.committing(in: url)
      try configureMergeDriver(program: program)
      try git.check(["add", "--", "."])
      try git.check(["commit", "--quiet", "-m", "minutes init"])
      return
    }
    try configureMergeDriver(program: program)
  }

  /// `minutes sync`: commits the changed session files (and roster, templates) with a message naming the
  /// sessions, pulls the other clerks' commits with a rebase (session files merge part by part through the
  /// merge driver), and pushes. A sync stopped by a conflict is finished by running it again once the clerk has
  /// resolved the conflicts.
  /// - Parameters:
  ///   - program: this program's path, for the merge driver.
  ///   - push: whether to push after pulling.
  /// - Throws: ``SharingError``: ``SharingError/sessionsOpen(_:)`` while sessions are drafted here (nothing is
  ///   done), ``SharingError/conflicts(_:)`` when the pull stopped on conflicts (this clerk's commit is kept;
  ///   the files hold both sides), ``SharingError/unresolved(_:)``.
  public func sync(program: String, push: Bool = true) throws -> SyncReport {
    guard try Git(folder: url).run(["rev-parse", "--show-toplevel"]).status == 0 else { throw SharingError.notARepository(url.path) }
    let git = try Git.committing(in: url)
    let open = store.names().filter { SessionLock.liveHolder(of: $0, in: store) != nil }
    guard open.isEmpty else { throw SharingError.sessionsOpen(open) }
    try configureMergeDriver(program: program)
    var report = SyncReport()
    let gitFolder = URL(fileURLWithPath: try git.check(["rev-parse", "--absolute-git-dir"]))
    let rebasing = ["rebase-merge", "rebase-apply"].contains {
      FileManager.default.fileExists(atPath: gitFolder.appendingPathComponent($0).path)
    }
    if rebasing { try finishRebase(git) }
    try joinRemoteBranch(git)
    report.hasRemote = !(try git.check(["remote"])).isEmpty
    let upstream = report.hasRemote ? try hasUpstream(git) : false
    if upstream {
      try git.check(["fetch", "--quiet"])
      report.renamed = try renameMeetingsMadeTwice(git).map { SyncReport.Renamed(from: $0.from, to: $0.to) }
    }
    try commitChanges(git, into: &report)
    guard report.hasRemote else { return report }
    guard upstream else {
      // A new repository's first sync: nothing to pull yet; its branch goes up and is followed from now on.
      if push { try git.check(["push", "--quiet", "--set-upstream", try git.check(["remote"]).split(separator: "\n")[0].description, "HEAD"]) }
      report.pushed = push
      return report
    }
    report.pulled = Int(try git.check(["rev-list", "--count", "HEAD..@{upstream}"])) ?? 0
    try pull(git)
    if push {
      let pushed = try git.run(["push", "--quiet"])
      if pushed.status != 0 {
        // Another clerk pushed in between: take theirs in and push once more.
        try git.check(["fetch", "--quiet"])
        report.pulled += Int(try git.check(["rev-list", "--count", "HEAD..@{upstream}"])) ?? 0
        try pull(git)
        try git.check(["push", "--quiet"])
      }
      report.pushed = true
    }
    return report
  }

  /// Pulls with a rebase (the clerk's other tracked files set aside and put back); a stop on conflicts says
  /// which files and how each conflicts.
  /// - Throws: ``SharingError/conflicts(_:)``, ``SharingError/gitFailed(command:output:)``.
  private func pull(_ git: Git) throws {
    let pull = try git.run(["pull", "--rebase", "--autostash", "--quiet"])
    guard pull.status != 0 else { return }
    let conflicts = try unmerged(git)
    if !conflicts.isEmpty { throw SharingError.conflicts(conflicts) }
    throw SharingError.gitFailed(command: "git pull --rebase", output: pull.output)
  }

  /// The files a stopped rebase left unmerged, and how (`git status --porcelain`: in a rebase, "us" is the other
  /// clerks' branch and "them" this clerk's commit).
  private func unmerged(_ git: Git) throws -> [SyncConflict] {
    try git.check(["status", "--porcelain=v1", "--untracked-files=no", "."]).split(separator: "\n").compactMap { line in
      let code = line.prefix(2), path = String(line.dropFirst(3))
      let kind: SyncConflict.Kind
      switch code {
      case "UU": kind = .bothChanged
      case "AA": kind = .bothAdded
      case "DU": kind = .deletedByOther
      case "UD": kind = .deletedByYou
      case "AU", "UA", "DD": kind = .bothChanged
      default: return nil
      }
      return SyncConflict(path: path, kind: kind)
    }
  }

  /// Renames each session this clerk made that another clerk has also made, differently, under the same name
  /// (the README suggests naming a meeting by its date): `NAME-2` (or the first free number). Both meetings are
  /// kept; the report says which were renamed.
  private func renameMeetingsMadeTwice(_ git: Git) throws -> [(from: String, to: String)] {
    // The session files of a commit, read once (one git call, not one for each session).
    func sessions(in revision: String) throws -> Set<String> {
      let listing = try git.run(["ls-tree", "--name-only", "\(revision):./sessions"])
      guard listing.status == 0 else { return [] }
      return Set(listing.output.split(separator: "\n").filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) })
    }
    let committed = try sessions(in: "HEAD"), theirs = try sessions(in: "@{upstream}")
    var names = Set(store.names())
    var renamed: [(String, String)] = []
    for name in store.names() where !committed.contains(name) && theirs.contains(name) {
      let their = try git.run(["show", "@{upstream}:./sessions/\(name).yaml"])
      guard their.status == 0, let mine = try? String(contentsOf: store.file(for: name), encoding: .utf8),
        mine.trimmingCharacters(in: .whitespacesAndNewlines) != their.output
      else { continue }
      var number = 2
      while names.contains("\(name)-\(number)") || theirs.contains("\(name)-\(number)") { number += 1 }
      try store.renameSession(name, to: "\(name)-\(number)")
      names.insert("\(name)-\(number)")
      renamed.append((name, "\(name)-\(number)"))
    }
    return renamed
  }

  /// Commits what changed in the sessions, the roster, the templates and the workspace's git files, after
  /// checking that every changed session reads (no conflict markers, no error) and sealing anew the ones changed
  /// by hand. Other files are not committed.
  /// - Throws: ``SharingError/unreadableSession(_:error:)`` (nothing is committed), or git's failure.
  private func commitChanges(_ git: Git, into report: inout SyncReport) throws {
    let sessions = try changedSessionFiles(git)
    try prepareSessions(sessions.filter { !$0.deleted }.map(\.url))
    let paths = ["templates", "roster.yaml", ".gitignore", ".gitattributes"].filter {
      FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
    } + sessions.map(\.url.path)
    if !paths.isEmpty { try git.check(["add", "--all", "--"] + paths) }
    let staged = try git.check(["diff", "--cached", "--name-status", "--relative"]).split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
      return (status: fields[0], path: fields.count > 1 ? fields[1] : "")
    }
    guard !staged.isEmpty else { return }
    let session = { (path: String) -> String? in
      path.hasPrefix("sessions/") && path.hasSuffix(".yaml") ? String(path.dropFirst("sessions/".count).dropLast(".yaml".count)) : nil
    }
    report.committed = staged.filter { $0.status != "D" }.compactMap { session($0.path) }
    report.deleted = staged.filter { $0.status == "D" }.compactMap { session($0.path) }
    report.others = staged.filter { session($0.path) == nil }.map(\.path)
    var subject = "minutes: " + report.committed.joined(separator: ", ")
    if !report.deleted.isEmpty { subject += (report.committed.isEmpty ? "" : "; ") + "deleted " + report.deleted.joined(separator: ", ") }
    if report.committed.isEmpty && report.deleted.isEmpty { subject = "minutes: " + report.others.joined(separator: ", ") }
    let body = report.others.isEmpty || subject.hasSuffix(report.others.joined(separator: ", ")) ? "" : "\n\nAlso: " + report.others.joined(separator: ", ")
    try git.check(["commit", "--quiet", "-m", subject + body])
  }

  /// The session files (`sessions/NAME.yaml` of this workspace) that differ from the last commit: changed, new
  /// or deleted.
  private func changedSessionFiles(_ git: Git) throws -> [(url: URL, deleted: Bool)] {
    let root = URL(fileURLWithPath: try git.check(["rev-parse", "--show-toplevel"]), isDirectory: true)
    // Porcelain paths are relative to the repository, whatever folder of it git runs in.
    return try git.check(["status", "--porcelain=v1", "--untracked-files=all", "--no-renames", "--", "sessions"])
      .split(separator: "\n").compactMap { line in
        let path = String(line.dropFirst(3))
        let file = root.appendingPathComponent(path)
        guard path.hasSuffix(".yaml"), file.deletingLastPathComponent().standardizedFileURL.path == store.directory.standardizedFileURL.path
        else { return nil }
        return (file, line.hasPrefix(" D") || line.hasPrefix("D "))
      }
  }

  /// Checks that each session file at `files` reads as a minutes file, and seals anew one changed by hand.
  /// - Throws: ``SharingError/unreadableSession(_:error:)`` for the first that does not read.
  private func prepareSessions(_ files: [URL]) throws {
    for file in files {
      let shown = "sessions/" + file.lastPathComponent
      let text: String
      do {
        text = try YAMLCoding.text(try Data(contentsOf: file), file: file.path)
        _ = try SessionFile.parse(text, file: file.path)
      } catch let error as SessionError {
        throw SharingError.unreadableSession(shown, error: error)
      } catch let problem as YAMLProblem {
        throw SharingError.unreadableSession(shown, error: .unreadable(problem))
      } catch {
        throw SharingError.unreadableSession(shown, error: .writeFailed(file: file.path, reason: SystemReason(error)))
      }
      if SessionFile.seal(of: text) != .intact {
        let sealed = SessionFile.resealed(text)
        if sealed != text { try? Data(sealed.utf8).write(to: file, options: .atomic) }
      }
    }
  }

  /// In a clone that has no commit of its own yet (a clone of a repository whose default branch is missing, as
  /// when the server's default is `main` and the first clerk pushed `master`), checks out the remote's branch:
  /// the one of the same name, else `main`, else the only one. The clerk's new files stay as they are.
  private func joinRemoteBranch(_ git: Git) throws {
    guard let remote = try git.check(["remote"]).split(separator: "\n").first.map(String.init),
      try git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).status != 0,
      try git.run(["fetch", "--quiet", remote]).status == 0
    else { return }
    let branches = try git.check(["for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/\(remote)/"])
      .split(separator: "\n").map(String.init).filter { $0 != "HEAD" }
    let current = try git.check(["symbolic-ref", "--short", "HEAD"])
    guard let branch = [current, "main", "master"].first(where: branches.contains) ?? (branches.count == 1 ? branches[0] : nil)
    else { return }
    try git.check(["checkout", "--quiet", "-B", branch, "--track", "\(remote)/\(branch)"])
  }

  /// Whether the current branch follows a branch of a remote; when it does not but the first remote has a
  /// branch of the same name (a clone made by hand), it is set to follow that one.
  private func hasUpstream(_ git: Git) throws -> Bool {
    if try git.run(["rev-parse", "--abbrev-ref", "@{upstream}"]).status == 0 { return true }
    guard let remote = try git.check(["remote"]).split(separator: "\n").first.map(String.init) else { return false }
    let branch = try git.check(["symbolic-ref", "--short", "HEAD"])
    guard try git.run(["fetch", "--quiet", remote]).status == 0,
      try git.run(["rev-parse", "--verify", "--quiet", "refs/remotes/\(remote)/\(branch)"]).status == 0
    else { return false }
    try git.check(["branch", "--quiet", "--set-upstream-to=\(remote)/\(branch)"])
    return true
  }

  /// Finishes a rebase that stopped on conflicts, once no file holds conflict markers any more.
  private func finishRebase(_ git: Git) throws {
    let root = URL(fileURLWithPath: try git.check(["rev-parse", "--show-toplevel"]))
    let conflicted = try git.check(["diff", "--name-only", "--diff-filter=U"]).split(separator: "\n").map(String.init)
    let unresolved = conflicted.filter { path in
      let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
      return !MergeConflict.find(in: text).isEmpty
    }
    guard unresolved.isEmpty else { throw SharingError.unresolved(unresolved) }
    // A session must read before it is shared: a marker left over, a side kept twice.
    let sessions = conflicted.map { root.appendingPathComponent($0) }.filter {
      $0.pathExtension == "yaml" && $0.deletingLastPathComponent().standardizedFileURL.path == store.directory.standardizedFileURL.path
        && FileManager.default.fileExists(atPath: $0.path)
    }
    try prepareSessions(sessions)
    if !conflicted.isEmpty { try Git(folder: root, extra: git.extra).check(["add", "-A", "--"] + conflicted) }
    try git.check(["-c", "core.editor=true", "rebase", "--continue"])
  }
}

extension Workspace {
  /// What changed in the session `name` since the git revision `revision` (a commit, a branch, `HEAD~2`…): the
  /// draft as it is now (its journal applied) against the session file committed there, part by part. A session
  /// not in that revision is all additions.
  /// - Throws: ``SharingError`` (not a repository, an unknown revision), ``SessionError`` and ``TemplateError`` as
  ///   ``openSession(_:recover:)`` does.
  public func changes(in name: String, since revision: String) throws -> (draft: Draft, changes: [DraftDiff.Change]) {
    guard try Git(folder: url).run(["rev-parse", "--show-toplevel"]).status == 0 else { throw SharingError.notARepository(url.path) }
    let git = Git(folder: url)
    let draft = try openSession(name)
    let path = "./sessions/\(name).yaml"
    guard try git.run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]).status == 0 else {
      throw SharingError.unknownRevision(revision)
    }
    let shown = try git.run(["show", "\(revision):\(path)"])
    guard shown.status == 0 else { return (draft, DraftDiff.changes(from: Record(), to: draft.minutes.content)) }
    let before = try SessionFile.parse(shown.output + "\n", file: "\(revision):sessions/\(name).yaml")
    let old = (try? draft.template.conform(before.minutes)) ?? before.minutes
    return (draft, DraftDiff.changes(from: old.content, to: draft.minutes.content))
  }
}
