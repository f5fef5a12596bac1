import Foundation
import Mustache
import Yams

/// Finds templates by id: first in the workspace's `templates/` folder, then among the built-in ones.
///
/// Template files are named `<id>.yaml`. The built-in templates ship inside the package's resources, so they are
/// found whatever the current directory is.
public struct TemplateLibrary: Sendable {
  /// The folders searched, in order.
  public var searchPath: [URL]

  /// A library that searches `workspace/templates` (when given) and then the built-in templates.
  public init(workspace: URL? = nil) {
    var path: [URL] = []
    if let workspace { path.append(workspace.appendingPathComponent("templates", isDirectory: true)) }
    if let builtIn = Self.builtInDirectory { path.append(builtIn) }
    searchPath = path
  }

  /// The folder of the built-in templates: the package's resource bundle, which SwiftPM places beside the
  /// executable. Looked up by path rather than through `Bundle.module`, which stops the program when the
  /// bundle is missing; here a missing bundle only means no built-in templates (and a clear error).
  public static var builtInDirectory: URL? {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let candidates = [
      executable.resolvingSymlinksInPath().deletingLastPathComponent(), Bundle.main.bundleURL,
    ].map { $0.appendingPathComponent("minutes_MinutesKit.resources/templates", isDirectory: true) }
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// The ids of every template found, sorted.
  public func availableIDs() -> [String] {
    let names = searchPath.flatMap { folder in
      (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
    return Set(names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }).sorted()
  }

  /// Loads the template `id`.
  /// - Throws: ``TemplateError/notFound(id:available:)``, or the errors of ``load(contentsOf:)``.
  public func template(id: String) throws -> Template {
    for folder in searchPath {
      let url = folder.appendingPathComponent("\(id).yaml")
      if FileManager.default.fileExists(atPath: url.path) { return try Self.load(contentsOf: url) }
    }
    throw TemplateError.notFound(id: id, available: availableIDs())
  }

  /// Loads and validates the template file at `url`.
  /// - Throws: ``TemplateError`` with the file, line and column of the problem.
  public static func load(contentsOf url: URL) throws -> Template {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw TemplateError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    return try parse(text, file: url.path)
  }

  /// Parses and validates a template from its YAML text; `file` names it in errors.
  /// - Throws: ``TemplateError``.
  public static func parse(_ yaml: String, file: String) throws -> Template {
    let template: Template
    do {
      template = try YAMLCoding.decode(Template.self, from: yaml, file: file)
    } catch let problem as YAMLProblem {
      throw TemplateError.invalid(problem)
    }
    guard template.format <= Template.currentFormat else {
      throw TemplateError.unsupportedFormat(file: file, found: template.format, supported: Template.currentFormat)
    }
    try validate(template, yaml: yaml, file: file)
    return template
  }

  private static func validate(_ template: Template, yaml: String, file: String) throws {
    func fail(_ key: String, _ message: String) -> TemplateError {
      let mark = locate(key, in: yaml)
      return .invalid(YAMLProblem(file: file, line: mark.line, column: mark.column, message: message))
    }
    for id in Template.fieldIDs where template.fields[id] == nil {
      throw fail("fields", "missing key `fields.\(id)`")
    }
    for (id, _) in template.fields where !Template.fieldIDs.contains(id) {
      throw fail(id, "unknown field `fields.\(id)`; known fields: \(Template.fieldIDs.joined(separator: ", "))")
    }
    guard !template.itemKinds.isEmpty else { throw fail("itemKinds", "`itemKinds` needs at least one kind") }
    for kind in template.itemKinds {
      do { _ = try MustacheTemplate(string: kind.opening) } catch {
        throw fail(kind.name, "the opening of item kind `\(kind.name)` is not valid Mustache: \(error)")
      }
    }
    guard let text = template.export["text"] else { throw fail("export", "missing key `export.text`") }
    do { _ = try MustacheTemplate(string: text) } catch {
      throw fail("export", "`export.text` is not valid Mustache: \(error)")
    }
  }

  /// The line and column of the first line that mentions `key` as a key, or 1:1.
  private static func locate(_ key: String, in yaml: String) -> (line: Int, column: Int) {
    for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let isKindName = line.trimmingCharacters(in: .whitespaces).hasSuffix("name: \(key)")
        && line.trimmingCharacters(in: CharacterSet(charactersIn: " -")) == "name: \(key)"
      if let range = line.range(of: "\(key):") ?? (isKindName ? line.range(of: "name: \(key)") : nil) {
        return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
      }
    }
    return (1, 1)
  }
}
