import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// Why a session could not be created, opened or saved.
public enum SessionError: LocalizedError, Hashable, Sendable {
  /// The name cannot be a session name (empty, a path, a leading dot, control characters, too long).
  case invalidName(String, reason: String)
  /// A session with this name exists already.
  case exists(name: String)
  /// No session with this name is in the workspace; lists the names there are.
  case notFound(name: String, available: [String])
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
  case writeFailed(file: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .invalidName(let name, let reason):
      "`\(name)` cannot be a session name: \(reason). Use letters, digits, CJK, '-' or '_', e.g. 常務會議-0520."
    case .exists(let name):
      "a session named `\(name)` exists already; continue it with `minutes resume \(name)` or choose another --name."
    case .notFound(let name, let available):
      available.isEmpty
        ? "no session `\(name)` in this workspace (it has none yet); start one with `minutes new`."
        : "no session `\(name)`; sessions here: \(available.joined(separator: ", "))."
    case .unreadable(let problem):
      "\(problem.file):\(problem.line):\(problem.column): error: \(problem.message). The file was left as it is."
    case .recoverable(let problem, let name):
      "\(problem.file):\(problem.line):\(problem.column): error: \(problem.message). The file was left as it is. "
        + "The last good snapshot and the journal can restore the draft: `minutes resume \(name) --recover` "
        + "(the damaged file is kept beside it)."
    case .nothingToRecover(let name, let reason):
      "nothing to recover for session `\(name)`: \(reason). Open it with `minutes resume \(name)`."
    case .unsupportedFormat(let file, let found, let supported):
      "\(file): minutes format \(found) is newer than this version reads (\(supported)); update minutes."
    case .locked(let name, let pid, let host, let since):
      "session `\(name)` is open in another minutes (pid \(pid) on \(host), since \(since)). Close it there; "
        + "if that window is gone, take the session over with `minutes resume \(name) --take-over`."
    case .writeFailed(let file, let reason):
      "could not save \(file): \(reason). Your draft is still open; free some space or fix permissions, then :save."
    }
  }
}
