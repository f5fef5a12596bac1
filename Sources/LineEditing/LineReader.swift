/// What reading one line gave.
public enum LineReadResult: Hashable, Sendable {
  /// A line, without its line ending.
  case line(String)
  /// A line whose bytes are not UTF-8 text: what was wrong, for the caller to refuse it with (a reader never
  /// guesses at such a line, nor drops its bad bytes silently).
  case undecodable(UndecodableLine)
  /// Several lines at once, to be taken as one answer: a paste of more than one line (bracketed paste), or the
  /// text the clerk's editor gave for the line (Ctrl-X Ctrl-E). Each line is without its line ending, tabs are
  /// spaces, and blank lines at the start and the end are dropped; there are at least two.
  case lines([String])
  /// The clerk pressed Ctrl-C: the line being typed is abandoned.
  case interrupted
  /// The input ended (Ctrl-D on an empty line, or the end of a pipe).
  case endOfInput
}

/// A line that held bytes that are not UTF-8: where the first of them was.
public struct UndecodableLine: Hashable, Sendable {
  /// The first byte that is not UTF-8 (the lead byte of a sequence cut short or badly formed, or a stray byte).
  public var byte: UInt8
  /// Its 1-based byte offset in the line, when the reader knows it (a pipe); `nil` at a terminal, where the line
  /// was edited as it was typed.
  public var offset: Int?
  /// The line's 1-based number in the input, when the reader counts lines (a pipe); `nil` at a terminal.
  public var lineNumber: Int?
  /// How many bytes or badly formed sequences the line held.
  public var count: Int

  /// A line whose first byte that is not UTF-8 is `byte`, at `offset` of line `lineNumber`, among `count`.
  public init(byte: UInt8, offset: Int? = nil, lineNumber: Int? = nil, count: Int = 1) {
    (self.byte, self.offset, self.lineNumber, self.count) = (byte, offset, lineNumber, count)
  }

  /// The first byte that is not UTF-8 in `bytes` (its 1-based offset in `offset`), and how many there are; `nil`
  /// when `bytes` are UTF-8.
  /// - Complexity: O(n) in the number of bytes.
  public static func firstInvalid(in bytes: some Collection<UInt8>, lineNumber: Int? = nil) -> UndecodableLine? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var first: (byte: UInt8, offset: Int)?
    var count = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
      case .error(let length):
        if first == nil { first = (bytes[bytes.index(bytes.startIndex, offsetBy: offset)], offset + 1) }
        count += 1
        offset += length
      case .emptyInput:
        return first.map { UndecodableLine(byte: $0.byte, offset: $0.offset, lineNumber: lineNumber, count: count) }
      }
    }
  }
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

  /// Opens `text` in the clerk's editor (`$VISUAL`, else `$EDITOR`, else `vi`) and says what came back. Only a
  /// reader at a terminal can; the others give ``EditorResult/unavailable``.
  func editInEditor(_ text: String) -> EditorResult

  /// How many lines were read so far, where they are numbered (a pipe or a file, whose line N a message can
  /// name); `nil` for a reader whose lines have no such number (a terminal).
  var linesRead: Int? { get }
}

extension LineReader {
  /// No editor without a terminal: ``EditorResult/unavailable``.
  public func editInEditor(_ text: String) -> EditorResult { .unavailable }

  /// No line numbers: `nil`.
  public var linesRead: Int? { nil }
}

/// What the clerk's editor gave for a text (`:edit ADDRESS --editor`).
public enum EditorResult: Hashable, Sendable {
  /// The text saved, as lines (without their line endings, tabs as spaces, blank lines at the ends dropped).
  case edited([String])
  /// The editor was left without saving, or the text saved is the text given: nothing is to change.
  case unchanged
  /// The editor could not be started, or ended with a failure status: nothing is to change.
  case failed(editor: String, status: Int32)
  /// There is no terminal to run an editor in (a pipe).
  case unavailable
}

/// Turns pasted or edited text into lines: `\r\n` and `\r` end lines as `\n` does, a tab is a space, and blank
/// lines at the start and at the end are dropped.
/// - Complexity: O(n) in the length of `text`.
public func linesOfPastedText(_ text: String) -> [String] {
  var lines: [String] = [""]
  for character in text {
    switch character {
    case "\n", "\r\n", "\r": lines.append("")
    case "\t": lines[lines.count - 1].append(" ")
    default: lines[lines.count - 1].append(character)
    }
  }
  while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
  while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
  return lines
}
