import Foundation

/// A ``LineReader`` for pipes and files: reads standard input itself (bytes, split on `\n`, a `\r` before it
/// dropped, invalid UTF-8 replaced by U+FFFD rather than silently lost), writes the prompt before it waits and echoes each line
/// so that the output reads as a transcript. No escape codes, no completion, no prefill.
public final class PlainLineReader: LineReader {
  public var isInteractive: Bool { false }

  private let input: FileHandle
  private let echo: (String) -> Void
  private var buffer = Data()
  private var isAtEnd = false

  /// Reads from `input`; `echo` writes the prompt and the line read (pass a writer to standard output).
  public init(input: FileHandle = .standardInput, echo: @escaping (String) -> Void) {
    self.input = input
    self.echo = echo
  }

  public func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
    echo(prompt)
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        var bytes = buffer[buffer.startIndex..<newline]
        buffer = Data(buffer[(newline + 1)...])
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return deliver(String(decoding: bytes, as: UTF8.self))
      }
      if isAtEnd {
        guard !buffer.isEmpty else {
          echo("\n")
          return .endOfInput
        }
        let rest = buffer
        buffer = Data()
        return deliver(String(decoding: rest, as: UTF8.self))
      }
      let chunk = input.availableData
      if chunk.isEmpty { isAtEnd = true } else { buffer.append(chunk) }
    }
  }

  private func deliver(_ line: String) -> LineReadResult {
    echo(line + "\n")
    return .line(line)
  }
}
