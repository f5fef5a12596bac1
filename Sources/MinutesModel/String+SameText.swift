import Foundation

extension String {
  /// Whether `self` and `other` are the same text: what `==` says (canonical equivalence, Unicode Standard Annex
  /// #15), decided from the UTF-8 bytes alone where that is certain.
  ///
  /// Swift's `==` compares any text that is not ASCII through normalization (some 350 instructions for two short
  /// Chinese words), and the conditions and choices of a template compare a value of every record of the draft
  /// with a few words each. Equal bytes are the same text; unequal bytes are different text when neither string
  /// holds a scalar that normalization could change or reorder (``isNormalizationInert(_:)``), which holds of the
  /// words of Chinese and English reports; anything else goes to `==`.
  /// - Complexity: O(n) in the UTF-8 length of the two.
  package func isSameText(as other: String) -> Bool {
    [other].containsText(self)
  }

  /// Whether `self` and `other` are the same UTF-8 bytes: then they are the same text; unequal bytes may still be
  /// the same text (``isSameText(as:)``). For a memo of values seen, where telling two spellings of one text apart
  /// costs only a second entry, and comparing through normalization (Swift's `==`) or hashing through it would
  /// cost more than the memo saves.
  /// - Complexity: O(n) in the UTF-8 length, compared only when the lengths are equal.
  package func hasSameUTF8(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    // `withUTF8` of a copy: a short string's bytes are read from the copy. Where the export's phrases are looked up,
    // two nested `utf8.withContiguousStorageIfAvailable` with their optional results took 440 instructions a call,
    // this 160 (callgrind, an export of 5,000 items; alone, in a small program, the two came out the other way).
    var (text, other) = (self, other)
    return text.withUTF8 { bytes in
      other.withUTF8 { otherBytes in bytes.isEmpty || memcmp(bytes.baseAddress!, otherBytes.baseAddress!, bytes.count) == 0 }
    }
  }

  /// Whether the valid UTF-8 `bytes` hold only scalars that no canonical normalization changes, reorders or
  /// combines with a neighbour: those below U+0300 (ASCII and the Latin letters, whose decompositions all end in
  /// a combining mark, U+0300 or above), the CJK symbols and punctuation but for their combining tone marks
  /// (U+3000–U+3029, U+3030–U+303F), the CJK Unified Ideographs (U+4E00–U+9FFF: no decompositions; the
  /// compatibility ideographs, U+F900–U+FAFF, have singleton ones and are left out) and the full-width forms
  /// (U+FF01–U+FF5E, whose decompositions are compatibility ones only). Two strings of such scalars are
  /// canonically equivalent only when their bytes are equal.
  static func isNormalizationInert(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      switch lead {
      case 0..<0x80:
        index += 1
      case 0xC0..<0xCC:  // U+0000–U+02FF in two bytes
        index += 2
      case 0xE5..<0xEA:  // U+5000–U+9FFF, all in the block, the usual case: not decoded
        guard index + 2 < bytes.count else { return false }
        index += 3
      case 0xE0..<0xF0:
        guard index + 2 < bytes.count else { return false }
        let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        switch scalar {
        case 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: index += 3
        default: return false
        }
      default:
        return false
      }
    }
    return true
  }
}

extension Array where Element == String {
  /// Whether one of the texts is the same text as `text` (``Swift/String/isSameText(as:)``): `contains(text)`,
  /// decided from the bytes where that is certain, `text` scanned once.
  package func containsText(_ text: String) -> Bool {
    let found: Bool? = text.utf8.withContiguousStorageIfAvailable { wanted in
      var isInert: Bool?
      for candidate in self {
        let same: Bool? = candidate.utf8.withContiguousStorageIfAvailable { bytes in
          if bytes.count == wanted.count, bytes.isEmpty || memcmp(bytes.baseAddress!, wanted.baseAddress!, bytes.count) == 0 {
            return true
          }
          if isInert == nil { isInert = String.isNormalizationInert(wanted) }
          return isInert == true && String.isNormalizationInert(bytes) ? false : nil
        } ?? nil
        if same ?? (candidate == text) { return true }
      }
      return false
    }
    return found ?? contains(text)
  }

  /// The texts one after another with `separator` between them, as `joined(separator:)` gives them, compiled here
  /// for `[String]`: the standard library's is not specialized for it, and its first call in a process looks its
  /// associated types up by name (300,000 instructions), which a message said before the first prompt paid.
  package func joinedText(separator: String) -> String {
    var text = ""
    for (offset, element) in enumerated() {
      if offset > 0 { text += separator }
      text += element
    }
    return text
  }

  /// Whether one of the texts is `*`, a condition's "any value" (compared by its byte: `==` with `*` takes the
  /// slow way for a text that is not ASCII).
  package var containsAnyValue: Bool {
    contains { $0.utf8.count == 1 && $0.utf8.first == UInt8(ascii: "*") }
  }
}
