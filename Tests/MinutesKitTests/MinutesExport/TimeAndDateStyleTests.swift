import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// Times and dates in the style a template or an office's variant chooses (`styles`, issue 11, item 2), and a
/// bare `7:40` read by the meeting's period or asked about.
@Suite struct TimeAndDateStyleTests {
  /// A variant of `board-meeting.en` that chooses `time` and `date` styles.
  static func variant(time: String?, date: String?) throws -> Template {
    let folder = try TestSupport.temporaryWorkspace("styles")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("styled.en.yaml")
    var yaml = "format: 2\nid: styled.en\nextends: board-meeting.en\nname: Styled\nlanguage: en\nstyles:\n"
    if let time { yaml += "  time: \"\(time)\"\n" }
    if let date { yaml += "  date: \"\(date)\"\n" }
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return try TemplateLibrary().load(contentsOf: file)
  }

  /// The call to order and the adjournment of a meeting on Tuesday, March 9, 2021 from 7:18 to 9:05 in the
  /// evening, exported with `template`.
  static func lines(_ template: Template) throws -> (callToOrder: String, adjournment: String) {
    let minutes = try template.conform(Minutes(template: template.id, content: [
      "meeting": ["organization": "Town of Millbrook", "body": "Town Council", "kind": "Regular", "date": "2021-03-09",
                  "calledToOrder": "19:18"],
      "adjourned": "21:05",
    ]))
    let text = try TextExporter().export(minutes, template: template)
    let lines = text.split(separator: "\n").map(String.init)
    return (lines.first { $0.hasPrefix("Call to order:") } ?? "", lines.first { $0.hasPrefix("Adjournment:") } ?? "")
  }

  static let timeStyles: [(style: String, called: String, adjourned: String)] = [
    ("7:18pm", "7:18pm", "9:05pm."),
    ("7:18 pm", "7:18 pm", "9:05 pm."),
    ("7:18 p.m.", "7:18 p.m.", "9:05 p.m."),
    ("7:18 PM", "7:18 PM", "9:05 PM."),
    ("19:18", "19:18", "21:05."),
  ]

  @Test(arguments: timeStyles)
  func eachTimeStyle(style: String, called: String, adjourned: String) throws {
    let (callToOrder, adjournment) = try Self.lines(try Self.variant(time: style, date: nil))
    #expect(callToOrder == "Call to order: The regular meeting of the Town Council of Town of Millbrook was called to order at \(called) on Tuesday, March 9, 2021.")
    #expect(adjournment == "Adjournment: The meeting was adjourned at \(adjourned)")
  }

  static let dateStyles: [(style: String, printed: String)] = [
    ("March 9, 2021", "Tuesday, March 9, 2021"),
    ("Tuesday, March 9, 2021", "Tuesday, March 9, 2021"),
    ("9 March 2021", "Tuesday, 9 March 2021"),
    ("03/09/2021", "Tuesday, 03/09/2021"),
  ]

  @Test(arguments: dateStyles)
  func eachDateStyle(style: String, printed: String) throws {
    let (callToOrder, _) = try Self.lines(try Self.variant(time: nil, date: style))
    #expect(callToOrder == "Call to order: The regular meeting of the Town Council of Town of Millbrook was called to order at 7:18 p.m. on \(printed).")
    #expect(Template.DateStyle(rawValue: style)?.format(MeetingDate(year: 2021, month: 3, day: 9)!) == style)
  }

  @Test func noonAndMidnightInEachStyle() {
    let noon = MeetingTime(hour: 12, minute: 0)!, midnight = MeetingTime(hour: 0, minute: 5)!
    #expect(Template.TimeStyle.allCases.map { $0.format(noon) } == ["12:00pm", "12:00 pm", "12:00 noon", "12:00 PM", "12:00"])
    #expect(Template.TimeStyle.allCases.map { $0.format(midnight) } == ["12:05am", "12:05 am", "12:05 a.m.", "12:05 AM", "00:05"])
  }

  @Test func anUnknownStyleIsRefusedNamingTheStyles() throws {
    #expect(throws: (any Error).self) { try Self.variant(time: "7.18pm", date: nil) }
    do {
      _ = try Self.variant(time: nil, date: "9th March 2021")
    } catch {
      #expect("\(error)".contains("unknown date style `9th March 2021`; the styles are `March 9, 2021`, `Tuesday, March 9, 2021`, `9 March 2021`, `03/09/2021`"), "\(error)")
    }
  }

