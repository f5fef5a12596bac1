import ArgumentParser
import Foundation
import LineEditing
import MinutesKit

/// Standard streams, exit codes and the choice of line reader: the program's edge.
enum Platform {
  /// Unbuffered standard output, so prompts appear before the program waits for input.
  struct StandardStream: TextOutputStream {
    let handle: FileHandle
    func write(_ string: String) { handle.write(Data(string.utf8)) }
  }

  static var standardOutput: StandardStream { StandardStream(handle: .standardOutput) }
  static var standardError: StandardStream { StandardStream(handle: .standardError) }

  /// Runs `body`; a library error is printed as `minutes: error: …` and becomes exit code 1.
  static func run<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as LocalizedError {
      standardError.write("minutes: error: \(error.errorDescription ?? "\(error)")\n")
      throw ExitCode.failure
    }
  }

  /// `minutes-YYYYMMDD-HHMMSS` in local time.
  static func defaultSessionName() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return "minutes-" + formatter.string(from: Date())
  }

  /// Runs the drafting loop with libedit at a terminal, or plain reading from a pipe.
  static func draft(_ assistant: Assistant, store: SessionStore, name: String) {
    var session = DraftingSession(assistant: assistant, store: store, name: name)
    var output = standardOutput
    if Terminal.isInteractive {
      let reader = EditLineReader(historyFile: store.directory.appendingPathComponent(".history"))
      session.run(reader: reader, output: &output)
    } else {
      let reader = PlainLineReader { text in StandardStream(handle: .standardOutput).write(text) }
      session.run(reader: reader, output: &output)
    }
  }
}
