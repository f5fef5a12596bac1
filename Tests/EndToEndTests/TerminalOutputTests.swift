import Foundation
import Testing
import MinutesTestSupport

/// Completion, wrapping, colour, the pager and the history file at a real pseudo-terminal (tmux), for TERM=xterm
/// and for tmux's own TERM, with an English and a Chinese template; and what a pipe gets instead.
@Suite(.serialized) struct TerminalOutputTests {
  /// The terminals the tests run in: xterm, and tmux's own `TERM` (left as tmux sets it).
  static let terms: [String?] = ["xterm", nil]

  /// Starts `minutes arguments` in `workspace` in a tmux window of `width`×`height`, with `TERM` as given (tmux's
  /// own when `nil`), no locale, colour allowed unless `environment` says otherwise.
  static func start(_ arguments: String, in workspace: URL, term: String?, width: Int = 100, height: Int = 30,
                    environment: String = "") throws -> Tmux {
    let setTerm = term.map { "TERM=\($0) " } ?? ""
    let command = "cd \(workspace.path) && env -u LANG -u LC_ALL -u LC_CTYPE -u NO_COLOR -u PAGER \(setTerm)\(environment) "
      + "\(Binary.executable.path) \(arguments); sleep 60"
    return try Tmux(command: command, width: width, height: height)
  }

  /// Types `line`, presses Enter and waits for `prompt` on a screen that has moved on: the prompt that was
  /// there before the line was echoed does not count (that race once read the screen before the answer).
  static func answer(_ terminal: Tmux, _ line: String, then prompt: String) throws {
    let before = try terminal.history()
    try terminal.type(line)
    try terminal.press("Enter")
    var reached = false
    for _ in 0..<200 where !reached {
      let now = try terminal.history()
      reached = now != before && now.split(separator: "\n").last.map(String.init) == prompt
      if !reached { usleep(50_000) }
    }
    #expect(reached, "after \(line): \((try? terminal.screen()) ?? "")")
  }

  /// The screen's lines from the last one that starts with `start` down to the last non-empty line.
  static func tail(of screen: String, from start: String) -> String {
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let first = lines.lastIndex(where: { $0.hasPrefix(start) }) else { return screen }
    return lines[first...].joined(separator: "\n")
  }

  /// The screen with its colours and attributes as escape codes (`capture-pane -e`).
  static func colouredScreen(_ terminal: Tmux) throws -> String {
    try terminal.tmux(["capture-pane", "-p", "-e", "-t", "0"])
  }

  // MARK: - Completion

