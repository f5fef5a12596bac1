import EditLine
import Foundation
import LineEditing
import MinutesKit

/// How a drafting session's output is shown on a terminal: questions and messages wrapped to the window's
/// width at word boundaries (between CJK characters, never inside a word), colour (questions, echoed answers,
/// errors and warnings each their own), and long listings and exports through `$PAGER`. In a pipe the output is
/// left exactly as the library made it: no wrapping, no colour, no pager.
struct TerminalOutput: Sendable {
  /// Whether colour is written: standard output is a terminal, `NO_COLOR` is unset (or empty) and `TERM` is
  /// set and not `dumb` (https://no-color.org).
  let colour: Bool
  /// Whether lines are wrapped to the window's width (standard output is a terminal).
  let wraps: Bool
  /// The pager command for long listings: `$PAGER` (`less` when unset) when a person is at the terminal (input
  /// and output), else `nil`. An empty `PAGER` turns paging off.
  let pager: String?

  /// The presentation the environment asks for on this process's standard streams.
  static var current: TerminalOutput {
    let environment = ProcessEnvironment.values(["PAGER", "NO_COLOR", "TERM"])
    let outputIsTerminal = isatty(1) == 1
    let pager = Terminal.isInteractive ? (environment["PAGER"] ?? "less") : nil
    return TerminalOutput(
      colour: outputIsTerminal && allowsColour(environment), wraps: outputIsTerminal,
      pager: pager.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 })
  }

  /// Whether the environment allows colour on a terminal: `NO_COLOR` unset or empty, `TERM` set and not `dumb`.
  static func allowsColour(_ environment: [String: String]) -> Bool {
    guard environment["NO_COLOR"].map(\.isEmpty) ?? true else { return false }
    guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
    return true
  }

  /// SGR codes: bold for questions, green for answers echoed from a pipe, red for errors, yellow for warnings.
  enum Style: String {
    case question = "\u{1B}[1m"
    case answer = "\u{1B}[32m"
    case error = "\u{1B}[31m"
    case warning = "\u{1B}[33m"
  }

  static let reset = "\u{1B}[0m"

  /// `text` in `style`, each line on its own (so that a pager or a resize never carries a colour past it).
  func styled(_ text: String, _ style: Style?) -> String {
    guard colour, let style else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : style.rawValue + $0 + Self.reset }
      .joined(separator: "\n")
  }

  /// The window's size in columns and rows, `nil` when standard output is not a terminal.
  static func windowSize() -> (columns: Int, rows: Int)? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }

  /// What the session writes for `text` of `role` (see ``DraftingSession/present``).
  func present(_ text: String, _ role: OutputRole) -> String {
    let size = Self.windowSize()
    switch role {
    case .listing, .export:
      if let pager, let size, text.split(separator: "\n", omittingEmptySubsequences: false).count >= size.rows,
        page(text.hasSuffix("\n") ? text : text + "\n", through: pager)
      {
        return ""
      }
      return text
    case .question, .notice, .error, .warning:
      let wrapped = wraps && size != nil ? TextWrapping.wrap(text, width: size!.columns) : text
      switch role {
      case .question: return styled(wrapped, .question)
      case .error: return styled(wrapped, .error)
      case .warning: return styled(wrapped, .warning)
      default: return wrapped
      }
    }
  }

  /// The prompt and line a pipe's reader echoes (the transcript): the line typed in the answer's colour.
  func echo(_ text: String) -> String {
    guard text.hasSuffix("\n"), text != "\n" else { return text }
    return styled(String(text.dropLast()), .answer) + "\n"
  }

  /// Shows `text` through `command` (run by `/bin/sh -c`, with `LESS=FRX` unless `LESS` is set: quit when it
  /// fits, keep colours, leave the screen as it was). Returns false when the pager could not be started (the
  /// text is then printed as usual).
  func page(_ text: String, through command: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    var environment = ProcessInfo.processInfo.environment
    if environment["LESS"] == nil { environment["LESS"] = "FRX" }
    process.environment = environment
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.standardOutput
    process.standardError = FileHandle.standardError
    do { try process.run() } catch { return false }
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    // A pager that could not be found (127) or run (126): show the text as usual.
    return !(process.terminationReason == .exit && (process.terminationStatus == 127 || process.terminationStatus == 126))
  }
}

extension TerminalOutput {
  /// Standard output for the drafting loop: what the session writes outside ``present(_:_:)`` (the opening line,
  /// what was saved, notices) wrapped to the window's width too. Text already presented (with colour codes in it)
  /// is written as it is.
  struct Stream: TextOutputStream {
    let presentation: TerminalOutput

    mutating func write(_ string: String) {
      guard presentation.wraps, !string.contains("\u{1B}"), let size = TerminalOutput.windowSize() else {
        StandardStreams.output.write(string)
        return
      }
      StandardStreams.output.write(TextWrapping.wrap(string, width: size.columns))
    }
  }
}
