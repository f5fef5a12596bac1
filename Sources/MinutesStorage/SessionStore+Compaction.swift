import Foundation
import MinutesModel
import MinutesInterview

/// The write protocol: a new journal beside the old one, then the snapshot, then the rename (see ``SessionStore``).
extension SessionStore {
  /// Creates the session `name` with `file` as its first content, and `annex` kept in its cache (see
  /// ``compact(_:name:keepingChanges:annex:)``).
  /// - Throws: ``SessionError/exists(name:)`` when the name is taken, ``SessionError/folderInTheWay(file:)`` when a
  ///   folder has the snapshot's name, ``SessionError/snapshotMissing(name:)`` when a session of that name lost its
  ///   snapshot but not its last good copy (which, with its journal, a new session would write over), or the
  ///   errors of ``save(_:name:annex:)``.
  public func create(_ file: SessionFile, name: String, annex: [UInt8] = []) throws {
    try Self.validate(name: name)
    let path = filePath(for: name)
    if Folder.exists(path) {
      throw Folder.isFolder(path) ? SessionError.folderInTheWay(file: path) : SessionError.exists(name: name)
    }
    if Folder.exists(goodSnapshotPath(for: name)) { throw SessionError.snapshotMissing(name: name) }
    try compact(DraftState(minutes: file.minutes, cursor: file.resumeAt.address), resumeAt: file.resumeAt, name: name,
                annex: annex, isCreating: true)
  }

  /// Writes `file` as the session's new snapshot, with a new journal holding no history, and `annex` in its cache.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func save(_ file: SessionFile, name: String, annex: [UInt8] = []) throws {
    try compact(DraftState(minutes: file.minutes, cursor: file.resumeAt.address), resumeAt: file.resumeAt, name: name, annex: annex)
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
  /// - Throws: ``SessionError/writeFailed(file:reason:)``, or ``SessionError/generationExhausted(file:generation:)``
  ///   when the snapshot's generation cannot be incremented (nothing is written then).
  /// With `keepingChanges`, a snapshot changed by hand (or another program) since minutes last wrote it is first
  /// copied aside as `NAME.yaml.changed-<time>`, and the copy returned: the draft in memory would overwrite it.
  /// `annex` is kept in the snapshot's cache and given back by ``loadState(name:)`` while the draft is unchanged
  /// (``LoadedSession/annex``): what the layers above keep of the draft (its index), opaque here.
  @discardableResult
  public func compact(_ state: DraftState, name: String, keepingChanges: Bool = false, annex: [UInt8] = []) throws -> URL? {
    try compact(state, resumeAt: state.cursor.map(SessionFile.ResumePoint.at) ?? .finished, name: name,
                keepingChanges: keepingChanges, annex: annex)
  }

  /// Replaces the annex kept in the cache of the session `name` (see ``compact(_:name:keepingChanges:annex:)``),
  /// leaving the cache's draft byte for byte: for a session closed unchanged whose cache held no annex, or one the
  /// layers above could not use (written by another build of minutes). Nothing is written when the cache is not
  /// the current snapshot's or is damaged; a cache that cannot be written is no loss.
  public func replaceAnnex(_ annex: [UInt8], name: String) {
    let path = filePath(for: name), cachePath = cachePath(for: name)
    guard let stamp = SnapshotCache.stamp(ofPath: path), let data = FileManager.default.contents(atPath: cachePath),
      SnapshotCache.header(of: data)?.matches(stamp, generation: Self.generation(ofPath: path)) == true,
      let replaced = SnapshotCache.replacingAnnex(in: data, with: annex)
    else { return }
    try? DurableFile.write(replaced, toPath: cachePath, durably: false)
  }

