import ArgumentParser
import Foundation
import MinutesKit
import MinutesStorage

/// `minutes roster`: the office's people (`roster.yaml`).
struct RosterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "roster",
    abstract: "The office's people (roster.yaml): list them, add one, check the file, or learn them from the sessions.",
    discussion: """
      roster.yaml lists each person with their name, titles in rank order, the bodies they sit on and other
      spellings:

        people:
          - name: 王小明
            titles: [區委常委, 副區長]
            bodies: [區政府常務會議]
            spellings: [王曉明]
      """,
    subcommands: [List.self, Add.self, Check.self, Learn.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the people of the roster.")
    @Flag(help: "Print JSON: an array of {name, titles, bodies, spellings}.") var json = false
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let diagnostics = Diagnostics.environment
      let roster = try diagnostics.run { try Roster.load(in: options.opened.url) }
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        StandardStreams.output.write(String(decoding: try encoder.encode(roster.people), as: UTF8.self) + "\n")
        return
      }
      guard !roster.people.isEmpty else {
        StandardStreams.output.write(diagnostics.messages.rosterEmpty(Roster.file(in: options.opened.url).path) + "\n")
        return
      }
      for person in roster.people {
        var line = person.name
        if !person.titles.isEmpty { line += "  " + person.titles.joined(separator: "、") }
        if !person.bodies.isEmpty { line += "  (" + person.bodies.joined(separator: ", ") + ")" }
        if !person.spellings.isEmpty { line += "  ≈ " + person.spellings.joined(separator: ", ") }
        StandardStreams.output.write(line + "\n")
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to the roster (at its end; the rest of the file is kept as written).")
    @Argument(help: "The name as minutes should print it.") var name: String
    @Option(name: .customLong("title"), help: "A title (repeat, highest rank first).") var titles: [String] = []
    @Option(name: .customLong("body"), help: "A body the person sits on (repeat).") var bodies: [String] = []
    @Option(name: .customLong("spelling"), help: "Another spelling of the name (repeat).") var spellings: [String] = []
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let diagnostics = Diagnostics.environment
      let url = Roster.file(in: options.opened.url)
      let clean = { (text: String) in text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) }
      let person = Roster.Person(name: clean(name), titles: titles.map(clean), bodies: bodies.map(clean), spellings: spellings.map(clean))
      try diagnostics.run {
        for value in [person.name] + person.titles + person.bodies + person.spellings {
          if value.isEmpty || value.contains(where: { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw RosterError.invalidValue(value)
          }
        }
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let roster = try Roster.parse(text, file: url.path)
        if roster.person(named: person.name) != nil { throw RosterError.exists(person.name) }
        for spelling in person.spellings {
          if let other = roster.person(named: spelling) { throw RosterError.spellingTaken(spelling, by: other.name) }
        }
        try RosterCommand.write(Roster.adding(person, to: text), to: url)
      }
      StandardStreams.output.write(diagnostics.messages.rosterAdded(person.name, file: url.path) + "\n")
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check roster.yaml: exit 0 when it reads and has no problem, 1 with problems, 2 when unreadable.")
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let diagnostics = Diagnostics.environment
      let url = Roster.file(in: options.opened.url)
      let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
      let roster: Roster
      do { roster = try Roster.parse(text, file: url.path) } catch {
        diagnostics.error(error)
        throw Diagnostics.unreadable
      }
      let problems = roster.problems(text: text, file: url.path)
      for problem in problems { StandardStreams.error.write("minutes: " + problem.message(diagnostics.messages) + "\n") }
      StandardStreams.output.write(diagnostics.messages.rosterChecked(people: roster.people.count, problems: problems.count) + "\n")
      if !problems.isEmpty { throw Diagnostics.failure }
    }
  }

  struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "learn", abstract: "List the people the sessions name (chair, attendance) that the roster lacks; with --add, add them.")
    @Flag(help: "Add them to roster.yaml.") var add = false
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let diagnostics = Diagnostics.environment
      let workspace = options.opened
      let url = Roster.file(in: workspace.url)
      var text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
      let roster = try diagnostics.run { try Roster.parse(text, file: url.path) }
      let missing = workspace.peopleMissing(from: roster)
      for person in missing {
        StandardStreams.output.write((add ? "+ " : "") + person.name + (person.titles.isEmpty ? "" : "  " + person.titles.joined(separator: "、")) + "\n")
      }
      guard add, !missing.isEmpty else {
        StandardStreams.output.write(diagnostics.messages.rosterLearned(missing.count, added: false) + "\n")
        return
      }
      for person in missing { text = Roster.adding(person, to: text) }
      try diagnostics.run { try RosterCommand.write(text, to: url) }
      StandardStreams.output.write(diagnostics.messages.rosterLearned(missing.count, added: true) + "\n")
    }
  }

  /// Writes the roster's `text` whole (a temporary file renamed over it).
  /// - Throws: ``RosterError/cannotWrite(_:reason:)``; the roster is then as it was.
  static func write(_ text: String, to url: URL) throws {
    do { try Data(text.utf8).write(to: url, options: .atomic) } catch { throw RosterError.cannotWrite(url.path, reason: SystemReason(error)) }
  }
}
