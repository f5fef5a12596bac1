import Testing

@testable import MinutesModel
import MinutesTestSupport

/// ``Swift/String/init(wellFormedUTF8:)``: the bytes the standard library's validation accepts, read without
/// decoding each scalar (what reading a session's cache checks its texts with).
@Suite struct WellFormedUTF8Tests {
  /// The edges of Unicode 16.0 Table 3-7, each alone and inside Han text long enough for the eight-byte reading,
  /// and at each place of a reading of four ideographs at a time (after none to four of them, then more).
  @Test(arguments: [
    [0x7F], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
    [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    // Not well-formed: overlong, surrogates, past U+10FFFF, lone or missing continuation bytes, bytes never used.
    [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
    [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE4, 0xB8], [0xE4, 0x41, 0x80], [0xFE], [0xFF],
  ] as [[UInt8]])
  func theEdgesOfTable3_7(sequence: [UInt8]) {
    let han = Array("會議審議".utf8)
    let places = (0...4).map { Array(String(repeating: "會", count: $0).utf8) + sequence + han + han }
    for bytes in [sequence, han + sequence, sequence + han, han + sequence + han, han + han + sequence + [0x41]] + places {
      #expect(Self.read(bytes) == String(validating: bytes, as: UTF8.self), "\(Self.hex(bytes))")
    }
  }

  /// 20,000 byte strings drawn (seeded) from well-formed scalars of every length, mostly Han, and now and then a
  /// malformed piece (overlong, surrogate, cut short), with a byte in some of them changed, dropped or added: the
  /// same answer as the standard library's validation, and the same text.
  @Test func readsWhatTheStandardLibraryReads() {
    let scalars: [String] = ["a", " ", "~", "é", "ß", "ǅ", "會", "議", "，", "。", "《", "」", "ꙮ", "\u{E000}", "\u{FFFD}",
                             "\u{0800}", "\u{D7FF}", "😀", "𠀀", "\u{10FFFF}", "\u{10000}"]
    let malformedPieces: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
                                      [0xC0, 0xAF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80]]
    var generator = SplitMix64(seed: 48)
    var disagreements: [[UInt8]] = []
    var malformed = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        switch Int.random(in: 0..<100, using: &generator) {
        case 0: bytes += malformedPieces.randomElement(using: &generator)!
        case 1..<50: bytes += "會".utf8
        default: bytes += scalars.randomElement(using: &generator)!.utf8
        }
      }
      if !bytes.isEmpty, Int.random(in: 0..<3, using: &generator) == 0 {
        let at = Int.random(in: bytes.indices, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes.remove(at: at)
        default: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: at)
        }
      }
      let expected = String(validating: bytes, as: UTF8.self)
      if expected == nil { malformed += 1 }
      if Self.read(bytes) != expected || Self.read(bytes).map({ Array($0.utf8) != bytes }) == true { disagreements.append(bytes) }
    }
    #expect(disagreements.count == 0, "\(disagreements.count) differ, as first \(disagreements.first.map(Self.hex) ?? "")")
    #expect(malformed > 2_000, "the drawing makes malformed bytes too")
  }

  /// Whether the bytes are all ASCII is carried into the text: an ASCII text says so (its fast paths are taken).
  @Test func anASCIITextIsKnownToBeASCII() {
    #expect(String.wellFormedUTF8(UnsafeBufferPointer(start: nil, count: 0)) == true)
    #expect(Array("minutes of the board".utf8).withUnsafeBufferPointer(String.wellFormedUTF8) == true)
    #expect(Array("minutes of the böard".utf8).withUnsafeBufferPointer(String.wellFormedUTF8) == false)
    #expect(Array("會議會議會議會議".utf8).withUnsafeBufferPointer(String.wellFormedUTF8) == false)
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
  }

  static func read(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { String(wellFormedUTF8: $0) }
  }
}
