import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Seeded random sittings with every built-in template: answers, commands with real and broken addresses, undo
/// and redo, typed in any order. After every line the session must go on (a refused line changes nothing), the
/// draft must still have its template's shape, be checkable and exportable; and replaying the journal records
/// of the sitting on the empty draft must give the same draft (what a resume after a crash relies on).
@Suite struct RandomSessionTests {
  static let templates = ["gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans",
                          "board-meeting.en", "team-meeting.en"]

  static func template(_ id: String) throws -> Template {
    try TestSupport.template(id: id)
  }

  /// A random line: an answer fitting the question (a choice, a date, a number…) or not, or a command.
  static func line(_ assistant: Assistant, _ generator: inout SplitMix64, _ texts: inout [String]) -> String {
    let template = assistant.template
    let slots = assistant.interview.slots(in: assistant.minutes)
    func address() -> String {
      let real = slots.randomElement(using: &generator).map(template.display) ?? "1"
      return [real, real, real, "9.9", "+", "1", "2.1", "present.1", "x.y", "0"].randomElement(using: &generator)!
    }
    let text = texts.popLast() ?? "甲"
    let choices = assistant.cursor.map { assistant.interview.choices(at: $0) } ?? []
    let answers = choices + ["2024-04-16", "19:02", "3", "0", "副區長 甲、乙", "Ann Lee, aye", "Bob, remote", text, text, "", ""]
    switch Int.random(in: 0..<20, using: &generator) {
    case 0..<11: return answers.randomElement(using: &generator)!
    case 11: return ":edit \(address()) \(answers.randomElement(using: &generator)!)"
    case 12: return ":delete \(address())"
    case 13: return ":move \(address()) \(Int.random(in: 0...4, using: &generator))"
    case 14: return [":undo", ":undo", ":redo"].randomElement(using: &generator)!
    case 15: return ":goto \(address())"
    case 16: return ":add \([address(), "item", "present", "+", "reports", "attendees"].randomElement(using: &generator)!) \(Bool.random(using: &generator) ? text : "")"
    case 17: return [":show", ":check", ":help", ":show \(address())", ":frob"].randomElement(using: &generator)!
    case 18: return ":edit \(address())"  // the next line is the new value
    default: return text
    }
  }

  @Test(arguments: templates)
  func aRandomSittingNeverBreaksTheDraftOrItsJournal(id: String) throws {
    let template = try Self.template(id)
    var generator = SplitMix64(seed: 0x5EED_0300 &+ UInt64(id.utf8.count))
    var texts = NormalizerTests.randomStrings(count: 3000, seed: 0x5EED_0301)
    let start = Minutes(template: template.id)
    var assistant = Assistant(template: template, minutes: start)
    var replayed = DraftState(minutes: start, cursor: assistant.cursor)
    for step in 0..<600 {
      let line = Self.line(assistant, &generator, &texts)
      let before = assistant.minutes
      let response = assistant.handle(line)
      if response.isError { #expect(assistant.minutes == before, "refused `\(line)` changed the draft") }
      if let effect = response.effect { try replayed.replay(JournalRecord(effect)) }
      guard (try? template.conform(assistant.minutes)) == assistant.minutes else {
        Issue.record("step \(step): after `\(line)` the draft does not have its template's shape")
        return
      }
      _ = Validator(template: template).findings(in: assistant.minutes)
      _ = try TextExporter().export(assistant.minutes, template: template)
      _ = assistant.prompt
      _ = assistant.question
    }
    #expect(replayed.minutes == assistant.minutes, "replaying the journal gives another draft")
    #expect(replayed.cursor == assistant.cursor)
  }
}
