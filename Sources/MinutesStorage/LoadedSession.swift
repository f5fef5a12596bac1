import MinutesModel
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
  public var problem: JournalProblem?
  /// ``problem`` in English, e.g. `…/s.journal:4: damaged line; the edits before it were restored`.
  public var journalProblem: String? { problem?.errorDescription }

  /// The state an assistant resumes on; `interview` works out the question to resume at
  /// (see ``Interview/resumePoint(for:in:)``).
  public func state(interview: Interview) -> DraftState {
    DraftState(minutes: file.minutes, cursor: interview.resumePoint(for: file.resumeAt, in: file.minutes),
               undoStack: undoStack, redoStack: redoStack)
  }
}
