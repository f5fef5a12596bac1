import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Property tests over seeded random drafts (text of CJK, Latin, digits, punctuation of both widths, spaces,
/// emoji, and words YAML would read as numbers or flags): a draft as the assistant stores it (its text
/// normalized) saves, loads and saves again to the same bytes; and any draft, however its text was typed, has a
/// canonical form (`minutes fmt`) that the next `fmt` leaves alone. (Raw text may hold a zero-width no-break
/// space at its start, which YAML readers drop; normalizing removes it first.)
@Suite struct RoundTripPropertyTests {
  /// Random text that is not blank once normalized (a blank answer is no answer).
  static func texts(_ count: Int, seed: UInt64, normalized: Bool) -> [String] {
    let extra = ["10", "yes", "no", "true", "~", "null", "1.5", "- a", ": b", "#c", "'d'", "\"e\"", "[f]", "{g}"]
    return NormalizerTests.randomStrings(count: count, seed: seed, pieces: NormalizerTests.pieces + extra)
      .map { Normalizer.normalize($0).isEmpty ? "空" : normalized ? Normalizer.normalize($0) : $0 }
  }

  /// A random draft of the government report: a header, up to four items of up to three directives of up to
  /// four points, arrangements and attendance.
  static func draft(_ generator: inout SplitMix64, template: Template, texts: inout [String]) throws -> Minutes {
    func text() -> Value { .text(texts.popLast() ?? "甲") }
    func pick(_ choices: [String]) -> Value { .text(choices.randomElement(using: &generator)!) }
    func list(_ range: ClosedRange<Int>, _ make: () -> Value) -> Value { .list((0..<Int.random(in: range, using: &generator)).map { _ in make() }) }
    let kinds = template.part(at: Address(stored: "items.1.kind")!)!.choiceValues
    let verbs = template.part(at: Address(stored: "items.1.directives.1.verb")!)!.choiceValues
    let content: Record = [
      "meeting": .record([
        "date": .text("2022-05-20"), "period": pick(["上午", "下午"]),
        "chair": .record(["title": text(), "name": text()]), "term": .number(Int.random(in: 1...30, using: &generator)),
        "body": text(), "number": .number(Int.random(in: 1...99, using: &generator)), "kind": text(),
      ]),
      "items": list(1...4) {
        .record(["kind": pick(kinds), "subject": text(), "followUp": text(), "directives": list(1...3) {
          .record(["verb": pick(verbs), "topic": text(), "points": list(1...4, text)])
        }])
      },
      "arrangements": .record(["scope": text(), "topics": list(1...3, text)]),
      "otherMatters": .flag(Bool.random(using: &generator)),
      "attendance": .record([
        "present": list(1...3) { .record(["title": text(), "names": list(1...3, text)]) },
        "absent": list(0...2) { .record(["title": text(), "name": text(), "reason": text()]) },
      ]),
    ]
    return try template.conform(Minutes(template: template.id, content: content))
  }

  @Test func aStoredDraftSavesLoadsAndSavesToTheSameBytes() throws {
    let template = try TestSupport.template()
    var generator = SplitMix64(seed: 0x5EED_0101)
    var texts = Self.texts(20_000, seed: 0x5EED_0102, normalized: true)
    var failures = 0
    for _ in 0..<200 {
      let file = SessionFile(minutes: try Self.draft(&generator, template: template, texts: &texts), resumeAt: .finished, generation: 3)
      let yaml = try file.yaml()
      var loaded = try SessionFile.parse(yaml, file: "r.yaml")
      loaded.minutes = try template.conform(loaded.minutes)
      if try loaded != file || loaded.yaml() != yaml {
        failures += 1
        if failures == 1 { Issue.record("save → load → save changed the draft:\n\(yaml)") }
      }
    }
    #expect(failures == 0)
  }

  @Test func theCanonicalFormOfAnyDraftIsStable() throws {
    let template = try TestSupport.template()
    var generator = SplitMix64(seed: 0x5EED_0201)
    var texts = Self.texts(20_000, seed: 0x5EED_0202, normalized: false)
    var failures = 0
    for _ in 0..<200 {
      let file = SessionFile(minutes: try Self.draft(&generator, template: template, texts: &texts), resumeAt: .finished, generation: 3)
      let canonical = try file.canonical().yaml()
      var reloaded = try SessionFile.parse(canonical, file: "r.yaml")
      reloaded.minutes = try template.conform(reloaded.minutes)
      if (try reloaded.canonical().yaml()) != canonical {
        failures += 1
        if failures == 1 { Issue.record("fmt changed a file it had written:\n\(canonical)") }
      }
    }
    #expect(failures == 0)
  }
}
