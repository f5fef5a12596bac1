import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Tab on a line split into parts completes the part being typed.
@Suite struct LineCompletionTests {
  @Test func aRollCallVoteIsCompleted() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let minutes = try template.conform(Minutes(template: template.id, content: ["motions": [["text": "the board adopt it"]]]))
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .firstQuestion)
    _ = assistant.handle(":goto 1.rollCall.+")
    #expect(assistant.completions(for: "Ann Lee, a") == ["Ann Lee, aye", "Ann Lee, abstain", "Ann Lee, absent"])
    #expect(assistant.completions(for: "Ann Lee,n") == ["Ann Lee, nay"])
    #expect(assistant.completions(for: "Ann").isEmpty)
    _ = assistant.handle(":goto present.+")
    #expect(assistant.completions(for: "Bob, r") == ["Bob, remote"])
  }
}
