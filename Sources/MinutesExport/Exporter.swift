import Foundation
import MinutesModel
import MinutesTemplates

/// The export formats.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Plain text in the template's house style, one paragraph per line, UTF-8, ending with a newline.
  case text
  /// CommonMark with GitHub's tables: the template's `export.markdown`, or the text export's paragraphs under
  /// the template's name (``MarkdownExporter``).
  case markdown
  /// One HTML5 file with its style sheet, `lang` set and no scripts, ready to print (``HTMLExporter``).
  case html
  /// The draft as data: its template, its findings, its parts and the text export (``JSONExporter``; the
  /// schema is `docs/export.schema.json`).
  case json
}

/// What an export is told besides the draft and its template.
public struct ExportOptions: Sendable, Hashable {
  /// How many errors the draft still has; with one or more, the export says that it is a draft (the DRAFT line
  /// of ``ExportFormat/draftBanner(errors:_:)`` in text, Markdown and HTML).
  public var draftErrors: Int
  /// The findings of the checks on the draft, which the JSON export lists (the other formats need only
  /// ``draftErrors``).
  public var findings: [ExportFinding]

  /// Creates options; `draftErrors` and `findings` as above (`Workspace` gives the validator's findings and the
  /// number of errors among them).
  public init(draftErrors: Int = 0, findings: [ExportFinding] = []) {
    self.draftErrors = draftErrors
    self.findings = findings
  }

  /// A finished draft: no errors, no findings.
  public static let `default` = ExportOptions()
}

/// A finding of the checks as an export carries it (the validator's `Finding`, which this area does not see).
public struct ExportFinding: Codable, Hashable, Sendable {
  /// `error` or `warning`.
  public var severity: Severity
  /// The rule's stable id, e.g. `required`.
  public var rule: String
  /// Where in the draft, as a clerk types it; `""` for the whole draft.
  public var address: String
  /// What is wrong, in the template's language.
  public var message: String
  /// The command that fixes it.
  public var hint: String

  /// Creates a finding.
  public init(severity: Severity, rule: String, address: String, message: String, hint: String) {
    self.severity = severity
    self.rule = rule
    self.address = address
    self.message = message
    self.hint = hint
  }
}

/// Why minutes could not be exported.
public enum ExportError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The template has no export for this format.
  case formatNotInTemplate(format: String, template: String)
  /// The file named is a folder.
  case isFolder(file: String)
  /// The folder the file would go in does not exist.
  case folderMissing(file: String, folder: String)
  /// The export could not be written to the file, for the system's `reason`.
  case writeFailed(file: String, reason: SystemReason)
  /// The file is one of the workspace's session files, which an export must not overwrite.
  case intoSessions(file: String)

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .formatNotInTemplate(let format, let template):
      m("範本 `\(template)` 沒有 `\(format)` 匯出；請在範本中加上 `export.\(format)`。",
        "template `\(template)` has no `\(format)` export; add `export.\(format)` to it.")
    case .intoSessions(let file):
      m("\(file) 在保存草稿的 `sessions/` 資料夾中；請匯出到別的檔案（例如工作區本身）。",
        "\(file) is in the sessions folder, where the drafts are kept; export to another file (e.g. in the workspace itself).")
    case .isFolder(let file):
      m("無法寫入 \(file)：它是資料夾；請指定其中的檔案，例如 \(file.hasSuffix("/") ? file : file + "/")minutes.txt。",
        "cannot write \(file): it is a folder; name a file in it, e.g. \(file.hasSuffix("/") ? file : file + "/")minutes.txt.")
    case .folderMissing(let file, let folder):
      m("無法寫入 \(file)：資料夾 \(folder) 不存在。請先建立它，或不給檔案，直接印出。",
        "cannot write \(file): the folder \(folder) does not exist. Create it first, or give no file to print it instead.")
    case .writeFailed(let file, let reason):
      m("無法寫入 \(file)：\(reason.message(m))。請釋放空間或修正權限；或不給檔案，直接印出。",
        "cannot write \(file): \(reason). Free some space or fix permissions, or give no file to print it instead.")
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
  /// - Throws: ``ExportError/isFolder(file:)``, ``ExportError/folderMissing(file:folder:)``, or
  ///   ``ExportError/writeFailed(file:reason:)`` with the system's reason.
  public static func write(_ text: String, to url: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw ExportError.isFolder(file: url.path)
    }
    let folder = url.deletingLastPathComponent().path
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      if !FileManager.default.fileExists(atPath: folder) { throw ExportError.folderMissing(file: url.path, folder: folder) }
      throw ExportError.writeFailed(file: url.path, reason: SystemReason(error))
    }
  }
}

extension ExportFormat {
  /// The first line of an export made while the draft still has errors (`minutes export --draft`, `:export`).
  public static func draftBanner(errors: Int, _ m: Messages = Messages(language: "zh-Hant")) -> String {
    "DRAFT " + m("草稿：尚有 \(errors) 個錯誤，未定稿。", "— \(errors) error(s) remain; not final.") + "\n"
  }

  /// The exporter for this format, with no findings (a final export).
  public var exporter: any Exporter { exporter(.default) }

  /// The exporter for this format, told `options`.
  public func exporter(_ options: ExportOptions) -> any Exporter {
    switch self {
    case .text: TextExporter(options: options)
    case .markdown: MarkdownExporter(options: options)
    case .html: HTMLExporter(options: options)
    case .json: JSONExporter(options: options)
    }
  }
}
