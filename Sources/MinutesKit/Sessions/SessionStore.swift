import Foundation

/// The sessions of a workspace: one file per session, `<workspace>/sessions/<name>.yaml`.
///
/// Saving writes a temporary file beside the target, flushes it to disk (`fsync`), renames it over the session
/// file and flushes the folder, so a crash at any moment leaves either the old file or the new one, whole.
public struct SessionStore: Sendable {
  /// The workspace folder (the current directory unless `--workspace` says otherwise).
  public let workspace: URL

  /// A store for the workspace at `workspace`.
  public init(workspace: URL) { self.workspace = workspace }

  /// The folder that holds the session files.
  public var directory: URL { workspace.appendingPathComponent("sessions", isDirectory: true) }

  /// The file of the session `name`.
  public func file(for name: String) -> URL { directory.appendingPathComponent("\(name).yaml") }

  /// The names of the sessions in the workspace, sorted.
  public func names() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Checks that `name` can name a session file and is no path.
  /// - Throws: ``SessionError/invalidName(_:reason:)``.
  public static func validate(name: String) throws {
    func refuse(_ reason: String) -> SessionError { .invalidName(name, reason: reason) }
    if name.isEmpty { throw refuse("it is empty") }
    if name.contains("/") || name.contains("\\") { throw refuse("it contains a path separator") }
    if name.hasPrefix(".") { throw refuse("it starts with a dot") }
    if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0 == " " }) {
      throw refuse("it contains spaces or control characters")
    }
    if name.utf8.count > 200 { throw refuse("it is longer than 200 bytes") }
  }

  /// Loads the session `name`.
  /// - Throws: ``SessionError``.
  public func load(name: String) throws -> SessionFile {
    try Self.validate(name: name)
    let url = file(for: name)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SessionError.notFound(name: name, available: names())
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SessionError.unreadable(YAMLProblem(file: url.path, line: 0, column: 0, message: "the file is not UTF-8"))
    }
    return try SessionFile.parse(text, file: url.path)
  }

  /// Creates the session `name` with `file` as its first content.
  /// - Throws: ``SessionError/exists(name:)`` when the name is taken, or the errors of ``save(_:name:)``.
  public func create(_ file: SessionFile, name: String) throws {
    try Self.validate(name: name)
    if FileManager.default.fileExists(atPath: self.file(for: name).path) { throw SessionError.exists(name: name) }
    try save(file, name: name)
  }

  /// Writes the session `name` durably (see the type's discussion).
  /// - Throws: ``SessionError/writeFailed(file:reason:)``.
  public func save(_ file: SessionFile, name: String) throws {
    let url = self.file(for: name)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let data = Data(try file.yaml().utf8)
      try DurableFile.write(data, to: url)
    } catch let error as SessionError {
      throw error
    } catch {
      throw SessionError.writeFailed(file: url.path, reason: error.localizedDescription)
    }
  }
}

/// Crash-safe whole-file writes.
enum DurableFile {
  /// Writes `data` to `url` through a temporary file, `fsync`, `rename` and an `fsync` of the folder.
  /// - Throws: a POSIX error as `CocoaError`/`NSError` with the reason.
  static func write(_ data: Data, to url: URL) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw posixError() }
    var ok = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 { if errno == EINTR { continue } else { return false } }
        offset += written
      }
      return true
    }
    ok = ok && fsync(fd) == 0
    let error = ok ? nil : posixError()
    close(fd)
    if let error {
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, url.path) == 0 else { throw posixError() }
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
