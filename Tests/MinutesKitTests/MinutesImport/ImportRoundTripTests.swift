import Foundation
import Testing

import MinutesKit
import MinutesTestSupport

/// `export(import(text)) == text` and `import(export(draft))` is the draft, for every example and published form
/// the project ships (issue 12): the text is read back with the template alone, the house style included.
@Suite struct ImportRoundTripTests {
  /// Every shipped meeting: its template, its drafted draft and its golden text export.
  static let meetings: [(label: String, template: String, transcript: String, house: [String], golden: String)] = {
    var meetings = TestSupport.exampleTemplates.map { id in
      id == TestSupport.templateID
        ? (id, id, "seed/session.txt", [String](), "seed/expected.txt")
        : (id, id, "examples/\(id).session.txt", [String](), "examples/\(id).txt")
    }
    for form in TestSupport.publishedForms {
      let base = "published/\(form.template).\(form.form)"
      meetings.append(("\(form.template).\(form.form)", form.template, "\(base).session.txt", form.house, "\(base).txt"))
    }
    for meeting in TestSupport.layoutMeetings {
      meetings.append(("\(meeting.name).\(meeting.layout)", "board-meeting.en", "layouts/\(meeting.name).session.txt",
                       ["layout=\(meeting.layout)"], "layouts/\(meeting.golden).txt"))
    }
    meetings.append(("alder-creek", "board-meeting.en", "council/alder-creek.session.txt", ["layout=council"], "council/alder-creek.txt"))
    return meetings
  }()

  /// Meetings whose text reads back another way than drafted, the text printed the same: what the text alone
  /// cannot tell. A scope printed right before its topics (`全区` + `春耕备耕` or `全` + `区春耕备耕`); points printed
  /// as sentences (`要…。要…。` is also one point); an open meeting kind that ends with one of its values
  /// (`院长办公会议` reads as the body's 院长 and the value 办公会议); units typed but hidden by the house style; an
  /// English title before a name (`Village President Odessa Crane`); a label whose forms print alike without a
  /// term, number or year; a citation with a comma of its own before the comma that ends it (`as permitted by G.L.
  /// c. 30A, § 21(a)(3), and returned`).
  static let readAnotherWay: Set<String> = [
    "gov-executive.zh-Hans.no-period", "gov-executive.zh-Hans.house-short-zh", "gov-executive.zh-Hant.house-start-name-first",
    "jiyao.zh-Hans.no-units-no-issue", "jiyao.zh-Hans.house-participants-spaces", "tamsin-lake.council",
    "gov-executive.zh-Hant.no-label-no-attendance", "jiyao.zh-Hans", "alder-creek",
  ]

  @Test(arguments: meetings.map(\.label))
  func theGoldenTextImportsAndExportsByteForByte(label: String) throws {
    let meeting = try #require(Self.meetings.first { $0.label == label })
    let template = try TestSupport.template(id: meeting.template)
    let golden = try String(contentsOf: TestSupport.fixture(meeting.golden), encoding: .utf8)
    let reading = try #require(Importer.read(golden, template: template, maxUnparsed: 8, budget: 20_000_000))
    let exported = try TextExporter().export(reading.minutes, template: template)
    #expect(reading.unparsed.isEmpty, "\(reading.unparsed)")
    #expect(reading.reproduces)
    #expect(exported == Importer.normalized(golden, template: template))
  }

