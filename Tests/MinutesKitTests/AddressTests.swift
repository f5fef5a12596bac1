import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
@testable import MinutesInterview
@testable import MinutesModel
@testable import MinutesNormalization
@testable import MinutesStorage
@testable import MinutesTemplates
@testable import MinutesValidation

/// ``Address``: the stored form (a path of keys, entry numbers and `+`) and its round trip.
@Suite struct StoredAddressTests {
  @Test(arguments: [
    ("meeting.date", [Address.Step.key("meeting"), .key("date")]),
    ("items.2", [.key("items"), .index(2)]),
    ("items.12.directives.10.points.31", [.key("items"), .index(12), .key("directives"), .index(10), .key("points"), .index(31)]),
    ("items.+", [.key("items"), .end]),
    ("items.2.directives.+", [.key("items"), .index(2), .key("directives"), .end]),
    ("attendance.present.2", [.key("attendance"), .key("present"), .index(2)]),
    ("", []),
  ])
  func parsesAndPrintsTheStoredForm(text: String, steps: [Address.Step]) {
    #expect(Address(stored: text) == Address(steps: steps))
    #expect(Address(steps: steps).description == text)
  }

  @Test(arguments: ["items..2", ".items", "items.", "."])
  func refusesWhatIsNoStoredAddress(text: String) {
    #expect(Address(stored: text) == nil)
  }

  /// ``Address/init(stored:)`` says it gives `nil` when "a number is not positive"; it reads `0` and `-1` as
  /// keys instead.
  @Test(arguments: ["items.0", "items.-1", "items.2.0"])
  func refusesNumbersThatAreNotPositive(text: String) {
    #expect(Address(stored: text) == nil)
  }

  @Test func aStoredAddressKnowsItsListAndEntry() throws {
    let point = try #require(Address(stored: "items.2.directives.1.points.4"))
    #expect(point.entry?.list == Address(stored: "items.2.directives.1.points"))
    #expect(point.entry?.index == 4)
    #expect(point.listEntry?.index == 4)
    #expect(point.numbers == [2, 1, 4])
    #expect(point.parent.description == "items.2.directives.1.points")
    #expect(!point.isEnd)
    let end = try #require(Address(stored: "items.2.directives.+"))
    #expect(end.isEnd)
    #expect(end.entry == nil)
    #expect(end.listEntry?.list == Address(stored: "items.2.directives"))
    #expect(end.listEntry?.index == nil)
    #expect(Address(stored: "meeting.date")?.entry == nil)
    #expect(Address(stored: "meeting.date")?.listEntry == nil)
    #expect(Address.root.parent == .root)
    #expect(Address(stored: "items")?.appending(.index(3)).appending(key: "subject").description == "items.3.subject")
  }

  @Test func containsIsAPrefixTest() throws {
    let item = try #require(Address(stored: "items.2"))
    #expect(item.contains(item))
    #expect(item.contains(try #require(Address(stored: "items.2.directives.1.points.3"))))
    #expect(!item.contains(try #require(Address(stored: "items.1"))))
    #expect(!item.contains(try #require(Address(stored: "items.21"))))
    #expect(!item.contains(try #require(Address(stored: "items"))))
    #expect(Address.root.contains(item))
  }

  @Test(arguments: [
    ("items.3.directives.1.points.2", "items.2.directives.1.points.2"),
    ("items.1.subject", nil),
    ("items.2.directives.+", "items.1.directives.+"),
    ("items.+", "items.+"),
    ("attendance.present.1", "attendance.present.1"),
  ])
  func remappingAfterDeletingItemOne(address: String, expected: String?) throws {
    let items = try #require(Address(stored: "items"))
    let remapped = try #require(Address(stored: address)).remapped(in: items) { n in n == 1 ? nil : n - 1 }
    #expect(remapped?.description == expected)
  }
}

