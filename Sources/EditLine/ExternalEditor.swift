import Foundation
import LineEditing

/// The clerk's own editor, for a long point, a correction or a paragraph: `$VISUAL`, else `$EDITOR`, else `vi`, run
/// through `/bin/sh` (so `EDITOR="code --wait"` works) on a temporary file holding the text.
///
/// As psql's `\e`: when the file's modification time and its text are what they were, the editor was left without
/// saving and nothing changes; the same when the editor cannot be started or ends with a failure status.
enum ExternalEditor {
  /// The editor's command: `$VISUAL`, else `$EDITOR`, else `vi`.
  static var command: String {
    let environment = ProcessInfo.processInfo.environment
    for name in ["VISUAL", "EDITOR"] {
      if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
    }
    return "vi"
  }

  /// Runs the editor on `text` (written with a final newline) and waits for it.
  static func edit(_ text: String) -> EditorResult {
    let editor = command
    let folder = FileManager.default.temporaryDirectory
    let file = folder.appendingPathComponent("minutes-edit-\(UUID().uuidString.prefix(8)).txt")
    let original = Data((text.isEmpty ? "" : text + "\n").utf8)
    guard FileManager.default.createFile(atPath: file.path, contents: original, attributes: [.posixPermissions: 0o600]) else {
      return .failed(editor: editor, status: -1)
    }
    defer { try? FileManager.default.removeItem(at: file) }
    let before = modificationTime(of: file)
    let status = run(editor, on: file)
    guard status == 0 else { return .failed(editor: editor, status: status) }
    guard let saved = FileManager.default.contents(atPath: file.path) else { return .failed(editor: editor, status: -1) }
    if saved == original && same(modificationTime(of: file), before) { return .unchanged }
    let lines = linesOfPastedText(String(decoding: saved, as: UTF8.self))
    if lines == linesOfPastedText(text) { return .unchanged }
    return .edited(lines)
  }

  /// The file's modification time to the nanosecond.
  private static func modificationTime(of file: URL) -> timespec? {
    var info = stat()
    guard stat(file.path, &info) == 0 else { return nil }
    return info.st_mtim
  }

  /// Runs `sh -c 'EDITOR "$1"' sh FILE` with the terminal as it is, and returns its exit status (127: not found).
  private static func run(_ editor: String, on file: URL) -> Int32 {
    let arguments = ["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path]
    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { cArguments.forEach { free($0) } }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The editor gets the default handlers and no blocked signals (Ctrl-C and Ctrl-Z are its own).
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTSTP, SIGWINCH, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", nil, &attributes, &cArguments, environ) == 0 else { return 127 }
    // Ctrl-C typed at a line-mode editor reaches this process too: it is the editor's, not an abandoned line.
    var ignore = sigaction(), previous = sigaction()
    ignore.__sigaction_handler.sa_handler = SIG_IGN
    sigemptyset(&ignore.sa_mask)
    sigaction(SIGINT, &ignore, &previous)
    defer { sigaction(SIGINT, &previous, nil) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  private static func same(_ a: timespec?, _ b: timespec?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec
  }
}
