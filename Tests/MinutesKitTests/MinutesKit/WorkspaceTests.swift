import Foundation
import Testing

@testable import MinutesKit
import MinutesStorage
import MinutesTestSupport

/// The workspace façade: a draft opened by session name or by file path alike, checked, exported (refused with
/// errors unless a draft) and put in canonical form; the language of the environment's locale.
@Suite struct WorkspaceTests {
  /// A new workspace with one empty gov-executive.zh-Hant session `s`, compacted once so that it has a last good
  /// snapshot.
  private func workspace() throws -> Workspace {
    let url = try TestSupport.temporaryWorkspace("workspace")
    let workspace = Workspace(url: url)
    let minutes = Minutes(template: "gov-executive.zh-Hant")
    try workspace.store.create(SessionFile(minutes: minutes), name: "s")
    _ = try workspace.store.compact(DraftState(minutes: minutes, cursor: nil), name: "s")
    return workspace
  }

  /// The default session name (made with the C library's `strftime`) and a lock's `since` (by the ISO 8601
  /// format style) read as `DateFormatter` and `ISO8601DateFormatter` wrote them, at dates across the years.
  @Test(arguments: [0.0, 951_782_400, 1_700_000_000.75, 1_767_225_599, 2_000_000_000])
  func theDefaultNameAndALocksTimeReadAsBefore(seconds: Double) {
    let date = Date(timeIntervalSince1970: seconds)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    #expect(Workspace.defaultSessionName(at: date) == "minutes-" + formatter.string(from: date))
    #expect(SessionLock.Holder(process: getpid(), since: date).since == ISO8601DateFormatter().string(from: date))
  }

