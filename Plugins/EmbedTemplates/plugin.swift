import Foundation
import PackagePlugin

/// Embeds the package's top-level `templates/*.yaml` in the target it is applied to, as the generated
/// `BuiltInTemplates.swift`, so the built-in templates travel inside the binary and work from any directory.
///
/// Each template file is an input (an edit regenerates), and so is the folder (its modification time changes
/// when a file is added, removed or renamed); the tool lists the folder again when it runs.
@main
struct EmbedTemplates: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "templates", directoryHint: .isDirectory)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
    let files = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
      .map { folder.appending(path: $0, directoryHint: .notDirectory) }
    let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTemplates.swift")
    return [
      .buildCommand(
        displayName: "Embedding the built-in templates in \(target.name)",
        executable: try context.tool(named: "EmbedTemplatesTool").url,
        arguments: [output.path(percentEncoded: false), folder.path(percentEncoded: false)],
        inputFiles: [folder] + files,
        outputFiles: [output])
    ]
  }
}
