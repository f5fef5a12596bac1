import Foundation
import MinutesModel
import MinutesTemplates

/// The export formats.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Plain text in the template's house style, one paragraph per line, UTF-8, ending with a newline.
  case text
}

/// Why minutes could not be exported.
public enum ExportError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The template has no export for this format.
  case formatNotInTemplate(format: String, template: String)
  /// The export could not be written to the file.
  case writeFailed(file: String, reason: String)
  /// The file is one of the workspace's session files, which an export must not overwrite.
  case intoSessions(file: String)

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`. A path or format the clerk typed is quoted with its
  /// control characters written out (``Messages/visible(_:)``).
  public func message(_ m: Messages) -> String {
    switch self.typedTextShown {
    case .formatNotInTemplate(let format, let template):
      m("範本 `\(template)` 沒有 `\(format)` 匯出；請在範本中加上 `export.\(format)`。",
        "template `\(template)` has no `\(format)` export; add `export.\(format)` to it.")
    case .intoSessions(let file):
      m("\(file) 在保存草稿的 `sessions/` 資料夾中；請匯出到別的檔案（例如工作區本身）。",
        "\(file) is in the sessions folder, where the drafts are kept; export to another file (e.g. in the workspace itself).")
    case .writeFailed(let file, let reason) where reason == "it is a folder":
      m("無法寫入 \(file)：它是資料夾；請指定其中的檔案，例如 \(file.hasSuffix("/") ? file : file + "/")minutes.txt。",
        "cannot write \(file): it is a folder; name a file in it, e.g. \(file.hasSuffix("/") ? file : file + "/")minutes.txt.")
    case .writeFailed(let file, let reason):
      m("無法寫入 \(file)：\(Self.reason(reason, m))。請確認資料夾存在且可寫入；或不給檔案，直接印出。",
        "cannot write \(file): \(reason). Check that the folder exists and can be written, or give no file to print it instead.")
    }
  }

  /// This error with what the clerk typed (a path, a format) made safe to print.
  private var typedTextShown: ExportError {
    switch self {
    case .formatNotInTemplate(let format, let template): .formatNotInTemplate(format: Messages.visible(format), template: template)
    case .writeFailed(let file, let reason): .writeFailed(file: Messages.visible(file), reason: Messages.visible(reason))
    case .intoSessions(let file): .intoSessions(file: Messages.visible(file))
    }
  }

  /// The system's reason for a failed write, in the language of `m`.
  private static func reason(_ reason: String, _ m: Messages) -> String {
    if reason == "permission denied or disk full" { return m("沒有權限或磁碟已滿", reason) }
    let prefix = "the folder ", suffix = " does not exist"
    if reason.hasPrefix(prefix), reason.hasSuffix(suffix) {
      let folder = String(reason.dropFirst(prefix.count).dropLast(suffix.count))
      return m("資料夾 \(folder) 不存在", reason)
    }
    return m.systemReason(reason)
  }
}

/// Turns minutes into one export format.
public protocol Exporter: Sendable {
  /// The format this exporter writes.
  var format: ExportFormat { get }
  /// Renders `minutes` with `template`'s prose.
  /// - Throws: ``ExportError``.
  func export(_ minutes: Minutes, template: Template) throws -> String
}

extension Exporter {
  /// Writes `text` to `url`, as ``write(_:to:)``, but refuses a file in `sessions` (the workspace's session
  /// folder), where an export would overwrite a draft or its journal.
  /// - Throws: ``ExportError/intoSessions(file:)``, or the errors of ``write(_:to:)``.
  public static func write(_ text: String, to url: URL, sessions: URL) throws {
    let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
    if folder == sessions.resolvingSymlinksInPath().standardizedFileURL.path {
      throw ExportError.intoSessions(file: url.path)
    }
    try write(text, to: url)
  }

  /// Writes `text` to `url`, replacing the file whole.
  /// - Throws: ``ExportError/writeFailed(file:reason:)`` with the system's reason.
  public static func write(_ text: String, to url: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw ExportError.writeFailed(file: url.path, reason: "it is a folder")
    }
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      let reason = FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path)
        ? "permission denied or disk full" : "the folder \(url.deletingLastPathComponent().path) does not exist"
      throw ExportError.writeFailed(file: url.path, reason: reason)
    }
  }
}

extension ExportFormat {
  /// The first line of an export made while the draft still has errors (`minutes export --draft`, `:export`).
  public static func draftBanner(errors: Int, _ m: Messages = Messages(language: "zh-Hant")) -> String {
    "DRAFT " + m("草稿：尚有 \(errors) 個錯誤，未定稿。", "— \(errors) error(s) remain; not final.") + "\n"
  }

  /// The exporter for this format.
  public var exporter: any Exporter {
    switch self {
    case .text: TextExporter()
    }
  }
}
