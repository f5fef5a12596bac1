import Foundation

/// The names in a folder, read with the C library's `opendir`/`readdir`; whether a path leads to anything, asked
/// with `stat`; a path's folder, from its text.
///
/// Foundation's `FileManager.contentsOfDirectory(atPath:)` gives the same names (in the same, unsorted order), but
/// its first use in a process builds its path machinery generically: 0.44M instructions for the two folders a new
/// session lists before its first prompt (its lock's leftovers, the workspace's templates), a twentieth of it.
package enum Folder {
  /// The names of the entries of the folder at `path`, without `.` and `..`, in the order the system gives them;
  /// `nil` when it cannot be opened (it does not exist, is not a folder, or may not be read).
  package static func names(atPath path: String) -> [String]? {
    entries(atPath: path) { _, _ in true }
  }

  /// The names of the entries of the folder at `path` that are not folders, nor links to folders (a folder named
  /// `x.yaml` is no session): as ``names(atPath:)``, told apart by the type `readdir` gives, or by `stat` where the
  /// file system gives none.
  package static func fileNames(atPath path: String) -> [String]? {
    entries(atPath: path) { name, type in
      switch Int32(type) {
      case Int32(DT_DIR): return false
      case Int32(DT_REG): return true
      default:
        // A link, or a file system that does not say (DT_UNKNOWN): what the name leads to.
        var status = stat()
        return stat(path + "/" + name, &status) != 0 || status.st_mode & S_IFMT != S_IFDIR
      }
    }
  }

  private static func entries(atPath path: String, keeping: (String, UInt8) -> Bool) -> [String]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != "..", keeping(name, entry.pointee.d_type) { names.append(name) }
    }
    return names
  }

  /// Whether anything is at `path`, a link followed (as `FileManager.fileExists(atPath:)` says), asked of the
  /// system with `stat`: FileManager's first use in a process costs more than the question.
  package static func exists(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0
  }

  /// Whether `path` leads to a folder, a link followed.
  package static func isFolder(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
  }

  /// The folder that holds what `path` names, from its text: what comes before its last `/` (`/a/b` for
  /// `/a/b/c`), the root for the root and for what is in it, `.` for a path without a `/`. `path` has no `/` at its
  /// end (but the root's), nor `.` or `..` components: what a file URL's `path` gives.
  package static func parent(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
  }

  /// The path of `name` in the folder at `folder`: `/a/b/x` for `/a/b` and `x`, `/x` for the root and `x` (one
  /// `/` between them, whether or not `folder` ends in one).
  package static func path(of name: String, in folder: String) -> String {
    (folder.hasSuffix("/") ? folder : folder + "/") + name
  }

  /// The path of `name` in the folder that holds what `path` names (see ``parent(of:)``): `/a/b/x` for `/a/b/c`.
  package static func sibling(of path: String, named name: String) -> String {
    self.path(of: name, in: parent(of: path))
  }

  /// The last component of `path` (what follows its last `/`), as `URL(fileURLWithPath: path).lastPathComponent`
  /// gives it for a path with no `/` at its end.
  package static func lastComponent(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
  }

  /// The text of the file at `path` when it is UTF-8 (as `String(contentsOfFile:encoding: .utf8)` reads it, a
  /// byte-order mark kept as U+FEFF); `nil` when it cannot be read or is not UTF-8. Read with `FileManager`'s
  /// `contents(atPath:)`, which costs a fifth of a URL's reading the first time in a process.
  package static func text(atPath path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(validating: data, as: UTF8.self)
  }
}
