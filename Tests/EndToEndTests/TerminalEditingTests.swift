import Foundation
import Testing
import MinutesTestSupport

/// One way of running the tests' terminal: the `TERM` the program sees (`nil`: tmux's own, `screen`) and the
/// template drafted.
struct TerminalCase: CustomTestStringConvertible, Sendable {
  var term: String?
  var template: String
  var testDescription: String { "TERM=\(term ?? "tmux's own") \(template)" }

  var isChinese: Bool { template.contains(".zh-") }

  /// TERM=xterm and tmux's own, with a Chinese and an English template.
  static let all: [TerminalCase] = [nil, "xterm"].flatMap { term in
    ["gov-executive.zh-Hant", "team-meeting.en"].map { TerminalCase(term: term, template: $0) }
  }
}

extension Tmux {
  /// Pastes `text` as the terminal does when the program asked for bracketed paste (`paste-buffer -p`).
  func paste(_ text: String) throws {
    try tmux(["set-buffer", "--", text], capture: false)
    try tmux(["paste-buffer", "-p", "-t", "0"], capture: false)
  }

  /// Resizes the window, as a clerk dragging its corner does (the program gets SIGWINCH).
  func resize(width: Int, height: Int = 24) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"], capture: false)
  }

  /// The cursor's column and row.
  func cursor() throws -> [Int] {
    try tmux(["display", "-p", "-t", "0", "#{cursor_x} #{cursor_y}"])
      .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
  }

  /// The rows of the screen from the last one that starts with `prefix` to the last that is not empty.
  func rows(from prefix: String) throws -> [String] {
    var lines = try screen().components(separatedBy: "\n")
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    guard let start = lines.lastIndex(where: { $0.hasPrefix(prefix) }) else { return lines }
    return Array(lines[start...])
  }

  /// The last `count` rows of the screen that are not empty at its end.
  func lastRows(_ count: Int) throws -> [String] {
    var lines = try screen().components(separatedBy: "\n")
    while let last = lines.last, last.isEmpty { lines.removeLast() }
    return Array(lines.suffix(count))
  }

  /// Waits until the rows from the last that starts with `prefix` are `expected`; returns whether they were.
  @discardableResult
  func wait(rows expected: [String], from prefix: String) throws -> Bool {
    try wait { _ in (try? self.rows(from: prefix)) == expected }
  }
}

/// The terminal behaves like readline and fish (issue 14): the editing keys of every common terminal, a correct
/// display of wide and combining characters, bracketed paste, the clerk's editor, Ctrl-C on a wrapped line. Each
/// drives the built binary in tmux and compares the screen row by row.
@Suite(.serialized) struct TerminalEditingTests {
  /// Starts `minutes ARGUMENTS` in tmux in `workspace` (its HOME too, so that no ~/.editrc of the machine's is read).
  static func start(_ arguments: String, _ terminal: TerminalCase, in workspace: URL, width: Int = 80,
                    environment: String = "") throws -> Tmux {
    let term = terminal.term.map { "TERM=\($0) " } ?? ""
    let command = "cd \(workspace.path) && env -u LANG -u LC_ALL -u LC_CTYPE -u VISUAL -u EDITOR \(term)HOME=\(workspace.path) "
      + "\(environment) \(Binary.executable.path) \(arguments); sleep 60"
    return try Tmux(command: command, width: width, height: 24)
  }

  /// Pipes `lines` into `minutes new` to make the session `name`, to be resumed at the terminal.
  static func prepare(_ name: String, _ template: String, lines: [String], in workspace: URL) throws {
    let input = Data((lines + [":quit"]).map { $0 + "\n" }.joined().utf8)
    let result = try Binary.run(["new", "--template", template, "--name", name], in: workspace, input: input)
    #expect(result.status == 0, "\(result.stderr)")
  }

  // MARK: - 1. Keys

