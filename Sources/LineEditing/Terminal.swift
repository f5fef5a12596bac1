import Foundation

/// Facts about the terminal the program runs in.
public enum Terminal {
  /// Whether a person is at a terminal: standard input and output are terminals and `TERM` is not `dumb`.
  public static var isInteractive: Bool {
    isatty(0) == 1 && isatty(1) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }
}
