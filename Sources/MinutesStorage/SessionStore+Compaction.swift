import Foundation
import MinutesModel
import MinutesInterview

/// The write protocol: a new journal beside the old one, then the snapshot, then the rename (see ``SessionStore``).
extension SessionStore {
  /// Creates the session `name` with `file` as its first content.
  /// - Throws: ``SessionError/exists(name:)`` when the name is taken, or the errors of ``save(_:name:)``.
  public func create(_ file: SessionFile, name: String) throws {
    try Self.validate(name: name)
    if FileManager.default.fileExists(atPath: self.file(for: name).path) { throw SessionError.exists(name: name) }
    try save(file, name: name)
  }

  /// Writes `file` as the session's new snapshot, with a new journal holding no history.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func save(_ file: SessionFile, name: String) throws {
    try compact(DraftState(minutes: file.minutes, cursor: file.resumeAt.address), resumeAt: file.resumeAt, name: name)
  }

  /// Appends `record` to the session's journal, durably.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func append(_ record: JournalRecord, name: String) throws {
    try Journal.append(record, to: journal(for: name))
  }

  /// Appends the journal line of `effect` to the session's journal, durably.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func append(_ effect: DraftEffect, name: String) throws {
    try append(JournalRecord(effect), name: name)
  }

  /// Writes `state` as a new snapshot and starts a new journal that holds its undo history.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  /// With `keepingChanges`, a snapshot changed by hand (or another program) since minutes last wrote it is first
  /// copied aside as `NAME.yaml.changed-<time>`, and the copy returned: the draft in memory would overwrite it.
  @discardableResult
  public func compact(_ state: DraftState, name: String, keepingChanges: Bool = false) throws -> URL? {
    try compact(state, resumeAt: state.cursor.map(SessionFile.ResumePoint.at) ?? .finished, name: name, keepingChanges: keepingChanges)
  }

  @discardableResult
  private func compact(_ state: DraftState, resumeAt: SessionFile.ResumePoint, name: String, keepingChanges: Bool = false) throws -> URL? {
    var kept: URL?
    let url = file(for: name)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let generation = Self.generation(of: url) + 1
      let current = journal(for: name)
      // After a crash between a compaction's snapshot and its rename, the live journal is still the next one:
      // put it in place first, so that writing the next journal below cannot overwrite it.
      if let text = try? String(contentsOf: nextJournal(for: name), encoding: .utf8),
        case .header(let nextGeneration)? = Journal.parse(String(text.prefix { $0 != "\n" })).records.first,
        nextGeneration == generation - 1
      {
        guard rename(nextJournal(for: name).path, current.path) == 0 else {
          throw SessionError.writeFailed(file: current.path, reason: String(cString: strerror(errno)))
        }
        DurableFile.syncFolder(of: current)
      }
      if let text = try? String(contentsOf: current, encoding: .utf8) {
        let (records, badLine) = Journal.parse(text)
        if let badLine, badLine < text.split(separator: "\n").count {
          // A damaged journal is never thrown away: keep it for the clerk or a maintainer to look at.
          _ = try? keepAside(current, as: "damaged")
        }
        if case .header(let journalGeneration)? = records.first, journalGeneration != generation - 1 {
          // A journal of another snapshot (a restored backup, a hand-changed generation) was not applied: keep it.
          _ = try? keepAside(current, as: "unapplied")
        }
      }
      // Only the cache's header is read: the stamps of the snapshot minutes last wrote.
      if keepingChanges, let stamp = SnapshotCache.stamp(of: url),
        let header = SnapshotCache.header(ofFileAt: cache(for: name)),
        !header.matches(stamp, generation: Self.generation(of: url))
      {
        // The snapshot was changed by hand (or by another program) since minutes wrote it: keep that version.
        kept = try? keepAside(url, as: "changed")
      }
      let records: [JournalRecord] = [.header(generation: generation), .history(undo: state.undoStack, redo: state.redoStack)]
      try DurableFile.write(Data(try Journal.text(records).utf8), to: nextJournal(for: name))
      let snapshot = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: generation)
      try DurableFile.write(Data(try snapshot.yaml().utf8), to: url)
      writeCache(snapshot, name: name)
      guard rename(nextJournal(for: name).path, current.path) == 0 else {
        throw SessionError.writeFailed(file: current.path, reason: String(cString: strerror(errno)))
      }
      DurableFile.syncFolder(of: current)
      return kept
    } catch let error as SessionError {
      throw error
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
  }

  /// Writes the cache of the session `name`'s snapshot `file`, just written, stamped with that file's size, time
  /// and inode; a cache that cannot be written is no loss (the YAML is read instead).
  func writeCache(_ file: SessionFile, name: String) {
    guard let stamp = SnapshotCache.stamp(of: self.file(for: name)),
      case let data = SnapshotCache(
        generation: file.generation, size: stamp.size, modified: stamp.modified, inode: stamp.inode, file: file).data()
    else { return }
    try? DurableFile.write(data, to: cache(for: name))
  }
}
