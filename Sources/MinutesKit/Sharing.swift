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
  /// Pulling brought conflicts git could not merge: the files, relative to the repository, and how each conflicts.
  case conflicts([SyncConflict])
  /// A session changed here does not read (a conflict marker left, a part twice, a hand edit gone wrong): it is
  /// not shared until it does.
  case unreadableSession(String, error: SessionError)
  /// The workspace folder does not exist.
  case noFolder(String)
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
    case .conflicts(let conflicts):
      m("同步在合併其他記錄員的提交時停下：\n", "the sync stopped while bringing in the other clerks' commits:\n")
        + conflicts.map { "  " + $0.message(m) }.joined(separator: "\n") + "\n"
        + m("處理好每個檔案後再執行 `minutes sync` 完成同步。你的回答都沒有遺失。",
            "Deal with each file, then run `minutes sync` again to finish. None of your answers is lost.")
    case .unreadableSession(let path, let error):
      m("\(path) 無法讀取，未共用（沒有提交任何內容）：\(error.message(m))\n請先改正（`minutes check` 會指出位置），再執行 `minutes sync`。",
        "\(path) does not read, so nothing was shared (nothing was committed): \(error.message(m))\nCorrect it first (`minutes check` shows where), then run `minutes sync` again.")
    case .noFolder(let folder):
      m("沒有資料夾 \(folder)。", "there is no folder \(folder).")
    case .unknownRevision(let revision):
      m("git 中沒有修訂版本「\(revision)」。可用提交編號、分支名或 HEAD~1 之類（見 `git log --oneline`）。",
        "git knows no revision ‘\(revision)’. Give a commit, a branch or something like HEAD~1 (see `git log --oneline`).")
    case .unresolved(let files):
      m("這些檔案仍有衝突標記：\(files.joined(separator: "、"))。請先解決它們，再執行 `minutes sync`。",
        "these files still hold conflict markers: \(files.joined(separator: ", ")). Resolve them first, then run `minutes sync` again.")
    }
  }
}

/// A file a sync could not merge, and how it conflicts.
public struct SyncConflict: Hashable, Sendable {
  /// How the two clerks' changes to it met.
  public enum Kind: Hashable, Sendable {
    /// Both changed the same part differently: the file holds both sides between markers.
    case bothChanged
    /// Both made a file of this name, and they differ: the file holds both between markers.
    case bothAdded
    /// Another clerk deleted it; this clerk changed it. This clerk's version is in the folder.
    case deletedByOther
    /// This clerk deleted it; another clerk changed it. Their version is in the folder.
    case deletedByYou
  }

  /// The file, relative to the repository.
  public var path: String
  /// How it conflicts.
  public var kind: Kind

  /// One line on the file and what to do, in the language of `m`.
  public func message(_ m: Messages) -> String {
    switch kind {
    case .bothChanged, .bothAdded:
      m("\(path)：兩位記錄員改了同樣的部分；在編輯器中打開，每處衝突保留要的一邊並刪去標記行（`minutes check` 會列出兩邊和行號）",
        "\(path): both clerks changed the same parts; open it in an editor, keep the side you want in each conflict and delete the marker lines (`minutes check` lists both sides with their lines)")
    case .deletedByOther:
      m("\(path)：另一位記錄員刪除了它，而你改了它；要保留就直接再執行 `minutes sync`，要刪除就先刪去這個檔案",
        "\(path): another clerk deleted it and you changed it; to keep it, just run `minutes sync` again; to delete it, delete the file first")
    case .deletedByYou:
      m("\(path)：你刪除了它，而另一位記錄員改了它；他們的版本已放回資料夾，要保留就直接再執行 `minutes sync`，要刪除就再刪去這個檔案",
        "\(path): you deleted it and another clerk changed it; their version is back in the folder; to keep it, just run `minutes sync` again; to delete it, delete the file again")
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
