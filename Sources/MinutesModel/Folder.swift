import Foundation

/// The names in a folder, read with the C library's `opendir`/`readdir`.
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
}
