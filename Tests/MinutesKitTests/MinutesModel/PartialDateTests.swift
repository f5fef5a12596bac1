import Testing

@testable import MinutesModel

/// ``PartialDate``: a date as reports give it, whole, without the year or with the day alone, stored as given.
@Suite struct PartialDateTests {
  @Test(arguments: [
    ("2024-09-13", "2024-09-13"), ("2024年9月13日", "2024-09-13"), ("9-13", "--09-13"), ("9/13", "--09-13"),
    ("9.13", "--09-13"), ("9月13日", "--09-13"), ("09-13", "--09-13"), ("13日", "---13"), ("3日", "---03"),
    ("--09-13", "--09-13"), ("---13", "---13"), ("2-29", "--02-29"),
  ])
  func aDateIsStoredWithTheParts(typed: String, stored: String) {
    #expect(PartialDate(parsing: typed)?.description == stored)
    // The stored form reads back as the same date.
    #expect(PartialDate(parsing: stored) == PartialDate(parsing: typed))
  }

  @Test(arguments: ["2-30", "13-1", "32日", "13", "2024年13日", "2023-02-29", "--13-01", "---32", "日", "九月十三日", "-9-13"])
  func whatIsNoDateIsRefused(typed: String) {
    #expect(PartialDate(parsing: typed) == nil)
  }

  @Test func theWholeDateOnlyWhenYearAndMonthAreGiven() {
    #expect(PartialDate(parsing: "2024-09-13")?.whole == MeetingDate(year: 2024, month: 9, day: 13))
    #expect(PartialDate(parsing: "9-13")?.whole == nil)
    #expect(PartialDate(parsing: "9-13")?.year == nil)
    #expect(PartialDate(parsing: "13日")?.month == nil)
  }

  @Test(arguments: [("2024-09-13", "2024-09-13", "2024-09-13"), ("--09-13", "9月13日", "9-13"), ("---03", "3日", "3日")])
  func aDateIsShownAsAClerkTypesIt(stored: String, chinese: String, english: String) {
    #expect(PartialDate.typed(stored, language: "zh-Hant") == chinese)
    #expect(PartialDate.typed(stored, language: "en") == english)
  }

  /// Every date shown reads back as itself, in either language: `:edit` offers the shown form to change.
  @Test func everyShownDateReadsBackAsItself() {
    for month in [nil] + Array(1...12) {
      for day in 1...31 {
        guard let date = PartialDate(year: nil, month: month, day: day) else { continue }
        for language in ["zh-Hans", "zh-Hant", "en"] {
          #expect(PartialDate(parsing: date.typed(language: language)) == date, "\(date) in \(language)")
        }
      }
    }
  }

  @Test func whatIsNoDateIsShownAsIs() {
    #expect(PartialDate.typed("next Tuesday", language: "en") == "next Tuesday")
  }
}
