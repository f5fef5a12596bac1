import Foundation
import MinutesModel

/// Finding a workspace from a folder inside it, and making a new one (`minutes init`).
extension Workspace {
  /// The workspace that holds `folder`: the nearest of `folder` and the folders above it that has a `sessions/`
  /// folder or a `roster.yaml` (as git finds `.git`; a fresh clone of a shared workspace has no `sessions/` until
  /// a session is made, git keeping no empty folders), else `folder` itself, where `sessions/` will be made.
  /// `folder` is a file URL of a folder; the result is standardized.
  public static func find(from folder: URL) -> URL { URL(fileURLWithPath: find(fromPath: folder.path), isDirectory: true) }

  /// The path of the workspace that holds the folder at `path` (relative to the current folder unless absolute),
  /// as ``find(from:)`` finds it, standardized (see ``folder(atPath:)``); the folders are looked at by their
  /// paths' text and `stat`.
  public static func find(fromPath path: String) -> String {
    let start = FolderPath.standardized(path)
    var candidate = start
    while true {
      if Folder.isFolder(Folder.path(of: "sessions", in: candidate)) || Folder.exists(Folder.path(of: "roster.yaml", in: candidate)) {
        return candidate
      }
      let parent = Folder.parent(of: candidate)
      // The root, or a relative start (the current folder is gone, and its path could not be had).
      if parent == candidate { return start }
      candidate = parent
    }
  }

  /// The path of the folder at `path` (relative to the current folder unless absolute), standardized as
  /// `URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.path` gives it (see ``FolderPath``): a
  /// workspace named by `--workspace`.
  public static func folder(atPath path: String) -> String { FolderPath.standardized(path) }

  /// What `minutes init` keeps out of version control: what belongs to one machine (locks, journals, caches,
  /// the last good snapshots, the line history) and the copies minutes keeps aside for the clerk to look at.
  public static let ignoredFiles = """
    # minutes: what belongs to this machine only (see README, "Sharing a workspace through git").
    # Locks say who drafts a session on this machine; journals, caches and last good copies are this
    # machine's working files (the snapshot NAME.yaml holds every saved answer once the session is closed).
    sessions/*.lock
    sessions/.*.lock.*
    sessions/*.journal
    sessions/.*.journal.next
    sessions/.*.cache
    sessions/.*.yaml.good
    sessions/.*.tmp
    sessions/.history
    # Copies kept aside for the clerk to look at: damaged, changed by hand, not applied.
    sessions/*.damaged-*
    sessions/*.changed-*
    sessions/*.saved-*
    sessions/*.unapplied-*

    """

  /// Which merge driver git uses for session files (see ``mergeSession(base:ours:theirs:)``); `minutes init
  /// --git` and `minutes sync` name the program in the repository's configuration.
  public static let attributes = """
    # minutes: session files are merged part by part (minutes merge-session), not line by line; the roster
    # keeps both clerks' lines (people two clerks added at once are both kept; `minutes roster check` then).
    sessions/*.yaml merge=minutes-session
    roster.yaml merge=union

    """

  /// The roster a new workspace starts with: no one yet, and how to add people.
  public static let emptyRoster = """
    # The people of this office's meetings, for completing and checking names.
    # Each person: name, titles in rank order, the bodies they sit on, other spellings. For example:
    #   - name: 王小明
    #     titles: [區委常委, 副區長]
    #     bodies: [區政府常務會議]
    #     spellings: [王曉明]
    people: []

    """

  /// The files and folders of a new workspace, relative to its folder, with what each starts with (`nil`: a
  /// folder).
  public static let layout: [(path: String, contents: String?)] = [
    ("sessions", nil), ("templates", nil), ("roster.yaml", emptyRoster), (".gitignore", ignoredFiles),
    (".gitattributes", attributes),
  ]

  /// Makes a workspace in `folder` (made too when missing): every part of ``layout`` that is not there yet.
  /// Nothing that exists is changed, so running it again on a workspace only adds what is missing.
  /// - Returns: the paths made and the paths that were there already, relative to `folder`.
  /// - Throws: ``SharingError/cannotWrite(_:reason:)``.
  public static func initialize(at folder: URL) throws -> (made: [String], kept: [String]) {
    var made: [String] = [], kept: [String] = []
    for (path, contents) in layout {
      let url = folder.appendingPathComponent(path, isDirectory: contents == nil)
      if FileManager.default.fileExists(atPath: url.path) {
        kept.append(path)
        continue
      }
      do {
        if let contents {
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
        } else {
          try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
      } catch {
        throw SharingError.cannotWrite(url.path, reason: SystemReason(error))
      }
      made.append(path)
    }
    return (made, kept)
  }
}
