import Foundation
import MinutesKit

/// Standard output and error, unbuffered, and reading one line from standard input without buffering.
enum StandardStreams {
  /// An unbuffered stream, so prompts appear before the program waits for input.
  struct Stream: TextOutputStream {
    let handle: FileHandle
    /// Writes the text's UTF-8 as ``writeWhole(_:)-(String)`` does, saying nothing when it cannot: a prompt or a
    /// notice not written is no loss.
    func write(_ string: String) { try? writeWhole(string) }
    /// Writes the text's UTF-8 in place (copied into `Data` first, a long export had been written twice), whole,
    /// or throws the system's error (a full disk): an export printed must be whole.
    func writeWhole(_ string: String) throws {
      var string = string
      try string.withUTF8 { bytes in try handle.write(contentsOf: UnsafeRawBufferPointer(bytes)) }
    }
    /// Writes an export whole (text, a binary export; a rendering a piece at a time as it is rendered, see
    /// ``ExportOutput/write(to:)``), or throws the system's error, as the text form.
    func writeWhole(_ output: ExportOutput) throws { try output.write { try handle.write(contentsOf: $0) } }
  }

  static var output: Stream { Stream(handle: .standardOutput) }
  /// Whether standard output is a terminal (where a binary export must not be printed).
  static var outputIsTerminal: Bool { isatty(1) == 1 }
  static var error: Stream { Stream(handle: .standardError) }

  /// One line from standard input, read byte by byte so that nothing after it is taken from the session's
  /// reader (`readLine()` would buffer the rest of a pipe): ``LineReadResult/line(_:)``, or
  /// ``LineReadResult/undecodable(_:)`` when it is not UTF-8, or ``LineReadResult/endOfInput``.
  static func readLineUnbuffered() -> LineReadResult {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    var ended = true
    while read(0, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") {
        ended = false
        break
      }
      bytes.append(byte)
    }
    if ended && bytes.isEmpty { return .endOfInput }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    if let text = String(validating: bytes, as: UTF8.self) { return .line(text) }
    return UndecodableLine.firstInvalid(in: bytes).map(LineReadResult.undecodable) ?? .line(String(decoding: bytes, as: UTF8.self))
  }
}
