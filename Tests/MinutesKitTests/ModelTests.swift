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

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// ``Value``, ``Record`` and ``Minutes``: the tree a draft is, read and changed by stored address.
@Suite struct ModelTests {
  @Test func recordsAreEqualWhateverTheirOrder() {
    let a: Record = ["kind": "審議", "subject": "辦法"]
    let b: Record = ["subject": "辦法", "kind": "審議"]
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Array(a.fields.keys) == ["kind", "subject"])
    #expect(Array(b.fields.keys) == ["subject", "kind"])
    #expect(a != ["kind": "審議"])
    #expect(a != ["kind": "審議", "subject": "辦法", "status": "草案"])
    #expect(Value.record(a) != .record(["kind": "審議", "subject": "辦法二"]))
    #expect(Value.list(["a", "b"]) != .list(["b", "a"]), "lists keep their order")
  }

  @Test func scalarsReadAsTheClerkTypesThem() {
    #expect(Value.text("甲").scalarText == "甲")
    #expect(Value.number(10).scalarText == "10")
    #expect(Value.flag(false).scalarText == "false")
    #expect(Value.list([]).scalarText == nil)
    #expect(Value.record([:]).scalarText == nil)
    #expect(Value.number(3).isScalar && !Value.list([]).isScalar)
  }

  static func draft() -> Minutes {
    Minutes(template: "t", content: [
      "meeting": ["date": "2022-05-20", "chair": ["title": "區長"]],
      "items": [["kind": "傳達", "subject": "甲", "directives": [["verb": "指出", "points": ["要一", "要二"]]]]],
    ])
  }

  @Test func valuesAreReadByStoredAddress() {
    let minutes = Self.draft()
    #expect(minutes.value(at: stored("meeting.chair.title")) == "區長")
    #expect(minutes.value(at: stored("items.1.directives.1.points.2")) == "要二")
    #expect(minutes.value(at: stored("items.1.directives.1.points.3")) == nil)
    #expect(minutes.value(at: stored("items.2")) == nil)
    #expect(minutes.value(at: stored("items.+")) == nil, "the end of a list has no value")
    #expect(minutes.value(at: stored("meeting.date.x")) == nil)
    #expect(minutes.value(at: .root) == .record(minutes.content))
    #expect(minutes.entries(of: stored("items.1.directives.1.points")) == ["要一", "要二"])
    #expect(minutes.entries(of: stored("attendance.present")) == [])
  }

  @Test func settingCreatesTheRecordsOnTheWayAndClearingRemovesEmptyOnes() {
    var minutes = Self.draft()
    #expect(minutes.setValue("王一", at: stored("meeting.chair.name")) == true)
    #expect(minutes.setValue("全區", at: stored("arrangements.scope")) == true)
    #expect(minutes["arrangements"] == ["scope": "全區"])
    #expect(minutes.setValue(nil, at: stored("arrangements.scope")) == true)
    #expect(minutes["arrangements"] == nil, "a group left empty is removed")
    #expect(minutes.setValue(nil, at: stored("meeting.chair.title")) == true)
    #expect(minutes.setValue(nil, at: stored("meeting.chair.name")) == true)
    #expect(minutes["meeting"] == ["date": "2022-05-20"])
    // A key keeps its place when it is changed.
    #expect(minutes.setValue("2023-01-09", at: stored("meeting.date")) == true)
    #expect(minutes.setValue("乙", at: stored("items.1.subject")) == true)
    #expect(minutes["items.1"]?.record?.fields.keys.elementsEqual(["kind", "subject", "directives"]) == true)
  }

  @Test func settingThroughAMissingEntryOrAValueChangesNothing() {
    var minutes = Self.draft()
    let before = minutes
    #expect(minutes.setValue("x", at: stored("items.2.subject")) == false)
    #expect(minutes.setValue("x", at: stored("attendance.present.1.title")) == false)
    #expect(minutes.setValue("x", at: stored("meeting.date.day")) == false)
    #expect(minutes.setValue(nil, at: stored("items.1")) == false, "a list entry is removed, not cleared")
    #expect(minutes.setValue("x", at: .root) == false)
    #expect(minutes == before)
    #expect(minutes["attendance"] == nil)
  }

  @Test func entriesAreInsertedRemovedAndMovedWithinBounds() {
    var minutes = Self.draft()
    let points = stored("items.1.directives.1.points")
    #expect(minutes.insert("要三", at: 3, in: points) == true)
    #expect(minutes.insert("要零", at: 1, in: points) == true)
    #expect(minutes.insert("要九", at: 6, in: points) == false)
    #expect(minutes.insert("要九", at: 0, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要零", "要一", "要二", "要三"])
    #expect(minutes.move(from: 4, to: 1, in: points) == true)
    #expect(minutes.move(from: 5, to: 1, in: points) == false)
    #expect(minutes.move(from: 1, to: 0, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要三", "要零", "要一", "要二"])
    #expect(minutes.remove(at: 2, in: points) == true)
    #expect(minutes.remove(at: 4, in: points) == false)
    #expect(minutes.texts("items.1.directives.1.points") == ["要三", "要一", "要二"])
    for _ in 1...3 { #expect(minutes.remove(at: 1, in: points) == true) }
    #expect(minutes["items.1.directives.1"] == ["verb": "指出"], "a list left empty is removed")
    // A list is created by its first entry.
    #expect(minutes.insert(["title": "副區長", "names": ["甲"]], at: 1, in: stored("attendance.present")) == true)
    #expect(minutes["attendance"] == ["present": [["title": "副區長", "names": ["甲"]]]])
    #expect(minutes.insert("x", at: 1, in: stored("items.3.directives")) == false)
  }

  @Test func minutesCodeWithFormatAndTemplateFirst() throws {
    let minutes = Self.draft()
    #expect(Minutes.currentFormat == 1)
    let json = try JSONEncoder().encode(minutes)
    let decoded = try JSONDecoder().decode(Minutes.self, from: json)
    #expect(decoded == minutes)
    let yaml = try SessionFile(minutes: minutes).yaml()
    #expect(yaml.hasPrefix("format: 1\ntemplate: t\nmeeting:\n  date: '2022-05-20'\n  chair:\n    title: 區長\nitems:\n- kind: 傳達\n"))
    #expect(throws: (any Error).self) { try JSONDecoder().decode(Minutes.self, from: Data(#"{"format": 1}"#.utf8)) }
  }
}

