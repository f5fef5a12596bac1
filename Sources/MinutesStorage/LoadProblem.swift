import Foundation
import MinutesModel

/// Something found while a session was loaded that the clerk must hear about: part of its journal was not
/// applied, its snapshot was changed since minutes wrote it, or its cache was damaged. The session still opens;
/// nothing is thrown away, and nothing is changed without one of these being said.
public enum LoadProblem: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The journal names another snapshot generation (a restored backup, a hand-changed generation): not applied.
  case foreign(journal: String)
  /// A damaged line (`line`, from 1: it failed its checksum or does not read): the edits before it were applied,
  /// it and those after it were not; the journal is kept aside as `NAME.journal.damaged-<time>` when the session
  /// is next saved.
  case damagedLine(journal: String, line: Int)
  /// The last line was cut short (minutes stopped while appending an edit, before that edit's prompt came back):
  /// that edit was not applied.
  case tornLine(journal: String, line: Int)
  /// The edit at `line` does not fit the draft (was the snapshot changed by hand?); the journal is kept aside as
  /// `keptAs`, when the copy could be made.
  case unapplied(journal: String, line: Int, keptAs: String?)
  /// The snapshot's checksum does not match its text: it was changed since minutes wrote it (by hand, by another
  /// program, or damaged on disk). It was read as it is now; `good` is the copy minutes last wrote, when there is
  /// one, which `minutes resume NAME --recover` restores.
  case snapshotChanged(file: String, name: String, good: String?)
  /// The cache failed its checksum: it was ignored (the snapshot was read instead) and is rebuilt when the
  /// session is next saved.
  case cacheDamaged(cache: String)

  /// The English wording (see ``message(_:)``).
  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What was found and what was done about it, in the session's language; the wording is in
  /// `Messages+Storage.swift`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .foreign(let journal): m.foreignJournal(journal)
    case .damagedLine(let journal, let line): m.damagedJournalLine(journal, line: line)
    case .tornLine(let journal, let line): m.tornJournalLine(journal, line: line)
    case .unapplied(let journal, let line, let kept): m.unappliedJournal(journal, line: line, keptAs: kept)
    case .snapshotChanged(let file, let name, let good): m.snapshotChanged(file, name: name, good: good)
    case .cacheDamaged(let cache): m.cacheDamaged(cache)
    }
  }
}
