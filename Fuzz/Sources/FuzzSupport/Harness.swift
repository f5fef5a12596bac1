import CFuzzer
import Foundation
@testable import MinutesKit
@testable import MinutesModel
@testable import MinutesStorage

/// What a harness fuzzes: one kind of file minutes reads.
public enum Target: String, CaseIterable, Sendable {
  /// A template file, as `minutes templates check FILE` loads it (YAML, `extends`, the checker, Mustache).
  case template
  /// A session's snapshot `sessions/NAME.yaml`, as `minutes resume`, `check`, `export` and `fmt` open it.
  case session
  /// A session's journal `sessions/NAME.journal` over its snapshot, as a resume reads and replays it.
  case journal
  /// A session's cache `sessions/.NAME.cache`, as its decoder reads it.
  case cache
  /// A published minutes text, as `minutes import FILE` reads it (page chrome, then a template read backwards).
  case `import`
}

/// The fuzz harnesses: what each does with one input, through the entry points the program uses, so that a change
/// of a file format changes what the seeds hold, not the harness.
///
/// A harness fails (and libFuzzer keeps the input) on a crash, a trap, a hang (`-timeout`), or one of the few
/// properties the program promises and checks here: a template that loads can be drafted with; a snapshot read
/// straight from its YAML tree is the decoder's reading; `minutes fmt` of its own output changes nothing; a session
/// written when resumed reads back the same; a cache re-encoded reads back the same; a draft written as a snapshot
/// reads back the same.
public enum Harness {
  /// The scratch workspace of this process, made by ``main(_:)``.
  nonisolated(unsafe) static var scratch: Scratch?

  /// The harness libFuzzer calls.
  nonisolated(unsafe) static var target = Target.template

