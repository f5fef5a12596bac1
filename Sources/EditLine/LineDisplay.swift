internal import CEditLine

/// Draws the prompt and the line being edited, wrapped to the terminal's width, and remembers where it drew them.
///
/// Each redraw goes back to the prompt's first row, clears to the end of the screen, writes the prompt and the line
/// and puts the cursor where it belongs, so nothing of an earlier, longer or differently wrapped line is left. A
/// character is laid out as the terminal lays it out: a letter with its combining marks is one cell, a CJK
/// character two, and one that does not fit in the last column starts the next row. A control character shows
/// as `^X`, as libedit shows it. The methods return the bytes to write.
struct LineDisplay {
  /// The row of the cursor, counted from the prompt's first row.
  private var cursorRow = 0
  /// The last row drawn on, and whether the text ended exactly at the right margin (the cursor was then moved to
  /// the start of the next row, which is the last row).
  private var lastRow = 0
  /// What was drawn: the cells of the prompt and the line, and the cursor's index among them, to find the
  /// cursor's row again after the terminal reflowed them to a new width.
  private var drawn: [Cell] = []
  private var drawnCursor = 0

  /// One character as drawn: its text and its width in cells.
  struct Cell {
    var text: String
    var width: Int
  }

  /// A new line starts on the row the cursor is on.
  mutating func start() {
    (cursorRow, lastRow, drawn, drawnCursor, endsAtMargin) = (0, 0, [], 0, false)
  }

  /// The screen was cleared and the cursor is home: the next draw starts there.
  mutating func forget() { start() }

  /// Bytes that clear every row of the line, leaving the cursor at the start of the prompt's row.
  mutating func clear() -> String {
    let bytes = up(cursorRow) + "\r\u{1B}[J"
    start()
    return bytes
  }

  /// Bytes that move the cursor below the line, to the start of a new row, for what is written next.
  mutating func leave() -> String {
    var bytes = down(lastRow - cursorRow) + "\r"
    // Text that ended at the margin left the cursor on a new empty row already.
    if !endsAtMargin { bytes += "\n" }
    start()
    return bytes
  }

  private var endsAtMargin = false

  /// Bytes that draw `prompt` and `line` with the cursor before the character at `cursor` (an index of `line`'s
  /// characters), at `columns` wide. After a resize the terminal has reflowed what was drawn, so the cursor's row
  /// is found again by laying it out at the new width.
  mutating func draw(prompt: String, line: String, cursor: Int, columns: Int, resized: Bool) -> String {
    let columns = max(2, columns)
    if resized, !drawn.isEmpty {
      cursorRow = Self.layout(drawn, columns: columns, cursor: drawnCursor).cursor.row
    }
    let promptCells = prompt.map(Self.cell)
    let cells = promptCells + line.map(Self.cell)
    let cursorIndex = promptCells.count + cursor
    let layout = Self.layout(cells, columns: columns, cursor: cursorIndex)
    var bytes = up(cursorRow) + "\r\u{1B}[J"
    bytes += cells.map(\.text).joined()
    var end = layout.end
    endsAtMargin = end.column == columns
    if endsAtMargin {
      // The cursor waits at the margin until the next character: put it at the start of the next row.
      bytes += "\r\n"
      end = (end.row + 1, 0)
    }
    bytes += up(end.row - layout.cursor.row) + "\r"
    if layout.cursor.column > 0 { bytes += "\u{1B}[\(layout.cursor.column)C" }
    (cursorRow, lastRow, drawn, drawnCursor) = (layout.cursor.row, end.row, cells, cursorIndex)
    return bytes
  }

  /// Bytes that draw `prompt` and `lines` (a paste of several lines) one under the other, the cursor on a new row
  /// after them.
  mutating func show(prompt: String, lines: [String], columns: Int) -> String {
    var bytes = up(cursorRow) + "\r\u{1B}[J"
    let shown = lines.map { $0.map(Self.cell).map(\.text).joined() }
    bytes += prompt.map(Self.cell).map(\.text).joined() + shown.joined(separator: "\r\n")
    start()
    return bytes + "\r\n"
  }

