internal import CEditLine
import Foundation
import LineEditing

/// A ``LineReader`` on libedit for a person at a terminal: emacs key bindings (and the keys every common terminal
/// sends for Home, End, Delete, Insert, PgUp/PgDn and Ctrl/Alt-arrows), history saved per workspace, Tab
/// completion, pre-filled editing, bracketed paste, Ctrl-X Ctrl-E to edit the line in `$VISUAL`/`$EDITOR`, Ctrl-C
/// abandoning the line and Ctrl-D leaving. Bytes that are not UTF-8 (a terminal set to Big5 or GBK) are shown as �
/// while the line is typed, and the line is then delivered as ``LineReadResult/undecodable(_:)`` (libedit alone
/// would drop them without a word).
///
/// libedit reads the keys and edits the line; the line is drawn by ``LineDisplay`` (libedit's own drawing goes to
/// `/dev/null`: it draws wide and combining characters wrong once a line is edited in the middle, wraps or the
/// window is resized). A combining mark is one cell with its base: the cursor never stops between them, and
/// deleting either deletes the letter.
///
/// This is the only type that touches libedit. It owns the `EditLine` and `History` handles and frees them in
/// `deinit`. Create it only when ``Terminal/isInteractive`` is true.
public final class EditLineReader: LineReader {
  public var isInteractive: Bool { true }

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private let historyFile: URL?
  /// The prompt as C text; kept alive here because libedit reads it after the prompt callback returns.
  private var promptBuffer: [CChar] = [0]
  private var prompt = ""
  private var pendingPrefill: String?
  private var completer: ((String) -> [String])?
  /// What is drawn on the screen.
  private var display = LineDisplay()
  /// The line as it was drawn last (its characters, as libedit holds them) and the cursor in it, to tell what the
  /// last key did to a letter with combining marks.
  private var lastLine: [Unicode.Scalar] = []
  private var lastCursor = 0
  /// Several lines that end the read: a paste, or the editor's text.
  private var pendingLines: [String]?

