import Foundation

extension StringProtocol {
  /// The text in Unicode NFC (canonical composition), as Foundation's `precomposedStringWithCanonicalMapping`
  /// gives it, which is asked only when the text holds a scalar other than ASCII and the CJK ideographs of the
  /// basic block and extension A (U+3400–U+4DBF, U+4E00–U+9FFF).
  ///
  /// Those scalars are NFC as they are (Unicode 15.1, UAX #15: canonical combining class 0, NFC_Quick_Check Yes,
  /// none the first or second of a canonical composition with another of them), so a text of them alone is its
  /// own NFC; Foundation's first composition in a process (through NSString) was a twentieth of the time to the
  /// first prompt, for a session named `first-1` or `例會-3`.
  package var precomposed: String {
    let plain = unicodeScalars.allSatisfy { scalar in
      scalar.isASCII || (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
    return plain ? String(self) : precomposedStringWithCanonicalMapping
  }
}
