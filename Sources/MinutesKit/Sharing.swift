import Foundation
import MinutesModel
import MinutesStorage
import MinutesTemplates

/// Why sharing a workspace through git did not go through.
public enum SharingError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// A file of a new workspace could not be written.
  case cannotWrite(String, reason: SystemReason)
  /// The workspace is in no git repository.
  case notARepository(String)
  /// `git` is not installed.
  case noGit
  /// Sessions are being drafted here; their snapshots do not yet hold every answer.
  case sessionsOpen([String])
  /// A git command failed: the command and what git said.
  case gitFailed(command: String, output: String)
  /// Pulling brought conflicts git could not merge: the files, relative to the repository.
  case conflicts([String])
  /// Files still hold conflict markers while a sync was being finished.
  case unresolved([String])
  /// `minutes diff` was given a revision git does not know.
  case unknownRevision(String)

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .cannotWrite(let path, let reason):
      m("無法寫入 \(path)：\(reason.message(m))", "could not write \(path): \(reason.message(m))")
    case .notARepository(let folder):
      m("\(folder) 不在 git 倉庫中。用 `minutes init --git` 建立一個，或在其中執行 `git init` 並設定遠端（`git remote add origin URL`）。",
        "\(folder) is not in a git repository. Make one with `minutes init --git`, or run `git init` there and add a remote (`git remote add origin URL`).")
    case .noGit:
      m("找不到 git。請先安裝 git（例如 `apt-get install git`）。", "git is not installed. Install it first (e.g. `apt-get install git`).")
    case .sessionsOpen(let names):
      m("這些會話正在這台機器上起草：\(names.joined(separator: "、"))。請先在其中輸入 :quit，再同步（已保存的回答不會遺失）。",
        "these sessions are being drafted on this machine: \(names.joined(separator: ", ")). :quit them first, then sync (no saved answer is lost).")
    case .gitFailed(let command, let output):
      m("`\(command)` 失敗，git 說：\n\(output)", "`\(command)` did not succeed; git said:\n\(output)")
    case .conflicts(let files):
      m("另一位記錄員改了同樣的部分，git 無法自動合併：\(files.joined(separator: "、"))。用 `minutes resume` 打開（或用編輯器）查看兩邊，每處保留要的一邊並刪去標記行，然後再執行 `minutes sync`。你的回答都沒有遺失。",
        "another clerk changed the same parts and git could not merge them: \(files.joined(separator: ", ")). Open each (`minutes check NAME`, or an editor) to see both sides, keep the side you want in each conflict and delete the marker lines, then run `minutes sync` again. None of your answers is lost.")
    case .unknownRevision(let revision):
      m("git 中沒有修訂版本「\(revision)」。可用提交編號、分支名或 HEAD~1 之類（見 `git log --oneline`）。",
        "git knows no revision ‘\(revision)’. Give a commit, a branch or something like HEAD~1 (see `git log --oneline`).")
    case .unresolved(let files):
      m("這些檔案仍有衝突標記：\(files.joined(separator: "、"))。請先解決它們，再執行 `minutes sync`。",
        "these files still hold conflict markers: \(files.joined(separator: ", ")). Resolve them first, then run `minutes sync` again.")
    }
  }
}

extension Workspace {
  /// What merging two clerks' copies of one session gave (see ``mergeSession(base:ours:theirs:)``).
  public struct SessionMergeResult: Sendable {
    /// The text to keep: the merged session, sealed, or the two sides with git's conflict markers.
    public var text: String
    /// The parts both clerks changed differently (as the clerk types their addresses); empty when merged.
    public var conflicts: [String]
  }

