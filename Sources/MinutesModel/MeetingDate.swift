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

  /// Creates a date from its parts; `nil` when the date does not exist in the Gregorian calendar.
  public init?(year: Int, month: Int, day: Int) {
    let components = DateComponents(
      calendar: Calendar(identifier: .gregorian), year: year, month: month, day: day)
    guard (1...9999).contains(year), components.isValidDate else { return nil }
    self.year = year
    self.month = month
    self.day = day
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
