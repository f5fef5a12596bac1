import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

// MARK: - Several lines at once: a paste, the editor's text

extension Assistant {
  /// Takes several lines given at once (a bracketed paste of more than one line, or the text of Ctrl-X Ctrl-E) as
  /// one answer to the part asked or edited, and says which way it was taken:
  /// - at a list of texts (the points of a directive, paragraphs, action items), of other values (names), or of
  ///   records that read a whole line (a roll call, one member a line), each non-blank line becomes an entry (or
  ///   the entries it holds), all in one change, so one `:undo` takes the whole paste back; a line refused
  ///   refuses them all, and says why;
  /// - at a text field, the lines are joined into one paragraph (with a space between words, none between
  ///   Chinese characters);
  /// - anywhere else (a date, a choice, a number, a line split into parts, a command), nothing is answered: the
  ///   clerk is told that the paste held several lines.
  ///
  /// Control characters are removed from each line and said, as from a typed line (``handle(_:)``).
  public mutating func paste(_ lines: [String]) -> Response {
    var removed = Normalizer.Removed()
    var texts: [String] = []
    // Each text's line among those pasted (1-based), blank lines counted: "line 3 of the 4 pasted lines" is the
    // third line the clerk sees in what they pasted.
    var numbers: [Int] = []
    for (number, line) in zip(1..., lines) {
      let (text, gone) = Normalizer.removingControls(from: line)
      removed.escapeSequences += gone.escapeSequences
      removed.controlCharacters += gone.controlCharacters
      removed.invisibleCharacters += gone.invisibleCharacters
      if !text.trimmingCharacters(in: .whitespaces).isEmpty {
        texts.append(text.trimmingCharacters(in: .whitespaces))
        numbers.append(number)
      }
    }
    var response = takeLines(texts, numbers: numbers, count: lines.count)
    if !removed.isEmpty { response.messages.insert(template.messages.removedFromLine(removed), at: 0) }
    return response
  }

  /// The text the clerk's editor gave for the part of `:edit ADDRESS --editor`: its new value, several lines
  /// joined into one paragraph.
  public mutating func takeEditorText(_ lines: [String]) -> Response {
    let texts = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    var response = handle(Self.paragraph(texts))
    if texts.count > 1 && !response.isError { response.messages.insert(template.messages.linesJoined(texts.count), at: 0) }
    return response
  }

  private mutating func takeLines(_ texts: [String], numbers: [Int], count: Int) -> Response {
    let m = template.messages
    guard texts.count > 1 else { return handle(texts.first ?? "") }
    let slot = pendingEdit ?? cursor
    let refused = Response(messages: [m.pasteRefused(count, label: slot.map { interview.label(of: $0, in: minutes) })], isError: true)
    guard !texts.contains(where: Command.isCommand), let slot, let part = template.part(at: slot) else {
      return refused
    }
    switch part.shape {
    case .list(let list) where slot.isEnd && pendingEdit == nil:
      // Lines of text, of values (names split at commas), or of records read whole lines (a roll call, one member
      // a line): each line is one answer. Only text is rejoined where a page broke its sentences.
      let entries: [String]
      switch list.entries {
      case .values(.text): entries = template.language.hasPrefix("zh") ? Self.unwrapped(texts) : texts
      case .values: entries = texts
      case .records(let records) where records.line != nil: entries = texts
      case .records: return refused
      }
      // Lines rejoined into fewer entries are numbered as entries; else as the lines pasted.
      var response = appendAll(entries, to: slot.parent, numbers: entries.count == texts.count ? (numbers, count) : nil)
      if entries.count < texts.count, !response.isError {
        response.messages.insert(m.wrappedLinesJoined(texts.count, into: entries.count), at: 0)
      }
      return response
    case .field(.text) where part.lineFormat == nil:
      var response = handle(Self.paragraph(texts))
      if !response.isError { response.messages.insert(m.linesJoined(texts.count), at: 0) }
      return response
    default:
      return refused
    }
  }

  /// Appends `texts` to `list` as one change (one undo), and moves the interview on past them.
  /// A line refused is named by `numbers` (each text's line among the `count` pasted) where given.
  private mutating func appendAll(_ texts: [String], to list: Address, numbers: (lines: [Int], count: Int)? = nil) -> Response {
    let m = template.messages
    let shown = template.display(list)
    let first = minutes.entries(of: list).count + 1
    let cursorBefore = cursor
    var changes: [Change] = []
    var line = 0
    do {
      var address = list
      for text in texts {
        line += 1
        let (added, made) = try editor.perform(.append(list, text), on: &state.minutes)
        address = added
        changes += made
      }
      index.update(after: changes, in: state.minutes)
      var messages: [String] = []
      let cursorAfter = nextQuestion(after: address, messages: &messages)
      let transaction = Transaction(changes: changes, cursorBefore: cursorBefore, cursorAfter: cursorAfter,
                                    label: m.pasteLabel(texts.count, shown))
      state.record(transaction)
      // A line may hold several entries (names split at commas).
      let added = minutes.entries(of: list).count - first + 1
      let labels = [first, first + added - 1].map { interview.label(of: list.appending(.index($0)), in: minutes) }
      messages.insert(m.pastedAsEntries(texts.count, entries: added, first: labels[0], last: labels[1]), at: 0)
      if cursor == nil { messages.append(finishedNotice) }
      return Response(messages: messages, changed: true, effect: .performed(transaction))
    } catch {
      // The lines appended before the one refused are taken back: all or nothing.
      for change in changes.reversed() { try? state.minutes.apply(change.inverse) }
      index.update(after: changes.reversed().map(\.inverse), in: state.minutes)
      let shown = numbers.map { ($0.lines[line - 1], $0.count) } ?? (line, texts.count)
      return Response(messages: [m.pasteLineRefused(shown.0, of: shown.1, error.message(m))], isError: true)
    }
  }

  /// Chinese `lines` whose sentences were broken where a page was narrow (a PDF, a wiki), joined again: when the
  /// last line ends a sentence (。；！？, or a closing mark after one), a line that does not is joined to the next.
  /// Lines of which the last ends no sentence either (points typed without their marks) are left as they are.
  static func unwrapped(_ lines: [String]) -> [String] {
    guard let last = lines.last, endsSentence(last) else { return lines }
    var joined: [String] = []
    var pending = ""
    for line in lines {
      pending += line
      if endsSentence(line) {
        joined.append(pending)
        pending = ""
      }
    }
    return joined
  }

  /// Whether `line` ends with a sentence's mark, before any closing quotes or brackets.
  private static func endsSentence(_ line: String) -> Bool {
    let closing: Set<Character> = ["”", "’", "」", "』", "）", ")", "》"]
    guard let last = line.last(where: { !closing.contains($0) }) else { return false }
    return "。；！？;!?".contains(last)
  }

  /// `lines` as one paragraph: a space between them, except where either side is a Chinese character or mark.
  static func paragraph(_ lines: [String]) -> String {
    var text = ""
    for line in lines {
      if let last = text.unicodeScalars.last, let next = line.unicodeScalars.first, !isWide(last), !isWide(next) {
        text += " "
      }
      text += line
    }
    return text
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isIdeographic || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
      || (0x2E80...0x2FDF).contains(scalar.value)
  }
}
