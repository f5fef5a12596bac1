import Foundation

/// A calendar date (Gregorian), written `YYYY-MM-DD` in minutes files.
///
/// Parsing accepts the forms clerks type: `2022-05-20`, `2022/5/20`, `2022.5.20` and `2022年5月20日`
/// (digits half-width, GB/T 15835-2011), and refuses dates that do not exist (2022-02-30).
public struct MeetingDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  /// The year, e.g. 2022.
  public let year: Int
  /// The month, 1–12.
  public let month: Int
  /// The day of the month, 1–31.
  public let day: Int

  /// Creates a date from its parts; `nil` when the date does not exist in the proleptic Gregorian calendar of
  /// ISO 8601-1:2019 §4.2.1 (years 1–9999; February has 29 days in a leap year, ``isLeapYear(_:)``).
  ///
  /// Computed, not asked of Foundation's `Calendar`: making a calendar loads ICU's time-zone data, a twentieth of a
  /// whole `minutes check`. (Foundation's Gregorian calendar is Julian before 15 October 1582, so it also took
  /// 1500-02-29; ISO 8601's is Gregorian throughout.)
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.days(inMonth: month, of: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether `year` is a leap year in the Gregorian calendar: divisible by 4, except the centuries not divisible
  /// by 400 (1900 is not, 2000 is).
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The days of `month` (1–12) in `year`: 28 to 31.
  public static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The day of the week, 1 (Sunday) to 7 (Saturday), as Foundation's `Calendar` numbers them, in the proleptic
  /// Gregorian calendar (Sakamoto's method: the days since a Sunday, 31 December of year 0, modulo 7).
  public var weekday: Int {
    let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    let y = month < 3 ? year - 1 : year
    return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7 + 1
  }

  /// Parses a date typed by a clerk; `nil` when it is not one of the accepted forms or does not exist.
  public init?(parsing text: String) {
    // It starts with the year's digits: `-2024-01-01` is no date.
    guard text.first?.isASCII == true, text.first?.isNumber == true else { return nil }
    let fields = text.split(whereSeparator: { "-/.年月日 ".contains($0) }).map(String.init)
    guard fields.count == 3, let y = Int(fields[0]), let m = Int(fields[1]), let d = Int(fields[2]),
      fields[0].count == 4
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The ISO 8601 form, `YYYY-MM-DD`.
  public var description: String {
    let pad = { (n: Int, w: Int) in String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (a: Self, b: Self) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = MeetingDate(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "`\(text)` is not a date of the form YYYY-MM-DD"))
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
