import Testing

import MinutesModel
import MinutesTestSupport

/// `includes(_:)` and `byteRange(of:in:)` find what a naive search of the UTF-8 bytes finds: the first occurrence,
/// on texts built to hold near misses (a needle's first byte again and again, a repeated prefix, a needle at the
/// very end or longer than the text), on strings and on substrings that do not start at their string's start.
@Suite struct IncludesTests {
  static let pieces: [String] = ["a", "aa", "ab", ".", "..", "!", "！", "。", "！。", "？", "”", "\"", "é", "原", "則", "\u{0}", "﻿", ""]

  /// The offsets of the first occurrence of `needle` in `haystack`, by trying every offset.
  static func naive(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty else { return 0..<0 }
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
      return start..<start + needle.count
    }
    return nil
  }

  @Test func agreesWithANaiveSearch() {
    var generator = SplitMix64(seed: 7)
    var disagreements: [String] = []
    func text(_ most: Int) -> String {
      (0..<Int.random(in: 0...most, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
    }
    for _ in 0..<20_000 {
      let haystack = text(8), needle = text(3)
      let expected = Self.naive(Array(needle.utf8), in: Array(haystack.utf8))
      let found = Array(haystack.utf8).withUnsafeBufferPointer { h in Array(needle.utf8).withUnsafeBufferPointer { byteRange(of: $0, in: h) } }
      if found != expected || haystack.includes(needle) != (expected != nil) {
        disagreements.append("\(Array(needle.utf8)) in \(Array(haystack.utf8)): \(String(describing: found))")
      }
      // A substring past its string's start: what is before it is not searched.
      let prefix = text(2)
      let substring = (prefix + haystack).dropFirst(prefix.count)
      if substring.includes(needle) != (expected != nil) { disagreements.append("substring \(haystack.debugDescription) \(needle.debugDescription)") }
    }
    #expect(disagreements.prefix(5) == [])
  }

  @Test func findsTheMarksExportLooksFor() {
    #expect("確保年底前全部完工！。".includes("！。"))
    #expect(!"確保年底前全部完工！".includes("！。"))
    #expect("at 6:00 p.m..".includes(".."))
    #expect(!"one. two.".includes(".."))
    // Bytes, not characters: `e` followed by a combining acute is not `é`, and `é` holds no `e`.
    #expect(!"e\u{301}".includes("é"))
    #expect(!"é".includes("e"))
  }
}
