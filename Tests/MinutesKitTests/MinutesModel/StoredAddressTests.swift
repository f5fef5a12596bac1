import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

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
