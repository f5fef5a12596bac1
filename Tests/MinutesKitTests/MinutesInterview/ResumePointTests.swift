import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// ``Interview/resumePoint(for:in:)``: the one place where the question to resume at is worked out, and the
/// callers that use it (a new assistant, a resumed one, a loaded session) agree.
struct ResumePointTests {
  @Test func theRulesInOrder() throws {
    let template = try TestSupport.template()
    let interview = Interview(template: template)
    let empty = Minutes(template: template.id)
    #expect(interview.resumePoint(for: .finished, in: empty) == nil)
    #expect(interview.resumePoint(for: .firstQuestion, in: empty) == interview.firstQuestion(in: empty))
    // The saved slot, when the draft has it.
    let date = TestSupport.at("meeting.date")
    #expect(interview.resumePoint(for: .at(date), in: empty) == date)
    // A place the draft does not have: the first field not answered.
    #expect(interview.resumePoint(for: .at(TestSupport.at("items.9.x")), in: empty) == date)
  }

  @Test func everyCallerAgrees() throws {
    let template = try TestSupport.template()
    let interview = Interview(template: template)
    let minutes = Minutes(template: template.id)
    for saved: ResumePoint in [.firstQuestion, .finished, .at(TestSupport.at("meeting.date")), .at(TestSupport.at("items.9.x"))] {
      let expected = interview.resumePoint(for: saved, in: minutes)
      #expect(Assistant(template: template, minutes: minutes, resumeAt: saved).cursor == expected)
      let loaded = LoadedSession(file: SessionFile(minutes: minutes, resumeAt: saved), undoStack: [], redoStack: [])
      #expect(loaded.state(interview: interview).cursor == expected)
      #expect(Assistant(template: template, state: loaded.state(interview: interview)).cursor == expected)
    }
  }
}
