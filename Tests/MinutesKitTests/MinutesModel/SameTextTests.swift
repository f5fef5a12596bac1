import Testing

import MinutesModel
import MinutesTestSupport

/// `String.isSameText(as:)` says what `==` says: on words of Chinese and English reports (decided by the bytes) and
/// on text that normalization changes (precomposed and combining letters, singleton decompositions, kana with
/// voicing marks, Hangul, compatibility ideographs, the combining tone marks among the CJK symbols).
@Suite struct SameTextTests {
  static let pieces: [String] = [
    "a", "A", "e", "é", "e\u{301}", "\u{301}", "Å", "\u{212B}", "A\u{30A}", "ﬁ", "ß", "ǅ", "原則同意", "原則通過", "指出",
    "审议", "，", "。", "、", "（", "）", "ａ", "Ａ", "が", "か\u{3099}", "\u{3099}", "한", "\u{1112}\u{1161}\u{11AB}",
    "\u{F900}", "\u{8C48}", "〪", "\u{302A}", "〇", " ", "·", "\u{0}", "ÿ", "\u{2FF}", "\u{300}", "\u{3000}", "\u{9FFF}",
    "\u{FF5E}", "\u{FF5F}", "😀",
  ]

  @Test func agreesWithEquality() {
    var generator = SplitMix64(seed: 41)
    var disagreements: [String] = []
    for _ in 0..<20_000 {
      let a = (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      // Half the time a text made of the same pieces (often canonically equal, seldom byte-equal), else another.
      let b = Bool.random(using: &generator)
        ? a.unicodeScalars.map { String($0) }.joined()
          .replacingAll("é", "e\u{301}").replacingAll("\u{212B}", "Å").replacingAll("が", "か\u{3099}")
        : (0..<Int.random(in: 0...3, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      if a.isSameText(as: b) != (a == b) { disagreements.append("\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))") }
      if b.isSameText(as: a) != (a == b) { disagreements.append("\(b.unicodeScalars.map(\.value)) \(a.unicodeScalars.map(\.value))") }
    }
    #expect(disagreements.prefix(5) == [])
  }

  /// `hasSameUTF8(as:)` is equality of the UTF-8 bytes: on short texts (held in the string itself) and long ones
  /// (on the heap), texts one byte apart at the start, the middle and the end, and canonically equal texts whose
  /// bytes differ.
  @Test func sameUTF8IsEqualBytes() {
    var generator = SplitMix64(seed: 60)
    var disagreements: [String] = []
    for _ in 0..<20_000 {
      let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
      var bytes = Array(a.utf8)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0 where !bytes.isEmpty:
        // One ASCII byte changed, where an ASCII byte is: the text stays well-formed.
        if let at = bytes.indices.filter({ bytes[$0] < 0x7F }).randomElement(using: &generator) { bytes[at] &+= 1 }
      case 1: bytes += Array("。".utf8)
      case 2: bytes = Array(a.unicodeScalars.map { String($0) }.joined().replacingAll("é", "e\u{301}").utf8)
      default: break
      }
      let b = String(decoding: bytes, as: UTF8.self)
      if a.hasSameUTF8(as: b) != (Array(a.utf8) == Array(b.utf8)) { disagreements.append("\(Array(a.utf8)) \(Array(b.utf8))") }
      if b.hasSameUTF8(as: a) != (Array(a.utf8) == Array(b.utf8)) { disagreements.append("\(Array(b.utf8)) \(Array(a.utf8))") }
    }
    #expect(disagreements.prefix(5) == [])
    #expect(!"é".hasSameUTF8(as: "e\u{301}"), "canonically equal, other bytes")
    #expect(String(repeating: "審議", count: 40).hasSameUTF8(as: String(repeating: "審議", count: 40)))
  }

  @Test func decidesReportWordsByTheirBytes() {
    #expect("原則同意".isSameText(as: "原則同意"))
    #expect(!"原則同意".isSameText(as: "原則通過"))
    #expect(!"Adopted".isSameText(as: "adopted"))
    #expect("e\u{301}".isSameText(as: "é"))
    #expect("\u{212B}".isSameText(as: "Å"))
    #expect(["審議", "原則同意"].containsText("原則同意"))
    #expect(!["審議", "原則同意"].containsText("原則"))
  }
}

private extension String {
  func replacingAll(_ target: String, _ replacement: String) -> String {
    var result = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
