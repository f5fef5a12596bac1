import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``ExportFormat`` by name and by a file's extension, ``ExportRequest`` as typed, and ``Exporter/create(_:at:)``,
/// which never writes over a file.
@Suite struct ExportFormatTests {
  /// Every extension of the table chooses the format of its name where this build has it, and is refused as an
  /// unknown format (naming the format) where it has not: the table is by name, so a format added later is
  /// chosen at once.
  @Test(arguments: ExportFormat.namesByExtension.sorted { $0.key < $1.key })
  func anExtensionChoosesItsFormatByName(ext: String, name: String) throws {
    for file in ["minutes.\(ext)", "/w/紀要.\(ext.uppercased())"] {
      if let format = ExportFormat(rawValue: name) {
        #expect(try ExportFormat(forFile: file) == format)
        #expect(try ExportFormat(named: ext) == format)
      } else {
        #expect(throws: ExportError.unknownFormat(name, available: ExportFormat.names)) { try ExportFormat(forFile: file) }
      }
    }
  }

  @Test func theTableNamesTheFormatsOfTheIssue() {
    #expect(ExportFormat.namesByExtension["txt"] == "text")
    #expect(ExportFormat.namesByExtension["md"] == "markdown")
    #expect(ExportFormat.namesByExtension["html"] == "html")
    #expect(ExportFormat.namesByExtension["json"] == "json")
    #expect(ExportFormat.namesByExtension["docx"] == "docx")
  }

  @Test func aFileWithoutAnExtensionIsTextAndAnUnknownOneIsRefused() throws {
    #expect(try ExportFormat(forFile: "minutes-0520") == .text)
    #expect(try ExportFormat(forFile: "/w/v1.0/minutes") == .text)
    #expect(throws: ExportError.unknownExtension(file: "/w/x.pdf", extension: "pdf")) { try ExportFormat(forFile: "/w/x.pdf") }
    #expect(throws: ExportError.unknownFormat("pdf", available: ExportFormat.names)) { try ExportFormat(named: "pdf") }
    #expect(try ExportFormat(named: " TEXT ") == .text)
    #expect(try ExportFormat(named: ".txt") == .text)
  }

