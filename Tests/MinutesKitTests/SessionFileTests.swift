import Foundation
import Testing

@testable import MinutesKit

/// ``SessionFile``: the YAML a draft is saved as (readable CJK, fixed key order, stable bytes, the golden seed
/// session) and the located errors a broken or newer file gives.
@Suite struct SessionFileTests {
  /// The seed session's draft and where its interview stands.
  static func seedFile() throws -> SessionFile {
    let assistant = try TestSupport.seedAssistant()
    return SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint)
  }

  /// A draft whose texts look like other YAML values (numbers, booleans, null, dates, flow syntax…).
  static var trickyFile: SessionFile {
    var m = Minutes(template: "t")
    m.meeting.date = MeetingDate(year: 2024, month: 2, day: 29)
    m.meeting.body = "null"
    m.meeting.kind = "true"
    m.meeting.chair = Chair(title: "- x", name: "a: b #c")
    m.items = [
      AgendaItem(
        kind: "123", subject: "", status: "~", followUp: "'q\"",
        directives: [
          Directive(
            verb: "yes", topic: "2022-05-20", lead: "\n",
            points: ["[x]", "{y}", " lead", "*a", "&b", "!c", "%d", "@e", "`f", "1e3", "0x10", "第一行\n第二行", "\\u4e2d"])
        ]),
    ]
    m.arrangements = Arrangements(scope: "", topics: ["no", "on", "off", ".inf"])
    m.otherMatters = true
    m.attendance.absent = [Absence(title: "副區長", name: "張三")]
    return SessionFile(minutes: m, resumeAt: .at(.end(.points(1, 1))))
  }

  @Test func seedDraftEncodesAsReadableYAMLWithFormatFirst() throws {
    let yaml = try Self.seedFile().yaml()
    #expect(yaml.hasPrefix("format: 1\ntemplate: gov-executive.zh-Hant\nmeeting:\n  date: '2022-05-20'\n  period: 下午\n"))
    #expect(yaml.contains("  chair:\n    title: 政府代區長\n    name: 管尊旭\n  term: 10\n  body: 區政府\n  number: 3\n"))
    #expect(yaml.contains("- kind: 審議\n  subject: 關于開展第八個五年法治宣傳教育的決議（草案）\n  status: 討論稿\n"))
    #expect(!yaml.contains("\\u"))
    #expect(!yaml.contains("\\U"))
    #expect(!yaml.contains("\\x"))
    #expect(yaml.hasSuffix("\nresumeAt: finished\ngeneration: 0\n"), "the seed interview is over")
    #expect(yaml.hasSuffix("\n"))
    #expect(TestSupport.lines(yaml).map { $0.prefix { $0 != ":" } }.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }
      == ["format", "template", "meeting", "items", "arrangements", "otherMatters", "attendance", "resumeAt", "generation"])
  }

  @Test func resumeAtIsWrittenLastAsAnAddress() throws {
    var file = try Self.seedFile()
    file.resumeAt = .at(.end(.points(2, 1)))
    #expect(try file.yaml().hasSuffix("\nresumeAt: 2.1.+\ngeneration: 0\n"))
    file.resumeAt = .at(.meeting(.chairTitle))
    #expect(try file.yaml().hasSuffix("\nresumeAt: chair.title\ngeneration: 0\n"))
  }

  @Test(arguments: [0, 1])
  func decodingTheEncodingGivesTheSameValue(which: Int) throws {
    let file = which == 0 ? try Self.seedFile() : Self.trickyFile
    let yaml = try file.yaml()
    let decoded = try SessionFile.parse(yaml, file: "x.yaml")
    #expect(decoded == file)
    #expect(Data(try decoded.yaml().utf8) == Data(yaml.utf8), "re-encoding is byte-identical")
  }

  @Test func aMinimalFileTakesDefaults() throws {
    let file = try SessionFile.parse("template: gov-executive.zh-Hant\nresumeAt: 9.x\n", file: "m.yaml")
    #expect(file == SessionFile(minutes: Minutes(template: "gov-executive.zh-Hant"), resumeAt: .firstQuestion))
    let resumed = try SessionFile.parse("template: t\nresumeAt: 出席.+\n", file: "m.yaml")
    #expect(resumed.resumeAt == .at(.end(.attendance(.present))))
    #expect(try SessionFile.parse("template: t\nresumeAt: finished\n", file: "m.yaml").resumeAt == .finished)
  }

  /// Every part of a minutes file may be left out and takes its empty value, `meeting.chair` included.
  @Test func aMeetingWithoutChairIsRead() throws {
    let yaml = "template: t\nmeeting:\n  date: '2022-05-20'\n  period: 下午\n"
    let file = try SessionFile.parse(yaml, file: "m.yaml")
    #expect(file.minutes.meeting.date?.description == "2022-05-20")
    #expect(file.minutes.meeting.chair == Chair())
  }

  @Test func seedSessionMatchesTheGoldenFile() throws {
    let yaml = try Self.seedFile().yaml()
    let name = "seed-session.yaml"
    let source = TestSupport.snapshotSourceDirectory.appendingPathComponent(name)
    let bundled = Bundle.module.url(forResource: "seed-session", withExtension: "yaml", subdirectory: "Snapshots")
    let golden = bundled ?? (FileManager.default.fileExists(atPath: source.path) ? source : nil)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || golden == nil {
      try FileManager.default.createDirectory(at: TestSupport.snapshotSourceDirectory, withIntermediateDirectories: true)
      try Data(yaml.utf8).write(to: source, options: .atomic)
      Issue.record("Recorded the snapshot \(source.path); review it and run the tests again without RECORD_SNAPSHOTS.")
      return
    }
    let expected = try Data(contentsOf: golden!)
    if Data(yaml.utf8) != expected {
      let want = TestSupport.lines(String(decoding: expected, as: UTF8.self))
      let got = TestSupport.lines(yaml)
      let line = (zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)) + 1
      Issue.record("seed session YAML differs from \(name) at line \(line); run with RECORD_SNAPSHOTS=1 to re-record")
    }
    #expect(try SessionFile.parse(String(decoding: expected, as: UTF8.self), file: name) == Self.seedFile())
  }

  // MARK: - Broken files

  /// The ``SessionError/unreadable(_:)`` problem thrown for `yaml`.
  static func problem(_ yaml: String, file: String = "s.yaml") -> YAMLProblem? {
    do {
      _ = try SessionFile.parse(yaml, file: file)
    } catch SessionError.unreadable(let problem) {
      return problem
    } catch {
      Issue.record("expected SessionError.unreadable, got \(error)")
    }
    return nil
  }

  @Test(arguments: [
    ("meeting: [", 2, 1, "YAML syntax: while parsing a flow node did not find expected node content"),
    ("format: 1\ntemplate: t\nmeeting: [\n", 4, 1, "YAML syntax: while parsing a flow node did not find expected node content"),
    ("format: 1\ntemplate: t\nmeeting: 5\n", 3, 10, "at `meeting`: expected a mapping"),
    ("format: 1\ntemplate: t\nmeeting:\n  date: 2022-02-30\n", 4, 9,
     "at `meeting.date`: `2022-02-30` is not a date of the form YYYY-MM-DD"),
    ("format: 1\ntemplate: t\nmeeting:\n  chair: {}\n  term: 十\n", 5, 9, "at `meeting.term`: expected a whole number"),
    ("format: 1\nitems: []\n", 1, 1, "missing key `template`"),
    ("template: t\nitems:\n- subject: x\n", 3, 3, "missing key `items[0].kind`"),
    ("template: t\nformat: 1\nformat: 2\n", 2, 1, "duplicate key `format`"),
    ("", 1, 1, "the file is empty"),
  ])
  func aBrokenFileIsUnreadableWithItsPlace(yaml: String, line: Int, column: Int, message: String) throws {
    let problem = try #require(Self.problem(yaml))
    #expect(problem == YAMLProblem(file: "s.yaml", line: line, column: column, message: message))
    #expect(
      SessionError.unreadable(problem).errorDescription
        == "s.yaml:\(line):\(column): error: \(message). The file was left as it is.")
  }

  /// Yams reports the expected type of a list as `Node.Sequence` and of text as `Node.Scalar`; the message
  /// must still say "a list" and "text" in the clerk's words.
  @Test(arguments: [
    ("format: 1\ntemplate: t\nitems: 5\n", 3, 8, "at `items`: expected a list"),
    ("format: 1\ntemplate: [1]\n", 2, 11, "at `template`: expected text"),
    ("template: t\narrangements:\n  topics: {a: 1}\n", 3, 11, "at `arrangements.topics`: expected a list"),
  ])
  func aValueOfTheWrongKindNamesWhatWasExpected(yaml: String, line: Int, column: Int, message: String) throws {
    let problem = try #require(Self.problem(yaml))
    #expect(problem.file == "s.yaml")
    #expect(problem.line == line)
    #expect(problem.column == column)
    let key = message.prefix { $0 != ":" }
    #expect(problem.message.hasPrefix("\(key): expected "))
    #expect(problem.message == message)
  }

  @Test func aNewerFormatIsRefused() {
    #expect(throws: SessionError.unsupportedFormat(file: "s.yaml", found: 99, supported: 1)) {
      try SessionFile.parse("format: 99\ntemplate: t\n", file: "s.yaml")
    }
    #expect(
      SessionError.unsupportedFormat(file: "s.yaml", found: 99, supported: 1).errorDescription
        == "s.yaml: minutes format 99 is newer than this version reads (1); update minutes.")
  }
}

