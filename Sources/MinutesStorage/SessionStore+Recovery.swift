import Foundation

extension SessionStore {
  /// A copy of the session's last good snapshot (its cache), when there is one.
  public func lastGoodSnapshot(name: String) -> SessionFile? {
    guard let data = FileManager.default.contents(atPath: cache(for: name).path),
      let cached = SnapshotCache(data: data)
    else { return nil }
    return cached.file
  }

  /// Restores the session from its last good snapshot: the damaged file is kept beside it as
  /// `NAME.yaml.damaged-<time>` and never overwritten; the journal is then replayed on the restored snapshot.
  /// - Throws: ``SessionError/nothingToRecover(name:reason:)`` when the file reads fine or there is no copy to
  ///   restore, ``SessionError/writeFailed(file:reason:)``, or the errors of ``loadState(name:)``.
  public func recover(name: String) throws -> LoadedSession {
    try validate(existing: name)
    if (try? loadSnapshot(name: name)) != nil { throw SessionError.nothingToRecover(name: name, reason: "its file reads fine") }
    guard let good = lastGoodSnapshot(name: name) else {
      throw SessionError.nothingToRecover(name: name, reason: "there is no copy of a good snapshot to restore it from")
    }
    let url = file(for: name)
    if FileManager.default.fileExists(atPath: url.path) {
      try keepAside(url, as: "damaged", by: .moving)
    }
    do {
      try DurableFile.write(Data(try good.yaml().utf8), to: url)
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
    writeCache(good, name: name)
    return try loadState(name: name)
  }
}
