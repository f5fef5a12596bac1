import Foundation
import MinutesExport
import MinutesInterview
import MinutesModel
import MinutesStorage
import MinutesTemplates
import MinutesValidation

/// A workspace: its folder, the sessions in its `sessions/` and the templates it sees (built-in and its own
/// `templates/`). The one place where a draft is opened (loaded, its template found, conformed with
/// `file:line:col`), checked, exported and put in canonical form, for every subcommand and for `:export`.
public struct Workspace: Sendable {
  /// The workspace folder.
  public let url: URL
  /// The sessions in its `sessions/` folder.
  public let store: SessionStore
  /// The templates it sees.
  public let templates: TemplateLibrary

  /// The workspace in the folder `url`.
  public init(url: URL) { self.init(url: url, path: url.path) }

  /// The workspace in the folder at the absolute path `path` (no `/` at its end, nor `.` or `..` components: as
  /// ``folder(atPath:)`` and ``find(fromPath:)`` give it; relative, to the current folder, only when that folder
  /// was removed and its path cannot be had). Its files' paths are made from this text, not from a URL (see
  /// ``SessionStore/directoryPath``).
  public init(path: String) { self.init(url: URL(fileURLWithPath: path, isDirectory: true), path: path) }

  private init(url: URL, path: String) {
    self.url = url
    store = SessionStore(workspace: url, path: path)
    templates = TemplateLibrary(workspacePath: path)
  }

  /// A draft opened for reading or drafting: its file conformed to its template, and where it was read.
  public struct Draft: Sendable {
    /// The file: the snapshot with the journal applied (for a session), conformed to ``template``.
    public var file: SessionFile
    /// The draft's template.
    public var template: Template
    /// The file it was read from.
    public var path: String
    /// The session's name, when it was opened as a session rather than as a file.
    public var name: String?
    /// The session as loaded, with its undo history, when it was opened as a session.
    public var session: LoadedSession?
    /// Whether the draft is as read from its file: conforming it to its template changed nothing.
    public var isAsStored = true

    /// What loading the session found and the clerk must hear (see ``LoadProblem``); empty for a file, or when
    /// all was well.
    public var loadProblems: [LoadProblem] { session?.problems ?? [] }

    /// The state an assistant drafts on: the conformed draft with the session's undo history.
    public func state(interview: Interview) -> DraftState {
      guard var session else { return DraftState(minutes: file.minutes, cursor: interview.firstQuestion(in: file.minutes)) }
      session.file = file
      return session.state(interview: interview)
    }

    /// Whether the index kept in the session's cache for this very draft (``DraftIndex``, made by this program for
    /// this template) counts no error: then ``Validator/errors(in:)`` would find none, and need not walk the
    /// draft. `false` when no such index was kept (a file, an old cache, a journal replayed since, another build),
    /// whatever the draft holds.
    /// - Complexity: O(t + e): the top of the draft and the number of top-level list entries.
    var isErrorFreeByIndex: Bool {
      guard let annex = session?.annex, !annex.isEmpty else { return false }
      let index = DraftIndex(template: template, minutes: minutes, saved: annex)
      return index.isRestored && index.openErrorCount(in: minutes, cursor: nil) == 0
    }

    /// The draft's minutes.
    public var minutes: Minutes { file.minutes }
    /// The messages in the template's language.
    public var messages: Messages { template.messages }
  }

  /// A session name as typed, in Unicode NFC, so that `é` typed either way names the same session.
  public static func sessionName(_ name: String) -> String { name.precomposed }

  /// The session a clerk names by `typed`: the one whose files are named by exactly these bytes (as `minutes list`
  /// shows them, or the picker gives them), else ``sessionName(_:)`` of it as its files are named in this
  /// workspace (``SessionStore/storedName(of:)``: a session whose file name is not in NFC is reached by its name
  /// however typed).
  public func existingSessionName(_ typed: String) -> String {
    store.hasSnapshot(typed) ? typed : store.storedName(of: Self.sessionName(typed))
  }

