import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

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
    #expect(template.part(at: .root)?.parts.map(\.key) == ["meeting", "items", "arrangements", "otherMatters", "attendance", "credit", "house", "unparsed"])
  }

  /// `minutes check` displays its findings' addresses through ``AddressDisplays``, which works out each shape of
  /// address once: the same text as ``Template/display(_:)`` for every address of random drafts of every built-in
  /// template (slots, values, ends of lists), in random order, each shape met many times, and for addresses that
  /// name no part.
  @Test(arguments: TestSupport.builtInTemplates)
  func displayingManyAddressesGivesWhatDisplayingEachGives(id: String) throws {
    let template = try TestSupport.template(id: id)
    var random = SplitMix64(seed: 36)
    var addresses: [Address] = []
    for _ in 0..<30 {
      let minutes = Minutes(template: template.id, content: RandomDrafts(odd: true).record(template.parts, &random))
      template.walk(minutes, slot: { address, _, _ in addresses.append(address) }, value: { _, _, address in addresses.append(address) })
    }
    addresses += ["nope", "items.2.nope", "items.2.directives.1.points.3.x", "meeting.+", "items.0"].compactMap(Address.init(stored:))
    addresses.shuffle(using: &random)
    #expect(addresses.count > 100)
    var displays = AddressDisplays(template: template)
    var differing: [String] = []
    for address in addresses + addresses.reversed() where displays(address) != template.display(address) {
      differing.append("\(address): \(displays(address)) ≠ \(template.display(address))")
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
  }
}
