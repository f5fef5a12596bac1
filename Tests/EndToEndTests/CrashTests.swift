import Foundation
import MinutesKit
import Testing
import MinutesTestSupport

/// Kills a drafting `minutes` with SIGKILL at random moments and checks that every acknowledged edit survives.
@Suite(.serialized) struct CrashTests {
  /// A deterministic generator (SplitMix64), so a failing run can be repeated.
  struct Random {
    var state: UInt64
    mutating func next(below bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  /// The draft after each prefix of the seed session: `states[k]` is the draft once `k` lines were taken.
  static func referenceStates(_ lines: [String]) throws -> [Minutes] {
    let yaml = try String(contentsOf: Binary.packageRoot.appendingPathComponent("templates/gov-executive.zh-Hant.yaml"), encoding: .utf8)
    let template = try TemplateLibrary.parse(yaml, file: "gov-executive.zh-Hant.yaml")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    var states = [assistant.minutes]
    for line in lines {
      _ = assistant.handle(line)
      states.append(assistant.minutes)
    }
    return states
  }

  /// Reads the child's output until it shows a prompt (output ending in "> "); false when the output ended.
  static func waitForPrompt(_ output: FileHandle, _ seen: inout String) -> Bool {
    while !seen.hasSuffix("> ") {
      let chunk = output.availableData
      if chunk.isEmpty { return false }
      seen += String(decoding: chunk, as: UTF8.self)
    }
    return true
  }

  @Test func everyAcknowledgedEditSurvivesSIGKILL() throws {
    let lines = try String(contentsOf: Binary.fixture("seed/session.txt"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).prefix { $0 != ":quit" }
    let states = try Self.referenceStates(Array(lines))
    var random = Random(state: 0x0C0FFEE)
    for run in 0..<50 {
      let workspace = try Binary.temporaryWorkspace()
      defer { try? FileManager.default.removeItem(at: workspace) }
      let (child, input, output) = try Binary.start(["new", "--template", "gov-executive.zh-Hant", "--name", "crash"], in: workspace)

      var seen = ""
      #expect(Self.waitForPrompt(output, &seen))
      let acknowledged = random.next(below: lines.count)
      for line in lines.prefix(acknowledged) {
        seen = ""
        input.write(Data((line + "\n").utf8))
        #expect(Self.waitForPrompt(output, &seen), "run \(run): no prompt after \(line.prefix(20))")
      }
      // One more line in flight, and the kill somewhere while it is being taken and saved.
      input.write(Data((lines[acknowledged] + "\n").utf8))
      usleep(UInt32(random.next(below: 3000)))
      kill(child.processIdentifier, SIGKILL)
      child.waitUntilExit()

      let loaded = try SessionStore(workspace: workspace).load(name: "crash")
      let possible = [states[acknowledged], states[acknowledged + 1]]
      #expect(possible.contains(loaded.minutes), "run \(run): killed after \(acknowledged) acknowledged lines")
      if run % 10 == 0 {
        let resumed = try Binary.run(["resume", "crash"], in: workspace, input: Data(":quit\n".utf8))
        #expect(resumed.status == 0, "run \(run): \(resumed.stderr)")
        #expect(resumed.stderr.contains("接管會話「crash」"))
      }
    }
  }
}
