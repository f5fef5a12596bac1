import Foundation
import Testing
import MinutesTestSupport

/// The layouts of `board-meeting.en`'s text export (issue 11, item 3): the same record as the sectioned form,
/// printed as the bulleted minutes town councils publish (`- Motion by …, 2nd by …, that …. Passes 6-0.`) or as a
/// school board's (closed session in and out, action items numbered, signature lines), chosen with
/// `minutes new --house layout=…` and no YAML written. Invented meetings of `Tests/Fixtures/layouts/` are drafted
/// through a pipe, check clean and export byte for byte: a city council's full record (a consent agenda, a motion
/// adopted as amended by roll call, one postponed, one failed on a count, an election by acclamation, a recess, an
/// executive session citing a statute), a school board's (a closed session, a roll-call vote, an amendment), and
/// a village board's special meeting with most optional parts left empty, in both layouts; a planning advisory
/// committee's meeting in the committee layout (public comment under its agenda items and off the agenda, two
/// motions under one item, an amendment under the other), and in the other three; a parks board's special meeting
/// with no public comment and motions under no item, in the committee layout.
@Suite struct LayoutTests {
  /// Each meeting, its layout, its golden, and the rules its check may report (the village's minutes do not
  /// record the adjournment).
  static let meetings = TestSupport.layoutMeetings

  /// The workspace with the meeting drafted from its transcript, in the given house style.
  static func drafted(_ name: String, house: [String] = ["layout=council"]) throws -> URL {
    let workspace = try Binary.temporaryWorkspace()
    let session = try Data(contentsOf: Binary.fixture("layouts/\(name).session.txt"))
    let drafting = try Binary.run(["new", "--template", "board-meeting.en", "--name", name] + house.flatMap { ["--house", $0] },
                                  in: workspace, input: session)
    #expect(drafting.status == 0, "stdout: \(drafting.text)\nstderr: \(drafting.stderr)")
    #expect(drafting.text.contains("Every required part is filled in; no errors."), "\(drafting.text)")
    return workspace
  }

