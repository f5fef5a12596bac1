import Foundation
import Mustache

/// Renders minutes as text with the template's `export.text` Mustache template.
///
/// The template sees a context built from the draft: `meeting` (`month`, `day`, `year`, `period`, `chairTitle`,
/// `chairName`, `term` as a Chinese numeral, `number`, `body`, `kind`), `items` (each with `opening`, rendered
/// from its kind's `opening`, `followUp` and `directives` with `topic`, `verb`, `lead`, `points`, `hasPoints`),
/// `arrangements` (`scope`, `topics`; absent when there are no topics), `otherMatters`, and `present`,
/// `inAttendance` as name lists joined per the template's `attendance` style, and `absent`. Parts not yet drafted
/// are left out of the context, so a section around them renders nothing.
public struct TextExporter: Exporter {
  public var format: ExportFormat { .text }

  /// Creates a text exporter.
  public init() {}

  public func export(_ minutes: Minutes, template: Template) throws -> String {
    guard let source = template.export[format.rawValue] else {
      throw ExportError.formatNotInTemplate(format: format.rawValue, template: template.id)
    }
    let mustache = try MustacheTemplate(string: source)
    return mustache.render(try context(for: minutes, template: template))
  }

  /// The rendering context described above, as Mustache-renderable dictionaries.
  /// - Throws: ``ExportError/unknownItemKind(kind:address:)``.
  func context(for minutes: Minutes, template: Template) throws -> [String: Any] {
    var context: [String: Any] = [:]
    context["meeting"] = meetingContext(minutes.meeting)
    context["items"] = try minutes.items.enumerated().map { index, item in
      try itemContext(item, address: Address.item(index + 1), template: template)
    }
    if !minutes.arrangements.topics.isEmpty {
      context["arrangements"] = compact([
        "scope": minutes.arrangements.scope, "topics": minutes.arrangements.topics,
      ])
    }
    context["otherMatters"] = minutes.otherMatters ?? false
    let style = template.attendance
    if !minutes.attendance.present.isEmpty { context["present"] = Self.nameList(minutes.attendance.present, style) }
    if !minutes.attendance.inAttendance.isEmpty {
      context["inAttendance"] = Self.nameList(minutes.attendance.inAttendance, style)
    }
    context["absent"] = minutes.attendance.absent.map {
      compact(["title": $0.title, "name": $0.name, "reason": $0.reason])
    }
    return context
  }

  /// Joins attendance groups: names within a group by `nameSeparator`, groups by `groupSeparator`, or by
  /// `singleNameGroupSeparator` when every group has one name (the seed report: 區人大代表秦雪、政協委員賀超).
  public static func nameList(_ groups: [AttendanceGroup], _ style: Template.AttendanceStyle) -> String {
    let separator =
      groups.allSatisfy { $0.names.count == 1 } ? style.singleNameGroupSeparator : style.groupSeparator
    return groups.map { $0.title + $0.names.joined(separator: style.nameSeparator) }.joined(separator: separator)
  }

  /// Renders an agenda item's opening from its kind's `opening` template.
  /// - Throws: ``ExportError/unknownItemKind(kind:address:)``.
  public static func opening(of item: AgendaItem, address: Address, template: Template) throws -> String {
    guard let kind = template.itemKind(named: item.kind) else {
      throw ExportError.unknownItemKind(kind: item.kind, address: address.description)
    }
    let mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + kind.opening)
    return mustache.render(compact(["subject": item.subject, "status": kind.document ? item.status : nil]))
  }

  private func meetingContext(_ meeting: Meeting) -> [String: Any] {
    compact([
      "year": meeting.date.map { String($0.year) }, "month": meeting.date.map { String($0.month) },
      "day": meeting.date.map { String($0.day) }, "period": meeting.period, "chairTitle": meeting.chair.title,
      "chairName": meeting.chair.name, "term": meeting.term.map(ChineseNumeral.string),
      "number": meeting.number.map(String.init), "body": meeting.body, "kind": meeting.kind,
    ])
  }

  private func itemContext(_ item: AgendaItem, address: Address, template: Template) throws -> [String: Any] {
    var context = compact(["followUp": item.followUp])
    context["opening"] = try Self.opening(of: item, address: address, template: template)
    context["directives"] = item.directives.map { directive -> [String: Any] in
      var d = compact(["topic": directive.topic, "verb": directive.verb, "lead": directive.lead])
      d["points"] = directive.points
      d["hasPoints"] = !directive.points.isEmpty
      return d
    }
    return context
  }

  private static func compact(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
  }

  private func compact(_ values: [String: Any?]) -> [String: Any] { Self.compact(values) }
}