  /// Prepares the editor. Sets a UTF-8 `LC_CTYPE` first (libedit drops CJK input without one), installs the
  /// SIGINT, SIGWINCH and SIGTSTP handlers, binds the keys, loads the history from `historyFile` and reads the
  /// user's `~/.editrc` last, so that its bindings win.
  public init(historyFile: URL?) {
    _ = minutes_ensure_utf8_ctype()
    minutes_install_sigint()
    minutes_save_cooked()
    editLine = minutes_el_init("minutes")
    history = minutes_history_init(1000)
    self.historyFile = historyFile
    minutes_el_configure(editLine, history, Unmanaged.passUnretained(self).toOpaque()) { el in
      guard let el, let client = minutes_el_client(el) else { return nil }
      let reader = Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue()
      return reader.promptBuffer.withUnsafeMutableBufferPointer { $0.baseAddress }
    }
    minutes_set_draw { el, reason in
      guard let el, let client = minutes_el_client(el) else { return }
      Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue().draw(reason: reason)
    }
    minutes_el_addfn(editLine, "minutes-complete", "Complete a command or a choice") { el, _ in
      guard let el, let client = minutes_el_client(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue().complete()
    }
    minutes_el_addfn(editLine, "minutes-prefill", "Insert the value being edited") { el, _ in
      guard let el, let client = minutes_el_client(el) else { return UInt8(CC_ERROR) }
      let reader = Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue()
      if let text = reader.pendingPrefill {
        reader.pendingPrefill = nil
        el_insertstr(el, text)
      }
      return UInt8(CC_REFRESH)
    }
    minutes_el_addfn(editLine, "minutes-paste", "Take a bracketed paste as one answer") { el, _ in
      guard let el, let client = minutes_el_client(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue().paste()
    }
    minutes_el_addfn(editLine, "minutes-edit-line", "Edit the line in $VISUAL or $EDITOR") { el, _ in
      guard let el, let client = minutes_el_client(el) else { return UInt8(CC_ERROR) }
      return Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue().editLineInEditor()
    }
    minutes_el_addfn(editLine, "minutes-clear-screen", "Clear the screen and draw the line again") { el, _ in
      guard let el, let client = minutes_el_client(el) else { return UInt8(CC_ERROR) }
      let reader = Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue()
      minutes_write_stdout("\u{1B}[H\u{1B}[2J")
      reader.display.forget()
      return UInt8(CC_REFRESH)
    }
    minutes_el_bind(editLine, "^I", "minutes-complete")
    minutes_el_bind(editLine, Self.prefillKey, "minutes-prefill")
    minutes_el_bind(editLine, "\u{1B}[200~", "minutes-paste")
    minutes_el_bind(editLine, "^X^E", "minutes-edit-line")
    minutes_el_bind(editLine, "^L", "minutes-clear-screen")
    for (sequence, function) in Self.keys { minutes_el_bind(editLine, sequence, function) }
    minutes_el_source_editrc(editLine)
    if let historyFile { HistoryFile.load(history, from: historyFile) }
  }

  deinit {
    // The drawing function stays: it is the same for every reader, and finds its reader through the EditLine.
    minutes_el_end(editLine)
    history_end(history)
  }

  /// An unused key sequence bound to the prefill function and pushed before reading (libedit clears the line
  /// when `el_gets` starts, so the text is inserted from inside the read).
  private static let prefillKey = "\u{1B}[9999~"

  /// The sequences xterm, tmux, screen, rxvt, the Linux console and iTerm send for the editing keys, whatever
  /// `TERM` says (libedit binds only what the terminfo entry of `TERM` names), and the libedit function of each.
  /// Bound before `~/.editrc` is read, so that a user's own binding wins.
  static let keys: [(sequence: String, function: String)] = {
    let esc = "\u{1B}"
    var keys: [(String, String)] = []
    func bind(_ function: String, _ sequences: String...) { keys += sequences.map { (esc + $0, function) } }
    // Home and End: VT220 style (tmux, screen, the Linux console, rxvt), xterm's normal and application modes, rxvt.
    bind("ed-move-to-beg", "[1~", "[H", "OH", "[7~")
    bind("ed-move-to-end", "[4~", "[F", "OF", "[8~")
    bind("ed-delete-next-char", "[3~")
    bind("em-toggle-overwrite", "[2~")
    // PgUp and PgDn search the history for answers that start with what is typed (all of it when nothing is).
    bind("ed-search-prev-history", "[5~")
    bind("ed-search-next-history", "[6~")
    // Ctrl-Left/Right: xterm and tmux (1;5), rxvt (Od, Oc), screen and older xterms (5D, 5C); Alt-Left/Right: xterm
    // (1;3), rxvt and iTerm's Esc+ (Esc Esc [D), iTerm's old one (1;9).
    bind("ed-prev-word", "[1;5D", "Od", "[5D", "[1;3D", "\u{1B}[D", "[1;9D")
    bind("em-next-word", "[1;5C", "Oc", "[5C", "[1;3C", "\u{1B}[C", "[1;9C")
    // Ctrl-Delete and Alt-Backspace delete a word.
    bind("em-delete-next-word", "[3;5~", "[3;3~")
    bind("ed-delete-prev-word", "\u{7F}")
    return keys
  }()

  public func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
    promptBuffer = Array(prompt.utf8CString)
    self.prompt = prompt
    return withoutActuallyEscaping(completions) { completions in
      completer = completions
      defer { completer = nil }
      if let prefill, !prefill.isEmpty {
        pendingPrefill = prefill
        el_push(editLine, Self.prefillKey)
      }
      display.start()
      (lastLine, lastCursor) = ([], 0)
      pendingLines = nil
      _ = minutes_take_interrupt()
      minutes_reset_invalid()
      // Bracketed paste while a line is read: a paste arrives between ESC [200~ and ESC [201~.
      minutes_write_stdout("\u{1B}[?2004h")
      var count: Int32 = 0
      let raw = el_gets(editLine, &count)
      minutes_write_stdout("\u{1B}[?2004l")
      // Several lines pasted (or from the editor) end the read, however empty libedit's line (el_gets then says NULL).
      if let lines = pendingLines {
        pendingLines = nil
        minutes_write_stdout(display.show(prompt: prompt, lines: lines, columns: Int(minutes_terminal_columns())))
        if minutes_first_invalid_byte() >= 0 {
          return .undecodable(UndecodableLine(byte: UInt8(minutes_first_invalid_byte()), count: Int(minutes_invalid_bytes())))
        }
        return .lines(lines)
      }
      guard let raw else {
        pendingPrefill = nil
        if count == -1 || minutes_take_interrupt() != 0 {
          // The whole line, however many rows it wrapped onto, is cleared: the message takes its place.
          minutes_write_stdout(display.clear())
          return .interrupted
        }
        draw(reason: 0, final: true)
        minutes_write_stdout(display.leave())
        return .endOfInput
      }
      draw(reason: 0, final: true)
      minutes_write_stdout(display.leave())
      var line = String(decoding: UnsafeRawBufferPointer(start: raw, count: Int(count)), as: UTF8.self)
      while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
      if minutes_take_interrupt() != 0 { return .interrupted }
      let invalid = minutes_first_invalid_byte()
      if invalid >= 0 {
        return .undecodable(UndecodableLine(byte: UInt8(invalid), count: Int(minutes_invalid_bytes())))
      }
      if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        minutes_history_enter(history, line)
        if let historyFile { HistoryFile.save(history, to: historyFile) }
      }
      return .line(line)
    }
  }

