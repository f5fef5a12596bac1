import Foundation
import MinutesModel
import MinutesTemplates

/// The export formats.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Plain text in the template's house style, one paragraph per line, UTF-8, ending with a newline.
  case text
  /// A Word document (Office Open XML, `.docx`): GB/T 9704-2012 for a Chinese template, a minutes document for an
  /// English one; one named paragraph style per kind of paragraph (see ``DocxExporter``).
  case docx
  /// CommonMark with GitHub's tables: the template's `export.markdown`, or the text export's paragraphs under
  /// the template's name (``MarkdownExporter``).
  case markdown
  /// One HTML5 file with its style sheet, `lang` set and no scripts, ready to print (``HTMLExporter``).
  case html
  /// The draft as data: its template, its findings, its parts and the text export (``JSONExporter``; the
  /// schema is `docs/export.schema.json`).
  case json

  /// Whether this format lists the draft's findings (the JSON export does), so that an export must run every
  /// check and not only those that can refuse it (the errors).
  public var listsFindings: Bool { self == .json }
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
  /// The file exists, and overwriting it was not asked for (`minutes export -o FILE` without `--force`).
  case fileExists(file: String)
  /// No export format has this name; `available` are the formats there are.
  case unknownFormat(String, available: [String])
  /// No export format is chosen by the extension of `file` (`.pdf`), and none was named.
  case unknownExtension(file: String, extension: String)
  /// No script has this name (`--script` takes `hans` or `hant`).
  case unknownScript(String)
  /// `--script` was asked of a template that is not written in Chinese characters.
  case scriptNeedsChinese(template: String)
  /// The template's `export.docx` names a paragraph style that does not exist (`minutes templates check` says
  /// where).
  case invalidStyledExport(template: String, message: String)
  /// The DOCX package could not be put together, for `reason` (a fault of this program).
  case packageFailed(reason: String)

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
    case .isFolder(let file):
      m("無法寫入 \(file)：它是資料夾；請指定其中的檔案，例如 \(file.hasSuffix("/") ? file : file + "/")minutes.txt。",
        "cannot write \(file): it is a folder; name a file in it, e.g. \(file.hasSuffix("/") ? file : file + "/")minutes.txt.")
    case .folderMissing(let file, let folder):
      m("無法寫入 \(file)：資料夾 \(folder) 不存在。請先建立它，或不給檔案，直接印出。",
        "cannot write \(file): the folder \(folder) does not exist. Create it first, or give no file to print it instead.")
    case .fileExists(let file):
      m("\(file) 已存在，沒有覆蓋；要覆蓋它，請加上 --force，或指定別的檔案。",
        "\(file) already exists and was not overwritten; add --force to overwrite it, or name another file.")
    case .unknownFormat(let format, let available):
      m("沒有「\(format)」這種匯出格式；可用：\(available.joined(separator: "、"))",
        "unknown format '\(format)'; available: \(available.joined(separator: ", "))")
    case .unknownExtension(let file, let ext):
      m("不知道 .\(ext) 檔案（\(file)）該用哪種匯出格式；請用 --format 指定，或用 \(ExportFormat.knownExtensions) 結尾的檔名。",
        "no export format is known for .\(ext) files (\(file)); name one with --format, or a file ending in \(ExportFormat.knownExtensions).")
    case .unknownScript(let script):
      m("沒有「\(script)」這種字體；--script 可用 hans（簡體字）或 hant（繁體字）。",
        "unknown script '\(script)'; --script takes hans (Simplified characters) or hant (Traditional characters).")
    case .scriptNeedsChinese(let template):
      m("範本 `\(template)` 不是中文的；--script 只轉換中文字的簡繁。",
        "template `\(template)` is not in Chinese; --script converts between Simplified and Traditional characters.")
    case .invalidStyledExport(let template, let message):
      m("範本 `\(template)` 的 `export.docx` 有誤：\(message)。請用 minutes templates check 檢查並修正範本。",
        "the `export.docx` of template `\(template)` is wrong: \(message). Check and fix the template with minutes templates check.")
    case .packageFailed(let reason):
      m("無法組成 DOCX 檔：\(reason)。這是 minutes 的錯誤，請回報；文字匯出（--format text）不受影響。",
        "could not put the DOCX file together: \(reason). This is a fault of minutes; please report it. The text export (--format text) still works.")
    case .writeFailed(let file, let reason):
      m("無法寫入 \(file)：\(reason.message(m))。請釋放空間或修正權限；或不給檔案，直接印出。",
        "cannot write \(file): \(reason). Free some space or fix permissions, or give no file to print it instead.")
    }
  }

  /// This error with what the clerk typed (a path, a format) made safe to print.
  private var typedTextShown: ExportError {
    switch self {
    case .formatNotInTemplate(let format, let template): .formatNotInTemplate(format: Messages.visible(format), template: template)
    case .isFolder(let file): .isFolder(file: Messages.visible(file))
    case .folderMissing(let file, let folder): .folderMissing(file: Messages.visible(file), folder: Messages.visible(folder))
    case .writeFailed(let file, let reason): .writeFailed(file: Messages.visible(file), reason: reason)
    case .intoSessions(let file): .intoSessions(file: Messages.visible(file))
    case .fileExists(let file): .fileExists(file: Messages.visible(file))
    case .unknownFormat(let format, let available): .unknownFormat(Messages.visible(format), available: available)
    case .unknownExtension(let file, let ext): .unknownExtension(file: Messages.visible(file), extension: Messages.visible(ext))
    case .unknownScript(let script): .unknownScript(Messages.visible(script))
    case .scriptNeedsChinese, .invalidStyledExport, .packageFailed: self
    }
  }
}

