import Foundation
import Testing

import LineEditing
import MinutesTestSupport

/// ``PlainLineReader`` over a file: lines split on `\n` (a `\r` before it dropped), a line that is not UTF-8
/// delivered as ``LineReadResult/undecodable(_:)`` with its number and the offset of its first bad byte, and a
/// long line read whole.
@Suite struct PlainLineReaderTests {
  /// Every result of reading `bytes` to the end, and what was echoed.
  static func read(_ bytes: [UInt8]) throws -> (results: [LineReadResult], echo: String) {
    let folder = try TestSupport.temporaryWorkspace("reader")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("input")
    try Data(bytes).write(to: file)
    let handle = try FileHandle(forReadingFrom: file)
    var echo = ""
    let reader = PlainLineReader(input: handle) { echo += $0 }
    var results: [LineReadResult] = []
    while true {
      let result = reader.readLine(prompt: "> ", prefill: nil) { _ in [] }
      results.append(result)
      if result == .endOfInput { return (results, echo) }
    }
  }

  @Test func aLineThatIsNotUTF8IsDeliveredAsSuchWithItsNumberAndOffset() throws {
    var bytes = Array("2022-05-20\r\n下午\n政府".utf8)
    bytes += [0xFF, 0xFE]
    bytes += Array("代區長\n管尊旭".utf8)
    let (results, echo) = try Self.read(bytes)
    #expect(results == [
      .line("2022-05-20"), .line("下午"),
      // 政府 is six bytes: the 0xFF is the seventh, and 0xFE a second bad byte.
      .undecodable(UndecodableLine(byte: 0xFF, offset: 7, lineNumber: 3, count: 2)),
      .line("管尊旭"), .endOfInput,
    ])
    // The echo shows where the bad bytes were.
    #expect(echo == "> 2022-05-20\n> 下午\n> 政府\u{FFFD}\u{FFFD}代區長\n> 管尊旭\n> \n")
  }

  @Test(arguments: [
    ([0xE5, 0x9C], 0xE5, 1, 1),  // a sequence cut short at the end
    ([0x61, 0xE5, 0x61], 0xE5, 2, 1),  // broken by an ASCII byte, which is kept
    ([0xC0, 0x80], 0xC0, 1, 2),  // an overlong NUL: two bad bytes
    ([0xED, 0xA0, 0x80], 0xED, 1, 3),  // a surrogate
  ] as [([UInt8], UInt8, Int, Int)])
  func theFirstBadByteIsFound(bytes: [UInt8], byte: UInt8, offset: Int, count: Int) {
    let found = UndecodableLine.firstInvalid(in: bytes)
    #expect(found?.byte == byte)
    #expect(found?.offset == offset)
    #expect(found?.count == count)
    #expect(UndecodableLine.firstInvalid(in: Array("會議 ok".utf8)) == nil)
  }

  @Test func aMegabyteLineIsReadWhole() throws {
    let line = String(repeating: "長", count: 1_000_000)
    let (results, _) = try Self.read(Array((line + "\nnext\n").utf8))
    #expect(results == [.line(line), .line("next"), .endOfInput])
  }
}
