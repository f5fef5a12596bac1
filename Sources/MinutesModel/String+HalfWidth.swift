extension StringProtocol {
  /// The text with its full-width forms of ASCII (U+FF01–U+FF5E, `１２` `／` `：`) and its ideographic space (U+3000)
  /// as ASCII, every other character kept: what ICU's Fullwidth-Halfwidth transform changes that a number, a date
  /// or a time can hold (a test compares the two on such texts).
  ///
  /// Read without ICU: making its transliterator for each answer or each numeral read had been a twentieth of an
  /// import. ICU's transform also changes forms no reading here looks at (half-width katakana, `￥`); this does not.
  /// - Complexity: O(n); a text without a scalar at or above U+3000 is returned as it is.
  public var halfWidthForms: String {
    guard unicodeScalars.contains(where: { $0.value >= 0x3000 }) else { return String(self) }
    var scalars = String.UnicodeScalarView()
    for scalar in unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
      case 0x3000: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
