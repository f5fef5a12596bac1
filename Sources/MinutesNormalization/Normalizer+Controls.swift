extension Normalizer {
  /// What ``removingControls(from:)`` took out of a text, in order of appearance, for a notice that says so.
  public struct Removed: Hashable, Sendable {
    /// Terminal escape sequences, whole, as they were: CSI (`ESC [ 2 J`, `ESC [ 31 m`), OSC (`ESC ] 0 ; title
    /// BEL`), the other control strings (DCS, SOS, PM, APC, up to their terminator), and two- or three-character
    /// escapes (`ESC ( B`, `ESC O A`); their 8-bit forms (U+009B…) too.
    public var escapeSequences: [String] = []
    /// Control characters outside escape sequences: C0 other than tab, line feed and carriage return (NUL, BEL,
    /// a lone ESC…), DEL, and C1 (U+0080–U+009F).
    public var controlCharacters: [Unicode.Scalar] = []
    /// Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidirectional overrides and isolates
    /// (U+202A–U+202E, U+2066–U+2069), which hide or reorder text.
    public var invisibleCharacters: [Unicode.Scalar] = []

    /// Nothing was removed.
    public var isEmpty: Bool { escapeSequences.isEmpty && controlCharacters.isEmpty && invisibleCharacters.isEmpty }

    /// Nothing removed.
    public init() {}
  }

  /// `text` without terminal escape sequences, control characters and invisible characters (see ``Removed``),
  /// and what was removed. An escape sequence goes whole, so that pasting `ESC[31mRED` leaves `RED`, not
  /// `[31mRED`. White space (tab, line feed, carriage return) stays, for rule 3 of ``normalize(_:)``.
  ///
  /// A sequence that is never finished (`ESC ]` with no BEL or ST after it, `ESC [ 1 2` at the end) loses only
  /// its ESC: what follows is kept as text rather than dropped to the end of the line.
  /// - Complexity: O(n) in the length of `text`.
  public static func removingControls(from text: String) -> (text: String, removed: Removed) {
    var removed = Removed()
    guard text.unicodeScalars.contains(where: { scalar in
      // The printable ASCII and CJK of nearly every answer are passed without a table lookup.
      if (0x20...0x7E).contains(scalar.value) || (0x2E80...0xFEFE).contains(scalar.value) { return false }
      return isInvisibleControl(scalar) || zeroWidth.contains(scalar)
    }) else {
      return (text, removed)
    }
    let scalars = Array(text.unicodeScalars)
    var kept = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      if zeroWidth.contains(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
        removed.invisibleCharacters.append(scalar)
        i += 1
      } else if let end = escapeSequenceEnd(in: scalars, at: i) {
        var sequence = String.UnicodeScalarView()
        sequence.append(contentsOf: scalars[i..<end])
        removed.escapeSequences.append(String(sequence))
        i = end
      } else if isInvisibleControl(scalar) {
        removed.controlCharacters.append(scalar)
        i += 1
      } else {
        kept.append(scalar)
        i += 1
      }
    }
    return (String(kept), removed)
  }

  /// The end (exclusive) of the escape sequence starting at `start`, or `nil` when none starts there (a lone
  /// ESC, or an unterminated control string, is then a control character alone).
  private static func escapeSequenceEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
    let first = scalars[start].value
    var i = start + 1
    func at(_ index: Int) -> UInt32? { index < scalars.count ? scalars[index].value : nil }
    // The introducer after ESC, or the 8-bit form's own value.
    let introducer: UInt32
    switch first {
    case 0x1B:
      guard let next = at(i) else { return nil }
      switch next {
      case 0x5B: introducer = 0x9B  // [ : CSI
      case 0x5D: introducer = 0x9D  // ] : OSC
      case 0x50: introducer = 0x90  // P : DCS
      case 0x58: introducer = 0x98  // X : SOS
      case 0x5E: introducer = 0x9E  // ^ : PM
      case 0x5F: introducer = 0x9F  // _ : APC
      case 0x4E, 0x4F:  // N, O : SS2, SS3 and one character (ESC O A, an arrow key)
        guard let c = at(i + 1), (0x20...0x7E).contains(c) else { return i + 1 }
        return i + 2
      default:
        // ESC, intermediates (0x20–0x2F), a final (0x30–0x7E): ESC ( B, ESC 7, ESC c.
        var j = i
        while let c = at(j), (0x20...0x2F).contains(c) { j += 1 }
        guard let c = at(j), (0x30...0x7E).contains(c) else { return nil }
        return j + 1
      }
      i += 1
    case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
      introducer = first
    default:
      return nil
    }
    if introducer == 0x9B {
      // Parameters (0x30–0x3F), intermediates (0x20–0x2F), a final (0x40–0x7E).
      while let c = at(i), (0x30...0x3F).contains(c) { i += 1 }
      while let c = at(i), (0x20...0x2F).contains(c) { i += 1 }
      guard let c = at(i), (0x40...0x7E).contains(c) else { return nil }
      return i + 1
    }
    // A control string, up to ST (ESC \ or U+009C), or BEL for OSC.
    while let c = at(i) {
      if c == 0x9C || (introducer == 0x9D && c == 0x07) { return i + 1 }
      if c == 0x1B, at(i + 1) == 0x5C { return i + 2 }
      i += 1
    }
    return nil
  }
}
