import Foundation
import Testing

import MinutesKit
import MinutesTestSupport

/// The inputs the fuzz harnesses keep in `Tests/Fixtures/fuzz/TARGET/` (`Fuzz/run` replays them before every
/// run): each made minutes crash or fail once, and has here the outcome it must have now, through the entry point
/// its harness drives (see `Fuzz/Sources/FuzzSupport/Harness.swift`). A kept input without its test fails
/// ``everyKeptInputHasItsTest()``.
@Suite struct FuzzRegressionTests {
  static let folder = TestSupport.fixture("fuzz")

  /// Template inputs and what `minutes templates check FILE` says of each.
  static let templates: [String: String] = [
    "mustache-sections-10000-deep-in-export.yaml": "nested more than 64 deep",
    "mustache-sections-10000-deep-in-question.yaml": "nested more than 64 deep",
    "parts-40-deep.yaml": "parts are nested more than 16 levels deep; minutes need far fewer",
  ]

  /// Snapshot inputs that do not open, and what opening each says.
  static let unreadableSessions: [String: String] = [
    "aliases-expanding-to-100-million-values.yaml": "once its YAML aliases (*name) are expanded",
    "key-that-is-a-list.yaml": "a key must be plain text, not a list or mapping",
    "format-below-one.yaml": "at `format`: expected a whole number, 1 or more",
  ]

  /// Inputs tested one by one below.
  static let others: Set<String> = [
    "session/generation-int-max.yaml", "template/variant-with-styles-exported-as-a-draft.yaml",
    "import/time-read-at-every-end-of-a-long-line.txt", "import/reproduces-said-of-a-repeated-line.txt",
    "import/reproduces-said-of-a-mended-line.txt", "import/reproduces-said-of-a-line-read-otherwise.txt",
    "import/reproduces-said-where-a-blank-line-was-left-out.txt",
  ]

  /// The input at `path` read as the import harness reads it: its page chrome removed, read with `template`
  /// setting aside at most one line, within a small budget.
  static func readAsTheHarness(_ path: String, template id: String) throws -> (Template, String, Importer.Reading) {
    let data = try Data(contentsOf: folder.appendingPathComponent(path))
    let text = try #require(String(data: data, encoding: .utf8))
    let template = try TestSupport.template(id: id)
    let body = PageChrome.strip(text).text
    let reading = try #require(Importer.read(body, template: template, maxUnparsed: 1, budget: 20_000))
    return (template, body, reading)
  }

  /// The harness's property of a reading said to reproduce the text: its export prints the text's lines read, all
  /// but those kept, left out by their number in the text.
  static func expectPrintedBack(_ reading: Importer.Reading, of body: String, template: Template) throws {
    let kept = Set(reading.unparsed.map(\.line))
    let expected = Importer.lines(body, template: template).filter { !kept.contains($0.number) }.map(\.text) + [""]
    let exported = try TextExporter().export(reading.minutes, template: template)
    #expect(exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expected)
  }

  /// A mutated school-board report with a line of NULs where a time is printed: each place the line could end
  /// was parsed as a time (5 s in the fuzz build); a span longer than any time is now refused at once. Read as
  /// the harness reads it, every line is either read or kept.
  @Test func aLongLineWhereATimeIsPrintedIsReadOrKept() throws {
    let (template, body, reading) = try Self.readAsTheHarness("import/time-read-at-every-end-of-a-long-line.txt", template: "board-meeting.en")
    let lines = Importer.normalized(body, template: template).split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(reading.linesRead + reading.unparsed.count == lines)
  }

  /// A mutated district report in the formal variant (the harness's first byte 2) whose attendance line is copied
  /// a second time further down (stop 27, CI's import fuzzing). The first copy is read (its 列席 without 應邀 now
  /// reads), the second kept unparsed; the harness left the kept lines out by their text, so both copies, and
  /// called the export wrong. A reading said to reproduce the text prints it back, all but the lines kept, by
  /// their number.
  @Test func aReadingSaidToReproduceTheTextPrintsItBack() throws {
    let (template, body, reading) = try Self.readAsTheHarness("import/reproduces-said-of-a-repeated-line.txt", template: "gov-executive-formal.zh-Hant")
    guard reading.reproduces else { return }
    // The lines kept are left out by their number: the same text read on another line is printed.
    try Self.expectPrintedBack(reading, of: body, template: template)
  }

  /// A mutated district report whose first line was mended (stop 35, CI's import fuzzing): read on where the
  /// template's words come back, it printed `受區長陳柏宇委託主持召開` without the words between, and the reading was
  /// said to reproduce the text. A reading with a line read in part does not.
  @Test func aReadingThatMendedALineIsNotSaidToReproduceTheText() throws {
    let (_, _, reading) = try Self.readAsTheHarness("import/reproduces-said-of-a-mended-line.txt", template: "gov-executive.zh-Hant")
    #expect(reading.unparsed.contains { $0.readInPart })
    let reproduces = reading.reproduces
    #expect(!reproduces)
  }

