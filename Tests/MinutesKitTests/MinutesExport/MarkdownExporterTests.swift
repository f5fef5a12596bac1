import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``MarkdownExporter``: values escaped for CommonMark, the Markdown derived for a template that declares none,
/// the DRAFT line, and tidy blank lines.
@Suite struct MarkdownExporterTests {
  @Test(arguments: [
    ("plain words, 中文。", "plain words, 中文。"),
    ("*a* _b_ `c`", "\\*a\\* \\_b\\_ \\`c\\`"),
    ("[a](b) <c>", "\\[a\\](b) \\<c>"),
    ("a | b \\ c ~d~", "a \\| b \\\\ c \\~d\\~"),
    ("Pike & Amsel", "Pike & Amsel"),
    ("&amp; &#42; &#x2a; &nope", "\\&amp; \\&#42; \\&#x2a; &nope"),
    ("# a", "\\# a"),
    ("Room #4", "Room #4"),
    ("Item ##", "Item \\#\\#"),
    ("- a", "\\- a"),
    ("+ a", "\\+ a"),
    ("= a", "\\= a"),
    ("> a", "\\> a"),
    ("a > b - c + d", "a > b - c + d"),
    ("2024. a", "2024\\. a"),
    ("1) a", "1\\) a"),
    ("fiscal year 2023.", "fiscal year 2023."),
    ("   indented", " indented"),
    ("two\nlines\r\nthree", "two lines three"),
  ])
  func valuesAreEscapedForCommonMark(value: String, escaped: String) {
    #expect(MarkdownText.escape(value) == escaped)
  }

  /// The minimal template of docs/templates.md, which declares only its text.
  static let weekly = """
    format: 2
    id: weekly.zh-Hant
    name: 科室週例會紀要
    language: zh-Hant
    parts:
      - {key: date, type: date, label: 日期, question: 會議日期？, required: true}
      - {key: chair, label: 主持人, question: 誰主持會議？, required: true}
      - key: items
        list: true
        numbered: true
        label: 議題
        parts:
          - {key: subject, label: 內容, question: 議題？}
          - {key: decisions, list: true, numbered: true, label: 決定, question: 決定？}
    export:
      text: |
        {{% CONTENT_TYPE: TEXT}}
        {{date.zh}}，{{chair}}主持召開科室週例會。
        {{#items}}
        {{zh}}、{{subject}}
        {{#decisions}}
        {{n}}. {{.}}。
        {{/decisions}}
        {{/items}}

    """

  static func weeklyDraft() throws -> (Template, Minutes) {
    let template = try TemplateLibrary.parse(weekly, file: "weekly.zh-Hant.yaml")
    let minutes = try template.conform(Minutes(template: template.id, content: [
      "date": "2024-05-14", "chair": "王科長",
      "items": [["subject": "辦公用房調整", "decisions": ["三樓會議室改作檔案室", "下週五前完成搬遷"]]],
    ]))
    return (template, minutes)
  }

  @Test func aTemplateWithoutMarkdownGetsItsNameAndItsTextsParagraphs() throws {
    let (template, minutes) = try Self.weeklyDraft()
    #expect(try MarkdownExporter().export(minutes, template: template) == """
      # 科室週例會紀要

      2024年5月14日，王科長主持召開科室週例會。

      一、辦公用房調整

      1\\. 三樓會議室改作檔案室。

      2\\. 下週五前完成搬遷。

      """)
  }

  @Test func aDraftWithErrorsStartsWithTheDraftLine() throws {
    let (template, minutes) = try Self.weeklyDraft()
    let options = ExportOptions(draftErrors: 1, findings: [
      ExportFinding(severity: .error, rule: "required", address: "1.1", message: "m", hint: "h"),
      ExportFinding(severity: .warning, rule: "pattern", address: "1.2", message: "m", hint: "h"),
    ])
    let markdown = try MarkdownExporter(options: options).export(minutes, template: template)
    #expect(markdown.hasPrefix("> DRAFT 草稿：尚有 1 個錯誤，未定稿。\n\n# 科室週例會紀要\n"))
    #expect(try TextExporter().export(minutes, template: template, options: options).text?.hasPrefix("DRAFT 草稿：尚有 1 個錯誤，未定稿。\n2024年") == true)
    let warningsOnly = ExportOptions(draftErrors: 0, findings: [options.findings[1]])
    #expect(try MarkdownExporter(options: warningsOnly).export(minutes, template: template).hasPrefix("# 科室週例會紀要\n"))
  }

  /// A template's own Markdown: values escaped, `{{{…}}}` left as written, `textLines` offered, blank lines made
  /// one and spaces at the ends of lines removed.
  @Test func aTemplatesOwnMarkdownEscapesItsValues() throws {
    var (template, minutes) = try Self.weeklyDraft()
    template.export["markdown"] = "\n\n# {{chair}}  \n\n\n\n{{#items}}- {{subject}}\n{{/items}}{{{chair}}}\n\n{{#textLines}}> {{.}}\n{{/textLines}}\n\n"
    minutes.content["chair"] = .text("*王*科長")
    #expect(try MarkdownExporter().export(minutes, template: template) == """
      # \\*王\\*科長

      - 辦公用房調整
      *王*科長

      > 2024年5月14日，\\*王\\*科長主持召開科室週例會。
      > 一、辦公用房調整
      > 1\\. 三樓會議室改作檔案室。
      > 2\\. 下週五前完成搬遷。

      """)
  }
}
