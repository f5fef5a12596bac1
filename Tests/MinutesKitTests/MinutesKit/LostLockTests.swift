import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// The drafting loop of a window whose session another `minutes` took over (`resume NAME --take-over`): the change
/// it can no longer save is said not to be saved, first and only (never "已修改"), with who holds the session now
/// or that its holder has since quit, and what to do; nothing more is written.
struct LostLockTests {
  /// Lines fed as a pipe would; the lock is lost as the line at `lostAt` is read.
  final class TakenOverReader: LineReader, @unchecked Sendable {
    private var lines: [String]
    private var read = 0
    private let lostAt: Int
    private let loss: SessionLock.Loss
    /// What the loop is told when it asks for its lock.
    private(set) var current: SessionLock.Loss?

    init(_ lines: [String], lostAt: Int, loss: SessionLock.Loss) {
      self.lines = lines
      self.lostAt = lostAt
      self.loss = loss
    }

    var isInteractive: Bool { false }

    func readLine(prompt: String, prefill: String?, completions: (String) -> [String]) -> LineReadResult {
      if read == lostAt { current = loss }
      read += 1
      return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }
  }

  static let taker = SessionLock.Holder(pid: 42, host: "h", since: "09:00")

  /// Runs `lines` in a new zh-Hant session `s` over `store` (or an English one with `template`), losing the lock as
  /// the line at `lostAt` is read.
  static func run(
    _ lines: [String], lostAt: Int, loss: SessionLock.Loss, store: InMemoryDraftStore, template: Template? = nil
  ) throws -> (saved: Bool, output: String) {
    let template = try template ?? TestSupport.template()
    let reader = TakenOverReader(lines, lostAt: lostAt, loss: loss)
    var session = DraftingSession(
      assistant: Assistant(template: template, minutes: Minutes(template: template.id)), store: store, name: "s"
    ) { reader.current }
    var output = ""
    let saved = session.run(reader: reader, output: &output)
    return (saved, output)
  }

  /// The text after the echo of the last prompt: what the loop said after the line that met the lost lock.
  static func lastSaid(_ output: String, after marker: String) -> String {
    output.components(separatedBy: marker).last ?? ""
  }

  @Test func anEditAfterATakeOverIsSaidNotSavedAndNothingElse() throws {
    let cases: [(SessionLock.Loss, String)] = [
      (.heldBy(Self.taker),
       "「修改 date」沒有保存：會話「s」已被另一個 minutes 接管（h 上的 pid 42，自 09:00 起），這個視窗不再寫入。請到那個視窗繼續，在那裏重做這一修改。\n"),
      (.holderQuit(Self.taker),
       "「修改 date」沒有保存：會話「s」曾被另一個 minutes 接管（h 上的 pid 42，自 09:00 起），那個 minutes 已經結束，這個視窗不再寫入。請執行 minutes resume s --workspace "),
      (.holderQuit(nil),
       "「修改 date」沒有保存：會話「s」曾被另一個 minutes 接管（它的鎖已不在），那個 minutes 已經結束，這個視窗不再寫入。請執行 minutes resume s --workspace "),
    ]
    for (loss, expected) in cases {
      let store = InMemoryDraftStore(name: "s")
      let (saved, output) = try Self.run(["2022-05-20", ":edit date 2022-05-21", ":quit"], lostAt: 1, loss: loss, store: store)
      #expect(!saved)
      #expect(!output.contains("已修改"), "\(output)")
      // What follows the line is the refusal alone: no acknowledgement before it, no question or prompt after it.
      let said = try #require(output.split(separator: "\n").last.map(String.init))
      #expect((said + "\n").hasPrefix(expected), "\(said)")
      if case .holderQuit = loss {
        #expect(said.hasSuffix("（那個 minutes 保存的內容都在），再重做這一修改。"))
      }
      #expect(Journal.parse(store.allJournalLines.joined()).records.count == 1, "only the answer before the take-over")
      #expect(store.snapshots.isEmpty)
    }
  }

  /// An answer to the question, `:undo`, `:redo` and a move of the interview (`:goto`) are refused the same way,
  /// each named.
  @Test func everyKindOfActionIsNamedWhenItIsNotSaved() throws {
    let cases: [(lines: [String], named: String, unsaid: String?)] = [
      (["2022-05-20"], "「回答 date」沒有保存：", nil), (["2022-05-20", ":undo"], "「:undo」沒有保存：", "已撤銷"),
      (["2022-05-20", ":undo", ":redo"], "「:redo」沒有保存：", "已重做"), (["2022-05-20", ":goto date"], "這一步沒有保存：", nil),
    ]
    for (lines, named, unsaid) in cases {
      let store = InMemoryDraftStore(name: "s")
      let (saved, output) = try Self.run(lines, lostAt: lines.count - 1, loss: .heldBy(Self.taker), store: store)
      #expect(!saved)
      let said = try #require(output.split(separator: "\n").last.map(String.init))
      #expect(said.hasPrefix(named), "\(lines): \(said)")
      if let unsaid { #expect(!output.contains(unsaid), "\(lines): \(output)") }
    }
  }

  /// `:quit` in a window whose session was taken over, with every change saved before: says so, writes nothing,
  /// and the session counts as saved.
  @Test func quitAfterATakeOverWithNothingUnsavedSaysSoAndWritesNothing() throws {
    let store = InMemoryDraftStore(name: "s")
    let (saved, output) = try Self.run(["2022-05-20", ":quit"], lostAt: 1, loss: .holderQuit(nil), store: store)
    #expect(saved)
    #expect(output.hasSuffix(
      "會話「s」曾被另一個 minutes 接管（它的鎖已不在），那個 minutes 已經結束；這裏的修改在那之前都已保存，這個視窗不再寫入。要繼續，請執行 minutes resume s --workspace \(store.workspace.path)。\n"))
    #expect(!output.contains("沒有保存"))
    #expect(!output.contains("已保存。"))
    #expect(store.snapshots.isEmpty)
  }

  /// Changes owed since a failed write are said to be still unsaved when the lock is lost before they could be.
  @Test func changesOwedSinceAFailedWriteAreSaidUnsaved() throws {
    let store = InMemoryDraftStore(name: "s")
    store.failingAppends = 1
    let (saved, output) = try Self.run(["2022-05-20", ":quit"], lostAt: 1, loss: .heldBy(Self.taker), store: store)
    #expect(!saved)
    #expect(output.hasSuffix("之前未能保存的修改仍然沒有保存：會話「s」已被另一個 minutes 接管（h 上的 pid 42，自 09:00 起），這個視窗不再寫入。請到那個視窗繼續，在那裏重做這一修改。\n"))
    #expect(store.snapshots.isEmpty)
  }

  @Test func anEnglishSessionSaysItInEnglish() throws {
    let store = InMemoryDraftStore(name: "s")
    let template = try TestSupport.template(id: "board-meeting.en")
    let (saved, output) = try Self.run([":goto date", ":goto date"], lostAt: 1, loss: .heldBy(Self.taker), store: store, template: template)
    #expect(!saved)
    #expect(output.hasSuffix(
      "This step was not saved: another minutes took session ‘s’ over (pid 42 on h, since 09:00), so this window no longer writes. Go on in that window and make the change there.\n"))
    let quit = Messages(language: "en").takenOverNothingUnsaved(session: "s", .holderQuit(nil), resume: "minutes resume s")
    #expect(quit == "Another minutes took session ‘s’ over (its lock is gone) and has since quit; every change made here before was saved, and this window no longer writes. To go on, run minutes resume s.")
  }
}
