import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// One test per rule of the validator not covered by the Chinese seed's variants: a correct board meeting
/// (Robert's Rules, `Tests/Fixtures/rules/board.yaml`) is broken in one place, and exactly that rule's finding
/// must appear, with its severity, address, message and hint. (`minutes check` itself, its exit codes and its
/// JSON report are tested end to end in `RuleTests`.)
@Suite struct BoardRuleTests {
  static let base = TestSupport.fixture("rules/board.yaml")

  /// The findings for the minutes file `yaml`, as `minutes check` makes them.
  static func findings(_ yaml: String) throws -> [Finding] {
    let file = try SessionFile.parse(yaml, file: "board.yaml")
    let template = try TemplateLibrary().template(id: file.minutes.template)
    return Validator(template: template).findings(in: try template.conform(file.minutes, yaml: yaml, file: "board.yaml"))
  }

  @Test func theCorrectMeetingHasNoFinding() throws {
    #expect(try Self.findings(try String(contentsOf: Self.base, encoding: .utf8)).isEmpty)
  }

  /// (what to replace, with what, the one finding expected: severity, rule, address, message, hint)
  static let variants: [(String, String, [String])] = [
    ("  mover: Priya Natarajan\n", "",
     ["error", "motion.noMover", "1.mover", "The motion has no mover", ":edit 1.mover"]),
    ("  disposition: Failed\n", "",
     ["error", "motion.noDisposition", "4.disposition", "The motion has no disposition", ":edit 4.disposition"]),
    ("  votesFor: 7\n  votesAgainst: 0\n  abstentions: 0\n- text: the board authorize",
     "  votesFor: 8\n  votesAgainst: 0\n  abstentions: 0\n- text: the board authorize",
     ["error", "votes.exceedPresent", "1", "8 votes were counted but only 7 members were present", ":edit 1.votesFor"]),
    ("  votesFor: 2\n  votesAgainst: 4\n", "  votesFor: 2\n  votesAgainst: 1\n",
     ["error", "votes.resultMismatch", "4", "Reported failed, but 2 in favor is a majority of the votes cast (3)", ":edit 4.disposition"]),
    ("    vote: abstain\n", "    vote: absent\n",
     ["error", "rollCall.tally", "2", "1 reported abstaining, but the roll call has 0", ":show 2"]),
    ("  - member: Sofia Castellanos\n", "  - member: Lena Fischer\n",
     ["error", "rollCall.twice", "2.rollCall.9", "‘Lena Fischer’ votes twice (see also entry 7)", ":delete 2.rollCall.9"]),
    ("  - member: Daniel Reyes\n", "  - member: Dan Reyes\n",
     ["error", "rollCall.notPresent", "2.rollCall.2", "‘Dan Reyes’ voted but is not listed as present", ":edit 2.rollCall.2"]),
    ("  excused:\n  - Sofia Castellanos\n", "  excused:\n  - Lena Fischer\n",
     ["error", "attendance.twoCategories", "excused.1", "‘Lena Fischer’ is listed both in Present (present.7) and in Excused", ":edit excused.1"]),
    ("  - name: Jordan Pike\n", "  - name: Helen Marsh\n",
     ["error", "attendance.duplicate", "guests.2", "‘Helen Marsh’ is listed twice in Guest (see also guests.1)", ":edit guests.2"]),
    ("  date: '2024-04-16'\n", "  date: '2024-02-30'\n",
     ["error", "date.invalid", "date", "‘2024-02-30’ is not a date that exists", ":edit date"]),
    ("  calledToOrder: '19:02'\n", "  calledToOrder: '25:02'\n",
     ["error", "time.invalid", "time", "‘25:02’ is not a valid time", ":edit time"]),
    ("  disposition: Postponed\n", "  disposition: Tabled\n",
     ["error", "choice.unknown", "5.disposition", "‘Tabled’ is not one of the choices (Adopted, Failed, Referred, Postponed, Withdrawn, Laid on the table, Died for lack of a second, Ruled out of order)", ":edit 5.disposition"]),
    ("- text: the board establish", "- text: that the board establish",
     ["warning", "pattern", "5.text", "The wording starts with \"that\", which the minutes print already; remove it.", ":edit 5.text"]),
    ("  corrections: on page 2, the Tidewater Foundation grant should read $12,500, not $15,000\n", "  corrections: ''\n",
     ["error", "empty", "previous.corrections", "This part is empty", ":edit previous.corrections"]),
    // (The secretary, the place and the member count are optional: real minutes leave them out.)
    ("  body: Board of Directors\n", "",
     ["error", "required", "body", "Missing required part ‘Body’", ":goto body"]),
    ("  summary: Cash on hand was $84,310 as of", "  summary: Cash on hand was $84,310 (as of",
     ["error", "marks.unbalanced", "reports.1.summary", "‘(’ has no partner", ":edit reports.1.summary"]),
    // Without counts, the roll call (5 aye, 1 nay) is the vote the disposition must agree with.
    ("  disposition: Adopted\n  votesFor: 5\n  votesAgainst: 1\n  abstentions: 1\n", "  disposition: Failed\n",
     ["error", "votes.resultMismatch", "2", "Reported failed, but 5 in favor is a majority of the votes cast (6)", ":edit 2.disposition"]),
    ("  members: 9\n", "  members: -3\n",
     ["error", "number.invalid", "members", "‘-3’ is not a positive whole number", ":edit members"]),
  ]

  @Test(arguments: variants.indices)
  func eachBrokenVariantGivesItsFinding(index: Int) throws {
    let (old, new, expected) = Self.variants[index]
    let text = try String(contentsOf: Self.base, encoding: .utf8)
    try #require(text.components(separatedBy: old).count == 2, "`\(old)` must occur once in the fixture")
    let findings = try Self.findings(text.replacingOccurrences(of: old, with: new))
    #expect(findings.map { [$0.severity.rawValue, $0.rule, $0.address, $0.message, $0.hint] } == [expected])
  }
}
