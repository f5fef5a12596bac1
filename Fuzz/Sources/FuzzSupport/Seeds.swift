import Foundation
import MinutesKit
@testable import MinutesStorage

/// The seed corpus of each harness, made at fuzz time from what the package ships, so that it follows the file
/// formats as they change (nothing binary is committed):
/// - templates: `templates/*.yaml` and the YAML examples of `docs/*.md`;
/// - sessions, journals and caches: the example transcripts (`Tests/Fixtures/examples/*.session.txt` and
///   `Tests/Fixtures/seed/session.txt`) drafted through ``DraftingSession`` and ``SessionStore`` into temporary
///   workspaces, whose files are copied every few answers: the first 40 lines over the new session's snapshot
///   (small journals of `perform` lines), then the whole meeting with `:save` (a new snapshot) every 15 answers,
///   so that snapshots of every size and journals over them are kept, and again after the session is resumed and
///   undone in part; plus `Tests/Fixtures/rules/board.yaml`.
enum Seeds {
  /// The package folder: `MINUTES_ROOT`, else the one this file was compiled in.
  static var packageRoot: URL {
    if let root = ProcessInfo.processInfo.environment["MINUTES_ROOT"] { return URL(fileURLWithPath: root, isDirectory: true) }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // Fuzz/Sources/FuzzSupport/Seeds.swift
    return url
  }

  /// Writes the seeds of `target` into `folder`, one file each, named by a hash of the content.
  /// - Returns: how many seeds were written.
  /// - Throws: when a shipped file cannot be read or a seed cannot be written.
  static func write(_ target: Target, into folder: URL) throws -> Int {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let seeds = try make(target)
    for seed in seeds {
      try seed.write(to: folder.appendingPathComponent(String(format: "seed-%016llx", fnv(seed))))
    }
    return seeds.count
  }