/// What an export made: text (the text export, and any format that is text), or the bytes of a binary file
/// (a DOCX package). Two outputs are equal when they are both text or both binary, with the same bytes.
public enum ExportOutput: Sendable, Hashable {
  /// Text, written as UTF-8.
  case text(String)
  /// Text as its UTF-8 bytes, written as they are: a long text export, handed over as the renderer wrote it rather
  /// than copied into a string (which a 5,000-item export had been, 12 MB, and copied again to be written to a
  /// file). Bytes that are not well-formed UTF-8 print with U+FFFD in ``text``.
  case utf8(Data)
  /// The bytes of a binary file, written as they are.
  case binary(Data)
  /// Text as its UTF-8 bytes, rendered when it is asked for: ``write(to:)`` hands it on a piece at a time as it is
  /// rendered, never held whole (a long Chinese text export; see ``TextRendering``).
  case rendering(TextRendering)

  /// The bytes a file receives: the text in UTF-8, or the binary as it is.
  public var data: Data {
    switch self {
    case .text(let text): Data(text.utf8)
    case .utf8(let data), .binary(let data): data
    case .rendering(let rendering): rendering.data
    }
  }

  /// Hands the bytes of ``data`` to `sink`, in one or more pieces in order: a ``rendering(_:)`` as it is rendered,
  /// so that a long export is written without being held whole.
  /// - Throws: what `sink` throws; nothing more is handed to it then.
  public func write(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    switch self {
    case .text(var text): try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    case .utf8(let data), .binary(let data): try data.withUnsafeBytes(sink)
    case .rendering(let rendering): try rendering.write(to: sink)
    }
  }

  /// The text, or `nil` for a binary export.
  public var text: String? {
    switch self {
    case .text(let text): text
    case .utf8(let data): String(decoding: data, as: UTF8.self)
    case .rendering(let rendering): String(decoding: rendering.data, as: UTF8.self)
    case .binary: nil
    }
  }

  /// Whether the output is text (printed on a terminal as it is), not a binary file.
  public var isText: Bool {
    if case .binary = self { return false }
    return true
  }

