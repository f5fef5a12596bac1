#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain searches in text, by its UTF-8 bytes: no locale, no case or width folding, no canonical equivalence.
///
/// Foundation's `contains(_:)` and `range(of:)` on strings fold every character cluster they pass (through
/// `CFStringFind`): over a 5,000-item report's 12 MB of text that was more than a third of an export, and page
/// chrome's searches had been the slowest step of an import. A byte search finds what the clerk and the template
/// wrote byte for byte, which is all these searches look for (punctuation, markup, a label).
extension StringProtocol {
  /// Whether `needle` occurs in the text, byte for byte in UTF-8; `true` for an empty needle.
  /// - Complexity: O(n·m) at worst, in practice O(n): the needle's first byte is found with `memchr`.
  package func includes(_ needle: some StringProtocol) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { haystack in
      needle.utf8.withContiguousStorageIfAvailable { needle in byteRange(of: needle, in: haystack) != nil }
    }
    if let found = found ?? nil { return found }
    let haystack = Array(utf8), bytes = Array(needle.utf8)
    return haystack.withUnsafeBufferPointer { haystack in
      bytes.withUnsafeBufferPointer { needle in byteRange(of: needle, in: haystack) != nil }
    }
  }
}

/// Where `needle` first occurs in `haystack`, as offsets; `0..<0` for an empty needle, `nil` when it does not occur.
/// - Complexity: O(n·m) at worst, in practice O(n): candidates for the first byte are found with `memchr`.
package func byteRange(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
  guard let head = needle.first else { return 0..<0 }
  let count = needle.count
  guard haystack.count >= count, let base = haystack.baseAddress else { return nil }
  let last = haystack.count - count
  var index = 0
  while index <= last {
    guard let hit = memchr(base + index, Int32(head), last - index + 1) else { return nil }
    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    var offset = 1
    while offset < count, haystack[at + offset] == needle[offset] { offset += 1 }
    if offset == count { return at..<(at + count) }
    index = at + 1
  }
  return nil
}
