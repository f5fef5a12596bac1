internal import CEditLine
import Foundation

/// The history of lines typed at the prompt (`sessions/.history`), read and written without following a
/// symlink: a link left in the sessions folder (pointing at a file elsewhere) is neither read nor written
/// through, and a save replaces the link itself with the history file.
///
/// A save writes the whole history to a new temporary file beside it (created exclusively, mode 0600) and renames
/// it over the history, so that a crash or a full disk never leaves half a history file, and a reader never sees
/// one.
enum HistoryFile {
  /// Loads the history at `url` into `history`: only when it is a regular file (opened with `O_NOFOLLOW`, then
  /// checked with `fstat`). Returns whether it was loaded.
  @discardableResult
  static func load(_ history: OpaquePointer, from url: URL) -> Bool {
    let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
    // libedit loads only from a path: the descriptor already opened, through /dev/fd, is that path.
    return minutes_history_load(history, "/dev/fd/\(fd)") >= 0
  }

  /// Saves `history` whole to `url`: to a temporary file in the same folder, then renamed over it. Returns
  /// whether it was saved; on failure the temporary file is removed and the old history is left as it was.
  @discardableResult
  static func save(_ history: OpaquePointer, to url: URL) -> Bool {
    var template = Array((url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return false }
    let temporary = String(cString: template)
    guard let file = fdopen(fd, "w") else {
      close(fd)
      unlink(temporary)
      return false
    }
    let written = minutes_history_save_fp(history, file) >= 0
    let flushed = fflush(file) == 0 && fsync(fd) == 0
    let closed = fclose(file) == 0
    guard written, flushed, closed, rename(temporary, url.path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }
}
