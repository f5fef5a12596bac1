import Foundation
import MinutesModel

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
    try write(data, toPath: url.path, durably: durably, syncingFolder: syncingFolder)
  }

  /// As ``write(_:to:durably:syncingFolder:)``, to the file at `path` (the temporary file beside it, named from
  /// the path's text).
  static func write(_ data: Data, toPath path: String, durably: Bool = true, syncingFolder: Bool = true) throws {
    try data.withUnsafeBytes { try write($0, toPath: path, durably: durably, syncingFolder: syncingFolder) }
  }

  /// As ``write(_:toPath:durably:syncingFolder:)``, the UTF-8 of `text`: read in place, where `Data(text.utf8)`
  /// costs a scan of the program's conformances the first time in a process (250,000 instructions).
  static func write(_ text: String, toPath path: String, durably: Bool = true, syncingFolder: Bool = true) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0), toPath: path, durably: durably, syncingFolder: syncingFolder) }
  }

  private static func write(_ bytes: UnsafeRawBufferPointer, toPath path: String, durably: Bool, syncingFolder: Bool) throws {
    let temporary = Folder.sibling(of: path, named: "." + Folder.lastComponent(of: path) + ".tmp")
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw posixError() }
    let ok = writeAll(bytes, to: fd) && (!durably || fsync(fd) == 0)
    let error = ok ? nil : posixError()
    close(fd)
    if let error {
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else { throw posixError() }
    if durably && syncingFolder { syncFolder(ofPath: path) }
  }

  /// Writes all of `data` to `fd`, retrying after interruptions; false on an error (see `errno`).
  static func writeAll(_ data: Data, to fd: Int32) -> Bool {
    data.withUnsafeBytes { writeAll($0, to: fd) }
  }

  /// Writes all of `bytes` to `fd`, retrying after interruptions; false on an error (see `errno`).
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 { if errno == EINTR { continue } else { return false } }
      offset += written
    }
    return true
  }

  /// Flushes the file or folder at `path` (a copy made by another API, a folder after a rename); nothing when it
  /// cannot be opened.
  static func syncFile(atPath path: String) {
    let fd = open(path, O_RDONLY)
    if fd >= 0 {
      fsync(fd)
      close(fd)
    }
  }

  /// Flushes the folder holding `url`, so that a rename in it survives a crash.
  static func syncFolder(of url: URL) { syncFolder(ofPath: url.path) }

  /// Flushes the folder holding the file at `path`.
  static func syncFolder(ofPath path: String) { syncFile(atPath: Folder.parent(of: path)) }

  private static func posixError() -> NSError {
    NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
  }
}