/// ``Editor``: edits applied to a draft, and the invertible changes they are recorded as.
@Suite struct EditorTests {
  static func editor() throws -> Editor { Editor(template: try TestSupport.template()) }

  @Test func aSetIsOneFieldChangeAndNothingWhenTheValueIsTheSame() throws {
    let editor = try Self.editor()
    var minutes = Minutes(template: TestSupport.templateID)
    let (address, changes) = try editor.perform(.set(stored("meeting.date"), "2022/5/20"), on: &minutes)
    #expect(address == stored("meeting.date"))
    #expect(changes == [.field(address: "meeting.date", old: nil, new: "2022-05-20")])
    #expect(try editor.perform(.set(stored("meeting.date"), "2022-05-20"), on: &minutes).changes == [])
    #expect(try editor.perform(.set(stored("meeting.term"), "第十屆"), on: &minutes).changes
      == [.field(address: "meeting.term", old: nil, new: 10)])
    #expect(try editor.perform(.set(stored("meeting.term"), "11"), on: &minutes).changes
      == [.field(address: "meeting.term", old: 10, new: 11)])
  }

  @Test func appendsAreInsertsAndSplitAnswersAreSeveral() throws {
    let editor = try Self.editor()
    var minutes = Minutes(template: TestSupport.templateID)
    let item = try editor.perform(.append(stored("items"), "審議"), on: &minutes)
    #expect(item.address == stored("items.1.kind"))
    #expect(item.changes == [.insert(container: "items", index: 1, entry: ["kind": "審議"])])
    let topics = try editor.perform(.append(stored("arrangements.topics"), "甲、乙。"), on: &minutes)
    #expect(topics.address == stored("arrangements.topics.2"))
    #expect(topics.changes == [
      .insert(container: "arrangements.topics", index: 1, entry: "甲"),
      .insert(container: "arrangements.topics", index: 2, entry: "乙"),
    ])
    let group = try editor.perform(.append(stored("attendance.present"), "副區長 甲、乙"), on: &minutes)
    #expect(group.changes == [.insert(container: "attendance.present", index: 1, entry: ["title": "副區長", "names": ["甲", "乙"]])])
  }

  @Test func settingAnEntrySetsItsTitleOrReplacesItsLine() throws {
    let editor = try Self.editor()
    var minutes = try TestSupport.draft([
      "items": [["kind": "傳達", "subject": "甲"]], "attendance": ["present": [["title": "副區長", "names": ["甲"]]]],
    ])
    #expect(try editor.perform(.set(stored("items.1"), "乙"), on: &minutes).changes
      == [.field(address: "items.1.subject", old: "甲", new: "乙")])
    #expect(try editor.perform(.set(stored("attendance.present.1"), "區長助理 丙"), on: &minutes).changes == [
      .remove(container: "attendance.present", index: 1, entry: ["title": "副區長", "names": ["甲"]]),
      .insert(container: "attendance.present", index: 1, entry: ["title": "區長助理", "names": ["丙"]]),
    ])
  }

  @Test func deletesAndMovesAreRecordedWithWhatTheyTook() throws {
    let editor = try Self.editor()
    var minutes = try TestSupport.draft(["items": [["kind": "傳達", "subject": "甲"], ["kind": "審議", "subject": "乙", "status": "草案"]]])
    let original = minutes
    var all: [Change] = []
    all += try editor.perform(.move(stored("items.2"), to: 1), on: &minutes).changes
    all += try editor.perform(.delete(stored("items.1.status")), on: &minutes).changes
    all += try editor.perform(.delete(stored("items.2")), on: &minutes).changes
    #expect(all == [
      .move(container: "items", from: 2, to: 1),
      .field(address: "items.1.status", old: "草案", new: nil),
      .remove(container: "items", index: 2, entry: ["kind": "傳達", "subject": "甲"]),
    ])
    #expect(minutes["items"] == [["kind": "審議", "subject": "乙"]])
    for change in all.reversed() { try minutes.apply(change.inverse) }
    #expect(minutes == original)
  }

  @Test func aRefusedEditLeavesTheDraftAsItWas() throws {
    let editor = try Self.editor()
    var minutes = try TestSupport.draft(["items": [["kind": "傳達", "subject": "甲"]]])
    let before = minutes
    #expect(throws: AssistantError.noSuchPart("5.subject")) { try editor.apply(.set(stored("items.5.subject"), "x"), to: &minutes) }
    #expect(throws: AssistantError.invalidDate("明天")) { try editor.apply(.set(stored("meeting.date"), "明天"), to: &minutes) }
    #expect(throws: AssistantError.invalidPosition(position: "3", count: 1)) { try editor.apply(.move(stored("items.1"), to: 3), to: &minutes) }
    #expect(throws: AssistantError.required(label: "議題1 內容")) { try editor.apply(.set(stored("items.1.subject"), " "), to: &minutes) }
    #expect(minutes == before)
  }
}

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
    #expect(interview.missing(in: fresh).map(template.display) == [
      "date", "period", "chair.title", "chair.name", "term", "body", "number", "kind", "+", "other", "present.+",
    ])
    #expect(interview.progress(in: fresh).done == 0)
    #expect(interview.progress(in: fresh).total == 11)
  }

  @Test func theSeedDraftHasEveryRequiredPart() throws {
    let assistant = try TestSupport.seedAssistant()
    let interview = assistant.interview
    let progress = interview.progress(in: assistant.minutes)
    #expect(progress.done == progress.total)
    let directives = (1...7).map { assistant.minutes.entries(of: stored("items.\($0).directives")).count }
    #expect(directives == [1, 1, 1, 1, 1, 1, 1])
    // The header's eight fields, the items, other matters and present; each item's kind, subject and
    // directives; each directive's verb and points.
    #expect(progress.total == 11 + 7 * 3 + directives.reduce(0, +) * 2)
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
    #expect(interview.choices(at: stored("otherMatters")) == ["是", "有", "否", "沒有", "無"])
    #expect(interview.choices(at: stored("items.+")).first == "傳達學習")
    #expect(interview.choices(at: stored("meeting.body")) == [])
  }
}