  public static func == (a: ExportOutput, b: ExportOutput) -> Bool {
    switch (a, b) {
    case (.text(let a), .text(let b)): a == b
    case (.binary(let a), .binary(let b)): a == b
    default: a.isText && b.isText && a.data == b.data
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(isText)
    hasher.combine(data)
  }
}


/// A text export's UTF-8, rendered when it is asked for (``ExportOutput/rendering(_:)``): whole, as ``data``, or a
/// piece at a time as it is rendered, by ``write(to:)``; after ``prefix`` (the DRAFT line). Rendering is the same
/// each time it is asked for; two are never done at once (the context fills its caches as it is read).
public final class TextRendering: @unchecked Sendable {
  /// The bytes before the rendered text.
  let prefix: Data
  let renderer: TextRenderer
  let root: ContextValue
  /// Room made at once for ``data``'s rendering (a guess, see ``TextRenderer/render(_:expected:)``), worked out
  /// only when the text is rendered whole: a text written in pieces needs none (working it out had been a twentieth
  /// of writing a 5,000-item export).
  private let expected: @Sendable () -> Int
  /// What is done to the rendered bytes in place: returns how many of them to keep (the first ones); see
  /// ``TextRenderer/renderUTF8(_:expected:edit:)``.
  private let edit: @Sendable (UnsafeMutableBufferPointer<UInt8>) -> Int
  private let lock = NSLock()

  /// The bytes a text is written in at a time, and the most it holds: 64 KiB, a pipe's buffer on Linux.
  static let piece = 64 << 10

  init(
    _ renderer: TextRenderer, over root: ContextValue, expected: @escaping @Sendable () -> Int, prefix: Data = Data(),
    edit: @escaping @Sendable (UnsafeMutableBufferPointer<UInt8>) -> Int
  ) {
    (self.renderer, self.root, self.expected, self.prefix, self.edit) = (renderer, root, expected, prefix, edit)
  }

  /// The same rendering after `prefix` (and this one's own).
  func after(_ prefix: Data) -> TextRendering {
    TextRendering(renderer, over: root, expected: expected, prefix: prefix + self.prefix, edit: edit)
  }

  /// The whole text's bytes (the rendered ones not copied when there is no prefix).
  public var data: Data {
    let rendered = lock.withLock { renderer.renderUTF8(root, expected: expected(), edit: edit) }
    return prefix.isEmpty ? rendered : prefix + rendered
  }

  /// Hands the text's bytes to `sink` in order, a piece of about ``piece`` bytes at a time as they are rendered.
  /// - Throws: what `sink` throws; nothing more is handed to it then (the rendering runs to its end unseen).
  public func write(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
    if !prefix.isEmpty { try prefix.withUnsafeBytes(sink) }
    var failure: (any Error)?
    lock.withLock {
      renderer.renderUTF8(root, piece: Self.piece, edit: edit) { bytes in
        guard failure == nil else { return }
        do { try sink(UnsafeRawBufferPointer(bytes)) } catch { failure = error }
      }
    }
    if let failure { throw failure }
  }
}

/// Turns minutes into one export format.
public protocol Exporter: Sendable {
  /// The format this exporter writes.
  var format: ExportFormat { get }
  /// `minutes` in this format, rendered with `template`'s prose; marked as a draft when `options` say it has
  /// errors.
  /// - Throws: ``ExportError``.
  func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput
}

extension Exporter {
  /// Writes `text` to `url` in UTF-8, as the `Data` form of `write(_:to:sessions:replacing:)`.
  /// - Throws: as the `Data` form of `write(_:to:sessions:replacing:)`.
  public static func write(_ text: String, to url: URL, sessions: URL, replacing: Bool = true) throws {
    try write(Data(text.utf8), to: url, sessions: sessions, replacing: replacing)
  }

