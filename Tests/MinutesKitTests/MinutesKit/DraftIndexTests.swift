import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// The assistant keeps the open errors, the next question, the missing parts and the progress up to date from
/// each change (``DraftIndex``) instead of walking the draft: over random drafts and random sittings (answers,
/// edits, deletions, moves, `:add`, `:goto`, undo and redo), after every line what it says must equal the full
/// recomputation by ``Interview`` and ``Validator``.
@Suite struct DraftIndexTests {
  /// The index's answers against the full walks, for the assistant's draft and cursor.
  static func expectAgrees(_ assistant: Assistant, after line: String, step: Int) -> Bool {
    let minutes = assistant.minutes
    let interview = assistant.interview
    let context = "step \(step), after `\(line)`"
    var agrees = true
    func check(_ ok: Bool, _ what: @autoclosure () -> String) {
      if !ok {
        Issue.record("\(context): \(what())")
        agrees = false
      }
    }
    let full = Validator(template: assistant.template).openErrorCount(in: minutes, cursor: assistant.cursor)
    check(assistant.openErrors == full, "open errors \(assistant.openErrors), walking the draft \(full)")
    let progress = interview.progress(in: minutes)
    check(assistant.progress == progress, "progress \(assistant.progress), walking the draft \(progress)")
    let missing = interview.missing(in: minutes)
    check(assistant.missing == missing, "missing \(assistant.missing), walking the draft \(missing)")
    let slots = interview.slots(in: minutes)
    // The next question after the cursor, a few other slots and a place that is no slot, and the open errors with
    // the cursor at a few slots.
    let some = [assistant.cursor, slots.first, slots.last, slots.randomElement(), slots.randomElement()].compactMap { $0 }
    for slot in some + [Address(stored: "nowhere.9")!] {
      let next = interview.next(after: slot, in: minutes)
      check(assistant.next(after: slot) == next, "next after \(slot): \(String(describing: assistant.next(after: slot))), walking the draft \(String(describing: next))")
    }
    for slot in slots.shuffled().prefix(3) {
      var moved = assistant
      moved.cursor = slot
      let full = Validator(template: assistant.template).openErrorCount(in: minutes, cursor: slot)
      check(moved.openErrors == full, "open errors at \(slot): \(moved.openErrors), walking the draft \(full)")
    }
    return agrees
  }

  @Test(arguments: RandomSessionTests.templates)
  func theIndexAlwaysEqualsTheFullWalk(id: String) throws {
    let template = try TestSupport.template(id: id)
    var generator = SplitMix64(seed: 0x1DE8_0001 &+ UInt64(id.utf8.count))
    var texts = NormalizerTests.randomStrings(count: 3000, seed: 0x1DE8_0002)
    for sitting in 0..<2 {
      // A random draft: a sitting from the empty draft, then more lines on it.
      var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
      for step in 0..<150 {
        let line = RandomSessionTests.line(assistant, &generator, &texts)
        _ = assistant.handle(line)
        guard Self.expectAgrees(assistant, after: line, step: sitting * 1000 + step) else { return }
      }
      // The same draft resumed (the index built whole), then undone line by line to the start and redone.
      var resumed = Assistant(template: template, state: assistant.state)
      #expect(Self.expectAgrees(resumed, after: "resume", step: sitting * 1000 + 500))
      for step in 0..<40 {
        let line = step < 25 ? ":undo" : ":redo"
        _ = resumed.handle(line)
        guard Self.expectAgrees(resumed, after: line, step: sitting * 1000 + 600 + step) else { return }
      }
    }
  }

