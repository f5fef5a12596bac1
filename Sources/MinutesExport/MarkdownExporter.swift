import Foundation
import MinutesModel
import MinutesTemplates

/// Renders minutes as CommonMark (with GitHub's tables, for roll calls), for a wiki or a repository.
///
/// With the template's `export.markdown`, a Mustache template over the same context as the text export (see
/// ``TextExporter``) in the `MARKDOWN` content type: the template writes the markup (headings, lists, tables)
/// and every value it prints is escaped, so that a CommonMark parser reads back the clerk's words exactly
/// (`*`, `_`, `|`, `<`, a leading `1.` or `#`…; see `MarkdownText.escape`). `{{{key}}}` prints a value
/// unescaped, as Markdown. `{{#textLines}}…{{/textLines}}` goes through the lines of the text export, for a
/// layout that keeps the text's wording.
///
/// Without it, the Markdown is derived from what the template already says: its name as the heading, then each
/// line of the text export as a paragraph of its own, escaped whole.
///
/// With errors in ``options``, the first block is a block quote holding the DRAFT line.
public struct MarkdownExporter: Exporter {
  /// Markdown.
  public var format: ExportFormat { .markdown }
  /// The findings: with errors among them, the Markdown starts with the DRAFT line.
  public var options: ExportOptions

  /// Creates a Markdown exporter.
  public init(options: ExportOptions = .default) { self.options = options }

  /// ``export(_:template:)`` by an exporter told `options`, as the ``Exporter`` protocol asks.
  /// - Throws: as ``export(_:template:)``.
  public func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput {
    .text(try Self(options: options).export(minutes, template: template))
  }

  /// `minutes` as Markdown, ending with one newline.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export to
  ///   derive from, or a Mustache error when a text does not parse (the checker refuses such templates).
  public func export(_ minutes: Minutes, template: Template) throws -> String {
    let body = Self.tidied(try TextExporter.layout(
      format, contentType: "MARKDOWN", minutes, template: template, marksMissing: options.draftErrors > 0, derived: { Self.derived($0, title: template.name) }))
    guard options.draftErrors > 0 else { return body }
    let banner = ExportFormat.draftBanner(errors: options.draftErrors, unparsed: ExportFormat.unparsedLines(of: minutes), template.messages)
    return banner.split(separator: "\n").map { "> " + MarkdownText.escape(String($0)) }.joined(separator: "\n>\n") + "\n\n" + body
  }

  /// The Markdown of a template that has none: `title` as a level-1 heading, then each line of `text` that is
  /// not blank as a paragraph, trimmed and escaped.
  static func derived(_ text: String, title: String) -> String {
    let paragraphs = TextExporter.paragraphs(text).map(MarkdownText.escape)
    return (["# " + MarkdownText.escape(title)] + paragraphs).joined(separator: "\n\n") + "\n"
  }

  /// `markdown` with spaces at the ends of lines removed (they would be hard line breaks), runs of blank lines
  /// made one, no blank lines at the start, and exactly one newline at the end.
  static func tidied(_ markdown: String) -> String {
    var lines: [Substring] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = line
      while line.last == " " || line.last == "\t" { line = line.dropLast() }
      if line.isEmpty && (lines.isEmpty || lines.last?.isEmpty == true) { continue }
      lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }
}
