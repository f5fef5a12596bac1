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
        for warning in library.warnings(.file(url)) {
          StandardStreams.error.write("minutes: \(warning.place): warning: \(warning.message)\n")
        }
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let written = library.writtenTexts(.file(url))
        for name in template.unknownExportNames(formats: written.exports, partials: written.partials) {
          let word = name.split(separator: "(").last.map { $0.split(separator: ".").first.map(String.init) ?? "" } ?? name
          StandardStreams.error.write(
            "minutes: \(path):\(Self.place(of: name, in: text)): warning: the export prints or tests `\(name)`, but `\(word)` is no part's key (nor anything else the export offers), so it prints nothing: use the key of the part it means (a label or one of `names` is not a key)\n")
        }
        StandardStreams.output.write("\(path): ok (\(template.id), \(template.name))\n")
      } catch {
        failed = true
        diagnostics.located(error)
      }
    }
    if failed { throw Diagnostics.failure }
  }

  /// `line:column` (from 1) of the first tag in `text` that names `name` (`{{name`, `{{#name`, `(name)`), or `1:1`
  /// when the file does not write it (it comes from the template it extends).
  static func place(of name: String, in text: String) -> String {
    let lines = text.components(separatedBy: "\n")
    let tags = ["{{", "{{#", "{{^", "{{/", "{{&", "{{{"].map { $0 + name } + ["{{#" + name, "{{^" + name, "{{" + name]
    for (number, line) in lines.enumerated() {
      for tag in tags {
        guard let range = line.range(of: tag) else { continue }
        return "\(number + 1):\(line[..<range.lowerBound].count + 1)"
      }
    }
    return "1:1"
  }
}
