import Foundation
import MinutesModel
import MinutesTemplates

/// Renders minutes as data for another system: one JSON object (UTF-8, not escaped beyond what JSON requires,
/// two-space indentation, ending with a newline) that `docs/export.schema.json` describes:
///
/// ```json
/// {
///   "format": 1,
///   "template": {"id": "board-meeting.en", "name": "…", "language": "en", "format": 2},
///   "final": true,
///   "errors": 0,
///   "warnings": 1,
///   "findings": [{"severity": "warning", "rule": "…", "address": "…", "message": "…", "hint": "…"}],
///   "minutes": {"meeting": {"organization": "…", "date": "2024-04-16", …}, "motions": [{…}], …},
///   "text": "…"
/// }
/// ```
///
/// - `format` is the version of this JSON (1); `template` names the template the draft follows, and its format;
/// - `final` is false when errors remain among the findings (the other formats' DRAFT line); `findings` are
///   ``options``' findings in the order the checks report them, the same objects as `minutes check --json`;
/// - `minutes` is the draft as the session file stores it, parts in the template's order and only those filled
///   in: text and choices as strings, dates as `YYYY-MM-DD`, times as `HH:MM`, numbers and counts as integers,
///   yes/no as booleans, lists as arrays, groups and entries of lists as objects;
/// - `text` is the text export, without the DRAFT line.
public struct JSONExporter: Exporter {
  /// JSON.
  public var format: ExportFormat { .json }
  /// The findings the JSON lists.
  public var options: ExportOptions

  /// The version of the JSON this exporter writes.
  public static let currentFormat = 1

  /// Creates a JSON exporter.
  public init(options: ExportOptions = .default) { self.options = options }

  /// ``export(_:template:)`` by an exporter told `options`, as the ``Exporter`` protocol asks.
  /// - Throws: as ``export(_:template:)``.
  public func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput {
    .text(try Self(options: options).export(minutes, template: template))
  }

  /// `minutes` as one JSON object.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export, or a
  ///   Mustache error when it does not parse (the checker refuses such templates).
  public func export(_ minutes: Minutes, template: Template) throws -> String {
    let errors = options.findings.count { $0.severity == .error }
    let text = try TextExporter.text(minutes, template: template, marksMissing: errors > 0 || options.draftErrors > 0)
    let findings: [JSON] = options.findings.map { finding in
      .object([
        ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule)),
        ("address", .string(finding.address)), ("message", .string(finding.message)), ("hint", .string(finding.hint)),
      ])
    }
    let document = JSON.object([
      ("format", .number(Self.currentFormat)),
      ("template", .object([
        ("id", .string(template.id)), ("name", .string(template.name)), ("language", .string(template.language)),
        ("format", .number(template.format)),
      ])),
      ("final", .bool(errors == 0)),
      ("errors", .number(errors)),
      ("warnings", .number(options.findings.count - errors)),
      ("findings", .array(findings)),
      ("minutes", JSON(.record(minutes.content))),
      ("text", .string(text)),
    ])
    var out = ""
    document.write(to: &out, indent: "")
    return out + "\n"
  }
}

/// A JSON value whose objects keep their keys in the order given.
enum JSON {
  case string(String)
  case number(Int)
  case bool(Bool)
  case array([JSON])
  case object([(String, JSON)])

  /// A draft's value as JSON: records as objects in their order, lists as arrays.
  init(_ value: Value) {
    switch value {
    case .text(let text): self = .string(text)
    case .number(let number): self = .number(number)
    case .flag(let flag): self = .bool(flag)
    case .list(let entries): self = .array(entries.map(JSON.init))
    case .record(let record): self = .object(record.fields.map { ($0.key, JSON($0.value)) })
    }
  }

  /// Writes the value, pretty-printed with two spaces per level; `indent` is the current line's indentation.
  func write(to out: inout String, indent: String) {
    switch self {
    case .string(let text): Self.quote(text, to: &out)
    case .number(let number): out += String(number)
    case .bool(let flag): out += flag ? "true" : "false"
    case .array(let elements):
      guard !elements.isEmpty else { out += "[]"; return }
      out += "[\n"
      for (offset, element) in elements.enumerated() {
        out += indent + "  "
        element.write(to: &out, indent: indent + "  ")
        out += offset == elements.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object(let members):
      guard !members.isEmpty else { out += "{}"; return }
      out += "{\n"
      for (offset, (key, value)) in members.enumerated() {
        out += indent + "  "
        Self.quote(key, to: &out)
        out += ": "
        value.write(to: &out, indent: indent + "  ")
        out += offset == members.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    }
  }

  /// `text` as a JSON string (RFC 8259 §7): `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`;
  /// everything else as it is, in UTF-8. U+2028 and U+2029 are escaped too, for JavaScript before ES2019.
  static func quote(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      case _ where scalar.value < 0x20:
        out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
