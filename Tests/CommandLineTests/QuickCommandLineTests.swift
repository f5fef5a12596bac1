import ArgumentParser
import MinutesTestSupport
import Testing

@testable import minutes

/// `QuickCommandLine` reads a line as ArgumentParser reads it, or leaves it to ArgumentParser.
@Suite struct QuickCommandLineTests {
  /// The words drawn lines are made of: each command's names, names no command has, and values of every kind
  /// (dashes, `=`, spaces, Chinese, the empty word, command names, `help`).
  static let names = [
    "--template", "--name", "--from", "--house", "--keep-going", "--workspace", "--take-over", "--recover", "--json",
    "--format", "--script", "--output", "-o", "--force", "--draft", "--bogus", "-x", "-h", "--help", "--version", "--",
    "-", "--generate-completion-script", "-of", "--Output", "---format", "--learn", "--yes",
  ]
  static let values = [
    "seed", "會議-3", "gov-executive.zh-Hant", "team-meeting.en", "attendance=start", "a=b", "", " ", "x y", "help",
    "export", "new", "/tmp/minutes workspace", "text", "markdown", "docx", "hans", "hant", "klingon", "-v", "--x",
    "=", "out.txt", "out.md", "./w",
  ]

  /// The names the command `command` is read quickly with (none for the others).
  static func ownNames(_ command: String) -> [String] {
    switch command {
    case "new": Array(New.quickLine.names.keys)
    case "resume": Array(Resume.quickLine.names.keys)
    case "check": Array(Check.quickLine.names.keys)
    case "export": Array(Export.quickLine.names.keys)
    case "import": Array(Import.quickLine.names.keys)
    default: []
    }
  }

  /// A line drawn for `command`: up to six words, each a name (its own more often than not, sometimes with
  /// `=value`) or a value (a plain one more often than not).
  static func drawLine(_ command: String, _ random: inout SplitMix64) -> [String] {
    var line = [command]
    let own = ownNames(command), plain = ["seed", "會議-3", "gov-executive.zh-Hant", "a=b", "out.txt", "./w", "hans", "text"]
    func name(_ random: inout SplitMix64) -> String {
      (own.isEmpty || Bool.random(using: &random) ? names : own).randomElement(using: &random)!
    }
    func value(_ random: inout SplitMix64) -> String {
      (Bool.random(using: &random) ? values : plain).randomElement(using: &random)!
    }
    for _ in 0..<Int.random(in: 0...6, using: &random) {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<4: line.append(name(&random))
      case 4: line.append(name(&random) + "=" + value(&random))
      default: line.append(value(&random))
      }
    }
    return line
  }

  /// What ArgumentParser reads `line` as: the command, property by property (each property wrapper prints its
  /// value), or `nil` when it refuses the line (or answers it with help or a version).
  static func argumentParser(_ line: [String]) -> String? {
    (try? MinutesCommand.parseAsRoot(line)).map { String(reflecting: $0) }
  }

  @Test func aLineReadQuicklyIsTheCommandArgumentParserReads() {
    var random = SplitMix64(seed: 14)
    var read = 0, total = 0
    for command in ["new", "resume", "check", "export", "templates", "import"] {
      for _ in 0..<3_000 {
        let line = Self.drawLine(command, &random)
        guard let quick = QuickCommandLine.command(line) else {
          total += Self.ownNames(command).isEmpty ? 0 : 1
          continue
        }
        total += 1
        read += 1
        let parsed = Self.argumentParser(line)
        #expect(parsed == String(reflecting: quick), "minutes \(line.joined(separator: " "))")
      }
    }
    // Not a test that passes by reading nothing: a good share of the lines drawn for the five commands are plain.
    #expect(read > total / 10, "\(read) of \(total) lines read")
  }

  /// The lines a clerk types every day, and the benchmark's, are read without ArgumentParser, and as it reads
  /// them.
  @Test(arguments: [
    ["new"], ["new", "--template", "gov-executive.zh-Hant", "--workspace", "/tmp/w", "--name", "first-1"],
    ["new", "--template=jiyao.zh-Hans", "--house", "attendance=start", "--house=numbering=chinese", "--keep-going"],
    ["new", "--from", "july", "--name", "會議-8"], ["resume"], ["resume", "seed"],
    ["resume", "seed", "--take-over", "--recover", "--keep-going", "--workspace", "w"], ["check", "seed", "--json"],
    ["check", "sessions/seed.yaml", "--workspace=w"], ["export", "seed"],
    ["export", "seed", "-o", "out.docx", "--force", "--draft", "--script", "hans", "--format", "docx"],
    ["export", "--output", "out.md", "seed"],
    ["import", "report-10.txt", "--template", "gov-executive.zh-Hant", "--workspace", "/tmp/w", "--name", "first-2"],
    ["import", "會議.md", "--learn", "--yes"], ["import", "--name=x", "published.txt"],
  ])
  func aClerksLineIsReadQuickly(_ line: [String]) throws {
    let quick = try #require(QuickCommandLine.command(line))
    #expect(Self.argumentParser(line) == String(reflecting: quick))
  }

  /// Lines left to ArgumentParser: help, version and completion requests, words it must refuse, and lines
  /// that ArgumentParser may read otherwise than a plain reading would.
  @Test(arguments: [
    [], ["new", "--help"], ["new", "-h"], ["--version"], ["help", "new"], ["new", "--generate-completion-script", "bash"],
    ["new", "--name"], ["new", "--name", "-x"], ["new", "--name="], ["new", "--name", "a", "--name", "b"],
    ["new", "seed"], ["new", "--keep-going=1"], ["new", "--keep-going", "--keep-going"], ["resume", "a", "b"],
    ["resume", "help"], ["check"], ["check", "--", "-seed"], ["export", "seed", "-o", "a", "--output", "b"],
    ["export", "seed", "--format", "klingon"], ["export", "seed", "-fo", "x"], ["list"], ["templates", "list"],
    ["import"], ["import", "a.txt", "b.txt"], ["import", "a.txt", "--learn=yes"], ["import", "a.txt", "-o", "x"],
  ])
  func aLineThatIsNotPlainIsLeftToArgumentParser(_ line: [String]) {
    #expect(QuickCommandLine.command(line) == nil)
  }

  /// Every property of a command read quickly is set (one left unset would stop the program when read): the line
  /// with no options reads as ArgumentParser reads it, whose defaults are the definitions'.
  @Test func aCommandReadQuicklyHasEveryPropertySet() throws {
    for line in [["new"], ["resume"], ["check", "x"], ["export", "x"], ["import", "x"]] {
      let quick = try #require(QuickCommandLine.command(line))
      let reflected = String(reflecting: quick)
      #expect(!reflected.contains("definition"), "\(reflected)")
      #expect(Self.argumentParser(line) == reflected)
    }
  }
}
