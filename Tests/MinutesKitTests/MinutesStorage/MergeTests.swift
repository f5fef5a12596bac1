import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// Git's conflict markers are found wherever they are; two clerks' drafts merge part by part.
@Suite struct MergeTests {
  @Test func conflictMarkersAreFoundWithBothSidesAndTheirLines() {
    let text = "format: 1\nmeeting:\n<<<<<<< yours\n  title: A\n  date: '2024-05-14'\n||||||| base\n  title: O\n=======\n  title: B\n>>>>>>> pulled\nitems: []\n"
    let conflicts = MergeConflict.find(in: text)
    #expect(conflicts.count == 1)
    #expect(conflicts.first?.line == 3)
    #expect(conflicts.first?.first == .init(label: "yours", lines: 4...5, text: ["  title: A", "  date: '2024-05-14'"]))
    #expect(conflicts.first?.second == .init(label: "pulled", lines: 9...9, text: ["  title: B"]))
    // A conflict left open to the end still counts; text that only looks like a marker does not.
    #expect(MergeConflict.find(in: "a\n<<<<<<< HEAD\nb\n").count == 1)
    #expect(MergeConflict.find(in: "note: '<<<<<<<<'\n  <<<<<<< x\n").isEmpty)
    #expect(MergeConflict.find(in: "a\r\n<<<<<<< HEAD\r\nb\r\n=======\r\nc\r\n>>>>>>> x\r\n").first?.second.text == ["c"])
  }

  /// The markers are looked for as bytes before the lines are read: on 5,000 texts drawn (seeded) from markers,
  /// their look-alikes (a marker after CJK text or a combining mark, eight marks), CR LF and other lines, what is
  /// found is what reading every line finds.
  @Test func markersFoundAsBytesAreTheMarkersOfTheLines() {
    let pieces = ["<<<<<<< ours", "=======", ">>>>>>> theirs", "||||||| base", "<<<<<<<", "========", "會議<<<<<<<", "e\u{301}=======",
                  "=======\u{301}", "  title: A", "items: []", "點", "", "\r"]
    var generator = SplitMix64(seed: 5)
    var (conflicted, stray) = (0, 0)
    for _ in 0..<5_000 {
      let lines = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
      let text = lines.joined(separator: Bool.random(using: &generator) ? "\n" : "\r\n")
      // Every line read, as the markers are once the text holds one.
      let read = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      let startsConflict = read.contains { $0 == "<<<<<<<" || $0.hasPrefix("<<<<<<< ") }
      #expect(!MergeConflict.find(in: text).isEmpty == startsConflict, "\(text.debugDescription)")
      let isMarker = { (line: Substring) in
        line == "=======" || ["<", "|", ">"].contains { mark in
          let marker = String(repeating: mark, count: 7)
          return line == marker || line.hasPrefix(marker + " ")
        }
      }
      if !startsConflict {
        #expect(MergeConflict.strayMarkers(in: text) == read.indices.filter { isMarker(read[$0]) }.map { $0 + 1 }, "\(text.debugDescription)")
      }
      if startsConflict { conflicted += 1 } else if read.contains(where: isMarker) { stray += 1 }
    }
    #expect(conflicted > 500 && stray > 500)
  }

