import Testing

@testable import MinutesImport
import MinutesKit
import MinutesTestSupport
import Foundation

/// The lines of a text as every step of an import splits them, and the page chrome found on them.
@Suite struct PageChromeTests {
  @Test(arguments: [
    ("a\nb", ["a", "b"]),
    ("a\r\nb\rc\n\nd", ["a", "b", "c", "", "d"]),
    ("會議\r\n\r\n議題\n", ["會議", "", "議題", ""]),
    ("e\u{301}\rx", ["e\u{301}", "x"]),
    ("", [""]),
    ("\r\n", ["", ""]),
  ])
  func linesAreApartAtEveryKindOfLineBreak(text: String, lines: [String]) {
    #expect(PageChrome.lines(text).map(String.init) == lines)
  }

  /// A footer is the run of footer lines at the end: one above the minutes' last line is not removed.
  /// The lines and the controls found in a text's bytes are those found in its characters and scalars: 2,000 texts
  /// drawn (seeded) from line breaks of every kind, controls, the scalars whose UTF-8 begins as theirs does, and
  /// others.
  @Test func linesAndControlsAreFoundInTheBytesAsInTheScalars() {
    let alphabet: [Unicode.Scalar] = [
      "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{200B}", "\u{200F}", "\u{2010}",
      "\u{2060}", "\u{2061}", "\u{FEFF}", "\u{FF0C}", "a", " ", "會", "“",
    ]
    var generator = SplitMix64(seed: 17)
    var disagreements: [String] = []
    for _ in 0..<2_000 {
      let scalars = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      let text = String(String.UnicodeScalarView(scalars))
      if PageChrome.hasControl(text) != text.unicodeScalars.contains(where: PageChrome.isControl) {
        disagreements.append("control: \(scalars.map { String($0.value, radix: 16) })")
      }
      // Lines by scalars: apart at LF, CRLF or CR.
      var lines: [String] = []
      var line = String.UnicodeScalarView()
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        guard scalar == "\n" || scalar == "\r" else {
          line.append(scalar)
          continue
        }
        if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
        lines.append(String(line))
        line = String.UnicodeScalarView()
      }
      lines.append(String(line))
      if PageChrome.lines(text).map(String.init) != lines { disagreements.append("lines: \(scalars.map { String($0.value, radix: 16) })") }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
  }

  @Test func onlyTheFooterAtTheEndIsRemoved() {
    let text = "區政府常務會議\n地址：仁愛路1號會議室\n會議研究了其他事項。\n\n版權所有：區政府辦公室\n聯繫電話：020-12345678\n"
    let (body, notes, origins) = PageChrome.strip(text)
    #expect(body == "區政府常務會議\n地址：仁愛路1號會議室\n會議研究了其他事項。\n")
    #expect(notes.map(\.kind) == [.footer, .footer])
    #expect(notes.map(\.line) == [5, 6])
    #expect(origins == [1, 2, 3, 4])
  }

  /// A footer under a `(完)` and a rule of `|`, with half-width colons and the credits of the news item.
  @Test func aFooterBelowTheEndMarkAndARuleIsRemoved() {
    let text = "區政府常務會議\n會議研究了其他事項。(完)\n\n(撰稿人:蔣雨桐 審稿人:黃文博)\n|\n主辦:清潭區人民政府辦公室\n地址:府前大道1號  電話:0755-8888 1234\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body == "區政府常務會議\n會議研究了其他事項。\n")
    #expect(notes.map(\.kind) == [.end, .footer, .footer, .footer, .footer])
  }

  /// The same credit kept as the report's own, for a template that prints one: the footer below it goes still.
  @Test func aCreditInBracketsIsKeptWhenAsked() {
    let text = "區政府常務會議\n會議研究了其他事項。(完)\n\n(撰稿人:蔣雨桐 審稿人:黃文博)\n|\n主辦:清潭區人民政府辦公室\n地址:府前大道1號  電話:0755-8888 1234\n"
    let (body, notes, origins) = PageChrome.strip(text, keepingCredits: true)
    #expect(body == "區政府常務會議\n會議研究了其他事項。\n\n(撰稿人:蔣雨桐 審稿人:黃文博)")
    #expect(notes.map(\.kind) == [.end, .rule, .footer, .footer])
    #expect(origins == [1, 2, 3, 4])
    // A credit line not in brackets, or words in brackets that are no credit, are what they were.
    #expect(!PageChrome.isCreditLine("撰稿人：蔣雨桐"))
    #expect(!PageChrome.isCreditLine("（完）"))
    #expect(PageChrome.isCreditLine("（記者 蔣雨桐）"))
  }

