import Foundation
import Testing

@testable import MinutesKit
import MinutesModel
import MinutesTestSupport

/// Paths worked out on their text (``FolderPath``, `Folder`) say what Foundation's URLs say of the same paths,
/// and a workspace is found from its path as from its URL.
@Suite struct FolderPathTests {
  /// Paths made of components that Foundation treats apart (`.`, `..`, empty, spaces, percent signs, non-ASCII,
  /// `...`), absolute and relative, from a seeded generator.
  private static func paths(count: Int, seed: UInt64) -> [String] {
    var generator = SplitMix64(seed: seed)
    let components = ["a", "b c", "é", "..", ".", "", "x%20y", "...", "sessions", "中文", "a?b", "-"]
    return (0..<count).map { _ in
      let parts = (0..<Int.random(in: 0...6, using: &generator)).map { _ in components.randomElement(using: &generator)! }
      let path = parts.joined(separator: "/")
      switch Int.random(in: 0..<4, using: &generator) {
      case 0: return path
      case 1: return "/" + path + "/"
      case 2: return "//" + path
      default: return "/" + path
      }
    }
  }

  /// Foundation's, once repeated `/`s are one, as the system reads them: Foundation's RFC 3986 removal of dot
  /// segments takes a `..` back over the empty segment between two `/`s (`a//../b` is `a/b` to it), where the
  /// system reads `b`.
  @Test func aStandardizedPathIsFoundations() {
    for path in Self.paths(count: 2_000, seed: 58) {
      let single = path.split(separator: "/", omittingEmptySubsequences: false).filter { !$0.isEmpty }.joined(separator: "/")
      let oneSlash = (path.hasPrefix("/") ? "/" : "") + single + (path.hasSuffix("/") && !single.isEmpty ? "/" : "")
      let foundation = URL(fileURLWithPath: oneSlash, isDirectory: true).standardizedFileURL.path
      #expect(FolderPath.standardized(path, current: FolderPath.current) == foundation, "\(path.debugDescription)")
      #expect(FolderPath.standardized(path) == foundation, "\(path.debugDescription)")
    }
  }

  /// A path that starts with `~` is Foundation's to expand; the current folder comes from the system.
  @Test func aHomePathIsLeftToFoundation() throws {
    #expect(FolderPath.standardized("~/x", current: { "/" }) == nil)
    #expect(FolderPath.standardized("~/x") == URL(fileURLWithPath: "~/x", isDirectory: true).standardizedFileURL.path)
    #expect(FolderPath.current() == FileManager.default.currentDirectoryPath)
    #expect(FolderPath.standardized("a/../b", current: { "/w/x" }) == "/w/x/b")
    #expect(FolderPath.standardized("../../..", current: { "/w" }) == "/")
    #expect(FolderPath.standardized("a", current: { nil }) == nil, "no current folder: left to Foundation")
    #expect(FolderPath.standardized("a//../b", current: { "/w" }) == "/w/b", "as the system reads it")
  }

  /// A standardized path's folder, last component and sibling, as a URL's `deletingLastPathComponent()` and
  /// `lastPathComponent` give them.
  @Test func aPathsFolderAndNameAreAURLs() {
    for path in Self.paths(count: 2_000, seed: 5_858) {
      let standardized = FolderPath.standardized(path)
      let url = URL(fileURLWithPath: standardized)
      #expect(Folder.parent(of: standardized) == url.deletingLastPathComponent().path, "\(standardized.debugDescription)")
      if standardized != "/" {
        #expect(Folder.lastComponent(of: standardized) == url.lastPathComponent, "\(standardized.debugDescription)")
        #expect(Folder.sibling(of: standardized, named: "x.lock")
          == url.deletingLastPathComponent().appendingPathComponent("x.lock").path, "\(standardized.debugDescription)")
      }
    }
    #expect(Folder.parent(of: "x.yaml") == ".")
  }

  /// The nearest folder upwards with a `sessions/` folder or a `roster.yaml`, else the folder itself; by path
  /// (relative or absolute) as by URL.
  @Test func aWorkspaceIsFoundFromAFolderInsideIt() throws {
    let root = try TestSupport.temporaryWorkspace("find").resolvingSymlinksInPath().path
    let fm = FileManager.default
    try fm.createDirectory(atPath: root + "/office/sessions", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/office/deep/er", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/shared/notes", withIntermediateDirectories: true)
    try "people: []\n".write(toFile: root + "/shared/roster.yaml", atomically: false, encoding: .utf8)
    try fm.createDirectory(atPath: root + "/shared/notes/sessions.txt", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/none/sub", withIntermediateDirectories: true)
    try "".write(toFile: root + "/none/sessions", atomically: false, encoding: .utf8)  // a file, not a folder
    #expect(Workspace.find(fromPath: root + "/office/deep/er") == root + "/office")
    #expect(Workspace.find(fromPath: root + "/office/deep/er/../..//") == root + "/office")
    #expect(Workspace.find(fromPath: root + "/shared/notes") == root + "/shared")
    #expect(Workspace.find(fromPath: root + "/none/sub") == root + "/none/sub")
    #expect(Workspace.find(from: URL(fileURLWithPath: root + "/office/deep", isDirectory: true)).path == root + "/office")
    // Relative to the current folder, left as it is (the tests run side by side): up to the root, then down.
    let up = String(repeating: "../", count: fm.currentDirectoryPath.split(separator: "/").count)
    let relative = up + root.dropFirst()
    #expect(Workspace.find(fromPath: relative + "/office/deep/er") == root + "/office")
    #expect(Workspace.folder(atPath: relative + "/office/deep/er/..") == root + "/office/deep")
  }

  /// A workspace made from its path names the same files as one made from its URL.
  @Test func aWorkspaceFromItsPathIsTheSameAsFromItsURL() throws {
    let url = try TestSupport.temporaryWorkspace("path")
    let byPath = Workspace(path: url.path), byURL = Workspace(url: url)
    #expect(byPath.url.path == byURL.url.path)
    #expect(byPath.store.directory.path == byURL.store.directory.path)
    #expect(byPath.store.file(for: "s").path == byURL.store.file(for: "s").path)
    #expect(byPath.store.journal(for: "s").path == url.appendingPathComponent("sessions/s.journal").path)
    #expect(byPath.templates.searchPath == byURL.templates.searchPath)
    #expect(byPath.templates.workspaceFolder?.path == url.appendingPathComponent("templates").path)
  }

  @Test func textsJoinedAsTheStandardLibraryJoinsThem() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<500 {
      let texts = (0..<Int.random(in: 0...5, using: &generator)).map { _ in ["", "a", "中文", " ", "é"].randomElement(using: &generator)! }
      for separator in ["", " ", "，", ", "] {
        #expect(texts.joinedText(separator: separator) == texts.joined(separator: separator))
      }
    }
  }
}
