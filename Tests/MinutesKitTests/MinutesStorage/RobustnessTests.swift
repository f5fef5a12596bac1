import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// What a hostile-but-realistic user found: a full disk, hand edits while a session is open, files built to
/// break the reader, control characters, odd numbers and dates. Nothing may crash, and nothing may be lost.
@Suite(.serialized) struct RobustnessTests {
  /// Lines fed to a session, with things done between them (a disk filling up or freed).
  final class Steps: LineReader {
    enum Step { case line(String), run(() throws -> Void) }
    var steps: [Step]
    init(_ steps: [Step]) { self.steps = steps }
    var isInteractive: Bool { false }
    func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
      while !steps.isEmpty {
        switch steps.removeFirst() {
        case .line(let line): return .line(line)
        case .run(let action): try! action()
        }
      }
      return .endOfInput
    }
  }

  static func workspace() throws -> (SessionStore, URL) {
    let folder = try TestSupport.temporaryWorkspace("robust")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sessions"), withIntermediateDirectories: true)
    return (SessionStore(workspace: folder), folder)
  }

  @Test func quitDoesNotLeaveAnUnsavedDraftAndTheEndOfInputWritesARescueCopy() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "full")
    // A folder where the snapshot's temporary file goes makes every snapshot write fail, as a full disk does.
    try FileManager.default.createDirectory(at: store.directory.appendingPathComponent(".full.yaml.tmp"), withIntermediateDirectories: true)
    var session = DraftingSession(assistant: Assistant(template: template, minutes: file.minutes), store: store, name: "full")
    var output = ""
    let saved = session.run(reader: ScriptedLineReader(["2022-05-20", ":quit"]), output: &output)
    #expect(!saved)
    #expect(output.contains("草稿未能保存，所以沒有離開。"))
    let rescue = try #require(output.split(separator: "\n").first { $0.hasPrefix("草稿未能保存到工作區；已另存為 ") })
    let path = String(rescue.dropFirst("草稿未能保存到工作區；已另存為 ".count).prefix { $0 != "。" })
    defer { try? FileManager.default.removeItem(atPath: path) }
    let copy = try SessionFile.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
    #expect(copy.minutes.content["meeting"]?.record?["date"] == .text("2022-05-20"))
    #expect(!output.contains("已保存。繼續起草"))
  }

  /// A snapshot whose generation is the largest number there is cannot be numbered after: a clear error, the file
  /// left as it is (compaction crashed on the overflow).
  @Test func aGenerationThatCannotBeIncrementedIsAnErrorNotACrash() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "g")
    let url = store.file(for: "g")
    let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "generation: 1 #", with: "generation: 9223372036854775807 #")
    try text.write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: SessionError.generationExhausted(file: url.path, generation: Int.max)) {
      try store.compact(DraftState(minutes: file.minutes, cursor: nil), name: "g", keepingChanges: true)
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
    #expect(!FileManager.default.fileExists(atPath: store.nextJournal(for: "g").path))
    // A drafting loop says so, keeps the draft, and its rescue copy is numbered without overflow.
    var session = DraftingSession(assistant: Assistant(template: template, minutes: file.minutes), store: store, name: "g")
    session.isResumed = true
    var output = ""
    #expect(!session.run(reader: ScriptedLineReader(["2022-05-20"]), output: &output))
    #expect(output.contains("已是最大的數"))
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
    let rescue = try #require(output.split(separator: "\n").first { $0.hasPrefix("草稿未能保存到工作區；已另存為 ") })
    let path = String(rescue.dropFirst("草稿未能保存到工作區；已另存為 ".count).prefix { $0 != "。" })
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try SessionFile.parse(try String(contentsOfFile: path, encoding: .utf8), file: path).generation == Int.max)
  }

  /// A full disk fails a snapshot, then its cache: the failed compaction leaves no next journal, the `:save` after
  /// it saves, `:quit` leaves, and the snapshot whose cache could not be written is not taken for one changed by
  /// hand (it was kept aside as `changed`, identical to the snapshot).
  @Test func aSaveAfterAFullDiskLeavesNoSpareFilesAndQuitLeaves() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "d")
    // A folder where a file's temporary copy goes makes its writes fail, as a full disk does.
    let snapshotBlock = store.directory.appendingPathComponent(".d.yaml.tmp")
    let cacheBlock = store.directory.appendingPathComponent("..d.cache.tmp")
    try FileManager.default.createDirectory(at: snapshotBlock, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: cacheBlock, withIntermediateDirectories: true)
    let next = store.nextJournal(for: "d")
    var sawNext = false
    var session = DraftingSession(assistant: Assistant(template: template, minutes: file.minutes), store: store, name: "d")
    var output = ""
    let saved = session.run(reader: Steps([
      .line("2022-05-20"), .line(":save"),
      .run { sawNext = FileManager.default.fileExists(atPath: next.path) },
      .run { try FileManager.default.removeItem(at: snapshotBlock) },
      .line(":save"), .line("下午"), .line(":quit"),
    ]), output: &output)
    #expect(!sawNext, "a failed compaction left \(next.lastPathComponent)")
    #expect(saved, "\(output)")
    #expect(output.contains("無法保存 "))
    #expect(output.hasSuffix("已保存。繼續起草：minutes resume d --workspace \(folder.path)\n") || output.hasSuffix("已保存。繼續起草：minutes resume d\n"), "\(output)")
    let names = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
    #expect(!names.contains { $0.contains(".changed-") }, "\(names)")
    #expect(!names.contains(next.lastPathComponent), "\(names)")
    try FileManager.default.removeItem(at: cacheBlock)
    let loaded = try store.load(name: "d")
    #expect(loaded.minutes.content["meeting"]?.record?["date"] == .text("2022-05-20"))
    #expect(loaded.minutes == session.assistant.minutes)
  }

  @Test func aSnapshotChangedByHandWhileOpenIsKeptBeforeItIsOverwritten() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "s")
    let url = store.file(for: "s")
    try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "template:", with: "# hand\ntemplate:")
      .write(to: url, atomically: true, encoding: .utf8)
    let kept = try #require(try store.compact(DraftState(minutes: file.minutes, cursor: nil), name: "s", keepingChanges: true))
    #expect(try String(contentsOf: kept, encoding: .utf8).contains("# hand\n"))
    #expect(try store.compact(DraftState(minutes: file.minutes, cursor: nil), name: "s", keepingChanges: true) == nil)
  }

  /// Resuming a snapshot changed since minutes saved it (its seal broken) writes the draft read from the changed
  /// file as the new snapshot and last good copy: the good copy it replaces, which `--recover` restores, is kept
  /// aside first, never lost.
  @Test func resumingAChangedSnapshotKeepsWhatMinutesLastSavedAside() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "g")
    try store.compact(DraftState(minutes: file.minutes, cursor: nil), name: "g", keepingChanges: false)
    let saved = try String(contentsOf: store.goodSnapshot(for: "g"), encoding: .utf8)
    let url = store.file(for: "g")
    try saved.replacingOccurrences(of: "template:", with: "meeting:\n  date: '2021-01-01'\ntemplate:").write(to: url, atomically: true, encoding: .utf8)
    let loaded = try store.loadState(name: "g")
    #expect(loaded.problems.first == .snapshotChanged(file: url.path, name: "g", good: store.goodSnapshot(for: "g").path))
    try store.compact(DraftState(minutes: loaded.file.minutes, cursor: nil), name: "g", keepingChanges: false)
    let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.hasPrefix("g.yaml.good.saved-") }
    #expect(kept.count == 1)
    #expect(try kept.first.map { try String(contentsOf: store.directory.appendingPathComponent($0), encoding: .utf8) } == saved)
    // The next compaction, of a snapshot minutes wrote, keeps nothing more aside.
    try store.compact(DraftState(minutes: loaded.file.minutes, cursor: nil), name: "g", keepingChanges: false)
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.contains(".saved-") }.count == 1)
  }

  /// A session minutes has saved keeps a last good copy: its snapshot cut short (the seal line gone) is unreadable
  /// even with no journal or cache beside it, and one whose seal comment alone was removed is a changed file,
  /// which `--recover` restores.
  @Test func aSnapshotWithoutItsSealIsCutOrChangedWhenMinutesSavedItBefore() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "c")
    try store.compact(DraftState(minutes: file.minutes, cursor: nil), name: "c", keepingChanges: false)
    for other in [store.journal(for: "c"), store.cache(for: "c")] { try FileManager.default.removeItem(at: other) }
    let url = store.file(for: "c")
    let text = try String(contentsOf: url, encoding: .utf8)
    let lines = text.split(separator: "\n")
    try (lines.dropLast().joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    #expect { try store.loadState(name: "c") } throws: { error in
      if case SessionError.unreadable = error { true } else { false }
    }
    let unsealed = text.replacingOccurrences(of: #" # checksum [0-9a-f]+"#, with: "", options: .regularExpression)
    #expect(unsealed != text)
    try unsealed.write(to: url, atomically: true, encoding: .utf8)
    #expect(try store.loadState(name: "c").problems.first == .snapshotChanged(file: url.path, name: "c", good: store.goodSnapshot(for: "c").path))
    let recovered = try store.recover(name: "c")
    #expect(recovered.problems.isEmpty)
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
  }

  /// A session whose snapshot file is gone but whose last good copy and journal are left is not taken for no
  /// session: opening it says how to recover it, making a new session of that name is refused (it wrote over the
  /// good copy and the journal, and the draft was lost), and `--recover` brings back the draft with the journal's
  /// answer. A name with nothing of a session left is made as before.
  @Test func aSessionThatLostItsSnapshotIsNotWrittenOverByANewOne() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    let file = SessionFile(minutes: Minutes(template: template.id))
    try store.create(file, name: "lost")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    try store.append(try #require(assistant.handle("2022-05-20").effect), name: "lost")
    let journal = try String(contentsOf: store.journal(for: "lost"), encoding: .utf8)
    try FileManager.default.removeItem(at: store.file(for: "lost"))
    #expect(throws: SessionError.snapshotMissing(name: "lost")) { try store.loadState(name: "lost") }
    #expect(throws: SessionError.snapshotMissing(name: "lost")) { try store.create(file, name: "lost") }
    #expect(try String(contentsOf: store.journal(for: "lost"), encoding: .utf8) == journal)
    #expect(SessionError.snapshotMissing(name: "lost").errorDescription?.contains("minutes resume lost --recover") == true)
    let recovered = try store.recover(name: "lost")
    #expect(recovered.file.minutes.value(at: try #require(Address(stored: "meeting.date"))) != nil)
    // Nothing of a session left but its journal: the name is free.
    try FileManager.default.removeItem(at: store.file(for: "lost"))
    try FileManager.default.removeItem(at: store.goodSnapshot(for: "lost"))
    try store.create(file, name: "lost")
    #expect(try store.loadState(name: "lost").file.minutes.value(at: try #require(Address(stored: "meeting.date"))) == nil)
  }

  @Test func aJournalThatNoLongerFitsIsKeptAside() throws {
    let (store, folder) = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let template = try TestSupport.template()
    try store.create(SessionFile(minutes: Minutes(template: template.id)), name: "j")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    try store.append(try #require(assistant.handle("2022-05-20").effect), name: "j")
    // The snapshot is changed by hand where the journal's edit applies, and its cache removed.
    let url = store.file(for: "j")
    try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "template: gov-executive.zh-Hant\n", with: "template: gov-executive.zh-Hant\nmeeting:\n  date: '2021-01-01'\n")
      .write(to: url, atomically: true, encoding: .utf8)
    try? FileManager.default.removeItem(at: store.cache(for: "j"))
    let loaded = try store.loadState(name: "j")
    #expect(loaded.problems.count == 2)
    #expect(loaded.problems.first == .snapshotChanged(file: url.path, name: "j", good: store.goodSnapshot(for: "j").path))
    let problem = try #require(loaded.problems.last?.errorDescription)
    #expect(problem.contains("the edit does not fit the draft"))
    let names = try FileManager.default.contentsOfDirectory(atPath: store.directory.path)
    #expect(names.contains { $0.hasPrefix("j.journal.unapplied-") }, "\(names)")
  }

  @Test func aKeyThatIsNotTextIsRefusedNotDropped() throws {
    let yaml = "template: t\n? [a]\n: b\n"
    do {
      _ = try SessionFile.parse(yaml, file: "x.yaml")
      Issue.record("a list as a key was read")
    } catch {
      #expect((error as? LocalizedError)?.errorDescription == "x.yaml:2:3: error: a key must be plain text, not a list or mapping. The file was left as it is.")
    }
  }

  @Test func aFileThatExpandsWithoutEndIsRefused() throws {
    var lines = ["template: t", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in 1..<8 { lines.append("a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 10).joined(separator: ", ") + "]") }
    let yaml = lines.joined(separator: "\n") + "\n"
    do {
      _ = try SessionFile.parse(yaml, file: "bomb.yaml")
      Issue.record("a file of 100 million values was read")
    } catch {
      #expect((error as? LocalizedError)?.errorDescription?.contains("once its YAML aliases (*name) are expanded") == true, "\(error)")
    }
  }

  @Test func aTemplateNestedTooDeepIsRefusedNotCrashed() {
    var part = "{key: leaf, question: Q?}"
    for n in 0..<40 { part = "{key: g\(n), parts: [\(part)]}" }
    let yaml = "format: 2\nid: deep\nname: D\nlanguage: en\nparts: [\(part)]\nexport: {text: x}\n"
    do {
      _ = try TemplateLibrary.parse(yaml, file: "deep.yaml")
      Issue.record("a template 40 levels deep was accepted")
    } catch {
      #expect((error as? LocalizedError)?.errorDescription?.hasSuffix("parts are nested more than 16 levels deep; minutes need far fewer") == true, "\(error)")
    }
  }

  @Test(arguments: [("Bell\u{07}Esc\u{1B}[31m紅", "BellEsc紅"), ("Nul\u{00}Byte", "NulByte"), ("名\u{202E}字", "名字"), ("a\u{85}b", "ab")])
  func controlCharactersAreRemoved(text: String, normalized: String) {
    #expect(Normalizer.normalize(text) == normalized)
  }

  @Test func aDateStartsWithItsYear() {
    #expect(MeetingDate(parsing: "-2024-01-01") == nil)
    #expect(MeetingDate(parsing: "2024-01-01") != nil)
  }

  @Test func numbersAFileMayHoldButTheInterviewRefusesAreFound() throws {
    var minutes = try TestSupport.draft(["meeting": ["term": 0, "number": -3]])
    minutes.content["items"] = nil
    let findings = Validator(template: try TestSupport.template()).findings(in: minutes).filter { $0.rule == "number.invalid" }
    #expect(findings == [
      Finding(.error, rule: "number.invalid", address: "term", message: "「0」不是正整數", hint: ":edit term"),
      Finding(.error, rule: "number.invalid", address: "number", message: "「-3」不是正整數", hint: ":edit number"),
    ])
  }

  @Test func aListAnswerThatHoldsNothingIsNoEntry() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(":add arrangements 、、")
    #expect(response.isError)
    #expect(assistant.minutes.entries(of: TestSupport.at("arrangements.topics")).isEmpty)
  }
}
