import Foundation

/// Folder paths worked out on their text, as Foundation's `standardizedFileURL` works them out, for what every
/// command does first (finding its workspace).
///
/// In the static release program a `URL` standardized cost 55,000 instructions, and the first one in a process
/// 430,000 more (the generic metadata it instantiates): with the `absoluteString` it asks for, a seventh of the
/// instructions of `minutes new` before its first prompt. The text of a path says the same for a fraction of that.
enum FolderPath {
  /// `path` made absolute against `current` when it is relative, with its empty and `.` components dropped and
  /// each `..` taking the component before it away (none above the root), as
  /// `URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path` gives it: `/` for the root, no `/`
  /// at the end otherwise. No link is followed, as Foundation follows none. One difference, where this reads the
  /// path as the system does: a `..` after two `/`s takes away the component before them (`a//../b` is `b`),
  /// where Foundation's removal of dot segments (RFC 3986 §5.2.4) takes away the empty segment between them (and
  /// gives `a/b`, a folder the system would not open). `nil` for a path that starts with `~`, which Foundation
  /// expands as a home folder (left to it).
  /// - Parameter current: the current folder's absolute path, asked only for a relative `path`.
  static func standardized(_ path: String, current: () -> String?) -> String? {
    if path.utf8.first == UInt8(ascii: "~") { return nil }
    var components: [Substring] = []
    func add(_ path: String) {
      for component in path.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
        if component == ".." {
          _ = components.popLast()
        } else {
          components.append(component)
        }
      }
    }
    if path.utf8.first != UInt8(ascii: "/") {
      guard let current = current(), current.utf8.first == UInt8(ascii: "/") else { return nil }
      add(current)
    }
    add(path)
    var standardized = ""
    for component in components {
      // As a `String`: a `Substring` appended goes through a generic `append(contentsOf:)`, whose first call in a
      // process scans the program's conformances.
      standardized += "/" + String(component)
    }
    return standardized.isEmpty ? "/" : standardized
  }

  /// The current folder's absolute path (`getcwd`); `nil` when it cannot be had (removed, or too long).
  static func current() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    return String(cString: buffer)
  }

  /// `path` standardized: by ``standardized(_:current:)`` where it can be, else by Foundation
  /// (`URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path`): a path that starts with `~`, or a
  /// relative path when the current folder was removed (then still relative, read by the system against the
  /// folder that was current, as a shell's commands read it).
  static func standardized(_ path: String) -> String {
    standardized(path, current: current) ?? URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path
  }

  /// `path` with every link in it followed (`realpath`), as `URL.resolvingSymlinksInPath()` gives it for a path
  /// that exists; `path` itself when it cannot be resolved (it does not exist, or a link leads nowhere).
  static func resolvingLinks(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
