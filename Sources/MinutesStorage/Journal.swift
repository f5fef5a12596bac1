import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// One line of a session's journal.
public enum JournalRecord: Codable, Hashable, Sendable {
  /// The first line: which snapshot generation the records apply to.
  case header(generation: Int)
  /// The undo and redo stacks as they were when the snapshot was written (already part of its state).
  case history(undo: [Transaction], redo: [Transaction])
  /// An action: apply it, push it for undo, forget what could be redone.
  case perform(Transaction)
  /// `:undo`.
  case undo
  /// `:redo`.
  case redo
  /// The interview moved without a change (a skipped question, `:goto`); the address, or `nil` when over.
  case cursor(String?)

  /// The journal line that saves `effect`.
  public init(_ effect: DraftEffect) {
    switch effect {
    case .performed(let transaction): self = .perform(transaction)
    case .undone: self = .undo
    case .redone: self = .redo
    case .moved(let address): self = .cursor(address?.description)
    }
  }
}

extension DraftState {
  /// Replays one journal record.
  /// - Throws: ``ChangeMismatch`` when the record does not fit the draft.
  public mutating func replay(_ record: JournalRecord) throws {
    switch record {
    case .header: break
    case .history(let undo, let redo): (undoStack, redoStack) = (undo, redo)
    case .perform(let transaction): try perform(transaction)
    case .undo: _ = try undo()
    case .redo: _ = try redo()
    case .cursor(let text): cursor = text.flatMap(Address.init(stored:))
    }
  }
}

/// The journal of a session: `sessions/NAME.journal`, one ``JournalRecord`` per line, appended and flushed to
/// disk (`fsync`) before the next prompt. Its first line names the snapshot generation it applies to.
///
/// A line is the record as JSON, a tab, and the ``Checksum`` of the JSON's bytes in 16 hexadecimal digits
/// (`{"perform":{…}}\t3f9c…`). JSON escapes every control character inside strings, so the tab is always the
/// last one. A line whose checksum does not match is damaged: neither it nor any line after it is applied
/// (they were made on the draft it would have produced). Journals written before checksums existed have none on
/// their first line; their lines are read without one.
///
/// Saving one edit appends one line whose size depends on the edit, not on the draft: the cost of an edit does
/// not grow with the draft. When a session opens or closes, the store *compacts*: it writes the current draft as
/// a new snapshot (generation + 1) and starts a new journal holding only the undo history (see
/// ``SessionStore/compact(_:name:)``).
enum Journal {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }()

  /// The text of `records`, one line each, with its checksum.
  static func text(_ records: [JournalRecord]) throws -> String {
    var text = ""
    for record in records {
      // A plain record's text is used as it is: made into `Data`, a text's bytes cost a scan of the program's
      // conformances the first time in a process.
      if let plain = plainJSON(of: record) {
        text += plain + "\t" + Checksum.hex(plain.utf8) + "\n"
        continue
      }
      let json = try encoder.encode(record)
      text += String(decoding: json, as: UTF8.self) + "\t" + Checksum.hex(json) + "\n"
    }
    return text
  }

  /// The JSON `encoder` writes for the two records a new journal starts with when they are plain: its header, and
  /// an empty undo history; `nil` for any other record. Written by hand, byte for byte the same (the tests compare
  /// them), because the encoder's first use in a process was 0.7M instructions, a tenth of a new session's start.
  static func plainJSON(of record: JournalRecord) -> String? {
    switch record {
    case .header(let generation): "{\"header\":{\"generation\":\(generation)}}"
    case .history(let undo, let redo) where undo.isEmpty && redo.isEmpty: "{\"history\":{\"redo\":[],\"undo\":[]}}"
    default: nil
    }
  }

  /// What reading a journal's text found.
  struct Reading {
    /// The records up to the first line that is not a whole, intact record.
    var records: [JournalRecord]
    /// That line (from 1), when there is one: it and the lines after it were not read.
    var badLine: Int?
    /// Whether that line is the last and lacks its line end: an edit being appended when minutes stopped, whose
    /// prompt never came back (rather than a line damaged after it was written).
    var isTorn = false

    /// Whether the journal holds anything a draft would lose if it were not applied: an edit (or its undo or
    /// redo), or a line that could not be read. A journal of a header, the undo history and cursor moves holds
    /// none: it is what a session closed cleanly leaves.
    var holdsEdits: Bool {
      badLine != nil || records.contains {
        switch $0 {
        case .perform, .undo, .redo: true
        case .header, .history, .cursor: false
        }
      }
    }
  }

  /// Parses journal text (see ``Journal`` for the form of a line).
  static func parse(_ text: String) -> Reading {
    var reading = Reading(records: [])
    let decoder = JSONDecoder()
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var isSigned = true
    for (number, line) in lines.enumerated() where !line.isEmpty {
      let tab = line.lastIndex(of: UInt8(ascii: "\t"))
      if number == 0 { isSigned = tab != nil }
      let json = tab.map { line[..<$0] } ?? line[...]
      let intact = switch (isSigned, tab) {
      case (true, let tab?): Checksum.verify(json, hex: Substring(line[line.index(after: tab)...]))
      case (false, nil): true
      default: false
      }
      guard intact, let record = try? decoder.decode(JournalRecord.self, from: Data(json)) else {
        reading.badLine = number + 1
        reading.isTorn = number == lines.count - 1
        return reading
      }
      reading.records.append(record)
    }
    return reading
  }

  /// The generation named by the header on the first line of `text`; `nil` when that line is no intact header.
  static func generation(ofJournal text: String) -> Int? {
    guard case .header(let generation)? = parse(String(text.prefix { $0 != "\n" })).records.first else { return nil }
    return generation
  }

  /// Appends `record` to the journal at `url` and flushes it to disk.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  static func append(_ record: JournalRecord, to url: URL) throws {
    let line = try text([record])
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard fd >= 0 else { throw SessionError.writeFailed(file: url.path, reason: .posix()) }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    guard DurableFile.writeAll(Data(line.utf8), to: fd), fsync(fd) == 0 else {
      let reason = SystemReason.posix()
      // Leave no half line behind: the next record must start on a line of its own.
      if end >= 0 { _ = ftruncate(fd, end) }
      throw SessionError.writeFailed(file: url.path, reason: reason)
    }
  }
}