  /// Import keeps a report's credit line for the template that prints it (the report reads back byte for byte)
  /// and removes it for one that does not (a 纪要 read with no line set aside).
  @Test func importKeepsTheCreditLineOnlyForATemplateThatPrintsOne() throws {
    let report = try String(contentsOf: TestSupport.fixture("published/gov-executive.zh-Hant.house-year-credit.txt"), encoding: .utf8)
    #expect(report.hasSuffix("（撰稿人：何佳穎　審稿人：吳承翰）\n"))
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    let (reading, stripped) = Importer.readPublished(report + "主辦：清潭區人民政府辦公室\n") { Importer.read($0, template: template, pageWidth: $1) }
    #expect(reading?.minutes.text("credit") == "撰稿人：何佳穎　審稿人：吳承翰")
    #expect(reading?.unparsed == [])
    #expect(stripped.notes.map(\.kind) == [.footer])
    let jiyao = try String(contentsOf: TestSupport.fixture("published/jiyao.zh-Hans.no-chair-item-hosts.txt"), encoding: .utf8)
    let notes = try TestSupport.template(id: "jiyao.zh-Hans")
    let (read, removed) = Importer.readPublished(jiyao + "（撰稿人：何佳颖）\n") { Importer.read($0, template: notes, pageWidth: $1) }
    #expect(read?.unparsed == [])
    #expect(removed.notes.map(\.text) == ["（撰稿人：何佳颖）"])
  }

  /// A NUL or a zero-width space that the clean-up removes is reported on its line with the line as read (a
  /// clerk's trial found `Secre\0tary` read as `Secretary` with no word); a byte-order mark that starts the file
  /// is not, nor is a tab.
  @Test func controlCharactersAreReportedWithTheLineAsRead() {
    let text = "\u{FEFF}Minutes\nSecre\u{0}tary: Zo\u{200B}ë Brandt\nPresent:\tAll\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body == text)
    #expect(notes.map(\.kind) == [.control])
    #expect(notes.map(\.line) == [2])
    #expect(notes.map(\.text) == ["Secretary: Zoë Brandt"])
  }
}


