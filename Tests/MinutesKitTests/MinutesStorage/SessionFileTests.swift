import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``SessionFile``: the YAML a draft is saved as (readable CJK, fixed key order, stable bytes, the golden seed
/// session) and the located errors a broken or newer file gives.
@Suite struct SessionFileTests {
  /// The seed session's draft and where its interview stands.
  static func seedFile() throws -> SessionFile {
    let assistant = try TestSupport.seedAssistant()
    return SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint)
  }

  /// A draft whose texts look like other YAML values (numbers, booleans, null, dates, flow syntax…), with a
  /// number and a flag where the template has them.
  static func trickyFile() throws -> SessionFile {
    let minutes = try TestSupport.draft([
      "meeting": [
        "date": "2024-02-29", "body": "null", "kind": "true", "chair": ["title": "- x", "name": "a: b #c"], "term": 10,
        "number": "3",
      ],
      "items": [
        ["kind": "123", "subject": "", "status": "~", "followUp": "'q\"",
         "directives": [[
           "verb": "yes", "topic": "2022-05-20", "lead": "\n",
           "points": ["[x]", "{y}", " lead", "*a", "&b", "!c", "%d", "@e", "`f", "1e3", "0x10", "10", "第一行\n第二行", "\\u4e2d"],
         ]]],
      ],
      "arrangements": ["scope": "", "topics": ["no", "on", "off", ".inf", "false"]],
      "otherMatters": true,
      "attendance": ["absent": [["title": "副區長", "name": "張三"]], "present": [["title": "10", "names": ["yes", "1.5"]]]],
    ])
    return SessionFile(minutes: minutes, resumeAt: .at(TestSupport.at("items.1.directives.1.points.+")))
  }

  @Test func seedDraftEncodesAsReadableYAMLWithFormatFirst() throws {
    let yaml = try Self.seedFile().yaml()
    #expect(yaml.hasPrefix("format: 1\ntemplate: gov-executive.zh-Hant\nmeeting:\n  date: '2022-05-20'\n  period: 下午\n"))
    #expect(yaml.contains("  chair:\n    title: 政府代區長\n    name: 管尊旭\n  term: 10\n  body: 區政府\n  number: 3\n"))
    #expect(yaml.contains("- kind: 審議\n  subject: 關于開展第八個五年法治宣傳教育的決議（草案）\n  status: 討論稿\n"))
    #expect(yaml.contains("  directives:\n  - verb: 強調\n    topic: 抓好安全生產工作\n    points:\n"), "verb first, in the template's order")
    #expect(yaml.contains("otherMatters: true\n"))
    #expect(!yaml.contains("\\u"))
    #expect(!yaml.contains("\\U"))
    #expect(!yaml.contains("\\x"))
    #expect(Self.unsealed(yaml).hasSuffix("\nresumeAt: finished\ngeneration: 0\n"), "the seed interview is over")
    #expect(TestSupport.lines(yaml).map { $0.prefix { $0 != ":" } }.filter { !$0.hasPrefix(" ") && !$0.hasPrefix("-") }
      == ["format", "template", "meeting", "items", "arrangements", "otherMatters", "attendance", "resumeAt", "generation"])
  }

  @Test func resumeAtIsWrittenLastAsAStoredAddress() throws {
    var file = try Self.seedFile()
    file.resumeAt = .at(TestSupport.at("items.2.directives.1.points.+"))
    #expect(Self.unsealed(try file.yaml()).hasSuffix("\nresumeAt: items.2.directives.1.points.+\ngeneration: 0\n"))
    file.resumeAt = .at(TestSupport.at("meeting.chair.title"))
    #expect(Self.unsealed(try file.yaml()).hasSuffix("\nresumeAt: meeting.chair.title\ngeneration: 0\n"))
    file.resumeAt = .firstQuestion
    #expect(try !file.yaml().contains("resumeAt"))
  }

  /// A file is read without its template, every scalar as text; conformed to the template, it is the draft that
  /// was written, and writes the same bytes again.
  @Test(arguments: [0, 1])
  func decodingTheEncodingGivesTheSameDraft(which: Int) throws {
    let file = which == 0 ? try Self.seedFile() : try Self.trickyFile()
    let yaml = try file.yaml()
    var decoded = try SessionFile.parse(yaml, file: "x.yaml")
    #expect(decoded.resumeAt == file.resumeAt)
    #expect(decoded.minutes["meeting.term"] == .text("10"))
    decoded.minutes = try TestSupport.template().conform(decoded.minutes)
    #expect(decoded == file)
    #expect(Data(try decoded.yaml().utf8) == Data(yaml.utf8), "re-encoding is byte-identical")
  }

  @Test func textThatLooksLikeANumberOrAFlagStaysText() throws {
    let file = try Self.trickyFile()
    let decoded = try TestSupport.template().conform(try SessionFile.parse(try file.yaml(), file: "x.yaml").minutes)
    #expect(decoded["attendance.present.1"] == ["title": "10", "names": ["yes", "1.5"]])
    #expect(decoded.texts("arrangements.topics") == ["no", "on", "off", ".inf", "false"])
    #expect(decoded["meeting.number"] == .number(3))
    #expect(decoded["otherMatters"] == .flag(true))
  }

  @Test func aMinimalFileTakesDefaults() throws {
    let file = try SessionFile.parse("template: gov-executive.zh-Hant\n", file: "m.yaml")
    #expect(file == SessionFile(minutes: Minutes(template: "gov-executive.zh-Hant"), resumeAt: .firstQuestion))
    let resumed = try SessionFile.parse("template: t\nresumeAt: attendance.present.+\n", file: "m.yaml")
    #expect(resumed.resumeAt == .at(TestSupport.at("attendance.present.+")))
    #expect(try SessionFile.parse("template: t\nresumeAt: finished\n", file: "m.yaml").resumeAt == .finished)
    #expect(try SessionFile.parse("template: t\nresumeAt: items..2\n", file: "m.yaml").resumeAt == .firstQuestion)
    #expect(try SessionFile.parse("template: t\ngeneration: 7\n", file: "m.yaml").generation == 7)
  }

  /// A resume point the draft does not have (a file edited by hand) resumes at the first unanswered question.
  @Test func aResumePointTheDraftDoesNotHaveStartsAtTheFirstQuestion() throws {
    let template = try TestSupport.template()
    let file = try SessionFile.parse("template: gov-executive.zh-Hant\nresumeAt: items.9.x\n", file: "m.yaml")
    #expect(file.resumeAt == .at(Address(steps: [.key("items"), .index(9), .key("x")])))
    #expect(Assistant(template: template, minutes: file.minutes, resumeAt: file.resumeAt).cursor == TestSupport.at("meeting.date"))
  }

  /// Session files written by the fixed model kept the short form a clerk types (`resumeAt: 1.1.+`,
  /// `present.+`); their drafts have the same shape, so they should resume where they stopped.
  @Test(arguments: [("1.1.+", "items.1.directives.1.points.+"), ("出席.+", "attendance.present.+"), ("chair.name", "meeting.chair.name")])
  func aResumePointInTheOldShortFormStillResumesThere(short: String, stored: String) throws {
    let template = try TestSupport.template()
    let yaml = "format: 1\ntemplate: gov-executive.zh-Hant\nitems:\n- kind: 傳達\n  subject: 甲\n  directives:\n  - verb: 指出\nresumeAt: \(short)\n"
    let file = try SessionFile.parse(yaml, file: "old.yaml")
    let assistant = Assistant(template: template, minutes: try template.conform(file.minutes), resumeAt: file.resumeAt)
    #expect(assistant.cursor == TestSupport.at(stored))
  }

  /// Every part of a minutes file may be left out, `meeting.chair` included.
  @Test func aMeetingWithoutChairIsRead() throws {
    let yaml = "template: t\nmeeting:\n  date: '2022-05-20'\n  period: 下午\n"
    let file = try SessionFile.parse(yaml, file: "m.yaml")
    #expect(file.minutes.text("meeting.date") == "2022-05-20")
    #expect(file.minutes["meeting.chair"] == nil)
    #expect(file.minutes.content == ["meeting": ["date": "2022-05-20", "period": "下午"]])
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
    let read = try SessionFile.parse(String(decoding: expected, as: UTF8.self), file: name)
    #expect(try TestSupport.template().conform(read.minutes) == Self.seedFile().minutes)
    #expect(read.resumeAt == .finished)
  }

  // MARK: - Broken files

  /// The ``SessionError/unreadable(_:)`` problem thrown for `yaml`.
  /// `yaml` without the checksum comment on its last line.
  static func unsealed(_ yaml: String) -> String {
    yaml.replacing(#/ \# checksum [0-9a-f]{16}\n\z/#, with: "\n")
  }

  @Test func theLastLineIsSealedWithTheChecksumOfEverythingBeforeIt() throws {
    let yaml = try Self.seedFile().yaml()
    let last = try #require(yaml.split(separator: "\n").last)
    #expect(last.wholeMatch(of: #/generation: 0 \# checksum [0-9a-f]{16}/#) != nil, "\(last)")
    #expect(SessionFile.seal(of: yaml) == .intact)
    #expect(SessionFile.seal(of: Self.unsealed(yaml)) == .absent, "a file written by hand, or before checksums")
    #expect(try SessionFile.parse(yaml, file: "s.yaml") == SessionFile.parse(Self.unsealed(yaml), file: "s.yaml"), "the seal is a comment to YAML")
    #expect(SessionStore.generation(of: try Self.write(yaml)) == 0)
    var bumped = try Self.seedFile()
    bumped.generation = Int.max
    #expect(SessionStore.generation(of: try Self.write(try bumped.yaml())) == Int.max, "the largest generation is read past its seal")
  }

  /// Any flipped bit of a sealed file breaks its seal or its YAML: a change is never read as what minutes wrote.
  @Test func everyFlippedBitBreaksTheSealOrTheFile() throws {
    let minutes = try TestSupport.draft([
      "meeting": ["date": "2022-05-20", "body": "區政府", "number": 3],
      "items": [["kind": "審議", "subject": "關于開展安全生產大檢查的通知"]],
    ])
    let bytes = Array(try SessionFile(minutes: minutes, resumeAt: .finished, generation: 12).yaml().utf8)
    var unnoticed: [Int] = []
    for index in bytes.indices {
      for bit in 0..<8 {
        var flipped = bytes
        flipped[index] ^= 1 << bit
        guard let text = String(validating: flipped, as: UTF8.self) else { continue }  // refused as not UTF-8
        if SessionFile.seal(of: text) == .intact { unnoticed.append(index) }
      }
    }
    #expect(unnoticed.isEmpty, "flips at bytes \(unnoticed.prefix(10)) kept the seal intact")
  }

  private static func write(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("seal-\(UUID().uuidString).yaml")
    try Data(text.utf8).write(to: url)
    return url
  }

  static func problem(_ yaml: String, file: String = "s.yaml") -> YAMLProblem? {
    do {
      _ = try SessionFile.parse(yaml, file: file)
      Issue.record("the file was read")
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
    ("format: 1\nitems: []\n", 1, 1, "missing key `template`"),
    ("template: t\nformat: 1\nformat: 2\n", 2, 1, "duplicate key `format`"),
    ("template: t\nmeeting:\n  date: 1\n  date: 2\n", 3, 3, "duplicate key `date`"),
    ("", 1, 1, "the file is empty"),
  ])
  func aBrokenFileIsUnreadableWithItsPlace(yaml: String, line: Int, column: Int, message: String) throws {
    let problem = try #require(Self.problem(yaml))
    #expect(problem == YAMLProblem(file: "s.yaml", line: line, column: column, message: message))
    #expect(
      SessionError.unreadable(problem).errorDescription
        == "s.yaml:\(line):\(column): error: \(message). The file was left as it is.")
  }

  /// Yams reports the expected type of text as `Node.Scalar`; the message must still say "text".
  @Test func aTemplateThatIsNotTextNamesWhatWasExpected() throws {
    let problem = try #require(Self.problem("format: 1\ntemplate: [1]\n"))
    #expect(problem == YAMLProblem(file: "s.yaml", line: 2, column: 1, message: "at `template`: expected text"))
  }

  /// The YAML of a draft that does not fit its template is read; conforming it says where and what, at the
  /// `file:line:col` of the part in the file.
  @Test(arguments: [
    ("meeting: 5\n", 3, 1, "at `meeting`: expected a mapping of date, period, chair, term, body, number, kind, joint"),
    ("meeting:\n  term: abc\n", 4, 3, "at `meeting.term`: expected a whole number"),
    ("meeting:\n  place: 會議室\n", 4, 3,
     "at `meeting.place`: `place` is not a part of this template; its parts here are date, period, chair, term, body, number, kind, joint"),
    ("items: 5\n", 3, 1, "at `items`: expected a list"),
    ("items:\n- 甲\n", 4, 3, "at `items.1`: expected a mapping of kind, subject, status, organizer, followUp, directives"),
    ("items:\n- kind: [傳達]\n", 4, 3, "at `items.1.kind`: expected a single value"),
    ("arrangements:\n  topics: {a: 1}\n", 4, 3, "at `arrangements.topics`: expected a list"),
    ("otherMatters: 也許\n", 3, 1, "at `otherMatters`: expected true or false"),
    ("fields: {}\n", 3, 1,
     "at `fields`: `fields` is not a part of this template; its parts here are meeting, items, arrangements, otherMatters, attendance, credit, house, unparsed"),
  ])
  func aDraftThatDoesNotFitItsTemplateSaysWhere(body: String, line: Int, column: Int, message: String) throws {
    let yaml = "format: 1\ntemplate: gov-executive.zh-Hant\n" + body
    let file = try SessionFile.parse(yaml, file: "s.yaml")
    let template = try TestSupport.template()
    let problem = YAMLProblem(file: "s.yaml", line: line, column: column, message: message + " (template `gov-executive.zh-Hant`)")
    #expect(throws: SessionError.unreadable(problem)) { try template.conform(file.minutes, yaml: yaml, file: "s.yaml") }
    #expect(throws: TemplateError.self) { try template.conform(file.minutes) }
  }

  /// What fits the shape but not the rules (a date that does not exist, a missing item kind) is read, and the
  /// validator names it.
  @Test func aDraftThatBreaksOnlyTheRulesIsReadAndChecked() throws {
    let yaml = "format: 1\ntemplate: gov-executive.zh-Hant\nmeeting:\n  date: 2022-02-30\n  term: 十\nitems:\n- subject: x\n"
    let template = try TestSupport.template()
    let minutes = try template.conform(try SessionFile.parse(yaml, file: "s.yaml").minutes)
    #expect(minutes["meeting.term"] == .number(10), "a Chinese numeral is a number")
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.contains(Finding(.error, rule: "date.invalid", address: "date", message: "「2022-02-30」不是存在的日期", hint: ":edit date")))
    #expect(findings.contains(Finding(.error, rule: "required", address: "1.kind", message: "缺少必填部分「議題1 類型」", hint: ":goto 1.kind")))
  }

  @Test func aNewerFormatIsRefused() {
    #expect(throws: SessionError.unsupportedFormat(file: "s.yaml", found: 99, supported: 1)) {
      try SessionFile.parse("format: 99\ntemplate: t\n", file: "s.yaml")
    }
    #expect(
      SessionError.unsupportedFormat(file: "s.yaml", found: 99, supported: 1).errorDescription
        == "s.yaml: minutes format 99 is newer than this version reads (1); update minutes.")
  }

  @Test func canonicalFormNormalizesEveryTextAndNothingElse() throws {
    var file = try Self.seedFile()
    file.minutes.setValue("全國“兩會”精神,要 學習", at: TestSupport.at("items.1.subject"))
    file.minutes.setValue(["副區長 (常務)", "區長助理"], at: TestSupport.at("arrangements.topics"))
    let canonical = file.canonical()
    #expect(canonical.minutes.text("items.1.subject") == "全國“兩會”精神，要學習")
    #expect(canonical.minutes.texts("arrangements.topics") == ["副區長（常務）", "區長助理"])
    #expect(canonical.minutes["meeting.term"] == .number(10))
    #expect(canonical.resumeAt == file.resumeAt)
    #expect(canonical.canonical() == canonical)
  }
}
