import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// One line of `minutes list`: a session's name, template, meeting date, completeness and last change.
///
/// As JSON (`minutes list --json`) it is an object with the keys below, sorted; absent values are left out.
public struct SessionSummary: Codable, Hashable, Sendable {
  /// The session name.
  public var name: String
  /// The template id, when the file could be read.
  public var template: String?
  /// The meeting date as stored (`YYYY-MM-DD`, or `--MM-DD` and `---DD` for a date given without its year or
  /// month; see `PartialDate`), when known.
  public var meetingDate: String?
  /// Required parts filled in, when the template could be loaded.
  public var requiredDone: Int?
  /// Required parts in all, when the template could be loaded.
  public var requiredTotal: Int?
  /// When the session file last changed, ISO 8601 in UTC.
  public var lastChange: String
  /// Why the file or its template could not be read, with `file:line:col` where known.
  public var problem: String?

  /// The completeness in words: `12 of 14 required parts`.
  public var completeness: String { completeness(Messages(language: "en")) }

  /// The completeness in the words of `m`: `必填 12/14`, `12 of 14 required parts`.
  public func completeness(_ m: Messages) -> String {
    guard let requiredDone, let requiredTotal else { return "?" }
    return m.completeness(done: requiredDone, total: requiredTotal)
  }
}

extension SessionStore {
  /// The summaries of every session in the workspace, most recently changed first; the problems of unreadable
  /// sessions in the language of `m` (English for `--json`).
  public func summaries(templates: TemplateLibrary, _ m: Messages = Messages(language: "en")) -> [SessionSummary] {
    let iso = ISO8601DateFormatter()
    return names().map { name -> (Date, SessionSummary) in
      let url = file(for: name)
      let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
      var summary = SessionSummary(name: name, lastChange: iso.string(from: modified))
      do {
        let file = try load(name: name)
        summary.template = file.minutes.template
        let template = try templates.template(id: file.minutes.template)
        summary.meetingDate = template.meetingDate(of: file.minutes)
        let progress = Interview(template: template).progress(in: try template.conform(file.minutes))
        (summary.requiredDone, summary.requiredTotal) = (progress.done, progress.total)
      } catch {
        summary.problem = error.message(m)
      }
      return (modified, summary)
    }
    .sorted { ($0.0, $1.1.name) > ($1.0, $0.1.name) }
    .map(\.1)
  }

  /// The summaries as an aligned text table with a header line; the problems of unreadable sessions follow it,
  /// one line each.
  public static func table(_ summaries: [SessionSummary], _ m: Messages = Messages(language: "en")) -> String {
    let rows = [m.sessionTableHeadings] + summaries.map {
      [$0.name, $0.template ?? "?", $0.meetingDate.map { PartialDate.typed($0, language: m.language) } ?? "-", $0.problem == nil ? $0.completeness(m) : m.unreadableSession,
       $0.lastChange]
    }
    let problems = summaries.compactMap { summary in summary.problem.map { "\(summary.name): \($0)\n" } }
    let widths = (0..<5).map { column in rows.map { Normalizer.displayWidth($0[column]) }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - Normalizer.displayWidth(cell) + 2)
      }.joined()
    }.joined(separator: "\n") + "\n" + problems.joined()
  }
}
