import Foundation
import MinutesModel
import MinutesTemplates

/// The export formats.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Plain text in the template's house style, one paragraph per line, UTF-8, ending with a newline.
  case text
}

/// Why minutes could not be exported.
public enum ExportError: LocalizedError, Hashable, Sendable {
  /// The template has no export for this format.
  case formatNotInTemplate(format: String, template: String)
  /// The export could not be written to the file.
  case writeFailed(file: String, reason: String)
  /// The file is one of the workspace's session files, which an export must not overwrite.
  case intoSessions(file: String)

  public var errorDescription: String? {
    switch self {
    case .formatNotInTemplate(let format, let template):
      "template `\(template)` has no `\(format)` export; add `export.\(format)` to it."
    case .intoSessions(let file):
      "\(file) is in the sessions folder, where the drafts are kept; export to another file (e.g. in the workspace itself)."
    case .writeFailed(let file, let reason) where reason == "it is a folder":
      "cannot write \(file): it is a folder; name a file in it, e.g. \(file.hasSuffix("/") ? file : file + "/")minutes.txt."
    case .writeFailed(let file, let reason):
      "cannot write \(file): \(reason). Check that the folder exists and can be written, or leave out -o to print."
    }
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