  @Test func aSessionAndItsFileOpenAlike() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let session = try workspace.open("s")
    #expect(session.name == "s")
    #expect(session.template.id == "gov-executive.zh-Hant")
    #expect(session.messages.language == "zh-Hant")
    #expect(session.loadProblems.isEmpty)
    let file = try workspace.open(workspace.store.file(for: "s").path)
    #expect(file.name == nil)
    #expect(file.path == session.path)
    #expect(file.minutes == session.minutes)
    #expect(workspace.findings(in: file).contains { $0.severity == .error })
    #expect(workspace.messages(forSession: "s")?.language == "zh-Hant")
    #expect(workspace.messages(forSession: "nothing") == nil)
  }

  @Test func anUnreadableSessionWithALastGoodSnapshotIsRecoverable() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    #expect(workspace.store.lastGoodSnapshot(name: "s") != nil)
    try "format: 1\ntemplate: [\n".write(to: workspace.store.file(for: "s"), atomically: true, encoding: .utf8)
    #expect {
      try workspace.openSession("s")
    } throws: { error in
      guard case SessionError.recoverable(let problem, let name) = error else { return false }
      return name == "s" && problem.line == 2
    }
    #expect(workspace.messages(forSession: "s")?.language == "zh-Hant", "the last good snapshot names the template")
    let recovered = try workspace.openSession("s", recover: true)
    #expect(recovered.template.id == "gov-executive.zh-Hant")
  }

  @Test func anExportWithErrorsIsRefusedUnlessADraftAndNeverWrittenIntoSessions() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let draft = try workspace.open("s")
    #expect {
      try workspace.export(draft, allowErrors: false)
    } throws: { error in
      guard case WorkspaceError.exportRefused(let errors) = error else { return false }
      return !errors.isEmpty && errors.allSatisfy { $0.severity == .error }
    }
    let exported = try workspace.export(draft, allowErrors: true)
    #expect(exported.text?.hasPrefix("DRAFT 草稿：尚有 \(exported.errors.count) 個錯誤，未定稿。\n") == true)
    #expect(exported.file == nil)
    let out = workspace.url.appendingPathComponent("out.txt")
    let written = try workspace.export(draft, allowErrors: true, to: out)
    #expect(written.file == out)
    #expect(try String(contentsOf: out, encoding: .utf8) == exported.text)
    #expect(throws: ExportError.intoSessions(file: workspace.store.directory.appendingPathComponent("x.txt").path)) {
      try workspace.export(draft, allowErrors: true, to: workspace.store.directory.appendingPathComponent("x.txt"))
    }
  }

  @Test func formatRewritesAFileInCanonicalFormOnce() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let path = workspace.url.appendingPathComponent("m.yaml").path
    let canonical = try String(contentsOf: workspace.store.file(for: "s"), encoding: .utf8)
    try canonical.replacingOccurrences(of: "format: 1\n", with: "format: 1\n\n").write(toFile: path, atomically: true, encoding: .utf8)
    #expect(try workspace.canonicalForm(of: path) == (canonical, true))
    #expect(try workspace.format(path, dryRun: true))
    #expect(try String(contentsOfFile: path, encoding: .utf8) != canonical, "a dry run changes nothing")
    #expect(try workspace.format(path))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == canonical)
    #expect(try !workspace.format(path))
  }

  /// A session's snapshot is rewritten only with its lock: while a live `minutes` (here, a lock this process
  /// holds) has the session open, `format` refuses and writes nothing; a file that is no session's takes no lock.
  @Test func formatRefusesASessionsSnapshotWhileItIsOpen() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let file = workspace.store.file(for: "s")
    let canonical = try String(contentsOf: file, encoding: .utf8)
    try canonical.replacingOccurrences(of: "format: 1\n", with: "format: 1\n\n").write(to: file, atomically: true, encoding: .utf8)
    let open = try SessionLock(name: "s", in: workspace.store)
    #expect(throws: WorkspaceError.self) { try workspace.format(file.path) }
    do {
      try workspace.format(file.path)
    } catch WorkspaceError.sessionOpen(let path, let name, let holder) {
      #expect(path == file.path)
      #expect(name == "s")
      #expect(holder.pid == getpid())
    }
    #expect(try String(contentsOf: file, encoding: .utf8) != canonical, "nothing was written")
    #expect(open.isHeld, "the open session keeps its lock")
    #expect(try workspace.format(file.path, dryRun: true), "a dry run writes nothing and needs no lock")
    open.release()
    #expect(try workspace.format(file.path))
    #expect(try String(contentsOf: file, encoding: .utf8) == canonical)
    #expect(!FileManager.default.fileExists(atPath: workspace.store.directory.appendingPathComponent("s.lock").path))

    let elsewhere = workspace.url.appendingPathComponent("m.yaml").path
    #expect(try Workspace.lockSession(ofFile: elsewhere) == nil)
  }

  @Test func aFileThatCannotBeReadSaysWhyInTheLanguageAsked() throws {
    let workspace = try workspace()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let missing = workspace.url.appendingPathComponent("none.yaml").path
    #expect(throws: WorkspaceError.self) { try workspace.openFile(missing) }
    do {
      _ = try workspace.openFile(workspace.url.path + "/")
      Issue.record("a folder is not a minutes file")
    } catch {
      #expect(error.message(Messages(language: "en")).hasSuffix("is a folder, not a minutes file"))
      #expect(error.message(Messages(language: "zh-Hant")).hasSuffix("是資料夾，不是會議記錄檔案"))
    }
  }

  @Test func templateAndExportErrorsSpeakTheSessionsLanguage() {
    let notFound = TemplateError.notFound(id: "x", available: ["a", "b"])
    #expect(notFound.message(Messages(language: "zh-Hant")) == "沒有範本 `x`；可用的範本：`a`、`b`。")
    #expect(notFound.message(Messages(language: "zh-Hans")) == "没有模板 `x`；可用的模板：`a`、`b`。")
    #expect(notFound.message(Messages(language: "en")) == notFound.errorDescription)
    let folder = ExportError.folderMissing(file: "/f/out.txt", folder: "/f")
    #expect(folder.message(Messages(language: "zh-Hant")) == "無法寫入 /f/out.txt：資料夾 /f 不存在。請先建立它，或不給檔案，直接印出。")
    // The system's reason is said by its number, not by matching its English words.
    let full = ExportError.writeFailed(file: "/f/out.txt", reason: .posix(ENOSPC))
    #expect(full.message(Messages(language: "zh-Hant")) == "無法寫入 /f/out.txt：磁碟空間不足。請釋放空間或修正權限；或不給檔案，直接印出。")
    #expect(full.message(Messages(language: "en")) == "cannot write /f/out.txt: No space left on device. Free some space or fix permissions, or give no file to print it instead.")
    let odd = SessionError.writeFailed(file: "/s/x.journal", reason: .posix(EXDEV))
    #expect(odd.message(Messages(language: "zh-Hant")).hasPrefix("無法保存 /s/x.journal：系統錯誤 \(EXDEV)：`Invalid cross-device link`。"))
    let wrapped = CocoaError(.fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EDQUOT))])
    #expect(SystemReason(wrapped).code == EDQUOT, "the POSIX error a Foundation error wraps")
    #expect(SystemReason(CocoaError(.fileWriteNoPermission)).code == EACCES)
    #expect(ExportError.intoSessions(file: "/s/x").message(Messages(language: "zh-Hant")).contains("`sessions/` 資料夾"))
  }

  @Test(arguments: [
    (["LANG": "zh_TW.UTF-8"], "zh-Hant"), (["LANG": "zh_HK"], "zh-Hant"), (["LANG": "zh_CN.UTF-8"], "zh-Hans"),
    (["LANG": "zh_SG.UTF-8"], "zh-Hans"), (["LANG": "C.UTF-8"], "en"), ([:], "en"), (["LANG": "en_US.UTF-8"], "en"),
    (["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"], "zh-Hant"), (["LC_MESSAGES": "zh_CN", "LANG": "zh_TW"], "zh-Hans"),
    (["LC_ALL": "", "LANG": "zh_TW.UTF-8"], "zh-Hant"), (["LANG": "zh-Hant-TW"], "zh-Hant"), (["LANG": "zh-Hans-SG"], "zh-Hans"),
    (["LANG": "ZH-TW@euro"], "zh-Hant"),
  ])
  func theEnvironmentsLocaleChoosesTheLanguage(environment: [String: String], language: String) {
    #expect(Messages(environment: environment).language == language)
  }
}
