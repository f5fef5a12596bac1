import Foundation

/// Crash-safe whole-file writes.
enum DurableFile {
  /// Writes `data` to `url` through a temporary file, `fsync`, `rename` and an `fsync` of the folder; without
  /// `durably`, through a temporary file and `rename` alone: a reader sees the old bytes or the new, never a part,
  /// but a crash of the machine may leave either, or a file cut short (for a file that is checked when read and
  /// whose loss costs nothing: the snapshot's cache). Without `syncingFolder`, the file's bytes are flushed but
  /// not the folder: for a caller that flushes the folder itself right after (see ``syncFolder(of:)``), which
  /// then makes this rename and its own durable with one `fsync`.
  /// - Throws: a POSIX error as `NSError` (domain `NSPOSIXErrorDomain`, code `errno`), which ``SystemReason``
  ///   reads.
  static func write(_ data: Data, to url: URL, durably: Bool = true, syncingFolder: Bool = true) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw posixError() }
    let ok = writeAll(data, to: fd) && (!durably || fsync(fd) == 0)
    let error = ok ? nil : posixError()
    close(fd)
    if let error {
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else { throw posixError() }
    if durably && syncingFolder { syncFolder(of: url) }
  }

  /// Writes all of `data` to `fd`, retrying after interruptions; false on an error (see `errno`).
  static func writeAll(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 { if errno == EINTR { continue } else { return false } }
        offset += written
      }
      return true
    }
  }

  /// Flushes the folder holding `url`, so that a rename in it survives a crash.
  static func syncFolder(of url: URL) {
    let directory = open(url.deletingLastPathComponent().path, O_RDONLY)
    if directory >= 0 {
      fsync(directory)
      close(directory)
    }
  }

  private static func posixError() -> NSError {
    NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
  }
}
