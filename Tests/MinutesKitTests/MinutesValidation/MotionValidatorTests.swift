import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// The rules a template declares for itself (`pattern`, times, counts) and the motion rules of RONR minutes,
/// on a small board template whose roles name its motions and roll calls; messages in English.
@Suite struct MotionValidatorTests {
  static let yaml = """
    format: 2
    id: board
    name: Board
    language: en
    parts:
      - {key: called, type: time, label: Called to order, question: Time?, required: true}
      - key: secretary
        label: Secretary
        question: Secretary?
        pattern: {regex: "[A-Z][a-z]+ [A-Z][a-z]+", message: Give the secretary's first and last name, severity: warning}
      - {key: present, list: true, label: Present, question: Who is present?, split: ",", min: 2}
      - {key: absent, list: true, label: Absent, question: Who is absent?, split: ","}
      - key: motions
        list: true
        numbered: true
        label: Motion
        parts:
          - {key: text, label: Text, question: Motion?, required: true}
          - {key: mover, label: Mover, question: Moved by?}
          - {key: result, label: Result, question: Result?, choices: [adopted, failed, postponed]}
          - {key: ayes, type: count, label: Ayes, question: Ayes?}
          - {key: noes, type: count, label: Noes, question: Noes?}
          - {key: abstentions, type: count, label: Abstentions, question: Abstentions?}
          - key: roll
            list: true
            label: Roll call
            question: Member and vote?
            line: {parts: [member, vote], example: Smith aye}
            parts:
              - {key: member, label: Member, required: true}
              - {key: vote, label: Vote, required: true, choices: [aye, nay, abstain]}
    roles:
      attendance:
        - {list: present, name: name, present: true}
        - {list: absent, name: name}
      motions:
        list: motions
        mover: mover
        disposition: result
        adopted: [adopted]
        failed: [failed]
        votesFor: ayes
        votesAgainst: noes
        abstentions: abstentions
        rollCall: {list: roll, member: member, vote: vote, votesFor: [aye], votesAgainst: [nay], abstentions: [abstain]}
    export:
      text: "{{#motions}}{{text}}\\n{{/motions}}"

    """

  static func findings(_ content: Record) throws -> [Finding] {
    let template = try TemplateLibrary.parse(yaml, file: "board.yaml")
    return Validator(template: template).findings(in: try template.conform(Minutes(template: "board", content: content)))
  }

  static let base: Record = ["called": "19:02", "secretary": "Ann Lee", "present": ["Ann", "Bob", "Cy"]]

  @Test func aCompleteDraftHasNoFindings() throws {
    var content = Self.base
    content["motions"] = [["text": "To adopt the budget", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "1",
                           "roll": [["member": "Ann", "vote": "aye"], ["member": "Bob", "vote": "aye"], ["member": "Cy", "vote": "nay"]]]]
    #expect(try Self.findings(content) == [])
  }

  @Test func requiredPartsAndAMinimumCountAreNamedInEnglish() throws {
    let findings = try Self.findings(["present": ["Ann"]])
    #expect(findings == [
      Finding(.error, rule: "required", address: "called", message: "Missing required part ‘Called to order’", hint: ":goto called"),
      Finding(.error, rule: "required", address: "present.+", message: "‘Present’ needs at least 2 entries", hint: ":goto present.+"),
    ])
  }

  @Test func declaredPatternsTimesAndEmptyTexts() throws {
    var content = Self.base
    content["called"] = "25:00"
    content["secretary"] = "ann"
    content["absent"] = [""]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "time.invalid", address: "called", message: "‘25:00’ is not a valid time", hint: ":edit called"),
      Finding(.error, rule: "empty", address: "absent.1", message: "This part is empty", hint: ":edit absent.1"),
      Finding(.warning, rule: "pattern", address: "secretary", message: "Give the secretary's first and last name", hint: ":edit secretary"),
    ])
  }

  @Test func aMotionRecordsItsMoverAndDisposition() throws {
    var content = Self.base
    content["motions"] = [["text": "To adjourn"]]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "motion.noMover", address: "1.mover", message: "The motion has no mover", hint: ":edit 1.mover"),
      Finding(.error, rule: "motion.noDisposition", address: "1.result", message: "The motion has no disposition", hint: ":edit 1.result"),
    ])
  }

  @Test func theVotesFitThosePresentAndTheResult() throws {
    var content = Self.base
    content["motions"] = [
      ["text": "A", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "3"],
      ["text": "B", "mover": "Bob", "result": "failed", "ayes": "2", "noes": "1", "abstentions": "0"],
    ]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "votes.exceedPresent", address: "1", message: "5 votes were counted but only 3 members were present", hint: ":edit 1.ayes"),
      Finding(.error, rule: "votes.resultMismatch", address: "1", message: "Reported adopted, but 2 in favor is not a majority of the votes cast (5)", hint: ":edit 1.result"),
      Finding(.error, rule: "votes.resultMismatch", address: "2", message: "Reported failed, but 2 in favor is a majority of the votes cast (3)", hint: ":edit 2.result"),
    ])
  }

  /// Counts read from a file can be any number: adding them up must not overflow (it crashed).
  @Test func theLargestCountsAreAddedWithoutOverflow() throws {
    var content = Self.base
    content["motions"] = [
      ["text": "A", "mover": "Bob", "result": "adopted", "ayes": "9223372036854775807", "noes": "9223372036854775807",
       "abstentions": "9223372036854775807"],
    ]
    #expect(try Self.findings(content).map(\.rule) == ["votes.exceedPresent", "votes.resultMismatch"])
    #expect(try Self.findings(content).first?.message == "9223372036854775807 votes were counted but only 3 members were present")
  }

  @Test func theRollCallIsTalliedAndEachVoterIsPresentOnce() throws {
    var content = Self.base
    content["motions"] = [[
      "text": "A", "mover": "Bob", "result": "adopted", "ayes": "2", "noes": "1",
      "roll": [["member": "Ann", "vote": "aye"], ["member": "Bob", "vote": "nay"], ["member": "Ann", "vote": "nay"],
               ["member": "Zed", "vote": "aye"]],
    ]]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "rollCall.twice", address: "1.roll.3", message: "‘Ann’ votes twice (see also entry 1)", hint: ":delete 1.roll.3"),
      Finding(.error, rule: "rollCall.notPresent", address: "1.roll.4", message: "‘Zed’ voted but is not listed as present", hint: ":edit 1.roll.4"),
      Finding(.error, rule: "rollCall.tally", address: "1", message: "1 reported opposed, but the roll call has 2", hint: ":show 1"),
    ])
  }

  @Test func aPersonPresentAndAbsentIsNamed() throws {
    var content = Self.base
    content["absent"] = ["Cy"]
    #expect(try Self.findings(content) == [
      Finding(.error, rule: "attendance.twoCategories", address: "absent.1", message: "‘Cy’ is listed both in Present (present.3) and in Absent", hint: ":edit absent.1"),
    ])
  }
}
