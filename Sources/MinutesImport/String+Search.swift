/// Plain searches within a line, by its UTF-8 bytes: no locale and no folding, so that a page of thousands of
/// lines is searched in time linear in its length (Foundation's `contains` and `range(of:)` fold every
/// character cluster they pass, which made page chrome the slowest step of an import).
extension StringProtocol {
  /// Whether `needle` occurs in the text, byte for byte; `true` for an empty needle.
  func includes(_ needle: some StringProtocol) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { haystack in
      needle.utf8.withContiguousStorageIfAvailable { needle in Self.occurs(needle, in: haystack) }
    }
    if let found = found ?? nil { return found }
    return Self.occurs(Array(needle.utf8)[...], in: Array(utf8)[...])
  }

  /// The text with the white space at either end removed (spaces, tabs, U+3000 and the other non-breaking
  /// spaces, never a line break within).
  var trimmedSpaces: Substring {
    let view = Substring(self)
    let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
    guard let first = view.firstIndex(where: { !isSpace($0) }), let last = view.lastIndex(where: { !isSpace($0) }) else { return view[view.endIndex...] }
    return view[first...last]
  }

  private static func occurs<C: Collection>(_ needle: C, in haystack: C) -> Bool where C.Element == UInt8, C.Index == Int {
    guard let head = needle.first else { return true }
    let count = needle.count
    guard haystack.count >= count else { return false }
    var index = haystack.startIndex
    let last = haystack.endIndex - count
    while index <= last {
      if haystack[index] == head {
        var offset = 1
        while offset < count, haystack[index + offset] == needle[needle.startIndex + offset] { offset += 1 }
        if offset == count { return true }
      }
      index += 1
    }
    return false
  }
}
