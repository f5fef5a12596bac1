import Foundation
import Testing

import MinutesKit

/// Shared helpers for the tests (unit and end to end): where the package is, the fixtures, the built-in
/// template, temporary workspaces, drafts built from ``Value`` literals, scripted runs of an ``Assistant`` and a
/// seeded random generator.
public enum TestSupport {
  /// The package root, found from this file's path (`<root>/Tests/MinutesTestSupport/TestSupport.swift`).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // MinutesTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root

  /// The folder of the seed fixtures, `Tests/Fixtures/seed`.
  public static let seedDirectory = packageRoot.appendingPathComponent("Tests/Fixtures/seed", isDirectory: true)

  /// The source folder of the snapshot files, `Tests/MinutesKitTests/Snapshots` (written when recording).
  public static let snapshotSourceDirectory = packageRoot.appendingPathComponent(
    "Tests/MinutesKitTests/Snapshots", isDirectory: true)

  /// The built-in template's source file, `templates/gov-executive.zh-Hant.yaml`
  /// (also reachable as `templates/…` through the repository's symbolic link). The tests read it from the
  /// sources, not from the resource bundle beside a built executable, so they see the template as checked in.
  public static let templateURL = packageRoot.appendingPathComponent(
    "templates/gov-executive.zh-Hant.yaml")

  /// The id of the built-in template.
  public static let templateID = "gov-executive.zh-Hant"

  /// A fixture file's URL under `Tests/Fixtures`, e.g. `rules/board.yaml`.
  public static func fixture(_ path: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(path)
  }