/// The short addresses a clerk types, as the built-in template reads and prints them: their round trip, the
/// Chinese names and the texts that are no address.
@Suite struct AddressTests {
  static let table: [(String, String)] = [
    ("date", "meeting.date"),
    ("period", "meeting.period"),
    ("chair.title", "meeting.chair.title"),
    ("chair.name", "meeting.chair.name"),
    ("term", "meeting.term"),
    ("body", "meeting.body"),
    ("number", "meeting.number"),
    ("kind", "meeting.kind"),
    ("2", "items.2"),
    ("2.kind", "items.2.kind"),
    ("2.subject", "items.2.subject"),
    ("2.status", "items.2.status"),
    ("2.followup", "items.2.followUp"),
    ("2.1", "items.2.directives.1"),
    ("2.1.verb", "items.2.directives.1.verb"),
    ("2.1.topic", "items.2.directives.1.topic"),
    ("2.1.lead", "items.2.directives.1.lead"),
    ("2.1.3", "items.2.directives.1.points.3"),
    ("12.10.31", "items.12.directives.10.points.31"),
    ("arrangements.scope", "arrangements.scope"),
    ("arrangements.3", "arrangements.topics.3"),
    ("other", "otherMatters"),
    ("present.2", "attendance.present.2"),
    ("attending.1", "attendance.inAttendance.1"),
    ("absent.1", "attendance.absent.1"),
    ("+", "items.+"),
    ("2.+", "items.2.directives.+"),
    ("2.1.+", "items.2.directives.1.points.+"),
    ("arrangements.+", "arrangements.topics.+"),
    ("present.+", "attendance.present.+"),
    ("attending.+", "attendance.inAttendance.+"),
    ("absent.+", "attendance.absent.+"),
    // A list or a group as a whole.
    ("present", "attendance.present"),
    ("chair", "meeting.chair"),
    ("arrangements", "arrangements"),
  ]

  @Test(arguments: table)
  func parsesAndPrintsTheShortForm(text: String, stored: String) throws {
    let template = try TestSupport.template()
    let address = try #require(template.address(parsing: text))
    #expect(address.description == stored)
    #expect(template.display(address) == text)
  }

  @Test(arguments: table.map(\.1))
  func roundTripsThroughItsShortForm(stored: String) throws {
    let template = try TestSupport.template()
    let address = try #require(Address(stored: stored))
    #expect(template.address(parsing: template.display(address)) == address)
  }

  @Test(arguments: [
    ("出席.2", "attendance.present.2"),
    ("列席.1", "attendance.inAttendance.1"),
    ("請假.3", "attendance.absent.3"),
    ("出席.+", "attendance.present.+"),
    ("其他事項", "otherMatters"),
    ("議題", "items"),
    ("item.2", "items.2"),
    ("2.followUp", "items.2.followUp"),
    ("meeting.date", "meeting.date"),
    ("attendance.present.2", "attendance.present.2"),
    ("arrangements.topics.2", "arrangements.topics.2"),
    (" 2.1 ", "items.2.directives.1"),
  ])
  func acceptsNamesKeysAndSurroundingSpaces(text: String, stored: String) throws {
    #expect(try TestSupport.template().address(parsing: text)?.description == stored)
  }

  @Test func namesPrintInTheirFirstASCIIFormOrAsTheirKey() throws {
    let template = try TestSupport.template()
    #expect(template.address(parsing: "出席.2").map(template.display) == "present.2")
    #expect(template.address(parsing: "列席.+").map(template.display) == "attending.+")
    #expect(template.address(parsing: "其他事項").map(template.display) == "other")
    #expect(template.address(parsing: "2.followUp").map(template.display) == "2.followup")
  }

  /// The old fixed model took `安排` for the arrangements (`安排.2`, `安排.+`, `:add 安排`); the built-in
  /// template gives the part no such name, so a clerk typing the Chinese word is refused.
  @Test(arguments: [("安排.2", "arrangements.topics.2"), ("安排.scope", "arrangements.scope"), ("安排.+", "arrangements.topics.+")])
  func theArrangementsKeepTheirChineseName(text: String, stored: String) throws {
    let template = try TestSupport.template()
    #expect(template.address(parsing: text)?.description == stored)
  }

  @Test(arguments: [
    "0", "2.x", "2.1.3.4", "", " ", "-1", "2.0", "0.1", "arrangements.x", "arrangements.1.2", "present.x",
    "present.0", "date.1", "x", "2.1.x", "１", "2..1", "2.", ".2", "2.kind.1", "+.+", "++", "chair.x", "present.title",
    "2.1.3.+", "date.+", "+.1",
  ])
  func refusesWhatIsNoAddress(text: String) throws {
    #expect(try TestSupport.template().address(parsing: text) == nil)
  }