  @Test func everyKeptInputHasItsTest() throws {
    var kept: Set<String> = []
    for target in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) {
      for name in try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(target).path) {
        kept.insert("\(target)/\(name)")
      }
    }
    let tested = Set(Self.templates.keys.map { "template/\($0)" } + Self.unreadableSessions.keys.map { "session/\($0)" })
      .union(Self.others)
    #expect(kept == tested)
  }

  @Test(arguments: templates.keys.sorted())
  func aTemplateIsRefusedWhereItIsWrong(name: String) throws {
    let url = Self.folder.appendingPathComponent("template/\(name)")
    let workspace = try TestSupport.temporaryWorkspace("fuzz")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let library = TemplateLibrary(workspace: workspace)
    #expect {
      try library.load(contentsOf: url)
    } throws: { error in
      let message = error.message(Messages(language: "en"))
      return message.hasPrefix(url.path + ":") && message.contains(Self.templates[name]!)
    }
  }

  /// A council variant of `board-meeting.en` (stop 42, CI's fuzz smoke): its empty draft exported with marks
  /// crashed the release build, which read a yes/no's mark back out of a Mustache lambda through `Mirror`. Every
  /// format prints the mark of the quorum not answered.
  @Test func aVariantsEmptyDraftExportsWithItsMarks() throws {
    let url = Self.folder.appendingPathComponent("template/variant-with-styles-exported-as-a-draft.yaml")
    // Put where the harness puts it: under its declared id, in a workspace's templates/.
    let workspace = try TestSupport.temporaryWorkspace("fuzz")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let folder = workspace.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("council.en.yaml")
    try FileManager.default.copyItem(at: url, to: file)
    let template = try TemplateLibrary(workspace: workspace).load(contentsOf: file)
    let options = ExportOptions(draftErrors: 1)
    let draft = Minutes(template: template.id)
    guard let text = try TextExporter().export(draft, template: template, options: options).text else {
      Issue.record("no text")
      return
    }
    #expect(text.contains("Quorum: [Quorum] ("))
    #expect(try MarkdownExporter(options: options).export(draft, template: template).contains("\\[Quorum\\] ("))
    #expect(try HTMLExporter(options: options).export(draft, template: template).contains("[Quorum] ("))
  }

  /// Opens the kept snapshot `name` as the session `x` of a new workspace.
  static func workspace(with name: String) throws -> Workspace {
    let workspace = Workspace(url: try TestSupport.temporaryWorkspace("fuzz"))
    try FileManager.default.createDirectory(at: workspace.store.directory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: folder.appendingPathComponent("session/\(name)"), to: workspace.store.file(for: "x"))
    return workspace
  }

  @Test(arguments: unreadableSessions.keys.sorted())
  func aSnapshotThatCannotBeReadIsAnErrorAtItsPlace(name: String) throws {
    let workspace = try Self.workspace(with: name)
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    #expect {
      try workspace.openSession("x")
    } throws: { error in
      let message = error.message(Messages(language: "en"))
      return message.hasPrefix(workspace.store.file(for: "x").path + ":") && message.contains(Self.unreadableSessions[name]!)
    }
  }

  /// A snapshot at the largest generation opens, and the compaction of `minutes resume` is refused with a clear
  /// error, the file left as it is (the generation + 1 overflowed and crashed).
  @Test func aSnapshotAtTheLargestGenerationOpensAndIsNotRenumbered() throws {
    let workspace = try Self.workspace(with: "generation-int-max.yaml")
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let url = workspace.store.file(for: "x")
    let text = try String(contentsOf: url, encoding: .utf8)
    let draft = try workspace.openSession("x")
    #expect(draft.file.generation == Int.max)
    #expect(throws: SessionError.generationExhausted(file: url.path, generation: Int.max)) {
      try workspace.store.compact(draft.state(interview: Interview(template: draft.template)), name: "x")
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
  }

  /// CI's import fuzzing (stop 36): a line with a byte changed (`Date approved: ____^___`) was read otherwise and
  /// the reading said to reproduce the text, which its export did not. A reading reproduces the text only where
  /// the lines it read are the text's own.
  @Test func aReadingOfLinesOtherThanTheTextsIsNotSaidToReproduceIt() throws {
    let (template, body, reading) = try Self.readAsTheHarness("import/reproduces-said-of-a-line-read-otherwise.txt", template: "board-meeting.en")
    guard reading.reproduces else { return }
    try Self.expectPrintedBack(reading, of: body, template: template)
  }

  /// CI's import fuzzing (stop 36): a mutated district report whose page chrome leaves a blank line before a line
  /// kept (`(讌)`, line 6 of the text without its chrome). The blank line is left out of the lines read, so the kept
  /// line is the fifth read; the harness left out the fifth by its number and called the (right) export wrong.
  @Test func aReadingPrintsTheLinesReadWhereABlankLineWasLeftOut() throws {
    let (template, body, reading) = try Self.readAsTheHarness("import/reproduces-said-where-a-blank-line-was-left-out.txt", template: "gov-executive-formal.zh-Hant")
    #expect(reading.unparsed.map(\.line) == [6])
    #expect(reading.reproduces)
    try Self.expectPrintedBack(reading, of: body, template: template)
  }
}
