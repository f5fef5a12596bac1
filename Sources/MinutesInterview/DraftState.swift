import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// A group of ``Change``s made by one action of the clerk, with where the interview stood before and after.
public struct Transaction: Codable, Hashable, Sendable {
  /// The steps, in the order they were applied.
  public var changes: [Change]
  /// The question asked before the action (`nil`: the interview was over).
  public var cursorBefore: Address?
  /// The question asked after it.
  public var cursorAfter: Address?
  /// What the action was, for `:undo`'s message, e.g. `修改 2.1.3`.
  public var label: String

  /// Creates a transaction.
  public init(changes: [Change], cursorBefore: Address?, cursorAfter: Address?, label: String) {
    self.changes = changes
    self.cursorBefore = cursorBefore
    self.cursorAfter = cursorAfter
    self.label = label
  }

  private enum CodingKeys: String, CodingKey { case changes, cursorBefore, cursorAfter, label }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    changes = try c.decode([Change].self, forKey: .changes)
    cursorBefore = try c.decodeIfPresent(String.self, forKey: .cursorBefore).flatMap(Address.init(stored:))
    cursorAfter = try c.decodeIfPresent(String.self, forKey: .cursorAfter).flatMap(Address.init(stored:))
    label = try c.decode(String.self, forKey: .label)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(changes, forKey: .changes)
    try c.encodeIfPresent(cursorBefore?.description, forKey: .cursorBefore)
    try c.encodeIfPresent(cursorAfter?.description, forKey: .cursorAfter)
    try c.encode(label, forKey: .label)
  }
}

/// What one action of the clerk did to a draft and its interview, in the terms of editing: what a store saves
/// (see `JournalRecord` in MinutesStorage, which turns it into a journal line).
public enum DraftEffect: Hashable, Sendable {
  /// The transaction was applied and pushed for undo; what could be redone is forgotten.
  case performed(Transaction)
  /// The latest action was undone (`:undo`).
  case undone
  /// The latest undone action was redone (`:redo`).
  case redone
  /// The interview alone moved (a skipped question, `:goto`, `:add` without text); `nil` when it is over.
  case moved(to: Address?)
}

/// A draft with where its interview stands and what can be undone and redone: what a session is, in memory.
public struct DraftState: Hashable, Sendable {
  /// The most actions `:undo` reaches back over.
  public static let undoDepth = 500

  /// The draft.
  public var minutes: Minutes
  /// The question being asked; `nil` when the interview is over.
  public var cursor: Address?
  /// Actions that can be undone, the latest last.
  public var undoStack: [Transaction] = []
  /// Undone actions that can be redone, the latest undone last.
  public var redoStack: [Transaction] = []
  /// Whether the session's files already hold this state, as a snapshot and a journal of its undo history alone
  /// (a session resumed that was closed cleanly): then closing it unchanged writes nothing. Not part of the
  /// state's equality.
  public var isSnapshotCurrent = false

  /// Creates a state.
  public init(minutes: Minutes, cursor: Address?, undoStack: [Transaction] = [], redoStack: [Transaction] = []) {
    self.minutes = minutes
    self.cursor = cursor
    self.undoStack = undoStack
    self.redoStack = redoStack
  }

  public static func == (a: DraftState, b: DraftState) -> Bool {
    (a.minutes, a.cursor, a.undoStack, a.redoStack) == (b.minutes, b.cursor, b.undoStack, b.redoStack)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(minutes)
    hasher.combine(cursor)
    hasher.combine(undoStack)
    hasher.combine(redoStack)
  }

  /// Applies `transaction` and records it for undo.
  /// - Throws: ``ChangeMismatch`` when a step does not fit the draft (the draft is then unchanged).
  public mutating func perform(_ transaction: Transaction) throws {
    try Self.apply(transaction.changes, to: &minutes)
    record(transaction)
  }

  /// Applies `changes` in place, all or none: when one does not fit, those applied are undone and the error
  /// thrown. (Changing a copy and keeping it would copy the path to every change: a cost that grows with the
  /// draft.)
  static func apply(_ changes: [Change], to minutes: inout Minutes) throws {
    var applied = 0
    do {
      for change in changes {
        try minutes.apply(change)
        applied += 1
      }
    } catch {
      for change in changes[..<applied].reversed() { try? minutes.apply(change.inverse) }
      throw error
    }
  }

  /// Records `transaction`, already applied to ``minutes``, for undo, and moves the interview to its
  /// `cursorAfter`.
  public mutating func record(_ transaction: Transaction) {
    cursor = transaction.cursorAfter
    undoStack.append(transaction)
    if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    redoStack.removeAll()
  }

  /// Moves the interview to `cursor` as part of the latest action (so that redoing it goes there too).
  package mutating func setCursorOfLastAction(_ cursor: Address?) {
    self.cursor = cursor
    if !undoStack.isEmpty { undoStack[undoStack.count - 1].cursorAfter = cursor }
  }

  /// Undoes the latest action; returns it, or `nil` when there is none.
  /// - Throws: ``ChangeMismatch`` (not expected: the stack was built on this draft).
  public mutating func undo() throws -> Transaction? {
    guard let transaction = undoStack.last else { return nil }
    try Self.apply(transaction.changes.reversed().map(\.inverse), to: &minutes)
    cursor = transaction.cursorBefore
    undoStack.removeLast()
    redoStack.append(transaction)
    return transaction
  }

  /// Redoes the latest undone action; returns it, or `nil` when there is none.
  /// - Throws: ``ChangeMismatch`` (not expected).
  public mutating func redo() throws -> Transaction? {
    guard let transaction = redoStack.last else { return nil }
    try Self.apply(transaction.changes, to: &minutes)
    cursor = transaction.cursorAfter
    redoStack.removeLast()
    undoStack.append(transaction)
    return transaction
  }
}