  // MARK: - Drawing

  /// The line being edited: its characters as libedit holds them, and the cursor's index among them.
  private func currentLine() -> (scalars: [Unicode.Scalar], cursor: Int) {
    guard let info = el_wline(editLine)?.pointee, let buffer = info.buffer else { return ([], 0) }
    let length = info.lastchar - buffer
    let cursor = info.cursor - buffer
    let scalars = (0..<max(0, length)).map { Unicode.Scalar(UInt32(bitPattern: buffer[$0])) ?? "\u{FFFD}" }
    return (scalars, min(max(0, cursor), scalars.count))
  }

  /// Draws the prompt and the line (before libedit waits for a key, after a resize, after `fg`; not while input is
  /// waiting, `reason` 3), first keeping
  /// letters with combining marks whole: the cursor is moved off the middle of one (to its end when it moved
  /// right, to its start when it moved left), and what remains of one the last key deleted part of is deleted.
  private func draw(reason: Int32, final: Bool = false) {
    var (scalars, cursor) = currentLine()
    if final {
      // libedit has ended the line with a newline (Enter), not drawn.
      while scalars.last == "\n" { scalars.removeLast() }
      cursor = scalars.count
    }
    if !final, let (deleteBefore, deleteAfter) = LineDisplay.completeDeletion(from: lastLine, to: scalars, cursor: cursor),
      deleteBefore + deleteAfter > 0
    {
      if deleteAfter > 0 {
        _ = el_cursor(editLine, Int32(deleteAfter))
        el_deletestr(editLine, Int32(deleteAfter))
      }
      if deleteBefore > 0 { el_deletestr(editLine, Int32(deleteBefore)) }
      (scalars, cursor) = currentLine()
    }
    let snapped = LineDisplay.snap(cursor, in: scalars, movingRight: cursor > lastCursor)
    if snapped != cursor {
      _ = el_cursor(editLine, Int32(snapped - cursor))
      cursor = snapped
    }
    (lastLine, lastCursor) = (scalars, cursor)
    guard reason != 3 else { return }
    let columns = Int(minutes_terminal_columns())
    var text = String()
    text.unicodeScalars.append(contentsOf: scalars)
    let cursorOffset = String(String.UnicodeScalarView(scalars[..<cursor])).count
    minutes_write_stdout(display.draw(prompt: prompt, line: text, cursor: cursorOffset, columns: columns, resized: reason == 1))
  }

  // MARK: - Keys