  static func make(_ target: Target) throws -> Set<Data> {
    let root = packageRoot
    switch target {
    case .template:
      var seeds = Set(try files(in: root.appendingPathComponent("templates"), ending: ".yaml").map { try Data(contentsOf: $0) })
      for doc in try files(in: root.appendingPathComponent("docs"), ending: ".md") {
        seeds.formUnion(yamlBlocks(in: try String(contentsOf: doc, encoding: .utf8)).map { Data($0.utf8) })
      }
      return seeds
    case .import:
      // The shipped examples and published forms, each also with a page's chrome around it.
      var seeds = Set<Data>()
      for folder in ["examples", "published", "layouts", "council", "seed"] {
        for file in try files(in: root.appendingPathComponent("Tests/Fixtures/\(folder)"), ending: ".txt") where !file.lastPathComponent.contains("session") {
          let text = try String(contentsOf: file, encoding: .utf8)
          for index in 0..<6 {
            // The first byte chooses the template (see Harness.importText): a seed for each.
            seeds.insert(Data([UInt8(index)]) + Data(text.utf8))
          }
          let chrome = "會議報道\n來源：區政府辦公室 發布時間：2024-09-13\n" + text.replacingOccurrences(of: "其他事項", with: "其他事項(xiàng)")
            + "\n▲會議現場\n(完)\n|\n遼ICP備12345678號\n"
          seeds.insert(Data(chrome.utf8))
        }
      }
      return seeds
    case .session, .journal, .cache:
      let drafted = Drafted()
      try draftExamples(root, into: drafted)
      switch target {
      case .session:
        return drafted.snapshots.union([try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/rules/board.yaml"))])
      case .journal: return drafted.journals
      default: return drafted.caches
      }
    }
  }

  /// The files captured while drafting.
  final class Drafted {
    var snapshots: Set<Data> = []
    var journals: Set<Data> = []
    var caches: Set<Data> = []

    /// Copies the session `name`'s files as they are now.
    func capture(_ store: SessionStore, _ name: String) {
      guard let snapshot = FileManager.default.contents(atPath: store.file(for: name).path) else { return }
      snapshots.insert(snapshot)
      if let journal = FileManager.default.contents(atPath: store.journal(for: name).path) {
        journals.insert(Harness.journalInput(snapshot: snapshot, journal: journal))
      }
      if let cache = FileManager.default.contents(atPath: store.cache(for: name).path) { caches.insert(cache) }
    }
  }

  /// Drafts each example transcript, capturing its files along the way, then resumes it and undoes a little.
  static func draftExamples(_ root: URL, into drafted: Drafted) throws {
    let examples = root.appendingPathComponent("Tests/Fixtures/examples")
    var transcripts = try files(in: examples, ending: ".session.txt").map { ($0, String($0.lastPathComponent.dropLast(".session.txt".count))) }
    transcripts.append((root.appendingPathComponent("Tests/Fixtures/seed/session.txt"), "gov-executive.zh-Hant"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-fuzz-seeds-\(getpid())", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (number, (transcript, id)) in transcripts.enumerated() {
      let lines = try String(contentsOf: transcript, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
      // The first answers over the snapshot of the new session (small inputs, mostly `perform` lines)…
      try draft(lines.prefix(40), id: id, in: folder.appendingPathComponent("\(number)-start"), every: 5, saving: false, into: drafted)
      // …then the whole meeting, with a new snapshot every 15 answers, resumed and undone in part.
      try draft(lines[...], id: id, in: folder.appendingPathComponent("\(number)"), every: 15, saving: true, into: drafted)
    }
  }

  /// Drafts `lines` as a new session of the template `id` in the workspace `folder`, capturing its files before
  /// every `every`-th line (and, when `saving`, typing `:save` there) and at the end; with `saving`, then resumes the
  /// session, undoes, redoes and edits a little, capturing again.
  static func draft(_ lines: ArraySlice<String>, id: String, in folder: URL, every: Int, saving: Bool, into drafted: Drafted) throws {
    let workspace = Workspace(url: folder)
    try FileManager.default.createDirectory(at: workspace.store.directory, withIntermediateDirectories: true)
    let template = try workspace.templates.template(id: id)
    let name = "x"
    let file = SessionFile(minutes: Minutes(template: template.id))
    try workspace.store.create(file, name: name)
    var output = Discarded()
    let reader = CapturingReader(Array(lines), every: every, saving: saving) { drafted.capture(workspace.store, name) }
    var session = DraftingSession(assistant: Assistant(template: template, minutes: file.minutes), store: workspace.store, name: name)
    session.run(reader: reader, output: &output)
    drafted.capture(workspace.store, name)
    guard saving else { return }

    let draft = try workspace.openSession(name)
    let assistant = Assistant(template: draft.template, state: draft.state(interview: Interview(template: draft.template)))
    var resumed = DraftingSession(assistant: assistant, store: workspace.store, name: name)
    resumed.isResumed = true
    let edits = [":undo", ":undo", ":undo", ":redo", ":goto 1", "x", ":delete 1", ":undo", ":move 2 1", ":undo", ":undo"]
    resumed.run(reader: CapturingReader(edits, every: 4, saving: true) { drafted.capture(workspace.store, name) }, output: &output)
    drafted.capture(workspace.store, name)
  }

  /// Reads `lines` one by one; before every `every`-th line, and at the end, captures the session's files, then
  /// (when `saving`) types `:save`, which writes a new snapshot, before going on.
  final class CapturingReader: LineReader {
    var lines: ArraySlice<String>
    let every: Int
    let saving: Bool
    let capture: () -> Void
    var read = 0
    var capturedAt = -1

    init(_ lines: [String], every: Int, saving: Bool, capture: @escaping () -> Void) {
      (self.lines, self.every, self.saving, self.capture) = (lines[...], every, saving, capture)
    }

    var isInteractive: Bool { false }

    func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
      guard let line = lines.first else {
        capture()
        return .endOfInput
      }
      if read > 0, read % every == 0, capturedAt != read {
        capture()
        capturedAt = read
        if saving { return .line(":save") }
      }
      lines.removeFirst()
      read += 1
      return .line(line)
    }
  }

  struct Discarded: TextOutputStream {
    mutating func write(_ string: String) {}
  }

  /// The fenced ```yaml blocks of a Markdown text.
  static func yamlBlocks(in markdown: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line.hasPrefix("```yaml") {
        current = []
      } else if current != nil, line.hasPrefix("```") {
        blocks.append(current!.joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  static func files(in folder: URL, ending suffix: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(suffix) }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  /// 64-bit FNV-1a, to name seeds by their content.
  static func fnv(_ data: Data) -> UInt64 {
    data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
  }
}
