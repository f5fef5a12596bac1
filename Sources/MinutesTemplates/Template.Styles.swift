import Foundation
import MinutesModel

extension Template {
  /// How an English export prints times and dates (`{{time.en}}`, `{{date.en}}`, `{{date.full}}`), as a
  /// template or an office's variant chooses with the top-level key `styles`:
  ///
  /// ```yaml
  /// styles:
  ///   time: 7:18 pm          # 7:18pm, 7:18 pm, 7:18 p.m. (the default), 7:18 PM, or 19:18
  ///   date: 9 March 2021     # March 9, 2021 (the default), Tuesday, March 9, 2021, 9 March 2021, 03/09/2021
  /// ```
  ///
  /// Each style is named by how 7:18 in the evening of Tuesday, March 9, 2021 prints in it.
  public struct Styles: Sendable, Hashable {
    /// How a time prints.
    public var time: TimeStyle
    /// How a date prints.
    public var date: DateStyle

    /// The styles of a template that names none: `7:02 p.m.` and `April 16, 2024`.
    public static let `default` = Styles(time: .periods, date: .monthDayYear)

    /// Styles of `time` and `date`.
    public init(time: TimeStyle, date: DateStyle) { (self.time, self.date) = (time, date) }
  }

  /// How a time prints, named by 7:18 in the evening in that style.
  public enum TimeStyle: String, Sendable, Hashable, CaseIterable {
    /// `7:18pm`, `12:00pm`.
    case compact = "7:18pm"
    /// `7:18 pm`, `12:00 pm`.
    case spaced = "7:18 pm"
    /// `7:18 p.m.`, `12:00 noon` (AP and Chicago style; the default).
    case periods = "7:18 p.m."
    /// `7:18 PM`, `12:00 PM`.
    case capitals = "7:18 PM"
    /// `19:18`, 24-hour.
    case twentyFourHour = "19:18"

    /// `time` in this style.
    public func format(_ time: MeetingTime) -> String {
      let h = time.hour % 12 == 0 ? 12 : time.hour % 12
      let clock = "\(h):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
      let pm = time.hour >= 12
      switch self {
      case .compact: return clock + (pm ? "pm" : "am")
      case .spaced: return clock + (pm ? " pm" : " am")
      case .periods: return time.english
      case .capitals: return clock + (pm ? " PM" : " AM")
      case .twentyFourHour: return time.description
      }
    }
  }

  /// How a date prints, named by Tuesday, March 9, 2021 in that style.
  public enum DateStyle: String, Sendable, Hashable, CaseIterable {
    /// `March 9, 2021` (the default).
    case monthDayYear = "March 9, 2021"
    /// `Tuesday, March 9, 2021`.
    case weekdayMonthDayYear = "Tuesday, March 9, 2021"
    /// `9 March 2021`.
    case dayMonthYear = "9 March 2021"
    /// `03/09/2021` (month first, as in the United States).
    case numeric = "03/09/2021"

    /// The months' names in English.
    public static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    /// `date` in this style.
    public func format(_ date: MeetingDate) -> String {
      let month = Self.months[date.month - 1]
      switch self {
      case .monthDayYear: return "\(month) \(date.day), \(date.year)"
      case .weekdayMonthDayYear: return "\(Self.weekday(date)), \(month) \(date.day), \(date.year)"
      case .dayMonthYear: return "\(date.day) \(month) \(date.year)"
      case .numeric: return (date.month < 10 ? "0" : "") + "\(date.month)/" + (date.day < 10 ? "0" : "") + "\(date.day)/\(date.year)"
      }
    }

    /// `date` with its weekday: in this style when it has one, else the weekday, a comma and the date
    /// (`Tuesday, 9 March 2021`).
    public func formatWithWeekday(_ date: MeetingDate) -> String {
      self == .weekdayMonthDayYear ? format(date) : "\(Self.weekday(date)), \(format(date))"
    }

    /// The day of the week of `date` in English (`Tuesday`), in the Gregorian calendar.
    public static func weekday(_ date: MeetingDate) -> String {
      let names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
      return names[date.weekday - 1]
    }
  }
}

extension Template.Styles: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case time, date }

  /// Reads `styles` from a template file: `time` and `date`, each one of the styles named by its example; a
  /// key not given keeps the default. A style not known is an error that lists the known ones.
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var styles = Self.default
    if let name = try c.decodeIfPresent(String.self, forKey: .time) {
      guard let style = Template.TimeStyle(rawValue: name) else {
        throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription:
          "unknown time style `\(name)`; the styles are \(Template.TimeStyle.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
      }
      styles.time = style
    }
    if let name = try c.decodeIfPresent(String.self, forKey: .date) {
      guard let style = Template.DateStyle(rawValue: name) else {
        throw DecodingError.dataCorruptedError(forKey: .date, in: c, debugDescription:
          "unknown date style `\(name)`; the styles are \(Template.DateStyle.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))")
      }
      styles.date = style
    }
    self = styles
  }
}
