import ArgumentParser
import MinutesKit

/// A command line that ArgumentParser refused, said as `minutes` says every other error: `minutes: error: …` in
/// the language of the environment's locale (``Diagnostics/environment``), then the usage and where the help is.
/// ArgumentParser words its errors in English only (swift-argument-parser 1.8.2, `ErrorMessageGenerator`); its
/// messages are read back into a ``UsageProblem`` and worded again in ``Messages``. One it does not word as this
/// reads them is said as it is, so a later version of the library can make a message English again, never lose it.
enum UsageErrors {
  /// Reports `error`, thrown by `parseAsRoot` or a command's `run` for the command line `arguments` (the program's
  /// name first), and exits with ArgumentParser's code for it: 64 for a command line refused, 1 for another error,
  /// 0 after printing the help or version it asked for.
  static func exit(with error: any Error, arguments: [String]) -> Never {
    let code = MinutesCommand.exitCode(for: error)
    // Help and version requests, and an `ExitCode` thrown by a command that said its error already.
    guard code != .success, !(error is ExitCode) else { MinutesCommand.exit(withError: error) }
    let diagnostics = Diagnostics.environment
    let message = MinutesCommand.message(for: error)
    let full = MinutesCommand.fullMessage(for: error)
    let problem = UsageProblem(message, arguments: arguments)
    diagnostics.error(diagnostics.messages.usage(problem))
    // What follows ArgumentParser's `Error: message` line: `Help:  …`, `Usage: …`, `  See '…' for more information.`
    let prefix = "Error: " + message
    let rest = full.hasPrefix(prefix) ? full.dropFirst(prefix.count) : ""
    for line in rest.split(separator: "\n", omittingEmptySubsequences: true) {
      if let said = diagnostics.messages.usageLine(String(line)) { StandardStreams.error.write(said + "\n") }
    }
    MinutesCommand.exit(withError: ExitCode(code.rawValue))
  }
}

/// What was wrong with a command line, as read from ArgumentParser's English message (see ``UsageErrors``).
enum UsageProblem: Equatable {
  /// `--bogus`, and the option of the command that is nearest it, if one is near.
  case unknownOption(String, suggestion: String?)
  /// An option given without the value it takes: `--template <template>`.
  case missingValue(String)
  /// A flag given a value: `--keep-going=3`.
  case unexpectedValue(option: String, value: String)
  /// The first word after `minutes` that is no command: `expor`, and the command nearest it, if one is near.
  case unknownCommand(String, suggestion: String?)
  /// Words the command does not take.
  case unexpectedArguments([String])
  /// An argument the command needs, not given: `<name>`; several when any of them would do.
  case missingArgument([String])
  /// A value the option or argument does not take, and what ArgumentParser said after naming them (`: why`,
  /// `. Please provide one of …`), as it said it.
  case invalidValue(String, for: String, rest: String)
  /// A message of the command itself (a `ValidationError`, worded in ``Messages`` already), or one this does not
  /// read: said as it is.
  case other(String)

  /// The problem ArgumentParser's `message` says, for the command line `arguments` (the program's name first).
  init(_ message: String, arguments: [String]) {
    // A first word that is no command is what is wrong, whatever ArgumentParser found first (`minutes expor seed
    // --workspace w` is refused for an option the root does not take).
    if arguments.count > 1, !arguments[1].hasPrefix("-"), !MinutesCommand.commandNames.contains(arguments[1]) {
      self = .unknownCommand(arguments[1], suggestion: Self.nearest(to: arguments[1], among: MinutesCommand.commandNames))
    } else if let match = message.wholeMatch(of: /Unknown option '([^']+)'(?:\. Did you mean '([^']+)'\?)?/) {
      self = .unknownOption(String(match.1), suggestion: match.2.map(String.init))
    } else if let match = message.wholeMatch(of: /Missing value for '([^']+)'/) {
      self = .missingValue(String(match.1))
    } else if let match = message.wholeMatch(of: /The option '([^']+)' does not take any value, but '(.*)' was specified\./) {
      self = .unexpectedValue(option: String(match.1), value: String(match.2))
    } else if let words = Self.unexpected(message) {
      self = .unexpectedArguments(words)
    } else if let match = message.wholeMatch(of: /Missing expected argument '(.*)'/) {
      self = .missingArgument([String(match.1)])
    } else if let match = message.wholeMatch(of: /Missing one of: '(.*)'/) {
      self = .missingArgument(match.1.components(separatedBy: "', '"))
    } else if let match = message.wholeMatch(of: /The value '(.*?)' is invalid for '([^']+)'(.*)/.dotMatchesNewlines()) {
      self = .invalidValue(String(match.1), for: String(match.2), rest: String(match.3))
    } else {
      self = .other(message)
    }
  }

  /// The words of ArgumentParser's `Unexpected argument 'x'` or `2 unexpected arguments: 'x', 'y'`, else `nil`.
  private static func unexpected(_ message: String) -> [String]? {
    if let match = message.wholeMatch(of: /Unexpected argument '(.*)'/) { return [String(match.1)] }
    if let match = message.wholeMatch(of: /\d+ unexpected arguments: '(.*)'/) { return match.1.components(separatedBy: "', '") }
    return nil
  }

  /// The one of `candidates` nearest `word`: one that starts with it (`exp` → `export`), else the one fewest
  /// edits away, if at most two (`expor`, `exprot` → `export`); `nil` when none is near.
  static func nearest(to word: String, among candidates: [String]) -> String? {
    let word = word.lowercased()
    if word.count >= 2, let started = candidates.first(where: { $0.hasPrefix(word) }) { return started }
    let scored = candidates.map { (name: $0, edits: editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.edits < $1.edits }), best.edits <= 2, best.edits < word.count else { return nil }
    return best.name
  }

  /// The fewest insertions, deletions, substitutions and swaps of two neighbours that make `a` into `b`
  /// (optimal string alignment distance).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let (a, b) = (Array(a), Array(b))
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = Swift.min(current[j], before[j - 2] + 1) }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}

extension MinutesCommand {
  /// The names of the commands, as typed after `minutes` (`new`, `fmt`, `roster`…).
  static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

  /// ArgumentParser's `main`, except that what it refuses is said by ``UsageErrors``; the heap is in huge pages
  /// first (``HeapPages``), and a static program looks users up in the system's files alone (``UserDatabase``).
  static func main() {
    HeapPages.reserve()
    UserDatabase.useFilesWhenStatic()
    do {
      // The lines a clerk types every day without ArgumentParser's reflection (see QuickCommandLine), the rest with it.
      var command = try QuickCommandLine.command(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
      try command.run()
    } catch {
      UsageErrors.exit(with: error, arguments: CommandLine.arguments)
    }
  }
}