  /// The program `fuzz-TARGET`: with `--seeds DIR`, writes the seed corpus of `target` into `DIR` (see ``Seeds``);
  /// else runs libFuzzer with the command line (flags such as `-runs=N`, `-max_total_time=S`, and corpus folders).
  /// Never returns.
  public static func main(_ target: Target) -> Never {
    let arguments = CommandLine.arguments
    if arguments.count == 3, arguments[1] == "--seeds" {
      do {
        let count = try Seeds.write(target, into: URL(fileURLWithPath: arguments[2], isDirectory: true))
        print("fuzz-\(target.rawValue): \(count) seeds in \(arguments[2])")
        exit(0)
      } catch {
        FileHandle.standardError.write(Data("fuzz-\(target.rawValue): no seeds: \(error)\n".utf8))
        exit(1)
      }
    }
    self.target = target
    scratch = Scratch(target)
    atexit { Harness.scratch?.remove() }
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in Harness.run(Harness.target, data, size) })
  }

  /// Runs `target` on the `size` bytes at `data`.
  /// - Returns: 0 (libFuzzer keeps the input when it adds coverage).
  public static func run(_ target: Target, _ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard let scratch else { return 0 }
    scratch.reset()
    switch target {
    case .template: template(bytes, in: scratch)
    case .session: session(bytes, in: scratch)
    case .journal: journal(bytes, in: scratch)
    case .cache: cache(bytes, in: scratch)
    case .import: importText(bytes)
    }
    return 0
  }

  // MARK: - The four harnesses

  /// `minutes templates check FILE`: the bytes as a template file named after the id it declares (as an office
  /// would save it), loaded with the built-in templates to extend; a template that loads is then drafted with.
  static func template(_ data: Data, in scratch: Scratch) {
    let url = scratch.templateFolder.appendingPathComponent("\(declaredID(in: data) ?? "fuzz").yaml")
    guard put(data, at: url) else { return }
    let library = TemplateLibrary(workspace: scratch.workspace)
    let template: Template
    do {
      template = try library.load(contentsOf: url)
    } catch {
      _ = error.message(english)
      return
    }
    draft(with: template)
  }

  /// `minutes resume`, `check`, `export` and `fmt`: the bytes as the snapshot `sessions/x.yaml` of a
  /// session with no journal or cache.
  static func session(_ data: Data, in scratch: Scratch) {
    if let yaml = String(data: data, encoding: .utf8) { plainReading(yaml) }
    let file = scratch.sessions.appendingPathComponent("x.yaml")
    guard put(data, at: file),
      let (draft, template) = open("x", in: scratch, checking: true)
    else { return }
    formatAgain(draft, template: template, in: scratch)
  }

  /// A snapshot read straight from its YAML tree (``PlainMinutesFile``) is the file the decoder reads, or is left to
  /// the decoder: the same file, or the same error.
  static func plainReading(_ yaml: String) {
    let plain = Result { try YAMLCoding.decodeMinutesFile(SessionFile.self, from: yaml, file: "x.yaml", plainly: SessionFile.init(plain:)) }
    let decoded = Result { try YAMLCoding.decode(SessionFile.self, from: yaml, file: "x.yaml") }
    switch (plain, decoded) {
    case (.success(let a), .success(let b)) where a == b && a.minutes.format == b.minutes.format: return
    case (.failure(let a), .failure(let b)) where "\(a)" == "\(b)": return
    default: fatalError("a snapshot read plainly is not the decoder's reading:\n\(yaml)\n----\n\(plain)\n----\n\(decoded)")
    }
  }

  /// `minutes resume`: the bytes are a snapshot, a NUL byte and a journal (without a NUL, all journal over the
  /// snapshot of a new `gov-executive.zh-Hant` session), written as `sessions/x.yaml` and `sessions/x.journal`
  /// and opened: the journal parsed and replayed onto the snapshot, the draft conformed and resumed. The journal
  /// is opened as read, then with the checksum after the last tab of each line made right, so that the fuzzer
  /// reaches the records behind the checksums (lines without a tab stay as they are: a journal from before
  /// checksums).
  static func journal(_ data: Data, in scratch: Scratch) {
    let (snapshot, journal) = splitJournalInput(data)
    let signed = resigned(journal)
    for bytes in signed == journal ? [journal] : [journal, signed] {
      scratch.reset()
      guard put(snapshot, at: scratch.sessions.appendingPathComponent("x.yaml")),
        put(bytes, at: scratch.sessions.appendingPathComponent("x.journal"))
      else { return }
      open("x", in: scratch, checking: false)
    }
  }

  /// `minutes import FILE`: the bytes as UTF-8 text, its page chrome removed, read with one built-in template
  /// (chosen by the first byte) within a small budget of steps (20,000 per reading, one line set aside at most). Properties: nothing is lost (every line of the
  /// text read is printed back by the draft's export, or kept as unparsed), and a reading said to reproduce the
  /// text does.
  static func importText(_ data: Data) {
    guard let text = String(data: data, encoding: .utf8) else { return }
    let ids = ["gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans", "board-meeting.en", "team-meeting.en"]
    guard let template = builtIn(ids[Int(data.first ?? 0) % ids.count]) else { return }
    let body = PageChrome.strip(text).text
    // A small budget: the harness looks for crashes and lost lines, not for the best reading of a long text.
    guard let reading = Importer.read(body, template: template, maxUnparsed: 1, budget: 20_000) else { return }
    guard reading.linesRead > 0, let exported = try? TextExporter().export(reading.minutes, template: template) else { return }
    if reading.reproduces {
      // The lines kept are left out by their number in the text, not by their place among the lines read: a blank
      // line left out before one kept moves it up (CI's fuzzing, stop 36), and the same text may be read elsewhere.
      let kept = Set(reading.unparsed.map(\.line))
      let expected = Importer.lines(body, template: template).filter { !kept.contains($0.number) }.map(\.text) + [""]
      let printed = exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if printed != expected {
        fatalError("import: a reading said to reproduce the text does not:\n\(exported)\n---\n\(expected.joined(separator: "\n"))")
      }
    }
  }

  /// `journal` with the checksum of each line that has a tab made right: the text after its last tab replaced by
  /// the ``Checksum`` of the bytes before it.
  static func resigned(_ journal: Data) -> Data {
    let tab = UInt8(ascii: "\t")
    let lines = journal.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
      guard let last = line.lastIndex(of: tab) else { return Data(line) }
      return Data(line[...last]) + Data(Checksum.hex(line[..<last]).utf8)
    }
    return Data(lines.joined(separator: [UInt8(ascii: "\n")]))
  }

  /// The cache decoder: the bytes as read (most damaged ones fail the checksum), then with their checksum made
  /// right, so that the fuzzer reaches the decoding behind it. A cache that reads is re-encoded and must read back
  /// the same, then is conformed to its template and resumed as the program would.
  static func cache(_ data: Data, in scratch: Scratch) {
    _ = SnapshotCache(data: data)
    _ = SnapshotCache.header(of: data)
    guard data.count >= 8 else { return }
    var bytes = [UInt8](data.dropLast(8))
    withUnsafeBytes(of: Checksum.of(bytes).littleEndian) { bytes += $0 }
    guard let cache = SnapshotCache(data: Data(bytes)) else { return }
    guard let again = SnapshotCache(data: cache.data()) else {
      fatalError("a cache written for a cache that reads does not read")
    }
    guard again.file == cache.file, again.generation == cache.generation, again.size == cache.size,
      again.inode == cache.inode, again.modified.bitPattern == cache.modified.bitPattern, again.annex == cache.annex
    else { fatalError("a cache re-encoded reads back differently: \(cache.file) became \(again.file)") }
    // Its annex replaced, it is the same cache with the new annex.
    let annex: [UInt8] = [0x4D, 0x4E, 0x49]
    guard let replaced = SnapshotCache.replacingAnnex(in: Data(bytes), with: annex).flatMap(SnapshotCache.init(data:)),
      replaced.file == cache.file, replaced.generation == cache.generation, replaced.annex == annex
    else { fatalError("a cache whose annex was replaced does not read back with it: \(cache.file)") }
    guard let template = builtIn(cache.file.minutes.template) else { return }
    let minutes: Minutes
    do {
      minutes = try template.conform(cache.file.minutes)
    } catch {
      _ = error.message(template.messages)
      return
    }
    var file = cache.file
    file.minutes = minutes
    resume(Assistant(template: template, minutes: minutes, resumeAt: file.resumeAt), template: template)
    // The annex read as the draft's index (``DraftIndex/savedChunks(_:for:)``), under this program's key for the
    // template so that the reader gets past it: whatever counts it holds, the assistant must not fail on them.
    if let key = DraftIndex.savedKey(for: template), cache.annex.count >= 4 + 8 * key.count {
      var saved = DraftIndex.savedMagic
      for number in key { withUnsafeBytes(of: number.littleEndian) { saved += $0 } }
      saved += cache.annex.dropFirst(4 + 8 * key.count)
      let cursor = Interview(template: template).resumePoint(for: file.resumeAt, in: minutes)
      resume(Assistant(template: template, state: DraftState(minutes: minutes, cursor: cursor), savedIndex: saved),
             template: template)
    }
    // The cache decoder does not look at the format number (the YAML reader refuses a newer one): a newer format
    // read from a cache is not this format, so it is not written back as YAML here.
    if file.minutes.format <= Minutes.currentFormat { snapshotRoundTrip(file, template: template, in: scratch) }
  }

  // MARK: - What the program does with what it read

  /// Opens the session `name` as `minutes resume` does (the steps of `Workspace.openSession`: the store loads the
  /// snapshot, from its cache when current, and replays the journal; the draft is conformed to its template, with
  /// a recovery offered from the last good snapshot when the file is unreadable), up to its first question; with
  /// `checking`, shows its first prompt (with the count of open errors), then checks and exports it as
  /// `minutes check` and `minutes export --draft` do. Then, as `minutes resume` does before its first prompt, the
  /// store writes the draft as a new snapshot with its undo history (see ``compactAndReopen(_:_:state:template:)``).
  /// Returns the conformed draft and its template.
  ///
  /// The template comes from ``builtIn(_:)``, loaded once per process: loading a template costs more than all the
  /// rest, and the template is not what this harness fuzzes. The journal harness does not check or export: any
  /// draft a journal leads to can be written as a snapshot, which the session harness checks and exports.
  @discardableResult
  static func open(_ name: String, in scratch: Scratch, checking: Bool) -> (SessionFile, Template)? {
    let store = SessionStore(workspace: scratch.workspace)
    let messages = SessionStore.templateID(ofFileAt: store.file(for: name)).flatMap(builtIn)?.messages ?? english
    let loaded: LoadedSession
    do {
      loaded = try store.loadState(name: name)
    } catch {
      if case SessionError.unreadable(let problem) = error, store.lastGoodSnapshot(name: name) != nil {
        _ = SessionError.recoverable(problem, name: name).message(messages)
      } else {
        _ = error.message(messages)
      }
      return nil
    }
    guard let template = builtIn(loaded.file.minutes.template) else { return nil }
    for problem in loaded.problems { _ = problem.message(template.messages) }
    let path = store.file(for: name).path
    var session = loaded
    do {
      session.file.minutes = try template.conform(loaded.file.minutes, yaml: try? String(contentsOfFile: path, encoding: .utf8), file: path)
    } catch {
      _ = error.message(template.messages)
      return nil
    }
    let state = session.state(interview: Interview(template: template))
    let assistant = Assistant(template: template, state: state)
    if checking {
      resume(assistant, template: template)
    } else {
      _ = assistant.question
      _ = assistant.completions(for: "")
    }
    compactAndReopen(store, name, state: state, template: template)
    return (session.file, template)
  }

  /// `minutes resume` writes the draft it opened as a new snapshot (generation + 1), its cache and a journal
  /// holding its undo history; opened again (from the cache: the cache harness checks that a cache and its
  /// snapshot hold the same draft), the session is the same: the same draft, resume point and undo history.
  static func compactAndReopen(_ store: SessionStore, _ name: String, state: DraftState, template: Template) {
    do {
      try store.compact(state, name: name, keepingChanges: false)
    } catch {
      _ = error.message(template.messages)
      return
    }
    let resumeAt = state.cursor.map(SessionFile.ResumePoint.at) ?? .finished
    do {
      var again = try store.loadState(name: name)
      again.file.minutes = try template.conform(again.file.minutes)
      guard again.file.minutes == state.minutes, again.file.resumeAt == resumeAt, again.undoStack == state.undoStack,
        again.redoStack == state.redoStack, again.problems.isEmpty
      else {
        fatalError("""
          a session written when resumed reads back as another: \(again.problems.map { $0.errorDescription ?? "" })
          \((try? SessionFile(minutes: state.minutes, resumeAt: resumeAt).yaml()) ?? "")----
          \((try? again.file.yaml()) ?? "")
          """)
      }
    } catch {
      fatalError("a session written when resumed does not open: \(error.message(english))")
    }
  }

  /// The built-in template `id`, loaded once per process; `nil` when there is none.
  static func builtIn(_ id: String) -> Template? {
    if let known = builtIns[id] { return known }
    guard TemplateLibrary.builtIns[id] != nil, let template = try? TemplateLibrary().template(id: id) else { return nil }
    builtIns[id] = template
    return template
  }

  /// The built-in templates loaded so far, by id.
  nonisolated(unsafe) static var builtIns: [String: Template] = [:]

  /// The first prompt of a resumed session, its checks and its export.
  static func resume(_ assistant: Assistant, template: Template) {
    _ = assistant.question
    _ = assistant.prompt
    _ = assistant.prefill
    _ = assistant.completions(for: "")
    let interview = Interview(template: template)
    _ = interview.progress(in: assistant.minutes)
    for address in interview.missing(in: assistant.minutes).prefix(5) { _ = interview.label(of: address, in: assistant.minutes) }
    _ = Validator(template: template).findings(in: assistant.minutes).map(\.message)
    _ = try? Workspace.export(assistant.minutes, template: template, allowErrors: true, to: nil, sessions: URL(fileURLWithPath: "/nonexistent"))
  }

  /// A template that loads (`minutes templates check` says ok) is one a clerk can draft with: its outline, a short
  /// session of answers and commands, the checks and the export.
  static func draft(with template: Template) {
    _ = Interview(template: template).outline()
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    for line in answers {
      _ = assistant.prompt
      _ = assistant.completions(for: "")
      _ = assistant.handle(line)
    }
    resume(assistant, template: template)
  }

  /// Answers and commands that fit most questions of most templates, typed one after another.
  static let answers = [
    "2024-05-20", "下午", "14:30", "Annual meeting", "3", "yes", "x", "", "審議", "要堅持原則,做好工作", "", "",
    ":show", ":check", ":add item 新議題", ":undo", ":redo", ":goto 1", "y", ":edit 1 z", ":move 1 1", ":delete 1",
    ":undo", "",
  ]

  /// `minutes fmt` of what `minutes fmt` wrote (the steps of `Workspace.canonicalForm(of:)`: parse, conform,
  /// canonical YAML) changes nothing. `file` is a session file read with no journal or cache, as `fmt` reads it.
  static func formatAgain(_ file: SessionFile, template: Template, in scratch: Scratch) {
    guard let first = try? file.canonical().yaml() else { fatalError("a conformed draft cannot be written as YAML") }
    do {
      var again = try SessionFile.parse(first, file: "formatted.yaml")
      again.minutes = try template.conform(again.minutes, yaml: first, file: "formatted.yaml")
      let second = try again.canonical().yaml()
      if second != first { fatalError("`minutes fmt` of its own output changes it:\n\(first)\n----\n\(second)") }
    } catch {
      fatalError("`minutes fmt` wrote a file it cannot read back (\(error.message(english))):\n\(first)")
    }
  }

  /// A draft written as a snapshot (the text compaction writes, normalized as the editor leaves it) reads back as
  /// the same draft.
  static func snapshotRoundTrip(_ file: SessionFile, template: Template, in scratch: Scratch) {
    let canonical = file.canonical()
    guard let yaml = try? canonical.yaml() else { fatalError("a conformed draft cannot be written as YAML") }
    do {
      var read = try SessionFile.parse(yaml, file: "x.yaml")
      read.minutes = try template.conform(read.minutes, yaml: yaml, file: "x.yaml")
      guard read == canonical else {
        fatalError("a snapshot reads back as another draft:\n\(yaml)\n----\n\((try? read.yaml()) ?? "\(read)")")
      }
    } catch {
      fatalError("a snapshot minutes writes does not read back (\(error.message(english))):\n\(yaml)")
    }
  }

  // MARK: - Inputs

  /// Writes `data` as the file at `url`, without the `fsync` of `Data.write` (the scratch folder is thrown away).
  static func put(_ data: Data, at url: URL) -> Bool {
    writeFile(url.path, data)
  }

  static let english = Messages(language: "en")

  /// The id a template's text declares on a line of its own (`id: NAME`), when it can name a file.
  static func declaredID(in data: Data) -> String? {
    for line in data.split(separator: UInt8(ascii: "\n")).prefix(64) where line.starts(with: Array("id:".utf8)) {
      let id = String(decoding: line.dropFirst(3), as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " '\"\r\t"))
      guard !id.isEmpty, id.utf8.count <= 100, !id.hasPrefix("."),
        id.unicodeScalars.allSatisfy({ $0 != "/" && $0 != "\\" && $0.value >= 0x20 && $0.value != 0x7F })
      else { return nil }
      return id
    }
    return nil
  }

  /// The snapshot of a new session, for journal inputs without their own.
  static let newSessionSnapshot = Data("format: 1\ntemplate: gov-executive.zh-Hant\ngeneration: 1\n".utf8)

  /// A journal input split at its first NUL into snapshot and journal; without one, the snapshot of a new session.
  static func splitJournalInput(_ data: Data) -> (snapshot: Data, journal: Data) {
    guard let nul = data.firstIndex(of: 0) else { return (newSessionSnapshot, data) }
    return (data[data.startIndex..<nul], data[(nul + 1)...])
  }

  /// A journal input: `snapshot`, a NUL byte, `journal`.
  static func journalInput(snapshot: Data, journal: Data) -> Data { snapshot + Data([0]) + journal }
}

