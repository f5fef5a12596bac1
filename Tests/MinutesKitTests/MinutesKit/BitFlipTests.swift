import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// Issue "Never trust a damaged file": a bit flipped anywhere in any file of a session is either harmless (the
/// draft opens unchanged) or reported (opening fails with an error, or says what it found); never a silent change.
@Suite struct BitFlipTests {
  /// How one flip came out.
  enum Outcome: Equatable { case harmless, reported, silentChange }

  /// A small session with a snapshot, a journal of edits since it, its cache and its last good copy: the first
  /// five answers of the seed session compacted, the next three in the journal (its undo history holds the five).
  private static func session() throws -> (Workspace, Workspace.Draft) {
    let workspace = Workspace(url: try TestSupport.temporaryWorkspace("bit-flip"))
    var assistant = try TestSupport.freshAssistant()
    let lines = try TestSupport.seedSessionLines()
    try workspace.store.create(SessionFile(minutes: assistant.minutes), name: "s")
    assistant.run(Array(lines.prefix(5)))
    try workspace.store.compact(assistant.state, name: "s")
    for line in lines.dropFirst(5).prefix(3) {
      if let effect = assistant.handle(line).effect { try workspace.store.append(effect, name: "s") }
    }
    return (workspace, try workspace.openSession("s"))
  }

  /// Opens the session `s` as `resume`, `export` and `check` do (``Workspace/openSession(_:recover:)``: load,
  /// then conform to the template), with the template found once rather than at every flip.
  private static func outcome(of workspace: Workspace, against original: Workspace.Draft) -> Outcome {
    guard let loaded = try? workspace.store.loadState(name: "s"),
      let minutes = try? original.template.conform(loaded.file.minutes)
    else { return .reported }
    if !loaded.problems.isEmpty { return .reported }
    let same = minutes == original.minutes && loaded.file.resumeAt == original.file.resumeAt
      && loaded.undoStack == original.session?.undoStack && loaded.redoStack == original.session?.redoStack
    return same ? .harmless : .silentChange
  }

  /// Flips one bit of every byte of `url` in turn (a different bit from byte to byte), opening the session after
  /// each; the file is put back after each flip. Returns the offsets whose flip changed the draft silently, and
  /// how many were harmless and reported.
  private static func flipEveryByte(of url: URL, in workspace: Workspace, original: Workspace.Draft) throws
    -> (silent: [Int], harmless: Int, reported: Int)
  {
    let bytes = try Data(contentsOf: url)
    var result: (silent: [Int], harmless: Int, reported: Int) = ([], 0, 0)
    for index in bytes.indices {
      var damaged = bytes
      damaged[index] ^= UInt8(1 << (index % 8))
      try damaged.write(to: url)
      switch outcome(of: workspace, against: original) {
      case .harmless: result.harmless += 1
      case .reported: result.reported += 1
      case .silentChange: result.silent.append(index)
      }
    }
    try bytes.write(to: url)
    return result
  }

  @Test func aFlippedBitInAnyStoredFileIsHarmlessOrReported() throws {
    let (workspace, original) = try Self.session()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let store = workspace.store
    #expect(original.loadProblems.isEmpty)
    #expect(original.session?.problems.isEmpty == true)
    // The cache is read only while it matches the snapshot's stamps, and rewriting the snapshot changes them: the
    // cache goes first, the snapshot last.
    for url in [store.cache(for: "s"), store.journal(for: "s"), store.goodSnapshot(for: "s"), store.file(for: "s")] {
      let result = try Self.flipEveryByte(of: url, in: workspace, original: original)
      #expect(result.silent.isEmpty, "\(url.lastPathComponent): flips at bytes \(result.silent.prefix(10)) changed the draft silently")
      #expect(result.harmless + result.reported > 100, "\(url.lastPathComponent) was flipped byte by byte")
      if url == store.journal(for: "s") || url == store.file(for: "s") {
        #expect(result.reported > result.harmless, "\(url.lastPathComponent): a damaged byte is read, and reported")
      }
    }
  }

  /// The last good copy is only used by `--recover`: a flipped bit in it makes it no copy, never a changed one.
  @Test func aFlippedBitInTheLastGoodCopyNeverRestoresAChangedDraft() throws {
    let (workspace, original) = try Self.session()
    defer { try? FileManager.default.removeItem(at: workspace.url) }
    let store = workspace.store
    let good = store.goodSnapshot(for: "s")
    let expected = try #require(store.lastGoodSnapshot(name: "s"))
    try FileManager.default.removeItem(at: store.cache(for: "s"))  // no other copy to fall back on
    let bytes = try Data(contentsOf: good)
    var changed: [Int] = []
    for index in bytes.indices {
      var damaged = bytes
      damaged[index] ^= UInt8(1 << (index % 8))
      try damaged.write(to: good)
      if let copy = store.lastGoodSnapshot(name: "s"), copy != expected { changed.append(index) }
    }
    #expect(changed.isEmpty, "flips at \(changed.prefix(10)) gave a changed last good snapshot")
    _ = original
  }
}