/// ``SessionStore``: session files in a workspace, created, listed, loaded and saved, and the names it refuses.
@Suite struct SessionStoreTests {
  /// Runs `body` with a store in a new temporary workspace, removed afterwards.
  static func withStore(_ body: (SessionStore) throws -> Void) throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("minutes-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try body(SessionStore(workspace: workspace))
  }

  @Test func createLoadListAndSave() throws {
    let file = try SessionFileTests.seedFile()
    try Self.withStore { store in
      #expect(store.names() == [])
      #expect(store.file(for: "常務會議-0520") == store.workspace.appendingPathComponent("sessions/常務會議-0520.yaml"))
      try store.create(file, name: "常務會議-0520")
      #expect(FileManager.default.fileExists(atPath: store.file(for: "常務會議-0520").path))
      // Creating writes the first snapshot generation, with an empty journal beside it.
      var written = file
      written.generation = 1
      #expect(try String(contentsOf: store.file(for: "常務會議-0520"), encoding: .utf8) == written.yaml())
      #expect(try store.load(name: "常務會議-0520") == written)

      #expect(throws: SessionError.exists(name: "常務會議-0520")) { try store.create(file, name: "常務會議-0520") }
      #expect(
        SessionError.exists(name: "常務會議-0520").errorDescription
          == "a session named `常務會議-0520` exists already; continue it with `minutes resume 常務會議-0520` or choose another --name.")

      var changed = file
      changed.resumeAt = .at(.meeting(.date))
      try store.save(changed, name: "常務會議-0520")
      changed.generation = 2
      #expect(try store.load(name: "常務會議-0520") == changed)

      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "b-1")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "a_2")
      #expect(store.names() == ["a_2", "b-1", "常務會議-0520"])
      let files = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).sorted()
      #expect(
        files == [
          ".a_2.cache.json", ".b-1.cache.json", ".常務會議-0520.cache.json",
          "a_2.journal", "a_2.yaml", "b-1.journal", "b-1.yaml", "常務會議-0520.journal", "常務會議-0520.yaml",
        ],
        "no temporary file is left behind")
    }
  }

  @Test func loadingAMissingSessionListsTheOthers() throws {
    try Self.withStore { store in
      #expect(throws: SessionError.notFound(name: "nope", available: [])) { try store.load(name: "nope") }
      #expect(
        SessionError.notFound(name: "nope", available: []).errorDescription
          == "no session `nope` in this workspace (it has none yet); start one with `minutes new`.")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "b-1")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "a_2")
      #expect(throws: SessionError.notFound(name: "nope", available: ["a_2", "b-1"])) { try store.load(name: "nope") }
      #expect(
        SessionError.notFound(name: "nope", available: ["a_2", "b-1"]).errorDescription
          == "no session `nope`; sessions here: a_2, b-1.")
    }
  }

  @Test func loadingABrokenFileSaysWhereAndLeavesItAlone() throws {
    try Self.withStore { store in
      try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
      let url = store.file(for: "bad")
      try Data("format: 1\ntemplate: t\nmeeting: [\n".utf8).write(to: url)
      #expect(
        throws: SessionError.unreadable(
          YAMLProblem(file: url.path, line: 4, column: 1,
                      message: "YAML syntax: while parsing a flow node did not find expected node content"))
      ) { try store.load(name: "bad") }
      #expect(try String(contentsOf: url, encoding: .utf8) == "format: 1\ntemplate: t\nmeeting: [\n")

      try Data([0x74, 0xFF, 0xFE]).write(to: url)
      #expect(
        throws: SessionError.unreadable(YAMLProblem(file: url.path, line: 1, column: 1, message: "the file is not UTF-8 text"))
      ) { try store.load(name: "bad") }
    }
  }

  @Test(arguments: [
    ("../x", "it contains a path separator"),
    ("a/b", "it contains a path separator"),
    ("a\\b", "it contains a path separator"),
    (".x", "it starts with a dot"),
    ("..", "it starts with a dot"),
    ("", "it is empty"),
    ("a b", "it contains spaces or control characters"),
    ("a\tb", "it contains spaces or control characters"),
    (String(repeating: "會", count: 67), "it is longer than 200 bytes"),
  ])
  func invalidNamesAreRefused(name: String, reason: String) throws {
    let error = SessionError.invalidName(name, reason: reason)
    #expect(throws: error) { try SessionStore.validate(name: name) }
    #expect(
      error.errorDescription
        == "`\(name)` cannot be a session name: \(reason). Use letters, digits, CJK, '-' or '_', e.g. 常務會議-0520.")
    try Self.withStore { store in
      #expect(throws: error) { try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: name) }
      #expect(throws: error) { try store.load(name: name) }
      #expect(!FileManager.default.fileExists(atPath: store.directory.path), "nothing was written")
    }
  }

  @Test(arguments: ["常務會議-0520", "a_2", "x.y", String(repeating: "會", count: 66)])
  func validNamesAreAccepted(name: String) throws {
    try SessionStore.validate(name: name)
  }
}