  @Test func aSessionFileWithConflictMarkersIsNeitherReadNorWritten() throws {
    let folder = try TestSupport.temporaryWorkspace("conflict")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = SessionStore(workspace: folder)
    try store.create(SessionFile(minutes: Minutes(template: TestSupport.templateID, content: ["meeting": ["body": "區政府"]])), name: "c")
    let text = try String(contentsOf: store.file(for: "c"), encoding: .utf8)
      .replacingOccurrences(of: "  body: 區政府\n", with: "<<<<<<< yours\n  body: 區政府\n=======\n  body: 市政府\n>>>>>>> pulled\n")
    try text.write(to: store.file(for: "c"), atomically: true, encoding: .utf8)
    #expect {
      try store.loadState(name: "c")
    } throws: { error in
      guard case SessionError.conflicted(_, let conflicts) = error else { return false }
      return conflicts.map(\.first.text) == [["  body: 區政府"]] && conflicts.map(\.second.text) == [["  body: 市政府"]]
    }
    #expect(throws: SessionError.self) { try Workspace(url: folder).openSession("c", recover: false) }
    #expect(try String(contentsOf: store.file(for: "c"), encoding: .utf8) == text)
    let message = SessionError.conflicted(file: "x.yaml", conflicts: MergeConflict.find(in: text)).message(Messages(language: "en"))
    #expect(message.contains("x.yaml:4: error: 1 unresolved git merge conflict"), "\(message)")
    #expect(message.contains("<<<<<<< yours, line 5\n      body: 區政府\n  >>>>>>> pulled, line 7\n      body: 市政府"), "\(message)")
  }

  /// A journal that holds no edit (what a session closed cleanly leaves) for another generation of the snapshot
  /// (as after a git pull) is no problem; one with edits is.
  @Test func aJournalWithoutEditsForAnotherSnapshotIsNoProblem() throws {
    let folder = try TestSupport.temporaryWorkspace("foreign")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = SessionStore(workspace: folder)
    let minutes = Minutes(template: TestSupport.templateID, content: ["meeting": ["body": "區政府"]])
    try store.create(SessionFile(minutes: minutes), name: "c")
    var pulled = try store.load(name: "c")
    pulled.generation += 5
    try pulled.yaml().write(to: store.file(for: "c"), atomically: true, encoding: .utf8)
    #expect(try store.loadState(name: "c").problems.isEmpty)
    let edit = JournalRecord.perform(Transaction(
      changes: [.field(address: "meeting.body", old: .text("區政府"), new: .text("市政府"))], cursorBefore: nil, cursorAfter: nil, label: "x"))
    try store.append(edit, name: "c")
    #expect(try store.loadState(name: "c").problems == [.foreign(journal: store.journal(for: "c").path)])
  }

  @Test func draftsMergePartByPart() {
    let base: Record = ["meeting": ["title": "T", "date": "2024-05-14"], "attendees": ["A", "B"]]
    let ours: Record = ["meeting": ["title": "T2", "date": "2024-05-14"], "attendees": ["A", "B"]]
    let theirs: Record = ["meeting": ["title": "T", "date": "2024-05-15", "place": "Room 1"], "attendees": ["A", "B", "C"]]
    let merged = DraftMerge.merge(base: base, ours: ours, theirs: theirs)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.merged == ["meeting": ["title": "T2", "date": "2024-05-15", "place": "Room 1"], "attendees": ["A", "B", "C"]])
    // Entries changed on both sides in different places merge; entries both appended are all kept.
    let both = DraftMerge.merge(base: ["items": [["s": "1"], ["s": "2"]]], ours: ["items": [["s": "1*"], ["s": "2"], ["s": "3"]]],
                                theirs: ["items": [["s": "1"], ["s": "2*"], ["s": "4"], ["s": "3"]]])
    #expect(both.conflicts.isEmpty)
    #expect(both.merged == ["items": [["s": "1*"], ["s": "2*"], ["s": "3"], ["s": "4"]]])
    // A move or a deletion on one side and an edit on the other: the whole list conflicts, never an answer under
    // the wrong entry.
    let twoItems: Record = ["items": [["s": "1", "n": "a"], ["s": "2", "n": "b"]]]
    let moved = DraftMerge.merge(base: twoItems, ours: ["items": [["s": "2", "n": "b"], ["s": "1", "n": "a"]]],
                                 theirs: ["items": [["s": "1", "n": "a"], ["s": "2", "n": "B"]]])
    #expect(moved.conflicts == [Address(stored: "items")!])
    let deleted = DraftMerge.merge(base: twoItems, ours: ["items": [["s": "2", "n": "b"]]], theirs: ["items": [["s": "1", "n": "A"], ["s": "2", "n": "b"]]])
    #expect(deleted.conflicts == [Address(stored: "items")!])
    // The same change on both sides is taken once; a deletion against a change conflicts.
    #expect(DraftMerge.merge(base: ["a": "x"], ours: ["a": "y"], theirs: ["a": "y"]) == .init(merged: ["a": "y"], conflicts: []))
    #expect(DraftMerge.merge(base: ["a": "x"], ours: [:], theirs: ["a": "y"]).conflicts == [Address(stored: "a")!])
    #expect(DraftMerge.merge(base: ["a": "x"], ours: [:], theirs: ["a": "x"]) == .init(merged: [:], conflicts: []))
  }

  /// Property: over random drafts and random edits of disjoint parts by two clerks, the merge holds both edits,
  /// and is the same whichever side is "ours".
  @Test func disjointEditsAlwaysMergeToBoth() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      let keys = (0..<Int.random(in: 2...8, using: &generator)).map { "k\($0)" }
      var base = Record()
      for key in keys { base[key] = .text(String(Int.random(in: 0...9, using: &generator))) }
      let split = Int.random(in: 1..<keys.count, using: &generator)
      var ours = base, theirs = base, expected = base
      for key in keys[..<split] where Bool.random(using: &generator) { ours[key] = .text("ours"); expected[key] = .text("ours") }
      for key in keys[split...] where Bool.random(using: &generator) { theirs[key] = nil; expected[key] = nil }
      let merged = DraftMerge.merge(base: base, ours: ours, theirs: theirs)
      #expect(merged.conflicts.isEmpty)
      #expect(merged.merged == expected)
      #expect(DraftMerge.merge(base: base, ours: theirs, theirs: ours).merged == expected)
    }
  }

  @Test func conflictingLinesAreMarkedAndSharedLinesKeptOnce() {
    let ours = "a\nb\nc\nd\n", theirs = "a\nB\nc\nd\ne\n"
    #expect(Workspace.markedConflicts(ours: ours, theirs: theirs)
            == "a\n<<<<<<< ours\nb\n=======\nB\n>>>>>>> theirs\nc\nd\n<<<<<<< ours\n=======\ne\n>>>>>>> theirs\n")
    #expect(Workspace.markedConflicts(ours: ours, theirs: ours) == ours)
  }

  @Test func aDiffNamesEachAnswerAddedRemovedOrChanged() {
    let old: Record = ["meeting": ["title": "T"], "attendees": ["A", "B", "C"], "items": [["s": "1"]]]
    let new: Record = ["meeting": ["title": "T2", "date": "2024-05-15"], "attendees": ["A", "X", "B", "C"], "items": []]
    let at = { (text: String) in Address(stored: text)! }
    #expect(DraftDiff.changes(from: old, to: new) == [
      .init(kind: .changed, address: at("meeting.title"), old: "T", new: "T2"),
      .init(kind: .added, address: at("meeting.date"), old: nil, new: "2024-05-15"),
      .init(kind: .added, address: at("attendees.2"), old: nil, new: "X"),
      .init(kind: .removed, address: at("items.1.s"), old: "1", new: nil),
    ])
    #expect(DraftDiff.changes(from: old, to: old).isEmpty)
  }
}
