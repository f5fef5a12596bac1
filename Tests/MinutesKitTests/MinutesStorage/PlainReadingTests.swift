import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
@testable import MinutesModel
import MinutesTestSupport

/// A minutes file read straight from its YAML tree (``PlainMinutesFile``) is the file `Codable` reads, or is left to
/// `Codable`: on random drafts whose keys and text are full of what YAML treats specially, written by the snapshot
/// writer and then disturbed by hand (nulls, anchors and aliases, tags, flow style, duplicate keys, other formats).
@Suite struct PlainReadingTests {
  /// `yaml` read as ``SessionFile/parse(_:file:)`` reads it and through `Codable` alone: the same file or the same
  /// error; and whether the plain reading took it.
  static func compare(_ yaml: String) -> (same: Bool, plain: Bool) {
    let plain = (try? YAMLCoding.composed(yaml, file: "p.yaml")).flatMap(PlainMinutesFile.init) != nil
    let fast = Result { try YAMLCoding.decodeMinutesFile(SessionFile.self, from: yaml, file: "p.yaml", plainly: SessionFile.init(plain:)) }
    let slow = Result { try YAMLCoding.decode(SessionFile.self, from: yaml, file: "p.yaml") }
    switch (fast, slow) {
    case (.success(let a), .success(let b)): return (a == b && a.minutes.format == b.minutes.format, plain)
    case (.failure(let a), .failure(let b)): return ("\(a)" == "\(b)", plain)
    default: return (false, plain)
    }
  }

  /// Changes a clerk's editor or another tool might make to a file, each kept to YAML that still parses mostly.
  static let disturbances: [@Sendable (String) -> String] = [
    { $0 },
    { $0.replacingOccurrences(of: "\n  - ", with: "\n  - ~\n  - ") },
    { $0.replacingOccurrences(of: "meeting:", with: "meeting: &m") + "copy: *m\n" },
    { $0.replacingOccurrences(of: "format: 1", with: "format: !!str 1") },
    { $0.replacingOccurrences(of: "format: 1", with: "format: 0") },
    { $0.replacingOccurrences(of: "format: 1", with: "format: ~") },
    { $0.replacingOccurrences(of: "format: 1", with: "format: '1'") },
    { $0.replacingOccurrences(of: "format: 1\n", with: "") },
    { $0.replacingOccurrences(of: "template:", with: "template: !custom") },
    { $0 + "extra: {a: 1, b: [x, ~, 'y']}\n" },
    { $0 + "'quoted': 1\n" },
    { $0 + "yes: 1\n" },
    { $0 + "yamlTag: x\n" },
    { $0 + "list: !!seq [a]\n" },
    { $0 + "empty:\n" },
    { $0 + "generation: 5\n" },
    { $0.replacingOccurrences(of: "resumeAt:", with: "resumeAt: ~\nold:") },
  ]

  /// Keys the plain reading takes (names YAML reads only as text), and some it leaves to the decoder.
  static let plainKeys = ["kind", "subject", "items", "points", "meeting", "otherMatters", "yes2", "nulls", "ON_1"]

  /// A random value (``SnapshotWriterTests/value(_:depth:)``) whose records have keys of `keys`.
  static func value(_ generator: inout SplitMix64, depth: Int, keys: [String]) -> Value {
    switch Int.random(in: 0..<(depth > 3 ? 3 : 6), using: &generator) {
    case 0..<3: return SnapshotWriterTests.value(&generator, depth: 4)
    case 3: return .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(&generator, depth: depth + 1, keys: keys) })
    default:
      var record = Record()
      for _ in 0..<Int.random(in: 0...3, using: &generator) {
        record[keys.randomElement(using: &generator)!] = value(&generator, depth: depth + 1, keys: keys)
      }
      return .record(record)
    }
  }

  @Test func thePlainReadingIsTheDecodersOnRandomDrafts() throws {
    var generator = SplitMix64(seed: 0x9_1A1D)
    var (differing, plain, disturbedPlain) = (0, 0, 0)
    for n in 0..<680 {
      // Every other draft has keys the plain reading takes; the rest, keys of every kind.
      let keys = (n / Self.disturbances.count) % 2 == 0 ? Self.plainKeys : Self.plainKeys + SnapshotWriterTests.keys
      var content = Record()
      for _ in 0..<Int.random(in: 0...4, using: &generator) {
        content[keys.randomElement(using: &generator)!] = Self.value(&generator, depth: 0, keys: keys)
      }
      let resumeAt: SessionFile.ResumePoint = [.firstQuestion, .finished, .at(Address(stored: "items.2.directives.+")!)]
        .randomElement(using: &generator)!
      let file = SessionFile(minutes: Minutes(template: SnapshotWriterTests.text(&generator), content: content), resumeAt: resumeAt,
                             generation: Int.random(in: 0...Int.max, using: &generator))
      let disturbance = n % Self.disturbances.count
      let yaml = Self.disturbances[disturbance](try file.yaml())
      let (same, isPlain) = Self.compare(yaml)
      if !same {
        differing += 1
        if differing <= 3 { Issue.record("draft \(n):\n\(yaml)") }
      }
      if isPlain { if disturbance == 0 { plain += 1 } else { disturbedPlain += 1 } }
    }
    #expect(differing == 0)
    // Both readings were taken: most undisturbed drafts are plain (not those with keys YAML could read otherwise),
    // and many disturbed ones are not.
    #expect(plain > 10 && disturbedPlain < 500)
  }

  /// Realistic drafts (the round-trip test's) are plain and read as `Codable` reads them; the fuzzers' session files
  /// (a format below one, a key that is a list, aliases that expand without end) read as they did.
  @Test func realisticDraftsAreReadPlainlyAndOddFilesAsBefore() throws {
    let template = try TestSupport.template()
    var generator = SplitMix64(seed: 0x9_1A1E)
    var texts = RoundTripPropertyTests.texts(5_000, seed: 0x9_1A1F, normalized: true)
    for _ in 0..<50 {
      let file = SessionFile(minutes: try RoundTripPropertyTests.draft(&generator, template: template, texts: &texts), resumeAt: .finished)
      let (same, plain) = Self.compare(try file.yaml())
      #expect(same && plain)
    }
    let odd = try FileManager.default.contentsOfDirectory(at: TestSupport.fixture("fuzz/session"), includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "yaml" && !$0.lastPathComponent.hasPrefix("aliases") }  // refused before any reading
    #expect(odd.count >= 3)
    for url in odd {
      #expect(Self.compare(try String(contentsOf: url, encoding: .utf8)).same, "\(url.lastPathComponent)")
    }
  }
}