  /// Writes `data` to `url`, as the `Data` form of `write(_:to:)` (or, unless `replacing`, as ``create(_:at:)``),
  /// but refuses a file in `sessions` (the workspace's session folder), where an export would overwrite a draft
  /// or its journal.
  /// - Throws: ``ExportError/intoSessions(file:)``, or the errors of the `Data` form of `write(_:to:)` or of
  ///   ``create(_:at:)``.
  public static func write(_ data: Data, to url: URL, sessions: URL, replacing: Bool = true) throws {
    try refuseSessions(url, sessions: sessions)
    // Nor through a link that leads there: a file is written where its link leads (`write(_:to:)`).
    if url.resolvingSymlinksInPath().path != url.path { try refuseSessions(url.resolvingSymlinksInPath(), sessions: sessions) }
    if try writeIntoDevice(data, at: url) { return }
    if replacing {
      try write(data, to: url)
    } else {
      try create(data, at: url)
    }
  }

  /// Refuses `url` when it is in `sessions` (the workspace's session folder), where an export would overwrite a
  /// draft or its journal: said before anything else about an export to it (its format, whether it exists).
  /// - Throws: ``ExportError/intoSessions(file:)``.
  public static func refuseSessions(_ url: URL, sessions: URL) throws {
    let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
    if folder == sessions.resolvingSymlinksInPath().standardizedFileURL.path {
      throw ExportError.intoSessions(file: url.path)
    }
  }

  /// Writes `data` to a new file at `url`, whole or not at all, and never over a file that is there: it is
  /// written beside it under a temporary name, then linked to its name, which fails when the name is taken, even
  /// by a file made a moment before. On a file system without hard links, the file is created exclusively
  /// (`O_EXCL`) and written in place.
  /// - Throws: ``ExportError/fileExists(file:)``, ``ExportError/isFolder(file:)``,
  ///   ``ExportError/folderMissing(file:folder:)``, or ``ExportError/writeFailed(file:reason:)``.
  public static func create(_ data: Data, at url: URL) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      throw isDirectory.boolValue ? ExportError.isFolder(file: url.path) : ExportError.fileExists(file: url.path)
    }
    let folder = url.deletingLastPathComponent().path
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      if !FileManager.default.fileExists(atPath: folder) { throw ExportError.folderMissing(file: url.path, folder: folder) }
      throw ExportError.writeFailed(file: url.path, reason: SystemReason(error))
    }
    defer { unlink(temporary.path) }
    guard link(temporary.path, url.path) != 0 else { return }
    let code = errno
    if code == EEXIST { throw ExportError.fileExists(file: url.path) }
    guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code) else {
      throw ExportError.writeFailed(file: url.path, reason: .posix(code))
    }
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
    guard fd >= 0 else {
      if errno == EEXIST { throw ExportError.fileExists(file: url.path) }
      throw ExportError.writeFailed(file: url.path, reason: .posix())
    }
    var failure: Int32?
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count, failure == nil {
        let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 { if errno != EINTR { failure = errno } } else { offset += written }
      }
    }
    close(fd)
    if let failure {
      unlink(url.path)
      throw ExportError.writeFailed(file: url.path, reason: .posix(failure))
    }
  }

  /// Writes `data` into what `url` names when it is no file but a device, a pipe or a socket (`/dev/null`,
  /// `/dev/stdout`, a named pipe), as a shell's `>` does: there is nothing to replace or keep, and writing a file
  /// beside it and renaming that over it (as a file is replaced whole) would put a file where the device was.
  /// - Returns: whether `url` named such a thing (and `data` was written into it); `false` for a file, a folder
  ///   or nothing, which the caller writes.
  /// - Throws: ``ExportError/writeFailed(file:reason:)`` with the system's reason.
  /// A link into `/proc` (`/dev/stdout`, `/dev/fd/1`: a descriptor of the process) is written into in place too,
  /// whatever its descriptor is open on: replacing it had put a file where `/dev/stdout` was (as root, for every
  /// process after), and left the shell's `> out.txt` empty.
  static func writeIntoDevice(_ data: Data, at url: URL) throws -> Bool {
    var status = stat()
    guard stat(url.path, &status) == 0 else { return false }
    let kind = status.st_mode & S_IFMT
    guard kind == S_IFCHR || kind == S_IFIFO || kind == S_IFSOCK || kind == S_IFBLK || leadsIntoProc(url.path) else { return false }
    do {
      // Foundation's handle writes the whole of `data`, retrying after interruptions.
      let handle = try FileHandle(forWritingTo: url)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
    } catch {
      throw ExportError.writeFailed(file: url.path, reason: SystemReason(error))
    }
    return true
  }

  /// Whether `path` is a symbolic link that leads, link by link, into `/proc` (`/dev/stdout` → `/proc/self/fd/1`).
  static func leadsIntoProc(_ path: String) -> Bool {
    var path = path
    for _ in 0..<8 {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(path, &buffer, buffer.count - 1)
      guard count > 0 else { return false }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      path = target.hasPrefix("/") ? target : (path as NSString).deletingLastPathComponent + "/" + target
      if path.hasPrefix("/proc/") { return true }
    }
    return false
  }

  /// Writes `text` to `url` in UTF-8, replacing the file whole.
  /// - Throws: as the `Data` form of `write(_:to:)`.
  public static func write(_ text: String, to url: URL) throws {
    try write(Data(text.utf8), to: url)
  }

  /// Writes `data` to `url`, replacing the file whole.
  /// - Throws: ``ExportError/isFolder(file:)``, ``ExportError/folderMissing(file:folder:)``, or
  ///   ``ExportError/writeFailed(file:reason:)`` with the system's reason.
  /// A symbolic link is written through, as a shell's `>` does: the file it leads to is replaced, and the link
  /// stays.
  public static func write(_ data: Data, to url: URL) throws {
    if try writeIntoDevice(data, at: url) { return }
    let url = url.resolvingSymlinksInPath()
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw ExportError.isFolder(file: url.path)
    }
    let folder = url.deletingLastPathComponent().path
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      if !FileManager.default.fileExists(atPath: folder) { throw ExportError.folderMissing(file: url.path, folder: folder) }
      throw ExportError.writeFailed(file: url.path, reason: SystemReason(error))
    }
  }
}

