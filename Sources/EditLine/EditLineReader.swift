internal import CEditLine
import Foundation
import LineEditing

/// A ``LineReader`` on libedit for a person at a terminal: emacs key bindings, history saved per workspace,
/// Tab completion, pre-filled editing, Ctrl-C abandoning the line and Ctrl-D leaving. Bytes that are not UTF-8
/// (a terminal set to Big5 or GBK) are shown as � while the line is typed, and the line is then delivered as
/// ``LineReadResult/undecodable(_:)`` (libedit alone would drop them without a word).
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
  private var pendingPrefill: String?
  private var completer: ((String) -> [String])?

  /// Prepares the editor. Sets a UTF-8 `LC_CTYPE` first (libedit drops CJK input without one), installs the
  /// SIGINT handler, loads the history from `historyFile` and reads the user's `~/.editrc`.
  public init(historyFile: URL?) {
    _ = minutes_ensure_utf8_ctype()
    minutes_install_sigint()
    editLine = minutes_el_init("minutes")
    history = minutes_history_init(1000)
    self.historyFile = historyFile
    minutes_el_configure(editLine, history, Unmanaged.passUnretained(self).toOpaque()) { el in
      guard let el, let client = minutes_el_client(el) else { return nil }
      let reader = Unmanaged<EditLineReader>.fromOpaque(client).takeUnretainedValue()
      return reader.promptBuffer.withUnsafeMutableBufferPointer { $0.baseAddress }
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
    minutes_el_bind(editLine, "^I", "minutes-complete")
    minutes_el_bind(editLine, Self.prefillKey, "minutes-prefill")
    minutes_el_source_editrc(editLine)
    if let historyFile { HistoryFile.load(history, from: historyFile) }
  }

  deinit {
    minutes_el_end(editLine)
    history_end(history)
  }

  /// An unused key sequence bound to the prefill function and pushed before reading (libedit clears the line
  /// when `el_gets` starts, so the text is inserted from inside the read).
  private static let prefillKey = "\u{1B}[9999~"

  public func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
    promptBuffer = Array(prompt.utf8CString)
    return withoutActuallyEscaping(completions) { completions in
      completer = completions
      defer { completer = nil }
      if let prefill, !prefill.isEmpty {
        pendingPrefill = prefill
        el_push(editLine, Self.prefillKey)
      }
      _ = minutes_take_interrupt()
      minutes_reset_invalid()
      var count: Int32 = 0
      guard let raw = el_gets(editLine, &count) else {
        pendingPrefill = nil
        if count == -1 || minutes_take_interrupt() != 0 {
          minutes_write_stdout("\n")
          return .interrupted
        }
        minutes_write_stdout("\n")
        return .endOfInput
      }
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
      el_deletestr(editLine, Int32(before.count))
      el_insertstr(editLine, replacement)
    }
    if candidates.count > 1 {
      // Listed without the words already typed before the last space (`:edit 1.disposition `, `Aisha Bello, `).
      let shown = before.lastIndex(of: " ").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
      let names = candidates.map { $0.trimmingCharacters(in: .whitespaces) }.map { candidate in
        candidate.count > shown && candidate.hasPrefix(before.prefix(shown)) ? String(candidate.dropFirst(shown)) : candidate
      }
      minutes_write_stdout("\n" + names.joined(separator: "  ") + "\n")
      return UInt8(CC_REDISPLAY)
    }
    return UInt8(CC_REFRESH)
  }
}
