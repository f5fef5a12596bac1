import Foundation
import Testing
import MinutesTestSupport

/// What a shell sees of `minutes`: `--version`, the completion scripts and their custom completions (template ids,
/// session names), and the man page generated from the command definitions.
@Suite struct ShellTests {
  @Test func versionIsPrinted() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try Binary.run(["--version"], in: workspace)
    #expect(result.status == 0)
    #expect(result.text.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.text)")
  }

  /// Runs `script` with bash, the built binary's folder first on `PATH`, in `directory`; its standard output.
  static func bash(_ script: String, in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = Binary.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func bashCompletionOffersSessionNamesAndTemplateIDs() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let sessions = workspace.appendingPathComponent("sessions")
    try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    for name in ["april", "常務會議-0520", ".hidden"] { try Data().write(to: sessions.appendingPathComponent("\(name).yaml")) }
    let script = try Binary.run(["--generate-completion-script", "bash"], in: workspace)
    try script.stdout.write(to: workspace.appendingPathComponent("minutes.bash"))

    // As bash calls the completion function for `minutes resume ⇥` and `minutes new --template gov-executive.zh-H⇥`.
    func complete(_ words: [String]) throws -> [String] {
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      let line = words.joined(separator: " ")
      let output = try Self.bash("""
        source ./minutes.bash
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        _minutes minutes '\(words.last!)' '\(words[words.count - 2])'
        printf '%s\\n' "${COMPREPLY[@]}"
        """, in: workspace)
      return output.split(separator: "\n").map(String.init)
    }
    #expect(try complete(["minutes", "resume", ""]) == ["april", "常務會議-0520"])
    #expect(try complete(["minutes", "export", "常"]) == ["常務會議-0520"])
    #expect(try complete(["minutes", "new", "--template", "gov-executive.zh-H"]) == ["gov-executive.zh-Hans", "gov-executive.zh-Hant"])
    #expect(try complete(["minutes", "templates", "show", "board"]) == ["board-meeting.en"])
  }

  @Test(arguments: ["zsh", "fish"]) func zshAndFishScriptsCallBackForTemplateIDsAndSessionNames(shell: String) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let script = try Binary.run(["--generate-completion-script", shell], in: workspace)
    #expect(script.status == 0)
    #expect(script.text.contains("---completion new -- --template"))
    #expect(script.text.contains("---completion resume -- positional@0"))
    #expect(script.text.contains("---completion templates show -- positional@0"))
  }

  @Test func manPageIsUpToDateWithTheCommandDefinitions() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let page = try String(contentsOf: Binary.packageRoot.appendingPathComponent("docs/minutes.1"), encoding: .utf8)
    #expect(page.contains(".Dt MINUTES 1"))
    // Every command and option the program defines is in the page (`make man` regenerates it).
    let dump = try Binary.run(["--experimental-dump-help"], in: workspace)
    let json = try #require(try JSONSerialization.jsonObject(with: dump.stdout) as? [String: Any])
    var missing: [String] = []
    func visit(_ command: [String: Any]) {
      if let name = command["commandName"] as? String, name != "minutes", name != "help", !page.contains(".It Em \(name)") {
        missing.append(name)
      }
      for argument in command["arguments"] as? [[String: Any]] ?? [] {
        guard (argument["shouldDisplay"] as? Bool) != false else { continue }
        for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
          if let long = name["name"] as? String, !page.contains("Fl -\(long)"), !page.contains(" , -\(long)") { missing.append("--\(long)") }
        }
        if let abstract = argument["abstract"] as? String, !page.contains(abstract) { missing.append(abstract) }
      }
      for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
    }
    visit(try #require(json["command"] as? [String: Any]))
    #expect(missing.isEmpty, "not in docs/minutes.1 (run make man): \(missing)")
  }
}
