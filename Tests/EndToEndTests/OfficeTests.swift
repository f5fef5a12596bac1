import Foundation
import Testing
import MinutesTestSupport

/// An office's meetings month after month through the built binary (issue 17): three board meetings, each the
/// next from the last (`minutes new --from`), with their action items carried, marked and listed
/// (`minutes actions`), and names one character off the roster's offered in the roster's form.
@Suite(.serialized) struct OfficeTests {
  static let people = ["Margaret Okafor", "Daniel Reyes", "Priya Natarajan", "Aisha Bello", "Helen Marsh", "Thomas Lindqvist"]

  /// A workspace with the roster and the three meetings drafted from `Tests/Fixtures/office/NAME.session.txt`:
  /// april, may from april, june from may; the transcripts of may and june.
  static func threeMeetings() throws -> (workspace: URL, may: Binary.Result, june: Binary.Result) {
    let workspace = try Binary.temporaryWorkspace()
    #expect(try Binary.run(["init"], in: workspace).status == 0)
    for person in people { #expect(try Binary.run(["roster", "add", person], in: workspace).status == 0) }
    func draft(_ name: String, _ arguments: [String]) throws -> Binary.Result {
      let input = try Data(contentsOf: Binary.fixture("office/\(name).session.txt"))
      let result = try Binary.run(["new", "--name", name] + arguments, in: workspace, input: input)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      return result
    }
    _ = try draft("april", ["--template", "board-meeting.en"])
    let may = try draft("may", ["--from", "april"])
    let june = try draft("june", ["--from", "may"])
    return (workspace, may, june)
  }

  @Test func threeMeetingsCarryTheirActionItemsAndListThemOnceEach() throws {
    let (workspace, may, june) = try Self.threeMeetings()
    defer { try? FileManager.default.removeItem(at: workspace) }

    // What was carried is said, with the meeting each open item came from.
    #expect(may.text.hasPrefix("""
      Carried over from april: 9 parts (Organization, Body, Kind of meeting, Place, Presiding officer, Secretary, Members, Members are called, Present) and 2 open action items (0 closed there, not carried).
        - Helen Marsh: Sign the Quarry Lane lease and circulate a move-in schedule (from april, due 2024-05-03)
        - Priya Natarajan: Draft an operating-reserve proposal with funding scenarios (from april, due 2024-05-14)

      """))
    #expect(june.text.hasPrefix("""
      Carried over from may: 9 parts (Organization, Body, Kind of meeting, Place, Presiding officer, Secretary, Members, Members are called, Present) and 2 open action items (1 closed there, not carried).
        - Priya Natarajan: Draft an operating-reserve proposal with funding scenarios (from april, due 2024-05-14)
        - Aisha Bello: Update the volunteer handbook (from may, due 2999-06-30)

      """))
    // The interview asks each carried item's status, naming it.
    #expect(may.text.contains("Action item 1, first recorded in april: Helen Marsh: Sign the Quarry Lane lease and circulate a move-in schedule. Is it done, carried again, or dropped? (Tab completes)\nAction item 1 Status> done\n"))
    // The roll call was carried: the interview asks only for more.
    #expect(may.text.contains("Present 5> \n"))

    // One action per item, however many meetings carried it.
    let all = try Binary.run(["actions"], in: workspace)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.text == """
      Owner            Task                                                         Due         Status         First recorded  Last carried
      Helen Marsh      Sign the Quarry Lane lease and circulate a move-in schedule  2024-05-03  done           april           may
      Priya Natarajan  Draft an operating-reserve proposal with funding scenarios   2024-05-14  open, overdue  april           june
      Aisha Bello      Update the volunteer handbook                                2999-06-30  open           may             june
      Daniel Reyes     Renew the insurance policy                                   –           open           june            –

      """)
    let open = try Binary.run(["actions", "--open"], in: workspace)
    #expect(open.text.split(separator: "\n").dropFirst().map { $0.prefix(16).trimmingCharacters(in: .whitespaces) } == ["Priya Natarajan", "Aisha Bello", "Daniel Reyes"])
    let overdue = try Binary.run(["actions", "--overdue"], in: workspace)
    #expect(overdue.text.split(separator: "\n").dropFirst().map { $0.prefix(16).trimmingCharacters(in: .whitespaces) } == ["Priya Natarajan"])
    let owner = try Binary.run(["actions", "--owner", "aisha bello", "--open"], in: workspace)
    #expect(owner.text.split(separator: "\n").count == 2 && owner.text.contains("Update the volunteer handbook"))

    // The JSON: every key, always.
    let json = try Binary.run(["actions", "--json", "--open"], in: workspace)
    let objects = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
    #expect(objects.count == 3)
    #expect(objects.allSatisfy { Set($0.keys) == ["owner", "task", "due", "status", "open", "overdue", "firstRecorded", "lastCarried", "meetings"] })
    #expect(objects[0]["meetings"] as? [String] == ["april", "may", "june"])
    #expect(objects[0]["overdue"] as? Bool == true)
    #expect(objects[2]["due"] is NSNull && objects[2]["lastCarried"] is NSNull)
  }

  @Test func theThirdMeetingExportsAsTheGoldenFile() throws {
    let (workspace, _, _) = try Self.threeMeetings()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let export = try Binary.run(["export", "june"], in: workspace)
    #expect(export.status == 0, "\(export.stderr)")
    let golden = try String(contentsOf: Binary.fixture("office/june.txt"), encoding: .utf8)
    #expect(export.text == golden)
  }

  @Test func namesOneCharacterOffTheRosterAreOfferedThroughAPipe() throws {
    let (workspace, may, june) = try Self.threeMeetings()
    defer { try? FileManager.default.removeItem(at: workspace) }
    #expect(may.text.contains("""
      Action item 3 Owner> Aisha Belo
      ‘Aisha Belo’ is not in the roster; the roster has ‘Aisha Bello’.
      Use the roster's form? (yes to use it, no to keep what you typed)
      yes/no> y
      Taken in the roster's form: Aisha Bello

      """))
    #expect(june.text.contains("Taken in the roster's form: Daniel Reyes\n"))
    // No keeps the name as typed.
    let input = Data("2024-07-16\n7:00 pm\n\n\n\n\n\n\n\n\n\n\n\nyes\n\n\n\n\n\n\n\ncarried\ncarried\n\ncarried\nPriya Natarajn\nn\nFile the annual report\n\n\n\n8:00 pm\n\n:quit\n".utf8)
    let july = try Binary.run(["new", "--from", "june", "--name", "july"], in: workspace, input: input)
    #expect(july.text.contains("Kept as typed: Priya Natarajn\n"), "\(july.text)")
    let owners = try Binary.run(["actions", "--owner", "Priya Natarajn"], in: workspace)
    #expect(owners.text.contains("File the annual report"))
    // An :edit is not held up by a question: the near miss is said, with the :edit that takes the roster's form.
    let edited = try Binary.run(["resume", "july"], in: workspace, input: Data(":edit meeting.presiding.name Margaret Okafr\n:quit\n".utf8))
    #expect(edited.text.contains("""
      ‘Margaret Okafr’ is not in the roster; the roster has ‘Margaret Okafor’.
      To take the roster's form: :edit presiding.name Margaret Okafor

      """), "\(edited.text)")
  }

  @Test func badOptionsAndEmptyResultsAreSaidClearly() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let empty = try Binary.run(["actions"], in: workspace, environment: ["LANG": "C"])
    #expect(empty.status == 0)
    #expect(empty.text.hasPrefix("The sessions of this workspace have no action items"))
    let emptyJSON = try Binary.run(["actions", "--json"], in: workspace)
    #expect(emptyJSON.text == "[\n\n]\n" || emptyJSON.text == "[]\n")
    let noOwner = try Binary.run(["actions", "--owner", " "], in: workspace, environment: ["LANG": "C"])
    #expect(noOwner.status != 0)
    #expect(noOwner.stderr.contains("--owner needs a name"))
    let missing = try Binary.run(["new", "--from", "nosuch", "--name", "x"], in: workspace, environment: ["LANG": "C"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nosuch"))
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("sessions/x.yaml").path))
  }

  @Test func anOwnerNobodyHasNamesTheOwnersAndAnotherTemplateIsRefused() throws {
    let (workspace, _, _) = try Self.threeMeetings()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let nobody = try Binary.run(["actions", "--owner", "Nobody"], in: workspace)
    #expect(nobody.text == "No action items of ‘Nobody’ match; the owners are: Helen Marsh, Priya Natarajan, Aisha Bello, Daniel Reyes.\n")
    let other = try Binary.run(["new", "--from", "june", "--template", "team-meeting.en", "--name", "t"], in: workspace)
    #expect(other.status == 1)
    #expect(other.stderr.contains("‘june’ was drafted with board-meeting.en, not team-meeting.en"))
    // A session file's path works as well as its name.
    let byPath = try Binary.run(["new", "--from", "sessions/june.yaml", "--name", "july"], in: workspace, input: Data(":quit\n".utf8))
    #expect(byPath.status == 0, "\(byPath.stderr)")
    #expect(byPath.text.hasPrefix("Carried over from june: 9 parts"))
  }

  // MARK: - At a terminal

  @Test func atATerminalTabCompletesARosterNameAndANearMissIsOffered() throws {
    let (workspace, _, _) = try Self.threeMeetings()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // July from June, stopped at the question for a new action item's owner.
    let lines = "2024-07-16\n7:00 pm\n\n\n\n\n\n\n\n\n\n\n\nyes\n\n\n\n\n\n\n\ncarried\ncarried\n\ncarried\n:quit\n"
    #expect(try Binary.run(["new", "--from", "june", "--name", "july"], in: workspace, input: Data(lines.utf8)).status == 0)
    let command = "cd \(workspace.path) && env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm HOME=\(workspace.path) \(Binary.executable.path) resume july; sleep 60"
    let terminal = try Tmux(command: command)
    #expect(try terminal.wait(forLastLine: "Action item 4 Owner>"))
    // Tab completes the roster's names.
    try terminal.type("Hel")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "Action item 4 Owner> Helen Marsh"))
    try terminal.press("C-u")
    try terminal.type("Helen Mrsh")
    try terminal.press("Enter")
    #expect(try terminal.wait { $0.contains("‘Helen Mrsh’ is not in the roster; the roster has ‘Helen Marsh’.") })
    #expect(try terminal.wait(forLastLine: "yes/no>"))
    try terminal.type("y")
    try terminal.press("Enter")
    #expect(try terminal.wait { $0.contains("Taken in the roster's form: Helen Marsh") })
    #expect(try terminal.wait(forLastLine: "Action item 4 Task>"))
    try terminal.type(":quit")
    try terminal.press("Enter")
    #expect(try terminal.wait { $0.contains("Saved.") })
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/july.yaml"), encoding: .utf8)
    #expect(saved.contains("owner: Helen Marsh"))
  }
}