  @Test(arguments: terms) func tabCompletesPeopleAddressesAndPathsInEnglish(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.createDirectory(at: workspace.appendingPathComponent("newdir"), withIntermediateDirectories: true)
    let terminal = try Self.start("new --template board-meeting.en --name people", in: workspace, term: term)
    #expect(try terminal.wait(forLastLine: "Organization>"))
    try Self.answer(terminal, "Harbor", then: "Body>")
    try Self.answer(terminal, "Board", then: "Kind of meeting>")
    try Self.answer(terminal, "Regular", then: "Date>")
    try Self.answer(terminal, "2024-04-16", then: "Called to order>")
    try Self.answer(terminal, "7:00 p.m.", then: "Scheduled for>")
    try Self.answer(terminal, "", then: "Called to order by>")
    try Self.answer(terminal, "", then: "Place>")
    try Self.answer(terminal, "Room", then: "Presiding officer>")
    try Self.answer(terminal, "Ann Lee", then: "Office>")
    try Self.answer(terminal, "President", then: "Presiding in the absence of>")
    try Self.answer(terminal, "", then: "Secretary>")
    try Self.answer(terminal, "Bob Stone", then: "Secretary in the absence of>")
    try Self.answer(terminal, "", then: "Members>")
    try Self.answer(terminal, "9", then: "Members are called>")
    try Self.answer(terminal, "directors", then: "Present 1>")

    // The chair and the secretary are not people of the roles; the chair is: "An" completes to Ann Lee, and the
    // second entry of the list is asked briefly.
    try terminal.type("An")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "Present 1> Ann Lee"))
    try terminal.type(", remote")
    try terminal.press("Enter")
    #expect(try terminal.wait { Self.tail(of: $0, from: "Present 1>") == "Present 1> Ann Lee, remote\nPresent 2? (press Enter when done)\nPresent 2>" })
    try Self.answer(terminal, "Cy Moss", then: "Present 3>")
    // After a command, the entry's question is asked whole again, with its hints, not briefly.
    try Self.answer(terminal, ":show present", then: "Present 3>")
    #expect(try Self.tail(of: terminal.screen(), from: "Present 3> :show present").contains("\nRoll call: who was present at the call to order?"))

    // Addresses complete a step at a time; several candidates are listed.
    try terminal.type(":show pre")
    try terminal.press("Tab")
    #expect(try terminal.wait { $0.contains("\npresiding  present  previous\nPresent 3> :show pre\n") })
    try terminal.type("se")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "Present 3> :show present"))
    try terminal.type(".")
    try terminal.press("Tab")
    #expect(try terminal.wait { $0.contains("\npresent.1  present.2\nPresent 3> :show present.\n") })
    try terminal.press("C-u")

    // A path after :export, relative to the workspace.
    try terminal.type(":export ne")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "Present 3> :export newdir/"))
    try terminal.press("C-u")
    try terminal.press("C-d")
    #expect(try terminal.wait { $0.contains("Saved. To go on: minutes resume people") })
  }

  @Test(arguments: terms) func tabCompletesPeopleAndAddressesInChinese(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let terminal = try Self.start("new --template gov-executive.zh-Hant --name 人名", in: workspace, term: term)
    #expect(try terminal.wait(forLastLine: "日期>"))
    try Self.answer(terminal, "2022-05-20", then: "時段>")
    try Self.answer(terminal, "下午", then: "主持人職務>")
    try Self.answer(terminal, "政府代區長", then: "主持人姓名>")
    try Self.answer(terminal, "管尊旭", then: "屆次>")
    try Self.answer(terminal, ":goto present.+", then: "（4 個錯誤）出席1>")
    try Self.answer(terminal, "副區長 劉成剛、陳春青", then: "（4 個錯誤）出席2>")
    #expect(try Self.tail(of: terminal.screen(), from: "（4 個錯誤）出席1>")
      == "（4 個錯誤）出席1> 副區長 劉成剛、陳春青\n出席2？（直接按 Enter 結束）\n（4 個錯誤）出席2>")

    // The names part of 「職務 姓名、姓名」 completes each name after 、 from the people of the draft.
    try terminal.type("區長助理 劉")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "（4 個錯誤）出席2> 區長助理 劉成剛"))
    try terminal.type("、陳")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "（4 個錯誤）出席2> 區長助理 劉成剛、陳春青"))
    try terminal.press("C-u")
    try terminal.type(":goto d")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "（4 個錯誤）出席2> :goto date"))
    try terminal.press("C-u")
    try terminal.press("C-d")
    #expect(try terminal.wait { $0.contains("已保存。繼續起草：minutes resume 人名") })
  }

  // MARK: - Wrapping, colour, pager

  @Test(arguments: terms) func questionsWrapAtWordsAndBetweenCJKToTheWindowAndAfterAResize(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let english = try Self.start("new --template board-meeting.en --name wrap", in: workspace, term: term, width: 40)
    #expect(try english.wait(forLastLine: "Organization>"))
    #expect(Self.tail(of: try english.screen(), from: "The organization's") == """
      The organization's name? (e.g.
      Harborview Literacy Alliance)
      Organization>
      """)
    try english.tmux(["resize-window", "-t", "0", "-x", "30"], capture: false)
    try Self.answer(english, "Harbor", then: "Body>")
    #expect(Self.tail(of: try english.screen(), from: "Which body") == """
      Which body met? (e.g. Board of
      Directors)
      Body>
      """)

    let chinese = try Self.start("new --template gov-executive.zh-Hant --name 折行", in: workspace, term: term, width: 30)
    #expect(try chinese.wait(forLastLine: "日期>"))
    // Between CJK characters, never inside 2022-05-20 or :house date, never before ；or ）.
    #expect(Self.tail(of: try chinese.screen(), from: "會議日期") == """
      會議日期？（年-月-日，如
      2022-05-20；年份印不印，看版式
      :house date）
      日期>
      """)
  }

  @Test(arguments: terms) func coloursOnlyAtATerminalWithoutNoColor(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let terminal = try Self.start("new --template board-meeting.en --name colour", in: workspace, term: term)
    #expect(try terminal.wait(forLastLine: "Organization>"))
    try Self.answer(terminal, "Harbor", then: "Body>")
    try Self.answer(terminal, "Board", then: "Kind of meeting>")
    try Self.answer(terminal, "Regular", then: "Date>")
    try Self.answer(terminal, "someday", then: "Date>")
    // A control character typed with Ctrl-V is taken out, and the notice (a warning) is yellow.
    try terminal.type("2024-04-16")
    try terminal.press("C-v", "Escape")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "Called to order>"))
    let screen = try Self.colouredScreen(terminal)
    // The question in bold, the error in red, the warning in yellow; the answer typed at the prompt as it is.
    #expect(screen.contains("\u{1B}[1mWhich body met? (e.g. Board of Directors)"))
    #expect(screen.contains("\u{1B}[31m‘someday’"))
    #expect(screen.contains("\u{1B}[33mRemoved from this line"), "\(screen)")
    #expect(screen.contains("Body> Board\n"))

    let plain = try Self.start("new --template gov-executive.zh-Hant --name 無色", in: workspace, term: term, environment: "NO_COLOR=1")
    #expect(try plain.wait(forLastLine: "日期>"))
    try Self.answer(plain, "某天", then: "日期>")
    let plainScreen = try Self.colouredScreen(plain)
    #expect(plainScreen.contains("會議日期？"))
    #expect(!plainScreen.contains("\u{1B}[1m") && !plainScreen.contains("\u{1B}[31m"), "\(plainScreen)")

    // TERM=dumb: no line editor, no colour.
    let dumb = try Self.start("new --template board-meeting.en --name dumb", in: workspace, term: "dumb")
    #expect(try dumb.wait { $0.contains("Organization>") })
    try dumb.type("Harbor")
    try dumb.press("Enter")
    #expect(try dumb.wait { $0.contains("Body>") })
    #expect(!(try Self.colouredScreen(dumb)).contains("\u{1B}["))
  }

  @Test func answersFromAPipeAreColouredOnATerminalAndNothingIsColouredInAPipe() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // Input from a pipe, output to the terminal: the echoed answer in green, the question in bold.
    try Data("Harbor\n".utf8).write(to: workspace.appendingPathComponent("in.txt"))
    let terminal = try Self.start("new --template board-meeting.en --name echo < in.txt", in: workspace, term: "xterm")
    #expect(try terminal.wait { $0.contains("Saved. To go on: minutes resume echo") })
    let screen = try Self.colouredScreen(terminal)
    #expect(screen.contains("Organization> \u{1B}[32mHarbor"))

    // Output to a pipe: no colour, no wrapping, no pager, whatever TERM and PAGER say.
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["PAGER"] = "false"
    environment.removeValue(forKey: "NO_COLOR")
    let piped = try Binary.run(
      ["new", "--template", "board-meeting.en", "--name", "piped", "--keep-going"], in: workspace,
      input: Data("Harbor\nBoard\nRegular\nsomeday\n:show\n".utf8), environment: environment)
    #expect(!piped.text.contains("\u{1B}"))
    #expect(piped.text.contains("Date> someday\n‘someday’"))
    #expect(piped.text.contains("organization  Organization: Harbor\n"))
  }

  @Test(arguments: terms) func longShowGoesThroughThePagerAtATerminal(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let terminal = try Self.start(
      "new --template gov-executive.zh-Hant --name 分頁", in: workspace, term: term, width: 80, height: 12,
      environment: "PAGER=\"sed 's/^/P| /'\"")
    #expect(try terminal.wait(forLastLine: "日期>"))
    try Self.answer(terminal, "2022-05-20", then: "時段>")
    // A short listing is printed as it is.
    try Self.answer(terminal, ":show date", then: "時段>")
    #expect(try terminal.screen().contains("\ndate  日期：2022-05-20\n"))
    // A listing longer than the window goes through $PAGER.
    try Self.answer(terminal, ":help", then: "時段>")
    #expect(try terminal.wait { $0.contains("\nP|   :quit ") })
  }

  // MARK: - History file

  @Test(arguments: terms) func historyIsNeverWrittenThroughASymlink(term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let sessions = workspace.appendingPathComponent("sessions")
    try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    let victim = workspace.appendingPathComponent("elsewhere.txt")
    try Data("someone else's file\n".utf8).write(to: victim)
    let history = sessions.appendingPathComponent(".history")
    try FileManager.default.createSymbolicLink(at: history, withDestinationURL: victim)

    let terminal = try Self.start("new --template board-meeting.en --name link", in: workspace, term: term)
    #expect(try terminal.wait(forLastLine: "Organization>"))
    try Self.answer(terminal, "Harbor Trust", then: "Body>")
    try terminal.press("C-d")
    #expect(try terminal.wait { $0.contains("Saved. To go on: minutes resume link") })

    #expect(try String(contentsOf: victim, encoding: .utf8) == "someone else's file\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let saved = try String(contentsOf: history, encoding: .utf8)
    #expect(saved.hasPrefix("_HiStOrY_V2_\n") && saved.contains("Harbor\\040Trust\n"))
    // No temporary file is left beside it.
    let left = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasPrefix(".history.") }
    #expect(left.isEmpty)

    // The next session reads the history back (Up recalls the line), now that it is a regular file.
    let again = try Self.start("new --template board-meeting.en --name link2", in: workspace, term: term)
    #expect(try again.wait(forLastLine: "Organization>"))
    try again.press("Up")
    #expect(try again.wait(forLastLine: "Organization> Harbor Trust"))
  }
}
