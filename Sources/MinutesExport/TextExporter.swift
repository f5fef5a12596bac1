import Foundation
internal import Mustache
import MinutesModel
import MinutesTemplates

/// Renders minutes as text with the template's `export.text` Mustache template.
///
/// The template sees the draft's tree, each part under its key:
/// - text and choices as text; a choice whose template entry has a `phrase` also offers `{{key.phrase}}`, the
///   phrase rendered over the record that holds it;
/// - numbers as Arabic digits, with `{{key.zh}}` in Chinese numerals (10 → 十, GB/T 15835-2011 for the rest);
/// - dates as `YYYY-MM-DD`, with `.year`, `.month`, `.day`, `.zh` (2024年3月8日), `.en` (April 16, 2024) and
///   `.weekday` (Tuesday); times as `HH:MM`, with `.en` (7:02 p.m., 12:00 noon) and `.enEnd`, the same ending a
///   sentence (7:02 p.m., 12:00 noon.), so that no second period follows p.m.;
/// - yes/no as a boolean, for sections;
/// - lists as sequences, for sections; `{{key}}` prints the entries joined as the part's `join` says, and
///   `{{#empty(key)}}` tests for none. Each entry also offers `n` (1, 2…) and `zh` (一, 二…).
/// Parts not yet drafted are left out, so a section around them renders nothing.
public struct TextExporter: Exporter {
  /// Plain text.
  public var format: ExportFormat { .text }

  /// Creates a text exporter.
  public init() {}

  /// `minutes` rendered with the template's `export.text`.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export, or a
  ///   Mustache error when it does not parse (the checker refuses such templates).
  public func export(_ minutes: Minutes, template: Template) throws -> String {
    guard let source = template.export[format.rawValue] else {
      throw ExportError.formatNotInTemplate(format: format.rawValue, template: template.id)
    }
    // Minutes are text, never HTML: the TEXT pragma is added when a template leaves it out, so that `&` stays `&`.
    let pragma = "{{% CONTENT_TYPE: TEXT}}"
    // On a line of its own, so that it is a standalone tag and a section tag on the first line stays standalone.
    let mustache = try MustacheTemplate(string: source.hasPrefix(pragma) ? source : pragma + "\n" + source)
    return mustache.render(Self.context(minutes.content, parts: template.parts, in: Rendering(language: template.language)))
  }

  /// What one export shares: the template's language, and the small templates (phrases, `join.entry`) compiled
  /// once each rather than once per entry.
  final class Rendering {
    let language: String
    private var compiled: [String: MustacheTemplate?] = [:]

    init(language: String) { self.language = language }

    /// `source` compiled in TEXT mode; `nil` when it is not Mustache (the checker refuses such templates).
    func template(_ source: String) -> MustacheTemplate? {
      if let known = compiled[source] { return known }
      let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
      compiled[source] = template
      return template
    }
  }

  /// The rendering context of a record: its parts by key, as described above.
  static func context(_ record: Record?, parts: [Part], in rendering: Rendering) -> [String: Any] {
    var context: [String: Any] = [:]
    for part in parts {
      guard let value = record?[part.key] else {
        // A part not filled in is present but empty, so that `{{key}}` prints nothing rather than a part of the
        // same name further out (an item without a `topic` must not print the meeting's).
        if case .list = part.shape {
          context[part.key] = ListContext(elements: [], text: "")
        } else {
          context[part.key] = NSNull()
        }
        continue
      }
      context[part.key] = self.context(value, part: part, in: rendering)
    }
    for part in parts {
      guard case .field(.choice(_, _)) = part.shape, let value = record?[part.key]?.text,
        let phrase = part.rendering.phrase(of: value),
        let mustache = rendering.template(phrase)
      else { continue }
      context[part.key] = ChoiceContext(value: value, phrase: mustache.render(context))
    }
    return context
  }

  private static func context(_ value: Value, part: Part, in rendering: Rendering) -> Any {
    guard case .list(let list) = part.shape, let entries = value.list else { return scalarContext(value, part: part, in: rendering) }
    let language = rendering.language
    let elements: [Any] = entries.enumerated().map { offset, entry in
      let n = offset + 1
      switch list.entries {
      case .records(let records):
        var record = context(entry.record, parts: records.parts, in: rendering)
        record["n"] = n
        record["zh"] = ChineseNumeral.string(n, language: language)
        return record
      case .values:
        return Element(value: scalarContext(entry, part: part, in: rendering), n: n, language: language)
      }
    }
    return ListContext(elements: elements, text: joined(entries, elements: elements, part: part, in: rendering))
  }

