import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The Markdown export read back by an independent CommonMark parser (markdown-it-py from PyPI, with GitHub's
/// tables; `.ci/run` installs it) gives the clerk's text: the derived Markdown reads back exactly as the text
/// export, line by line; the news reports' own Markdown too; and under every built-in layout, a draft whose every
/// text value is full of Markdown and HTML reads back with each value verbatim and the layout unchanged.
@Suite(.enabled(if: Python.enabled("markdown_it"), "needs markdown-it-py: python3 -m pip install markdown-it-py"))
struct CommonMarkRoundTripTests {
  /// The blocks the text export's lines should read back as: each line that is not blank, a paragraph.
  static func paragraphs(_ text: String) -> [String] {
    TestSupport.lines(text).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { "paragraph: \($0)" }
  }

  /// A template without `export.markdown`: its name as the heading, then the text export's lines, each read back
  /// as the paragraph it was, with no markup found, for the example and for the example full of markup.
  @Test(arguments: TestSupport.exampleTemplates)
  func derivedMarkdownReadsBackAsTheTextExport(template id: String) throws {
    let (template, example) = try TestSupport.example(id)
    let bare = FormatSupport.withoutLayouts(template)
    for minutes in [example, FormatSupport.markedUp(example, template: template).minutes] {
      let text = try TextExporter().export(minutes, template: bare)
      let read = try #require(try FormatSupport.commonMark(try MarkdownExporter().export(minutes, template: bare)))
      #expect(read.blocks == ["heading1: \(template.name)"] + Self.paragraphs(text))
      #expect(read.marks.values.allSatisfy { $0 == 0 }, "markup found: \(read.marks)")
    }
  }

  /// The news reports' Markdown is a heading naming the meeting, then their text, line for line.
  @Test(arguments: ["gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant"])
  func newsReportsReadBackAsTheirText(template id: String) throws {
    let (template, example) = try TestSupport.example(id)
    for minutes in [example, FormatSupport.markedUp(example, template: template).minutes] {
      let text = try TextExporter().export(minutes, template: template)
      let read = try #require(try FormatSupport.commonMark(try MarkdownExporter().export(minutes, template: template)))
      #expect(read.blocks.first?.hasPrefix("heading1: ") == true)
      #expect(Array(read.blocks.dropFirst()) == Self.paragraphs(text))
    }
    let title = try FormatSupport.commonMark(try MarkdownExporter().export(example, template: template))?.blocks.first
    #expect(["heading1: 第十屆區政府第3次常務會議", "heading1: 第十届区政府第5次常务会议", "heading1: 區政府第42次常務會議"].contains(title ?? ""))
  }

  /// Every value of a draft full of markup reads back verbatim, and the document has the same blocks (kinds,
  /// list lengths, table sizes) and the same inline markup as the example's: no value became markup.
  @Test(arguments: TestSupport.exampleTemplates)
  func theClerksWordsReadBackThroughEveryLayout(template id: String) throws {
    let (template, example) = try TestSupport.example(id)
    let (markedUp, values) = FormatSupport.markedUp(example, template: template)
    #expect(values.count > 10, "the example has text values to mark up")
    let clean = try #require(try FormatSupport.commonMark(try MarkdownExporter().export(example, template: template)))
    let read = try #require(try FormatSupport.commonMark(try MarkdownExporter().export(markedUp, template: template)))
    #expect(read.shape == clean.shape)
    #expect(read.marks == clean.marks)
    let texts = read.blocks.joined(separator: "\n")
    for value in values { #expect(texts.contains(value), "not read back: \(value)") }
  }

  /// Each character the escaping handles, alone where it would be markup, reads back as itself.
  @Test(arguments: [
    "*a*", "_a_", "**a**", "`a`", "<b>a</b>", "<https://example.org>", "[a](b)", "![a](b)", "a | b", "a \\ b",
    "&amp;", "&#42;", "&#x2A;", "~~a~~", "# a", "## a #", "- a", "+ a", "* a", "1. a", "12) a", "> a", "=== a",
    "---", "***", "a  ", "\\*", "a\nb", "    code",
  ])
  func anEscapedValueReadsBackAsItself(value: String) throws {
    let escaped = MarkdownText.escape(value)
    for line in [escaped, "x " + escaped, "| h |\n|---|\n| \(escaped) |"] {
      let read = try #require(try FormatSupport.commonMark(line))
      let expected = value.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
      #expect(read.blocks.count == 1, "\(line.debugDescription) reads as \(read.blocks)")
      #expect(read.blocks.first.map { $0.contains(expected) } == true, "\(line.debugDescription) reads as \(read.blocks)")
      #expect(read.marks.values.allSatisfy { $0 == 0 }, "\(line.debugDescription) has markup: \(read.marks)")
    }
  }
}