  /// The name a new session typed as `typed` takes: ``sessionName(_:)`` of it, or, when sessions have that name
  /// once in NFC (``SessionStore/namesAlike(_:)``), the first of them, which then refuses it as existing: a new
  /// session never lists alike beside one already there.
  public func newSessionName(_ typed: String) -> String {
    let name = Self.sessionName(typed)
    return store.namesAlike(name).first ?? name
  }

  /// `minutes-YYYYMMDD-HHMMSS` in local time.
  /// (The C library's `localtime_r` and `strftime`: a `DateFormatter` made for it cost 2 ms before the first prompt.)
  public static func defaultSessionName(at date: Date = Date()) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var local = tm()
    localtime_r(&seconds, &local)
    var text = [CChar](repeating: 0, count: 32)
    let count = strftime(&text, text.count, "%Y%m%d-%H%M%S", &local)
    return "minutes-" + String(decoding: text[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether `target` (as given to `minutes check`) names a file rather than a session: it has a `/` or ends in
  /// `.yaml`.
  public static func isFilePath(_ target: String) -> Bool { target.contains("/") || target.hasSuffix(".yaml") }

  /// Opens the session `name`: its snapshot with the journal applied (or, with `recover`, restored from its last
  /// good snapshot), conformed to its template.
  /// - Throws: ``SessionError`` (an unreadable file that has a last good snapshot is
  ///   ``SessionError/recoverable(_:name:)``), ``TemplateError``.
  public func openSession(_ name: String, recover: Bool = false) throws -> Draft {
    let loaded: LoadedSession
    do {
      loaded = recover ? try store.recover(name: name) : try store.loadState(name: name)
    } catch SessionError.unreadable(let problem) where store.lastGoodSnapshot(name: name) != nil {
      throw SessionError.recoverable(problem, name: name)
    }
    let path = store.file(for: name).path
    // An index this program kept for the template vouches that the draft is conformed (`DraftIndex.isKept`): at
    // 1,000 agenda items, walking the draft to learn it was a twelfth of a check.
    var draft = try conformed(loaded.file, path: path, yaml: try? String(contentsOfFile: path, encoding: .utf8), index: loaded.annex)
    draft.name = name
    draft.session = loaded
    // What was kept beside the snapshot describes the draft as stored, not as conformed to a changed template.
    if !draft.isAsStored { draft.session?.annex = [] }
    return draft
  }

  /// Opens the minutes file at `path` for reading.
  /// - Throws: ``WorkspaceError`` when it cannot be read, ``SessionError`` when it is not a minutes file,
  ///   ``TemplateError``.
  public func openFile(_ path: String) throws -> Draft {
    let path = URL(fileURLWithPath: path).path
    let text = try Self.readText(path)
    return try conformed(try SessionFile.parse(text, file: path), path: path, yaml: text)
  }

  /// Opens `target`: a file when ``isFilePath(_:)``, else the session of that name.
  public func open(_ target: String) throws -> Draft {
    Self.isFilePath(target) ? try openFile(target) : try openSession(existingSessionName(target))
  }

  /// `file` with its template found and the draft conformed to it; a mismatch is reported at its line in `yaml`
  /// (read only then: a session opened from its cache does not read its 2.5 MB of YAML text at 1,000 items).
  /// `index` is the index kept beside a session's snapshot: one this program kept for the template found vouches
  /// that the draft is conformed, which is then not looked at.
  private func conformed(_ file: SessionFile, path: String, yaml: @autoclosure () -> String?, index: [UInt8] = []) throws -> Draft {
    let template = try templates.template(id: file.minutes.template)
    guard !DraftIndex.isKept(index, for: template), !template.isConformed(file.minutes) else {
      return Draft(file: file, template: template, path: path)
    }
    var file = file
    file.minutes = try template.conform(file.minutes, yaml: yaml(), file: path)
    var draft = Draft(file: file, template: template, path: path)
    draft.isAsStored = false
    return draft
  }

  /// The language for the messages about the session `name` before (or without) opening it: its template's,
  /// named at the top of its file (or, when that is damaged, in its last good snapshot); `nil` when neither can
  /// be read. The draft itself is not read: that is the opening's work, done once.
  public func messages(forSession name: String) -> Messages? {
    guard (try? store.validate(existing: name)) != nil else { return nil }
    if let id = SessionStore.templateID(ofFileAt: store.file(for: name)), let template = try? templates.template(id: id) {
      return template.messages
    }
    return store.lastGoodSnapshot(name: name).flatMap { try? templates.template(id: $0.minutes.template) }?.messages
  }

  /// The messages in the language of the template of the minutes file at `path` (named at its top), as far as
  /// it can be read; `nil` when it cannot.
  public func messages(forFile path: String) -> Messages? {
    SessionStore.templateID(ofFileAt: URL(fileURLWithPath: path)).flatMap { try? templates.template(id: $0) }?.messages
  }

  // MARK: - Check, export, format

  /// The findings of the checks on `draft`.
  public func findings(in draft: Draft) -> [Finding] { Validator(template: draft.template).findings(in: draft.minutes) }

  /// What an export made.
  public struct Exported: Sendable {
    /// The export: text, or the bytes of a binary file (DOCX).
    public var output: ExportOutput
    /// The errors the draft still has (the export then says it is a draft: the text starts with the DRAFT line).
    public var errors: [Finding]
    /// The file it was written to, when one was asked for.
    public var file: URL?
    /// The conversion into the other script, when one was asked for (`--script`): what it used and the
    /// characters to confirm (``ScriptConversion/report(_:places:)``).
    public var conversion: ScriptConversion?

    /// The text of a text export; `nil` for a binary one.
    public var text: String? { output.text }
  }

  /// Exports `draft`, as ``export(_:template:request:allowErrors:to:sessions:templates:replacing:)`` into this
  /// workspace, with its templates (for the counterpart of a template in the other script).
  public func export(
    _ draft: Draft, request: ExportRequest = .default, allowErrors: Bool, to file: URL? = nil, replacing: Bool = true
  ) throws -> Exported {
    // A session closed as the clerk left it keeps its index in the cache: when the index counts no error, the
    // errors are not looked for again (at 1,000 agenda items, that walk was a seventh of an export).
    let knownErrorFree = !request.format.listsFindings && draft.isErrorFreeByIndex
    return try Self.export(draft.minutes, template: draft.template, request: request, allowErrors: allowErrors, to: file,
                           sessions: store.directory, templates: templates, replacing: replacing, knownErrorFree: knownErrorFree)
  }

  /// Exports `minutes` in the format `request` names: with errors remaining, the export says it is a draft (the
  /// DRAFT line; in JSON, `"final": false`) when `allowErrors`, and is refused otherwise; the exporter is told
  /// the errors, and every finding when its format lists them (JSON, ``ExportFormat/listsFindings``); in the other script when
  /// `request` asks for one (see ``ScriptConversion``: the counterpart of `template` is looked for in
  /// `templates`); written to `file` (never into `sessions`; unless `replacing`, never over a file that is there)
  /// when one is given.
  /// `knownErrorFree` says the caller knows `minutes` has no error (its index counts none; see
  /// `Draft.isErrorFreeByIndex`), so the errors are not looked for; it is ignored for a format that lists findings.
  /// - Throws: ``WorkspaceError/exportRefused(errors:)``, ``ExportError`` (``ExportError/fileExists(file:)`` when
  ///   `file` exists and not `replacing`).
  public static func export(
    _ minutes: Minutes, template: Template, request: ExportRequest = .default, allowErrors: Bool, to file: URL?,
    sessions: URL, templates: TemplateLibrary = TemplateLibrary(), replacing: Bool = true, knownErrorFree: Bool = false
  ) throws -> Exported {
    // Only the errors can refuse an export; the warnings are worked out only for a format that lists them.
    let validator = Validator(template: template)
    let findings = request.format.listsFindings
      ? validator.findings(in: minutes) : knownErrorFree ? [] : validator.errors(in: minutes)
    let errors = findings.filter { $0.severity == .error }
    if !errors.isEmpty && !allowErrors { throw WorkspaceError.exportRefused(errors: errors) }
    var conversion: ScriptConversion?
    var (minutes, template) = (minutes, template)
    if let script = request.script {
      let counterpart = script.counterpartID(of: template.id).flatMap { try? templates.template(id: $0) }
      let converted = try ScriptConversion(minutes, template: template, to: script, counterpart: counterpart)
      (minutes, template, conversion) = (converted.minutes, converted.template, converted)
    }
    let options = ExportOptions(draftErrors: errors.count, findings: findings.map(ExportFinding.init))
    let output = try request.format.exporter.export(minutes, template: template, options: options)
    if let file { try TextExporter.write(output.data, to: file, sessions: sessions, replacing: replacing) }
    return Exported(output: output, errors: errors, file: file, conversion: conversion)
  }

  /// The minutes file at `path` in canonical form (normalized text, the template's key order), and whether that
  /// differs from the file as it is.
  /// - Throws: as ``openFile(_:)``.
  public func canonicalForm(of path: String) throws -> (text: String, changed: Bool) {
    let path = URL(fileURLWithPath: path).path
    let original = try Self.readText(path)
    let draft = try conformed(try SessionFile.parse(original, file: path), path: path, yaml: original)
    let canonical = try draft.file.canonical().yaml()
    return (canonical, canonical != original)
  }

  /// Rewrites the minutes file at `path` in canonical form; returns whether it changed (with `dryRun`, whether it
  /// would). A session's snapshot (see ``lockSession(ofFile:)``) is rewritten only while its session is closed, and
  /// with its lock held so that no `minutes` opens it meanwhile; a stale lock it replaced is passed to `tookOver`.
  /// - Throws: ``WorkspaceError/sessionOpen(file:name:holder:)`` when another live `minutes` holds the session
  ///   (nothing is written), or the errors of reading and writing the file.
  @discardableResult
  public func format(_ path: String, dryRun: Bool = false, tookOver: (SessionLock.Holder) -> Void = { _ in }) throws -> Bool {
    let lock = dryRun ? nil : try Self.lockSession(ofFile: path)
    defer { lock?.release() }
    if let replaced = lock?.replaced { tookOver(replaced) }
    let (text, changed) = try canonicalForm(of: path)
    if changed && !dryRun { try TextExporter.write(text, to: URL(fileURLWithPath: path)) }
    return changed
  }

  /// Takes the lock of the session whose snapshot is the file at `path`, before the file is rewritten outside a
  /// drafting session: a `NAME.yaml` in a folder named `sessions`, or beside a `NAME.lock`. `nil` for any other
  /// file (nothing is locked then).
  /// - Throws: ``WorkspaceError/sessionOpen(file:name:holder:)`` when another live `minutes` holds it, or
  ///   ``ExportError/writeFailed(file:reason:)`` when the lock cannot be written.
  public static func lockSession(ofFile path: String) throws -> SessionLock? {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    let folder = url.deletingLastPathComponent()
    let name = url.deletingPathExtension().lastPathComponent
    guard url.pathExtension == "yaml", !name.isEmpty,
      folder.lastPathComponent == "sessions" || FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).lock").path)
    else { return nil }
    do {
      return try SessionLock(snapshot: url)
    } catch SessionError.locked(let name, let pid, let host, let since) {
      throw WorkspaceError.sessionOpen(file: path, name: name, holder: SessionLock.Holder(pid: pid, host: host, since: since))
    } catch SessionError.writeFailed(let file, let reason) {
      throw ExportError.writeFailed(file: file, reason: reason)
    }
  }

  /// The text of the file at `path`.
  /// - Throws: ``WorkspaceError/unreadableFile(_:reason:)`` saying in words why it cannot be read;
  ///   ``SessionError/unreadable(_:)`` at the line and column of the first byte that is not UTF-8.
  public static func readText(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw WorkspaceError.unreadableFile(path, reason: .missing)
    }
    guard !isDirectory.boolValue else { throw WorkspaceError.unreadableFile(path, reason: .folder) }
    guard let data = FileManager.default.contents(atPath: path) else { throw WorkspaceError.unreadableFile(path, reason: .permissions) }
    do { return try YAMLCoding.text(data, file: path) } catch let problem as YAMLProblem { throw SessionError.unreadable(problem) }
  }
}

