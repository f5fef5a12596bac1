import ArgumentParser
import Foundation
import MinutesKit

/// The one place where `minutes` reports on standard error, as a compiler's frontend does: every line starts
/// with `minutes: `, then `error: `, `warning: ` or `notice: `, except a message that is already located
/// (`file:line:col: error: …`), which keeps its own severity, so a line never says `error:` twice. Errors are said
/// through `error.message(_:)`, in the language of ``messages`` (the session's or template's, else the
/// environment's). Exit codes: 0 done, 1 failed (``failure``), 2 the input could not be read (``unreadable``).
struct Diagnostics {
  /// The language of the messages.
  var messages: Messages

  /// Exit code 1: the command failed (an error was reported).
  static let failure = ExitCode.failure
  /// Exit code 2: the input could not be read (`minutes check`, `minutes fmt`).
  static let unreadable = ExitCode(2)

  enum Severity: String { case error, warning, notice }

  func error(_ text: String) { report(.error, text) }
  func warning(_ text: String) { report(.warning, text) }
  func notice(_ text: String) { report(.notice, text) }

  /// Warns of what opening `draft` found (a journal line not applied, a snapshot changed outside minutes, a
  /// damaged cache): `resume`, `export` and `check` all say it, so that no command shows a draft silently
  /// different from the one saved.
  func warnLoadProblems(of draft: Workspace.Draft) {
    for problem in draft.loadProblems { warning(problem.message(messages)) }
  }

  /// Says what was done, on standard error so that standard output keeps only the export: `minutes: text`.
  func say(_ text: String) { StandardStreams.error.write("minutes: \(text)\n") }

  /// Reports `error` in the language of ``messages``.
  func error(_ error: any Error) { report(.error, error.message(messages)) }

  /// Reports a finding of the checks (`minutes: error 2.1：…`).
  func finding(_ finding: Finding) { StandardStreams.error.write("minutes: \(finding.line(messages))\n") }

  /// Reports `error` as it says itself, without `minutes: ` (`minutes templates check`, whose errors are
  /// `file:line:col`).
  func located(_ error: any Error) { StandardStreams.error.write(error.message(messages) + "\n") }

  /// Writes `minutes: severity: text`, or `minutes: text` when `text` is located already.
  func report(_ severity: Severity, _ text: String) {
    StandardStreams.error.write(Self.coloured(Self.line(severity, text), severity) + "\n")
  }

  /// `line` with its severity in colour (errors red, warnings yellow, notices cyan) when standard error is a
  /// terminal and the environment allows colour (see ``TerminalOutput/allowsColour(_:)``); else as it is.
  static func coloured(_ line: String, _ severity: Severity) -> String {
    guard isatty(2) == 1, TerminalOutput.allowsColour(ProcessInfo.processInfo.environment) else { return line }
    let code = switch severity {
    case .error: "\u{1B}[1;31m"
    case .warning: "\u{1B}[1;33m"
    case .notice: "\u{1B}[1;36m"
    }
    let word = severity.rawValue + ":"
    guard let range = line.range(of: word) else { return line }
    return line.replacingCharacters(in: range, with: code + word + TerminalOutput.reset)
  }

  /// The line for `text`: never two severities.
  static func line(_ severity: Severity, _ text: String) -> String {
    isLocated(text) ? "minutes: \(text)" : "minutes: \(severity.rawValue): \(text)"
  }

  /// Whether `text` starts `file:line:col: error:` (or `warning:`, `notice:`), or `/path/file: error:` where the
  /// place in the file is unknown.
  static func isLocated(_ text: String) -> Bool {
    text.prefixMatch(of: #/(?:[^\n]+?:\d+:\d+|/[^\n:]*): (error|warning|notice): /#) != nil
  }

  /// Runs `body`; an error of the library is reported and becomes exit code 1 (others, such as an `ExitCode`,
  /// go through).
  func run<T>(_ body: () throws -> T) throws -> T {
    try Self.run(body) { self }
  }

  /// Runs `body`; an error of the library is reported, with the diagnostics `reporting` makes only then, and
  /// becomes exit code 1: a session's language is read from its template, which is loaded once more to say an
  /// error, never to open a session that opens.
  static func run<T>(_ body: () throws -> T, reporting: () -> Diagnostics) throws -> T {
    do {
      return try body()
    } catch let error where error is any LocalizedMinutesError || error is any LocalizedError {
      reporting().error(error)
      throw Self.failure
    }
  }

  /// Reports `text` and returns exit code 1 to throw.
  func fail(_ text: String) -> ExitCode {
    error(text)
    return Self.failure
  }
}