  /// Tab: replaces the text before the cursor with the single candidate, or with the candidates' common
  /// prefix and lists them all.
  private func complete() -> UInt8 {
    guard let info = el_line(editLine)?.pointee, let completer else { return UInt8(CC_ERROR) }
    let length = info.cursor - info.buffer
    let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: length), as: UTF8.self)
    let candidates = completer(before)
    guard let first = candidates.first else { return UInt8(CC_REFRESH_BEEP) }
    let common = candidates.dropFirst().reduce(first) { $0.commonPrefix(with: $1) }
    let replacement = candidates.count == 1 ? first : common
    if replacement.count > before.count || candidates.count == 1 {
      el_deletestr(editLine, Int32(before.unicodeScalars.count))
      el_insertstr(editLine, replacement)
    }
    if candidates.count > 1 {
      // Listed without the words already typed before the last space (`:edit 1.disposition `, `Aisha Bello, `).
      let shown = before.lastIndex(of: " ").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
      let names = candidates.map { $0.trimmingCharacters(in: .whitespaces) }.map { candidate in
        candidate.count > shown && candidate.hasPrefix(before.prefix(shown)) ? String(candidate.dropFirst(shown)) : candidate
      }
      minutes_write_stdout(display.leave() + names.joined(separator: "  ") + "\n")
      display.start()
      return UInt8(CC_REFRESH)
    }
    return UInt8(CC_REFRESH)
  }

  /// ESC [200~ (the terminal's bracketed paste): reads the pasted text up to ESC [201~. One line is put on the line
  /// at the cursor (a tab as a space), to be answered with Enter; more end the read as ``LineReadResult/lines(_:)``,
  /// the first joined to what was typed before the cursor and the last to what was after it.
  private func paste() -> UInt8 {
    let end = Array("\u{1B}[201~".utf8)
    var bytes: [UInt8] = []
    while !bytes.suffix(end.count).elementsEqual(end) {
      let byte = minutes_read_byte()
      guard byte >= 0 else { break }
      bytes.append(UInt8(byte))
    }
    if bytes.suffix(end.count).elementsEqual(end) { bytes.removeLast(end.count) }
    return take(String(decoding: bytes, as: UTF8.self), invalid: UndecodableLine.firstInvalid(in: bytes))
  }

  /// Puts `text` (pasted, or from the editor) on the line, or ends the read with its lines when it has several.
  private func take(_ text: String, invalid: UndecodableLine?, replacingLine: Bool = false) -> UInt8 {
    if let invalid { minutes_note_invalid(Int32(invalid.byte), Int32(invalid.count)) }
    let (scalars, cursor) = currentLine()
    var before = String(), after = String()
    if !replacingLine {
      before.unicodeScalars.append(contentsOf: scalars[..<cursor])
      after.unicodeScalars.append(contentsOf: scalars[cursor...])
    }
    var lines = linesOfPastedText(text)
    if lines.count > 1 {
      lines[0] = before + lines[0]
      lines[lines.count - 1] += after
      pendingLines = lines
      return UInt8(CC_NEWLINE)
    }
    if replacingLine {
      _ = el_cursor(editLine, Int32(scalars.count - cursor))
      el_deletestr(editLine, Int32(scalars.count))
    }
    if let line = lines.first, !line.isEmpty { el_insertstr(editLine, line) }
    return UInt8(CC_REFRESH)
  }

  /// Ctrl-X Ctrl-E: the line in the clerk's editor. The text saved replaces the line (several lines end the read as
  /// a paste does); leaving the editor without saving changes nothing.
  private func editLineInEditor() -> UInt8 {
    let (scalars, _) = currentLine()
    var text = String()
    text.unicodeScalars.append(contentsOf: scalars)
    switch runEditor(on: text, duringRead: true) {
    case .edited(let lines): return take(lines.joined(separator: "\n"), invalid: nil, replacingLine: true)
    case .unchanged, .unavailable: return UInt8(CC_REFRESH)
    case .failed: return UInt8(CC_REFRESH_BEEP)
    }
  }

  public func editInEditor(_ text: String) -> EditorResult {
    runEditor(on: text, duringRead: false)
  }

  /// Runs the editor on `text` in a temporary file; during a read, with the terminal put back in its normal
  /// modes and paste mode off while it runs.
  private func runEditor(on text: String, duringRead: Bool) -> EditorResult {
    guard duringRead else { return ExternalEditor.edit(text) }
    let restore = minutes_enter_cooked()
    minutes_write_stdout("\u{1B}[?2004l")
    defer {
      if restore != 0 { minutes_restore_modes() }
      minutes_write_stdout("\u{1B}[?2004h")
      _ = minutes_take_interrupt()
    }
    return ExternalEditor.edit(text)
  }
}
