import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

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
