import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// ``MeetingTime``: the forms clerks type and the stored and English forms.
@Suite struct MeetingTimeTests {
  @Test(arguments: [
    ("19:02", "19:02", "7:02 p.m."), ("7:02 pm", "19:02", "7:02 p.m."), ("7:02 p.m.", "19:02", "7:02 p.m."),
    ("7 pm", "19:00", "7:00 p.m."), ("19時02分", "19:02", "7:02 p.m."), ("12:00", "12:00", "12:00 noon"),
    ("12 am", "00:00", "12:00 a.m."), ("9:05", "09:05", "9:05 a.m."),
    // Noon as English minutes print it can be typed so (it was refused, though `12 p.m.` printed `12:00 noon`).
    ("noon", "12:00", "12:00 noon"), ("12 noon", "12:00", "12:00 noon"), ("12:00 Noon", "12:00", "12:00 noon"),
    ("midnight", "00:00", "12:00 a.m."), ("12 midnight", "00:00", "12:00 a.m."),
  ])
  func parsesTheAcceptedForms(text: String, stored: String, english: String) throws {
    let time = try #require(MeetingTime(parsing: text))
    #expect(time.description == stored)
    #expect(time.english == english)
  }

  @Test(arguments: ["24:00", "7:60", "13 pm", "0 am", "7:2", "", "19:02:03", "1 noon", "12:30 noon", "noonish", "afternoon", "11 midnight"])
  func refusesWhatIsNotATime(text: String) {
    #expect(MeetingTime(parsing: text) == nil)
  }
}
