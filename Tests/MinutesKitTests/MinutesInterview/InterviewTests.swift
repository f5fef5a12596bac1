import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// ``Interview``: the slots of a draft, what is missing, and how each slot is labelled, asked and shown.
@Suite struct InterviewTests {
  @Test func theSlotsOfANewDraftAreTheHeaderAndTheEndOfEachList() throws {
    let template = try TestSupport.template()
    let interview = Interview(template: template)
    let fresh = Minutes(template: template.id)
    #expect(interview.slots(in: fresh).map(template.display) == [
      "date", "period", "chair.title", "chair.name", "term", "body", "number", "kind", "+", "arrangements.scope",
      "arrangements.+", "other", "present.+", "attending.+", "absent.+",
    ])
    #expect(interview.firstQuestion(in: fresh) == stored("meeting.date"))
    // The period, the term, the session number, the attendance and the chair's name (縣長主持召開) are left out by
    // real reports: not required.
    #expect(interview.missing(in: fresh).map(template.display) == [
      "date", "chair.title", "body", "kind", "+", "other",
    ])
    #expect(interview.progress(in: fresh).done == 0)
    #expect(interview.progress(in: fresh).total == 6)
  }

  @Test func theSeedDraftHasEveryRequiredPart() throws {
    let assistant = try TestSupport.seedAssistant()
    let interview = assistant.interview
    let progress = interview.progress(in: assistant.minutes)
    #expect(progress.done == progress.total)
    let directives = (1...7).map { assistant.minutes.entries(of: stored("items.\($0).directives")).count }
    #expect(directives == [1, 1, 1, 1, 1, 1, 1])
    // The header's four required fields, the items and other matters; each item's kind and subject; each
    // directive's verb (directives and points are optional: real reports omit them).
    #expect(progress.total == 6 + 7 * 2 + directives.reduce(0, +))
    #expect(interview.missing(in: assistant.minutes) == [])
    #expect(interview.firstQuestion(in: assistant.minutes) == stored("items.1.followUp"))
  }

  @Test func valuesAreShownAsTheClerkTypesThem() throws {
    let template = try TestSupport.template()
    let interview = Interview(template: template)
    let minutes = try TestSupport.draft([
      "otherMatters": "false", "meeting": ["term": "10"], "items": [["kind": "傳達", "subject": "甲"]],
      "arrangements": ["topics": ["甲", "乙"]],
      "attendance": ["present": [["title": "副區長", "names": ["甲", "乙"]]], "absent": [["title": "副區長", "name": "丙"]]],
    ])
    #expect(interview.value(at: stored("otherMatters"), in: minutes) == "否")
    #expect(interview.value(at: stored("meeting.term"), in: minutes) == "10")
    #expect(interview.value(at: stored("items.1"), in: minutes) == "甲")
    #expect(interview.value(at: stored("arrangements.topics"), in: minutes) == "甲、乙")
    #expect(interview.value(at: stored("arrangements.topics.2"), in: minutes) == "乙")
    #expect(interview.value(at: stored("attendance.present.1"), in: minutes) == "副區長 甲、乙")
    #expect(interview.value(at: stored("attendance.absent.1"), in: minutes) == "副區長 丙")
    #expect(interview.value(at: stored("items.+"), in: minutes) == nil)
    #expect(interview.value(at: stored("meeting.date"), in: minutes) == nil)
    #expect(interview.contains(stored("items.1.directives.+"), in: minutes))
    #expect(!interview.contains(stored("items.2.subject"), in: minutes))
    #expect(!interview.contains(stored("meeting.place"), in: minutes))
  }

  @Test func labelsQuestionsAndChoicesFollowTheTemplate() throws {
    let template = try TestSupport.template()
    let interview = Interview(template: template)
    let minutes = try TestSupport.draft(["items": [["kind": "傳達", "subject": "甲", "directives": [["verb": "指出"]]]]])
    #expect(interview.label(of: stored("items.1.directives.1.points.+"), in: minutes) == "議題1 指示1 要點1")
    #expect(interview.label(of: stored("items.+"), in: minutes) == "議題2 類型")
    #expect(interview.label(of: stored("meeting.chair.name"), in: minutes) == "主持人姓名")
    #expect(interview.question(at: stored("items.1.directives.+"), in: minutes)
      == "議題 1 的第 2 條指示：會議指出、強調還是要求？（Tab 可補全；直接按 Enter 表示本議題的指示已全部輸入）")
    // The topic's question shows the sentence with the verb just typed, not always 強調.
    #expect(interview.question(at: stored("items.1.directives.1.topic"), in: minutes)
      .hasPrefix("這條指示有主題嗎？（印作「就…，會議指出」"))
    #expect(interview.choices(at: stored("otherMatters")) == ["是", "有", "否", "沒有", "無"])
    #expect(interview.choices(at: stored("items.+")).first == "傳達學習")
    #expect(interview.choices(at: stored("meeting.body")) == [])
  }
}
