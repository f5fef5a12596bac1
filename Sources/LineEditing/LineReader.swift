/// What reading one line gave.
public enum LineReadResult: Hashable, Sendable {
  /// A line, without its line ending.
  case line(String)
  /// The clerk pressed Ctrl-C: the line being typed is abandoned.
  case interrupted
  /// The input ended (Ctrl-D on an empty line, or the end of a pipe).
  case endOfInput
}

/// A source of lines for the REPL: a line editor at a terminal, a pipe, or a script in tests.
public protocol LineReader: AnyObject {
  /// Whether a person is typing at a terminal (prompts are drawn by the editor and input is echoed).
  var isInteractive: Bool { get }

  /// Shows `prompt`, puts `prefill` on the line for editing where the reader can, and reads one line.
  /// - Parameters:
  ///   - prompt: the prompt text, e.g. `議題2 指示1 要點3> `.
  ///   - prefill: text to place on the input line, or `nil`.
  ///   - completions: given the text before the cursor, the candidates that replace it (for Tab).
  func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult
}
