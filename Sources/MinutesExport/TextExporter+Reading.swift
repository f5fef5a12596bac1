import Foundation
import MinutesModel
import MinutesTemplates

extension TextExporter {
  /// How the text export prints one value of `kind` through `accessor` (`nil` for the value itself, else `zh`,
  /// `year`, `en`, `enEnd`…, as ``TextExporter`` describes them): the same text a `{{key.accessor}}` tag renders,
  /// for an importer that reads an export back (`MinutesImport`). `nil` when the value has no such form (a date
  /// without its year asked for `year`), which prints as nothing.
  package static func printed(
    _ value: Value, kind: Part.Kind?, accessor: String?, language: String, styles: Template.Styles
  ) -> String? {
    let context: Any
    switch (kind, value) {
    case (.number?, .number(let n)), (.count?, .number(let n)): context = NumberContext(n: n, language: language)
    case (.date?, .text(let text)):
      guard let date = PartialDate(parsing: text) else { return accessor == nil ? text : nil }
      context = DateContext(date: date, style: styles.date)
    case (.time?, .text(let text)):
      guard let time = MeetingTime(parsing: text) else { return accessor == nil ? text : nil }
      context = TimeContext(time: time, style: styles.time)
    case (_, .flag(let flag)): return accessor == nil ? (flag ? "true" : "false") : nil
    default:
      guard accessor == nil else { return nil }
      return value.scalarText
    }
    guard let accessor else { return String(describing: context) }
    guard let parent = context as? any MustacheParentLike, let child = parent.childValue(named: accessor) else { return nil }
    return String(describing: child)
  }
}

/// The contexts' `child(named:)`, without naming the renderer's protocol outside this file.
private protocol MustacheParentLike { func childValue(named name: String) -> Any? }
extension NumberContext: MustacheParentLike { func childValue(named name: String) -> Any? { child(named: name) } }
extension DateContext: MustacheParentLike { func childValue(named name: String) -> Any? { child(named: name) } }
extension TimeContext: MustacheParentLike { func childValue(named name: String) -> Any? { child(named: name) } }