  /// The context of one value of `part`'s kind (of a field, or an entry of a list of values), or of a record.
  private static func scalarContext(_ value: Value, part: Part, in rendering: Rendering) -> Any {
    let language = rendering.language
    switch (part.kind, value) {
    case (nil, .record(let record)): return context(record, parts: part.parts, in: rendering)
    case (.number?, .number(let n)), (.count?, .number(let n)): return NumberContext(n: n, language: language)
    case (.date?, .text(let text)): return MeetingDate(parsing: text).map(DateContext.init) ?? text
    case (.time?, .text(let text)): return MeetingTime(parsing: text).map(TimeContext.init) ?? text
    case (_, .flag(let flag)): return flag
    default: return value.scalarText ?? ""
    }
  }

  /// The entries of a list joined as its part's `join` says: values by `separator`; records each rendered with
  /// `entry` (or their title), by `separator`, or by `single` when every entry's own lists have one value each.
  private static func joined(_ entries: [Value], elements: [Any], part: Part, in rendering: Rendering) -> String {
    let join = part.rendering.join ?? Part.Join(separator: "", single: nil, entry: nil)
    guard part.records != nil else { return elements.map { String(describing: $0) }.joined(separator: join.separator) }
    let entry = join.entry.flatMap(rendering.template)
    let rendered: [String] = elements.enumerated().map { offset, element in
      if let entry { return entry.render(element) }
      return part.titleKey.flatMap { entries[offset].record?[$0]?.scalarText } ?? ""
    }
    let allSingle = entries.allSatisfy { entry in
      entry.record?.fields.values.allSatisfy { $0.list.map { $0.count == 1 } ?? true } ?? true
    }
    return rendered.joined(separator: allSingle ? (join.single ?? join.separator) : join.separator)
  }
}

/// A list in the export context: a sequence for sections, its joined text for `{{key}}`.
struct ListContext: MustacheSequence, MustacheTransformable, CustomStringConvertible {
  var elements: [Any]
  var text: String
  func makeIterator() -> IndexingIterator<[Any]> { elements.makeIterator() }
  var description: String { text }
  func transform(_ name: String) -> Any? {
    switch name {
    case "empty": elements.isEmpty
    case "count": elements.count
    case "first": elements.first
    case "last": elements.last
    default: nil
    }
  }
}

/// An entry of a list of values: prints as its value, and offers `n` and `zh`.
struct Element: MustacheParent, CustomStringConvertible {
  var value: Any
  var n: Int
  var language: String
  var description: String { String(describing: value) }
  func child(named name: String) -> Any? {
    switch name {
    case "n": n
    case "zh": ChineseNumeral.string(n, language: language)
    case "value": value
    default: (value as? MustacheParent)?.child(named: name)
    }
  }
}

/// A choice with its rendered phrase; the text transforms (`lowercased()`…) apply to its value.
struct ChoiceContext: MustacheParent, MustacheTransformable, CustomStringConvertible {
  var value: String
  var phrase: String
  var description: String { value }
  func child(named name: String) -> Any? { name == "phrase" ? phrase : nil }
  func transform(_ name: String) -> Any? { value.transform(name) }
}

/// A number: Arabic digits, or `zh`.
struct NumberContext: MustacheParent, CustomStringConvertible {
  var n: Int
  var language: String
  var description: String { String(n) }
  func child(named name: String) -> Any? {
    switch name {
    case "zh": ChineseNumeral.string(n, language: language)
    case "n": n
    default: nil
    }
  }
}

/// A date and its printed forms.
struct DateContext: MustacheParent, CustomStringConvertible {
  var date: MeetingDate
  var description: String { date.description }
  static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December"]
  func child(named name: String) -> Any? {
    switch name {
    case "year": date.year
    case "month": date.month
    case "day": date.day
    case "zh": "\(date.year)年\(date.month)月\(date.day)日"
    case "en": "\(Self.months[date.month - 1]) \(date.day), \(date.year)"
    case "weekday": weekday
    default: nil
    }
  }

  private var weekday: String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: date.year, month: date.month, day: date.day)
    guard let day = calendar.date(from: components) else { return "" }
    let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    return names[calendar.component(.weekday, from: day) - 1]
  }
}

/// A time and its printed forms.
struct TimeContext: MustacheParent, CustomStringConvertible {
  var time: MeetingTime
  var description: String { time.description }
  func child(named name: String) -> Any? {
    switch name {
    case "en": time.english
    case "enEnd": time.english.hasSuffix(".") ? time.english : time.english + "."
    case "hour": time.hour
    case "minute": time.minute
    default: nil
    }
  }
}