extension ExportFormat {
  /// The first lines of an export made while the draft still has errors (`minutes export --draft`, `:export`):
  /// the DRAFT line, then each line of an imported text not yet put where it belongs (the draft's `unparsed`), so
  /// that nothing of the text read is missing from what the clerk reviews.
  public static func draftBanner(errors: Int, unparsed: [String] = [], _ m: Messages = Messages(language: "zh-Hant")) -> String {
    "DRAFT " + m("草稿：尚有 \(errors) 個錯誤，未定稿。", "— \(errors) error(s) remain; not final.") + "\n"
      + unparsed.enumerated().map { m("UNPARSED \($0 + 1) 未歸位：", "UNPARSED \($0 + 1): ") + $1 + "\n" }.joined()
  }

  /// The lines of an imported text kept in `minutes` under `unparsed`, in order.
  public static func unparsedLines(of minutes: Minutes) -> [String] {
    minutes.value(at: Address(steps: [.key(Template.unparsedKey)]))?.list?.compactMap(\.text) ?? []
  }

  /// The exporter for this format, with no findings (a final export).
  public var exporter: any Exporter { exporter(.default) }

  /// The exporter for this format, told `options`.
  public func exporter(_ options: ExportOptions) -> any Exporter {
    switch self {
    case .text: TextExporter()
    case .docx: DocxExporter()
    case .markdown: MarkdownExporter()
    case .html: HTMLExporter()
    case .json: JSONExporter()
    }
  }
}