  @Test func aRequestTakesTheNamedFormatFirstThenTheFilesThenText() throws {
    #expect(try ExportRequest(format: nil, script: nil, file: nil) == .default)
    #expect(try ExportRequest(format: nil, script: "hans", file: "x.txt") == ExportRequest(format: .text, script: .hans))
    // The format named wins over the extension (the CLI warns of it).
    #expect(try ExportRequest(format: "text", script: nil, file: "x.pdf").format == .text)
    #expect(throws: ExportError.unknownExtension(file: "x.pdf", extension: "pdf")) {
      try ExportRequest(format: nil, script: nil, file: "x.pdf")
    }
    #expect(throws: ExportError.unknownScript("simplified")) { try ExportRequest(format: nil, script: "simplified", file: nil) }
  }

  @Test func theMessagesSayWhatToDo() {
    let hant = Messages(language: "zh-Hant"), en = Messages(language: "en")
    #expect(ExportError.unknownExtension(file: "x.pdf", extension: "pdf").message(en)
            == "no export format is known for .pdf files (x.pdf); name one with --format, or a file ending in \(ExportFormat.knownExtensions).")
    #expect(ExportError.fileExists(file: "/w/紀要.txt").message(hant) == "/w/紀要.txt 已存在，沒有覆蓋；要覆蓋它，請加上 --force，或指定別的檔案。")
    #expect(ExportError.unknownScript("x").message(Messages(language: "zh-Hans")) == "没有“x”这种字体；--script 可用 hans（简体字）或 hant（繁体字）。")
    #expect(ExportFormat.knownExtensions.hasPrefix(".txt"))
  }

  // MARK: - Creating a file, never over one

  @Test func createWritesANewFileAndRefusesOneThatIsThere() throws {
    let folder = try TestSupport.temporaryWorkspace("create")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("紀要.txt")
    try TextExporter.create(Data("一\n".utf8), at: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "一\n")
    #expect(throws: ExportError.fileExists(file: file.path)) { try TextExporter.create(Data("二\n".utf8), at: file) }
    #expect(try String(contentsOf: file, encoding: .utf8) == "一\n", "the file is as it was")
    // Nothing is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["紀要.txt"])
    #expect(throws: ExportError.isFolder(file: folder.path)) { try TextExporter.create(Data(), at: folder) }
    let nowhere = folder.appendingPathComponent("no/x.txt")
    #expect(throws: ExportError.folderMissing(file: nowhere.path, folder: folder.appendingPathComponent("no").path)) {
      try TextExporter.create(Data(), at: nowhere)
    }
  }

  /// Through the workspace: without `replacing`, an existing file is refused and left alone; with it, replaced.
  @Test func anExportReplacesAFileOnlyWhenAsked() throws {
    let folder = try TestSupport.temporaryWorkspace("replace")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("out.txt")
    try Data("mine\n".utf8).write(to: file)
    let draft = try ExportTests.smallDraft()
    let template = try TestSupport.template()
    let sessions = folder.appendingPathComponent("sessions")
    #expect(throws: ExportError.fileExists(file: file.path)) {
      try Workspace.export(draft, template: template, allowErrors: true, to: file, sessions: sessions, replacing: false)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    let exported = try Workspace.export(draft, template: template, allowErrors: true, to: file, sessions: sessions)
    #expect(try String(contentsOf: file, encoding: .utf8) == exported.text)
    // The sessions folder is refused first, whatever is there.
    #expect(throws: ExportError.intoSessions(file: sessions.appendingPathComponent("x.yaml").path)) {
      try TextExporter.refuseSessions(sessions.appendingPathComponent("x.yaml"), sessions: sessions)
    }
  }

  /// An export to a named pipe (as to `/dev/null` or `/dev/stdout`) is written into it, with or without
  /// `replacing`, and the pipe stays a pipe: replacing it whole had put a file where the device was (a trial's
  /// `-o /dev/null --force`, as root, left `/dev/null` a file, and every program that wrote to it after).
  @Test(arguments: [false, true])
  func anExportIntoAPipeIsWrittenIntoIt(replacing: Bool) throws {
    let folder = try TestSupport.temporaryWorkspace("pipe")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pipe = folder.appendingPathComponent("pipe")
    #expect(mkfifo(pipe.path, 0o600) == 0)
    // The reader opens the pipe on its own thread: opening one for writing waits for a reader.
    let reader = Thread {
      _ = try? FileHandle(forReadingFrom: pipe).readToEnd().map { try? $0.write(to: folder.appendingPathComponent("read")) }
    }
    reader.start()
    let draft = try ExportTests.smallDraft()
    let exported = try Workspace.export(draft, template: try TestSupport.template(), allowErrors: true, to: pipe,
                                        sessions: folder.appendingPathComponent("sessions"), replacing: replacing)
    var status = stat()
    #expect(stat(pipe.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "still a pipe")
    // The reader has the whole text once the writer closed the pipe.
    let read = folder.appendingPathComponent("read")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: read.path) { usleep(10_000) }
    #expect(try String(contentsOf: read, encoding: .utf8) == exported.text)
  }

  /// An export in the other script through the workspace finds the counterpart among the workspace's templates,
  /// and its DRAFT line is in the script of the export.
  @Test func aWorkspaceExportInTheOtherScriptUsesTheCounterpart() throws {
    let folder = try TestSupport.temporaryWorkspace("script")
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    var draft = try ExportTests.smallDraft()
    draft.setValue(nil, at: TestSupport.at("meeting.chair.title"))
    let exported = try Workspace.export(
      draft, template: template, request: ExportRequest(script: .hans), allowErrors: true, to: nil,
      sessions: folder.appendingPathComponent("sessions"), templates: TemplateLibrary(workspace: folder))
    #expect(exported.conversion?.counterpart == "gov-executive.zh-Hans")
    let text = try #require(exported.text)
    #expect(text.hasPrefix("DRAFT 草稿：尚有 1 个错误，未定稿。\n1月9日上午，〔主持人职务〕王一主持召开第十一届区政府第12次常务会议。\n"))
    #expect(text.contains("会议审议了《关于X的办法》（草案）。"))
  }
}
