import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
@testable import MinutesInterview
@testable import MinutesModel
@testable import MinutesNormalization
@testable import MinutesStorage
@testable import MinutesTemplates
@testable import MinutesValidation
import MinutesTestSupport

/// Tab on a line split into parts completes the part being typed.
@Suite struct LineCompletionTests {
  @Test func aRollCallVoteIsCompleted() throws {
    var library = TemplateLibrary()
    library.searchPath = [TestSupport.templateURL.deletingLastPathComponent()]
    let template = try library.template(id: "board-meeting.en")
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