extension ExportFinding {
  /// The validator's `finding` as an export carries it.
  public init(_ finding: Finding) {
    self.init(severity: finding.severity, rule: finding.rule, address: finding.address, message: finding.message,
              hint: finding.hint)
  }
}

/// Why the workspace could not open a file or export a draft.
public enum WorkspaceError: LocalizedError, LocalizedMinutesError, Sendable {
  /// Why a file cannot be read.
  public enum Reason: Sendable { case missing, folder, permissions }
  /// A file given on the command line cannot be read.
  case unreadableFile(String, reason: Reason)
  /// The draft has errors and an export without them was asked for.
  case exportRefused(errors: [Finding])
  /// `minutes fmt` did not rewrite `file`, the snapshot of the session `name`: another live `minutes` holds it.
  case sessionOpen(file: String, name: String, holder: SessionLock.Holder)

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .unreadableFile(let path, .missing): m("\(path)：沒有這個檔案", "\(path): no such file")
    case .unreadableFile(let path, .folder): m("\(path) 是資料夾，不是會議記錄檔案", "\(path) is a folder, not a minutes file")
    case .unreadableFile(let path, .permissions): m("\(path) 無法讀取（權限？）", "\(path) cannot be read (permissions?)")
    case .exportRefused(let errors): m("草稿還有 \(errors.count) 個錯誤", "\(errors.count) error(s) remain in the draft")
    case .sessionOpen(let file, let name, let holder):
      m("沒有改寫 \(file)：會話「\(name)」正在另一個 minutes 中打開（\(holder.host) 上的 pid \(holder.pid)，自 \(holder.since) 起）。請先在那裏輸入 :quit，再執行 minutes fmt。",
        "did not rewrite \(file): session `\(name)` is open in another minutes (pid \(holder.pid) on \(holder.host), since \(holder.since)). :quit it there first, then run minutes fmt again.")
    }
  }
}

