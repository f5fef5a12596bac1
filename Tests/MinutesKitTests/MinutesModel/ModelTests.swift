import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// ``Value``, ``Record`` and ``Minutes``: the tree a draft is, read and changed by stored address.
@Suite struct ModelTests {
  @Test func recordsAreEqualWhateverTheirOrder() {
    let a: Record = ["kind": "審議", "subject": "辦法"]
    let b: Record = ["subject": "辦法", "kind": "審議"]
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Array(a.fields.keys) == ["kind", "subject"])
    #expect(Array(b.fields.keys) == ["subject", "kind"])
    #expect(a != ["kind": "審議"])
    #expect(a != ["kind": "審議", "subject": "辦法", "status": "草案"])
    #expect(Value.record(a) != .record(["kind": "審議", "subject": "辦法二"]))
    #expect(Value.list(["a", "b"]) != .list(["b", "a"]), "lists keep their order")
  }

  /// A record's value looked for from a position is the value by key, whatever the position (before the key, at it,
  /// past it, past the end, negative), and the position is left past the key found, or as it was: 3,000 drawn
  /// records, each asked for its own keys in order (as a walk of its parts asks) or shuffled, then for drawn names,
  /// some of which it lacks.
  @Test func aValueLookedForFromAPositionIsTheValueByKey() {
    var generator = SplitMix64(seed: 56)
    let names = ["kind", "subject", "status", "topic", "verb", "points", "lead", "決定", "e\u{301}", "é"]
    for _ in 0..<3_000 {
      var record = Record()
      for name in names.shuffled(using: &generator).prefix(Int.random(in: 0...names.count, using: &generator)) {
        record[name] = .text(name + "!")
      }
      let keys = Array(record.fields.keys)
      var asked = keys
      if Bool.random(using: &generator) { asked.shuffle(using: &generator) }
      asked += names.filter { _ in Bool.random(using: &generator) }
      var position = Int.random(in: -2...(keys.count + 2), using: &generator)
      for key in asked {
        let before = position
        let found = record.value(forKey: key, near: &position)
        #expect(found == record[key], "\(key) from \(before) in \(keys)")
        if let index = record.fields.index(forKey: key) {
          #expect(position == index + 1, "\(key) from \(before) in \(keys)")
        } else {
          #expect(position == before)
        }
      }
    }
  }

  @Test func scalarsReadAsTheClerkTypesThem() {
    #expect(Value.text("甲").scalarText == "甲")
    #expect(Value.number(10).scalarText == "10")
    #expect(Value.flag(false).scalarText == "false")
    #expect(Value.list([]).scalarText == nil)
    #expect(Value.record([:]).scalarText == nil)
    #expect(Value.number(3).isScalar && !Value.list([]).isScalar)
  }

  static func draft() -> Minutes {
    Minutes(template: "t", content: [
      "meeting": ["date": "2022-05-20", "chair": ["title": "區長"]],
      "items": [["kind": "傳達", "subject": "甲", "directives": [["verb": "指出", "points": ["要一", "要二"]]]]],
    ])
  }

  @Test func valuesAreReadByStoredAddress() {
    let minutes = Self.draft()
    #expect(minutes.value(at: stored("meeting.chair.title")) == "區長")
    #expect(minutes.value(at: stored("items.1.directives.1.points.2")) == "要二")
    #expect(minutes.value(at: stored("items.1.directives.1.points.3")) == nil)
    #expect(minutes.value(at: stored("items.2")) == nil)
    #expect(minutes.value(at: stored("items.+")) == nil, "the end of a list has no value")
    #expect(minutes.value(at: stored("meeting.date.x")) == nil)
    #expect(minutes.value(at: .root) == .record(minutes.content))
    #expect(minutes.entries(of: stored("items.1.directives.1.points")) == ["要一", "要二"])
    #expect(minutes.entries(of: stored("attendance.present")) == [])
  }

  @Test func settingCreatesTheRecordsOnTheWayAndClearingRemovesEmptyOnes() {
    var minutes = Self.draft()
    #expect(minutes.setValue("王一", at: stored("meeting.chair.name")) == true)
    #expect(minutes.setValue("全區", at: stored("arrangements.scope")) == true)
    #expect(minutes["arrangements"] == ["scope": "全區"])
    #expect(minutes.setValue(nil, at: stored("arrangements.scope")) == true)
    #expect(minutes["arrangements"] == nil, "a group left empty is removed")
    #expect(minutes.setValue(nil, at: stored("meeting.chair.title")) == true)
    #expect(minutes.setValue(nil, at: stored("meeting.chair.name")) == true)
    #expect(minutes["meeting"] == ["date": "2022-05-20"])
    // A key keeps its place when it is changed.
    #expect(minutes.setValue("2023-01-09", at: stored("meeting.date")) == true)
    #expect(minutes.setValue("乙", at: stored("items.1.subject")) == true)
    #expect(minutes["items.1"]?.record?.fields.keys.elementsEqual(["kind", "subject", "directives"]) == true)
  }

  @Test func settingThroughAMissingEntryOrAValueChangesNothing() {
    var minutes = Self.draft()
    let before = minutes
    #expect(minutes.setValue("x", at: stored("items.2.subject")) == false)
    #expect(minutes.setValue("x", at: stored("attendance.present.1.title")) == false)
    #expect(minutes.setValue("x", at: stored("meeting.date.day")) == false)
    #expect(minutes.setValue(nil, at: stored("items.1")) == false, "a list entry is removed, not cleared")
    #expect(minutes.setValue("x", at: .root) == false)
    #expect(minutes == before)
    #expect(minutes["attendance"] == nil)
  }

  @Test func entriesAreInsertedRemovedAndMovedWithinBounds() {
    var minutes = Self.draft()
    let points = stored("items.1.directives.1.points")
    #expect(minutes.insert("要三", at: 3, in: points) == true)
    #expect(minutes.insert("要零", at: 1, in: points) == true)
    #expect(minutes.insert("要九", at: 6, in: points) == false)
    #expect(minutes.insert("要九", at: 0, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要零", "要一", "要二", "要三"])
    #expect(minutes.move(from: 4, to: 1, in: points) == true)
    #expect(minutes.move(from: 5, to: 1, in: points) == false)
    #expect(minutes.move(from: 1, to: 0, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要三", "要零", "要一", "要二"])
    #expect(minutes.remove(at: 2, in: points) == true)
    #expect(minutes.remove(at: 4, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要三", "要一", "要二"])
    for _ in 1...3 { #expect(minutes.remove(at: 1, in: points) == true) }
    #expect(minutes["items.1.directives.1"] == ["verb": "指出"], "a list left empty is removed")
    // A list is created by its first entry.
    #expect(minutes.insert(["title": "副區長", "names": ["甲"]], at: 1, in: stored("attendance.present")) == true)
    #expect(minutes["attendance"] == ["present": [["title": "副區長", "names": ["甲"]]]])
    #expect(minutes.insert("x", at: 1, in: stored("items.3.directives")) == false)
  }

  @Test func minutesCodeWithFormatAndTemplateFirst() throws {
    let minutes = Self.draft()
    #expect(Minutes.currentFormat == 1)
    let json = try JSONEncoder().encode(minutes)
    let decoded = try JSONDecoder().decode(Minutes.self, from: json)
    #expect(decoded == minutes)
    let yaml = try SessionFile(minutes: minutes).yaml()
    #expect(yaml.hasPrefix("format: 1\ntemplate: t\nmeeting:\n  date: '2022-05-20'\n  chair:\n    title: 區長\nitems:\n- kind: 傳達\n"))
    #expect(throws: (any Error).self) { try JSONDecoder().decode(Minutes.self, from: Data(#"{"format": 1}"#.utf8)) }
  }
}
