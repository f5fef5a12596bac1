import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesModel
import MinutesTestSupport

/// ``SessionStore``: session files in a workspace, created, listed, loaded and saved, and the names it refuses.
@Suite struct SessionStoreTests {
  /// Runs `body` with a store in a new temporary workspace, removed afterwards.
  static func withStore(_ body: (SessionStore) throws -> Void) throws {
    let workspace = try TestSupport.temporaryWorkspace("store")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try body(SessionStore(workspace: workspace))
  }

  /// `file` with its draft conformed to the built-in template: a snapshot read from its YAML holds text, one
  /// read from its cache typed values.
  static func conformed(_ file: SessionFile) throws -> SessionFile {
    var copy = file
    copy.minutes = try TestSupport.template().conform(file.minutes)
    return copy
  }

  /// A session whose file name is not in NFC (decomposed, as a copy from macOS may name it, or with a
  /// compatibility ideograph) is listed and reached by its name however it is typed, and keeps its files' names;
  /// two names that differ only so stay apart; a folder named like a snapshot is no session.
  @Test func aSessionNamedOutsideNFCIsReachedByItsName() throws {
    let bytes = { (name: String) in Array(name.utf8) }
    try Self.withStore { store in
      let decomposed = "cafe\u{301}-0520", compatibility = "\u{F91F}亭"  // 蘭亭, with the compatibility 蘭
      let empty = SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion)
      for name in [decomposed, compatibility] { try store.create(empty, name: name) }
      try FileManager.default.createDirectory(at: store.directory.appendingPathComponent("folder.yaml"), withIntermediateDirectories: false)
      #expect(Set(store.names().map(bytes)) == Set([decomposed, compatibility].map(bytes)))
      #expect(bytes(store.storedName(of: "café-0520".precomposed)) == bytes(decomposed))
      #expect(bytes(store.storedName(of: "蘭亭")) == bytes(compatibility))
      #expect(try store.load(name: store.storedName(of: "蘭亭")).minutes.template == "t")
      // A name with no session is itself; so is one whose snapshot is there under its own bytes.
      #expect(bytes(store.storedName(of: "新會議")) == bytes("新會議"))
      #expect(bytes(store.storedName(of: decomposed)) == bytes(decomposed))
      // Two names that are one in NFC: neither is taken for the other.
      let (first, second) = ("a\u{328}\u{301}", "a\u{301}\u{328}")
      for name in [first, second] { try store.create(empty, name: name) }
      let composed = first.precomposed
      #expect(bytes(store.storedName(of: composed)) == bytes(composed))
      #expect(store.names().count == 4)
      // Each is reached by its own bytes, as listed; a new session takes neither name, nor their NFC.
      let workspace = Workspace(url: store.workspace)
      for name in [first, second] { #expect(bytes(workspace.existingSessionName(name)) == bytes(name)) }
      #expect(Set([first, second].map(bytes)).contains(bytes(workspace.newSessionName(composed))))
      #expect(bytes(workspace.newSessionName("新會議")) == bytes("新會議"))
      // With the NFC name there too, its bytes reach it, and the decomposed bytes the other.
      try store.create(empty, name: "caf\u{E9}-0520")
      #expect(bytes(workspace.existingSessionName("caf\u{E9}-0520")) == bytes("caf\u{E9}-0520"))
      #expect(bytes(workspace.existingSessionName(decomposed)) == bytes(decomposed))
    }
  }

