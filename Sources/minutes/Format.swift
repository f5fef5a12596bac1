import ArgumentParser
import Foundation
import MinutesKit

struct Format: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite minutes files in canonical form; with --check, only report (exit 1 when a file would change).")

  @Argument(help: "Minutes files (.yaml).") var files: [String]
  @Flag(help: "Change nothing; list the files that are not in canonical form and exit 1 if there are any.")
  var check = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    var changed: [String] = []
    var unreadable = false
    for path in files {
      let url = URL(fileURLWithPath: path)
      do {
        let text = try Platform.readText(url.path)
        var file = try SessionFile.parse(text, file: url.path)
        let template = try options.templates.template(id: file.minutes.template)
        file.minutes = try template.conform(file.minutes, yaml: text, file: url.path)
        let canonical = try file.canonical().yaml()
        guard canonical != text else { continue }
        changed.append(path)
        if !check { try TextExporter.write(canonical, to: url) }
      } catch {
        unreadable = true
        Platform.standardError.write("minutes: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n")
      }
    }
    for path in changed { Platform.standardOutput.write(check ? "would reformat \(path)\n" : "reformatted \(path)\n") }
    if unreadable { throw ExitCode(2) }
    if check && !changed.isEmpty { throw ExitCode(1) }
  }
}
