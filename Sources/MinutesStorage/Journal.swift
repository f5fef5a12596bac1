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

/// The journal of a session: `sessions/NAME.journal`, one JSON ``JournalRecord`` per line, appended and flushed
/// to disk (`fsync`) before the next prompt. Its first line names the snapshot generation it applies to.
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

  /// The text of `records`, one line each.
  static func text(_ records: [JournalRecord]) throws -> String {
    try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
  }

  /// Parses journal text: the records up to the first line that is not a record, and where that line is
  /// (`nil` when every line was read; a torn last line is reported too, since its edit was never acknowledged).
  static func parse(_ text: String) -> (records: [JournalRecord], badLine: Int?) {
    var records: [JournalRecord] = []
    let decoder = JSONDecoder()
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
      guard let record = try? decoder.decode(JournalRecord.self, from: Data(line.utf8)) else {
        return (records, number + 1)
      }
      records.append(record)
    }
    return (records, nil)
  }

  /// Appends `record` to the journal at `url` and flushes it to disk.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  static func append(_ record: JournalRecord, to url: URL) throws {
    let line = try text([record])
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard fd >= 0 else { throw SessionError.writeFailed(file: url.path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    guard DurableFile.writeAll(Data(line.utf8), to: fd), fsync(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      // Leave no half line behind: the next record must start on a line of its own.
      if end >= 0 { _ = ftruncate(fd, end) }
      throw SessionError.writeFailed(file: url.path, reason: reason)
    }
  }
}
