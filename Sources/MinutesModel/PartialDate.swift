import Foundation

/// A meeting date as a report may give it: whole (`2024年9月13日`), without the year (`9月13日`, the usual
/// header of a 常務會議 report), or with the day alone (`13日`, a report that names neither year nor month).
///
/// Stored as given, never completed by guessing: `2024-09-13`, `--09-13` and `---13` (the reduced forms of
/// ISO 8601-1:2019 §5.2.2 for a date without its year, or without its year and month).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
  /// The year, when given.
  public let year: Int?
  /// The month, 1–12, when given.
  public let month: Int?
  /// The day of the month, 1–31.
  public let day: Int

  /// A date of these parts; `nil` when no month has such a day (a month given: 2-30; a year too: 2023-02-29).
  public init?(year: Int?, month: Int?, day: Int) {
    guard (1...31).contains(day) else { return nil }
    if let month {
      guard (1...12).contains(month) else { return nil }
      // Without a year, February has the 29th (a leap year is possible).
      guard MeetingDate(year: year ?? 2000, month: month, day: day) != nil else { return nil }
    } else if year != nil {
      return nil  // a year and a day without the month is no date a report gives
    }
    (self.year, self.month, self.day) = (year, month, day)
  }

  /// The whole date, when the year and the month are given.
  public init(_ date: MeetingDate) { (year, month, day) = (date.year, date.month, date.day) }

  /// Parses a date as a clerk types it, or as it is stored: every form of ``MeetingDate/init(parsing:)``; the
  /// month and day without the year (`9-13`, `9/13`, `9.13`, `9月13日`, stored `--09-13`); the day alone, with
  /// 日 (`13日`, stored `---13`). `nil` for anything else, or a day no month has.
  public init?(parsing text: String) {
    if let date = MeetingDate(parsing: text) {
      self.init(date)
      return
    }
    if text.hasPrefix("---") {
      guard let day = Self.number(text.dropFirst(3), digits: 2) else { return nil }
      self.init(year: nil, month: nil, day: day)
      return
    }
    if text.hasPrefix("--") {
      let fields = text.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
      guard fields.count == 2, let month = Self.number(fields[0], digits: 2), let day = Self.number(fields[1], digits: 2)
      else { return nil }
      self.init(year: nil, month: month, day: day)
      return
    }
    guard text.first?.isASCII == true, text.first?.isNumber == true else { return nil }
    let fields = text.split(whereSeparator: { "-/.年月日 ".contains($0) })
    switch fields.count {
    case 2:
      guard !text.contains("年"), let month = Self.number(fields[0], digits: 1...2),
        let day = Self.number(fields[1], digits: 1...2)
      else { return nil }
      self.init(year: nil, month: month, day: day)
    case 1 where text.hasSuffix("日") && !text.contains("月") && !text.contains("年"):
      guard let day = Self.number(fields[0], digits: 1...2) else { return nil }
      self.init(year: nil, month: nil, day: day)
    default:
      return nil
    }
  }

  /// The whole date, when the year and the month are given.
  public var whole: MeetingDate? {
    guard let year, let month else { return nil }
    return MeetingDate(year: year, month: month, day: day)
  }

  /// The date as a clerk types and reads it in `language` (a BCP 47 tag): a whole date as stored
  /// (`2024-09-13`); without the year `9月13日` in Chinese, `9-13` otherwise; the day alone `13日`. Each form is read
  /// back by ``init(parsing:)`` as this date. (The stored forms `--09-13` and `---13` are ISO 8601's, which no
  /// clerk types.)
  public func typed(language: String) -> String {
    if let whole { return whole.description }
    guard let month else { return "\(day)日" }
    return language.hasPrefix("zh") ? "\(month)月\(day)日" : "\(month)-\(day)"
  }

  /// The date of `text` (a stored or typed date) as ``typed(language:)`` shows it; `text` itself when it is no date.
  public static func typed(_ text: String, language: String) -> String {
    PartialDate(parsing: text)?.typed(language: language) ?? text
  }

  /// `YYYY-MM-DD`, `--MM-DD` or `---DD`.
  public var description: String {
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    if let whole { return whole.description }
    if let month { return "--\(two(month))-\(two(day))" }
    return "---\(two(day))"
  }

  /// The ASCII digits of `text` as a number, when there are `digits` of them.
  private static func number(_ text: Substring, digits: Int) -> Int? { number(text, digits: digits...digits) }

  private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}
