import Foundation
import MinutesInterview

/// Where a drafting loop saves one session: what the loop needs of storage, and no more. ``SessionStore`` bound to
/// a name (``SessionStore/session(named:)``) keeps it on disk; a store in memory stands in for it in tests.
public protocol DraftStore: Sendable {
  /// The session's file, named in messages (where every change is saved) and beside which a rescue copy is put
  /// back.
  var sessionFile: URL { get }
  /// The path of ``sessionFile``.
  var sessionFilePath: String { get }
  /// The workspace folder: paths the clerk types (`:export FILE`) are relative to it.
  var workspace: URL { get }
  /// The path of ``workspace``.
  var workspacePath: String { get }
  /// The folder of the session files, which exports refuse to write into.
  var directory: URL { get }
  /// Saves one action durably (a journal line) before the next prompt.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``; the draft in memory is intact.
  func append(_ effect: DraftEffect) throws
  /// Writes `state` whole, with its undo history, as a new snapshot, and `annex` (what the loop keeps of the
  /// draft: its index) beside it, given back when the session is next loaded unchanged (``LoadedSession/annex``).
  /// With `keepingChanges`, a snapshot changed outside minutes is first kept aside, and the copy returned.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  @discardableResult
  func compact(_ state: DraftState, keepingChanges: Bool, annex: [UInt8]) throws -> URL?
  /// Keeps `annex` beside the snapshot as it is, for a session loaded unchanged without a usable one; a loss of
  /// nothing but time when it cannot be written.
  func replaceAnnex(_ annex: [UInt8])
  /// The generation a rescue copy is written with: after the snapshot's, so that the copy, put back, is read as
  /// the newer snapshot.
  func rescueGeneration() -> Int
}

extension DraftStore {
  /// The path of ``sessionFile``, for a store that has no other way to say it.
  public var sessionFilePath: String { sessionFile.path }
  /// The path of ``workspace``, for a store that has no other way to say it.
  public var workspacePath: String { workspace.path }
}

extension SessionStore {
  /// The session `name` in this store, as a ``DraftStore``.
  public struct Session: DraftStore {
    /// The store of the workspace.
    public let store: SessionStore
    /// The session's name.
    public let name: String

    /// The session `name` in `store`.
    public init(store: SessionStore, name: String) { (self.store, self.name) = (store, name) }

    /// `sessions/NAME.yaml`.
    public var sessionFile: URL { store.file(for: name) }
    /// The path of `sessions/NAME.yaml`, made as text.
    public var sessionFilePath: String { store.filePath(for: name) }
    /// The store's workspace.
    public var workspace: URL { store.workspace }
    /// The path of the store's workspace.
    public var workspacePath: String { store.workspacePath }
    /// The store's `sessions/` folder.
    public var directory: URL { store.directory }
    /// Appends the journal line of `effect` (see ``SessionStore/append(_:name:)``).
    public func append(_ effect: DraftEffect) throws { try store.append(effect, name: name) }
    /// Compacts the session (see ``SessionStore/compact(_:name:keepingChanges:annex:)``).
    @discardableResult
    public func compact(_ state: DraftState, keepingChanges: Bool, annex: [UInt8]) throws -> URL? {
      try store.compact(state, name: name, keepingChanges: keepingChanges, annex: annex)
    }
    /// Replaces the annex in the session's cache (see ``SessionStore/replaceAnnex(_:name:)``).
    public func replaceAnnex(_ annex: [UInt8]) { store.replaceAnnex(annex, name: name) }
    /// The snapshot's generation + 1 (the snapshot's own when it is the largest number there is).
    public func rescueGeneration() -> Int {
      let generation = SessionStore.generation(ofPath: sessionFilePath)
      let (next, overflow) = generation.addingReportingOverflow(1)
      return overflow ? generation : next
    }
  }

  /// The session `name`, bound to this store, for a drafting loop.
  public func session(named name: String) -> Session { Session(store: self, name: name) }
}
