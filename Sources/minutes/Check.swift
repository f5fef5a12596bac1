import ArgumentParser
import Foundation
import MinutesKit

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a session or a minutes file: exit 0 without errors, 1 with errors, 2 when it cannot be read.")

  @Argument(help: "A session name, or the path of a minutes file.") var target: String
  @Flag(help: "Print JSON: {\"file\", \"errors\", \"warnings\", \"findings\": [{severity, rule, address, message, hint}]}.")
  var json = false
  @OptionGroup var options: WorkspaceOptions

  struct Report: Codable {
    var file: String
    var errors: Int
    var warnings: Int
    var findings: [Finding]
  }

  func run() throws {
    var (file, path): (SessionFile, String)
    let template: Template
    do {
      if target.contains("/") || target.hasSuffix(".yaml") {
        let url = URL(fileURLWithPath: target)
        let text = try Platform.readText(url.path)
        (file, path) = (try SessionFile.parse(text, file: url.path), url.path)
      } else {
        let name = Platform.sessionName(target)
        (file, path) = (try options.store.load(name: name), options.store.file(for: name).path)
      }
      template = try options.templates.template(id: file.minutes.template)
      file.minutes = try template.conform(file.minutes, yaml: try? String(contentsOfFile: path, encoding: .utf8), file: path)
    } catch {
      Platform.standardError.write("minutes: error: \((error as? LocalizedError)?.errorDescription ?? "\(error)")\n")
      throw ExitCode(2)
    }
    let findings = Validator(template: template).findings(in: file.minutes)
    let errors = findings.filter { $0.severity == .error }.count
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let report = Report(file: path, errors: errors, warnings: findings.count - errors, findings: findings)
      Platform.standardOutput.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
    } else {
      for finding in findings { Platform.standardOutput.write("\(path): \(finding.line(template.messages))\n") }
      Platform.standardOutput.write("\(errors) error(s), \(findings.count - errors) warning(s)\n")
    }
    if errors > 0 { throw ExitCode(1) }
  }
}
