import Foundation

extension SessionStore {
  /// How a file is kept aside: copied (the session goes on using it) or moved (it is replaced).
  enum Keeping {
    /// The file stays where it is; a copy is kept.
    case copying
    /// The file itself is moved aside.
    case moving
  }

  /// Keeps `url` beside the session as `NAME.yaml.KIND-<time>` or `NAME.journal.KIND-<time>` (a leading dot of
  /// a hidden file dropped), so that nothing is thrown away: `damaged`, `unapplied`, `changed`. Every kept copy
  /// of a session is made here, with the same time stamp. A copy that exists already (made the same second) is
  /// not overwritten; a move onto one fails. The copy's bytes and its name are flushed before this returns: what is
  /// kept aside is kept because the file is about to be replaced, and that replacement is durable.
  /// - Returns: the kept file.
  /// - Throws: the file system's error when the copy or move fails.
  @discardableResult
  func keepAside(_ url: URL, as kind: String, by keeping: Keeping = .copying) throws -> URL {
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let name = url.lastPathComponent.hasPrefix(".") ? String(url.lastPathComponent.dropFirst()) : url.lastPathComponent
    let kept = directory.appendingPathComponent("\(name).\(kind)-\(stamp)")
    switch keeping {
    case .copying:
      guard !FileManager.default.fileExists(atPath: kept.path) else { return kept }
      try FileManager.default.copyItem(at: url, to: kept)
      DurableFile.syncFile(atPath: kept.path)
    case .moving:
      try FileManager.default.moveItem(at: url, to: kept)
    }
    DurableFile.syncFolder(ofPath: kept.path)
    return kept
  }
}