  @Test(arguments: meetings.map(\.label))
  func theDraftReadBackIsTheDraftUpToWhatTheTextDoesNotPrint(label: String) throws {
    let meeting = try #require(Self.meetings.first { $0.label == label })
    let (template, original) = try TestSupport.drafted(meeting.template, transcript: TestSupport.fixture(meeting.transcript), house: meeting.house)
    let text = try TextExporter().export(original, template: template)
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(reading.unparsed)")
    let compare = {
      for address in Self.differences(original.content, reading.minutes.content) {
        // A value read otherwise than drafted is one the text does not show: put in the draft, it prints the same.
        var substituted = original
        _ = substituted.setValue(reading.minutes.value(at: address), at: address)
        let printed = try? TextExporter().export(substituted, template: template)
        #expect(printed == text, "\(label): \(address) drafted \(String(describing: original.value(at: address))), read \(String(describing: reading.minutes.value(at: address)))")
      }
    }
    if Self.readAnotherWay.contains(label) {
      withKnownIssue("read another way, the text the same (see readAnotherWay)", isIntermittent: true) { compare() }
    } else {
      compare()
    }
  }

  /// A point that ends a sentence of its own (`！`, `？`, a quotation that ends `。”`) is read back where the export
  /// leaves out the mark after it (GB/T 15834-2011 §4.1–4.3, as ``TextExporter`` prints: no `。` or `；` after `！`
  /// or `？`, no `。` after `。”`): in each way the house joins points, the text is read whole and the agenda items
  /// are the ones drafted (where the house prints them apart). A text whose last point ended `。”` had been left
  /// unread (a clerk's trial, stop 53).
  @Test(arguments: ["semicolons", "sentences", "numbered", "headings"])
  func aPointThatEndsItsOwnSentenceIsReadBack(points: String) throws {
    let seed = try String(contentsOf: TestSupport.fixture("seed/session.txt"), encoding: .utf8)
    let transcript = seed
      .replacingOccurrences(of: "以優異成績迎接黨的二十大勝利召開\n", with: "以優異成績迎接黨的二十大勝利召開,喊出“奮進新征程！”\n")
      .replacingOccurrences(of: "切實做好當前各項工作\n", with: "切實做好當前各項工作？\n")
      .replacingOccurrences(of: "在統籌發展與安全上出實招、求實效\n", with: "在統籌發展與安全上出實招、求實效,做到“穩中求進。”\n")
    #expect(transcript.components(separatedBy: "”\n").count == 3 && transcript.contains("？\n"))
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("sentence-ends-\(points)-\(getpid()).txt")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(transcript.utf8).write(to: file)
    let (template, original) = try TestSupport.drafted(TestSupport.templateID, transcript: file, house: ["points=\(points)"])
    let text = try TextExporter().export(original, template: template)
    // The marks are left out: the text is not one a plainer reading would read.
    #expect(text.contains("穩中求進。”\n") && !text.contains("。”。") && !text.contains("？；") && !text.contains("？。"), "\(text)")
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(reading.unparsed)")
    #expect(try TextExporter().export(reading.minutes, template: template) == text)
    // Points printed as sentences are read another way whatever their ends (`要…。要…。` is also one point; see
    // ``readAnotherWay``): there the text is what is compared.
    guard points != "sentences" else { return }
    #expect(reading.minutes.content["items"] == original.content["items"], "\(Self.differences(original.content, reading.minutes.content).map { "\($0): \(String(describing: original.value(at: $0))) → \(String(describing: reading.minutes.value(at: $0)))" })")
  }

  /// The addresses where two drafts differ: each value that differs, or the whole list where the counts do.
  static func differences(_ a: Record, _ b: Record, at address: Address = .root) -> [Address] {
    var found: [Address] = []
    for key in Set(a.fields.keys).union(b.fields.keys).sorted() {
      found += differences(a[key], b[key], at: address.appending(key: key))
    }
    return found
  }

  static func differences(_ a: Value?, _ b: Value?, at address: Address) -> [Address] {
    switch (a, b) {
    case (.record(let x)?, .record(let y)?): return differences(x, y, at: address)
    case (.list(let x)?, .list(let y)?) where x.count == y.count:
      return zip(x, y).enumerated().flatMap { index, pair in differences(pair.0, pair.1, at: address.appending(.index(index + 1))) }
    case (nil, nil): return []
    default:
      if let a, let b, a.matches(b) { return [] }
      return [address]
    }
  }
}
