import Foundation
import Testing

import MinutesKit
@testable import MinutesImport
import MinutesTestSupport

/// A line printed otherwise than the template prints it is set aside whole and the rest of the text read (stop
/// 35). Before, setting a line aside meant leaving it out, and where the template prints a line always (the
/// adjournment, the call to order, the roll) the reading then failed on every later line: one `9:32 PM` and the
/// whole council record was refused, even with `--template`.
@Suite struct ImportMendingTests {
  static func council(_ change: (String) -> String) throws -> (text: String, reading: Importer.Reading) {
    let published = try String(contentsOf: TestSupport.fixture("council/alder-creek.txt"), encoding: .utf8)
    let text = change(published)
    #expect(text != published, "the change changed nothing")
    return (text, try #require(Importer.read(text, template: try TestSupport.template(id: "board-meeting.en"))))
  }

  static func builtIns() throws -> [Template] {
    try TemplateLibrary.builtIns.keys.sorted().map { try TestSupport.template(id: $0) }
  }

  static func value(_ reading: Importer.Reading, _ path: String) -> String? {
    reading.minutes.value(at: Address(stored: path)!)?.text
  }

  static func count(_ reading: Importer.Reading, _ path: String) -> Int? {
    reading.minutes.value(at: Address(stored: path)!)?.list?.count
  }

  /// What every reading of the council record with one line changed still reads: its motions, its roll and its
  /// elections, whichever line was set aside.
  static func readsTheRest(_ reading: Importer.Reading) {
    #expect(reading.linesRead > 50)
    #expect(count(reading, "motions") == 3)
    #expect(count(reading, "attendance.present") == 4)
    #expect(value(reading, "elections.1.elected") == "Priya Shah")
    #expect(value(reading, "meeting.secretary") == "Joan Ruiz")
  }

  /// A time written in another style than the template prints (`9:32 PM`, `21:32`, `9:32pm` where it prints
  /// `9:32 p.m.`) is the time (stop 36): before, the line was set aside and the time left for the clerk to type.
  /// The draft prints it in the template's style, so the reading does not reproduce the text.
  @Test(arguments: ["9:32 PM", "21:32", "9:32pm", "9:32 P.M."])
  func aTimeInAnotherStyleIsReadAsTheTime(written: String) throws {
    let (text, reading) = try Self.council { $0.replacingOccurrences(of: "adjourned at 9:22 p.m.", with: "adjourned at \(written)") }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.isEmpty && !reading.reproduces)
    #expect(Self.value(reading, "adjourned") == "21:32")
    // Without --template too: the council template reads it whole.
    let best = try #require(Importer.best(text, among: try Self.builtIns()))
    #expect(best.template.id == "board-meeting.en" && best.unparsed.isEmpty)
  }

