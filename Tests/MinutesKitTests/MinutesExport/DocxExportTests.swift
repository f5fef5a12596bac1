import Foundation
import Testing

@testable import MinutesExport
import MinutesKit
import MinutesTestSupport

/// ``DocxExporter``: each built-in template's example meeting against golden XML parts, the roles of lines by
/// their look and by tags, the GB/T 9704-2012 page, a draft's mark, and a package that is the same for the same
/// draft. (Independent readers, python-docx and LibreOffice, check the documents in ``DocxReaderTests``.)
@Suite struct DocxExportTests {
  // MARK: - Golden parts

  /// `document.xml` and `styles.xml` of each example meeting, against `Snapshots/docx/ID/`. Run with
  /// `RECORD_SNAPSHOTS=1` to write them anew (the test then fails, to have them looked at).
  @Test(arguments: TestSupport.builtInTemplates)
  func examplePartsMatchTheGoldenFiles(template id: String) throws {
    let assistant = try TestSupport.exampleAssistant(id)
    let parts = try DocxExporter().parts(assistant.minutes, template: assistant.template)
    let folder = TestSupport.snapshotSourceDirectory.appendingPathComponent("docx/\(id)", isDirectory: true)
    for name in ["word/document.xml", "word/styles.xml"] {
      let xml = try #require(parts.first { $0.path == name }?.xml, "no \(name)")
      let golden = folder.appendingPathComponent(URL(fileURLWithPath: name).lastPathComponent)
      if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil || !FileManager.default.fileExists(atPath: golden.path) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try xml.write(to: golden, atomically: true, encoding: .utf8)
        Issue.record("Recorded \(golden.path); look at it and run the tests again without RECORD_SNAPSHOTS.")
        continue
      }
      let want = TestSupport.lines(try String(contentsOf: golden, encoding: .utf8))
      let got = TestSupport.lines(xml)
      #expect(got.count == want.count, "\(name): \(got.count) lines, golden \(want.count)")
      if let (number, (line, wanted)) = zip(1..., zip(got, want)).first(where: { $0.1.0 != $0.1.1 }) {
        Issue.record("\(id) \(name) differs from \(golden.lastPathComponent) at line \(number):\n got \(line)\nwant \(wanted)")
      }
    }
  }

  /// The text of each example's document is its text export, line for line (blank lines dropped, a bullet's
  /// `- ` made a bullet), after the title the Chinese reports add; the 纪要's issuer and date share a line.
  @Test(arguments: TestSupport.builtInTemplates)
  func theDocumentsTextIsTheTextExport(template id: String) throws {
    let assistant = try TestSupport.exampleAssistant(id)
    let paragraphs = try DocxExporter().paragraphs(assistant.minutes, template: assistant.template)
    var texts = paragraphs.flatMap { paragraph -> [String] in
      switch paragraph.role {
      case .bullet: ["- " + paragraph.text]
      case .issuer: paragraph.text.components(separatedBy: "\t")
      default: [paragraph.text]
      }
    }
    let titles = ["gov-executive.zh-Hant": "第十屆區政府第3次常務會議", "gov-executive.zh-Hans": "第十届区政府第5次常务会议",
                  "gov-executive-formal.zh-Hant": "區政府第42次常務會議"]
    if let title = titles[id] {
      #expect(paragraphs.first == StyledParagraph(.title, title))
      texts.removeFirst()
    }
    #expect(texts == TestSupport.lines(try TestSupport.exampleText(id)).filter { !$0.isEmpty })
  }

  /// The 纪要 as GB/T 9704-2012 §10.3 lays it out: mark, issue, issuer and date, the body with its numbered
  /// items, then 出席, 请假, 列席.
  @Test func theJiyaoHasItsHeadItemsAndAttendanceBlocks() throws {
    let assistant = try TestSupport.exampleAssistant("jiyao.zh-Hans")
    let paragraphs = try DocxExporter().paragraphs(assistant.minutes, template: assistant.template)
    #expect(paragraphs.map(\.role) == [
      .mark, .issue, .issuer, .body, .heading1, .body, .heading1, .body, .heading1, .body, .body,
      .labelled, .labelled, .labelled,
    ])
    #expect(paragraphs[0].text == "梧川市人民政府常务会议纪要")
    #expect(paragraphs[2].text == "梧川市人民政府办公室\t2024年3月8日")
    #expect(paragraphs[11].text.hasPrefix("出席：罗景川（市长）"))
    let document = try part("word/document.xml", assistant)
    // The label in 黑体 by its character style; the issuer one character from the left, the date after a tab.
    #expect(document.contains(#"<w:r><w:rPr><w:rStyle w:val="Label"/><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">请假：</w:t></w:r>"#))
    #expect(document.contains(#"<w:tab/><w:t xml:space="preserve">梧川市人民政府办公室</w:t><w:tab/><w:t xml:space="preserve">2024年3月8日</w:t>"#))
  }

  /// Board minutes by the look of their text: the organization as the title, sections as headings, labelled
  /// lines, motions with their details, bullets, and the signature after the closing.
  @Test func boardMinutesAreStyledByTheLookOfTheirText() throws {
    let assistant = try TestSupport.exampleAssistant("board-meeting.en")
    let paragraphs = try DocxExporter().paragraphs(assistant.minutes, template: assistant.template)
    func role(_ prefix: String) -> ParagraphRole? { paragraphs.first { $0.text.hasPrefix(prefix) }?.role }
    #expect(role("Harborview Literacy Alliance") == .title)
    #expect(role("Board of Directors") == .subtitle)
    #expect(role("Minutes of the Regular Meeting") == .subtitle)
    #expect(role("Call to order: ") == .labelled)
    #expect(role("Roll call") == .heading1)
    #expect(role("Present: ") == .labelled)
    #expect(role("Treasurer (Priya Natarajan)") == .bullet)
    #expect(role("1. Moved by Priya Natarajan") == .numbered)
    #expect(role("Roll-call vote: ") == .detail)
    #expect(role("Executive session") == .heading1)
    #expect(role("Adjournment: ") == .labelled)
    #expect(role("Respectfully submitted,") == .closing)
    #expect(paragraphs.last == StyledParagraph(.signature, "Thomas Lindqvist, Secretary"))
    let document = try part("word/document.xml", assistant)
    #expect(document.contains(#"<w:t xml:space="preserve">Present:</w:t></w:r><w:r><w:tab/>"#))
    #expect(document.contains(#"<w:t xml:space="preserve">1.</w:t><w:tab/><w:t xml:space="preserve">Moved by"#))
  }

  // MARK: - Roles by look and by tag

  struct LookCase: Sendable, CustomTestStringConvertible {
    let language: String
    let text: String
    let roles: [ParagraphRole]
    var testDescription: String { "\(language): \(text.prefix(30).debugDescription)" }
  }

  static let lookCases: [LookCase] = [
    LookCase(language: "zh-Hans", text: "一、甲\n（二）乙\n3.丙\n（4）丁\n正文。\n出席：甲\n請假：乙\n列席人员：丙\n2024.3.8\n会议要求：甲",
             roles: [.heading1, .heading2, .heading3, .heading4, .body, .labelled, .labelled, .labelled, .body, .body]),
    LookCase(language: "en", text: "Org\nBody\n\nSection\nText.\n- one\n• two\n1. Moved\nVote: 3.\nNote: x\n\nYours,\nA B",
             roles: [.title, .subtitle, .heading1, .body, .bullet, .bullet, .numbered, .detail, .detail, .closing, .signature]),
    LookCase(language: "en", text: "Title\nDate: May 1\nSubtitle-looking line\n\n1. Topic\nNotes: n\n\nLast line",
             roles: [.title, .labelled, .body, .heading1, .labelled, .body]),
    LookCase(language: "en", text: "A whole sentence that ends with a period.\nSecond.",
             roles: [.body, .body]),
  ]

  @Test(arguments: lookCases)
  func aLineWithoutATagTakesTheRoleOfItsLook(_ look: LookCase) {
    #expect(StyledParagraph.paragraphs(of: look.text, language: look.language).map(\.role) == look.roles)
  }

  /// A tag is read from the template's line only: a value that starts with `@` or a tag's name is text.
  @Test func aTagIsReadFromTheTemplateNotFromTheValues() throws {
    let source = try StyledSource(parsing: "@title {{a}}\n{{b}}\n  @heading2 {{c}}\n@bullet - x\n@body")
    let rendered = source.mustache
      .replacingOccurrences(of: "{{a}}", with: "@body A").replacingOccurrences(of: "{{b}}", with: "@title B")
      .replacingOccurrences(of: "{{c}}", with: "C")
    #expect(StyledParagraph.paragraphs(of: rendered, language: "en") == [
      StyledParagraph(.title, "@body A"), StyledParagraph(.body, "@title B"), StyledParagraph(.heading2, "C"),
      StyledParagraph(.bullet, "x"),
    ])
  }

  @Test func aStyledSourceRefusesUnknownStylesAndAWrongPage() {
    #expect(throws: StyledSource.Problem.self) { try StyledSource(parsing: "ok\n@headline x") }
    #expect { try StyledSource(parsing: "ok\n@headline x") } throws: { ($0 as? StyledSource.Problem)?.line == 1 }
    #expect { try StyledSource(parsing: "@draft x") } throws: { ($0 as? StyledSource.Problem)?.message.contains("@draft") == true }
    #expect { try StyledSource(parsing: "@page legal") } throws: { ($0 as? StyledSource.Problem)?.message.contains("letter or a4") == true }
    #expect { try StyledSource(parsing: "@page a4\n@page a4") } throws: { ($0 as? StyledSource.Problem)?.line == 1 }
    #expect { try StyledSource(parsing: "@page a4", allowsPage: false) } throws: { ($0 as? StyledSource.Problem)?.message.contains("GB/T 9704") == true }
    #expect((try? StyledSource(parsing: "@page A4\nx"))?.page == "a4")
  }

  // MARK: - The page

  /// GB/T 9704-2012: A4 (§5.1); top 37 mm, left 28 mm, a text block of 156 mm × 225 mm (§5.2.1); 22 lines of 28
  /// characters filling it (§5.2.3); page numbers 7 mm below it (§7.5).
  @Test func theChinesePageIsTheStandardsPage() throws {
    let page = DocxLayout.gbt9704Page
    let mm = { (twips: Int) in Double(twips) / 1440 * 25.4 }
    #expect(abs(mm(page.width) - 210) < 0.1 && abs(mm(page.height) - 297) < 0.1)
    #expect(abs(mm(page.top) - 37) < 0.1 && abs(mm(page.left) - 28) < 0.1)
    #expect(abs(mm(page.textWidth) - 156) < 0.1 && abs(mm(page.textHeight) - 225) < 0.1)
    let grid = try #require(page.grid)
    #expect(22 * grid.linePitch <= page.textHeight && 23 * grid.linePitch > page.textHeight)
    #expect(28 * grid.characterPitch <= page.textWidth && 29 * grid.characterPitch > page.textWidth)
    // The first line of a paragraph, indented two characters, holds 26.
    #expect(26 * grid.characterPitch <= page.textWidth - 2 * grid.characterPitch)
    #expect(abs(mm(page.bottom - page.footer - 14 * 20) - 7) < 0.1, "the page number's line starts 7 mm below the text block")

    let assistant = try TestSupport.exampleAssistant("jiyao.zh-Hans")
    let document = try part("word/document.xml", assistant)
    #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587" w:header="850" w:footer="1307" w:gutter="0"/>"#))
    #expect(document.contains(#"<w:docGrid w:type="lines" w:linePitch="579"/>"#))
    let footer = try part("word/footer1.xml", assistant)
    #expect(footer.contains(#"<w:t xml:space="preserve">— </w:t>"#) && footer.contains(" PAGE "))
    // Odd and even pages' footers apart, written where the schema puts it (after the default tab stop).
    #expect(try part("word/settings.xml", assistant).contains(#"<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>"#))
  }

  /// An English template is on US Letter unless its `export.docx` says `@page a4`.
  @Test func anEnglishTemplateChoosesItsPaper() throws {
    let letter = try TestSupport.exampleAssistant("team-meeting.en")
    #expect(try part("word/document.xml", letter).contains(#"<w:pgSz w:w="12240" w:h="15840"/>"#))
    var a4 = letter.template
    a4.export["docx"] = "@page a4\n{{> text}}"
    let document = try #require(try DocxExporter().parts(letter.minutes, template: a4).first { $0.path == "word/document.xml" }?.xml)
    #expect(document.contains(#"<w:pgSz w:w="11906" w:h="16838"/>"#))
  }

  // MARK: - Draft, determinism, escaping

  /// A draft with errors says so first, in the template's language, in its own style.
  @Test func aDraftWithErrorsStartsWithTheDraftLine() throws {
    let assistant = try TestSupport.exampleAssistant("jiyao.zh-Hans")
    let paragraphs = try DocxExporter().paragraphs(assistant.minutes, template: assistant.template, options: ExportOptions(draftErrors: 2))
    #expect(paragraphs.first == StyledParagraph(.draft, "DRAFT 草稿：尚有 2 个错误，未定稿。"))
    #expect(paragraphs.dropFirst().first?.role == .mark)
  }

  /// The same draft gives the same bytes: a ZIP whose first entry is `[Content_Types].xml`.
  @Test func theSameDraftGivesTheSameBytes() throws {
    let assistant = try TestSupport.exampleAssistant("gov-executive.zh-Hant")
    let first = try DocxExporter().export(assistant.minutes, template: assistant.template, options: .default)
    let second = try DocxExporter().export(assistant.minutes, template: assistant.template, options: .default)
    guard case .binary(let data) = first else { Issue.record("not binary"); return }
    #expect(first == second)
    #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    #expect(String(decoding: data[30..<49], as: UTF8.self) == "[Content_Types].xml")
    #expect(first.text == nil)
  }

  /// A workspace template without `export.docx` gets its text export, styled by look; values are escaped for
  /// XML, and a label of five characters moves the wrapped lines after it.
  @Test func aTemplateWithoutADocxExportGetsItsTextEscaped() throws {
    let template = try TemplateLibrary.parse("""
      format: 2
      id: weekly.zh-Hant
      name: 週例會
      language: zh-Hant
      parts:
        - key: chair
          question: 誰主持？
        - key: present
          question: 出席？
      export:
        text: |
          {{chair}}主持會議。
          出席人員：{{present}}
      """, file: "weekly.zh-Hant.yaml")
    let minutes = try template.conform(Minutes(template: template.id, content: ["chair": .text("王<科長> & \"李\"\u{7}"), "present": .text("甲")]))
    let parts = try DocxExporter().parts(minutes, template: template)
    let document = try #require(parts.first { $0.path == "word/document.xml" }?.xml)
    #expect(document.contains("王&lt;科長&gt; &amp; &quot;李&quot;主持會議。"))
    #expect(document.contains(#"<w:pPr><w:pStyle w:val="Labelled"/><w:ind w:left="2205" w:hanging="1575"/></w:pPr>"#))
    #expect(parts.contains { $0.path == "word/footer2.xml" }, "a Chinese document has an even pages' footer")
    #expect(parts.map(\.path).first == "[Content_Types].xml")
  }

  // MARK: - Helpers

  private func part(_ name: String, _ assistant: Assistant) throws -> String {
    try #require(try DocxExporter().parts(assistant.minutes, template: assistant.template).first { $0.path == name }?.xml)
  }
}
