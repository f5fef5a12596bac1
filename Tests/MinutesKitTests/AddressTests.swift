import Foundation
import Testing

@testable import MinutesKit

/// ``Address`` and ``Address/Container``: the text forms a clerk types, their round trip, the Chinese aliases
/// and the texts that are no address.
@Suite struct AddressTests {
  static let table: [(String, Address)] = [
    ("date", .meeting(.date)),
    ("period", .meeting(.period)),
    ("chair.title", .meeting(.chairTitle)),
    ("chair.name", .meeting(.chairName)),
    ("2", .item(2)),
    ("2.kind", .itemField(2, .kind)),
    ("2.subject", .itemField(2, .subject)),
    ("2.status", .itemField(2, .status)),
    ("2.followup", .itemField(2, .followUp)),
    ("2.1", .directive(2, 1)),
    ("2.1.verb", .directiveField(2, 1, .verb)),
    ("2.1.topic", .directiveField(2, 1, .topic)),
    ("2.1.lead", .directiveField(2, 1, .lead)),
    ("2.1.3", .point(2, 1, 3)),
    ("12.10.31", .point(12, 10, 31)),
    ("arrangements.scope", .arrangementScope),
    ("arrangements.3", .arrangementTopic(3)),
    ("other", .otherMatters),
    ("present.2", .attendance(.present, 2)),
    ("attending.1", .attendance(.inAttendance, 1)),
    ("absent.1", .attendance(.absent, 1)),
    ("+", .end(.items)),
    ("2.+", .end(.directives(2))),
    ("2.1.+", .end(.points(2, 1))),
    ("arrangements.+", .end(.arrangementTopics)),
    ("present.+", .end(.attendance(.present))),
    ("attending.+", .end(.attendance(.inAttendance))),
    ("absent.+", .end(.attendance(.absent))),
  ]

  @Test(arguments: table)
  func parsesAndPrintsTheTextForm(text: String, address: Address) {
    #expect(Address(parsing: text) == address)
    #expect(address.description == text)
  }

  @Test(arguments: table.map(\.1))
  func roundTripsThroughItsDescription(address: Address) {
    #expect(Address(parsing: address.description) == address)
  }

  @Test(arguments: Address.MeetingField.allCases)
  func everyHeaderFieldRoundTrips(field: Address.MeetingField) {
    #expect(Address(parsing: field.rawValue) == .meeting(field))
    #expect(Address.meeting(field).description == field.rawValue)
  }

  @Test(arguments: [
    ("出席.2", Address.attendance(.present, 2)),
    ("列席.1", .attendance(.inAttendance, 1)),
    ("請假.3", .attendance(.absent, 3)),
    ("出席.+", .end(.attendance(.present))),
    ("安排.2", .arrangementTopic(2)),
    ("安排.scope", .arrangementScope),
    ("安排.+", .end(.arrangementTopics)),
    ("其他事項", .otherMatters),
    (" 2.1 ", .directive(2, 1)),
  ])
  func acceptsChineseAliasesAndSurroundingSpaces(text: String, address: Address) {
    #expect(Address(parsing: text) == address)
  }

  @Test func aliasesPrintInTheirEnglishForm() {
    #expect(Address(parsing: "出席.2")?.description == "present.2")
    #expect(Address(parsing: "列席.+")?.description == "attending.+")
    #expect(Address.AttendanceList.allCases.map(\.chineseName) == ["出席", "列席", "請假"])
  }

  @Test(arguments: [
    "0", "2.x", "2.1.3.4", "", "-1", "present", "2.0", "0.1", "arrangements", "arrangements.x", "arrangements.1.2",
    "present.x", "present.0", "date.1", "x", "2.1.x", "１", "2..1", "2.", ".2", "chair", "2.kind.1", "+.+", "++",
  ])
  func refusesWhatIsNoAddress(text: String) {
    #expect(Address(parsing: text) == nil)
  }

  @Test func containerEntryNamesTheListAndIndex() {
    #expect(Address.item(3).containerEntry?.container == .items)
    #expect(Address.item(3).containerEntry?.index == 3)
    #expect(Address.point(2, 1, 4).containerEntry?.container == .points(2, 1))
    #expect(Address.point(2, 1, 4).containerEntry?.index == 4)
    #expect(Address.attendance(.absent, 2).containerEntry?.container == .attendance(.absent))
    #expect(Address.meeting(.date).containerEntry == nil)
    #expect(Address.itemField(1, .kind).containerEntry == nil)
    #expect(Address.end(.items).containerEntry == nil)
  }
}

/// ``Address/Container``: the lists `:add` takes.
@Suite struct AddressContainerTests {
  @Test(arguments: [
    ("item", Address.Container.items),
    ("items", .items),
    ("議題", .items),
    ("2", .directives(2)),
    ("2.1", .points(2, 1)),
    ("arrangements", .arrangementTopics),
    ("安排", .arrangementTopics),
    ("present", .attendance(.present)),
    ("attending", .attendance(.inAttendance)),
    ("absent", .attendance(.absent)),
    ("出席", .attendance(.present)),
    ("列席", .attendance(.inAttendance)),
    ("請假", .attendance(.absent)),
  ])
  func parses(text: String, container: Address.Container) {
    #expect(Address.Container(parsing: text) == container)
  }

  @Test(arguments: ["", "0", "2.1.1", "x", "2.x", "-1", "2.0", "other", "date", "+"])
  func refusesWhatIsNoList(text: String) {
    #expect(Address.Container(parsing: text) == nil)
  }

  @Test(arguments: [
    (Address.Container.items, "item", Address.item(4)),
    (.directives(2), "2", .directive(2, 4)),
    (.points(2, 1), "2.1", .point(2, 1, 4)),
    (.arrangementTopics, "arrangements", .arrangementTopic(4)),
    (.attendance(.inAttendance), "attending", .attendance(.inAttendance, 4)),
  ])
  func printsRoundTripsAndNamesItsEntries(container: Address.Container, text: String, fourth: Address) {
    #expect(container.description == text)
    #expect(Address.Container(parsing: text) == container)
    #expect(container.entry(4) == fourth)
    #expect(Address.end(container).description == (container == .items ? "+" : "\(text).+"))
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
