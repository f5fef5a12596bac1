import Foundation
import MinutesTestSupport
import Testing

/// Two clerks share a workspace through git (`minutes init --git`, `minutes sync`): a bare repository and two
/// clones on local disk, as an office's server and two clerks' machines.
@Suite(.serialized) struct SharingTests {
  /// The office: the bare repository, the two clerks' folders, and an environment that keeps the machine's own
  /// git configuration out (no user name: sync must commit without one).
  struct Office {
    let root: URL
    var hub: URL { root.appendingPathComponent("hub.git") }
    var a: URL { root.appendingPathComponent("a") }
    var b: URL { root.appendingPathComponent("b") }
    var environment: [String: String] {
      ["HOME": root.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8"]
    }

    init() throws {
      root = try Binary.temporaryWorkspace()
      try git(["init", "--quiet", "--bare", "--initial-branch=main", hub.path], in: root)
    }

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> String {
      let (status, output) = try Tool.run(try #require(Tool.path("git")), arguments, in: folder, environment: environment)
      #expect(status == 0, "git \(arguments.joined(separator: " ")): \(output)")
      return output
    }

    func minutes(_ arguments: [String], in folder: URL, input: String = "") throws -> Binary.Result {
      try Binary.run(arguments, in: folder, input: Data(input.utf8), environment: environment)
    }

    /// Runs `minutes sync` in `folder` and expects it to succeed.
    func sync(_ folder: URL) throws {
      let result = try minutes(["sync"], in: folder)
      #expect(result.status == 0, "sync in \(folder.lastPathComponent): \(result.stderr)")
    }

    /// Answers `commands` in the session `name` drafted in `folder`, then quits.
    func edit(_ name: String, in folder: URL, _ commands: [String]) throws {
      let result = try minutes(["resume", name], in: folder, input: (commands + [":quit"]).joined(separator: "\n") + "\n")
      #expect(result.status == 0, "\(result.stderr)")
    }

    func session(_ name: String, in folder: URL) throws -> String {
      try String(contentsOf: folder.appendingPathComponent("sessions/\(name).yaml"), encoding: .utf8)
    }

    func export(_ name: String, in folder: URL) throws -> String {
      let result = try minutes(["export", name, "--draft"], in: folder)
      #expect(result.status == 0, "\(result.stderr)")
      return result.text
    }
  }

  /// Sets up the office: clerk A makes the workspace and pushes it; clerk B clones it.
  func office() throws -> Office {
    let office = try Office()
    let made = try office.minutes(["init", "a", "--git"], in: office.root)
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.text.contains("Made a workspace in \(office.a.path)"))
    for path in ["sessions", "templates", "roster.yaml", ".gitignore", ".gitattributes"] {
      #expect(FileManager.default.fileExists(atPath: office.a.appendingPathComponent(path).path), "\(path)")
    }
    #expect(try office.git(["log", "--format=%s"], in: office.a).contains("minutes init"))
    try office.git(["remote", "add", "origin", office.hub.path], in: office.a)
    try office.sync(office.a)
    try office.git(["clone", "--quiet", office.hub.path, office.b.path], in: office.root)
    return office
  }

