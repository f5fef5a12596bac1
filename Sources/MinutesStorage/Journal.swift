import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview

/// A session as loaded: its snapshot with the journal replayed, and the undo history.
public struct LoadedSession: Sendable {
  /// The current draft and where its interview resumes (the snapshot with every journal record applied).
  public var file: SessionFile
  /// What `:undo` and `:redo` reach, across earlier sittings.
  public var undoStack: [Transaction]
  /// What `:redo` reaches.
  public var redoStack: [Transaction]
  /// Set when part of the journal could not be used; says what was kept.
  public var journalProblem: String?

  /// The state an assistant resumes on; `interview` finds the first question when the file names none.
  public func state(interview: Interview) -> DraftState {
    let cursor: Address?
    switch file.resumeAt {
    case .at(let address): cursor = address
    case .finished: cursor = nil
    case .firstQuestion: cursor = interview.slots(in: file.minutes).first { !interview.isAnswered($0, in: file.minutes) }
    }
    return DraftState(minutes: file.minutes, cursor: cursor, undoStack: undoStack, redoStack: redoStack)
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