/// The reader's quick test for an uppercase scalar (ASCII and the CJK blocks without Unicode's tables) answers as
/// `Unicode.Scalar.Properties.isUppercase` does, for every scalar there is.
@Suite struct UppercaseScalarTests {
  @Test func theQuickTestAgreesWithUnicodeForEveryScalar() {
    var disagreeing: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if TextReader.isUppercase(scalar) != scalar.properties.isUppercase { disagreeing.append(value) }
    }
    #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20).map { String($0, radix: 16) })")
    // Not vacuous: both answers occur.
    #expect(TextReader.isUppercase("A") && TextReader.isUppercase("Ａ") && TextReader.isUppercase("Ä"))
    #expect(!TextReader.isUppercase("a") && !TextReader.isUppercase("中") && !TextReader.isUppercase("，"))
  }

  /// A page's number alone on a line is page chrome, wherever it is; a line with more than a page's number is not.
  @Test(arguments: [
    ("Page 1 of 2", true), ("PAGE 3", true), ("page 2/5", true), ("4 | Page", true), ("- 2 -", true), ("— 12 —", true),
    ("–３–", true), ("第2頁", true), ("第 2 页 共 5 页", true), ("第2頁，共5頁", true), ("共5页 第2页", true),
    ("Page", false), ("Page 2 of the handbook was amended.", false), ("2", false), ("- Rosa Delgado: call the vendor -", false),
    ("第2頁的表格有誤。", false), ("", false),
    ("Page 2 of 3 Pages", true), ("Page | 2", true), ("2 of 3", true), ("－ 2 －", true), ("·2·", true), ("第2页/共3页", true),
    ("第 2 页／共 3 页", true), ("2 of the members abstained", false),
  ])
  func aPageNumberAloneIsPageChrome(line: String, isPage: Bool) {
    #expect(PageChrome.isPageNumber(line) == isPage)
  }

  /// A draft or posting banner is page chrome; a sentence of the minutes that starts with its words is not.
  @Test(arguments: [
    ("DRAFT", true), ("Draft", true), ("Unapproved Draft", true), ("DRAFT – Subject to Board Approval", true),
    ("DRAFT — 2 error(s) remain; not final.", true), ("DRAFT 草稿：尚有 2 個錯誤，未定稿。", true),
    ("Draft - subject to approval by the Council", true), ("Draft: not yet approved", true),
    ("Subject to Board Approval", true), ("Pending committee approval.", true),
    ("Posted 2025-03-04", true), ("Posted on: March 5, 2025", true), ("Posted 3/14/2025 at 4:15 PM", true),
    ("Draft minutes of the January 8 meeting were approved as presented.", false),
    ("Draft budget: the committee asked for a second version.", false), ("Posted the agenda on March 5, 2025 at the library.", false),
    ("Posted 2 openings on the job board.", false), ("Approval of the minutes", false), ("", false),
    ("DRAFT MINUTES", true), ("Draft Minutes – Not Yet Approved", true), ("UNOFFICIAL UNTIL APPROVED", true),
    ("These minutes are subject to approval by the Board of Trustees.", true),
    ("The minutes of the March 4 meeting were approved as amended.", false), ("Draft minutes were circulated.", false),
  ])
  func aBannerIsPageChrome(line: String, isBanner: Bool) {
    #expect(PageChrome.isBanner(line) == isBanner)
  }

  /// A board's minutes copied from a PDF: a draft banner over them, a page number where the page broke and one
  /// under the last line. Each is removed and reported, and the text reads as the minutes alone read.
  @Test func aPDFsBannerAndPageNumbersAreRemovedBeforeTheMinutesAreRead() throws {
    let minutes = try String(contentsOf: TestSupport.fixture("published/board-meeting.en.no-member-count.txt"), encoding: .utf8)
    var lines = minutes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let motions = try #require(lines.firstIndex(of: "Motions"))
    lines.insert(contentsOf: ["", "Page 1 of 2", ""], at: motions)
    let copy = "DRAFT – Subject to Committee Approval\n" + lines.joined(separator: "\n") + "Page 2 of 2\n"
    let (body, notes, _) = PageChrome.strip(copy)
    #expect(notes.map(\.kind) == [.banner, .page, .page])
    #expect(notes.map(\.line) == [1, motions + 3, lines.count + 1])
    let template = try TestSupport.template(id: "board-meeting.en")
    let read = try #require(Importer.read(body, template: template))
    let alone = try #require(Importer.read(PageChrome.strip(minutes).text, template: template))
    #expect(read.unparsed.isEmpty && alone.unparsed.isEmpty)
    #expect(read.minutes.content == alone.minutes.content)
  }

  /// A source line is a label with its colon (`发布时间：`): a directive that speaks of a document's 发布时间 is the
  /// report's own, and neither it nor the lines above it are removed (a trial lost a report's first paragraph so).
  @Test func aSourceLineIsALabelWithItsColon() {
    #expect(PageChrome.isSourceLine("来源：区政府办公室 发布时间：2024-09-13"))
    #expect(PageChrome.isSourceLine("发布时间：2024-09-13 浏览次数：12"))
    #expect(PageChrome.isSourceLine("河阳区人民政府网 發布時間 : 2024-09-13"))
    #expect(!PageChrome.isSourceLine("会议要求，要在区政府网站逐条标明政策文件的发布时间和有效期；"))
    #expect(!PageChrome.isSourceLine("发布时间和有效期要逐条标明。"))
    let text = "3月26日上午，区长蒋怀远主持召开第十届区政府第22次常务会议。\n会议要求，要逐条标明政策文件的发布时间和有效期。\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body == text)
    #expect(notes.isEmpty)
  }

  /// A footer's marker comes at the start of its line: an action item that quotes `©` is the minutes' own, and the
  /// page's number under it is reported as a page's number.
  @Test func aFootersMarkerIsNearTheStartOfItsLine() {
    let text = "Action items\n- Bram Kuipers: Add \"© 2025 Lanternfish Software\" to the site footer. Due: September 19, 2025.\nPage 2 of 2\n"
    let (body, notes, _) = PageChrome.strip(text)
    #expect(body.contains("Bram Kuipers"))
    #expect(notes.map(\.kind) == [.page])
    #expect(PageChrome.isFooterLine("Copyright © 2025 Town of Ashby. All rights reserved."))
    #expect(PageChrome.isFooterLine("遼ICP備12345678號"))
    #expect(!PageChrome.isFooterLine("Members asked staff to check the copyright notice: ICP and © marks are on the site."))
  }

  /// A Chinese paragraph ends with a full stop (and the marks that close after it); a typeset line that ends in
  /// `；` or `：` is joined with the next. An English one ends as before.
  @Test(arguments: [
    ("會議要求，要加快推進並聯審批；", false), ("會議指出：", false), ("（見附件）", false), ("會議審議通過。", true),
    ("會議強調，要“守住底線。”", true), ("…將按時完成（2025年底前）。", true),
    ("The board approved the budget.", true), ("Present: Ana Ruiz, Yvette", false), ("(scheduled for 7:00 p.m.)", true),
    ("discussed the levy;", false), ("", true),
  ])
  func aParagraphEndsWithAFullStop(line: String, ends: Bool) {
    #expect(PageChrome.endsParagraph(line) == ends)
  }

  /// A report typeset 28 characters a line, one of its wrapped lines ending in `；`: the paragraph is one line again.
  @Test func aChineseLineWrappedAfterASemicolonIsJoined() {
    let lines = [
      "會議審議並原則通過了《金坪區工程建設項目審批制度改革實施方案（送審稿）》。會議要求，相",
      "關部門要優化審批流程，壓減審批時限，推行聯合審查和並聯審批；要強化事中事後監管，嚴格落",
      "實安全生產責任，確保各項改革舉措落地見效，讓企業和群眾有更多獲得感和滿意度，切實提高效",
      "率。",
    ]
    let (body, notes, _) = PageChrome.strip(lines.joined(separator: "\n") + "\n")
    #expect(body.split(separator: "\n").count == 1)
    #expect(notes.filter { $0.kind == .wrap }.count == 3)
  }

  /// A running header, the title block repeated where a PDF's page broke, alone or with the date after a dash, and
  /// a running footer that ends in the page's number, are removed; the title block itself and a line that only
  /// begins with the body's name are not.
  @Test func aRunningHeaderOrFooterIsRemoved() {
    let text = """
      Cedar Valley Public Library
      Board of Trustees
      Minutes of the Regular Meeting, March 11, 2025

      Call to order: The meeting was called to order at 6:30 p.m.
      Cedar Valley Public Library
      Board of Trustees – March 11, 2025
      Board of Trustees members toured the new branch.
      Library Board Minutes    Page 2 of 4
      Adjournment: The meeting was adjourned at 8:02 p.m.

      """
    let (body, notes, _) = PageChrome.strip(text)
    #expect(notes.map(\.kind) == [.running, .running, .running])
    #expect(notes.map(\.line) == [6, 7, 9])
    #expect(body.hasPrefix("Cedar Valley Public Library\nBoard of Trustees\nMinutes of the Regular Meeting"))
    #expect(body.contains("Board of Trustees members toured the new branch."))
  }

  /// The body's name as a running header gives it: two lines of the title block on one, or one with the town's
  /// name before it and the date after a dash.
  @Test(arguments: [
    ("Cedar Valley Public Library Board of Trustees", true), ("Ashby Planning Advisory Committee – February 19, 2025", true),
    ("Planning Advisory Committee | Page 2", true), ("The Planning Advisory Committee asked staff for a second plan.", false),
    ("Planning Advisory Committee members present: 5", false),
  ])
  func aRunningHeaderNamesTheBodyAsTheTitleBlockDoes(line: String, isRunning: Bool) {
    let title = ["Cedar Valley Public Library", "Board of Trustees", "Planning Advisory Committee"]
    #expect(PageChrome.isRunning(line, title: title) == isRunning)
  }

  /// A wrapped line joined again: apart by a space, but not next to Chinese or after a hyphen. Before, a page's
  /// wrapping ran `aye;` and `Zielinski` together, and `88` and `Orchard` (a space only after a letter or a comma).
  @Test(arguments: [
    ("Ana Ortiz, aye;", "Tomasz Zielinski, aye.", "Ana Ortiz, aye; Tomasz Zielinski, aye."), ("at 88", "Orchard Street.", "at 88 Orchard Street."),
    ("to strike", "“$40,000”", "to strike “$40,000”"), ("a self-", "insured pool", "a self-insured pool"),
    ("會議要求，相", "關部門要優化", "會議要求，相關部門要優化"), ("推行聯合審批；", "要強化監管", "推行聯合審批；要強化監管"),
    ("the Hall", "（東側）", "the Hall（東側）"),
  ])
  func aWrappedLineIsJoinedAsItWasWritten(line: String, next: String, joined: String) {
    #expect(PageChrome.joining(line, next) == joined)
  }
}