  @Test func twoClerksDraftDifferentMeetingsAndDifferentPartsOfOneAndBothEndWithEveryEdit() throws {
    let office = try office()
    defer { try? FileManager.default.removeItem(at: office.root) }
    // Different meetings; A from a folder inside the workspace, B in a clone without sessions/ yet.
    let team = try String(contentsOf: Binary.fixture("examples/team-meeting.en.session.txt"), encoding: .utf8)
    let board = try String(contentsOf: Binary.fixture("examples/board-meeting.en.session.txt"), encoding: .utf8)
    #expect(try office.minutes(["new", "--template", "team-meeting.en", "--name", "weekly"], in: office.a.appendingPathComponent("templates"), input: team).status == 0)
    #expect(try office.minutes(["new", "--template", "board-meeting.en", "--name", "board"], in: office.b, input: board).status == 0)
    #expect(FileManager.default.fileExists(atPath: office.a.appendingPathComponent("sessions/weekly.yaml").path), "found the workspace from a folder in it")
    try office.sync(office.a)
    try office.sync(office.b)
    try office.sync(office.a)
    for folder in [office.a, office.b] {
      #expect(try office.minutes(["list"], in: folder).text.contains("board"))
      #expect(try office.minutes(["list"], in: folder).text.contains("weekly"))
    }
    // The same meeting, different parts on neighbouring lines: both edits are kept.
    try office.edit("weekly", in: office.a, [":edit title Platform Team Weekly Sync (revised)"])
    try office.edit("weekly", in: office.b, [":edit date 2024-05-15", ":add attendees Ana Lopez"])
    try office.sync(office.a)
    try office.sync(office.b)
    try office.sync(office.a)
    #expect(try office.session("weekly", in: office.a) == office.session("weekly", in: office.b))
    let text = try office.export("weekly", in: office.a)
    #expect(text.contains("Platform Team Weekly Sync (revised)"))
    #expect(text.contains("2024"))
    #expect(text.contains("Ana Lopez"))
    #expect(try office.session("weekly", in: office.a).contains("date: '2024-05-15'"))
    #expect(try office.minutes(["check", "weekly"], in: office.b).stderr.isEmpty, "opens without a warning after the merge")
    // What changed since a revision, part by part.
    try office.edit("weekly", in: office.b, [":edit title Platform Sync", ":delete absent.1"])
    let diff = try office.minutes(["diff", "weekly"], in: office.b)
    #expect(diff.text == "~ title  Title: Platform Team Weekly Sync (revised) → Platform Sync\n- absent.1  Absent 1: Noor Haddad\n", "\(diff.text)\(diff.stderr)")
    #expect(try office.minutes(["diff", "weekly", "HEAD"], in: office.a).text == "Session `weekly` has not changed since HEAD.\n")
    let unknown = try office.minutes(["diff", "weekly", "no-such-thing"], in: office.a)
    #expect(unknown.status != 0 && unknown.stderr.contains("git knows no revision ‘no-such-thing’"), "\(unknown.stderr)")
    // Every commit says which sessions it holds.
    #expect(try office.git(["log", "--format=%s"], in: office.a).contains("minutes: weekly"))
  }

  @Test func aRealConflictIsReportedWithBothSidesAndNothingIsLost() throws {
    let office = try office()
    defer { try? FileManager.default.removeItem(at: office.root) }
    let team = try String(contentsOf: Binary.fixture("examples/team-meeting.en.session.txt"), encoding: .utf8)
    #expect(try office.minutes(["new", "--template", "team-meeting.en", "--name", "weekly"], in: office.a, input: team).status == 0)
    try office.sync(office.a)
    try office.sync(office.b)
    try office.edit("weekly", in: office.a, [":edit title Weekly Sync (A)"])
    try office.edit("weekly", in: office.b, [":edit title Weekly Sync (B)", ":edit facilitator Jonas Berg"])
    try office.sync(office.a)
    let stopped = try office.minutes(["sync"], in: office.b)
    #expect(stopped.status == 1)
    #expect(stopped.stderr.contains("sessions/weekly.yaml"), "\(stopped.stderr)")
    // The file holds both titles between markers, and B's other edit merged.
    let file = try office.session("weekly", in: office.b)
    #expect(file.contains("<<<<<<< pulled (another clerk)\n  title: Weekly Sync (A)\n=======\n  title: Weekly Sync (B)\n>>>>>>> yours\n"), "\(file)")
    #expect(file.contains("facilitator: Jonas Berg"))
    // minutes refuses to read it and shows both sides with their lines; nothing is written.
    let check = try office.minutes(["check", "weekly"], in: office.b)
    #expect(check.status == 2)
    #expect(check.stderr.contains("1 unresolved git merge conflict"), "\(check.stderr)")
    #expect(check.stderr.contains("title: Weekly Sync (A)") && check.stderr.contains("title: Weekly Sync (B)"))
    let resume = try office.minutes(["resume", "weekly"], in: office.b, input: ":quit\n")
    #expect(resume.status != 0)
    #expect(try office.session("weekly", in: office.b) == file, "never overwritten")
    // A sync before the clerk resolves it says so and changes nothing.
    let early = try office.minutes(["sync"], in: office.b)
    #expect(early.status == 1)
    #expect(early.stderr.contains("still hold conflict markers"), "\(early.stderr)")
    // B keeps their own title; the sync finishes, and A gets it.
    let resolved = file.replacingOccurrences(of: "<<<<<<< pulled (another clerk)\n  title: Weekly Sync (A)\n=======\n", with: "")
      .replacingOccurrences(of: ">>>>>>> yours\n", with: "")
    try resolved.write(to: office.b.appendingPathComponent("sessions/weekly.yaml"), atomically: true, encoding: .utf8)
    try office.sync(office.b)
    try office.sync(office.a)
    #expect(try office.session("weekly", in: office.a) == office.session("weekly", in: office.b))
    let text = try office.export("weekly", in: office.a)
    #expect(text.contains("Weekly Sync (B)") && text.contains("Jonas Berg"))
    #expect(try office.minutes(["check", "weekly"], in: office.a).stderr.isEmpty, "a resolved file opens without a warning")
  }