  /// Merges two clerks' copies of a session (`ours`, `theirs`) from the copy both started from (`base`, empty
  /// when both added the session), as git's merge driver for `sessions/*.yaml`: part by part (``DraftMerge``),
  /// so that answers to different parts never conflict, whatever lines they are on. The merged session keeps our
  /// resume point (where this clerk was), takes a generation after all three, and is sealed as minutes writes
  /// it. Where both changed the same part differently, the result is the merged session with both sides of
  /// those parts between git's conflict markers, labelled "yours" and "pulled (another clerk)" in the template's
  /// language (or, when a copy does not read as minutes, the two whole files' differing lines), which minutes
  /// refuses to read until the clerk keeps one side of each (see ``MergeConflict``).
  ///
  /// With `keepingTheirResumePoint` the merged session resumes where `theirs` did: in a rebase, "theirs" is this
  /// clerk's own commit being replayed on the others'.
  public func mergeSession(base: String, ours: String, theirs: String, keepingTheirResumePoint: Bool = false) -> SessionMergeResult {
    // Which side is this clerk's: in a rebase, "theirs" (the clerk's commit replayed on the others').
    let m = (try? SessionFile.parse(ours, file: "ours")).flatMap { try? templates.template(id: $0.minutes.template).messages }
      ?? Messages(language: "en")
    let (yours, pulled) = (m("你的", "yours"), m("拉取的（另一位記錄員）", "pulled (another clerk)"))
    let labels = keepingTheirResumePoint ? (pulled, yours) : (yours, pulled)
    let marked = SessionMergeResult(text: Self.markedConflicts(ours: ours, theirs: theirs, labels: labels), conflicts: [])
    guard let ourFile = try? SessionFile.parse(ours, file: "ours"), let theirFile = try? SessionFile.parse(theirs, file: "theirs"),
      ourFile.minutes.template == theirFile.minutes.template
    else { return marked }
    let baseFile = base.isEmpty ? nil : try? SessionFile.parse(base, file: "base")
    if !base.isEmpty && baseFile == nil { return marked }
    let template = try? templates.template(id: ourFile.minutes.template)
    // The values as the template types them: the YAML holds some as text that the draft holds as numbers.
    let typed = { (minutes: Minutes) in (try? template?.conform(minutes)) ?? minutes }
    let contents = (base: baseFile.map { typed($0.minutes).content } ?? Record(), ours: typed(ourFile.minutes).content,
                    theirs: typed(theirFile.minutes).content)
    let generation = max(1, [baseFile?.generation ?? 0, ourFile.generation, theirFile.generation].max()! &+ 1)
    let resumeAt = keepingTheirResumePoint ? theirFile.resumeAt : ourFile.resumeAt
    let file = { (content: Record) -> String? in
      var minutes = typed(ourFile.minutes)
      minutes.content = content
      return try? SessionFile(minutes: typed(minutes), resumeAt: resumeAt, generation: generation).yaml()
    }
    let outcome = DraftMerge.merge(base: contents.base, ours: contents.ours, theirs: contents.theirs)
    guard outcome.conflicts.isEmpty else {
      // Both sides merged, but for the parts in conflict: only those are left for the clerk to choose, unsealed
      // (the clerk's choice is then read as a file written by hand, without a warning).
      let preferringTheirs = DraftMerge.merge(base: contents.base, ours: contents.ours, theirs: contents.theirs, preferringTheirs: true)
      guard let mine = file(outcome.merged).map(Self.unsealed), let others = file(preferringTheirs.merged).map(Self.unsealed)
      else { return marked }
      let shown = outcome.conflicts.map { address in template?.display(address) ?? address.description }
      return SessionMergeResult(text: Self.markedConflicts(ours: mine, theirs: others, labels: labels), conflicts: shown)
    }
    return file(outcome.merged).map { SessionMergeResult(text: $0, conflicts: []) } ?? marked
  }

  /// `text` with the checksum taken off its last line.
  static func unsealed(_ text: String) -> String {
    guard let range = text.range(of: " # checksum ", options: .backwards) else { return text }
    return text[..<range.lowerBound] + "\n"
  }

  /// The two texts as one, their differing lines in conflicts as git marks them (`<<<<<<< LABEL`, our lines,
  /// `=======`, their lines, `>>>>>>> LABEL`) and the lines they share between the conflicts once. Lines are
  /// matched by a shortest edit script (Myers' diff, through `difference(from:)`).
  static func markedConflicts(ours: String, theirs: String, labels: (ours: String, theirs: String) = ("ours", "theirs")) -> String {
    let split = { (text: String) in
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if lines.last == "" { lines.removeLast() }
      return lines
    }
    let mine = split(ours), others = split(theirs)
    let difference = mine.difference(from: others)
    var removed = Set<Int>(), inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var text = "", i = 0, j = 0
    while i < others.count || j < mine.count {
      if i < others.count, j < mine.count, !removed.contains(i), !inserted.contains(j) {
        text += mine[j] + "\n"
        i += 1
        j += 1
        continue
      }
      var theirLines: [String] = [], ourLines: [String] = []
      while i < others.count, removed.contains(i) { theirLines.append(others[i]); i += 1 }
      while j < mine.count, inserted.contains(j) { ourLines.append(mine[j]); j += 1 }
      if theirLines.isEmpty && ourLines.isEmpty {
        // Not reached for an edit script of these lines; should one be wrong, every line left is kept.
        (theirLines, ourLines) = (Array(others[i...]), Array(mine[j...]))
        (i, j) = (others.count, mine.count)
      }
      text += "<<<<<<< \(labels.ours)\n" + ourLines.map { $0 + "\n" }.joined() + "=======\n"
        + theirLines.map { $0 + "\n" }.joined() + ">>>>>>> \(labels.theirs)\n"
    }
    return text
  }
}