  /// A new empty folder in the temporary directory, named `minutes-PURPOSE-<uuid>`; the caller removes it.
  public static func temporaryWorkspace(_ purpose: String = "test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-\(purpose)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A file's bytes, inode and modification time: what a write would change.
  public typealias FileStamp = (data: Data, inode: Int, modified: Date)

  /// Every file of `folder` but its locks, with its bytes, inode and modification time.
  public static func fileStamps(in folder: URL) throws -> [String: FileStamp] {
    var files: [String: FileStamp] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix(".lock") {
      let url = folder.appendingPathComponent(name)
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      files[name] = (try Data(contentsOf: url), attributes[.systemFileNumber] as? Int ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
    }
    return files
  }

  /// Whether two ``fileStamps(in:)`` hold the same files, none of them written since.
  public static func same(_ a: [String: FileStamp], _ b: [String: FileStamp]) -> Bool {
    a.keys.sorted() == b.keys.sorted() && a.allSatisfy { name, file in
      b[name].map { $0.data == file.data && $0.inode == file.inode && $0.modified == file.modified } == true
    }
  }

  /// The text of the seed fixture `name` (`published.txt`, `expected.txt`, `session.txt`).
  public static func seedText(_ name: String) throws -> String {
    try String(contentsOf: seedDirectory.appendingPathComponent(name), encoding: .utf8)
  }

  /// The lines of `text`, without line endings; a final newline does not make an extra empty line.
  public static func lines(_ text: String) -> [String] {
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The text of the built-in template file.
  public static func templateText() throws -> String {
    try String(contentsOf: templateURL, encoding: .utf8)
  }

  /// The built-in template, parsed from the repository's YAML file (not from the resource bundle).
  public static func template() throws -> Template {
    try TemplateLibrary.parse(templateText(), file: templateURL.path)
  }

  /// The built-in template `id`, as the program loads it (embedded from `templates/`, byte for byte the files
  /// there, which `TemplateTests` checks), merged over what it extends.
  public static func template(id: String) throws -> Template {
    try TemplateLibrary().template(id: id)
  }

  /// The stored address `text` (e.g. `items.2.directives.1.points.+`); records an issue and gives the root when
  /// it is not one.
  public static func at(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Address {
    guard let address = Address(stored: text) else {
      Issue.record("`\(text)` is not a stored address", sourceLocation: sourceLocation)
      return .root
    }
    return address
  }

  /// Minutes of the built-in template with `content`, conformed to it (typed and in the template's order), as a
  /// draft read from a file is.
  public static func draft(_ content: Record) throws -> Minutes {
    try template().conform(Minutes(template: templateID, content: content))
  }

  /// A new assistant on empty minutes of the built-in template.
  public static func freshAssistant() throws -> Assistant {
    let template = try template()
    return Assistant(template: template, minutes: Minutes(template: template.id))
  }

  /// The lines of the seed session script, up to but not including `:quit`.
  public static func seedSessionLines() throws -> [String] {
    let all = lines(try seedText("session.txt"))
    return Array(all.prefix { $0 != ":quit" })
  }

  /// The assistant after the whole seed session (every line before `:quit`).
  public static func seedAssistant() throws -> Assistant {
    var assistant = try freshAssistant()
    assistant.run(try seedSessionLines())
    return assistant
  }

  /// The built-in templates and their example meetings: the seed for `gov-executive.zh-Hant`, the transcript
  /// `Tests/Fixtures/examples/ID.session.txt` (whose text export is `ID.txt`) for the others.
  public static let builtInTemplates = [
    "gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans",
    "board-meeting.en", "team-meeting.en",
  ]

  /// The assistant after the example meeting of the built-in template `id` (every line before `:quit`).
  public static func exampleAssistant(_ id: String) throws -> Assistant {
    if id == templateID { return try seedAssistant() }
    let template = try template(id: id)
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let all = lines(try String(contentsOf: fixture("examples/\(id).session.txt"), encoding: .utf8))
    assistant.run(Array(all.prefix { $0 != ":quit" }))
    return assistant
  }

  /// The text export of the example meeting of the built-in template `id`, as committed.
  public static func exampleText(_ id: String) throws -> String {
    if id == templateID { return try seedText("expected.txt") }
    return try String(contentsOf: fixture("examples/\(id).txt"), encoding: .utf8)
  }

  /// The error message the assistant shows for `error`.
  public static func message(_ error: AssistantError) -> String {
    error.errorDescription ?? "\(error)"
  }
}

extension Assistant {
  /// Feeds `lines` one by one, as the REPL would; returns each line's response.
  @discardableResult
  public mutating func run(_ lines: [String]) -> [Response] {
    lines.map { handle($0) }
  }

  /// Feeds `lines` and records a test issue for every line that was refused.
  public mutating func answer(
    _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for line in lines {
      let response = handle(line)
      #expect(!response.isError, "line \(line.debugDescription) refused: \(response.messages)",
              sourceLocation: sourceLocation)
    }
  }

  /// The address a clerk types as `text` (`2.1.3`, `date`, `present.+`), in this assistant's template.
  public func address(_ text: String) -> Address? { template.address(parsing: text) }
}

extension Minutes {
  /// The value at the stored address `text` (`meeting.date`, `items.1.directives.1.points`).
  public subscript(_ text: String) -> Value? {
    Address(stored: text).flatMap { value(at: $0) }
  }

  /// The text at the stored address `text`, when it is text.
  public func text(_ text: String) -> String? { self[text]?.text }

  /// The entries of the list of texts at the stored address `text` (empty when there is none).
  public func texts(_ text: String) -> [String] {
    (self[text]?.list ?? []).map { $0.scalarText ?? "\($0)" }
  }

  /// The part `key` of every entry of the list of records at the stored address `list` (`nil` where not set).
  public func column(_ list: String, _ key: String) -> [String?] {
    (self[list]?.list ?? []).map { $0.record?[key]?.scalarText }
  }
}

// Literals for drafts: `["date": "2022-05-20", "term": 10, "items": [["kind": "審議"]]]`.
extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(stringLiteral value: String) { self = .text(value) }
  public init(integerLiteral value: Int) { self = .number(value) }
  public init(booleanLiteral value: Bool) { self = .flag(value) }
  public init(arrayLiteral elements: Value...) { self = .list(elements) }
  public init(dictionaryLiteral elements: (String, Value)...) {
    var record = Record()
    for (key, value) in elements { record[key] = value }
    self = .record(record)
  }
}

/// Lines fed to a drafting loop as a pipe would, one per `readLine`; then the end of input.
public final class ScriptedLineReader: LineReader {
  /// The lines not read yet.
  public private(set) var lines: [String]

  /// A reader of `lines`.
  public init(_ lines: [String]) { self.lines = lines }

  public var isInteractive: Bool { false }

  public func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
    lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
  }
}

/// A tiny deterministic pseudo-random generator (SplitMix64), so that property tests see the same inputs on
/// every run and on every platform.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A program found on the `PATH`, for the tests that use one where it is installed (python3, LibreOffice).
public enum Tool {
  /// The path of the program `name` on the `PATH`, or `nil` when it is not installed.
  public static func path(_ name: String) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs the program at `path` with `arguments` in `directory`, and gives its status and its standard output and
  /// error together (through a file, so that no pipe fills up).
  public static func run(_ path: String, _ arguments: [String], in directory: URL? = nil,
                         environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-tool-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
  }
}