extension Messages {
  /// The variables of the process's environment that ``init(environment:)`` reads.
  public static var localeEnvironment: [String: String] { ProcessEnvironment.values(["LC_ALL", "LC_MESSAGES", "LANG"]) }

  /// The messages for the language of the environment's locale, for what is said before any session or template
  /// is concerned: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set decides: `zh_TW`, `zh_HK`, `zh_MO`
  /// or a `Hant` script → zh-Hant; `zh_CN`, `zh_SG`, a `Hans` script or plain `zh` → zh-Hans; anything else →
  /// English.
  public init(environment: [String: String] = Messages.localeEnvironment) {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    // `zh-Hant` and `zh_TW` alike. Split by hand rather than with Foundation's `replacingOccurrences`, whose first
    // use in a process (through NSString) was a twentieth of the time to the first prompt.
    let tag = locale.prefix { $0 != "." && $0 != "@" }.lowercased()
    let parts = tag.split { $0 == "_" || $0 == "-" }.map(String.init)
    guard parts.first == "zh" else {
      self.init(language: "en")
      return
    }
    let rest = Set(parts.dropFirst())
    if !rest.isDisjoint(with: ["hant", "tw", "hk", "mo"]) {
      self.init(language: "zh-Hant")
    } else {
      self.init(language: "zh-Hans")
    }
  }
}