  @Test func initKeepsWhatIsThereAndSyncOutsideARepositorySaysWhatToDo() throws {
    let root = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: root) }
    try "people:\n  - name: 王小明\n".write(to: root.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
    let made = try Binary.run(["init"], in: root, environment: ["LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    #expect(made.status == 0)
    #expect(made.text.contains("Kept as they were: roster.yaml"), "\(made.text)")
    #expect(try String(contentsOf: root.appendingPathComponent("roster.yaml"), encoding: .utf8).contains("王小明"))
    let again = try Binary.run(["init"], in: root, environment: ["LANG": "C.UTF-8"])
    #expect(again.text.contains("is a workspace already"), "\(again.text)")
    let sync = try Binary.run(["sync"], in: root, environment: ["LANG": "C.UTF-8", "HOME": root.path, "GIT_CEILING_DIRECTORIES": root.deletingLastPathComponent().path,
                                                             "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    #expect(sync.status != 0)
    #expect(sync.stderr.contains("is not in a git repository"), "\(sync.stderr)")
  }

  @Test func theRosterIsListedAddedToCheckedAndLearnedFromTheSessions() throws {
    let root = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let environment = ["LANG": "C.UTF-8", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    let run = { (arguments: [String], input: String) in try Binary.run(arguments, in: root, input: Data(input.utf8), environment: environment) }
    #expect(try run(["init"], "").status == 0)
    #expect(try run(["roster"], "").text.contains("has no one yet"))
    #expect(try run(["roster", "add", "趙雅琳", "--title", "副區長", "--spelling", "趙雅林"], "").text == "Added ‘趙雅琳’ to \(root.path)/roster.yaml.\n")
    let twice = try run(["roster", "add", "趙雅林"], "")
    #expect(twice.status != 0 && twice.stderr.contains("‘趙雅林’ is in the roster already"), "\(twice.stderr)")
    #expect(try run(["roster", "list"], "").text == "趙雅琳  副區長  ≈ 趙雅林\n")
    #expect(try run(["roster", "check"], "").status == 0)
    let example = try String(contentsOf: Binary.fixture("examples/gov-executive-formal.zh-Hant.session.txt"), encoding: .utf8)
    #expect(try run(["new", "--template", "gov-executive-formal.zh-Hant", "--name", "s"], example).status == 0)
    let learned = try run(["roster", "learn"], "")
    #expect(learned.text.hasPrefix("韓啟明  區委副書記、區長\n"), "\(learned.text)")
    #expect(!learned.text.contains("趙雅琳"), "known already")
    #expect(try run(["roster", "learn", "--add"], "").status == 0)
    #expect(try run(["roster", "learn"], "").text == "Everyone the sessions name is in the roster already.\n")
    let roster = try String(contentsOf: root.appendingPathComponent("roster.yaml"), encoding: .utf8)
    #expect(roster.hasPrefix("# The people of this office's meetings"), "the clerk's comments are kept")
    #expect(roster.contains("  - name: 韓啟明\n    titles: [區委副書記, 區長]\n"))
    try (roster + "  - name: 韓啟明\n").write(to: root.appendingPathComponent("roster.yaml"), atomically: true, encoding: .utf8)
    let check = try run(["roster", "check"], "")
    #expect(check.status == 1 && check.stderr.contains("roster.yaml:") && check.stderr.contains("‘韓啟明’ is listed twice"), "\(check.stderr)")
  }

  /// What a clerk could do that once lost answers (a break-it trial): two meetings made under one name, a
  /// `--recover` of a file in conflict, a conflict half resolved, a hand edit pulled by the other clerk, a
  /// conflict in a session with a Chinese name.
  @Test func nothingIsLostWhenClerksTripOverEachOther() throws {
    let office = try office()
    defer { try? FileManager.default.removeItem(at: office.root) }
    let team = try String(contentsOf: Binary.fixture("examples/team-meeting.en.session.txt"), encoding: .utf8)
    let board = try String(contentsOf: Binary.fixture("examples/board-meeting.en.session.txt"), encoding: .utf8)
    // Two different meetings under one name: both kept, the second renamed.
    #expect(try office.minutes(["new", "--template", "team-meeting.en", "--name", "2024-06-11"], in: office.a, input: team).status == 0)
    #expect(try office.minutes(["new", "--template", "board-meeting.en", "--name", "2024-06-11"], in: office.b, input: board).status == 0)
    try office.sync(office.a)
    let renamed = try office.minutes(["sync"], in: office.b)
    #expect(renamed.status == 0, "\(renamed.stderr)")
    #expect(renamed.text.contains("Another clerk had made a different meeting named ‘2024-06-11’, so yours is now ‘2024-06-11-2’"), "\(renamed.text)")
    try office.sync(office.a)
    #expect(try office.session("2024-06-11", in: office.a).contains("template: team-meeting.en"))
    #expect(try office.session("2024-06-11-2", in: office.a).contains("template: board-meeting.en"))

    // A conflict: --recover does not throw the other clerk's answers away, and a half-resolved file is not shared.
    try office.edit("2024-06-11", in: office.a, [":edit title Title A", ":edit 2.notes Notes by A"])
    try office.edit("2024-06-11", in: office.b, [":edit title Title B"])
    try office.sync(office.a)
    #expect(try office.minutes(["sync"], in: office.b).status == 1)
    let recover = try office.minutes(["resume", "2024-06-11", "--recover"], in: office.b, input: ":quit\n")
    #expect(recover.status != 0 && recover.stderr.contains("unresolved git merge conflict"), "\(recover.stderr)")
    let conflicted = try office.session("2024-06-11", in: office.b)
    #expect(conflicted.contains("Notes by A"), "A's other answer merged in")
    let half = conflicted.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("<<<<<<< ") }.joined(separator: "\n")
    try half.write(to: office.b.appendingPathComponent("sessions/2024-06-11.yaml"), atomically: true, encoding: .utf8)
    let refused = try office.minutes(["sync"], in: office.b)
    #expect(refused.status == 1 && refused.stderr.contains("a git conflict marker is left here"), "\(refused.stderr)")
    #expect(try office.minutes(["check", "2024-06-11"], in: office.b).stderr.contains("a git conflict marker is left here"))
    let resolved = half.replacingOccurrences(of: "  title: Title A\n=======\n", with: "").replacingOccurrences(of: ">>>>>>> yours\n", with: "")
    try resolved.write(to: office.b.appendingPathComponent("sessions/2024-06-11.yaml"), atomically: true, encoding: .utf8)
    try office.sync(office.b)
    try office.sync(office.a)
    let text = try office.export("2024-06-11", in: office.a)
    #expect(text.contains("Title B") && text.contains("Notes by A"), "\(text)")

    // A hand edit, shared: the other clerk opens it without being told to --recover it away.
    let file = office.a.appendingPathComponent("sessions/2024-06-11.yaml")
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "title: Title B", with: "title: Title by hand")
      .write(to: file, atomically: true, encoding: .utf8)
    try office.sync(office.a)
    try office.sync(office.b)
    let check = try office.minutes(["check", "2024-06-11"], in: office.b)
    #expect(check.stderr.isEmpty, "\(check.stderr)")
    #expect(try office.export("2024-06-11", in: office.b).contains("Title by hand"))

    // A Chinese session name: the conflict names it plainly, and the sync finishes once it is resolved.
    let jiyao = try String(contentsOf: Binary.fixture("examples/jiyao.zh-Hans.session.txt"), encoding: .utf8)
    #expect(try office.minutes(["new", "--template", "jiyao.zh-Hans", "--name", "防汛-1118"], in: office.a, input: jiyao).status == 0)
    try office.sync(office.a)
    try office.sync(office.b)
    try office.edit("防汛-1118", in: office.a, [":edit number 9"])
    try office.edit("防汛-1118", in: office.b, [":edit number 10"])
    try office.sync(office.a)
    let stopped = try office.minutes(["sync"], in: office.b)
    #expect(stopped.status == 1 && stopped.stderr.contains("sessions/防汛-1118.yaml"), "\(stopped.stderr)")
    let chinese = office.b.appendingPathComponent("sessions/防汛-1118.yaml")
    let kept = try String(contentsOf: chinese, encoding: .utf8).replacingOccurrences(
      of: #"<<<<<<< [^\n]*\n[^\n]*\n=======\n([^\n]*\n)>>>>>>> [^\n]*\n"#, with: "$1", options: .regularExpression)
    try kept.write(to: chinese, atomically: true, encoding: .utf8)
    try office.sync(office.b)
    try office.sync(office.a)
    #expect(try office.session("防汛-1118", in: office.a) == office.session("防汛-1118", in: office.b))
  }
}
