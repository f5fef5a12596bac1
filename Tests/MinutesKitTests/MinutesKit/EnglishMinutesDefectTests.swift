import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The smaller defects of English minutes (issue 11, item 6), each with the case that showed it.
@Suite struct EnglishMinutesDefectTests {
  static func board() throws -> Template { try TestSupport.template(id: "board-meeting.en") }

  /// A council's executive session is the council's, not "the board's".
  @Test func anExecutiveSessionIsEnteredByTheBodyThatMet() throws {
    let template = try Self.board()
    let minutes = try template.conform(Minutes(template: template.id, content: [
      "meeting": ["organization": "Town of Millbrook", "body": "Town Council"],
      "executiveSessions": [["began": "20:10", "purpose": "to discuss the purchase of land on Mill Road", "ended": "20:41",
                             "outcome": "No action was taken."]],
    ]))
    let text = try TextExporter().export(minutes, template: template)
    #expect(text.contains("\nThe Town Council went into executive session at 8:10 p.m. to discuss the purchase of land on Mill Road and returned to open session at 8:41 p.m. No action was taken.\n"), "\(text)")
    #expect(!text.contains("The board went"))
  }

  /// A variant that writes `quotes: []` keeps the straight quotes the clerk typed; the built-in curls them.
  @Test func straightQuotesStayStraightWhereTheTemplateSaysSo() throws {
    let folder = try TestSupport.temporaryWorkspace("quotes")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("straight.en.yaml")
    try "format: 2\nid: straight.en\nextends: board-meeting.en\nname: Straight quotes\nlanguage: en\nquotes: []\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let straight = try TemplateLibrary().load(contentsOf: file)
    var assistant = Assistant(template: straight, minutes: Minutes(template: straight.id))
    assistant.answer(["Friends of the \"Old Mill\""])
    #expect(assistant.minutes["meeting.organization"] == "Friends of the \"Old Mill\"")

    let curly = try Self.board()
    var builtIn = Assistant(template: curly, minutes: Minutes(template: curly.id))
    builtIn.answer(["Friends of the \"Old Mill\""])
    #expect(builtIn.minutes["meeting.organization"] == "Friends of the “Old Mill”")
  }

  /// `:show` of a list with no entries says it is empty, and how to add to it.
  @Test func showingAnEmptyListSaysItIsEmpty() throws {
    let template = try Self.board()
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let response = assistant.handle(":show absent")
    #expect(!response.isError)
    #expect(response.messages == ["‘Absent’ (absent) is empty: nothing has been entered. Type :add absent to add to it."])
    #expect(assistant.handle(":show reports").messages == ["‘Report’ (reports) is empty: nothing has been entered. Type :add reports to add to it."])
  }

  /// A roll call being typed against counts already given is not an error at each vote; once it is done, a tally
  /// that differs is, and the prompt counts what `:check` lists.
  @Test func aRollCallBeingTypedIsNoTallyErrorUntilItIsDone() throws {
    let template = try Self.board()
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let session = try String(contentsOf: TestSupport.fixture("examples/board-meeting.en.session.txt"), encoding: .utf8)
    assistant.answer(session.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    #expect(assistant.cursor == nil)
    #expect(assistant.openErrors == 0)
    // Motion 4 was counted 2 in favor, 4 opposed, 1 abstaining; its roll call is typed afterwards.
    _ = assistant.handle(":goto 4.rollCall.+")
    #expect(assistant.prompt == "Motion 4 Roll-call vote 1> ", "\(assistant.prompt)")
    assistant.answer(["Greg Hallworth, aye"])
    #expect(assistant.prompt == "Motion 4 Roll-call vote 2> ", "\(assistant.prompt)")
    assistant.answer(["Daniel Reyes, nay"])
    #expect(assistant.prompt == "Motion 4 Roll-call vote 3> ", "\(assistant.prompt)")
    // Ended there: 1 of 2 in favor, 1 of 4 opposed, 0 of 1 abstaining are errors, on the prompt as in :check.
    assistant.answer([""])
    let errors = Validator(template: template).errors(in: assistant.minutes)
    #expect(errors.map(\.rule) == ["rollCall.tally", "rollCall.tally", "rollCall.tally"])
    #expect(assistant.cursor == nil)
    #expect(assistant.openErrors == errors.count)
    #expect(assistant.prompt == "(3 errors) command> ")
  }
}
