import ArgumentParser
import Foundation
import MinutesKit

/// `minutes templates`: list, show and check templates. No session is concerned: diagnostics speak the
/// environment's language.
struct Templates: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    abstract: "List the templates (built-in and the workspace's templates/), show one, or check a template file.",
    subcommands: [ListTemplates.self, ShowTemplate.self, CheckTemplate.self],
    defaultSubcommand: ListTemplates.self)
}

struct ListTemplates: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List id, name, language and source of every template.")

  @Flag(help: "Print JSON: an array of objects with id, name, language, source, file, overrides and problem.") var json = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let entries = options.opened.templates.entries()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      StandardStreams.output.write(String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n")
      return
    }
    let m = Diagnostics.environment.messages
    let rows = [m.templateTableHeadings] + entries.map {
      [$0.id, $0.language ?? "?", m.templateSource($0.source, overrides: $0.overrides), $0.name ?? m.unusableTemplate]
    }
    let widths = (0..<3).map { column in rows.map { Normalizer.displayWidth($0[column]) }.max() ?? 0 }
    for row in rows {
      let cells = row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - Normalizer.displayWidth(cell) + 2)
      }
      StandardStreams.output.write(cells.joined() + "\n")
    }
    for entry in entries { if let problem = entry.problem { StandardStreams.output.write("\(entry.id): \(problem)\n") } }
  }
}

struct ShowTemplate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Print a template's file (and, for one that extends another, what it extends).")

  @Argument(help: "The template id.", completion: ShellCompletion.templateIDs) var id: String
  @Flag(help: "Print the questions in interview order instead of the file.") var questions = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let library = options.opened.templates
    let diagnostics = Diagnostics.environment
    let template = try diagnostics.run { try library.template(id: id) }
    guard let location = library.location(of: id) else { throw Diagnostics.failure }
    if questions {
      let interview = Interview(template: template)
      for line in interview.outline() { StandardStreams.output.write(line + "\n") }
      return
    }
    if let parent = template.extends {
      StandardStreams.output.write("# \(location.path) (extends \(parent); `minutes templates show \(parent)` prints it)\n")
    } else {
      StandardStreams.output.write("# \(location.path)\n")
    }
    StandardStreams.output.write(try diagnostics.run { try location.text() })
  }
}

struct CheckTemplate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check template files: exit 0 when each loads, 1 with `file:line:col` errors; warn about patterns that can backtrack without end and names the export prints that no part has.")

  @Argument(help: "Template files (.yaml).", completion: .file(extensions: ["yaml"])) var files: [String]
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let library = options.opened.templates
    let diagnostics = Diagnostics.environment
    var failed = false
    for path in files {
      do {
        let url = URL(fileURLWithPath: path)
        let template = try library.load(contentsOf: url)
        for warning in library.checkWarnings(.file(url), template: template) {
          StandardStreams.error.write("minutes: \(warning.place): warning: \(warning.message)\n")
        }
        StandardStreams.output.write("\(path): ok (\(template.id), \(template.name))\n")
      } catch {
        failed = true
        diagnostics.located(error)
      }
    }
    if failed { throw Diagnostics.failure }
  }
}
