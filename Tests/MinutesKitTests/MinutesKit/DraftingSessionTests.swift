import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// The drafting loop over a store in memory: what it asks storage to save, line by line.
struct DraftingSessionTests {
  static func run(_ lines: [String], store: InMemoryDraftStore) throws -> (saved: Bool, output: String, DraftingSession) {
    let template = try TestSupport.template()
    var session = DraftingSession(
      assistant: Assistant(template: template, minutes: Minutes(template: template.id)), store: store, name: "s")
    var output = ""
    let saved = session.run(reader: ScriptedLineReader(lines), output: &output)
    return (saved, output, session)
  }

  @Test func everyActionIsOneJournalLineAndSaveAndQuitWriteSnapshots() throws {
    let store = InMemoryDraftStore(name: "s")
    let (saved, output, _) = try Self.run(["2022-05-20", ":goto date", ":undo", ":redo", ":save", ":quit"], store: store)
    #expect(saved)
    let records = Journal.parse(store.allJournalLines.joined()).records
    #expect(records.count == 4)
    guard case .perform(let answer)? = records.first else {
      Issue.record("the answer was not journaled as a transaction: \(records)")
      return
    }
    #expect(answer.changes.count == 1)
    if case .field(let address, _, let new)? = answer.changes.first {
      #expect(address == "meeting.date")
      #expect(new == .text("2022-05-20"))
    } else {
      Issue.record("the answer was not one field change: \(answer.changes)")
    }
    #expect(answer.cursorBefore == TestSupport.at("meeting.date"))
    #expect(Array(records.dropFirst()) == [.cursor("meeting.date"), .undo, .redo])
    // `:save` writes the draft whole, and the journal starts again after it; `:quit` right after it has nothing
    // new to write.
    #expect(store.snapshots.count == 1)
    #expect(store.journalLines.isEmpty)
    #expect(store.snapshots.last?.minutes["meeting.date"] == .text("2022-05-20"))
    #expect(store.snapshots.last?.undoStack.count == 1)
    #expect(output.contains("已保存到 \(store.sessionFile.path)。"))
    // The workspace is not the current folder, so the hint names it.
    #expect(output.hasSuffix("已保存。繼續起草：minutes resume s --workspace \(store.workspace.path)\n"))
  }

  @Test func aFailingAppendKeepsTheChangeAndTheNextSaveCompacts() throws {
    let store = InMemoryDraftStore(name: "s")
    store.failingAppends = 1
    let (saved, output, session) = try Self.run(["2022-05-20", ":goto date", ":quit"], store: store)
    #expect(saved)
    // The answer could not be appended: it stays in the draft, and the clerk is told in the session's language.
    #expect(output.contains("無法保存 "))
    #expect(output.contains("磁碟空間不足"))
    #expect(output.contains("這一修改仍在草稿中，下次修改或 :save 時會再嘗試保存。"))
    #expect(session.assistant.minutes["meeting.date"] == .text("2022-05-20"))
    // The next action writes a whole snapshot instead of a journal line, so nothing is skipped (and `:quit`, after
    // it, has nothing new to write).
    #expect(store.allJournalLines.isEmpty)
    #expect(store.snapshots.count == 1)
    #expect(store.snapshots.first?.minutes["meeting.date"] == .text("2022-05-20"))
    #expect(store.snapshots.first?.cursor == TestSupport.at("meeting.date"))
    #expect(output.contains("已保存：之前未能保存的修改也已寫入。"))
  }

  /// After failed writes (a journal line, then a whole snapshot), a `:save` that succeeds saves everything, so
  /// `:quit` leaves.
  @Test func quitLeavesOnceASaveAfterAFailedWriteSucceeded() throws {
    for failing in [(appends: 1, compactions: 0), (appends: 1, compactions: 1), (appends: 0, compactions: 1)] {
      let store = InMemoryDraftStore(name: "s")
      store.failingAppends = failing.appends
      let lines = failing.appends > 0 ? ["2022-05-20", "下午", ":save", ":quit"] : [":save", "2022-05-20", ":save", ":quit"]
      store.failingCompactions = failing.compactions
      let (saved, output, session) = try Self.run(lines, store: store)
      #expect(saved, "\(failing): \(output)")
      #expect(!output.contains("草稿未能保存，所以沒有離開。"), "\(failing): \(output)")
      #expect(output.hasSuffix("已保存。繼續起草：minutes resume s --workspace \(store.workspace.path)\n"), "\(failing): \(output)")
      #expect(store.snapshots.last?.minutes == session.assistant.minutes)
    }
  }

