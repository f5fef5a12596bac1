import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``MeetingDate``: the forms clerks type, dates that do not exist, and the zero-padded ISO form.
@Suite struct MeetingDateTests {
  @Test(arguments: ["2022-05-20", "2022/5/20", "2022.5.20", "2022年5月20日", "2022-5-20", "2022年05月20日"])
  func parsesTheAcceptedForms(text: String) throws {
    let date = try #require(MeetingDate(parsing: text))
    #expect(date.year == 2022)
    #expect(date.month == 5)
    #expect(date.day == 20)
    #expect(date.description == "2022-05-20")
  }

  @Test func acceptsLeapDay() {
    #expect(MeetingDate(parsing: "2024-02-29")?.description == "2024-02-29")
    #expect(MeetingDate(parsing: "2000-02-29")?.description == "2000-02-29")
  }

  @Test(arguments: [
    "2022-02-30", "2023-02-29", "1900-02-29", "5月20日", "", "22-05-20", "2022-13-01", "2022-00-10", "2022-05-00",
    "2022-05", "abcd-05-20", "0000-01-01", "2022-04-31", "2022-05-20-1", "today",
  ])
  func refusesWhatIsNotAnExistingDate(text: String) {
    #expect(MeetingDate(parsing: text) == nil)
  }

  @Test func refusesImpossibleParts() {
    #expect(MeetingDate(year: 2022, month: 2, day: 30) == nil)
    #expect(MeetingDate(year: 0, month: 1, day: 1) == nil)
    #expect(MeetingDate(year: 10000, month: 1, day: 1) == nil)
    #expect(MeetingDate(year: 2022, month: 5, day: 20) != nil)
  }

  @Test(arguments: [
    (2022, 5, 2, "2022-05-02"), (2022, 12, 31, "2022-12-31"), (987, 1, 9, "0987-01-09"), (1, 1, 1, "0001-01-01"),
  ])
  func descriptionIsZeroPadded(year: Int, month: Int, day: Int, expected: String) throws {
    let date = try #require(MeetingDate(year: year, month: month, day: day))
    #expect(date.description == expected)
    #expect(MeetingDate(parsing: expected) == date)
  }

  @Test func ordersByCalendar() throws {
    let dates = try ["2022-05-20", "2021-12-31", "2022-01-05", "2022-05-03"].map { try #require(MeetingDate(parsing: $0)) }
    #expect(dates.sorted().map(\.description) == ["2021-12-31", "2022-01-05", "2022-05-03", "2022-05-20"])
  }

  @Test func codesAsItsISOForm() throws {
    let date = try #require(MeetingDate(year: 2022, month: 5, day: 2))
    let json = try JSONEncoder().encode([date])
    #expect(String(decoding: json, as: UTF8.self) == #"["2022-05-02"]"#)
    #expect(try JSONDecoder().decode([MeetingDate].self, from: json) == [date])
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([MeetingDate].self, from: Data(#"["2022-02-30"]"#.utf8)) }
  }

  /// The computed calendar against Foundation's Gregorian calendar, on every month and day number (1–31) of the
  /// years 1583–2700, where Foundation's calendar is Gregorian too: the same dates exist, with the same weekdays.
  @Test func agreesWithFoundationsGregorianCalendar() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var (checked, disagreements) = (0, [String]())
    for year in 1583...2700 {
      for month in 1...12 {
        for day in 1...31 {
          let components = DateComponents(calendar: calendar, year: year, month: month, day: day)
          let date = MeetingDate(year: year, month: month, day: day)
          guard components.isValidDate else {
            if date != nil { disagreements.append("\(year)-\(month)-\(day) exists") }
            continue
          }
          checked += 1
          guard let date, let instant = calendar.date(from: components) else {
            disagreements.append("\(year)-\(month)-\(day) refused")
            continue
          }
          if date.weekday != calendar.component(.weekday, from: instant) {
            disagreements.append("\(date): weekday \(date.weekday)")
          }
        }
      }
    }
    #expect(checked == 408_341)
    #expect(disagreements.prefix(5) == [])
  }

  /// Before 1583 the dates follow ISO 8601's proleptic Gregorian calendar, not the Julian one Foundation uses
  /// there: 1500 is no leap year, and 1582-10-10 exists.
  @Test func isGregorianBefore1583() throws {
    #expect(MeetingDate(year: 1500, month: 2, day: 29) == nil)
    #expect(MeetingDate(year: 1600, month: 2, day: 29) != nil)
    #expect(try #require(MeetingDate(year: 1582, month: 10, day: 10)).weekday == 1)  // a Sunday, proleptically
    #expect(try #require(MeetingDate(year: 1, month: 1, day: 1)).weekday == 2)  // a Monday
    #expect(Template.DateStyle.weekday(try #require(MeetingDate(year: 2021, month: 3, day: 9))) == "Tuesday")
  }
}
