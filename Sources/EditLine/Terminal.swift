import Foundation
import LineEditing

/// Facts about the terminal the program runs in.
public enum Terminal {
  /// Whether a person is at a terminal: standard input and output are terminals and `TERM` is not `dumb`.
  public static var isInteractive: Bool {
    isatty(0) == 1 && isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  /// On SIGHUP (the terminal closed) or SIGTERM, exits with status 0 at once. Every change is saved before the
  /// next prompt, so nothing else needs doing; the line being typed is lost. The session lock is left to the
  /// next opener, which sees that its holder is gone and takes it over (a handler cannot safely tell whether
  /// the lock is still its own).
  public static func leaveCleanlyOnHangupOrTerminate() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      // Only async-signal-safe calls: write, tcgetattr (isatty), _exit. libedit restores the terminal's modes before
      // calling this; bracketed paste, on while a line is read, is switched off here.
      if isatty(1) == 1 {
        let pasteOff: StaticString = "\u{1B}[?2004l"
        _ = write(1, pasteOff.utf8Start, pasteOff.utf8CodeUnitCount)
      }
      let notice: StaticString = "\n(closed; every answer was saved)\n"
      _ = write(2, notice.utf8Start, notice.utf8CodeUnitCount)
      _exit(0)
    }
    sigemptyset(&action.sa_mask)
    sigaction(SIGHUP, &action, nil)
    sigaction(SIGTERM, &action, nil)
    // A parent may have started us with these blocked (the mask is inherited across exec): unblock them.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGHUP)
    sigaddset(&set, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &set, nil)
  }
}
