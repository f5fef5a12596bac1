import Foundation

/// A ``LineReader`` for pipes and files: reads standard input itself (bytes, split on `\n`, a `\r` before it
/// dropped), writes the prompt before it waits and echoes each line so that the output reads as a transcript. A
/// line that is not UTF-8 is delivered as ``LineReadResult/undecodable(_:)``, with its line number and the
/// offset of its first bad byte, and echoed with U+FFFD where the bad bytes were. No escape codes, no completion,
/// no prefill.
public final class PlainLineReader: LineReader {
  public var isInteractive: Bool { false }

  private let input: FileHandle
  private let echo: (String) -> Void
  /// Bytes read and not yet delivered start at `start`; the first `scanned` of them hold no line feed. Each byte
  /// is looked at once, however many chunks a long line arrives in (a megabyte line was scanned again for every
  /// chunk read, which took a minute).
  private var buffer: [UInt8] = []
  private var start = 0
  private var scanned = 0
  private var isAtEnd = false
  /// The lines read so far.
  private var lineNumber = 0

  /// The lines read so far: the number of the line read last, counting from 1.
  public var linesRead: Int? { lineNumber }

  /// Reads from `input`; `echo` writes the prompt and the line read (pass a writer to standard output).
  public init(input: FileHandle = .standardInput, echo: @escaping (String) -> Void) {
    self.input = input
    self.echo = echo
  }

  public func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
    echo(prompt)
    while true {
      if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
        var bytes = buffer[start..<newline]
        (start, scanned) = (newline + 1, 0)
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return deliver(bytes)
      }
      scanned = buffer.count - start
      if isAtEnd {
        guard start < buffer.count else {
          echo("\n")
          return .endOfInput
        }
        let rest = buffer[start...]
        (start, scanned) = (buffer.count, 0)
        return deliver(rest)
      }
      let chunk = input.availableData
      if chunk.isEmpty {
        isAtEnd = true
      } else {
        // Drop what was delivered before growing the buffer, so that it holds at most one line and a chunk.
        buffer.removeFirst(start)
        start = 0
        buffer.append(contentsOf: chunk)
      }
    }
  }

  private func deliver(_ bytes: ArraySlice<UInt8>) -> LineReadResult {
    lineNumber += 1
    echo(String(decoding: bytes, as: UTF8.self) + "\n")
    if let text = String(validating: bytes, as: UTF8.self) { return .line(text) }
    return UndecodableLine.firstInvalid(in: bytes, lineNumber: lineNumber).map(LineReadResult.undecodable)
      ?? .line(String(decoding: bytes, as: UTF8.self))
  }
}
