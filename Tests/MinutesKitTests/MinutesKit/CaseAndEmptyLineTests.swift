import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Choices are taken in any letter case, so Tab completes them in any case too; a line that holds nothing, or
/// lacks its required first part, says so.
@Suite struct CaseAndEmptyLineTests {
  @Test func tabCompletesChoicesInAnyLetterCase() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let minutes = try template.conform(Minutes(template: template.id, content: ["motions": [["text": "the board adopt it"]]]))
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    #expect(assistant.completions(for: ":edit 1.disposition fa") == [":edit 1.disposition Failed"])
    _ = assistant.handle(":goto 1.disposition")
    #expect(assistant.completions(for: "ad") == ["Adopted"])
    #expect(assistant.handle(":add present ,,,").messages == ["‘,,,’ lacks its name. Type it like this: Aisha Bello, remote"])
    #expect(assistant.handle(":add absent ,,,").messages == ["‘,,,’ holds nothing to add. Type at least one entry, or press Enter to add none."])
  }
}
