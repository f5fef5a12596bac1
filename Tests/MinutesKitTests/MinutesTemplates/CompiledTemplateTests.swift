import Foundation
import Testing

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
    let compiled = try TemplateLibrary().template(id: id)
    #expect(compiled == parsed)
    #expect(compiled.parts.count == parsed.parts.count && !compiled.parts.isEmpty)
  }

  @Test func aDamagedCompiledFormIsNotRead() {
    #expect(CompiledTemplates.node(id: "no-such-template") == nil)
  }
}
