import Foundation
import Testing

import MinutesKit

extension TestSupport {
  /// The six built-in templates, each with an example meeting: the seed for `gov-executive.zh-Hant`, the
  /// transcripts of `Tests/Fixtures/examples/` for the others.
  public static let exampleTemplates = [
    "gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans",
    "board-meeting.en", "team-meeting.en",
  ]

  /// Where the example of `template` and its exports live, without the extension: `seed/expected` for
  /// `gov-executive.zh-Hant` (beside `expected.txt`), `examples/ID` for the others (beside `ID.txt`).
  public static func exampleFixture(_ template: String) -> URL {
    template == templateID ? fixture("seed/expected") : fixture("examples/\(template)")
  }

  /// The example draft of the built-in `template`, drafted in process by an assistant fed its transcript (every
  /// line before `:quit`), as the clerk typed it.
  public static func example(_ template: String) throws -> (template: Template, minutes: Minutes) {
    let transcript = template == templateID
      ? try seedText("session.txt")
      : try String(contentsOf: fixture("examples/\(template).session.txt"), encoding: .utf8)
    let loaded = try self.template(id: template)
    var assistant = Assistant(template: loaded, minutes: Minutes(template: loaded.id))
    assistant.run(lines(transcript).prefix { $0 != ":quit" }.map { $0 })
    return (loaded, assistant.minutes)
  }
}

/// Runs the test scripts of `Tests/Python` with the machine's `python3`, for the checks that use an
/// independent reader from PyPI (a CommonMark parser, a JSON Schema validator), which `.ci/run` installs.
public enum Python {
  /// What a run gave.
  public struct Result: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output, as UTF-8.
    public var output: String
    /// Standard error, as UTF-8.
    public var errors: String
  }

  /// Whether the tests needing `modules` should run: when `python3` has them, and always under CI (`CI` set), where
  /// `.ci/run` installed them and a missing one must fail rather than skip.
  public static func enabled(_ modules: String...) -> Bool {
    ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } == true
      || (try? run(["-c", modules.map { "import \($0)" }.joined(separator: "; ")]))?.status == 0
  }

  /// Runs the test script `name` of `Tests/Python` with `arguments` and `input`; records an issue with its
  /// standard error when it fails, and returns its standard output parsed as JSON (`nil` when it is not).
  public static func json(_ name: String, _ arguments: [String] = [], input: String) throws -> Any? {
    let result = try run([script(name)] + arguments, input: Data(input.utf8))
    guard result.status == 0 else {
      Issue.record("\(name) exited with \(result.status): \(result.errors)")
      return nil
    }
    return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
  }

  /// The path of the test script `name` in `Tests/Python`.
  public static func script(_ name: String) -> String {
    TestSupport.packageRoot.appendingPathComponent("Tests/Python/\(name)").path
  }

  /// Runs `python3 arguments…` with `input` on standard input.
  public static func run(_ arguments: [String], input: Data = Data()) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONIOENCODING"] = "utf-8"
    process.environment = environment
    // Through files, so that no pipe can fill up and block either side.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-python-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let files = ["stdin", "stdout", "stderr"].map { scratch.appendingPathComponent($0) }
    try input.write(to: files[0])
    for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
    process.standardInput = try FileHandle(forReadingFrom: files[0])
    process.standardOutput = try FileHandle(forWritingTo: files[1])
    process.standardError = try FileHandle(forWritingTo: files[2])
    try process.run()
    process.waitUntilExit()
    return Result(status: process.terminationStatus,
                  output: String(decoding: try Data(contentsOf: files[1]), as: UTF8.self),
                  errors: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
  }
}
