import Foundation
import Testing
import Yams

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// The built-in templates compiled at build time (``CompiledTemplates``) are what parsing their YAML gives.
@Suite struct CompiledTemplateTests {
  /// The built-in template ids.
  static let ids = TemplateLibrary.builtIns.keys.sorted()

  @Test func everyBuiltInHasACompiledForm() {
    #expect(Self.ids.count >= 6)
    for id in Self.ids { #expect(CompiledTemplates.node(id: id) != nil, "\(id)") }
  }

  @Test(arguments: ids)
  func theCompiledTemplateEqualsTheParsedYAML(id: String) throws {
    // The YAML files alone, parsed by Yams and checked: a library of a folder holding them, without built-ins
    // (so that `extends` finds its parent in the folder too).
    let workspace = try TestSupport.temporaryWorkspace("compiled")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in TemplateLibrary.builtIns { try text.write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8) }
    var parsing = TemplateLibrary(workspace: workspace)
    parsing.includesBuiltIns = false
    let parsed = try parsing.template(id: id)
    var compiled = try TemplateLibrary().template(id: id)
    // Read from other texts (the program, the files), they say so; all else is equal.
    #expect(compiled.sourceDigest != parsed.sourceDigest)
    compiled.sourceDigest = parsed.sourceDigest
    #expect(compiled == parsed)
    #expect(compiled.parts.count == parsed.parts.count && !compiled.parts.isEmpty)
  }

