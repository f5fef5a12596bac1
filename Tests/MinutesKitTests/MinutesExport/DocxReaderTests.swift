import Foundation
import Testing

import MinutesKit
import MinutesTestSupport

/// The DOCX of each example meeting, opened by readers that share no code with minutes: python-docx
/// (`Tests/Scripts/check_docx.py`: page size, margins, styles and their fonts, the paragraphs' text, no direct
/// formatting on runs) and, where it is installed, LibreOffice, which converts it to PDF.
@Suite struct DocxReaderTests {
  /// What the script is told of one document (see `Tests/Scripts/check_docx.py`).
  struct Expectation: Encodable {
    var file: String
    var page: [String: Double]
    var styles: [String: [String: FontValue]]
    var lines: [String]
    var before: [[String]]
    var roles: [[FontValue]]
    var chinese: Bool
  }

  /// A JSON string or number.
  enum FontValue: Encodable {
    case text(String)
    case number(Double)
    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .number(let number): try container.encode(number)
      }
    }
  }

  /// The GB/T 9704-2012 page in millimetres (§5.1, §5.2.1), and US Letter with one-inch margins.
  static let chinesePage = ["width": 210.0, "height": 297, "top": 37, "right": 26, "bottom": 35, "left": 28]
  static let letterPage = ["width": 215.9, "height": 279.4, "top": 25.4, "right": 25.4, "bottom": 25.4, "left": 25.4]

  /// The styles and fonts each language's documents must have.
  static func styles(_ language: String) -> [String: [String: FontValue]] {
    switch language {
    case "zh-Hans", "zh-Hant":
      let hans = language == "zh-Hans"
      let body = hans ? "仿宋_GB2312" : "仿宋"
      let title = hans ? "方正小标宋简体" : "方正小标宋_GBK"
      return [
        "Normal": ["font": .text(body), "ascii": .text(body), "size": .number(16)],
        "Title": ["font": .text(title), "size": .number(22)],
        "MinutesMark": ["font": .text(title), "size": .number(26)],
        "Heading1": ["font": .text("黑体")],
        "Heading2": ["font": .text(hans ? "楷体_GB2312" : "楷体")],
        "Heading3": ["font": .text(body)],
        "BodyText": [:], "Labelled": [:], "IssueNumber": [:], "IssuerLine": [:],
        "Label": ["font": .text("黑体")],
        "PageNumberOdd": ["font": .text("宋体"), "size": .number(14)],
        "PageNumberEven": ["font": .text("宋体"), "size": .number(14)],
      ]
    default:
      return [
        "Normal": ["ascii": .text("Calibri"), "size": .number(11)],
        "Title": ["size": .number(18)], "Subtitle": [:], "Heading1": ["size": .number(13)],
        "BodyText": [:], "Labelled": [:], "Detail": [:], "ListNumber": [:], "ListBullet": [:], "Closing": [:],
        "Signature": [:], "Label": [:],
      ]
    }
  }

  /// The title each Chinese report's document adds before its text, and a few paragraphs' styles.
  static let before: [String: [[String]]] = [
    "gov-executive.zh-Hant": [["Title", "第十屆區政府第3次常務會議"]],
    "gov-executive.zh-Hans": [["Title", "第十届区政府第5次常务会议"]],
    "gov-executive-formal.zh-Hant": [["Title", "區政府第42次常務會議"]],
  ]
  static let roles: [String: [(Int, String)]] = [
    "gov-executive.zh-Hant": [(0, "BodyText"), (11, "BodyText")],
    "jiyao.zh-Hans": [(0, "MinutesMark"), (1, "IssueNumber"), (2, "IssuerLine"), (3, "BodyText"), (4, "Heading1"),
                      (11, "Labelled"), (12, "Labelled"), (13, "Labelled")],
    "board-meeting.en": [(0, "Title"), (1, "Subtitle"), (3, "Labelled"), (7, "Heading1"), (15, "ListBullet")],
    "team-meeting.en": [(0, "Title"), (1, "Labelled"), (6, "Heading1")],
  ]

  /// Every example's DOCX, written to `folder`, with what the script expects of it.
  static func writeExamples(to folder: URL) throws -> [Expectation] {
    try TestSupport.builtInTemplates.map { id in
      let assistant = try TestSupport.exampleAssistant(id)
      let exported = try Workspace.export(assistant.minutes, template: assistant.template, request: ExportRequest(format: .docx),
                                          allowErrors: false, to: folder.appendingPathComponent("\(id).docx"),
                                          sessions: folder.appendingPathComponent("sessions"))
      let language = assistant.template.language
      return Expectation(
        file: try #require(exported.file).path,
        page: language.hasPrefix("zh") ? chinesePage : letterPage,
        styles: styles(language),
        lines: TestSupport.lines(try TestSupport.exampleText(id)).filter { !$0.isEmpty },
        before: before[id] ?? [],
        roles: (roles[id] ?? []).map { [.number(Double($0.0)), .text($0.1)] },
        chinese: language.hasPrefix("zh"))
    }
  }

  @Test(.enabled(if: Tool.path("python3") != nil, "python3 is not installed, so python-docx cannot read the documents"))
  func pythonDocxReadsEachExampleAsWritten() throws {
    let folder = try TestSupport.temporaryWorkspace("docx-reader")
    defer { try? FileManager.default.removeItem(at: folder) }
    let expectations = try Self.writeExamples(to: folder)
    let json = folder.appendingPathComponent("expectations.json")
    try JSONEncoder().encode(expectations).write(to: json)
    let script = TestSupport.packageRoot.appendingPathComponent("Tests/Scripts/check_docx.py").path
    let (status, output) = try Tool.run(try #require(Tool.path("python3")), [script, json.path])
    #expect(status != 2, "python-docx is missing: pip install python-docx (.ci/run installs it)\n\(output)")
    #expect(status == 0, "\(output)")
    #expect(output.hasSuffix("\(expectations.count) passed, 0 failed\n"), "\(output)")
  }

  /// The script finds what is wrong: a document whose text is not the text export fails.
  @Test(.enabled(if: Tool.path("python3") != nil, "python3 is not installed, so python-docx cannot read the documents"))
  func theScriptFailsADocumentThatDiffers() throws {
    let folder = try TestSupport.temporaryWorkspace("docx-reader")
    defer { try? FileManager.default.removeItem(at: folder) }
    var expectations = try Self.writeExamples(to: folder).filter { $0.file.hasSuffix("jiyao.zh-Hans.docx") }
    expectations[0].lines[5] = "一、审议别的"
    expectations[0].page["top"] = 30
    let json = folder.appendingPathComponent("expectations.json")
    try JSONEncoder().encode(expectations).write(to: json)
    let script = TestSupport.packageRoot.appendingPathComponent("Tests/Scripts/check_docx.py").path
    let (status, output) = try Tool.run(try #require(Tool.path("python3")), [script, json.path])
    guard status != 2 else { Issue.record("python-docx is missing: pip install python-docx\n\(output)"); return }
    #expect(status == 1)
    #expect(output.contains("page top is 37.01 mm, not 30"), "\(output)")
    #expect(output.contains("line 6: '一、审议《梧川市城市道路挖掘管理办法（送审稿）》'"), "\(output)")
  }

  /// LibreOffice converts every example to PDF: pages of the size the layout says, with the text in them.
  @Test(.enabled(if: DocxReaderTests.libreOffice != nil, "LibreOffice (soffice) is not installed"))
  func libreOfficeConvertsEachExampleToPDF() throws {
    let folder = try TestSupport.temporaryWorkspace("docx-pdf")
    defer { try? FileManager.default.removeItem(at: folder) }
    let expectations = try Self.writeExamples(to: folder)
    let soffice = try #require(Self.libreOffice)
    // A profile of its own, so that no LibreOffice already running is disturbed or waited for.
    let (status, output) = try Tool.run(
      soffice, ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir",
                folder.path] + expectations.map(\.file), in: folder)
    #expect(status == 0, "\(output)")
    for expectation in expectations {
      let pdf = URL(fileURLWithPath: expectation.file).deletingPathExtension().appendingPathExtension("pdf")
      let data = try #require(try? Data(contentsOf: pdf), "no PDF for \(pdf.lastPathComponent): \(output)")
      #expect(data.prefix(5) == Data("%PDF-".utf8))
      let text = String(decoding: data, as: UTF8.self)
      let chinese = expectation.chinese
      // The page's size in points: A4 (595.3 × 841.9) or US Letter (612 × 792).
      let box = chinese ? #/MediaBox\s*\[\s*0 0 595\.[0-9]+ 841\.[0-9]+\s*\]/# : #/MediaBox\s*\[\s*0 0 612 792\s*\]/#
      #expect(text.firstMatch(of: box) != nil, "\(pdf.lastPathComponent): no page of the layout's size")
      if let pdftotext = Tool.path("pdftotext") {
        // pdftotext may put spaces between Chinese characters: compared without any.
        let (_, extracted) = try Tool.run(pdftotext, [pdf.path, "-"])
        let words = extracted.filter { !$0.isWhitespace }
        let first = (expectation.before.first?[1] ?? expectation.lines[0]).filter { !$0.isWhitespace }
        #expect(words.contains(first), "\(pdf.lastPathComponent) lacks \(first)")
        if chinese { #expect(words.contains("—1—"), "\(pdf.lastPathComponent) lacks the page number") }
      }
    }
  }

  /// LibreOffice's program, where it is installed.
  static var libreOffice: String? { Tool.path("soffice") ?? Tool.path("libreoffice") }
}
