import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// Why a session could not be created, opened or saved.
public enum SessionError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The name cannot be a session name (empty, a leading `-`, a character other than a letter, a digit, `-` or
  /// `_`, too long).
  case invalidName(String, reason: String)
  /// A path was given where a session name is expected (`minutes resume /etc/passwd`).
  case pathAsName(String)
  /// A session with this name exists already.
  case exists(name: String)
  /// A folder has the name a new session's snapshot would take (`sessions/x.yaml`): no session is there, and none
  /// can be made under that name until it is moved.
  case folderInTheWay(file: String)
  /// The workspace's sessions folder (`path`) is not there and cannot be made: a file has its name, or a folder
  /// above it is a file, or it may not be written.
  case noSessionsFolder(path: String, reason: SystemReason)
  /// No session with this name is in the workspace; lists the names there are.
  case notFound(name: String, available: [String])
  /// The session's snapshot (`NAME.yaml`) is missing, but its last good copy is there: `--recover` restores the
  /// draft from it and the journal; a new session under the name would write over both, so none is made.
  case snapshotMissing(name: String)
  /// The session file is not a readable minutes file: `file:line:col` and what.
  case unreadable(YAMLProblem)
  /// The session file is unreadable, but a copy of its last good snapshot can restore the draft.
  case recoverable(YAMLProblem, name: String)
  /// `--recover` was asked for a session that needs none, or cannot be restored.
  case nothingToRecover(name: String, reason: String)
  /// The file says a format newer than this version reads.
  case unsupportedFormat(file: String, found: Int, supported: Int)
  /// Another `minutes` has the session open.
  case locked(name: String, pid: Int32, host: String, since: String)
  /// Writing the file failed; the draft in memory is intact.
  case writeFailed(file: String, reason: SystemReason)
  /// The snapshot's generation is the largest number there is (a file changed by hand), so a new snapshot cannot
  /// be numbered after it; nothing was written.
  case generationExhausted(file: String, generation: Int)
  /// The file holds conflicts git left when it could not merge two clerks' edits (see ``MergeConflict``); it was
  /// not read, and nothing was written.
  case conflicted(file: String, conflicts: [MergeConflict])
  /// A marker of a git conflict is left at `line` (some of a conflict's markers were removed, not all): the file
  /// may hold both sides of a part; it was not read.
  case strayMarker(file: String, line: Int)

  /// The English wording (see ``message(_:)``).
  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the session's language; the wording is in `Messages+Storage.swift`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .invalidName(let name, let reason): m.invalidSessionName(name, reason: reason)
    case .pathAsName(let path): m.pathAsSessionName(path)
    case .exists(let name): m.sessionExists(name)
    case .folderInTheWay(let file):
      m("\(file) 是一個資料夾，不是會話；用 --name 另取一個名稱，或把這個資料夾移走。",
        "\(file) is a folder, not a session; choose another --name, or move the folder away.")
    case .notFound(let name, let available): m.sessionNotFound(name, available: available)
    case .noSessionsFolder(let path, let reason):
      m("無法建立會話資料夾 \(path)：\(reason.message(m))。minutes 把工作區的會話存放在這個資料夾裏；請把擋住它的檔案移走、修正權限，或用 --workspace 另選工作區。",
        "cannot make the sessions folder \(path): \(reason). minutes keeps a workspace's sessions in this folder; move "
          + "what is in its way, fix its permissions, or give another --workspace.")
    case .snapshotMissing(let name):
      m("會話「\(name)」的快照 \(name).yaml 不見了，但它最後一份完好的快照還在："
          + "`minutes resume \(name) --recover` 可以還原草稿（連同日誌裏的修改）；要另開會話，請用 --name 另取一個名稱。",
        "the snapshot of session `\(name)` (\(name).yaml) is missing, but its last good copy is there: "
          + "`minutes resume \(name) --recover` restores the draft (with the changes in its journal); to start another "
          + "session, choose another --name.")
    case .unreadable(let problem): m.sessionUnreadable(problem)
    case .recoverable(let problem, let name): m.sessionRecoverable(problem, name: name)
    case .nothingToRecover(let name, let reason): m.nothingToRecover(name, reason: reason)
    case .unsupportedFormat(let file, let found, let supported): m.unsupportedFormat(file, found: found, supported: supported)
    case .locked(let name, let pid, let host, let since): m.sessionLocked(name, pid: pid, host: host, since: since)
    case .writeFailed(let file, let reason): m.writeFailed(file, reason: reason)
    case .generationExhausted(let file, let generation): m.generationExhausted(file, generation: generation)
    case .conflicted(let file, let conflicts): m.conflicted(file, conflicts: conflicts)
    case .strayMarker(let file, let line):
      m("\(file):\(line): error: 這裏留有 git 衝突標記；檔案未讀取，也未改動。刪去它，並確認衝突只保留了一邊，然後再打開（在同步中途則再執行 `minutes sync`）。",
        "\(file):\(line): error: a git conflict marker is left here; the file was not read and nothing was changed. Remove it and make sure only one side of the conflict is kept, then open it again (or, in the middle of a sync, run `minutes sync` again).")
    }
  }
}