  @Test func partAtAnAddressIsTheListForItsEntriesAndEnd() throws {
    let template = try TestSupport.template()
    #expect(template.part(at: TestSupport.at("items.2"))?.key == "items")
    #expect(template.part(at: TestSupport.at("items.+"))?.key == "items")
    #expect(template.part(at: TestSupport.at("items.2.directives.1.points.3"))?.key == "points")
    #expect(template.part(at: TestSupport.at("meeting.chair.name"))?.label == "主持人姓名")
    #expect(template.part(at: TestSupport.at("meeting.nope")) == nil)
    #expect(template.part(at: .root)?.parts.map(\.key) == ["meeting", "items", "arrangements", "otherMatters", "attendance"])
  }
}

/// ``Template/list(parsing:)``: the lists `:add` takes.
@Suite struct AddressContainerTests {
  @Test(arguments: [
    ("item", "items"),
    ("items", "items"),
    ("議題", "items"),
    ("+", "items"),
    ("2", "items.2.directives"),
    ("2.+", "items.2.directives"),
    ("2.1", "items.2.directives.1.points"),
    ("2.1.+", "items.2.directives.1.points"),
    ("arrangements", "arrangements.topics"),
    ("arrangements.+", "arrangements.topics"),
    ("present", "attendance.present"),
    ("attending", "attendance.inAttendance"),
    ("absent", "attendance.absent"),
    ("出席", "attendance.present"),
    ("列席", "attendance.inAttendance"),
    ("請假", "attendance.absent"),
  ])
  func parses(text: String, stored: String) throws {
    #expect(try TestSupport.template().list(parsing: text)?.description == stored)
  }

  @Test(arguments: ["0", "2.1.1", "x", "2.x", "-1", "2.0", "other", "date", "chair", "2.kind", "present.1"])
  func refusesWhatIsNoList(text: String) throws {
    #expect(try TestSupport.template().list(parsing: text) == nil)
  }

  @Test(arguments: [
    ("2", "2.4", "2.+"),
    ("2.1", "2.1.4", "2.1.+"),
    ("arrangements", "arrangements.4", "arrangements.+"),
    ("attending", "attending.4", "attending.+"),
  ])
  func printsAndNamesItsEntries(text: String, fourth: String, end: String) throws {
    let template = try TestSupport.template()
    let list = try #require(template.list(parsing: text))
    #expect(template.display(list) == text)
    #expect(template.display(list.appending(.index(4))) == fourth)
    #expect(template.display(list.appending(.end)) == end)
  }

  /// The root's numbered list is addressed by bare numbers, so its own short form is empty; `:add` and the
  /// messages that name it must still print something a clerk can type back.
  @Test func theAgendaItemListPrintsAsSomethingTypable() throws {
    let template = try TestSupport.template()
    let items = try #require(template.list(parsing: "item"))
    #expect(template.display(items.appending(.index(4))) == "4")
    #expect(template.display(items.appending(.end)) == "+")
    #expect(!template.display(items).isEmpty)
  }
}

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
}

/// ``MeetingTime``: the forms clerks type and the stored and English forms.
@Suite struct MeetingTimeTests {
  @Test(arguments: [
    ("19:02", "19:02", "7:02 p.m."), ("7:02 pm", "19:02", "7:02 p.m."), ("7:02 p.m.", "19:02", "7:02 p.m."),
    ("7 pm", "19:00", "7:00 p.m."), ("19時02分", "19:02", "7:02 p.m."), ("12:00", "12:00", "12:00 noon"),
    ("12 am", "00:00", "12:00 a.m."), ("9:05", "09:05", "9:05 a.m."),
  ])
  func parsesTheAcceptedForms(text: String, stored: String, english: String) throws {
    let time = try #require(MeetingTime(parsing: text))
    #expect(time.description == stored)
    #expect(time.english == english)
  }

  @Test(arguments: ["24:00", "7:60", "13 pm", "0 am", "7:2", "noon", "", "19:02:03"])
  func refusesWhatIsNotATime(text: String) {
    #expect(MeetingTime(parsing: text) == nil)
  }
}
