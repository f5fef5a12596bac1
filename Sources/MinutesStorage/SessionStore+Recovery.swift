import Foundation
import MinutesModel

extension SessionStore {
  /// The session's last good snapshot: its copy `.NAME.yaml.good` when that is intact (its checksum matches),
  /// else, for a session last saved by a minutes from before that copy existed, its cache; `nil` when neither
  /// reads.
  public func lastGoodSnapshot(name: String) -> SessionFile? {
    if let text = try? String(contentsOf: goodSnapshot(for: name), encoding: .utf8), SessionFile.seal(of: text) == .intact,
      let good = try? SessionFile.parse(text, file: goodSnapshot(for: name).path)
    {
      return good
    }
    guard let data = FileManager.default.contents(atPath: cache(for: name).path),
      let cached = SnapshotCache(data: data)
    else { return nil }
    return cached.file
  }

  /// Restores the session from its last good snapshot: a snapshot that does not read is kept beside it as
  /// `NAME.yaml.damaged-<time>`, one changed since minutes wrote it as `NAME.yaml.changed-<time>`, never
  /// overwritten; the journal is then replayed on the restored snapshot.
  /// - Throws: ``SessionError/nothingToRecover(name:reason:)`` when the file reads fine and is what minutes
  ///   wrote, or there is no copy to restore, ``SessionError/writeFailed(file:reason:)``, or the errors of
  ///   ``loadState(name:)``.
  public func recover(name: String) throws -> LoadedSession {
    try validate(existing: name)
    // A file holding another clerk's answers between git's conflict markers is not damage: restoring the last
    // good copy over it would drop them. The clerk resolves it instead.
    if let text = try? String(contentsOf: file(for: name), encoding: .utf8) { try MergeConflict.refuse(in: text, file: file(for: name).path) }
    let seal = try? readSnapshot(name: name).1
    if let seal, !isChangedSinceSaved(name: name, seal: seal) {
      throw SessionError.nothingToRecover(name: name, reason: "its file reads fine")
    }
    guard let good = lastGoodSnapshot(name: name) else {
      throw SessionError.nothingToRecover(name: name, reason: "there is no copy of a good snapshot to restore it from")
    }
    let url = file(for: name)
    if FileManager.default.fileExists(atPath: url.path) {
      try keepAside(url, as: seal.map { isChangedSinceSaved(name: name, seal: $0) } == true ? "changed" : "damaged", by: .moving)
    }
    do {
      try DurableFile.write(Data(try good.yaml().utf8), to: url)
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: SystemReason(error))
    }
    writeCache(good, name: name)
    return try loadState(name: name)
  }
}