  /// The write protocol. Each step leaves the session loadable if the process dies right after it:
  /// 1. a next journal left by a crash is put in place (it is the live one);
  /// 2. a journal that was not applied whole, and (with `keepingChanges`) a snapshot changed outside minutes, are
  ///    kept aside;
  /// 3. the next journal (header with generation + 1, then the undo history) is written beside the live one;
  /// 4. the snapshot is written (temporary file, `fsync`, `rename`, `fsync` of the folder), then the same bytes
  ///    as the last good snapshot, then the cache;
  /// 5. the next journal is renamed into place, and the folder flushed (which makes the good copy's rename durable
  ///    too).
  ///
  /// A session being created (`isCreating`) has no snapshot or journal of its own yet to keep in step with the new
  /// ones: until the folder's flush at step 5, a crash loses only the session being begun, which holds no answer
  /// yet (its first question is asked after), and the command that began it has not said it is saved. So the
  /// renames of its next journal and snapshot are made durable by that one flush, as the good copy's is. The
  /// snapshot's and the good copy's bytes are flushed before their renames; the journal's are not: it holds its
  /// header alone until the first answer, whose append flushes the whole file, and a journal lost to a crash
  /// before then reads as one with nothing in it. Three `fsync`s fewer: each was a few tenths of a millisecond of
  /// CPU on ext4, together a quarter of the time to a new session's first prompt.
  @discardableResult
  private func compact(_ state: DraftState, resumeAt: SessionFile.ResumePoint, name: String, keepingChanges: Bool = false,
                       annex: [UInt8] = [], isCreating: Bool = false) throws -> URL? {
    let path = filePath(for: name)
    do {
      try Self.makeFolder(atPath: directoryPath)
      // The generation is read from a file, which may say any number: the largest one cannot be incremented.
      let current = Self.generation(ofPath: path)
      let (generation, overflow) = current.addingReportingOverflow(1)
      if overflow { throw SessionError.generationExhausted(file: path, generation: current) }
      try placeNextJournalLeftByACrash(name: name, generation: current)
      keepJournalNotApplied(name: name, generation: current)
      let kept = keepingChanges ? keepSnapshotChangedOutside(name: name, holding: state.minutes) : nil
      keepGoodSnapshotOfChangedFile(name: name)
      let records: [JournalRecord] = [.header(generation: generation), .history(undo: state.undoStack, redo: state.redoStack)]
      try DurableFile.write(try Journal.text(records), toPath: nextJournalPath(for: name), durably: !isCreating)
      let snapshot = SessionFile(minutes: state.minutes, resumeAt: resumeAt, generation: generation)
      let text = try snapshot.yaml()
      do {
        try DurableFile.write(text, toPath: path, syncingFolder: !isCreating)
      } catch {
        // The snapshot was not written, so the next journal belongs to no snapshot: leave nothing behind.
        unlink(nextJournalPath(for: name))
        throw error
      }
      // A copy that cannot be written (a full disk) leaves the older one, which `--recover` checks before use. Its
      // rename is made durable by the folder's flush after the journal's rename, just below: the order of the two
      // does not matter (either copy is a good one): one `fsync` fewer at every save.
      try? DurableFile.write(text, toPath: goodSnapshotPath(for: name), syncingFolder: false)
      writeCache(snapshot, name: name, annex: annex)
      try renameNextJournal(name: name)
      return kept
    } catch let error as SessionError {
      throw error
    } catch {
      throw SessionError.writeFailed(file: path, reason: SystemReason(error))
    }
  }

  /// After a crash between a compaction's snapshot and its rename, the live journal is still the next one (its
  /// header names the snapshot's `generation`): puts it in place, so that writing the next journal cannot
  /// overwrite it.
  private func placeNextJournalLeftByACrash(name: String, generation: Int) throws {
    guard let text = Folder.text(atPath: nextJournalPath(for: name)), Journal.generation(ofJournal: text) == generation
    else { return }
    try renameNextJournal(name: name)
  }

  /// Keeps the live journal aside when loading did not apply it whole: `damaged` for a damaged or cut line, `unapplied`
  /// for a journal of another snapshot than `generation` (a restored backup, a hand-changed generation).
  private func keepJournalNotApplied(name: String, generation: Int) {
    guard let text = Folder.text(atPath: journalPath(for: name)) else { return }
    let current = journal(for: name)
    let reading = Journal.parse(text)
    if reading.badLine != nil {
      // A line cut short is kept too: cut by a bit that flipped rather than a stop, it holds an answer.
      _ = try? keepAside(current, as: "damaged")
    }
    if case .header(let journalGeneration)? = reading.records.first, journalGeneration != generation, reading.holdsEdits {
      _ = try? keepAside(current, as: "unapplied")
    }
  }

