import Foundation
import MinutesModel

/// The sessions of a workspace. A session `NAME` is kept in `<workspace>/sessions/` as:
/// - `NAME.yaml`, a snapshot: the draft as a canonical minutes file, with `resumeAt` and `generation`;
/// - `NAME.journal`, the edits since that snapshot and the undo history, one JSON line each (see ``Journal``);
/// - `.NAME.yaml.good`, the last good snapshot: a copy of the snapshot, for `--recover`;
/// - `.NAME.cache`, the snapshot in a compact binary form that loads faster (see ``SnapshotCache``);
/// - `NAME.lock` while a `minutes` has it open (see ``SessionLock``).
///
/// Every edit is one line appended to the journal and flushed (`fsync`) before the next prompt, so its cost does
/// not grow with the draft. Snapshots are written whole, through a temporary file, `fsync`, `rename` and an
/// `fsync` of the folder, so a crash leaves the old snapshot or the new one. Every file carries a checksum (the
/// snapshot on its last line, each journal line at its end, the cache at its end), so that a damaged byte is
/// reported rather than applied. A snapshot and its journal are tied by
/// the generation number: compaction writes the next journal beside the old one, then the new snapshot, then
/// renames the journal into place, and loading uses whichever journal matches the snapshot.
///
/// This file holds the paths and names; loading and replay are in `SessionStore+Loading.swift`, the write
/// protocol in `SessionStore+Compaction.swift`, recovery in `SessionStore+Recovery.swift` and the copies kept
/// aside in `SessionStore+KeepAside.swift`.
public struct SessionStore: Sendable {
  /// The workspace folder (the current directory unless `--workspace` says otherwise).
  public let workspace: URL

  /// The workspace folder's path (`workspace.path`), as text.
  public let workspacePath: String

  /// The path of the folder that holds the session files, `<workspace>/sessions`, as text. The files' paths are
  /// made from it as text too: in the static release program a `URL` made by appending a component cost 20,000
  /// instructions, its `path` 4,000 more, and the first `path` asked in a process 430,000 (the generic metadata
  /// its decoding instantiates), where the text costs a few hundred. `new` asks for some forty before its first
  /// prompt.
  public let directoryPath: String

  /// A store for the workspace at `workspace`.
  public init(workspace: URL) { self.init(workspace: workspace, path: workspace.path) }

  /// A store for the workspace at `workspace`, whose path (`workspace.path`) the caller has as text already.
  public init(workspace: URL, path: String) {
    self.workspace = workspace
    workspacePath = path
    directoryPath = Folder.path(of: "sessions", in: path)
  }

  /// The folder that holds the session files.
  public var directory: URL { URL(fileURLWithPath: directoryPath, isDirectory: true) }

  /// The path of the file `fileName` in the sessions folder.
  func path(_ fileName: String) -> String { directoryPath + "/" + fileName }

  /// The snapshot file of the session `name`.
  public func file(for name: String) -> URL { URL(fileURLWithPath: filePath(for: name), isDirectory: false) }

  /// The path of the snapshot file of the session `name` (the path of ``file(for:)``).
  public func filePath(for name: String) -> String { path("\(name).yaml") }

  /// The journal file of the session `name`.
  public func journal(for name: String) -> URL { URL(fileURLWithPath: journalPath(for: name), isDirectory: false) }

  /// The path of the journal file of the session `name`.
  public func journalPath(for name: String) -> String { path("\(name).journal") }

  /// The path of the journal being written by a compaction of the session `name`, until it is renamed into place.
  func nextJournalPath(for name: String) -> String { path(".\(name).journal.next") }

  /// The path of the last good snapshot of the session `name`: a copy of the snapshot, written after it at every
  /// compaction, from which `--recover` restores a snapshot that is damaged or was changed outside minutes.
  func goodSnapshotPath(for name: String) -> String { path(".\(name).yaml.good") }

  /// The path of the cache of the session `name`'s snapshot (see ``SnapshotCache``).
  func cachePath(for name: String) -> String { path(".\(name).cache") }

  /// The journal being written by a compaction of the session `name`, until it is renamed into place.
  func nextJournal(for name: String) -> URL { URL(fileURLWithPath: nextJournalPath(for: name), isDirectory: false) }

  /// The last good snapshot of the session `name` (see ``goodSnapshotPath(for:)``).
  func goodSnapshot(for name: String) -> URL { URL(fileURLWithPath: goodSnapshotPath(for: name), isDirectory: false) }

  /// The cache of the session `name`'s snapshot (see ``SnapshotCache``).
  func cache(for name: String) -> URL { URL(fileURLWithPath: cachePath(for: name), isDirectory: false) }

  /// The path of the lock of the session `name` (see ``SessionLock``).
  func lockPath(for name: String) -> String { path("\(name).lock") }

