import Foundation
import Testing
import MinutesTestSupport

/// The record RONR (12th ed., §48) asks minutes to keep, in `board-meeting.en` (issue 11, item 1): a town
/// council's meeting of invented people (`Tests/Fixtures/council/alder-creek.session.txt`) with a late start, a
/// chair and a secretary pro tem, remote attendance, a vacancy, staff, a late arrival and an early departure, the
/// previous minutes approved on a counted motion, a main motion adopted as amended (an amendment adopted, one
/// failed, one that died for lack of a second), a motion referred by voice vote, one that died for lack of a
/// second, a vice chair elected by ballot after a declined nomination, a recess and an executive session citing a
/// statute. Drafted through a pipe, it checks clean and exports byte for byte.
@Suite struct CouncilRecordTests {
  static let fixture = "council/alder-creek"

  /// The workspace with the meeting drafted from its transcript.
  static func drafted() throws -> URL {
    let workspace = try Binary.temporaryWorkspace()
    let session = try Data(contentsOf: Binary.fixture("\(fixture).session.txt"))
    let drafting = try Binary.run(["new", "--template", "board-meeting.en", "--name", "alder-creek"], in: workspace, input: session)
    #expect(drafting.status == 0, "stdout: \(drafting.text)\nstderr: \(drafting.stderr)")
    #expect(drafting.text.contains("Every required part is filled in; no errors."), "\(drafting.text)")
    return workspace
  }

  @Test func theCouncilMeetingDraftsThroughAPipeAndChecksClean() throws {
    let workspace = try Self.drafted()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let check = try Binary.run(["check", "alder-creek", "--json"], in: workspace)
    #expect(check.status == 0, "stdout: \(check.text)")
    let report = try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any]
    #expect(report?["errors"] as? Int == 0, "\(check.text)")
    #expect(report?["warnings"] as? Int == 0, "\(check.text)")
  }

  @Test(arguments: [("text", "txt"), ("markdown", "md"), ("html", "html")])
  func theCouncilMeetingExportsByteForByte(format: String, fileExtension: String) throws {
    let workspace = try Self.drafted()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let export = try Binary.run(["export", "alder-creek", "--format", format], in: workspace)
    #expect(export.status == 0, "stderr: \(export.stderr)")
    let expected = try Data(contentsOf: Binary.fixture("\(Self.fixture).\(fileExtension)"))
    #expect(export.stdout == expected, "\(export.text)")
  }

  /// What the export makes of the record, line by line: the parts a reader looks for are there in RONR's words.
  @Test func theExportSaysWhatTheRecordHolds() throws {
    let text = try String(contentsOf: Binary.fixture("\(Self.fixture).txt"), encoding: .utf8)
    for line in [
      "was called to order by Deputy Town Clerk Joan Ruiz at 7:04 p.m. on Tuesday, January 14, 2025, in Council Chambers, Alder Creek Town Hall (scheduled for 7:00 p.m.).",
      "Presiding: Ana Ortiz, Chair pro tem, in the absence of Chair Wendell Hart",
      "Secretary: Joan Ruiz, in the absence of the Town Clerk",
      "Arrivals and departures: Leah Kim arrived at 7:20 p.m.; Samuel Grant left at 9:05 p.m.",
      "were approved as distributed, on a motion by Dana Reyes, seconded by Priya Shah (4 in favor, 0 opposed, 0 abstaining).",
      "Amendment 3, moved by Leah Kim: to require two additional bids. Died for lack of a second.",
      "Disposition: Adopted as amended.",
      "Result as announced: Passes 4-1.",
      "- Leah Kim was nominated by Samuel Grant, and declined.",
      "Priya Shah was elected Vice Chair.",
      "The meeting recessed at 8:05 p.m. and resumed at 8:15 p.m.",
      "as permitted by G.L. c. 30A, § 21(a)(3), and returned to open session at 8:58 p.m.",
      "Joan Ruiz, Secretary pro tem",
    ] {
      #expect(text.contains(line), "missing: \(line)")
    }
    // A motion referred, and one that died, are not "as amended": only motion 1 had an amendment adopted.
    #expect(text.components(separatedBy: "as amended").count == 2)
  }
}
