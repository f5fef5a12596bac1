import Foundation
import Testing

@testable import MinutesKit
import MinutesModel
import MinutesTemplates
import MinutesTestSupport

/// Tab at the prompts that take a person (from ``PeopleSource``s), after the commands that take an address, and
/// after `:export` (file paths).
@Suite struct PeopleAndAddressCompletionTests {
  /// A roster, as another source of people would be.
  struct Roster: PeopleSource {
    var people: [String]
    func names(in minutes: Minutes, template: Template) -> [String] { people }
  }

  @Test func theDraftsPeopleAreOfferedWhereAPersonIsAsked() throws {
    var assistant = try TestSupport.exampleAssistant("board-meeting.en")
    let people = DraftPeople().names(in: assistant.minutes, template: assistant.template)
    #expect(people.prefix(3) == ["Margaret Okafor", "Daniel Reyes", "Priya Natarajan"])
    #expect(people.contains("Helen Marsh") && people.contains("Marcus Webb"))
    #expect(Set(people).count == people.count)

    // A motion's mover and seconder, and a roll-call member (before the vote, which is a choice).
    _ = assistant.handle(":goto 1.mover")
    #expect(assistant.completions(for: "Ai") == ["Aisha Bello"])
    _ = assistant.handle(":goto 1.seconder")
    #expect(assistant.completions(for: "Dan") == ["Daniel Reyes"])
    _ = assistant.handle(":goto 1.rollCall.+")
    #expect(assistant.completions(for: "Gre") == ["Greg Hallworth"])
    #expect(assistant.completions(for: "Greg Hallworth, ab") == ["Greg Hallworth, abstain", "Greg Hallworth, absent"])
    // Not where the question takes something else.
    _ = assistant.handle(":goto 1.dispositionDetail")
    #expect(assistant.completions(for: "Ai").isEmpty)

    // A roster adds its people after the draft's.
    assistant.peopleSources.append(Roster(people: ["Aiden Quill", "Aisha Bello"]))
    _ = assistant.handle(":goto 1.mover")
    #expect(assistant.completions(for: "Ai") == ["Aisha Bello", "Aiden Quill"])
    // The office's roster (roster.yaml) is such a source.
    var withRoster = try TestSupport.exampleAssistant("board-meeting.en")
    withRoster.peopleSources.append(try MinutesKit.Roster.parse("people:\n  - name: Aiden Quill\n    titles: [Treasurer]\n", file: "roster.yaml"))
    _ = withRoster.handle(":goto 1.mover")
    #expect(withRoster.completions(for: "Ai") == ["Aisha Bello", "Aiden Quill"])
  }

  @Test func namesInAChineseAttendanceLineCompleteAfterEachSeparator() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午", "政府代區長", "管尊旭"])
    _ = assistant.handle(":goto present.+")
    assistant.answer(["副區長 劉成剛、陳春青"])
    #expect(assistant.completions(for: "區長助理 劉") == ["區長助理 劉成剛"])
    // A name already on the line is not offered again.
    #expect(assistant.completions(for: "區長助理 劉成剛、") == ["區長助理 劉成剛、管尊旭", "區長助理 劉成剛、陳春青"])
    _ = assistant.handle(":goto chair.name")
    #expect(assistant.completions(for: "陳") == ["陳春青"])
  }

  @Test func addressesCompleteAStepAtATime() throws {
    let assistant = try TestSupport.exampleAssistant("board-meeting.en")
    #expect(assistant.completions(for: ":show pre") == [":show presiding", ":show present", ":show previous"])
    #expect(assistant.completions(for: ":show prese") == [":show present"])
    #expect(assistant.completions(for: ":delete present.") == (1...7).map { ":delete present.\($0)" })
    #expect(assistant.completions(for: ":goto present.") == (1...7).map { ":goto present.\($0)" } + [":goto present.+"])
    #expect(assistant.completions(for: ":m 1.") .contains(":m 1.mover"))
    #expect(assistant.completions(for: ":edit zz").isEmpty)
    #expect(assistant.completions(for: ":move present.2 ").isEmpty)
  }

  @Test func exportCompletesPathsInTheWorkspace() throws {
    let workspace = try TestSupport.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.createDirectory(at: workspace.appendingPathComponent("out"), withIntermediateDirectories: true)
    try Data().write(to: workspace.appendingPathComponent("out/april.md"))
    try Data().write(to: workspace.appendingPathComponent("out/.hidden"))
    let assistant = try TestSupport.exampleAssistant("board-meeting.en")
    try FileManager.default.createDirectory(at: workspace.appendingPathComponent("sessions"), withIntermediateDirectories: true)
    #expect(assistant.completions(for: ":export ", files: workspace) == [":export out/"], "no sessions/, where exports are refused")
    #expect(assistant.completions(for: ":export o", files: workspace) == [":export out/"])
    #expect(assistant.completions(for: ":export out/", files: workspace) == [":export out/april.md"])
    #expect(assistant.completions(for: ":export! out/ap", files: workspace) == [":export! out/april.md"])
    #expect(assistant.completions(for: ":export --format ", files: workspace).isEmpty)
    #expect(assistant.completions(for: ":export \(workspace.path)/o", files: nil) == [":export \(workspace.path)/out/"])
  }

  /// `~` is the clerk's home folder, as a shell reads it, in what Tab offers and in the file exported to; a `~`
  /// anywhere else is a name like any other.
  @Test func aTildeIsTheHomeFolder() throws {
    let (home, workspace) = (try TestSupport.temporaryWorkspace(), try TestSupport.temporaryWorkspace())
    defer { for folder in [home, workspace] { try? FileManager.default.removeItem(at: folder) } }
    try FileManager.default.createDirectory(at: home.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try Data().write(to: home.appendingPathComponent("april.md"))
    try Data().write(to: workspace.appendingPathComponent("~april.md"))
    let complete = { FilePathCompletion.completions(of: $0, relativeTo: workspace, home: home.path) }
    #expect(complete("~/") == ["~/april.md", "~/exports/"])
    #expect(complete("~/e") == ["~/exports/"])
    #expect(complete("~/exports/").isEmpty)
    #expect(complete("~a") == ["~april.md"])
    // `~` alone is the home folder first, as a shell completes it, then the names in the workspace that start so.
    #expect(complete("~") == ["~/", "~april.md"])
    #expect(FilePathCompletion.completions(of: "~", relativeTo: workspace, home: "/no-such-home-54") == ["~april.md"])
    let url = { FilePathCompletion.url(of: $0, relativeTo: workspace, home: home.path).path }
    #expect(url("~/exports/may.md") == home.appendingPathComponent("exports/may.md").standardizedFileURL.path)
    #expect(url("~") == home.standardizedFileURL.path)
    #expect(url("~may.md") == workspace.appendingPathComponent("~may.md").standardizedFileURL.path)
    #expect(url("~no-such-user-53/may.md") == workspace.appendingPathComponent("~no-such-user-53/may.md").standardizedFileURL.path)
    // A user the system knows: the owner of this process (as a shell reads `~root/…`).
    if let user = ProcessInfo.processInfo.environment["USER"] ?? (getuid() == 0 ? "root" : nil),
      let userHome = FileManager.default.homeDirectory(forUser: user)?.path
    {
      #expect(url("~\(user)/may.md") == URL(fileURLWithPath: userHome).appendingPathComponent("may.md").standardizedFileURL.path)
    }
    #expect(url("out/../may.md") == workspace.appendingPathComponent("may.md").standardizedFileURL.path)
    #expect(url("/tmp/may.md") == "/tmp/may.md")
  }
}
