import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// The journal: edits as invertible changes, replay, undo across resume, torn and damaged journals.
@Suite struct JournalTests {
  /// The header and the empty history a journal starts with, written by hand, are the bytes the encoder writes.
  @Test func aPlainRecordIsWrittenAsTheEncoderWritesIt() throws {
    for generation in [0, 1, 2, 9, 10, 12_345, Int.max, -1, Int.min] {
      let record = JournalRecord.header(generation: generation)
      #expect(Journal.plainJSON(of: record) == String(decoding: try Journal.encoder.encode(record), as: UTF8.self))
    }
    let empty = JournalRecord.history(undo: [], redo: [])
    #expect(Journal.plainJSON(of: empty) == String(decoding: try Journal.encoder.encode(empty), as: UTF8.self))
    for record in [JournalRecord.undo, .redo, .cursor(nil), .cursor("1.2")] { #expect(Journal.plainJSON(of: record) == nil) }
  }

  @Test func everySeedEditsChangesReproduceTheEditorsResultAndUndoAllTheWayBack() throws {
    var assistant = try TestSupport.freshAssistant()
    var states: [Minutes] = [assistant.minutes]
    for line in try TestSupport.seedSessionLines() {
      let response = assistant.handle(line)
      if case .performed? = response.effect { states.append(assistant.minutes) }
    }
    let final = assistant.minutes
    #expect(try TextExporter().export(final, template: assistant.template) == TestSupport.seedText("expected.txt"))
    var state = assistant.state
    var undone = 0
    while let _ = try state.undo() {
      undone += 1
    }
    #expect(state.minutes == Minutes(template: TestSupport.templateID))
    #expect(state.cursor == Address(stored: "meeting.date"))
    #expect(undone == state.redoStack.count)
    while let _ = try state.redo() {}
    #expect(state.minutes == final)
  }

  @Test func changesRoundTripThroughJSONAndInvert() throws {
    let changes: [Change] = [
      .field(address: "meeting.date", old: nil, new: "2022-05-20"),
      .field(address: "meeting.term", old: nil, new: 10),
      .field(address: "otherMatters", old: nil, new: true),
      .insert(container: "items", index: 1, entry: ["kind": "審議", "subject": "辦法"]),
      .insert(container: "items.1.directives", index: 1, entry: ["verb": "要求", "points": ["要一"]]),
      .insert(container: "items.1.directives.1.points", index: 2, entry: "要二"),
      .move(container: "items.1.directives.1.points", from: 2, to: 1),
      .field(address: "items.1.subject", old: "辦法", new: "新辦法"),
      .insert(container: "attendance.present", index: 1, entry: ["title": "副區長", "names": ["甲", "乙"]]),
      .insert(container: "attendance.absent", index: 1, entry: ["title": "副區長", "name": "丙", "reason": "出差"]),
      .remove(container: "attendance.present", index: 1, entry: ["names": ["甲", "乙"], "title": "副區長"]),
    ]
    var minutes = Minutes(template: "t")
    for change in changes { try minutes.apply(change) }
    #expect(minutes.texts("items.1.directives.1.points") == ["要二", "要一"])
    #expect(minutes.text("items.1.subject") == "新辦法")
    #expect(minutes["meeting.term"] == .number(10))
    #expect(minutes["attendance.present"] == nil, "a list left empty is removed")
    #expect(minutes["attendance.absent.1.reason"] == "出差")
    let transaction = Transaction(changes: changes, cursorBefore: Address(stored: "meeting.date"), cursorAfter: nil, label: "x")
    let text = try Journal.text([.perform(transaction)])
    #expect(!text.dropLast().contains("\n"), "one record, one line")
    #expect(text.contains(#"{"field":{"address":"meeting.date","new":"2022-05-20"}}"#))
    #expect(text.contains(#"{"field":{"address":"meeting.term","new":10}}"#))
    #expect(text.contains(#"{"move":{"container":"items.1.directives.1.points","from":2,"to":1}}"#))
    #expect(text.contains(#""cursorBefore":"meeting.date""#))
    #expect(Journal.parse(text).records == [.perform(transaction)])
    #expect(Journal.parse(text).badLine == nil)
    for change in changes.reversed() { try minutes.apply(change.inverse) }
    #expect(minutes == Minutes(template: "t"))
    #expect(minutes.content.isEmpty)
    #expect(throws: ChangeMismatch.self) { try minutes.apply(.field(address: "items.3.subject", old: nil, new: "x")) }
    #expect(throws: ChangeMismatch.self) { try minutes.apply(.insert(container: "items", index: 2, entry: "x")) }
    #expect(throws: ChangeMismatch.self) { try minutes.apply(.field(address: "items.+", old: nil, new: "x")) }
    // A step made from another value (the field was edited by hand since) does not apply.
    minutes.setValue("手改", at: TestSupport.at("meeting.body"))
    #expect(throws: ChangeMismatch.self) { try minutes.apply(.field(address: "meeting.body", old: nil, new: "區政府")) }
    #expect(minutes.text("meeting.body") == "手改")
    // Nor does the removal of an entry that is not the one removed.
    try minutes.apply(.insert(container: "items", index: 1, entry: ["kind": "傳達", "subject": "甲"]))
    #expect(throws: ChangeMismatch.self) { try minutes.apply(.remove(container: "items", index: 1, entry: ["kind": "傳達", "subject": "乙"])) }
    #expect(minutes.column("items", "subject") == ["甲"])
  }

  private func withStore(_ body: (SessionStore) throws -> Void) throws {
    let folder = try TestSupport.temporaryWorkspace("journal")
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(SessionStore(workspace: folder))
  }

  /// A session with three answers journaled after its first snapshot.
  private func journaledSession(_ store: SessionStore) throws -> Assistant {
    var assistant = try TestSupport.freshAssistant()
    try store.create(SessionFile(minutes: assistant.minutes), name: "s")
    for line in ["2022-05-20", "下午", "政府代區長"] {
      let response = assistant.handle(line)
      try store.append(try #require(response.effect), name: "s")
    }
    return assistant
  }

  @Test func undoReachesAcrossResumeAndCompaction() throws {
    try withStore { store in
      let assistant = try journaledSession(store)
      let loaded = try store.loadState(name: "s")
      #expect(loaded.problems.isEmpty)
      #expect(loaded.file.minutes == assistant.minutes)
      #expect(loaded.file.resumeAt == .at(TestSupport.at("meeting.chair.name")))
      try store.compact(loaded.state(interview: assistant.interview), name: "s")
      var resumed = Assistant(template: assistant.template, state: try store.loadState(name: "s").state(interview: assistant.interview))
      #expect(resumed.handle(":undo").messages == ["已撤銷：回答 chair.title。"])
      #expect(resumed.minutes["meeting.chair.title"] == nil)
      #expect(resumed.minutes["meeting.chair"] == nil, "a group left empty is removed")
      #expect(resumed.cursor == TestSupport.at("meeting.chair.title"))
      #expect(resumed.handle(":redo").messages == ["已重做：回答 chair.title。"])
      #expect(resumed.minutes.text("meeting.chair.title") == "政府代區長")
    }
  }

  @Test func aTornLastLineAndADamagedOneAreReportedNotAppliedAndKept() throws {
    try withStore { store in
      let assistant = try journaledSession(store)
      let journal = store.journal(for: "s")
      let handle = try FileHandle(forWritingTo: journal)
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(#"{"perform":{"chan"#.utf8))
      try handle.close()
      let torn = try store.loadState(name: "s")
      #expect(torn.problems == [.tornLine(journal: journal.path, line: 6)], "an edit torn by a crash is not applied, and said")
      #expect(torn.file.minutes == assistant.minutes)

      var text = try String(contentsOf: journal, encoding: .utf8)
      var lines = text.split(separator: "\n").map(String.init)
      lines.insert("garbage", at: 3)  // header, history, date, then garbage
      text = lines.joined(separator: "\n") + "\n"
      try text.write(to: journal, atomically: true, encoding: .utf8)
      let damaged = try store.loadState(name: "s")
      #expect(damaged.problems.map(\.errorDescription) == [
        "\(journal.path):4: damaged line; the edits before it were restored, it and the ones after it were not (the journal is kept aside)"
      ])
      #expect(damaged.file.minutes.text("meeting.date") == "2022-05-20")
      #expect(damaged.file.minutes["meeting.period"] == nil)
      try store.compact(damaged.state(interview: assistant.interview), name: "s")
      let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.hasPrefix("s.journal.damaged-") }
      #expect(kept.count == 1)
    }
  }