  @Test(arguments: TerminalCase.all)
  func editingKeysOfEveryTerminalAndTheUsersEditrcWins(_ terminal: TerminalCase) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // The clerk's own ~/.editrc binds Insert to the start of the line: it is read after minutes' bindings and wins.
    try "bind '\\e[2~' ed-move-to-beg\n".write(to: workspace.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
    let tmux = try Self.start("new --template \(terminal.template) --name keys", terminal, in: workspace)
    let (first, prompt, words) = terminal.isChinese
      ? ("下午", "主持人職務> ", "甲乙 丙丁 戊己")
      : ("Weekly Sync", "Date> ", "one two three")
    if terminal.isChinese {
      #expect(try tmux.wait(forLastLine: "日期>"))
      try tmux.type("2022-05-20")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: "時段>"))
    } else {
      #expect(try tmux.wait(forLastLine: "Title>"))
    }
    try tmux.type(first)
    try tmux.press("Enter")
    #expect(try tmux.wait(forLastLine: String(prompt.dropLast())))

    // PgUp brings back the previous answer, PgDn goes forward again.
    try tmux.press("PPage")
    #expect(try tmux.wait(forLastLine: prompt + first))
    try tmux.press("NPage")
    #expect(try tmux.wait(forLastLine: String(prompt.dropLast())))

    try tmux.type(words)
    // Home and End as tmux sends them (VT220: ESC [1~, ESC [4~), Ctrl-Left and Alt-Left (ESC [1;5D, ESC [1;3D),
    // Delete (ESC [3~).
    try tmux.press("Home")
    try tmux.type("H")
    try tmux.press("End")
    try tmux.type("E")
    try tmux.press("C-Left")
    try tmux.type("C")
    try tmux.press("M-Left", "M-Left")
    try tmux.type("A")
    try tmux.press("DC")
    // rxvt's Home and End (ESC [7~, ESC [8~), xterm's (ESC [H, ESC OF), iTerm's Alt-Left (ESC ESC [D), rxvt's
    // Ctrl-Right (ESC Oc).
    try tmux.type("\u{1B}[7~")
    try tmux.type("1")
    try tmux.type("\u{1B}[8~")
    try tmux.type("8")
    try tmux.type("\u{1B}[H")
    try tmux.type("2")
    try tmux.type("\u{1B}OF")
    try tmux.type("9")
    try tmux.type("\u{1B}\u{1B}[D")
    try tmux.type("I")
    try tmux.type("\u{1B}Oc")
    try tmux.type("R")
    // Insert, which the clerk's ~/.editrc binds to the start of the line.
    try tmux.press("IC")
    try tmux.type("U")
    let expected = terminal.isChinese ? "U21H甲乙 A丁 IC戊己E89R" : "U21Hone Awo ICthreeE89R"
    #expect(try tmux.wait(forLastLine: prompt + expected), "\((try? tmux.screen()) ?? "")")
    try tmux.press("Enter")
    // Keys typed before the next prompt would go to the terminal's own line editing: wait for it.
    #expect(try tmux.wait(forLastLine: terminal.isChinese ? "主持人姓名>" : "Date>"))
    try tmux.press("C-d")
    #expect(try tmux.wait { $0.contains("minutes resume keys") }, "\((try? tmux.screen()) ?? "")")
  }

  // MARK: - 2. Wide and combining characters

  /// A line edited in the middle, wrapped, and the window resized, in each script.
  struct DisplayCase: CustomTestStringConvertible, Sendable {
    var term: String?
    var template: String
    var testDescription: String { "TERM=\(term ?? "tmux's own") \(template)" }
    static let all: [DisplayCase] = [nil, "xterm"].flatMap { term in
      ["gov-executive.zh-Hant", "gov-executive.zh-Hans", "team-meeting.en"].map { DisplayCase(term: term, template: $0) }
    }
  }

  @Test(arguments: DisplayCase.all)
  func wideAndCombiningCharactersAreDrawnWhereTheyAreWhenEditedWrappedAndResized(_ display: DisplayCase) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let terminal = TerminalCase(term: display.term, template: display.template)
    let tmux = try Self.start("new --template \(display.template) --name wide", terminal, in: workspace, width: 40)
    if display.template.hasPrefix("gov-executive") {
      let hans = display.template.hasSuffix("Hans")
      let prompt = hans ? "主持人职务> " : "主持人職務> "
      let words = hans ? "施说明文件汇编第一部分" : "施說明文件彙編第一部分"
      #expect(try tmux.wait(forLastLine: "日期>"))
      try tmux.type("2022-05-20")
      try tmux.press("Enter")
      try tmux.type("下午")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: String(prompt.dropLast())))
      // One column short for the 14th character: it starts the second row, as the terminal wraps it.
      try tmux.type("x" + words + words)
      let chars = Array("x" + words + words).map(String.init)
      #expect(try tmux.wait(rows: [prompt + chars[0..<14].joined(), chars[14...].joined()], from: prompt))
      // Inserted and deleted in the middle: the rest of the line moves with it, the second row keeps its tail.
      try tmux.press("C-a", "Right", "Right")
      try tmux.type("中")
      try tmux.press("BSpace", "Right", "BSpace")
      var edited = chars
      edited.remove(at: 2)
      #expect(try tmux.wait(rows: [prompt + edited[0..<14].joined(), edited[14...].joined()], from: prompt), "\((try? tmux.screen()) ?? "")")
      #expect(try tmux.cursor().first == 15)
      // Narrower: the line is laid out again at 30 columns, and the next character lands after the last.
      try tmux.press("End")
      try tmux.resize(width: 30)
      try tmux.type("末")
      edited.append("末")
      #expect(try tmux.wait(rows: [prompt + edited[0..<9].joined(), edited[9...].joined()], from: prompt), "\((try? tmux.screen()) ?? "")")
      #expect(try tmux.cursor().first == 2 * (edited.count - 9))
      try tmux.press("Enter")
      #expect(try tmux.wait { $0.contains("主持人姓名>") })
      try tmux.resize(width: 100)
      try tmux.press("C-d")
      // The session ended (the message may be wrapped where the window was still narrow).
      #expect(try tmux.wait { $0.contains("resume wide") }, "\((try? tmux.screen()) ?? "")")
      let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/wide.yaml"), encoding: .utf8)
      #expect(saved.contains("title: " + edited.joined() + "\n"))
    } else {
      let prompt = "Title> "
      #expect(try tmux.wait(forLastLine: "Title>"))
      // Typed with combining marks: e U+0301, e U+0300, u U+0302.
      try tmux.type("Cafe\u{301} menu: re\u{301}sume\u{301}, cre\u{300}me bru\u{302}le\u{301}e and more")
      #expect(try tmux.wait(rows: [prompt + "Café menu: résumé, crème brûlée a", "nd more"], from: prompt), "\((try? tmux.screen()) ?? "")")
      // Four steps right are four letters: the cursor never stops between e and its accent.
      try tmux.press("C-a", "Right", "Right", "Right", "Right")
      try tmux.type("s")
      #expect(try tmux.wait(rows: [prompt + "Cafés menu: résumé, crème brûlée", "and more"], from: prompt), "\((try? tmux.screen()) ?? "")")
      #expect(try tmux.cursor().first == 12)
      // Two steps left pass s and é; Backspace deletes f. Right steps over é whole; Backspace deletes it whole.
      try tmux.press("Left", "Left", "BSpace", "Right", "BSpace")
      #expect(try tmux.wait(rows: [prompt + "Cas menu: résumé, crème brûlée an", "d more"], from: prompt), "\((try? tmux.screen()) ?? "")")
      #expect(try tmux.cursor().first == 9)
      try tmux.press("End")
      try tmux.resize(width: 30)
      try tmux.type("!")
      #expect(try tmux.wait(rows: [prompt + "Cas menu: résumé, crème", " brûlée and more!"], from: prompt), "\((try? tmux.screen()) ?? "")")
      #expect(try tmux.cursor().first == 17)
      try tmux.press("Enter")
      #expect(try tmux.wait { $0.contains("Date>") })
      try tmux.resize(width: 100)
      try tmux.press("C-d")
      // The session ended (the message may be wrapped where the window was still narrow).
      #expect(try tmux.wait { $0.contains("resume wide") }, "\((try? tmux.screen()) ?? "")")
      let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/wide.yaml"), encoding: .utf8)
      #expect(saved.contains("title: 'Cas menu: résumé, crème brûlée and more!'\n"))
    }
  }

  // MARK: - 3. Bracketed paste

  @Test(arguments: TerminalCase.all)
  func aPasteIsOneAnswerEntriesOrAParagraphOrRefused(_ terminal: TerminalCase) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    if terminal.isChinese {
      try Self.prepare("paste", terminal.template, lines: ["2022-05-20", "下午", "政府代區長", "管尊旭", "十", "區政府", "3", "常務會議",
                                                           "傳達學習", "全國“兩會”精神", "", "指出", "", ""], in: workspace)
    } else {
      try Self.prepare("paste", terminal.template, lines: ["Platform Team Weekly Sync", "2024-05-14", "Maya Chen", "Jonas Berg",
                                                           "Maya Chen, Jonas Berg", "", "Noor Haddad", "", "Release 2.4 readiness"], in: workspace)
    }
    let tmux = try Self.start("resume paste", terminal, in: workspace, width: 200)
    if terminal.isChinese {
      #expect(try tmux.wait(forLastLine: "議題1 指示1 要點1>"))
      // Three lines at the points of a directive: three points, one change.
      try tmux.paste("要堅持原則。\n要積極貫徹，\t落實到位。\n要加強督查。\n")
      #expect(try tmux.wait(rows: [
        "議題1 指示1 要點1> 要堅持原則。", "要積極貫徹， 落實到位。", "要加強督查。",
        "貼上的 3 行已成為 3 項：議題1 指示1 要點1 至 議題1 指示1 要點3；:undo 可一次撤回整次貼上。",
        "議題1 指示1 要點4？（直接按 Enter 結束）", "議題1 指示1 要點4>",
      ], from: "議題1 指示1 要點1> 要堅持"), "\((try? tmux.screen()) ?? "")")
      try tmux.type(":undo")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: "議題1 指示1 要點1>"))
      // At a date, several lines answer nothing, and say so.
      try tmux.type(":goto date")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: "日期> 2022-05-20"))
      try tmux.press("C-u")
      try tmux.paste("2022-05-21\n2022-05-22\n")
      #expect(try tmux.wait { $0.contains("貼上的內容有 2 行，「日期」只收一行，所以一行也沒有採用。請一次貼上一行，或用 :edit 地址 --editor 在編輯器中編寫。\n會議日期？") })
      // One line is put on the line, a tab as a space, and waits for Enter.
      try tmux.press("C-u")
      try tmux.paste("2022-05-21\t")
      #expect(try tmux.wait(forLastLine: "日期> 2022-05-21"))
      try tmux.press("BSpace", "Enter")
      // The interview goes on at the first part still missing.
      #expect(try tmux.wait(forLastLine: "議題1 後續>"), "\((try? tmux.screen()) ?? "")")
      try tmux.press("C-d")
      #expect(try tmux.wait { $0.contains("minutes resume paste") })
      let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/paste.yaml"), encoding: .utf8)
      #expect(saved.contains("date: '2022-05-21'") || saved.contains("date: 2022-05-21"), "\(saved)")
      #expect(!saved.contains("要堅持原則"), "the undo took the whole paste back")
    } else {
      #expect(try tmux.wait(forLastLine: "Item 1 Notes>"))
      // Three lines at a text: one paragraph.
      try tmux.paste("Two blocking bugs remain,\tlogin timeout\nand CSV export;\nRavi expects both fixed.\n")
      #expect(try tmux.wait(rows: [
        "Item 1 Notes> Two blocking bugs remain, login timeout", "and CSV export;", "Ravi expects both fixed.",
        "The 3 lines were joined into one paragraph.", "Decision 1 on item 1? (press Enter when there are no more)",
        "Item 1 Decision 1>",
      ], from: "Item 1 Notes> Two"), "\((try? tmux.screen()) ?? "")")
      // Three lines at a list of texts: three entries, one change.
      try tmux.paste("Keep the May 22 release date.\nCut the branch on May 17.\n\tTell support.")
      #expect(try tmux.wait(rows: [
        "Item 1 Decision 1> Keep the May 22 release date.", "Cut the branch on May 17.", " Tell support.",
        "The 3 pasted lines became 3 entries, Item 1 Decision 1 to Item 1 Decision 3; :undo takes the whole paste back.",
        "Item 1 Decision 4? (press Enter when done)", "Item 1 Decision 4>",
      ], from: "Item 1 Decision 1> Keep"), "\((try? tmux.screen()) ?? "")")
      try tmux.type(":undo")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: "Item 1 Decision 1>"))
      try tmux.type(":goto date")
      try tmux.press("Enter")
      #expect(try tmux.wait(forLastLine: "Date> 2024-05-14"))
      try tmux.press("C-u")
      try tmux.paste("2024-05-15\n2024-05-16\n")
      #expect(try tmux.wait { $0.contains("The paste held 2 lines, but ‘Date’ takes one line, so none of it was used. Paste one line at a time, or write it in your editor with :edit ADDRESS --editor.\nThe date?") }, "\((try? tmux.screen()) ?? "")")
      // The question asked again, its answer put back on the line: keys sent before would reach the line it
      // replaces (under load, Ctrl-D was once read before the new line, which then waited for input).
      #expect(try tmux.wait(forLastLine: "Date> 2024-05-14"), "\((try? tmux.screen()) ?? "")")
      try tmux.press("C-u", "C-d")
      #expect(try tmux.wait { $0.contains("minutes resume paste") })
      let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/paste.yaml"), encoding: .utf8)
      #expect(saved.contains("notes: Two blocking bugs remain, login timeout and CSV export; Ravi expects both fixed.\n"), "\(saved)")
      #expect(!saved.contains("Keep the May 22"), "the undo took the whole paste back")
    }
  }

  // MARK: - 4. The clerk's editor

  @Test(arguments: TerminalCase.all)
  func ctrlXCtrlEAndEditWithEditorOpenTheEditorAndLeavingWithoutSavingChangesNothing(_ terminal: TerminalCase) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // The editor: writes next.txt over the file when there is one (and removes it), else leaves without saving.
    let editor = workspace.appendingPathComponent("editor.sh")
    try "#!/bin/sh\nif [ -f \"$HOME/next.txt\" ]; then cat \"$HOME/next.txt\" > \"$1\"; rm \"$HOME/next.txt\"; fi\n"
      .write(to: editor, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
    let next = workspace.appendingPathComponent("next.txt")
    let tmux = try Self.start("new --template \(terminal.template) --name editor", terminal, in: workspace,
                              environment: "EDITOR='\(editor.path)'")
    let zh = terminal.isChinese
    let prompt = zh ? "主持人職務> " : "Title> "
    let address = zh ? "chair.title" : "title"
    if zh {
      #expect(try tmux.wait(forLastLine: "日期>"))
      try tmux.type("2022-05-20")
      try tmux.press("Enter")
      try tmux.type("下午")
      try tmux.press("Enter")
    }
    #expect(try tmux.wait(forLastLine: String(prompt.dropLast())))
    // Ctrl-X Ctrl-E: the line in the editor; what it saves replaces the line, to be answered with Enter.
    try tmux.type(zh ? "草稿" : "draft")
    try (zh ? "政府代區長\n" : "Weekly Sync\n").write(to: next, atomically: true, encoding: .utf8)
    try tmux.press("C-x", "C-e")
    #expect(try tmux.wait(forLastLine: prompt + (zh ? "政府代區長" : "Weekly Sync")), "\((try? tmux.screen()) ?? "")")
    #expect(try tmux.cursor().first == (zh ? 22 : 18))
    try tmux.press("Enter")
    let nextPrompt = zh ? "主持人姓名>" : "Date>"
    #expect(try tmux.wait(forLastLine: nextPrompt))
    // Leaving the editor without saving changes nothing.
    try tmux.type(":edit \(address) --editor")
    try tmux.press("Enter")
    #expect(try tmux.wait(rows: [
      zh ? "編輯器沒有保存就退出了，內容未修改。" : "The editor was left without saving; nothing changed.",
      zh ? "主持人的姓名？（報道只寫職務時，如「縣長主持召開」，直接按 Enter）" : "The date? (YYYY-MM-DD)", nextPrompt,
    ], from: zh ? "編輯器" : "The editor"), "\((try? tmux.screen()) ?? "")")
    #expect(try tmux.wait(forLastLine: nextPrompt))
    // `:e ADDRESS --editor`: two lines saved become one paragraph.
    try (zh ? "政府\n代區長\n" : "Platform Team\nWeekly Sync\n").write(to: next, atomically: true, encoding: .utf8)
    try tmux.type(":e \(address) --editor")
    try tmux.press("Enter")
    #expect(try tmux.wait { $0.contains(zh ? "這 2 行已合為一段。\n" : "The 2 lines were joined into one paragraph.\n") }, "\((try? tmux.screen()) ?? "")")
    #expect(try tmux.wait(forLastLine: nextPrompt))
    try tmux.press("C-d")
    #expect(try tmux.wait { $0.contains("minutes resume editor") })
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/editor.yaml"), encoding: .utf8)
    #expect(saved.contains(zh ? "title: 政府代區長\n" : "title: Platform Team Weekly Sync\n"), "\(saved)")
  }

  @Test(arguments: [nil, "xterm"] as [String?])
  func ctrlXCtrlEInViQuitWithoutSavingLeavesTheLineAndTheTerminalAsTheyWere(_ term: String?) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let terminal = TerminalCase(term: term, template: "team-meeting.en")
    let tmux = try Self.start("new --template team-meeting.en --name vi", terminal, in: workspace)
    #expect(try tmux.wait(forLastLine: "Title>"))
    try tmux.type("Weekly")
    try tmux.press("C-x", "C-e")
    // vi (no VISUAL, no EDITOR) shows the line; :q! leaves it.
    #expect(try tmux.wait { $0.hasPrefix("Weekly\n") }, "\((try? tmux.screen()) ?? "")")
    try tmux.press("Escape")
    try tmux.type(":q!")
    try tmux.press("Enter")
    #expect(try tmux.wait(forLastLine: "Title> Weekly"), "\((try? tmux.screen()) ?? "")")
    // The terminal is libedit's again: keys edit the line.
    try tmux.type(" Sync")
    try tmux.press("C-a")
    try tmux.type("The ")
    #expect(try tmux.wait(forLastLine: "Title> The Weekly Sync"))
    try tmux.press("Enter")
    #expect(try tmux.wait(forLastLine: "Date>"))
  }

  // MARK: - 7. Ctrl-C on a wrapped line

  @Test(arguments: TerminalCase.all)
  func ctrlCClearsEveryRowOfAWrappedLine(_ terminal: TerminalCase) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let tmux = try Self.start("new --template \(terminal.template) --name ctrlc", terminal, in: workspace, width: 40)
    let zh = terminal.isChinese
    let question = zh ? "主持人的職務？（如 政府代區長）" : "The meeting's title? (e.g. Platform Team"
    if zh {
      #expect(try tmux.wait(forLastLine: "日期>"))
      try tmux.type("2022-05-20")
      try tmux.press("Enter")
      try tmux.type("下午")
      try tmux.press("Enter")
    }
    let prompt = zh ? "主持人職務>" : "Title>"
    #expect(try tmux.wait(forLastLine: prompt))
    // Three rows, the cursor on the first. Each step is seen on the screen before the next: the terminal turns
    // Ctrl-C into a signal as it arrives, ahead of keys the program has not read yet (under load, it once came
    // before the third row was drawn).
    let start = try tmux.cursorColumn()
    let typed = zh ? String(repeating: "施說明文件彙編第一部分", count: 4) : String(repeating: "a paragraph that wraps ", count: 4)
    try tmux.type(typed)
    let squeezed = { (text: String) in text.filter { $0 != "\n" && $0 != " " } }
    #expect(try tmux.wait { squeezed($0).contains(squeezed(typed)) }, "\((try? tmux.screen()) ?? "")")
    try tmux.press("C-a", "Right", "Right", "Right")
    #expect(try tmux.wait { _ in (try? tmux.cursorColumn()) == start + 3 * (zh ? 2 : 1) }, "\((try? tmux.screen()) ?? "")")
    try tmux.press("C-c")
    let expected = zh
      ? [question, "（已放棄這一行）", question, prompt]
      : [question, "Weekly Sync)", "(line dropped)", question, "Weekly Sync)", prompt]
    #expect(try tmux.wait { _ in (try? tmux.lastRows(expected.count)) == expected }, "\((try? tmux.screen()) ?? "")")
    try tmux.press("C-d")
    #expect(try tmux.wait { $0.contains("minutes resume ctrlc") })
  }
}