/// A harness's scratch folder, made once per process and emptied before each input: a workspace with an empty
/// `sessions/` (no `templates/`: only the built-in ones are found), and beside it a folder for template files.
/// It is in `MINUTES_FUZZ_SCRATCH`, else in `/dev/shm` where there is one (the program `fsync`s what it writes,
/// which costs a disk flush per input elsewhere), else in the temporary folder.
final class Scratch: @unchecked Sendable {
  let root: URL
  var workspace: URL { root.appendingPathComponent("workspace", isDirectory: true) }
  var sessions: URL { workspace.appendingPathComponent("sessions", isDirectory: true) }
  var templateFolder: URL { root.appendingPathComponent("checked", isDirectory: true) }

  init(_ target: Target) {
    let environment = ProcessInfo.processInfo.environment["MINUTES_FUZZ_SCRATCH"]
    let memory = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
    let base = environment.map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? (FileManager.default.isWritableFile(atPath: memory.path) ? memory : FileManager.default.temporaryDirectory)
    root = base.appendingPathComponent("minutes-fuzz-\(target.rawValue)-\(getpid())", isDirectory: true)
    // The folders of harnesses that were stopped by a signal, which leaves no time to remove them.
    for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix("minutes-fuzz-") {
      if let pid = name.split(separator: "-").last.flatMap({ pid_t($0) }), kill(pid, 0) != 0, errno == ESRCH {
        try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
      }
    }
    try? FileManager.default.removeItem(at: root)
    reset()
  }

  /// Empties the session and template folders (a harness's input may leave copies kept aside).
  func reset() {
    for folder in [sessions, templateFolder] {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
  }

  func remove() { try? FileManager.default.removeItem(at: root) }
}

/// `open`, `write` and `close` of the C library (`Harness.open` hides the first inside the harness).
private func writeFile(_ path: String, _ data: Data) -> Bool {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else { return false }
  defer { close(fd) }
  return data.withUnsafeBytes { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}
