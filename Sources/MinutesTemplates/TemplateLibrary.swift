import Foundation
internal import Mustache
package import Yams
import MinutesModel

/// Finds templates by id: first in the workspace's `templates/` folder, then among the built-in ones, so an
/// office's own template overrides a built-in of the same id.
///
/// Template files are named `<id>.yaml`. The built-in templates are the package's `templates/*.yaml`, embedded
/// in the program when it is built, so they are found whatever the current directory is and wherever the
/// program is copied. A template may extend another (`extends: ID`): see ``merge(_:over:)``.
public struct TemplateLibrary: Sendable {
  /// The paths of the folders searched, in order, before the built-in templates: text, not URLs, since every
  /// command asks before its first prompt (a URL's first `path` in a process costs 430,000 instructions).
  public var searchPath: [String]
  /// The path of the workspace's template folder, when there is a workspace.
  public var workspaceFolderPath: String?
  /// Whether the built-in templates are searched after ``searchPath``.
  public var includesBuiltIns = true

  /// A library that searches `workspace/templates` (when given) and then the built-in templates.
  public init(workspace: URL? = nil) { self.init(workspacePath: workspace?.path) }

  /// A library that searches the `templates` folder of the workspace at `workspacePath` (when given) and then the
  /// built-in templates.
  public init(workspacePath: String?) {
    var path: [String] = []
    if let workspacePath {
      let folder = Folder.path(of: "templates", in: workspacePath)
      workspaceFolderPath = folder
      path.append(folder)
    }
    searchPath = path
  }

  /// The workspace's template folder, when there is a workspace.
  public var workspaceFolder: URL? { workspaceFolderPath.map { URL(fileURLWithPath: $0, isDirectory: true) } }

  /// The built-in templates' texts by id, as embedded at build time from the package's `templates/` folder.
  public static let builtIns: [String: String] = Dictionary(
    BuiltInTemplates.files.map { (String($0.name.dropLast(".yaml".count)), $0.text) }, uniquingKeysWith: { a, _ in a })

  /// Where a template comes from.
  public enum Source: String, Codable, Sendable {
    /// Shipped with minutes.
    case builtIn = "built-in"
    /// From the workspace's `templates/` folder.
    case workspace
  }

  /// Where the text of a template is: a file, or the program itself.
  public enum Location: Hashable, Sendable {
    /// A file of a folder on the search path.
    case file(URL)
    /// A built-in template, by id.
    case builtIn(String)

    /// How errors and listings name it: the file's path, or `built-in:ID.yaml`.
    public var path: String {
      switch self {
      case .file(let url): url.path
      case .builtIn(let id): "built-in:\(id).yaml"
      }
    }

    /// The id its file name gives.
    public var id: String {
      switch self {
      case .file(let url): url.deletingPathExtension().lastPathComponent
      case .builtIn(let id): id
      }
    }

