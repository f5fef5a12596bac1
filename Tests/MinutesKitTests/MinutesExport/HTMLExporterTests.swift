import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``HTMLExporter``: one document with `lang`, a title and its style sheet and no scripts; values escaped; the
/// body derived for a template that declares none; the DRAFT line; and, read back by Python's own HTML parser,
/// every layout well formed and every value of a draft full of markup printed as text.
@Suite struct HTMLExporterTests {
  @Test(arguments: TestSupport.exampleTemplates)
  func oneDocumentWithLangTitleAndStyleAndNoScripts(template id: String) throws {
    let (template, minutes) = try TestSupport.example(id)
    let html = try HTMLExporter().export(minutes, template: template)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(template.language)\">\n<head>\n<meta charset=\"utf-8\">\n"))
    #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
    #expect(html.components(separatedBy: "<style>").count == 2)
    #expect(html.contains("@page"))
    for forbidden in ["<script", "<link", "<iframe", "src=", "href=", "@import", "url("] {
      #expect(!html.lowercased().contains(forbidden), "\(forbidden) in the HTML of \(id)")
    }
    let title = try #require(html.firstMatch(of: /<title>([^<]*)<\/title>/)?.1)
    let heading = try #require(html.firstMatch(of: /<h1[^>]*>([^<]*)<\/h1>/)?.1)
    #expect(title == heading)
  }

  @Test func theChineseStyleIsTheGBT9704PageAndTheEnglishOneIsNot() {
    let chinese = HTMLStyle.sheet(language: "zh-Hans")
    #expect(chinese.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
    #expect(chinese.contains("font-size: 16pt; line-height: calc(225mm / 22); letter-spacing: calc(156mm / 28 - 16pt)"))
    #expect(chinese.contains(#"content: "— " counter(page) " —"; font: 14pt "SimSun""#))
    #expect(chinese.contains("\"Noto Serif CJK SC\"") && !chinese.contains("\"Noto Serif CJK TC\""))
    #expect(HTMLStyle.sheet(language: "zh-Hant").contains("\"Noto Serif CJK TC\""))
    #expect(!HTMLStyle.sheet(language: "en").contains("A4"))
  }

  @Test func aTemplateWithoutHTMLGetsItsNameAndItsTextsParagraphsAndMayBringItsStyle() throws {
    var (template, minutes) = try MarkdownExporterTests.weeklyDraft()
    minutes.content["chair"] = .text("<王科長> & \"李\"")
    let html = try HTMLExporter().export(minutes, template: template)
    #expect(html.contains("""
      <title>科室週例會紀要</title>
      """))
    #expect(html.contains("""
      <main class="minutes">
      <h1>科室週例會紀要</h1>
      <p>2024年5月14日，&lt;王科長&gt; &amp; &quot;李&quot;主持召開科室週例會。</p>
      <p>一、辦公用房調整</p>
      <p>1. 三樓會議室改作檔案室。</p>
      <p>2. 下週五前完成搬遷。</p>
      </main>
      """))
    #expect(html.contains("size: A4"))
    template.export["css"] = "body { font-family: serif; }\n"
    let styled = try HTMLExporter().export(minutes, template: template)
    #expect(styled.contains("<style>\nbody { font-family: serif; }\n</style>"))
    #expect(!styled.contains("size: A4"))
  }

  @Test func aDraftWithErrorsStartsWithTheDraftLine() throws {
    let (template, minutes) = try TestSupport.example("board-meeting.en")
    let options = ExportOptions(draftErrors: 1)
    let html = try HTMLExporter(options: options).export(minutes, template: template)
    #expect(html.contains("<main class=\"minutes\">\n<p class=\"draft\">DRAFT — 1 error(s) remain; not final.</p>\n<header>\n<h1>Harborview Literacy Alliance</h1>"))
    #expect(html.contains("<title>Harborview Literacy Alliance</title>"))
  }

  /// Read back by `html.parser`: well formed, `lang` set, the same elements as the example's, and every value of a
  /// draft full of markup (`<i>`, `&amp;`, quotes…) in the text, not in the markup.
  @Test(.enabled(if: Python.enabled("html.parser")), arguments: TestSupport.exampleTemplates)
  func theClerksWordsAreTextInEveryLayout(template id: String) throws {
    let (template, example) = try TestSupport.example(id)
    let (markedUp, values) = FormatSupport.markedUp(example, template: template)
    for layout in [template, FormatSupport.withoutLayouts(template)] {
      let clean = try #require(try FormatSupport.htmlOutline(try HTMLExporter().export(example, template: layout)))
      let read = try #require(try FormatSupport.htmlOutline(try HTMLExporter().export(markedUp, template: layout)))
      #expect(clean.unclosed == [] && clean.stray == [], "\(clean.unclosed) \(clean.stray)")
      #expect(read.unclosed == [] && read.stray == [])
      #expect(read.lang == template.language)
      #expect(read.tags == clean.tags)
      let texts = read.texts.joined(separator: "\n")
      for value in values { #expect(texts.contains(value), "not read back: \(value)") }
    }
  }
}
