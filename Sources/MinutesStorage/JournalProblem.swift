import Foundation
import MinutesModel

/// Why part of a session's journal was not applied when the session was loaded; the edits before it were, and
/// nothing is thrown away.
public enum JournalProblem: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The journal names another snapshot generation (a restored backup, a hand-changed generation): not applied.
  case foreign(journal: String)
  /// A damaged line in the middle of the journal (`line`, from 1).
  case damagedLine(journal: String, line: Int)
  /// The edit at `line` does not fit the draft (was the snapshot changed by hand?); the journal is kept aside as
  /// `keptAs`, when the copy could be made.
  case unapplied(journal: String, line: Int, keptAs: String?)

  /// The English wording (see ``message(_:)``).
  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What was not applied, in the session's language; the wording is in `Messages+Storage.swift`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .foreign(let journal): m.foreignJournal(journal)
    case .damagedLine(let journal, let line): m.damagedJournalLine(journal, line: line)
    case .unapplied(let journal, let line, let kept): m.unappliedJournal(journal, line: line, keptAs: kept)
    }
  }
}
