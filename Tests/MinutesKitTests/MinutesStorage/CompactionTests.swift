import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// A session is compacted (a new snapshot, its last good copy, its cache, a new journal) only when something
/// changed: resumed and closed with no edit, its files are left as they were.
@Suite struct CompactionTests {
  static func files(in folder: URL) throws -> [String: TestSupport.FileStamp] { try TestSupport.fileStamps(in: folder) }

  static func same(_ a: [String: TestSupport.FileStamp], _ b: [String: TestSupport.FileStamp]) -> Bool { TestSupport.same(a, b) }

  /// Resumes the session `name` and runs `lines` in a drafting loop; returns the loop's output.
  static func resume(_ name: String, in store: SessionStore, template: Template, lines: [String]) throws -> String {
    let loaded = try store.loadState(name: name)
    var state = loaded.state(interview: Interview(template: template))
    state.minutes = try template.conform(state.minutes)
    var session = DraftingSession(assistant: Assistant(template: template, state: state, savedIndex: loaded.annex),
                                  store: store, name: name)
    session.isResumed = true
    var output = ""
    #expect(session.run(reader: ScriptedLineReader(lines), output: &output))
    return output
  }

  static func session() throws -> (SessionStore, Template, URL) {
    let folder = try TestSupport.temporaryWorkspace("compaction")
    let store = SessionStore(workspace: folder)
    let template = try TestSupport.template()
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    for line in ["2022-05-20", "下午", ":undo", "上午"] { _ = assistant.handle(line) }
    try store.save(SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint), name: "s")
    try store.compact(assistant.state, name: "s")
    return (store, template, folder)
  }

  @Test func resumeThenQuitWithoutAnEditWritesNothing() throws {
    let (store, template, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try store.loadState(name: "s").isCompact)
    // The session was written without the draft's index: the first resume keeps it in the cache, and writes
    // nothing else.
    #expect(try store.loadState(name: "s").annex.isEmpty)
    let cache = ".s.cache"
    let first = try Self.files(in: store.directory)
    Thread.sleep(forTimeInterval: 0.01)  // a write would show in the modification time
    _ = try Self.resume("s", in: store, template: template, lines: [":quit"])
    let before = try Self.files(in: store.directory)
    #expect(Self.same(first.filter { $0.key != cache }, before.filter { $0.key != cache }))
    #expect(first[cache]?.0 != before[cache]?.0)
    #expect(try !store.loadState(name: "s").annex.isEmpty)
    #expect(try store.load(name: "s").minutes == first["s.yaml"].map { try SessionFile.parse(String(decoding: $0.0, as: UTF8.self), file: "s.yaml").minutes })
    // Then resume and :quit without an edit write nothing at all.
    Thread.sleep(forTimeInterval: 0.01)
    let output = try Self.resume("s", in: store, template: template, lines: [":show 1", ":quit"])
    #expect(output.contains("已保存。繼續起草"))
    #expect(Self.same(before, try Self.files(in: store.directory)), "resume and :quit without an edit wrote to the session's files")
    // The end of the input without an edit writes nothing either.
    _ = try Self.resume("s", in: store, template: template, lines: [])
    #expect(Self.same(before, try Self.files(in: store.directory)))
  }

  /// An export takes the draft's error count from the index kept in the cache (no walk of the draft) only when
  /// that index was made for this very draft: it says a draft with errors has them, a finished draft has none, and
  /// an edit left in the journal since (the index not given back) makes the export look for the errors again.
  @Test func anExportTrustsTheKeptIndexOnlyForItsOwnDraft() throws {
    let folder = try TestSupport.temporaryWorkspace("export-index")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = SessionStore(workspace: folder)
    let workspace = Workspace(url: folder)
    // The template as the workspace loads it: an index is kept for one text of one template.
    let template = try workspace.templates.template(id: TestSupport.templateID)
    // Unfinished: its required parts missing are errors once the interview is left.
    var unfinished = Assistant(template: template, minutes: Minutes(template: template.id))
    _ = unfinished.handle("2022-05-20")
    try store.save(SessionFile(minutes: unfinished.minutes, resumeAt: unfinished.resumePoint), name: "u")
    _ = try Self.resume("u", in: store, template: template, lines: [":quit"])
    let opened = try workspace.openSession("u")
    let annex = try #require(opened.session?.annex)
    #expect(DraftIndex(template: opened.template, minutes: opened.minutes, saved: annex).isRestored)
    #expect(!opened.isErrorFreeByIndex)
    #expect(throws: WorkspaceError.self) { try workspace.export(opened, allowErrors: false) }
    // Finished (the seed): the kept index counts no error, and the export is the one made by looking.
    let seed = try TestSupport.seedAssistant()
    try store.save(SessionFile(minutes: seed.minutes, resumeAt: seed.resumePoint), name: "f")
    _ = try Self.resume("f", in: store, template: template, lines: [":quit"])
    let finished = try workspace.openSession("f")
    #expect(finished.isErrorFreeByIndex)
    #expect(Validator(template: template).errors(in: finished.minutes).isEmpty)
    #expect(try workspace.export(finished, allowErrors: false).text == TextExporter().export(finished.minutes, template: template))
    // An edit in the journal since (the first agenda item deleted): the index is not given back, and the errors
    // are looked for.
    var edited = Assistant(template: template, state: try store.loadState(name: "f").state(interview: Interview(template: template)))
    let effect = try #require(edited.handle(":delete 1").effect)
    try store.append(effect, name: "f")
    let reopened = try workspace.openSession("f")
    #expect(!reopened.isErrorFreeByIndex)
    #expect(try workspace.export(reopened, allowErrors: true).errors == Validator(template: template).errors(in: reopened.minutes))
  }

  @Test func anEditOrAMoveIsCompactedOnQuitAndUndoReachesBack() throws {
    let (store, template, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let generation = SessionStore.generation(of: store.file(for: "s"))
    _ = try Self.resume("s", in: store, template: template, lines: [":goto date", ":quit"])
    #expect(SessionStore.generation(of: store.file(for: "s")) == generation + 1)
    _ = try Self.resume("s", in: store, template: template, lines: [":edit date 2022-05-21", ":quit"])
    #expect(SessionStore.generation(of: store.file(for: "s")) == generation + 2)
    #expect(try store.load(name: "s").minutes.content["meeting"]?.record?["date"] == .text("2022-05-21"))
    let loaded = try store.loadState(name: "s")
    #expect(loaded.isCompact)
    #expect(loaded.undoStack.map(\.label).suffix(1) == ["修改 date"])
  }

  @Test func aJournalWithEditsOrADamagedCacheIsCompactedOnOpen() throws {
    let (store, template, folder) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Edits left in the journal (a sitting that ended with a kill) are folded into a new snapshot on open.
    var assistant = Assistant(template: template, state: try store.loadState(name: "s").state(interview: Interview(template: template)))
    let effect = try #require(assistant.handle(":edit date 2022-06-01").effect)
    try store.append(effect, name: "s")
    #expect(try !store.loadState(name: "s").isCompact)
    let generation = SessionStore.generation(of: store.file(for: "s"))
    _ = try Self.resume("s", in: store, template: template, lines: [])
    #expect(SessionStore.generation(of: store.file(for: "s")) == generation + 1)
    // A damaged cache is rebuilt.
    let cache = store.cache(for: "s")
    var bytes = try Data(contentsOf: cache)
    bytes[bytes.count - 3] ^= 0x20
    try bytes.write(to: cache)
    #expect(try !store.loadState(name: "s").isCompact)
    _ = try Self.resume("s", in: store, template: template, lines: [":quit"])
    #expect(try store.loadState(name: "s").isCompact)
    #expect(SessionStore.generation(of: store.file(for: "s")) == generation + 2)
  }
}