/// The assistant speaks its template's language: a board template in English, with times and counts.
@Suite struct EnglishAssistantTests {
  static func assistant() throws -> Assistant {
    let template = try TemplateLibrary.parse(MotionValidatorTests.yaml, file: "board.yaml")
    return Assistant(template: template, minutes: Minutes(template: template.id))
  }

  @Test func promptsMessagesAndTypedAnswersAreInEnglish() throws {
    var assistant = try Self.assistant()
    #expect(assistant.prompt == "Called to order> ")
    #expect(assistant.question == "Time?")
    #expect(assistant.handle("").messages
      == ["‘Called to order’ is required and cannot be left blank. Type an answer, or use :goto ADDRESS to fill it in later."])
    #expect(assistant.handle("7 pm 2").messages == ["‘7 pm 2’ is not a valid time. Type it as 19:02 or 7:02 pm."])
    assistant.answer(["7:02 p.m.", "Ann Lee", "Ann, Bob,Cy", "", "", "To adopt the budget", "Bob", "adopted"])
    #expect(assistant.minutes["called"] == "19:02")
    #expect(assistant.minutes.texts("present") == ["Ann", "Bob", "Cy"])
    #expect(assistant.prompt == "Motion 1 Ayes> ")
    #expect(assistant.handle("-1").messages == ["‘-1’ is not a count. Type 0 or a positive whole number."])
    assistant.answer(["3", "0"])
    #expect(assistant.minutes["motions.1.ayes"] == .number(3))
    #expect(assistant.minutes["motions.1.noes"] == .number(0))
    #expect(assistant.handle(":undo").messages == ["Undone: answer 1.noes."])
    #expect(assistant.handle(":nope").messages == ["There is no command :nope. Type :help to see all commands."])
    #expect(assistant.handle(":help").messages.first
      == "Answer each question and press Enter; press Enter alone to skip an optional one. Commands start with a colon:")
  }
}
