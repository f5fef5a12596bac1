/// Trimming within a line (the searches are MinutesModel's `includes(_:)`).
extension StringProtocol {
  /// The text with the white space at either end removed (spaces, tabs, U+3000 and the other non-breaking
  /// spaces, never a line break within).
  var trimmedSpaces: Substring {
    let view = Substring(self)
    let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
    guard let first = view.firstIndex(where: { !isSpace($0) }), let last = view.lastIndex(where: { !isSpace($0) }) else { return view[view.endIndex...] }
    return view[first...last]
  }
}