  @Test(arguments: meetings)
  func aMeetingDraftsChecksCleanAndExportsByteForByteInItsLayout(name: String, layout: String, golden: String, warnings: [String]) throws {
    let workspace = try Self.drafted(name, house: ["layout=\(layout)"])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let check = try Binary.run(["check", name, "--json"], in: workspace)
    #expect(check.status == 0, "stdout: \(check.text)")
    let report = try JSONSerialization.jsonObject(with: check.stdout) as? [String: Any]
    #expect(report?["errors"] as? Int == 0, "\(check.text)")
    let found = (report?["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "warning" }
    #expect(found.compactMap { $0["rule"] as? String } == warnings, "\(check.text)")
    let export = try Binary.run(["export", name], in: workspace)
    #expect(export.status == 0, "stderr: \(export.stderr)")
    let expected = try Data(contentsOf: Binary.fixture("layouts/\(golden).txt"))
    #expect(export.stdout == expected, "\(export.text)")
  }

  /// How a motion's outcome prints: the result as the chair announced it when there is one (the counts are then
  /// not repeated); else the disposition with the counts as for-against-abstaining; else the disposition alone;
  /// the way the vote was taken after a comma; a main motion with amendments on its own line, "as amended" when
  /// one was adopted.
  @Test func theOutcomeOfEachMotionPrintsAsCouncilsWriteIt() throws {
    let text = try String(contentsOf: Binary.fixture("layouts/brookhollow.txt"), encoding: .utf8)
    for line in [
      "- Mayor Marisol Vega called the meeting to order at 6:30 p.m.\n",
      "- Excused: Gloria Fenwick\n",
      "- Wesley Tan left at 8:40 p.m.\n",
      "- Quorum present: 6 of 7 councilmembers.\n",
      "- Minutes of the regular meeting of February 17, 2025, approved as corrected (on page 3, the vote on the sidewalk contract should read 5-1) by unanimous consent.\n",
      "that the council approve the consent agenda, items 5A through 5F. Passes 6-0.\n",
      "  - Amendment by Ines Carvalho, 2nd by Wesley Tan, to strike “4.5 percent” and insert “3.5 percent”. Passes 4-2.\n",
      "  - Amendment by Wesley Tan to phase in the increase over two years. Died for lack of a second.\n",
      "  - Main motion as amended: Passes 5-1, by roll call.\n",
      "  - Roll call: Marisol Vega, aye; Curtis Okonkwo, aye; Hannah Petrov, aye; Raymond Baptiste, aye; Ines Carvalho, aye; Wesley Tan, nay.\n",
      "fire station. Postponed to the March 17, 2025 meeting, by voice vote.\n",
      "leaf blowers. Failed 2-4-0, by show of hands.\n",
      "- Election of Mayor Pro Tem by acclamation. Nominated: Ines Carvalho by Curtis Okonkwo, 2nd by Hannah Petrov. Ines Carvalho elected.\n",
      "- Recessed at 7:45 p.m.; resumed at 7:55 p.m.\n",
      "- Motion by Curtis Okonkwo, 2nd by Raymond Baptiste, to enter executive session at 8:50 p.m. under Government Code § 54956.8, to discuss the price and terms of a possible purchase of 41 Mill Road. Vote: 5-0. Returned to open session at 9:25 p.m. No reportable action was taken.\n",
      "- Adjourned at 9:31 p.m.\n",
      "Minutes recorded by Theo Lindqvist, Secretary\n",
    ] {
      #expect(text.contains(line), "missing: \(line)")
    }
    let village = try String(contentsOf: Binary.fixture("layouts/tamsin-lake.txt"), encoding: .utf8)
    #expect(village.contains("2025 road program. Adopted.\n"))
    #expect(village.contains("on June 14, 2025. Adopted, by unanimous consent.\n"))
    #expect(village.contains("- Quorum present: 4 trustees.\n"))
    #expect(village.hasSuffix("\nADJOURNMENT\n- Adjourned.\n"), "\(village)")
  }

  /// What a clerk would see at once: no doubled or stray punctuation, no empty bullet, no run of blank lines, no
  /// dangling word where an optional part is missing; the village's minutes print no heading of a part it left
  /// empty.
  @Test(arguments: meetings.map(\.golden))
  func theLayoutsHaveNoBrokenText(name: String) throws {
    let text = try String(contentsOf: Binary.fixture("layouts/\(name).txt"), encoding: .utf8)
    for broken in ["..", ",.", " ,", " .", "()", ", ,", "\n\n\n", "\n- \n", "by .", "by ,", " \n", "2nd by ,", "Motion that"] {
      #expect(!text.contains(broken), "\(name) contains “\(broken)”")
    }
    #expect(!text.hasPrefix("\n") && text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
    if name.hasPrefix("tamsin-lake") {
      for heading in ["APPROVAL OF MINUTES", "REPORTS", "ELECTIONS", "RECESS", "EXECUTIVE SESSION", "CLOSED SESSION", "FOLLOW-UP",
                      "OTHER BUSINESS", "Secretary:", "Next meeting", "bsent", "xcused", "Staff", "Also present", "Minutes recorded", "Amendment"] {
        #expect(!text.contains(heading), "tamsin-lake prints “\(heading)”")
      }
    }
  }

  /// The choice changes the text export only: the same meeting drafted without `--house` exports the sectioned
  /// form, and Markdown keeps the sectioned form in the council layout; `:house layout` lists both layouts with
  /// what each prints, and `:house layout sectioned` switches back.
  @Test func theLayoutChangesOnlyTheTextExportAndIsSwitchedByHouse() throws {
    let sectioned = try Self.drafted("brookhollow", house: [])
    defer { try? FileManager.default.removeItem(at: sectioned) }
    let plain = try Binary.run(["export", "brookhollow"], in: sectioned)
    #expect(plain.text.contains("Minutes of the Regular Meeting, March 3, 2025\n"), "\(plain.text)")
    #expect(plain.text.contains("1. Moved by Curtis Okonkwo, seconded by Ines Carvalho, that the council approve the consent agenda"))
    #expect(!plain.text.contains("2nd by"))

    let council = try Self.drafted("brookhollow")
    defer { try? FileManager.default.removeItem(at: council) }
    let markdown = try Binary.run(["export", "brookhollow", "--format", "markdown"], in: council)
    #expect(markdown.status == 0)
    let sectionedMarkdown = try Binary.run(["export", "brookhollow", "--format", "markdown"], in: sectioned)
    #expect(markdown.stdout == sectionedMarkdown.stdout)

    let switching = try Binary.run(["resume", "brookhollow"], in: council, input: Data(":house layout\n:house layout sectioned\n:quit\n".utf8))
    #expect(switching.status == 0, "\(switching.text)")
    #expect(switching.text.contains("sectioned"), "\(switching.text)")
    #expect(switching.text.contains("* council"), "\(switching.text)")
    let after = try Binary.run(["export", "brookhollow"], in: council)
    #expect(after.stdout == plain.stdout, "\(after.text)")
  }

  /// The committee's form: nine numbered sections, always all of them and in order, so that no number is skipped;
  /// an empty one says `None.` (or `Not scheduled.` for the next meeting). Under `5. AGENDA ITEMS`, each item the
  /// motions and public comment name is numbered `5.1`, `5.2`…, with its public comment, then its motions; public
  /// comment on no item prints under `3.`, motions under no item after the items.
  @Test func theCommitteeFormNumbersEverySectionAndGathersEachItemsCommentAndMotions() throws {
    let headings = ["1. CALL TO ORDER", "2. ROLL CALL", "3. PUBLIC COMMENT (items not on the agenda)", "4. APPROVAL OF MINUTES",
                    "5. AGENDA ITEMS", "6. STAFF REPORTS", "7. OTHER BUSINESS", "8. NEXT MEETING", "9. ADJOURNMENT"]
    for name in ["wrenfield", "harlow"] {
      let text = try String(contentsOf: Binary.fixture("layouts/\(name).txt"), encoding: .utf8)
      // A heading: a number and a period, then a word in capitals (`3. PUBLIC COMMENT (items not on the agenda)`).
      let found = text.split(separator: "\n").filter { line in
        let words = line.split(separator: " ")
        return words.count > 1 && words[0].last == "." && words[0].dropLast().allSatisfy(\.isNumber)
          && !words[0].dropLast().isEmpty && words[1].allSatisfy(\.isUppercase)
      }
      #expect(found.map(String.init) == headings, "\(name): \(found)")
    }
    let committee = try String(contentsOf: Binary.fixture("layouts/wrenfield.txt"), encoding: .utf8)
    for block in [
      "3. PUBLIC COMMENT (items not on the agenda)\n- Ivo Brandt: Asked that the crosswalk at Oak Street and Fifth Avenue be repainted before school opens.\n\n",
      "5. AGENDA ITEMS\n5.1 Rezoning of 1200 Elm Street (ZA-2025-03)\nPublic comment:\n- Ruth Calloway (Maple Street Neighbors): Opposed",
      "near the bus line.\nMotion by Priyanka Raman, seconded by Hollis Grant, that the committee recommend",
      "from C-1 to MU-2. Adopted 4-1-0.\nMotion by Mae Tran, seconded by Tobias Wendt,",
      "hearing. Adopted 5-0-0, by voice vote.\n\n5.2 Bicycle parking standards (Zoning Code § 14.6)\nPublic comment:\n- Greta Solberg (Wrenfield Cyclists): Asked",
      "as drafted by staff.\n  Amendment by Mae Tran, seconded by Tobias Wendt, to require covered spaces in buildings of more than 20 units: Adopted.\n  Main motion as amended: Adopted 5-0-0, by roll call.\n",
      "7. OTHER BUSINESS\nFollow-up for Lorna Pell: Bring the Linden Park shadow study to the committee. Due: July 10, 2025.\n",
    ] {
      #expect(committee.contains(block), "missing: \(block)")
    }
    // The speaker on no item is printed once, under 3, not under an item.
    #expect(committee.components(separatedBy: "Ivo Brandt").count == 2)
    let sparse = try String(contentsOf: Binary.fixture("layouts/harlow.txt"), encoding: .utf8)
    for block in [
      "3. PUBLIC COMMENT (items not on the agenda)\nNone.\n\n4. APPROVAL OF MINUTES\nNone.\n\n5. AGENDA ITEMS\nMotion by Owen Pratt,",
      "as presented. Adopted.\nMotion by Lucia Ferro, seconded by Bertrand Osei,",
      "6. STAFF REPORTS\nNone.\n\n7. OTHER BUSINESS\nNone.\n\n8. NEXT MEETING\nNot scheduled.\n\n9. ADJOURNMENT\nThe meeting was adjourned at 6:10 p.m.\n",
    ] {
      #expect(sparse.contains(block), "missing: \(block)")
    }
    for absent in ["5.1", "Public comment:", "Other actions", "Respectfully", "Recording secretary"] {
      #expect(!sparse.contains(absent), "harlow prints “\(absent)”")
    }
  }

  /// The school board's form: the closed session's times in and out on one line with its purpose and the statute
  /// cited, the action items numbered, the outcome on an indented `Action:` line, and the signature lines at the
  /// end, with the secretary's name under the line only when the minutes name one.
  @Test func theSchoolBoardFormPrintsClosedSessionsNumberedItemsAndSignatureLines() throws {
    let text = try String(contentsOf: Binary.fixture("layouts/cedar-hollow.txt"), encoding: .utf8)
    for line in [
      "CLOSED SESSION\nClosed session: entered 6:02 p.m., returned 6:48 p.m.\nPurpose: to consider the evaluation of the Superintendent (Government Code § 54957).\nReported out: No reportable action was taken.\n",
      "were approved as distributed, on a motion by Yuki Matsuda, seconded by Gabriel Sorensen (4-0-0).\n",
      "\n1. Moved by Delphine Morrow, seconded by Yuki Matsuda, that the board approve the 2025-26 instructional calendar.\n   Action: Adopted, 4-0-0, by roll call.\n",
      "\n2. Moved by Gabriel Sorensen,",
      "   Amendment by Yuki Matsuda, seconded by Rosalind Achebe, to add “contingent on receipt of the state facilities grant”: Adopted (Carried 4-0).\n",
      "   Action: Adopted as amended, by voice vote. Announced: Motion carried.\n",
    ] {
      #expect(text.contains(line), "missing: \(line)")
    }
    #expect(text.hasSuffix("\n\n______________________ Secretary\nMartin Oyelaran\n\n______________________ President\nRosalind Achebe\n\nDate approved: ______________________\n"), "\(text)")
    let village = try String(contentsOf: Binary.fixture("layouts/tamsin-lake.school-board.txt"), encoding: .utf8)
    #expect(village.contains("   Action: Adopted.\n"))
    #expect(village.hasSuffix("The meeting was adjourned.\n\n______________________ Secretary\n\n______________________ Village President\nOdessa Crane\n\nDate approved: ______________________\n"), "\(village)")
  }
}