  /// A bare `7:40` is read by the time the meeting was called to order, or asked about.
  @Test func aBareTimeIsReadByTheMeetingsPeriodOrAskedAbout() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let evening = try template.conform(Minutes(template: template.id, content: ["meeting": ["calledToOrder": "19:02"]]))
    var assistant = Assistant(template: template, minutes: evening, resumeAt: .finished)
    assistant.answer([":edit adjourned 8:47"])
    #expect(assistant.minutes["adjourned"] == "20:47")
    assistant.answer([":edit adjourned 07:40"])  // written with its zero: 24-hour, as typed
    #expect(assistant.minutes["adjourned"] == "07:40")
    // Before 7:02 p.m. either way: asked.
    let refused = assistant.handle(":edit adjourned 6:45")
    #expect(refused.isError)
    #expect(refused.messages == ["Is ‘6:45’ in the morning or the evening? Type 6:45 am or 6:45 pm (or the 24-hour time)."])
    // The start itself has nothing to be read by: asked, then taken with its period.
    let start = assistant.handle(":edit time 7:02")
    #expect(start.isError)
    assistant.answer([":edit time 7:02 pm"])
    #expect(assistant.minutes["meeting.calledToOrder"] == "19:02")

    let morning = try template.conform(Minutes(template: template.id, content: ["meeting": ["calledToOrder": "09:30"]]))
    var early = Assistant(template: template, minutes: morning, resumeAt: .finished)
    early.answer([":edit adjourned 11:15"])
    #expect(early.minutes["adjourned"] == "11:15")
    early.answer([":edit adjourned 1:10"])
    #expect(early.minutes["adjourned"] == "13:10")
    early.answer([":edit adjourned 12:20"])
    #expect(early.minutes["adjourned"] == "12:20")
  }

  /// A bare `12:20` after an evening start is not taken as noon (a clerk's trial: a meeting begun at 7:03 p.m.
  /// adjourned at "12:20" was recorded as adjourned at noon): the clerk is asked, and 12:20 am is past midnight,
  /// which the order of the meeting's times accepts.
  @Test func aBareTwelveAfterAnEveningStartIsAskedAbout() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let evening = try template.conform(Minutes(template: template.id, content: ["meeting": ["calledToOrder": "19:03"]]))
    var assistant = Assistant(template: template, minutes: evening, resumeAt: .finished)
    let refused = assistant.handle(":edit adjourned 12:20")
    #expect(refused.isError)
    #expect(refused.messages == ["Is ‘12:20’ just after noon or just after midnight? Type 12:20 pm (noon) or 12:20 am (midnight), or the 24-hour time."])
    #expect(assistant.minutes["adjourned"] == nil)
    assistant.answer([":edit adjourned 12:20 am"])
    #expect(assistant.minutes["adjourned"] == "00:20")
    #expect(Validator(template: template).findings(in: assistant.minutes).filter { $0.rule == "check.meetingTimes" } == [])
  }

  /// The times of a line (a recess's, an arrival's) are read by the meeting's period as a time field's are (a
  /// clerk's trial: `9:40, 9:55` typed for a recess of an evening meeting was stored as 9:40 a.m.).
  @Test func theTimesOfALineAreReadByTheMeetingsPeriod() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let evening = try template.conform(Minutes(template: template.id, content: ["meeting": ["calledToOrder": "17:32"]]))
    var assistant = Assistant(template: template, minutes: evening, resumeAt: .finished)
    assistant.answer([":add recesses 9:40, 9:55"])
    #expect(assistant.minutes["recesses.1.began"] == "21:40" && assistant.minutes["recesses.1.ended"] == "21:55")
    let refused = assistant.handle(":add arrivals Ana Ortiz, left, 5:15")
    #expect(refused.isError)
    #expect(refused.messages == ["Is ‘5:15’ in the morning or the evening? Type 5:15 am or 5:15 pm (or the 24-hour time)."])
    assistant.answer([":add arrivals Ana Ortiz, left, 6:15"])
    #expect(assistant.minutes["attendance.movements.1.time"] == "18:15")
  }
}