  /// An approval worded as offices word it is read as written (`as presented`, `as amended`: choices of the
  /// template); one worded otherwise (`as circulated`) is no `as distributed` or `as corrected`, the rest of a
  /// choice begun before the stop, made up: a trial's `as presented` was stored `as distributed`.
  @Test(arguments: ["as presented", "as amended", "as circulated"])
  func anApprovalIsReadAsWrittenOrNotAtAll(wording: String) throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: "were approved as distributed,", with: "were approved \(wording),") }
    if wording == "as circulated" {
      #expect(Self.value(reading, "previousMinutes.approval") == nil)
      #expect(reading.unparsed.contains { $0.text.contains("as circulated") })
    } else {
      Self.readsTheRest(reading)
      #expect(reading.unparsed.isEmpty && reading.reproduces)
      #expect(Self.value(reading, "previousMinutes.approval") == wording)
    }
  }

  /// Every time of the record in another style: each is read (`8:30 PM` whole, not `8:30` before words ` PM to
  /// discuss…`), and of the readings the reader finds, none of which prints the text back, the first (its
  /// likeliest) is taken, not the last tried: the last read `Priya Shah (4 in favor, 0 opposed, 0 abstaining)`
  /// as the seconder of the minutes' approval, whose counts were then lost.
  @Test(arguments: [(" p.m.", " PM"), (" p.m.", "pm"), ("7:04 p.m.", "19:04")])
  func everyTimeInAnotherStyleIsReadAndTheLikeliestReadingTaken(from: String, to: String) throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: from, with: to) }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.isEmpty)
    #expect(Self.value(reading, "meeting.calledToOrder") == "19:04")
    #expect(Self.value(reading, "previousMinutes.seconder") == "Priya Shah")
    #expect(reading.minutes.value(at: Address(stored: "previousMinutes.votesFor")!) == .number(4))
    if to != "19:04" { #expect(Self.value(reading, "executiveSessions.1.began") == "20:30") }
  }

  @Test func aDateWithoutItsWeekdayReadsTheRestOfItsLine() throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: "p.m. on Tuesday, January 14, 2025, in", with: "p.m. on January 14, 2025, in") }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.map(\.line) == [5] && reading.unparsed.allSatisfy(\.readInPart))
    #expect(Self.value(reading, "meeting.place") == "Council Chambers, Alder Creek Town Hall")
    #expect(Self.value(reading, "meeting.scheduled") == "19:00")
  }

  @Test func aHeadingWordedOtherwiseReadsItsList() throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: "\nPresent: Ana Ortiz,", with: "\nMembers present: Ana Ortiz,") }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.map(\.line) == [11])
  }

  @Test func aLineTheTemplatePrintsAndTheTextLacksIsPutInAndSaidNotExact() throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: "Adjournment: The meeting was adjourned at 9:22 p.m.\n", with: "") }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.map(\.text) == [])
    let reproduces = reading.reproduces
    #expect(!reproduces, "the export prints a line the text does not have")
    let exported = try TextExporter().export(reading.minutes, template: reading.template)
    #expect(exported.contains("\nAdjournment: The meeting was adjourned.\nNext meeting: Tuesday, January 28, 2025"))
  }

  /// A remark the template has no place for, at the end (after the signature) or among the roll.
  @Test(arguments: [61, 15])
  func aLineAddedIsLeftOutAndNothingElse(line: Int) throws {
    let (_, reading) = try Self.council { published in
      line == 61
        ? published + "Minutes approved: February 11, 2025\n"
        : published.replacingOccurrences(of: "\nGuests:", with: "\nNote: the recording failed at 7:30 p.m.\nGuests:")
    }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.map(\.line) == [line])
    #expect(reading.unparsed.allSatisfy { !$0.readInPart })
  }

  @Test func aHeadingWithARemarkAfterItIsReadUpToTheRemark() throws {
    let (_, reading) = try Self.council { $0.replacingOccurrences(of: "\nApproval of minutes\n", with: "\nApproval of minutes (corrected)\n") }
    Self.readsTheRest(reading)
    #expect(reading.unparsed.map(\.line) == [18] && reading.unparsed[0].column == 20)
    #expect(Self.value(reading, "previousMinutes.date") == "2024-12-10")
  }

  /// GB/T 9704-2012 §7.4.3 sets the issuing office and the date on one line; a 纪要 copied from such a page has them
  /// apart by a wide space, where the template prints them on two lines.
  @Test func aJiyaosIssuingOfficeAndDateOnOneLineAreBothRead() throws {
    let published = try String(contentsOf: TestSupport.fixture("examples/jiyao.zh-Hans.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "梧川市人民政府办公室\n2024年3月8日", with: "梧川市人民政府办公室　　2024年3月8日")
    #expect(text != published)
    let reading = try #require(Importer.best(text, among: try Self.builtIns()))
    #expect(reading.template.id == "jiyao.zh-Hans")
    #expect(Self.value(reading, "meeting.issuer") == "梧川市人民政府办公室")
    #expect(Self.value(reading, "meeting.issued") == "2024-03-08")
    #expect(Self.count(reading, "items") == 3)
    #expect(reading.unparsed.map(\.line) == [3] && reading.unparsed[0].readInPart)
  }

  /// A trial clerk's 纪要 (stop 35): a line after the attendance (`（此件公开发布）`), or the attendance headed
  /// otherwise (`参加人员：`), made the reading take the attendance lines for paragraphs of the last item: exit 0,
  /// nothing reported, the attendance empty. A paragraph never begins as an attendance line does.
  @Test(arguments: ["public", "heading"])
  func aJiyaosAttendanceIsNeverReadAsParagraphs(change: String) throws {
    let published = try String(contentsOf: TestSupport.fixture("examples/jiyao.zh-Hans.txt"), encoding: .utf8)
    let text = change == "public" ? published + "（此件公开发布）\n" : published.replacingOccurrences(of: "\n出席：", with: "\n参加人员：")
    #expect(text != published)
    let reading = try #require(Importer.read(text, template: try TestSupport.template(id: "jiyao.zh-Hans")))
    #expect(Self.count(reading, "items.3.paragraphs") == 2)
    #expect(reading.unparsed.count == 1)
    #expect(Self.count(reading, "attendance.inAttendance") == 8)
    if change == "public" {
      #expect(reading.unparsed.first?.text == "（此件公开发布）")
      #expect(Self.count(reading, "attendance.present") == 4)
    } else {
      #expect(reading.unparsed.first?.text.hasPrefix("参加人员：罗景川") == true)
    }
  }

  /// Extra blank lines between sections (a trial's team notes had eight) are left out, not kept under unparsed as
  /// eight errors of empty lines; the reading then does not reproduce the text.
  @Test func extraBlankLinesAreLeftOutAndNotKept() throws {
    let published = try String(contentsOf: TestSupport.fixture("examples/team-meeting.en.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "Platform Team Weekly Sync\n", with: "Platform Team Weekly Sync\n\n\n")
      .replacingOccurrences(of: "\n\n2. ", with: "\n\n\n  \n2. ")
    #expect(text != published)
    let template = try TestSupport.template(id: "team-meeting.en")
    let reading = try #require(Importer.read(text, template: template))
    let exact = try #require(Importer.read(published, template: template))
    #expect(reading.unparsed.isEmpty && !reading.reproduces)
    #expect(reading.minutes == exact.minutes)
    let best = try #require(Importer.best(text, among: try Self.builtIns()))
    #expect(best.template.id == "team-meeting.en" && best.unparsed.isEmpty)
  }

  /// A 纪要's issuing office and its date typed on one line apart by spaces or a tab (a trial's: two spaces; the
  /// whole text was refused) are read as the two lines the template prints, as with an ideographic space.
  @Test(arguments: ["  ", "    ", "\t", "\u{3000}"])
  func anIssuingOfficeAndItsDateApartByAGapAreRead(gap: String) throws {
    let published = try String(contentsOf: TestSupport.fixture("examples/jiyao.zh-Hans.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "梧川市人民政府办公室\n2024年3月8日", with: "梧川市人民政府办公室\(gap)2024年3月8日")
    #expect(text != published)
    let reading = try #require(Importer.best(text, among: try Self.builtIns()))
    #expect(reading.template.id == "jiyao.zh-Hans")
    #expect(Self.value(reading, "meeting.issuer") == "梧川市人民政府办公室")
    #expect(Self.value(reading, "meeting.issued") == "2024-03-08")
    #expect(reading.unparsed.count == 1 && reading.unparsed.allSatisfy(\.readInPart))
  }

  /// A gap typed after a Chinese character becomes one ideographic space; one space, a gap after ASCII and a gap
  /// at the end of the line stay as they are.
  @Test func aGapTypedAfterAChineseCharacterIsAWideSpace() {
    #expect(Importer.widenedGaps("办公室  2024年") == "办公室\u{3000}2024年")
    #expect(Importer.widenedGaps("办公室\t2024年") == "办公室\u{3000}2024年")
    #expect(Importer.widenedGaps("办公室 2024年") == "办公室 2024年")
    #expect(Importer.widenedGaps("Town Council  Minutes") == "Town Council  Minutes")
    #expect(Importer.widenedGaps("办公室  ") == "办公室  ")
  }

  /// A report whose first line departs from the template right after the date (`5月20日15:00，`, a time the
  /// template has no place for) was read as a morning meeting: the line was ended with the first value the
  /// template could print there, 上午. A choice's value is an answer, never put into a line; the line reads on at
  /// its `，`, so the chair, term, body and number after it are read, and the period stays empty.
  @Test(arguments: ["15:00", "下午3時", "（星期五）"])
  func aLineThatDepartsAfterTheDateInventsNoPeriod(written: String) throws {
    let published = try String(contentsOf: TestSupport.fixture("seed/expected.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "5月20日下午，", with: "5月20日\(written)，")
    #expect(text != published)
    let reading = try #require(Importer.read(text, template: try TestSupport.template(id: "gov-executive.zh-Hant")))
    #expect(reading.unparsed.map(\.line) == [1] && reading.unparsed.allSatisfy(\.readInPart))
    #expect(Self.value(reading, "meeting.period") == (written.hasPrefix("下午") ? "下午" : nil))
    #expect(Self.value(reading, "meeting.chair.name") == "管尊旭")
    #expect(reading.minutes.value(at: Address(stored: "meeting.number")!) == .number(3))
  }

  /// An attendance line headed otherwise than the template prints it (`出席人员：` for `出席：`) was left out, since the
  /// text then read whole, and none of its names were read. A mend that puts in no line and reads the text whole
  /// too is taken over leaving the line out: the names are read, and the line is kept whole under unparsed.
  @Test func aHeadingWordedOtherwiseIsReadRatherThanLeftOut() throws {
    let published = try String(contentsOf: TestSupport.fixture("examples/jiyao.zh-Hans.txt"), encoding: .utf8)
    let line = try #require(published.split(separator: "\n").first { $0.hasPrefix("出席：") })
    let text = published.replacingOccurrences(of: "\n\(line)\n", with: "\n出席人员：\(line.dropFirst(3))\n")
    #expect(text != published)
    let template = try TestSupport.template(id: "jiyao.zh-Hans")
    let reading = try #require(Importer.read(text, template: template))
    let exact = try #require(Importer.read(published, template: template))
    #expect(reading.unparsed.count == 1 && reading.unparsed.allSatisfy(\.readInPart))
    #expect(reading.minutes.value(at: Address(stored: "attendance.present")!) == exact.minutes.value(at: Address(stored: "attendance.present")!))
    #expect(Self.count(reading, "attendance.present").map { $0 > 0 } == true)
  }

  /// `text` with every line longer than `width` characters broken at its last space before `width`, as a PDF's
  /// ragged right margin breaks it (once: the rest stays on the next line however long).
  static func wrapped(_ text: String, width: Int) -> (text: String, breaks: Int) {
    var breaks = 0
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.count > width, let space = line.prefix(width).lastIndex(of: " ") else { return String(line) }
      breaks += 1
      return line[..<space] + "\n" + line[line.index(after: space)...]
    }
    return (lines.joined(separator: "\n"), breaks)
  }

  /// The council record copied from a PDF whose ragged margin broke its long lines (the roll, the call to order,
  /// the motions): each break is read as the end of the line before it, and the draft is the one the unbroken
  /// record reads, nothing set aside. The export prints each pair as one line, so the reading does not reproduce the
  /// text, and says which lines it joined.
  @Test(arguments: [72, 90])
  func linesAPageWrappedAreReadAsOne(width: Int) throws {
    let published = try String(contentsOf: TestSupport.fixture("council/alder-creek.txt"), encoding: .utf8)
    let (text, breaks) = Self.wrapped(published, width: width)
    #expect(breaks >= 3)
    let template = try TestSupport.template(id: "board-meeting.en")
    let whole = try #require(Importer.read(published, template: template))
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty)
    #expect(reading.joined.count == breaks)
    #expect(!reading.reproduces)
    #expect(reading.minutes.content == whole.minutes.content)
    Self.readsTheRest(reading)
  }

  /// `text` with every line broken as a page of `width` characters breaks it, word by word (a line holds the
  /// most words that fit; a word longer than the line stands alone): a PDF copy's ragged right margin.
  static func pageBroken(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var lines: [String] = []
      var current = ""
      for word in line.split(separator: " ") {
        if current.isEmpty {
          current = String(word)
        } else if current.count + 1 + word.count <= width {
          current += " " + word
        } else {
          lines.append(current)
          current = String(word)
        }
      }
      lines.append(current)
      return lines.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// Records copied from PDFs of widths where a trial found them misread (stop 38): a line the page broke before a
  /// capitalized word, where the template may go on to a line of its own (`…, Priya` / `Shah`, whose `S` read as
  /// `Staff: `), was set aside; a line as wide as the page above a line of its own (`…, Priya Shah` / `Excused:
  /// Wendell Hart`) was joined to it before the reading; a line joined by a wrap and stopped on further along was
  /// taken for less progress than leaving it out; a line going on in lowercase (`…; Ravi` / `expects both…`) was
  /// left out. Read as the published text is (its page chrome, through
  /// ``Importer/readPublished(_:_:)``), each now gives the draft of the unbroken record, nothing set aside.
  @Test(arguments: [("council/alder-creek.txt", "board-meeting.en", 60), ("council/alder-creek.txt", "board-meeting.en", 64),
                    ("council/alder-creek.txt", "board-meeting.en", 66), ("council/alder-creek.txt", "board-meeting.en", 76),
                    ("council/alder-creek.txt", "board-meeting.en", 100), ("council/alder-creek.txt", "board-meeting.en", 62),
                    ("examples/team-meeting.en.txt", "team-meeting.en", 68), ("examples/team-meeting.en.txt", "team-meeting.en", 72),
                    ("examples/team-meeting.en.txt", "team-meeting.en", 96)])
  func aRecordBrokenByAPageReadsAsTheRecord(fixture: String, template id: String, width: Int) throws {
    let published = try String(contentsOf: TestSupport.fixture(fixture), encoding: .utf8)
    let text = Self.pageBroken(published, width: width)
    #expect(text != published)
    let template = try TestSupport.template(id: id)
    let whole = try #require(Importer.read(published, template: template))
    let reading = try #require(Importer.readPublished(text) { Importer.read($0, template: template, maxUnparsed: 60, pageWidth: $1) }.reading)
    #expect(reading.unparsed.isEmpty, "\(reading.unparsed.map(\.text))")
    #expect(reading.minutes.content == whole.minutes.content)
  }
}
