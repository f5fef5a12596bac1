import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// What the format tests share: exports of the examples, drafts whose every text is full of markup, and the
/// independent readers' view of an export.
enum FormatSupport {
  /// `template` without its own `export.markdown` and `export.html`, as a workspace template that declares none.
  static func withoutLayouts(_ template: Template) -> Template {
    var template = template
    for key in Template.layoutExportKeys { template.export[key] = nil }
    return template
  }

  /// The characters that would be markup if printed as they are: Markdown's emphasis, code, links, raw HTML,
  /// table pipes, escapes, entities, strikethrough and a heading's closing sequence; HTML's `<`, `&`, quotes.
  static let markup = #" *a* _b_ `c` <i>d</i> [e](f) ![g](h) | i \ j &amp; &#42; ~~k~~ "l" 'm' 5 > 4 #"#
  /// What a value may start with that would open a block: a heading, list items, a block quote, a setext line.
  static let openings = ["# ", "- ", "1. ", "> ", "+ ", "2) ", "=== ", "    "]

  /// `minutes` with every text value (a `text` field, or an entry of a list of texts) made to carry markup:
  /// the value, then ``markup``; every other one also starts with one of ``openings``. Returns the new draft and
  /// the values it holds.
  static func markedUp(_ minutes: Minutes, template: Template) -> (minutes: Minutes, values: [String]) {
    var values: [String] = []
    func value(_ text: String) -> Value {
      let opening = values.count.isMultiple(of: 2) ? openings[(values.count / 2) % openings.count] : ""
      let marked = opening + text + markup
      values.append(marked)
      return .text(marked)
    }
    func rewrite(_ record: Record, parts: [Part]) -> Record {
      var record = record
      for part in parts {
        guard let current = record[part.key] else { continue }
        switch (part.shape, current) {
        case (.field(.text), .text(let text)): record[part.key] = value(text)
        case (.group(let group), .record(let inner)): record[part.key] = .record(rewrite(inner, parts: group.parts))
        case (.list(let list), .list(let entries)):
          switch list.entries {
          case .values(.text): record[part.key] = .list(entries.map { $0.text.map(value) ?? $0 })
          case .records(let records):
            record[part.key] = .list(entries.map { $0.record.map { .record(rewrite($0, parts: records.parts)) } ?? $0 })
          default: break
          }
        default: break
        }
      }
      return record
    }
    var minutes = minutes
    minutes.content = rewrite(minutes.content, parts: template.parts)
    // The text as a reader sees it: leading spaces of a paragraph are not part of it.
    return (minutes, values.map { $0.trimmingCharacters(in: .whitespaces) })
  }

  /// What CommonMark reads in `markdown` (`Tests/Python/commonmark_blocks.py`): one line per block, `heading1:
  /// text`, `paragraph: text`, `list: item | item`, `table: cell | cell / cell | cell`, `blockquote: …`; and the
  /// inline markup it found, by kind.
  static func commonMark(_ markdown: String) throws -> (blocks: [String], shape: [String], marks: [String: Int])? {
    guard let read = try Python.json("commonmark_blocks.py", input: markdown) as? [String: Any],
      let blocks = read["blocks"] as? [[String: Any]], let marks = read["marks"] as? [String: Int]
    else { return nil }
    return (blocks.map(describe), blocks.map(shape), marks)
  }

  /// A block of `commonmark_blocks.py` on one line.
  private static func describe(_ block: [String: Any]) -> String {
    let type = block["type"] as? String ?? "?"
    switch type {
    case "heading": return "heading\(block["level"] ?? "?"): \(block["text"] ?? "")"
    case "list": return "list: " + ((block["items"] as? [Any]) ?? []).map { "\($0)" }.joined(separator: " | ")
    case "table":
      return "table: " + ((block["rows"] as? [[String]]) ?? []).map { $0.joined(separator: " | ") }.joined(separator: " / ")
    case "blockquote": return "blockquote: " + ((block["blocks"] as? [[String: Any]]) ?? []).map(describe).joined(separator: " / ")
    default: return "\(type): \(block["text"] ?? "")"
    }
  }

  /// A block's kind and size, without its text: `heading2`, `paragraph`, `list(4)`, `table(12×2)`.
  private static func shape(_ block: [String: Any]) -> String {
    let type = block["type"] as? String ?? "?"
    switch type {
    case "heading": return "heading\(block["level"] ?? "?")"
    case "list": return "list(\((block["items"] as? [Any])?.count ?? 0))"
    case "table":
      let rows = (block["rows"] as? [[String]]) ?? []
      return "table(\(rows.count)×\(Set(rows.map(\.count)).sorted().map(String.init).joined(separator: ",")))"
    default: return type
    }
  }

  /// What Python's `html.parser` reads in `html` (`Tests/Python/html_outline.py`).
  static func htmlOutline(_ html: String) throws -> (tags: [String], texts: [String], lang: String?, unclosed: [String], stray: [String])? {
    guard let read = try Python.json("html_outline.py", input: html) as? [String: Any] else { return nil }
    return (read["tags"] as? [String] ?? [], read["texts"] as? [String] ?? [], read["lang"] as? String,
            read["unclosed"] as? [String] ?? [], read["stray"] as? [String] ?? [])
  }
}
