import Foundation
import MinutesModel
import MinutesTemplates

/// Renders minutes as one HTML5 file to publish or print: the template's language in `lang`, the title in
/// `<title>`, the style sheet inside it, and no scripts, links or other files.
///
/// The body is the template's `export.html`, a Mustache template over the same context as the text export (see
/// ``TextExporter``) in the `HTML` content type, so that every value is escaped (`<`, `>`, `&`, `"`, `'`), with
/// `textLines`, the lines of the text export, as in ``MarkdownExporter``;
/// without it, the body is derived from what the template already says: its name as `<h1>`, then each line of
/// the text export as a `<p>`. The style sheet is the template's `export.css`, or ``HTMLStyle/sheet(language:)``
/// (the GB/T 9704-2012 page for Chinese, a plain serif page for English). The `<title>` is the text of the first
/// `<h1>`, or the template's name.
///
/// With errors in ``options``, the body starts with `<p class="draft">` holding the DRAFT line.
public struct HTMLExporter: Exporter {
  /// HTML.
  public var format: ExportFormat { .html }
  /// The findings: with errors among them, the body starts with the DRAFT line.
  public var options: ExportOptions

  /// Creates an HTML exporter.
  public init(options: ExportOptions = .default) { self.options = options }

  /// ``export(_:template:)`` by an exporter told `options`, as the ``Exporter`` protocol asks.
  /// - Throws: as ``export(_:template:)``.
  public func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput {
    .text(try Self(options: options).export(minutes, template: template))
  }

  /// `minutes` as an HTML document, ending with one newline.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export to
  ///   derive from, or a Mustache error when a text does not parse (the checker refuses such templates).
  public func export(_ minutes: Minutes, template: Template) throws -> String {
    var body = Self.tidied(try TextExporter.layout(
      format, contentType: "HTML", minutes, template: template, marksMissing: options.draftErrors > 0, derived: { Self.derived($0, title: template.name) }))
    if options.draftErrors > 0 {
      let banner = ExportFormat.draftBanner(errors: options.draftErrors, unparsed: ExportFormat.unparsedLines(of: minutes), template.messages)
      body = banner.split(separator: "\n").map { "<p class=\"draft\">\(Self.escape(String($0)))</p>\n" }.joined() + body
    }
    let title = Self.firstHeading(in: body) ?? Self.escape(template.name)
    let style = template.export["css"] ?? HTMLStyle.sheet(language: template.language)
    return """
      <!DOCTYPE html>
      <html lang="\(Self.escape(template.language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="minutes (template \(Self.escape(template.id)))">
      <title>\(title)</title>
      <style>
      \(style.trimmingCharacters(in: .newlines))
      </style>
      </head>
      <body>
      <main class="minutes">
      \(body)</main>
      </body>
      </html>

      """
  }

  /// The body of a template that has no `export.html`: `title` as `<h1>`, then each line of `text` that is not
  /// blank as a `<p>`, trimmed and escaped.
  static func derived(_ text: String, title: String) -> String {
    let paragraphs = TextExporter.paragraphs(text).map { "<p>\(escape($0))</p>" }
    return (["<h1>\(escape(title))</h1>"] + paragraphs).joined(separator: "\n") + "\n"
  }

  /// `html` with spaces at the ends of lines and blank lines removed, ending with one newline.
  static func tidied(_ html: String) -> String {
    html.split(separator: "\n")
      .map { line in
        var line = line
        while line.last == " " || line.last == "\t" { line = line.dropLast() }
        return line
      }
      .filter { !$0.isEmpty }
      .joined(separator: "\n") + "\n"
  }

  /// The content of the first `<h1 …>…</h1>` in `body`, its tags removed (it is already escaped); `nil` when
  /// there is none or it is empty.
  static func firstHeading(in body: String) -> String? {
    guard let open = body.range(of: "<h1"), let start = body[open.upperBound...].firstIndex(of: ">"),
      let close = body.range(of: "</h1>", range: start..<body.endIndex)
    else { return nil }
    var text = "", inTag = false
    for character in body[body.index(after: start)..<close.lowerBound] {
      if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
    }
    let title = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return title.isEmpty ? nil : title
  }

  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, as the `HTML` content type escapes values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