  @Test func createLoadListAndSave() throws {
    let file = try SessionFileTests.seedFile()
    try Self.withStore { store in
      #expect(store.names() == [])
      #expect(store.file(for: "常務會議-0520") == store.workspace.appendingPathComponent("sessions/常務會議-0520.yaml"))
      try store.create(file, name: "常務會議-0520")
      #expect(FileManager.default.fileExists(atPath: store.file(for: "常務會議-0520").path))
      // Creating writes the first snapshot generation, with an empty journal beside it.
      var written = file
      written.generation = 1
      #expect(try String(contentsOf: store.file(for: "常務會議-0520"), encoding: .utf8) == written.yaml())
      #expect(try Self.conformed(store.load(name: "常務會議-0520")) == written)

      #expect(throws: SessionError.exists(name: "常務會議-0520")) { try store.create(file, name: "常務會議-0520") }
      #expect(
        SessionError.exists(name: "常務會議-0520").errorDescription
          == "a session named `常務會議-0520` exists already; continue it with `minutes resume 常務會議-0520` or choose another --name.")

      var changed = file
      changed.resumeAt = .at(TestSupport.at("meeting.date"))
      try store.save(changed, name: "常務會議-0520")
      changed.generation = 2
      #expect(try Self.conformed(store.load(name: "常務會議-0520")) == changed)

      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "b-1")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "a_2")
      #expect(store.names() == ["a_2", "b-1", "常務會議-0520"])
      let files = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).sorted()
      #expect(
        files == [
          ".a_2.cache", ".a_2.yaml.good", ".b-1.cache", ".b-1.yaml.good", ".常務會議-0520.cache", ".常務會議-0520.yaml.good",
          "a_2.journal", "a_2.yaml", "b-1.journal", "b-1.yaml", "常務會議-0520.journal", "常務會議-0520.yaml",
        ],
        "no temporary file is left behind")
    }
  }

  /// A sessions folder that cannot be made (a file has its name, or a folder above it is a file) is said as such,
  /// by the lock taken first and by the first write alike, not as Foundation's error; nothing is written.
  @Test func aFileWhereTheSessionsFolderGoesIsSaid() throws {
    let workspace = try TestSupport.temporaryWorkspace("store")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let sessions = workspace.appendingPathComponent("sessions")
    try Data("notes".utf8).write(to: sessions)
    let store = SessionStore(workspace: workspace)
    let file = SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion)
    for attempt in [{ _ = try SessionLock(name: "a", in: store) }, { try store.create(file, name: "a") }] {
      #expect { try attempt() } throws: { error in
        guard case SessionError.noSessionsFolder(let path, let reason) = error else { return false }
        return path == sessions.path && reason.code == EEXIST
      }
    }
    let below = SessionStore(workspace: sessions)
    #expect { try below.create(file, name: "a") } throws: { error in
      guard case SessionError.noSessionsFolder(_, let reason) = error else { return false }
      return reason.code == ENOTDIR
    }
    #expect(try String(contentsOf: sessions, encoding: .utf8) == "notes")
    #expect(SessionError.noSessionsFolder(path: sessions.path, reason: .posix(EEXIST)).errorDescription
      == "cannot make the sessions folder \(sessions.path): File exists. minutes keeps a workspace's sessions in this folder; move what is in its way, fix its permissions, or give another --workspace.")
  }

  @Test func loadingAMissingSessionListsTheOthers() throws {
    try Self.withStore { store in
      #expect(throws: SessionError.notFound(name: "nope", available: [])) { try store.load(name: "nope") }
      #expect(
        SessionError.notFound(name: "nope", available: []).errorDescription
          == "no session `nope` in this workspace (it has none yet); start one with `minutes new`.")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "b-1")
      try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: "a_2")
      #expect(throws: SessionError.notFound(name: "nope", available: ["a_2", "b-1"])) { try store.load(name: "nope") }
      #expect(
        SessionError.notFound(name: "nope", available: ["a_2", "b-1"]).errorDescription
          == "no session `nope`; sessions here: a_2, b-1.")
    }
  }

  @Test func loadingABrokenFileSaysWhereAndLeavesItAlone() throws {
    try Self.withStore { store in
      try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
      let url = store.file(for: "bad")
      try Data("format: 1\ntemplate: t\nmeeting: [\n".utf8).write(to: url)
      #expect(
        throws: SessionError.unreadable(
          YAMLProblem(file: url.path, line: 4, column: 1,
                      message: "YAML syntax: while parsing a flow node did not find expected node content"))
      ) { try store.load(name: "bad") }
      #expect(try String(contentsOf: url, encoding: .utf8) == "format: 1\ntemplate: t\nmeeting: [\n")

      try Data([0x74, 0xFF, 0xFE]).write(to: url)
      #expect(
        throws: SessionError.unreadable(YAMLProblem(
          file: url.path, line: 1, column: 2,
          message: "the file is not UTF-8 text: byte 0xFF (byte 2 of the file) is not UTF-8; save the file as UTF-8"))
      ) { try store.load(name: "bad") }
    }
  }

  @Test(arguments: [
    (".x", "it contains `.`"),
    ("..", "it contains `.`"),
    ("x.y", "it contains `.`"),
    ("a;b", "it contains `;`"),
    ("會議、甲", "it contains `、`"),
    ("-x", "it starts with '-'"),
    ("--take-over", "it starts with '-'"),
    ("", "it is empty"),
    ("a b", "it contains spaces or control characters"),
    ("a\tb", "it contains spaces or control characters"),
    (String(repeating: "會", count: 67), "it is longer than 200 bytes"),
  ])
  func invalidNamesAreRefused(name: String, reason: String) throws {
    let error = SessionError.invalidName(name, reason: reason)
    #expect(throws: error) { try SessionStore.validate(name: name) }
    #expect(
      error.errorDescription
        == "`\(Messages(language: "en").shown(name))` cannot be a session name: \(Messages(language: "en").nameReason(reason)). Use letters and digits of any script (CJK included), '-' or '_', not starting with '-', e.g. board-0311.")
    try Self.withStore { store in
      #expect(throws: error) { try store.create(SessionFile(minutes: Minutes(template: "t"), resumeAt: .firstQuestion), name: name) }
      #expect(throws: error) { try store.load(name: name) }
      #expect(throws: error) { try SessionLock(name: name, in: store) }
      #expect(!FileManager.default.fileExists(atPath: store.directory.path), "nothing was written")
    }
  }

  /// A path where a name is expected is said to be one, with a name for an example (`minutes resume /etc/passwd`
  /// failed at its lock as if the disk were full).
  @Test(arguments: [
    ("/etc/passwd", "e.g. board-0311 (the file sessions/board-0311.yaml)"),
    ("../x", "e.g. board-0311 (the file sessions/board-0311.yaml)"),
    ("a\\b", "e.g. board-0311 (the file sessions/board-0311.yaml)"),
    ("sessions/會議.yaml", "e.g. 會議 (the file sessions/會議.yaml); to check a file use `minutes check FILE`"),
    ("會議.yaml", "e.g. 會議 (the file sessions/會議.yaml); to check a file use `minutes check FILE`"),
    ("notes/x.y.yaml", "e.g. board-0311 (the file sessions/board-0311.yaml); to check a file use `minutes check FILE`"),
  ])
  func pathsAreRefusedAsPaths(path: String, example: String) throws {
    #expect(throws: SessionError.pathAsName(path)) { try SessionStore.validate(name: path) }
    // An English message gives an English example (a Chinese one had been given in both), and says how to check a
    // file only for a minutes file named by its path.
    #expect(SessionError.pathAsName(path).errorDescription
      == "`\(path)` is a path; a session is named by its name, \(example).")
    #expect(SessionError.pathAsName(path).message(Messages(language: "zh-Hant")).contains("例如 \(path.hasSuffix("會議.yaml") ? "會議" : "常務會議-0520")"))
    try Self.withStore { store in
      #expect(throws: SessionError.pathAsName(path)) { try SessionLock(name: path, in: store) }
      #expect(throws: SessionError.pathAsName(path)) { try store.load(name: path) }
      #expect(!FileManager.default.fileExists(atPath: store.directory.path), "nothing was written")
    }
  }

  @Test(arguments: ["常務會議-0520", "a_2", "x-", "Ünïcödé", "हिन्दी", "Ελληνικά", "２０２２年", "minutes-20220520-101010",
                    String(repeating: "會", count: 66)])
  func validNamesAreAccepted(name: String) throws {
    try SessionStore.validate(name: name)
  }
}
