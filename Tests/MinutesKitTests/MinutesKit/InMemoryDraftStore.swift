import Foundation

@testable import MinutesInterview
@testable import MinutesStorage
import MinutesTestSupport

/// A ``DraftStore`` that keeps what a drafting loop asks it to save in memory: the journal lines it would append
/// and the states it would write as snapshots. It can fail the next appends, as a full disk does.
final class InMemoryDraftStore: DraftStore, @unchecked Sendable {
  /// The journal lines appended since the last snapshot, as ``Journal`` writes them (one JSON record each).
  private(set) var journalLines: [String] = []
  /// Every journal line ever appended, across snapshots.
  private(set) var allJournalLines: [String] = []
  /// The states written as snapshots, in order.
  private(set) var snapshots: [DraftState] = []
  /// How many of the next appends fail with ``SessionError/writeFailed(file:reason:)`` (a full disk).
  var failingAppends = 0
  /// How many of the next compactions fail with ``SessionError/writeFailed(file:reason:)`` (a full disk).
  var failingCompactions = 0

  let sessionFile: URL
  let workspace: URL
  var directory: URL { workspace.appendingPathComponent("sessions", isDirectory: true) }

  /// A store whose session file would be `sessions/NAME.yaml` in a workspace that does not exist.
  init(name: String) {
    workspace = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-in-memory-\(UUID().uuidString)")
    sessionFile = workspace.appendingPathComponent("sessions/\(name).yaml")
  }

  /// The records of the journal since the last snapshot.
  var journal: [JournalRecord] { Journal.parse(journalLines.joined()).records }

  func append(_ effect: DraftEffect) throws {
    if failingAppends > 0 {
      failingAppends -= 1
      throw SessionError.writeFailed(file: sessionFile.deletingPathExtension().appendingPathExtension("journal").path,
                                     reason: .posix(ENOSPC))
    }
    let line = try Journal.text([JournalRecord(effect)])
    journalLines.append(line)
    allJournalLines.append(line)
  }

  /// The annexes kept beside the snapshots (by ``compact(_:keepingChanges:annex:)`` and ``replaceAnnex(_:)``).
  private(set) var annexes: [[UInt8]] = []

  func compact(_ state: DraftState, keepingChanges: Bool, annex: [UInt8]) throws -> URL? {
    if failingCompactions > 0 {
      failingCompactions -= 1
      throw SessionError.writeFailed(file: sessionFile.path, reason: .posix(ENOSPC))
    }
    snapshots.append(state)
    annexes.append(annex)
    journalLines = []
    return nil
  }

  func replaceAnnex(_ annex: [UInt8]) { annexes.append(annex) }

  func rescueGeneration() -> Int { snapshots.count + 1 }
}