  /// The names of the sessions in the workspace, sorted: the files `NAME.yaml` of the sessions folder (a folder so
  /// named is none).
  public func names() -> [String] {
    let files = Folder.fileNames(atPath: directoryPath) ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// The name the files of the session `name` (typed, in NFC) have: `name` when its snapshot is there; else the
  /// name of the one session whose name is `name` once in NFC (a file named in decomposed form, `cafe` and U+0301,
  /// as a copy from macOS may name it, or with a compatibility ideograph such as U+F91F for 蘭), which `minutes
  /// list` shows and which the clerk could not otherwise type; else `name` (no such session, or two that differ
  /// only so, which stay apart).
  /// - Complexity: one `stat`; the folder is listed only when there is no snapshot of that name.
  public func storedName(of name: String) -> String {
    if hasSnapshot(name) { return name }
    let matches = namesAlike(name)
    return matches.count == 1 ? matches[0] : name
  }

  /// Whether the snapshot of the session `name` is there, its file named by exactly these bytes.
  public func hasSnapshot(_ name: String) -> Bool {
    // `stat` itself: FileManager's first use in a process costs more than the rest (`new` asks before its first
    // prompt).
    var status = stat()
    return stat(filePath(for: name), &status) == 0
  }

  /// The names of the sessions that are `name` once both are in NFC, as their files name them (`name` itself among
  /// them when its snapshot is there): a new session may take none of them.
  public func namesAlike(_ name: String) -> [String] {
    let target = name.precomposed
    return names().filter { $0.precomposed == target }
  }

  /// Checks that `name` can name a session, by the one rule the messages and hints state: letters and digits of
  /// any script (CJK included), `-` and `_`, not starting with `-` (the hint `minutes resume NAME` would then be
  /// read as an option), at most 200 bytes. A path (a `/` or `\\`, or a name ending in `.yaml`) is refused as one.
  /// - Throws: ``SessionError/pathAsName(_:)`` or ``SessionError/invalidName(_:reason:)``.
  public static func validate(name: String) throws {
    func refuse(_ reason: String) -> SessionError { .invalidName(name, reason: reason) }
    if name.isEmpty { throw refuse("it is empty") }
    if name.contains("/") || name.contains("\\") || name.hasSuffix(".yaml") { throw SessionError.pathAsName(name) }
    if name.hasPrefix("-") { throw refuse("it starts with '-'") }
    if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || CharacterSet.whitespacesAndNewlines.contains($0) }) {
      throw refuse("it contains spaces or control characters")
    }
    if let other = name.unicodeScalars.first(where: { !isNameCharacter($0) }) {
      throw refuse("it contains `\(other)`")
    }
    if name.utf8.count > 200 { throw refuse("it is longer than 200 bytes") }
  }

  /// Checks a name that opens a session: one that exists under a name made before the rule of
  /// ``validate(name:)`` (with a `.`, say) still opens, so that no draft becomes unreachable; any other name must
  /// follow that rule. Never a path, a hidden file or control characters.
  /// - Throws: the errors of ``validate(name:)``.
  public func validate(existing name: String) throws {
    let isPlainFileName = !name.isEmpty && !name.contains("/") && !name.contains("\\") && !name.hasPrefix(".")
      && !name.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) } && name.utf8.count <= 200
    if isPlainFileName, Folder.exists(filePath(for: name)) { return }
    try Self.validate(name: name)
  }

  /// Makes the sessions folder `path`, and the folders above it, unless it is there.
  /// - Throws: ``SessionError/noSessionsFolder(path:reason:)`` when a file has its name, a folder above it is a
  ///   file, or it cannot be written.
  static func makeFolder(atPath path: String) throws {
    guard !Folder.isFolder(path) else { return }
    // `mkdir` step by step rather than FileManager's, whose error for a file above the folder carried no reason.
    if let code = makeFolders(path) { throw SessionError.noSessionsFolder(path: path, reason: .posix(code)) }
  }

  /// Makes the folder `path` and the missing folders above it; the `errno` of the step that failed, `nil` when the
  /// folder is there.
  private static func makeFolders(_ path: String) -> Int32? {
    if mkdir(path, 0o777) == 0 { return nil }
    var code = errno
    let parent = Folder.parent(of: path)
    if code == ENOENT, parent != path {
      if let failed = makeFolders(parent) { return failed }
      if mkdir(path, 0o777) == 0 { return nil }
      code = errno
    }
    // Made meanwhile by another process: there all the same.
    return code == EEXIST && Folder.isFolder(path) ? nil : code
  }

  /// A letter or digit of any script (with the marks that letters of some scripts carry), `-` or `_`.
  static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "_" || CharacterSet.alphanumerics.contains(scalar)
  }
}
