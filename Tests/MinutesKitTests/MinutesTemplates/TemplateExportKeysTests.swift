import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The keys of a template's `export`: `text` (required), `markdown`, `html` and `css`; any other is refused where
/// it is written, a layout that is not Mustache is refused, and a variant that writes its own wording does not
/// inherit its parent's layouts.
@Suite struct TemplateExportKeysTests {
  static func yaml(export: String) -> String {
    """
    format: 2
    id: t
    name: T
    language: en
    parts:
      - {key: title, question: Title?}
    export:
      text: "{{title}}\\n"
    \(export)
    """
  }

  static func message(_ yaml: String) -> String? {
    do {
      _ = try TemplateLibrary.parse(yaml, file: "t.yaml")
      return nil
    } catch {
      return (error as? TemplateError)?.errorDescription ?? "\(error)"
    }
  }

  @Test func theFourKeysAreAccepted() throws {
    let template = try TemplateLibrary.parse(Self.yaml(export: """
        markdown: "# {{title}}\\n"
        html: "<h1>{{title}}</h1>\\n"
        css: "h1 { color: navy; }"
      """), file: "t.yaml")
    #expect(template.export.keys.sorted() == ["css", "html", "markdown", "text"])
  }

  @Test func anUnknownExportKeyIsNamedWhereItIs() {
    #expect(Self.message(Self.yaml(export: "  markdwon: \"# {{title}}\"\n"))
      == "t.yaml:9:3: error: at `export.markdwon`: unknown key `markdwon`; known keys here: text, markdown, html, docx, css")
    #expect(Self.message(Self.yaml(export: "  pdf: x\n"))?.contains("unknown key `pdf`") == true)
  }

  @Test func aLayoutThatIsNotMustacheIsRefused() {
    #expect(Self.message(Self.yaml(export: "  html: \"<h1>{{#title}}</h1>\"\n"))
      == "t.yaml:9:3: error: `export.html` is not valid Mustache: line 1, column 20 of the text: a section is not closed (`{{#x}}` without `{{/x}}`)")
    #expect(Self.message(Self.yaml(export: "  markdown: \"{{% CONTENT_TYPE: MARKDOWN}}# {{title}\"\n"))?
      .hasPrefix("t.yaml:9:3: error: `export.markdown` is not valid Mustache") == true)
  }

  /// The MARKDOWN pragma is known to the checker as to the exporter.
  @Test func theMarkdownPragmaIsKnown() throws {
    let template = try TemplateLibrary.parse(Self.yaml(export: "  markdown: \"{{% CONTENT_TYPE: MARKDOWN}}\\n# {{title}}\\n\"\n"), file: "t.yaml")
    let minutes = try template.conform(Minutes(template: "t", content: ["title": "*Budget* 2025"]))
    #expect(try MarkdownExporter().export(minutes, template: template) == "# \\*Budget\\* 2025\n")
  }

  /// A variant that writes its own `export.text` gets layouts derived from it, not its parent's, which print the
  /// parent's wording; one that keeps the parent's wording keeps its layouts too.
  @Test func aVariantWithItsOwnWordingDoesNotInheritTheParentsLayouts() throws {
    let workspace = try TestSupport.temporaryWorkspace("variant-layouts")
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try """
      format: 2
      id: own-words
      name: 本局報道
      extends: gov-executive.zh-Hant
      export:
        text: "{{#meeting}}{{body}}開會。{{/meeting}}\\n"

      """.write(to: folder.appendingPathComponent("own-words.yaml"), atomically: true, encoding: .utf8)
    try """
      format: 2
      id: same-words
      name: 本局報道（同文）
      extends: gov-executive.zh-Hant
      export:
        css: "p { color: black; }"

      """.write(to: folder.appendingPathComponent("same-words.yaml"), atomically: true, encoding: .utf8)
    let library = TemplateLibrary(workspace: workspace)
    let own = try library.template(id: "own-words")
    // The DOCX layout is inherited: its `{{> text}}` is the variant's own text export.
    #expect(own.export.keys.sorted() == ["docx", "text"])
    let same = try library.template(id: "same-words")
    #expect(same.export.keys.sorted() == ["css", "docx", "html", "markdown", "text"])
    // The built-in formal variant writes its own wording and its own layouts.
    let formal = try TestSupport.template(id: "gov-executive-formal.zh-Hant")
    #expect(formal.export["markdown"]?.contains("{{body}}{{#number}}第{{number}}次{{/number}}{{kind}}") == true)

    let minutes = try own.conform(Minutes(template: "own-words", content: ["meeting": ["body": "區政府"]]))
    #expect(try MarkdownExporter().export(minutes, template: own) == "# 本局報道\n\n區政府開會。\n")
  }
}