  /// `:export FILE` over a file that exists asks first: anything but yes leaves the file as it was (and says how
  /// to overwrite it); yes, or `:export! FILE`, overwrites it.
  @Test func exportAsksBeforeOverwritingAFile() throws {
    let folder = try TestSupport.temporaryWorkspace("repl-export")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("紀要.txt")
    try Data("mine\n".utf8).write(to: file)
    let question = "\(file.path) 已存在。要覆蓋它嗎？（是/否）"

    let (_, refused, _) = try Self.run(["2022-05-20", ":export \(file.path)", "否", ":export \(file.path)", "", ":quit"], store: InMemoryDraftStore(name: "s"))
    #expect(refused.components(separatedBy: question).count == 3, "asked twice: \(refused)")
    #expect(refused.contains("沒有匯出，\(file.path) 保持原樣；要覆蓋它，請用 :export! \(file.path)"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")

    let (_, yes, _) = try Self.run(["2022-05-20", ":export \(file.path)", "是", ":quit"], store: InMemoryDraftStore(name: "s"))
    #expect(yes.contains(question))
    #expect(yes.contains("已匯出到 \(file.path)。"))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("DRAFT"))

    try Data("mine\n".utf8).write(to: file)
    let (_, forced, _) = try Self.run(["2022-05-20", ":export! \(file.path)", ":quit"], store: InMemoryDraftStore(name: "s"))
    #expect(!forced.contains(question))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("DRAFT"))

    // The input ending at the question is a no.
    try Data("mine\n".utf8).write(to: file)
    let (_, ended, _) = try Self.run(["2022-05-20", ":export \(file.path)"], store: InMemoryDraftStore(name: "s"))
    #expect(ended.contains(question))
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
  }

  /// `:export` takes the format from the file's extension and `--script`; a new file is written without asking.
  @Test func exportTakesTheFormatAndTheScript() throws {
    let folder = try TestSupport.temporaryWorkspace("repl-export")
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, output, _) = try Self.run(
      ["2022-05-20", ":export --script hans", ":export \(folder.path)/out.pdf", ":export \(folder.path)/out --script hans",
       ":export --script simplified", ":export \(folder.path)/notes.txt --format markdown",
       ":export \(folder.path)/plain --format markdown", ":quit"],
      store: InMemoryDraftStore(name: "s"))
    #expect(output.contains("DRAFT 草稿：尚有 "), "printed")
    #expect(output.contains("5月20日") && output.contains("主持召开〔机构〕"), "in Simplified characters, from gov-executive.zh-Hans: \(output)")
    #expect(output.contains("已轉為簡體字；ICU 每個字都能確定，沒有要核對的字。"), "the report in the session's language")
    #expect(output.contains("不知道 .pdf 檔案（\(folder.path)/out.pdf）該用哪種匯出格式；請用 --format 指定，或用 .txt 結尾的檔名。")
            || output.contains("不知道 .pdf 檔案（\(folder.path)/out.pdf）該用哪種匯出格式"))
    #expect(try String(contentsOf: folder.appendingPathComponent("out"), encoding: .utf8).contains("召开"))
    #expect(output.contains("沒有「simplified」這種字體；--script 可用 hans（簡體字）或 hant（繁體字）。"))
    // A format named against the file's extension is written as named, with the warning `minutes export` gives.
    #expect(output.contains("以 markdown 格式寫入 \(folder.path)/notes.txt，但這個副檔名通常是 text 格式。\n"), "\(output)")
    // A file with no extension says nothing of its format: no warning.
    #expect(!output.contains("plain，但"), "\(output)")
    #expect(try String(contentsOf: folder.appendingPathComponent("plain"), encoding: .utf8).contains("\n# "))
    #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8).contains("\n# "))
  }

  /// Every line a clerk can make the loop say in a zh-Hant session (help, each command, each refusal, a full
  /// disk, the checks, the end) is Chinese: no English sentence (see ``MessageLanguageTests``).
  @Test func aChineseSessionSaysEverythingInChinese() throws {
    let store = InMemoryDraftStore(name: "s")
    store.failingAppends = 1
    let lines = [
      "2022-13-40", "2022-02-30", "2022-05-20", ":goto date", "", ":help", ":help edit", ":help nosuch", ":nosuch",
      ":show", ":show 9", ":show 甲乙", ":goto 9.1", ":edit", ":edit 9 甲", ":delete 9", ":move 1 5", ":add", ":add 甲乙",
      ":undo", ":undo", ":undo", ":undo", ":redo", ":redo", ":redo", ":check", ":save", ":export",
      ":export /nonexistent-folder/x.txt", ":export sessions/x.txt", ":export x.pdf", ":export --script hans",
      ":export --script hant", ":export --script x", ":export --format x", "下午", "", "", "", "會議", "甲乙", "", ":check",
      ":quit",
    ]
    let (_, output, _) = try Self.run(lines, store: store)
    for line in output.split(separator: "\n").map(String.init) {
      #expect(MessageLanguageTests.englishWords(in: line).isEmpty, "\(line)")
    }
  }
}
