import Foundation
import Testing
import MinutesTestSupport

/// Drives the built binary in a real pseudo-terminal through tmux, as a clerk types at it.
final class Tmux {
  let socket = "minutes-test-\(UUID().uuidString.prefix(8))"

  init(command: String, width: Int = 100, height: Int = 30) throws {
    try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command], capture: false)
  }

  deinit { _ = try? tmux(["kill-server"], capture: false) }

  /// Types `text` literally.
  func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text], capture: false) }

  /// Presses keys by tmux name (Enter, Tab, C-c, C-d, BSpace).
  func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys, capture: false) }

  /// Sends `bytes` as they are, as a terminal in another encoding would (Big5, GBK).
  func send(bytes: [UInt8]) throws {
    try tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String(format: "%02x", $0) }, capture: false)
  }

  /// The visible screen.
  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "0"]) }

  /// The scrollback and the visible screen: it only grows while the program writes lines.
  func history() throws -> String { try tmux(["capture-pane", "-p", "-S", "-", "-t", "0"]) }

  /// The cursor column.
  func cursorColumn() throws -> Int {
    Int(try tmux(["display", "-p", "-t", "0", "#{cursor_x}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  /// Waits until the screen satisfies `condition` (10 s at most); returns whether it did.
  @discardableResult
  func wait(until condition: (String) -> Bool) throws -> Bool {
    for _ in 0..<200 {
      if condition(try screen()) { return true }
      usleep(50_000)
    }
    return false
  }

  /// Waits until the last non-empty line of the screen is `line` exactly.
  @discardableResult
  func wait(forLastLine line: String) throws -> Bool {
    try wait { $0.split(separator: "\n").last.map(String.init) == line }
  }

  /// Runs a tmux command through `posix_spawn` and `waitpid`. Foundation's `Process` is not used here: its
  /// `waitUntilExit` was seen to hang on the client that `new-session` leaves while it starts the server.
  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let argv = ["tmux", "-u", "-L", socket] + arguments
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, capture ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cArguments = argv.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    // The test runner's threads block signals and a child inherits the mask: start tmux with none blocked.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    guard posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ) == 0 else {
      throw POSIXError(.ENOENT)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard capture else { return "" }
    return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }
}

@Suite(.serialized) struct TerminalTests {
  @Test func cjkWithoutLocaleTabCompletionCtrlCAndPrefilledEdit() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let command = "cd \(workspace.path) && env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm \(Binary.executable.path) new --name pty; sleep 60"
    let terminal = try Tmux(command: command)

    // Without --template, minutes asks which template; Tab completes the ids to their common prefix and lists them.
    #expect(try terminal.wait { $0.contains("Which template?") })
    try terminal.type("gov-e")
    try terminal.press("Tab")
    #expect(try terminal.wait { $0.contains("gov-executive-formal.zh-Hant  gov-executive.zh-Hans  gov-executive.zh-Hant\n") })
    #expect(try terminal.wait { $0.contains("Tab completes): gov-executive") })
    try terminal.type(".zh-Hant")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "日期>"))
    try terminal.type("2022-05-20")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "時段>"))

    // Tab completes the current question's choices, and the cursor column counts CJK as two cells.
    try terminal.type("下")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "時段> 下午"))
    #expect(try terminal.cursorColumn() == 10)
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "主持人職務>"))

    // Ctrl-C abandons a half-typed line and asks again; the session goes on. (The line is seen first: the
    // terminal turns Ctrl-C into a signal as it arrives, ahead of keys the program has not read yet.)
    try terminal.type("半截")
    #expect(try terminal.wait(forLastLine: "主持人職務> 半截"))
    try terminal.press("C-c")
    #expect(try terminal.wait { $0.contains("（已放棄這一行）") })
    #expect(try terminal.wait(forLastLine: "主持人職務>"))
    try terminal.type("政府代區長")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "主持人姓名>"))
    try terminal.type("管尊旭")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "屆次>"))

    // Tab completes a command name; :edit puts the current value on the line to edit.
    try terminal.type(":ed")
    try terminal.press("Tab")
    #expect(try terminal.wait(forLastLine: "屆次> :edit"))
    try terminal.type("period")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "修改 period> 下午"))
    try terminal.press("BSpace", "BSpace")
    try terminal.type("晚上")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "屆次>"))

    // Ctrl-D on an empty line saves and leaves.
    try terminal.press("C-d")
    #expect(try terminal.wait { $0.contains("已保存。繼續起草：minutes resume pty") })

    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/pty.yaml"), encoding: .utf8)
    #expect(saved.contains("period: 晚上\n"))
    #expect(saved.contains("title: 政府代區長\n"))
    #expect(saved.contains("name: 管尊旭\n"))
    #expect(!saved.contains("半截"))
    let history = try String(contentsOf: workspace.appendingPathComponent("sessions/.history"), encoding: .utf8)
    #expect(history.hasPrefix("_HiStOrY_V2_\n"))
    #expect(history.contains("\n管尊旭\n"))
    #expect(!history.contains("\\n"), "history lines are stored without their newline")
  }

  @Test func bytesThatAreNotUTF8AndControlCharactersTypedAtTheTerminalAreSaid() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let command = "cd \(workspace.path) && env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm \(Binary.executable.path) new --template gov-executive.zh-Hant --name bytes; sleep 60"
    let terminal = try Tmux(command: command)
    #expect(try terminal.wait(forLastLine: "日期>"))
    try terminal.type("2022-05-20")
    try terminal.press("Enter")
    #expect(try terminal.wait(forLastLine: "時段>"))

    // A byte that is not UTF-8 (libedit alone drops it without a word) shows as � where it was typed; the byte
    // that broke the sequence (A) is kept. The line is refused, saying which byte, and the question asked again.
    try terminal.type("下")
    try terminal.send(bytes: [0xE4, 0x41])
    try terminal.type("午")
    #expect(try terminal.wait(forLastLine: "時段> 下\u{FFFD}A午"))
    try terminal.press("Enter")
    #expect(try terminal.wait { $0.contains("這一行含無效的 UTF-8 位元組 0xE4（顯示為 �），未保存；請重新輸入。終端的編碼多半不是 UTF-8。\n上午、下午還是晚上？（沒有就直接按 Enter）\n時段>") })

    // A control character typed with Ctrl-V (quoted insert) is removed, and the notice names it.
    try terminal.type("下午")
    try terminal.press("C-v", "Escape")
    try terminal.press("Enter")
    #expect(try terminal.wait { $0.contains("已從這一行刪除：控制字元 \\u{1B}。其餘照常採用。") })
    #expect(try terminal.wait(forLastLine: "主持人職務>"))

    // Ctrl-C still abandons a line, and Ctrl-D leaves.
    try terminal.type("半截")
    #expect(try terminal.wait(forLastLine: "主持人職務> 半截"))
    try terminal.press("C-c")
    #expect(try terminal.wait { $0.contains("（已放棄這一行）") })
    try terminal.press("C-d")
    #expect(try terminal.wait { $0.contains("已保存。繼續起草：minutes resume bytes") })
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/bytes.yaml"), encoding: .utf8)
    #expect(saved.contains("period: 下午\n"))
    #expect(!saved.contains("\u{FFFD}"))
  }
}
