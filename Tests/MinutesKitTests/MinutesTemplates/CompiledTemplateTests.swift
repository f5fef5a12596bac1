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

  @Test func aDamagedCompiledFormIsNotRead() {
    #expect(CompiledTemplates.node(id: "no-such-template") == nil)
  }
}