  /// The journal's steps hold typed values (`term` 10, `otherMatters` false); a snapshot read from its YAML holds
  /// text until it is conformed. An edit of a number or a flag must replay whether the snapshot comes from its
  /// JSON cache or from the YAML (the cache is gone when the folder was copied without hidden files, or the
  /// snapshot was touched by hand).
  @Test(arguments: [false, true])
  func editsOfNumbersAndFlagsReplayOnASnapshotReadFromItsYAML(withoutCache: Bool) throws {
    try withStore { store in
      var assistant = try TestSupport.freshAssistant()
      try store.create(SessionFile(minutes: assistant.minutes), name: "s")
      assistant.answer(AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", "", "否"])
      try store.compact(assistant.state, name: "s")
      for line in [":edit term 12", ":edit other 是"] {
        let response = assistant.handle(line)
        #expect(!response.isError)
        try store.append(try #require(response.effect), name: "s")
      }
      if withoutCache { try FileManager.default.removeItem(at: store.cache(for: "s")) }
      let loaded = try store.loadState(name: "s")
      let conformed = try assistant.template.conform(loaded.file.minutes)
      if withoutCache {
        #expect(loaded.problems.isEmpty)
        #expect(conformed == assistant.minutes)
      } else {
        #expect(loaded.problems.isEmpty)
        #expect(conformed == assistant.minutes)
        #expect(conformed["meeting.term"] == .number(12))
        #expect(conformed["otherMatters"] == .flag(true))
      }
    }
  }

  @Test func aCompactionCutShortStillLoadsEveryEdit() throws {
    try withStore { store in
      let assistant = try journaledSession(store)
      // Crash after the next journal was written but before the snapshot was renamed: the old pair stays valid.
      let next = store.directory.appendingPathComponent(".s.journal.next")
      try #"{"header":{"generation":99}}"#.write(to: next, atomically: true, encoding: .utf8)
      #expect(try store.loadState(name: "s").file.minutes == assistant.minutes)
      // Crash after the snapshot was renamed but before the journal was: the next journal matches the snapshot.
      try store.compact(try store.loadState(name: "s").state(interview: assistant.interview), name: "s")
      let generation = SessionStore.generation(of: store.file(for: "s"))
      try FileManager.default.moveItem(at: store.journal(for: "s"), to: next)
      try Journal.text([.header(generation: generation - 1)]).write(to: store.journal(for: "s"), atomically: true, encoding: .utf8)
      let loaded = try store.loadState(name: "s")
      #expect(loaded.file.minutes == assistant.minutes)
      #expect(loaded.undoStack.count == 3, "the undo history comes from the journal that matches the snapshot")
    }
  }
}