  /// Keeps the snapshot aside as `changed` when it is not the one minutes last wrote (changed by hand or by
  /// another program while the session was open), reading the cache's header alone; the copy, or `nil`.
  ///
  /// A cache that does not match is not proof enough: its write may have failed (a full disk) after minutes wrote
  /// the snapshot. So the content is compared first: a snapshot in the form minutes writes whose draft, with its
  /// journal applied, is the draft about to be written loses nothing when it is overwritten, and is not copied.
  private func keepSnapshotChangedOutside(name: String, holding minutes: Minutes) -> URL? {
    let url = file(for: name)
    guard let stamp = SnapshotCache.stamp(of: url), let header = SnapshotCache.header(ofFileAt: cachePath(for: name)),
      !header.matches(stamp, generation: Self.generation(of: url)),
      draftOfSnapshotAndJournal(name: name) != minutes
    else { return nil }
    return try? keepAside(url, as: "changed")
  }

  /// When the snapshot on disk is not the one minutes last wrote (its cache does not match it) and was changed
  /// since (its seal is broken, or cut), the draft about to be written was read from the changed file, and the last
  /// good copy, which `--recover` restores, is about to become that draft too: the good copy is first kept aside
  /// as `NAME.yaml.good.saved-<time>`, so that what minutes last saved is never lost to a resume of a damaged file.
  private func keepGoodSnapshotOfChangedFile(name: String) {
    let path = filePath(for: name)
    guard Folder.exists(goodSnapshotPath(for: name)) else { return }
    if let stamp = SnapshotCache.stamp(ofPath: path), let header = SnapshotCache.header(ofFileAt: cachePath(for: name)),
      header.matches(stamp, generation: Self.generation(ofPath: path))
    { return }
    let url = file(for: name), good = goodSnapshot(for: name)
    guard let text = try? String(contentsOf: url, encoding: .utf8), SessionFile.seal(of: text) != .intact,
      let goodText = try? String(contentsOf: good, encoding: .utf8), SessionFile.seal(of: goodText) == .intact, goodText != text
    else { return }
    _ = try? keepAside(good, as: "saved")
  }

  /// The draft of the session's snapshot file (read from its YAML) with its journal applied; `nil` when the file
  /// does not read, is not in the form minutes writes, or the journal does not apply whole. Nothing is written or
  /// kept aside.
  private func draftOfSnapshotAndJournal(name: String) -> Minutes? {
    guard let text = try? String(contentsOf: file(for: name), encoding: .utf8),
      let snapshot = try? SessionFile.parse(text, file: file(for: name).path),
      // Bytes minutes would not write (a comment, another layout) are a change of their own.
      (try? snapshot.yaml()) == text
    else { return nil }
    var state = DraftState(minutes: snapshot.minutes, cursor: snapshot.resumeAt.address)
    guard let journal = try? String(contentsOf: self.journal(for: name), encoding: .utf8) else { return state.minutes }
    let reading = Journal.parse(journal)
    guard case .header(let generation)? = reading.records.first, generation == snapshot.generation else {
      return journal.isEmpty ? state.minutes : nil
    }
    if reading.badLine != nil && !reading.isTorn { return nil }
    for record in reading.records {
      guard (try? state.replay(record)) != nil else { return nil }
    }
    return state.minutes
  }

  /// Renames the next journal into place, durably.
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  private func renameNextJournal(name: String) throws {
    let current = journalPath(for: name)
    guard rename(nextJournalPath(for: name), current) == 0 else {
      throw SessionError.writeFailed(file: current, reason: .posix())
    }
    DurableFile.syncFolder(ofPath: current)
  }

  /// Writes the cache of the session `name`'s snapshot `file`, just written, stamped with that file's size, time
  /// and inode; a cache that cannot be written is no loss (the YAML is read instead). It is not flushed to the
  /// disk: one left cut short or stale by a crash of the machine fails its checksum or its stamp, and the YAML is
  /// read instead too.
  func writeCache(_ file: SessionFile, name: String, annex: [UInt8] = []) {
    guard let stamp = SnapshotCache.stamp(ofPath: filePath(for: name)),
      case let data = SnapshotCache(
        generation: file.generation, size: stamp.size, modified: stamp.modified, inode: stamp.inode, file: file,
        annex: annex).data()
    else { return }
    try? DurableFile.write(data, toPath: cachePath(for: name), durably: false)
  }
}
