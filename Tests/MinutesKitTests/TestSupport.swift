import Foundation
import Testing

@testable import MinutesKit

/// Shared helpers for the unit tests: where the package is, the seed fixtures, the built-in template and
/// scripted runs of an ``Assistant``.
enum TestSupport {
  /// The package root, found from this file's path (`<root>/Tests/MinutesKitTests/TestSupport.swift`).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // MinutesKitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

  /// The folder of the seed fixtures, `Tests/Fixtures/seed`.
  static let seedDirectory = packageRoot.appendingPathComponent("Tests/Fixtures/seed", isDirectory: true)

  /// The source folder of the snapshot files, `Tests/MinutesKitTests/Snapshots` (written when recording).
  static let snapshotSourceDirectory = packageRoot.appendingPathComponent(
    "Tests/MinutesKitTests/Snapshots", isDirectory: true)

  /// The path of the built-in template file, `templates/gov-executive.zh-Hant.yaml`.
  static let templateURL = packageRoot.appendingPathComponent("templates/gov-executive.zh-Hant.yaml")

  /// The text of the seed fixture `name` (`published.txt`, `expected.txt`, `session.txt`).
  static func seedText(_ name: String) throws -> String {
    try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
  }

  /// The lines of `text`, without line endings; a final newline does not make an extra empty line.
  static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The text of the built-in template file.
  static func templateText() throws -> String {
    try String(contentsOf: templateURL, encoding: .utf8)
  }

  /// The built-in template, parsed from the repository's YAML file (not from the resource bundle).
  static func template() throws -> Template {
    try TemplateLibrary.parse(templateText(), file: templateURL.path)
  }

  /// A new assistant on empty minutes of the built-in template.
  static func freshAssistant() throws -> Assistant {
    let template = try template()
    return Assistant(template: template, minutes: Minutes(template: template.id))
  }

  /// The lines of the seed session script, up to but not including `:quit`.
  static func seedSessionLines() throws -> [String] {
    let all = lines(try seedText("session.txt"))
    return Array(all.prefix { $0 != ":quit" })
  }

  /// The assistant after the whole seed session (every line before `:quit`).
  static func seedAssistant() throws -> Assistant {
    var assistant = try freshAssistant()
    assistant.run(try seedSessionLines())
    return assistant
  }

  /// The error message the assistant shows for `error`.
  static func message(_ error: AssistantError) -> String {
    error.errorDescription ?? "\(error)"
  }
}

extension Assistant {
  /// Feeds `lines` one by one, as the REPL would; returns each line's response.
  @discardableResult
  mutating func run(_ lines: [String]) -> [Response] {
    lines.map { handle($0) }
  }

  /// Feeds `lines` and records a test issue for every line that was refused.
  mutating func answer(
    _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for line in lines {
      let response = handle(line)
      #expect(!response.isError, "line \(line.debugDescription) refused: \(response.messages)",
              sourceLocation: sourceLocation)
    }
  }
}

/// A tiny deterministic pseudo-random generator (SplitMix64), so that property tests see the same inputs on
/// every run and on every platform.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
