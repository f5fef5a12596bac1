import Foundation
import MinutesModel

/// Why a template could not be found or used.
public enum TemplateError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// No template with this id is built in or in the workspace's `templates/`; lists the ids there are.
  case notFound(id: String, available: [String])
  /// The file is not valid YAML, or a key is missing or of the wrong kind: `file:line:col` and what.
  case invalid(YAMLProblem)
  /// The file says a format newer than this version reads.
  case unsupportedFormat(file: String, found: Int, supported: Int)
  /// The file could not be read.
  case unreadable(file: String, reason: SystemReason)
  /// A draft does not have the shape its template declares (a file edited by hand, or for another version of
  /// the template): the stored address of the part and what is wrong.
  case draftMismatch(template: String, address: String, reason: DraftMismatch)
  /// A template extends itself, directly or through others.
  case extensionCycle(ids: [String])

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`.
  /// The id among `available` that differs from `id` in case alone, if any.
  private static func sameButCase(_ id: String, in available: [String]) -> String? {
    available.first { $0.lowercased() == id.lowercased() }
  }

  public func message(_ m: Messages) -> String {
    switch self {
    case .notFound(let id, let available):
      // An id that differs from one only in case (`Team-Meeting.en`) is named first: ids are compared exactly.
      m("沒有範本 `\(m.shown(id))`\(Self.sameButCase(id, in: available).map { "（範本名稱區分大小寫）；是要用 `\($0)` 嗎？" } ?? "；")可用的範本：\(available.map { "`\($0)`" }.joined(separator: "、"))。",
        "no template `\(m.shown(id))`\(Self.sameButCase(id, in: available).map { " (template ids are case-sensitive); did you mean `\($0)`?" } ?? ";") available: \(available.joined(separator: ", ")).")
    case .invalid(let problem):
      "\(problem.place): error: \(problem.message(m))"
    case .unsupportedFormat(let file, let found, let supported):
      m("\(file)：範本格式 \(found) 比這個版本能讀的（\(supported)）新；請更新 minutes。",
        "\(file): template format \(found) is newer than this version reads (\(supported)); update minutes.")
    case .unreadable(let file, let reason):
      m("無法讀取範本 \(file)：\(reason.message(m))", "cannot read template \(file): \(reason)")
    case .draftMismatch(let template, let address, let reason):
      m("草稿在 `\(address)` 不符合範本 `\(template)`：" + reason.chinese + "。請手動修正檔案，或對它執行 `minutes check` 查看詳情。",
        "the draft does not fit template `\(template)` at `\(address)`: \(reason.english). Fix the file by hand, or run `minutes check` on it for details.")
    case .extensionCycle(let ids):
      m("範本互相擴展，形成循環：\(ids.joined(separator: " → "))；其中一個不能使用 `extends`。",
        "templates extend each other in a circle: \(ids.joined(separator: " → ")); one of them must not use `extends`.")
    }
  }
}