    /// The template's text.
    /// - Throws: ``TemplateError/unreadable(file:reason:)``; ``TemplateError/invalid(_:)`` at the line and column
    ///   of the first byte that is not UTF-8.
    public func text() throws -> String {
      switch self {
      case .file(let url):
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
          throw TemplateError.unreadable(file: url.path, reason: SystemReason(error))
        }
        do { return try YAMLCoding.text(data, file: url.path) } catch let problem as YAMLProblem {
          throw TemplateError.invalid(problem)
        }
      case .builtIn(let id):
        guard let text = TemplateLibrary.builtIns[id] else { throw TemplateError.unreadable(file: path, reason: SystemReason(code: ENOENT, text: "no such built-in template")) }
        return text
      }
    }
  }

  /// One template found: what `minutes templates` lists.
  public struct Entry: Codable, Hashable, Sendable {
    /// The id.
    public var id: String
    /// The human name; `nil` when the template cannot be loaded.
    public var name: String?
    /// The language tag; `nil` when the template cannot be loaded.
    public var language: String?
    /// Built in or from the workspace.
    public var source: Source
    /// The file (`built-in:ID.yaml` for a built-in template).
    public var file: String
    /// Whether it overrides a built-in template of the same id.
    public var overrides: Bool
    /// Why the template cannot be used, with `file:line:col`; `nil` when it loads.
    public var problem: String?
  }

  /// Every place searched, in order: the folders' template files, then the built-in templates.
  /// A folder's file that is a built-in template byte for byte (the project's own `templates/` when the package
  /// folder is the workspace, or a copy a clerk made) is that built-in, not an override of it.
  private var locations: [[Location]] {
    searchPath.map { folder in
      Self.ids(in: folder).compactMap { id in
        let url = URL(fileURLWithPath: folder + "/\(id).yaml", isDirectory: false)
        if includesBuiltIns, let builtIn = Self.builtIns[id], Self.isCopy(url, of: builtIn) { return nil }
        return .file(url)
      }
    }
      + (includesBuiltIns ? [Self.builtIns.keys.sorted().map(Location.builtIn)] : [])
  }

  /// Whether the file at `url` holds `text` byte for byte; its size is looked at first, so that a template of
  /// its own (almost always another size) is not read just to be told apart.
  private static func isCopy(_ url: URL, of text: String) -> Bool {
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? -1
    return size == text.utf8.count && (try? Data(contentsOf: url)) == Data(text.utf8)
  }

  /// The ids of every template found, sorted.
  public func availableIDs() -> [String] {
    Set(locations.joined().map(\.id)).sorted()
  }

  private static func ids(in folder: String) -> [String] {
    let names = Folder.names(atPath: folder) ?? []
    return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Every template found, sorted by id; a workspace template hides the built-in of the same id.
  public func entries() -> [Entry] {
    availableIDs().compactMap { id in
      guard let location = location(of: id) else { return nil }
      let source: Source
      if case .file(let url) = location, url.deletingLastPathComponent().standardizedFileURL == workspaceFolder?.standardizedFileURL {
        source = .workspace
      } else {
        source = .builtIn
      }
      let overrides = source == .workspace && includesBuiltIns && Self.builtIns[id] != nil
      do {
        let template = try self.template(id: id)
        return Entry(id: id, name: template.name, language: template.language, source: source, file: location.path,
                     overrides: overrides, problem: nil)
      } catch {
        let problem = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return Entry(id: id, name: nil, language: nil, source: source, file: location.path, overrides: overrides, problem: problem)
      }
    }
  }

  /// Where the template `id` is: the first found along the search path, then among the built-ins; after the
  /// place `after` if given (a template that extends its own id gets the one further along).
  public func location(of id: String, after: Location? = nil) -> Location? {
    var places = Array(locations.joined())
    if let after, let index = places.firstIndex(of: after) { places = Array(places[(index + 1)...]) }
    return places.first { $0.id == id }
  }

  /// Loads the template `id`, merged over the template it extends.
  /// - Throws: ``TemplateError/notFound(id:available:)``, or the errors of ``load(contentsOf:)``.
  public func template(id: String) throws -> Template {
    guard let location = location(of: id) else { throw TemplateError.notFound(id: id, available: availableIDs()) }
    return try load(location)
  }

  /// Loads and validates the template file at `url`, merged over the template it extends (looked up in this
  /// library; a template extending its own id gets the one further along the search path).
  /// - Throws: ``TemplateError`` with the file, line and column of the problem.
  public func load(contentsOf url: URL) throws -> Template {
    try load(.file(url))
  }

  /// Loads and validates the template at `location`, merged over the template it extends.
  /// - Throws: ``TemplateError`` with the file, line and column of the problem.
  public func load(_ location: Location) throws -> Template {
    // A built-in template that extends none is read from its compiled tree as it is, with no Yams nodes made, once
    // per process.
    if case .builtIn(let id) = location, var template = try Self.standaloneBuiltIns.value(for: id, make: {
      try Self.decodeCompiled(file: location.path) {
        try CompiledTemplates.withTree(id: id) { tree in
          try CompiledFields(tree).node("extends") == nil ? try Template(compiled: tree) : nil
        } ?? nil
      }
    }) {
      template.sourceDigest = Template.digest(of: "built-in:\(id)", from: Template.digestSeed)
      try Self.checkID(template, of: location, mark: nil)
      return template
    }
    let (node, _, isCompiled, digest) = try resolvedNode(location, chain: [])
    // A built-in template (and what it extends) compiled at build time is read without YAML parsing; its checks
    // were passed by its YAML, which it equals (the tests compare the two). It cannot change while the program
    // runs, so it is decoded once per process (opening a session asked for it twice: for the messages, then to
    // conform the draft).
    var template: Template
    if isCompiled {
      template = try Self.decodedBuiltIns.value(for: location.id) { try Self.decodeCompiled(file: location.path) { try Template(compiled: node) } }
    } else {
      template = try Self.decode(node, file: location.path)
    }
    template.sourceDigest = digest
    try Self.checkID(template, of: location, mark: node.mapping?.first { $0.key.string == "id" }?.key.mark)
    return template
  }

  /// Refuses a template whose `id` (at `mark`) is not its file's name.
  /// - Throws: ``TemplateError/invalid(_:)``.
  private static func checkID(_ template: Template, of location: Location, mark: Mark?) throws {
    let fileID = location.id
    guard template.id == fileID else {
      throw TemplateError.invalid(YAMLProblem(
        file: location.path, line: mark?.line ?? 1, column: mark?.column ?? 1,
        message: "`id` is `\(template.id)` but the file is named `\(fileID).yaml`; a template is found by its file name, so the two must agree"))
    }
  }

  /// What is worth a warning in the template file at `location`, though it loads: every `pattern` the file
  /// itself writes whose `regex` can backtrack without end (``Part/Pattern/backtrackingRisk(in:)``), located at
  /// the regex. Such a pattern still works: matching it stops at its step budget, and the checks then say that
  /// they could not decide. A file that cannot be read or parsed has no warnings (loading it says why).
  public func warnings(_ location: Location) -> [YAMLProblem] {
    guard let text = try? location.text(), let root = try? Yams.compose(yaml: text) else { return [] }
    var warnings: [YAMLProblem] = []
    var stack = [root]
    while let node = stack.popLast() {
      switch node {
      case .mapping(let mapping):
        if let regex = mapping["pattern"]?["regex"], let written = regex.string,
          let risk = Part.Pattern.backtrackingRisk(in: written)
        {
          let key = mapping["key"]?.string ?? "?"
          warnings.append(YAMLProblem(
            file: location.path, line: regex.mark?.line ?? 1, column: regex.mark?.column ?? 1,
            message: "the `pattern` of `\(key)` repeats a group that can match the same text in many ways (`\(risk)`): on an answer that almost matches, trying them all takes exponential time. Write it so that each character can be matched one way only (`a+` rather than `(a|aa)+` or `(a+)+`); until then, an answer that takes too long to decide is reported as undecided (`pattern.tooCostly`)"))
        }
        stack.append(contentsOf: mapping.map(\.value).reversed())
      case .sequence(let sequence):
        stack.append(contentsOf: sequence.reversed())
      default:
        break
      }
    }
    return warnings
  }

  /// The export formats (`export.text`, `export.html`…) and partials the template file at `location` writes itself,
  /// not those it takes from the template it extends; empty sets for a file that cannot be read or parsed.
  public func writtenTexts(_ location: Location) -> (exports: Set<String>, partials: Set<String>) {
    guard let text = try? location.text(), let root = try? Yams.compose(yaml: text) else { return ([], []) }
    func keys(_ name: String) -> Set<String> { Set(root.mapping?[name]?.mapping?.keys.compactMap(\.string) ?? []) }
    return (keys("export"), keys("partials"))
  }

  /// Parses and validates a template from its YAML text alone (no `extends`); `file` names it in errors.
  /// - Throws: ``TemplateError``.
  public static func parse(_ yaml: String, file: String) throws -> Template {
    try decode(try compose(yaml, file: file), file: file)
  }

  /// The built-in templates decoded so far in this process, by id (only those whose whole `extends` chain is
  /// built in, so that no workspace file changes them).
  private static let decodedBuiltIns = Memo<String, Template>()

  /// A built-in template that extends none, decoded once per process from its compiled tree, read in place (the
  /// tree was read again at every load, to see that it extends none); `nil` for a built-in that extends another
  /// (read through Yams nodes, by ``load(_:)``'s second path).
  private static let standaloneBuiltIns = Memo<String, Template?>()

  /// The tree of the template at `location` merged over what it extends, its id, whether every file of the
  /// chain is a built-in template read in its compiled form (``CompiledTemplates``), and the digest of the chain's
  /// texts (``Template/sourceDigest``).
  private func resolvedNode(_ location: Location, chain: [Location]) throws -> (Node, String, Bool, UInt64) {
    let node: Node
    var isCompiled = false
    var digest = Template.digestSeed
    if case .builtIn(let id) = location, let compiled = CompiledTemplates.node(id: id) {
      (node, isCompiled) = (compiled, true)
      // The text of a built-in template is the program's: the program, which the digest's users stamp, says it.
      digest = Template.digest(of: "built-in:\(id)", from: digest)
    } else {
      let text = try location.text()
      digest = Template.digest(of: text, from: digest)
      node = try Self.compose(text, file: location.path)
    }
    let id = node["id"]?.string ?? location.id
    guard let parentID = node["extends"]?.string else { return (node, id, isCompiled, digest) }
    if chain.contains(location) { throw TemplateError.extensionCycle(ids: chain.map(\.id) + [id]) }
    guard let parent = self.location(of: parentID, after: parentID == id ? location : nil) else {
      let mark = node.mapping?.first { $0.key.string == "extends" }?.value.mark
      throw TemplateError.invalid(YAMLProblem(file: location.path, line: mark?.line ?? 1, column: mark?.column ?? 1,
                                              message: "`extends`: no template `\(parentID)`; available: \(availableIDs().joined(separator: ", "))"))
    }
    var (parentNode, _, isParentCompiled, parentDigest) = try resolvedNode(parent, chain: chain + [location])
    // A tree that is not all compiled is read by Yams' decoder, which looks keys up by Yams' default resolver.
    if isParentCompiled && !isCompiled { parentNode = CompiledTemplates.resolvingKeys(parentNode) }
    do {
      return (try Self.merge(node, over: parentNode), id, isCompiled && isParentCompiled,
              Template.digest(of: String(digest), from: parentDigest))
    } catch let problem as MergeProblem {
      throw TemplateError.invalid(YAMLProblem(
        file: location.path, line: problem.mark?.line ?? 1, column: problem.mark?.column ?? 1,
        message: "\(problem.message) (the parts of `\(parentID)`, which this template extends)"))
    }
  }

  private static func compose(_ yaml: String, file: String) throws -> Node {
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw TemplateError.invalid(YAMLProblem(file: file, line: 1, column: 1, message: "the file is empty"))
      }
      do {
        // A template is small: a few hundred values, even with its anchors (&name) expanded.
        try YAMLCoding.checkShape(node, file: file, maximumNodes: 50_000)
      } catch let problem as YAMLProblem {
        throw TemplateError.invalid(problem)
      }
      return node
    } catch let error as YamlError {
      throw TemplateError.invalid(YAMLCoding.problem(from: error, file: file))
    }
  }

  /// Merges a template that extends another over its parent:
  /// - mappings merge key by key, the child's values winning; but a child that writes `export.text` drops the
  ///   parent's `export.markdown` and `export.html` (``Template/layoutExportKeys``), which lay out the parent's
  ///   wording;
  /// - lists of parts (mappings with a `key`) merge part by part: a part with the key of a parent part merges
  ///   into it, `remove: true` drops it, and a new part goes at the end, or after the part named by its `after`;
  /// - `choices` merge choice by choice: a choice with the value of a parent choice replaces it,
  ///   `{value: X, remove: true}` drops it, and a new choice goes at the end (or after the one its `after` names);
  /// - any other value (text, a list of words) replaces the parent's.
  /// - Throws: ``MergeProblem`` for a part that looks like a change to a part the parent does not have (a
  ///   misspelt key): a new part must say what it is (a `label`, `question`, `type` or `list`).
  package static func merge(_ child: Node, over parent: Node, key: String? = nil) throws -> Node {
    switch (child, parent) {
    case (.mapping(let c), .mapping(let p)):
      var pairs = Array(p.map { ($0.key, $0.value) })
      if key == "export", c.contains(where: { $0.key.string == "text" }) {
        // A variant that writes its own wording does not inherit layouts of its parent's wording.
        pairs.removeAll { Template.layoutExportKeys.contains($0.0.string ?? "") }
      }
      for (key, value) in c {
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
          // The child's key node is kept, so that an error in what the child changed points into the child.
          pairs[index] = (key, try merge(value, over: pairs[index].1, key: key.string))
        } else {
          pairs.append((key, value))
        }
      }
      return .mapping(Node.Mapping(pairs, c.tag, c.style, c.mark))
    case (.sequence(let c), .sequence(let p)) where key == "choices":
      func value(_ node: Node) -> String? { node.string ?? node["value"]?.string }
      var choices = Array(p)
      for choice in c {
        let index = choices.firstIndex { value($0) == value(choice) }
        if choice["remove"]?.bool == true {
          if let index { choices.remove(at: index) }
        } else if let index {
          choices[index] = choice
        } else if let after = choice["after"]?.string, let position = choices.firstIndex(where: { value($0) == after }) {
          choices.insert(choice, at: position + 1)
        } else {
          choices.append(choice)
        }
      }
      return .sequence(Node.Sequence(choices.map(withoutMergeKeys), c.tag, c.style, c.mark))
    case (.sequence(let c), .sequence(let p)) where isPartList(c) && isPartList(p):
      var parts = Array(p)
      for part in c {
        let key = part["key"]?.string
        let remove = part["remove"]?.bool == true
        if let index = parts.firstIndex(where: { $0["key"]?.string == key }) {
          if remove { parts.remove(at: index) } else { parts[index] = try merge(part, over: parts[index]) }
        } else if remove || !["label", "question", "type", "list"].contains(where: { part[$0] != nil }) {
          let known = parts.compactMap { $0["key"]?.string }.joined(separator: ", ")
          throw MergeProblem(
            mark: part.mapping?.first { $0.key.string == "key" }?.value.mark ?? part.mark,
            message: remove
              ? "no part `\(key ?? "")` to remove here; the parts here are \(known)"
              : "no part `\(key ?? "")` to change here; the parts here are \(known). To add a new part, give it at least a `label` or a `question`")
        } else {
          if let after = part["after"]?.string, let index = parts.firstIndex(where: { $0["key"]?.string == after }) {
            parts.insert(part, at: index + 1)
          } else {
            parts.append(part)
          }
        }
      }
      return .sequence(Node.Sequence(parts.map(withoutMergeKeys), c.tag, c.style, c.mark))
    default:
      return child
    }
  }

  /// A part of a template that extends another, which cannot be merged; where it is and why.
  package struct MergeProblem: Error {
    /// Where in the extending template.
    package var mark: Mark?
    /// What is wrong.
    package var message: String
  }

  private static func isPartList(_ sequence: Node.Sequence) -> Bool {
    !sequence.isEmpty && sequence.allSatisfy { $0["key"]?.string != nil }
  }

  private static func withoutMergeKeys(_ node: Node) -> Node {
    guard case .mapping(let mapping) = node else { return node }
    let pairs = mapping.filter { !["after", "remove"].contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
    return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
  }

  /// What `read` reads of a built-in template's compiled tree (``CompiledTemplates``): the template, read key by key
  /// without `Codable` (``Template/init(compiled:)-(CompiledNode)``); its YAML passed the checks of
  /// ``decode(_:file:)``, and the tests check that both give the same template. `file` names the template in errors.
  /// - Throws: ``TemplateError/invalid(_:)`` should the compiled form not decode (it always does).
  private static func decodeCompiled<Result>(file: String, _ read: () throws -> Result) throws -> Result {
    do {
      return try read()
    } catch let error as DecodingError {
      throw TemplateError.invalid(YAMLProblem(file: file, line: 1, column: 1, message: "compiled template: \(error)"))
    }
  }

  private static func decode(_ node: Node, file: String) throws -> Template {
    let template: Template
    do {
      template = try YAMLCoding.decode(Template.self, from: node, file: file)
    } catch let problem as YAMLProblem {
      throw TemplateError.invalid(problem)
    }
    guard template.format <= Template.currentFormat else {
      throw TemplateError.unsupportedFormat(file: file, found: template.format, supported: Template.currentFormat)
    }
    try TemplateChecker(template: template, node: node, file: file).check()
    return template
  }
}
