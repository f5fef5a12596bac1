import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The roster file: read with `file:line:col`, checked, added to without losing what the clerk wrote.
@Suite struct RosterTests {
  @Test func aRosterReadsAndAnEmptyOneIsEmpty() throws {
    let text = "people:\n  - name: 王小明\n    titles: [區委常委, 副區長]\n    spellings: [王曉明]\n  - name: Ana Lopez\n"
    let roster = try Roster.parse(text, file: "roster.yaml")
    #expect(roster.names == ["王小明", "Ana Lopez"])
    #expect(roster.person(named: "王曉明")?.titles == ["區委常委", "副區長"])
    #expect(try Roster.parse(Workspace.emptyRoster, file: "roster.yaml").people.isEmpty)
    #expect(try Roster.parse("# nothing yet\n", file: "roster.yaml").people.isEmpty)
    #expect {
      try Roster.parse("people:\n  - titles: [副區長]\n", file: "roster.yaml")
    } throws: { error in
      guard case RosterError.unreadable(let problem) = error else { return false }
      return problem.line == 2 && problem.message.contains("name")
    }
  }

  @Test func checkingFindsNamesTwiceAndSpellingsOfTwoPeopleAtTheirLines() throws {
    let text = Workspace.emptyRoster.replacingOccurrences(of: "people: []", with: "people:")
      + "  - name: 王小明\n    spellings: [王曉明]\n  - name: 李四\n    spellings: [王曉明]\n  - name: 王小明\n"
    let roster = try Roster.parse(text, file: "r.yaml")
    let messages = roster.problems(text: text, file: "r.yaml").map { $0.message(Messages(language: "en")) }
    let base = Workspace.emptyRoster.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(messages == [
      "r.yaml:\(base + 4):17: error: ‘王曉明’ is a spelling of both ‘李四’ and ‘王小明’, so completion cannot tell them apart; keep it under one",
      "r.yaml:\(base + 5):11: error: ‘王小明’ is listed twice; remove one (both are the same person)",
    ])
  }

  /// Property: a person added to any roster text reads back as given, whatever the characters of the name,
  /// and the text before is kept byte for byte.
  @Test func anAddedPersonReadsBackAsGiven() throws {
    let pieces = ["王", "小明", "Ana", " Lopez", ":", ",", "#", "\"", "'", "[", "]", "-", "yes", "1.5", "null", "é", "、", "{", "&", "*", "?", "|", "%", "@", "`", "\\", "\t", "~"]
    var generator = SystemRandomNumberGenerator()
    var text = Workspace.emptyRoster
    var expected: [Roster.Person] = []
    for index in 0..<80 {
      let name = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\(index)"
      let title = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let person = Roster.Person(name: name, titles: title.isEmpty ? [] : [title, "副區長"], spellings: ["\(name)-x"])
      let before = text
      text = Roster.adding(person, to: text)
      #expect(text.hasPrefix(before.replacingOccurrences(of: "people: []", with: "people:")))
      expected.append(person)
      let read = try Roster.parse(text, file: "r.yaml")
      #expect(read.people.last == person, "\(text.split(separator: "\n").suffix(4))")
    }
    #expect(try Roster.parse(text, file: "r.yaml").people == expected)
  }

  @Test func learningFindsTheChairAndEveryoneInAttendanceWithTheirTitles() throws {
    let assistant = try TestSupport.exampleAssistant("gov-executive-formal.zh-Hant")
    let people = Workspace.people(in: assistant.minutes, template: assistant.template)
    #expect(people.first == Roster.Person(name: "韓啟明", titles: ["區委副書記", "區長"]))
    #expect(people.contains(Roster.Person(name: "周德明", titles: ["區政府黨組成員"])))
    #expect(people.contains(Roster.Person(name: "趙雅琳", titles: ["副區長"])))
  }
}
