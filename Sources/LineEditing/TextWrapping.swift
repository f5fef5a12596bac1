/// Text laid out for a terminal: its width in columns (East Asian wide and full-width characters take two,
/// a letter with combining marks one) and lines wrapped to a width at the places a line may break: at a space,
/// and between CJK characters, never inside a word, and never before closing punctuation (`，。、」）` …) or
/// after opening punctuation (`「（《` …).
public enum TextWrapping {
  /// The columns `character` takes on a terminal: 2 for East Asian wide and full-width characters, 0 for a
  /// control or a lone combining mark, else 1.
  public static func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    if scalar.properties.generalCategory == .control { return 0 }
    if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
    return isWide(scalar) ? 2 : 1
  }

  /// The columns `text` takes on a terminal (see ``columns(of:)``).
  public static func columns(of text: some StringProtocol) -> Int { text.reduce(0) { $0 + columns(of: $1) } }

  /// Whether `scalar` is East Asian Wide or Fullwidth (UAX #11): Hangul Jamo, CJK radicals to Yi, Hangul,
  /// compatibility ideographs, vertical and small forms, full-width forms, wide emoji, the supplementary
  /// ideographic planes.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
      0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
      0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
      0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
      0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
      0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// Punctuation a line must not start with (it closes or ends what is before it).
  static let noLineStart: Set<Character> = Set("，。、；：？！）」』》〉】〕…—,.;:?!)]}’”％%")
  /// Punctuation a line must not end with (it opens what follows).
  static let noLineEnd: Set<Character> = Set("（「『《〈【〔([{‘“")

  /// Whether a line may break between `before` and `after` (not at a space; spaces are handled apart).
  static func mayBreak(between before: Character, and after: Character) -> Bool {
    if noLineStart.contains(after) || noLineEnd.contains(before) { return false }
    // Between two wide characters (CJK), or between a wide one and a narrow one: Chinese text has no spaces,
    // and a Latin word beside a CJK character stands apart from it.
    return isWideCharacter(before) || isWideCharacter(after)
  }

  private static func isWideCharacter(_ character: Character) -> Bool { columns(of: character) == 2 }

  /// `text` (one line, or several separated by `\n`, each wrapped on its own) as lines of at most `width`
  /// columns, broken at spaces (which are dropped at the break) and between CJK characters, never inside a word.
  /// A word wider than `width` alone is put on its own line and left for the terminal to wrap. A `width` of 0
  /// or less leaves the text as it is.
  public static func wrap(_ text: String, width: Int) -> String {
    guard width > 0 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { wrapLine(Array($0), width: width).joined(separator: "\n") }
      .joined(separator: "\n")
  }

  private static func wrapLine(_ characters: [Character], width: Int) -> [String] {
    guard columns(of: String(characters)) > width else { return [String(characters)] }
    // The line as pieces that cannot be split: words, single CJK characters with the punctuation held to
    // them, and runs of spaces.
    var pieces: [String] = []
    var current = ""
    for character in characters {
      if character == " " {
        if !current.isEmpty, current.last != " " { pieces.append(current); current = "" }
        current.append(character)
        continue
      }
      if current.last == " " { pieces.append(current); current = "" }
      if let last = current.last, mayBreak(between: last, and: character) {
        pieces.append(current)
        current = ""
      }
      current.append(character)
    }
    if !current.isEmpty { pieces.append(current) }

    var lines: [String] = []
    var line = ""
    var lineColumns = 0
    for piece in pieces {
      let pieceColumns = columns(of: piece)
      if piece.first == " " {
        // Spaces: kept inside a line, dropped where the line breaks.
        line += piece
        // Past the width, the next piece starts a new line (the spaces are then dropped).
        lineColumns = lineColumns + pieceColumns <= width ? lineColumns + pieceColumns : width + 1
        continue
      }
      let trimmed = line.hasSuffix(" ") ? String(line.reversed().drop { $0 == " " }.reversed()) : line
      if lineColumns + pieceColumns > width, !trimmed.isEmpty {
        lines.append(trimmed)
        line = piece
        lineColumns = pieceColumns
      } else {
        line += piece
        lineColumns = columns(of: line)
      }
    }
    let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
    if !trimmed.isEmpty || lines.isEmpty { lines.append(trimmed) }
    return lines
  }
}