  /// Where each cell goes at `columns` wide: the row and column of the cell at `cursor` (or of the end), and of
  /// the end of the text (its column may equal `columns`: the text ends at the margin).
  static func layout(_ cells: [Cell], columns: Int, cursor: Int) -> (cursor: (row: Int, column: Int), end: (row: Int, column: Int)) {
    var row = 0, column = 0
    var cursorAt: (row: Int, column: Int)?
    for (index, cell) in cells.enumerated() {
      if column + max(cell.width, 1) > columns && column > 0 && cell.width > 0 {
        row += 1
        column = 0
      }
      if index == cursor { cursorAt = (row, column) }
      column += cell.width
    }
    if cursorAt == nil {
      cursorAt = column >= columns ? (row + 1, 0) : (row, column)
    }
    return (cursorAt ?? (row, column), (row, column))
  }

  /// How a character is drawn: as it is, in as many cells as the C library's `wcwidth` gives its first scalar (a
  /// combining mark after it adds none; an emoji with VS16 takes two); a control character as `^X`; another
  /// character that is not printable as `\U+XXXX`.
  static func cell(_ character: Character) -> Cell {
    guard let first = character.unicodeScalars.first else { return Cell(text: "", width: 0) }
    if first.value < 0x20 || first.value == 0x7F {
      let shown = "^" + String(Character(Unicode.Scalar(UInt8(first.value ^ 0x40))))
      return Cell(text: shown, width: 2)
    }
    if (0x80..<0xA0).contains(first.value) {
      let hex = String(first.value, radix: 16, uppercase: true)
      let shown = "\\U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      return Cell(text: shown, width: shown.count)
    }
    var width = Int(minutes_wcwidth(first.value))
    if width < 0 { width = 1 }
    if character.unicodeScalars.contains("\u{FE0F}") { width = 2 }
    return Cell(text: String(character), width: min(width, 2))
  }

  /// Where the cursor at `cursor` (an index of `scalars`) goes so as not to stand inside a letter with combining
  /// marks: to the letter's end when it moved right, else to its start.
  static func snap(_ cursor: Int, in scalars: [Unicode.Scalar], movingRight: Bool) -> Int {
    let bounds = boundaries(of: scalars)
    guard !bounds.contains(cursor) else { return cursor }
    let start = bounds.last { $0 < cursor } ?? 0
    let end = bounds.first { $0 > cursor } ?? scalars.count
    return movingRight ? end : start
  }

  /// When `new` is `old` with a run of scalars removed that cut a letter with combining marks (Backspace over
  /// `é` typed as e and U+0301 removes only the mark), how many scalars of that letter remain before and after
  /// `cursor`, to delete as well; `nil` when nothing was cut.
  static func completeDeletion(from old: [Unicode.Scalar], to new: [Unicode.Scalar], cursor: Int) -> (before: Int, after: Int)? {
    guard new.count < old.count, !old.isEmpty else { return nil }
    var prefix = 0
    while prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < new.count - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
    guard prefix + suffix == new.count, cursor == prefix else { return nil }
    let removedStart = prefix, removedEnd = old.count - suffix
    let bounds = boundaries(of: old)
    let start = bounds.last { $0 <= removedStart } ?? 0
    let end = bounds.first { $0 >= removedEnd } ?? old.count
    return (removedStart - start, end - removedEnd)
  }

  /// The scalar offsets at which characters (grapheme clusters) begin, and the end.
  static func boundaries(of scalars: [Unicode.Scalar]) -> [Int] {
    var text = String()
    text.unicodeScalars.append(contentsOf: scalars)
    var offsets = [0]
    var offset = 0
    for character in text {
      offset += character.unicodeScalars.count
      offsets.append(offset)
    }
    return offsets
  }

  private func up(_ rows: Int) -> String { rows > 0 ? "\u{1B}[\(rows)A" : "" }
  private func down(_ rows: Int) -> String { rows > 0 ? "\u{1B}[\(rows)B" : "" }
}