  /// A larger draft (40 agenda items, as the benchmark's), edited at random places: deletions and moves of whole
  /// items shift the entries the index keeps.
  @Test func aLargeDraftEditedAnywhere() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    var generator = SplitMix64(seed: 0x1DE8_0003)
    let point = "要堅持問題導向（"
    let items: [Value] = (1...40).map { n in
      .record(["kind": .text("審議"), "subject": .text("第\(n)號辦法"), "status": .text("討論稿"),
               "directives": .list(["指出", "強調"].map { verb in
                 .record(["verb": .text(verb), "points": .list((1...3).map { .text(point + "\($0)") })])
               })])
    }
    let minutes = Minutes(template: template.id, content: ["items": .list(items)])
    var assistant = Assistant(template: template, minutes: try template.conform(minutes))
    #expect(Self.expectAgrees(assistant, after: "open", step: 0))
    for step in 1...60 {
      let item = Int.random(in: 1...max(1, assistant.minutes.entries(of: Address(stored: "items")!).count), using: &generator)
      let line = [
        ":delete \(item)", ":move \(item) \(Int.random(in: 1...40, using: &generator))", ":edit \(item).1.1 要抓好落實（",
        ":delete \(item).1.2", ":edit \(item).subject 新辦法", ":add item 審議", ":undo", ":redo", ":goto \(item).1.+", "要落實。",
        "", ":delete \(item).1",
      ].randomElement(using: &generator)!
      _ = assistant.handle(line)
      guard Self.expectAgrees(assistant, after: line, step: step) else { return }
    }
  }

  /// The index kept beside the snapshot (``DraftIndex/saved``) reads back as the index made from the draft, for
  /// every template over random drafts; the assistant resumed on it answers as the full walks do.
  @Test(arguments: RandomSessionTests.templates)
  func theIndexReadBackIsTheIndexMadeFromTheDraft(id: String) throws {
    let template = try TestSupport.template(id: id)
    #expect(template.sourceDigest != 0)
    var generator = SplitMix64(seed: 0x1DE8_0004 &+ UInt64(id.utf8.count))
    var texts = NormalizerTests.randomStrings(count: 2000, seed: 0x1DE8_0005)
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    for step in 0..<120 {
      _ = assistant.handle(RandomSessionTests.line(assistant, &generator, &texts))
      guard step % 20 == 19 else { continue }
      let saved = assistant.savedIndex
      #expect(!saved.isEmpty)
      let made = DraftIndex(template: template, minutes: assistant.minutes)
      let read = DraftIndex(template: template, minutes: assistant.minutes, saved: saved)
      #expect(read.isRestored)
      #expect(read.chunks == made.chunks)
      // With no cursor, its count is the export's errors (an export trusts a count of none, see
      // `Workspace.Draft.isErrorFreeByIndex`).
      #expect(read.openErrorCount(in: assistant.minutes, cursor: nil) == Validator(template: template).errors(in: assistant.minutes).count)
      let resumed = Assistant(template: template, state: assistant.state, savedIndex: saved)
      #expect(resumed.isIndexRestored)
      // An assistant whose index is about to be kept (a new session's first files) counts it kept, as one made
      // again from those bytes does, and gives the same bytes.
      var keeping = Assistant(template: template, state: assistant.state)
      #expect(!keeping.isIndexRestored)
      #expect(keeping.savedIndexToKeep() == saved && keeping.isIndexRestored && keeping.savedIndex == saved)
      guard Self.expectAgrees(resumed, after: "resume on the saved index", step: step) else { return }
    }
  }

  /// An index kept for another template, or another text of it, or by another build of minutes, is not used: the
  /// index is made from the draft. Nor are bytes cut short, or followed by more.
  @Test func anIndexOfAnotherTemplateOrCutShortIsMadeAgain() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    let minutes = try TestSupport.draft([
      "meeting": ["date": "2022-05-20", "body": "區政府"],
      "items": [["kind": "審議", "subject": "第1號辦法", "directives": [["verb": "指出", "points": ["要堅持問題導向"]]]],
                ["kind": "審議", "subject": "第2號辦法"]],
    ])
    let saved = DraftIndex(template: template, minutes: minutes).saved
    #expect(DraftIndex(template: template, minutes: minutes, saved: saved).isRestored)
    var edited = template
    edited.sourceDigest &+= 1
    #expect(!DraftIndex(template: edited, minutes: minutes, saved: saved).isRestored)
    for end in 0..<saved.count {
      #expect(DraftIndex.savedChunks(Array(saved.prefix(end)), for: template) == nil, "cut at \(end)")
    }
    #expect(DraftIndex.savedChunks(saved + [0], for: template) == nil)
    // Another program: the key's stamp of the program's file is not this one's.
    var other = saved
    other[4] ^= 1
    #expect(DraftIndex.savedChunks(other, for: template) == nil)
    // Which index vouches that its draft is conformed (opening it then skips the walk): this program's, for this
    // very template text, whatever follows the key.
    #expect(DraftIndex.isKept(saved, for: template))
    #expect(!DraftIndex.isKept(saved, for: edited))
    #expect(!DraftIndex.isKept(other, for: template))
    #expect(!DraftIndex.isKept(Array(saved.prefix(4 + 8 * 4 - 1)), for: template))
    #expect(!DraftIndex.isKept([], for: template))
  }

  /// A draft not in the template's order (an undo brings a list back at the end of its record) keeps no index
  /// with its snapshot: opening it conforms it, and an index kept would vouch that it need not be.
  @Test func aDraftOutOfTheTemplatesOrderKeepsNoIndex() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    let ordered = try TestSupport.draft([
      "meeting": ["date": "2022-05-20", "body": "區政府"],
      "items": [["kind": "審議", "subject": "第1號辦法"]],
    ])
    var unordered = ordered
    unordered.content = ["items": ordered.content["items"]!, "meeting": ordered.content["meeting"]!]
    #expect(unordered == ordered && !template.isConformed(unordered))
    let kept = Assistant(template: template, state: DraftState(minutes: ordered, cursor: nil)).savedIndex
    #expect(DraftIndex.isKept(kept, for: template))
    #expect(Assistant(template: template, state: DraftState(minutes: unordered, cursor: nil)).savedIndex.isEmpty)
  }

  /// Chunks of a number that no longer fits the list (the draft is not the one the index was kept for) are made
  /// again, and the answers still equal the full walks.
  @Test func chunksOfAnotherNumberOfEntriesAreMadeAgain() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    let one: Value = ["kind": "審議", "subject": "第1號辦法", "directives": [["verb": "指出", "points": ["要堅持問題導向"]]]]
    let small = try TestSupport.draft(["meeting": ["date": "2022-05-20"], "items": .list([one])])
    let large = try TestSupport.draft(["meeting": ["date": "2022-05-20"], "items": .list([one, ["kind": "審議"], one])])
    let saved = DraftIndex(template: template, minutes: small).saved
    let read = DraftIndex(template: template, minutes: large, saved: saved)
    #expect(read.chunks == DraftIndex(template: template, minutes: large).chunks)
    let assistant = Assistant(template: template, state: DraftState(minutes: large, cursor: nil), savedIndex: saved)
    #expect(Self.expectAgrees(assistant, after: "resume on an index of another draft", step: 0))
  }
}
