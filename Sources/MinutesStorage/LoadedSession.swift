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
  /// What loading found and the clerk must hear (a journal line not applied, a snapshot changed outside
  /// minutes, a damaged cache), in the order found; empty when all was well.
  public var problems: [LoadProblem] = []
  /// Whether the session's files hold the draft as it is and nothing more to fold in: the snapshot read from its
  /// current cache, a journal of the undo history alone, nothing found. A session so loaded and closed unchanged
  /// need not be written again.
  public var isCompact = false
  /// What the layers above storage kept of the draft beside its snapshot (``SessionStore/compact(_:name:keepingChanges:annex:)``),
  /// when the draft was read from the snapshot's cache and no journal line changed it since; empty otherwise.
  public var annex: [UInt8] = []

  /// The state an assistant resumes on; `interview` works out the question to resume at
  /// (see ``Interview/resumePoint(for:in:)``).
  public func state(interview: Interview) -> DraftState {
    var state = DraftState(minutes: file.minutes, cursor: interview.resumePoint(for: file.resumeAt, in: file.minutes),
                           undoStack: undoStack, redoStack: redoStack)
    state.isSnapshotCurrent = isCompact
    return state
  }
}