  /// A template merged over a built-in one is decoded by Yams' decoder, which finds a key through the mapping's
  /// string subscript: every key of the parsed YAML must be found that way in the compiled tree as that decoder
  /// reads it (`yes`, which Yams resolves as a `bool`, was not, once the compiled mappings' tags lost the default
  /// resolver).
  @Test(arguments: ids)
  func everyKeyIsFoundByItsTextAsInTheParsedYAML(id: String) throws {
    let text = try #require(TemplateLibrary.builtIns[id])
    let parsed = try #require(try Yams.compose(yaml: text))
    let compiled = CompiledTemplates.resolvingKeys(try #require(CompiledTemplates.node(id: id)))
    var found = 0
    func walk(_ parsed: Node, _ compiled: Node, _ path: String) {
      switch (parsed, compiled) {
      case (.mapping(let p), .mapping(let c)):
        for (key, value) in p {
          guard let name = key.string else { continue }
          guard let inCompiled = c[name] else {
            Issue.record("\(id): `\(path)\(name)` is not found by its text in the compiled tree")
            continue
          }
          found += 1
          walk(value, inCompiled, path + name + ".")
        }
      case (.sequence(let p), .sequence(let c)):
        #expect(p.count == c.count, "\(id): `\(path)`")
        for (index, (p, c)) in zip(p, c).enumerated() { walk(p, c, path + "\(index).") }
      default: break
      }
    }
    walk(parsed, compiled, "")
    #expect(found > 50)
  }

  /// The reader of compiled trees reads a template as its `init(from:)` does, on templates of the tests that use
  /// what no built-in one does (`equal`, `sequence`, `min`): their YAML, composed by Yams (whose tree a compiled
  /// form equals), read both ways.
  @Test(arguments: [("declared checks", DeclaredCheckTests.yaml), ("motions", MotionValidatorTests.yaml)])
  func theCompiledReaderReadsATreeAsTheDecoderDoes(name: String, yaml: String) throws {
    let decoded = try TemplateLibrary.parse(yaml, file: "\(name).yaml")
    let read = try Template(compiled: try #require(try Yams.compose(yaml: yaml)))
    #expect(read == decoded, "\(name)")
    #expect(!read.parts.isEmpty && read.parts.count == decoded.parts.count)
  }

  /// A tree composed by Yams keeps, in the compact form, what Yams' constructors see besides a scalar's text: a
  /// quoted number is no number, `yes` tagged as text is no yes, a tag of its own (`!custom yes`) or a null's tag on
  /// a text (`!!null foo`) is read from the text, and only a plain null is absent. Each line, put in the built-in
  /// template, is refused by both readings or read alike. (Not `! yes`: Yams names that tag `str` once asked its
  /// name, as the writer asks, and its decoder, which does not ask, reads a yes there.)
  @Test(arguments: composedLines)
  func aComposedScalarIsReadAsYamsConstructorsReadIt(line: String, replacement: String) throws {
    let text = try TestSupport.templateText()
    #expect(text.components(separatedBy: line).count == 2, "one place for \(replacement)")
    let yaml = text.replacingOccurrences(of: line, with: replacement)
    let decoded = try? TemplateLibrary.parse(yaml, file: "t.yaml")
    let read = try? Template(compiled: try #require(try Yams.compose(yaml: yaml)))
    #expect(read == decoded, "\(replacement): decoded \(decoded == nil ? "refused" : "read"), compiled \(read == nil ? "refused" : "read")")
  }

  /// Lines of the built-in template where those of ``aComposedScalarIsReadAsYamsConstructorsReadIt(line:replacement:)``
  /// go: the head of the list of agenda items, with its `numbered` and without, and the label of the meeting's kind.
  static let head = "  - key: items\n    names: [item, 議題]\n    list: true\n"
  static let items = head + "    numbered: true\n"
  static let kind = "        label: 會議類別\n"
  static let composedLines: [(String, String)] = {
    var lines: [(String, String)] = []
    for value in ["!custom yes", "'yes'", "!!bool \"yes\"", "|\n      yes"] {
      lines.append((items, head + "    numbered: " + value + "\n"))
    }
    for value in ["\"2\"", "'0x10'", "0x10", "1_000", "!!str 2", "2"] { lines.append((items, items + "    min: " + value + "\n")) }
    for value in ["!!null foo", "~", "''", "\"null\"", "!custom 類別", "2"] {
      lines.append((kind, "        label: " + value + "\n"))
    }
    return lines
  }()

  @Test func aDamagedCompiledFormIsNotRead() {
    #expect(CompiledTemplates.node(id: "no-such-template") == nil)
  }

  /// The reader reads nodes in place, trusting no length it finds: every cut of a compiled tree, and every tree with
  /// a byte changed at random, is read or refused with an error, never read past its end (which would crash or read
  /// other memory). A changed length or kind letter is refused, or read as other nodes; a changed text is read.
  @Test func aCutOrChangedCompiledFormIsRefusedOrRead() throws {
    let id = "gov-executive.zh-Hant"
    let tree = Array(try #require(CompiledTemplates.trees[id]).utf8)
    #expect(throws: DecodingError.self) { try CompiledTemplates.withTree(bytes: []) { try Template(compiled: $0) } }
    // The whole tree, to begin with, reads as the built-in template.
    let whole = try CompiledTemplates.withTree(bytes: tree) { try Template(compiled: $0) }
    #expect(whole.id == id && !whole.parts.isEmpty)
    var refused = 0
    for cut in stride(from: 0, to: tree.count, by: max(1, tree.count / 1_500)) {
      do {
        _ = try CompiledTemplates.withTree(bytes: Array(tree[..<cut])) { try Template(compiled: $0) }
        Issue.record("the tree cut at \(cut) of \(tree.count) bytes was read")
      } catch is DecodingError { refused += 1 }
    }
    var generator = SystemRandomNumberGenerator()
    let bytes: [UInt8] = Array("{[sibnft:0123456789x\u{80}".utf8)
    var read = 0
    for _ in 0..<2_000 {
      var changed = tree
      changed[Int.random(in: 0..<changed.count, using: &generator)] = bytes.randomElement(using: &generator)!
      if (try? CompiledTemplates.withTree(bytes: changed, { try Template(compiled: $0) })) != nil { read += 1 }
      _ = try? CompiledTemplates.withTree(bytes: changed) { try $0.yams() }
    }
    #expect(refused > 1_000)
    // Most bytes are a text's, whose change is read as another text.
    #expect(read > 100 && read < 2_000)
  }
}
