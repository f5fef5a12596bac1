import Foundation

extension SessionFile {
  /// `text`, a session file's text ending with its `generation:` line, sealed anew: whatever comment its last
  /// line has is replaced by the checksum of the text before it. For a file the clerk changed by hand and is
  /// sharing as it now is (`minutes sync`): the others then read it as minutes wrote it, without a warning that
  /// would send them to `--recover` and undo the change. A text whose last line is no `generation:` line is
  /// returned as it is.
  public static func resealed(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    guard let last = lines.last, last.hasPrefix("generation: ") else { return text }
    let generation = last.split(separator: "#", maxSplits: 1)[0].trimmingCharacters(in: .whitespaces)
    let body = (lines.dropLast().map { $0 + "\n" }.joined()) + generation
    return body + sealMark + Checksum.hex(body.utf8) + "\n"
  }
}

extension SessionStore {
  /// Renames the session `name` to `newName`: its snapshot, journal and last good copy (the cache is dropped and
  /// made again). For two clerks who made different meetings under one name. The session must not be open.
  /// - Throws: ``SessionError/exists(name:)``, ``SessionError/writeFailed(file:reason:)``, and those of
  ///   ``validate(existing:)`` and ``validate(name:)``.
  public func renameSession(_ name: String, to newName: String) throws {
    try validate(existing: name)
    try Self.validate(name: newName)
    guard !FileManager.default.fileExists(atPath: file(for: newName).path) else { throw SessionError.exists(name: newName) }
    let moves = [(journal(for: name), journal(for: newName)), (goodSnapshot(for: name), goodSnapshot(for: newName)),
                 (file(for: name), file(for: newName))]
    for (from, to) in moves where FileManager.default.fileExists(atPath: from.path) {
      guard rename(from.path, to.path) == 0 else { throw SessionError.writeFailed(file: to.path, reason: .posix()) }
    }
    unlink(cache(for: name).path)
  }
}
