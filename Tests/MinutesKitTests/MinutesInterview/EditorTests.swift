import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

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

  /// A line's last part takes the rest of the line as typed: a guest's affiliation with a comma of its own keeps
  /// the space after it (it was stored `Vale,Ortiz & Kim LLP`); the pieces before it are trimmed.
  @Test(arguments: [("Jordan Vale, Vale, Ortiz & Kim LLP", "Jordan Vale", "Vale, Ortiz & Kim LLP"),
                    ("  Jordan Vale ,  Vale,Ortiz LLP  ", "Jordan Vale", "Vale,Ortiz LLP"),
                    ("Mina Cole, Cole, Hart, and Sons, Inc.", "Mina Cole", "Cole, Hart, and Sons, Inc.")])
  func aLinesLastPartKeepsItsOwnCommasAsTyped(line: String, name: String, affiliation: String) throws {
    let editor = Editor(template: try TestSupport.template(id: "board-meeting.en"))
    var minutes = Minutes(template: "board-meeting.en")
    _ = try editor.perform(.append(stored("attendance.guests"), line), on: &minutes)
    let guest = minutes.value(at: stored("attendance.guests.1"))?.record
    #expect(guest?["name"] == .text(name))
    #expect(guest?["affiliation"] == .text(affiliation))
  }

  /// A list made by its first entry goes where the template puts it, not at the end of its record, whichever way
  /// the entry comes (a line, a record started by its first part): the files are written in that order, and an
  /// index kept with the session vouches for it (`DraftIndex.isKept`). The members present were written after
  /// those absent, and the attendance after the motions.
  @Test func aNewListTakesItsPlaceInTheTemplatesOrder() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let editor = Editor(template: template)
    var minutes = Minutes(template: "board-meeting.en")
    _ = try editor.perform(.append(stored("motions"), "That the budget be adopted"), on: &minutes)
    _ = try editor.perform(.append(stored("attendance.absent"), "Bob Hale"), on: &minutes)
    _ = try editor.perform(.append(stored("attendance.present"), "Ann Lee"), on: &minutes)
    #expect(Array(minutes.content.fields.keys) == ["attendance", "motions"])
    #expect(minutes.value(at: stored("attendance"))?.record.map { Array($0.fields.keys) } == ["present", "absent"])
    #expect(template.isConformed(minutes))
  }

  /// A name's suffix after its comma (`Luis Ortega, Jr.`) stays with the name: it was taken for the attendance
  /// mode and refused.
  @Test(arguments: [("Luis Ortega, Jr.", "Luis Ortega, Jr.", nil), ("Luis Ortega, Jr., remote", "Luis Ortega, Jr.", "remote"),
                    ("Ann Lee, PhD, remote", "Ann Lee, PhD", "remote"), ("Aisha Bello, remote", "Aisha Bello", "remote")] as [(String, String, String?)])
  func aNamesSuffixStaysWithTheName(line: String, name: String, mode: String?) throws {
    let editor = Editor(template: try TestSupport.template(id: "board-meeting.en"))
    var minutes = Minutes(template: "board-meeting.en")
    _ = try editor.perform(.append(stored("attendance.present"), line), on: &minutes)
    let member = minutes.value(at: stored("attendance.present.1"))?.record
    #expect(member?["name"] == .text(name))
    #expect(member?["mode"] == mode.map(Value.text))
  }

  /// A choice typed in the other script (a Simplified input method in a Traditional office, or the reverse) is the
  /// choice, stored as the template writes it; it was refused as no choice at all.
  @Test(arguments: [("gov-executive.zh-Hant", "审议", "審議"), ("gov-executive.zh-Hant", "传达学习", "傳達學習"),
                    ("gov-executive.zh-Hant", "审议并原则通过了", "審議並原則通過"), ("gov-executive.zh-Hans", "審議", "审议"),
                    ("gov-executive.zh-Hant", "審議", "審議")])
  func aChoiceTypedInTheOtherScriptIsTheChoice(template id: String, typed: String, stored: String) throws {
    let editor = Editor(template: try TestSupport.template(id: id))
    var minutes = Minutes(template: id)
    _ = try editor.perform(.append(Address(stored: "items")!, typed), on: &minutes)
    #expect(minutes.value(at: Address(stored: "items.1.kind")!) == .text(stored))
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
    #expect(throws: AssistantError.noSuchEntry(address: "5.subject", label: "議題", n: 5, count: 1, add: "item")) { try editor.apply(.set(stored("items.5.subject"), "x"), to: &minutes) }
    #expect(throws: AssistantError.invalidDate("明天")) { try editor.apply(.set(stored("meeting.date"), "明天"), to: &minutes) }
    #expect(throws: AssistantError.invalidPosition(position: "3", count: 1)) { try editor.apply(.move(stored("items.1"), to: 3), to: &minutes) }
    #expect(throws: AssistantError.required(label: "議題1 內容")) { try editor.apply(.set(stored("items.1.subject"), " "), to: &minutes) }
    #expect(minutes == before)
  }
}
