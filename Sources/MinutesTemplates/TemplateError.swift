import Foundation
import MinutesModel

/// Why a template could not be found or used.
public enum TemplateError: LocalizedError, Hashable, Sendable {
  /// No template with this id is built in or in the workspace's `templates/`; lists the ids there are.
  case notFound(id: String, available: [String])
  /// The file is not valid YAML, or a key is missing or of the wrong kind: `file:line:col` and what.
  case invalid(YAMLProblem)
  /// The file says a format newer than this version reads.
  case unsupportedFormat(file: String, found: Int, supported: Int)
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// A draft does not have the shape its template declares (a file edited by hand, or for another version of
  /// the template): the stored address of the part and what is wrong.
  case draftMismatch(template: String, address: String, message: String)
  /// A template extends itself, directly or through others.
  case extensionCycle(ids: [String])

  public var errorDescription: String? {
    switch self {
    case .notFound(let id, let available):
      "no template `\(id)`; available: \(available.joined(separator: ", ")). Pass one of them with --template."
    case .invalid(let problem):
      "\(problem.file):\(problem.line):\(problem.column): error: \(problem.message)"
    case .unsupportedFormat(let file, let found, let supported):
      "\(file): template format \(found) is newer than this version reads (\(supported)); update minutes."
    case .unreadable(let file, let reason):
      "cannot read template \(file): \(reason)"
    case .draftMismatch(let template, let address, let message):
      "the draft does not fit template `\(template)` at `\(address)`: \(message). Fix the file by hand, or run `minutes check` on it for details."
    case .extensionCycle(let ids):
      "templates extend each other in a circle: \(ids.joined(separator: " → ")); one of them must not use `extends`."
    }
  }
}
