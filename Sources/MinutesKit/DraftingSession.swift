import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview
import MinutesValidation
import MinutesExport
import MinutesStorage
import LineEditing

/// The read–answer–save loop of one drafting session, over any ``LineReader`` and output stream.
///
/// Every change is written to the session file before the next prompt appears. A failing line prints its message
/// and the loop goes on; only the end of input or `:quit` ends it, after saving.
public struct DraftingSession: Sendable {
  /// The assistant holding the draft.
  public private(set) var assistant: Assistant
  /// Where the session is saved.
  public let store: SessionStore
  /// The session's name.
  public let name: String
  /// Whether the session was resumed: it then opens with what is done and what is missing.
  public var isResumed = false
  /// Who took the session over, when this process no longer holds its lock; `nil` while it does.
  private let takenOverBy: @Sendable () -> String?
  /// Set when a journal write failed: the next save writes a whole snapshot instead, so nothing is skipped.
  private var needsCompaction = false

  /// A session named `name` in `store`, driven by `assistant`. `takenOverBy` is asked before every write.
  public init(
    assistant: Assistant, store: SessionStore, name: String, takenOverBy: @escaping @Sendable () -> String? = { nil }
  ) {
    self.assistant = assistant
    self.store = store
    self.name = name
    self.takenOverBy = takenOverBy
  }


  private var m: Messages { assistant.template.messages }

  /// Runs the loop until the input ends or the clerk quits; returns whether everything is saved. `:quit` does not
  /// leave while the draft cannot be saved (a full disk): it says so, and the clerk frees space and quits again.
  /// When the input ends with the draft unsaved, a rescue copy is written to the temporary folder, and its path
  /// said.
  @discardableResult
  public mutating func run(reader: some LineReader, output: inout some TextOutputStream) -> Bool {
    let path = store.file(for: name).path
    output.write(m("起草「\(name)」（\(assistant.template.name)）。每次修改都自動保存到 \(path)。輸入 :help 查看命令。",
                   "Drafting ‘\(name)’ (\(assistant.template.name)). Every change is saved to \(path). Type :help for the commands.") + "\n")
    // A resumed session starts a new snapshot generation with its undo history; a new one was just written whole.
    if isResumed {
      guard compact(&output, keepingChanges: false) else { return false }
      output.write(summary() + "\n")
    }
    if assistant.cursor == nil { output.write(assistant.finishedNotice + "\n") }
    while true {
      if let question = assistant.question { output.write(question + "\n") }
      // The completion closure gets its own copy of the assistant, released before the line is handled, so that
      // the edit finds the draft unshared and changes it in place.
      let result: LineReadResult = {
        let current = assistant
        return reader.readLine(prompt: current.prompt, prefill: current.prefill) { current.completions(for: $0) }
      }()
      switch result {
      case .endOfInput:
        guard compact(&output) else { return false }
        guard !needsCompaction else { return rescue(&output) }
        output.write(m("已保存。繼續起草：", "Saved. To go on: ") + "minutes resume \(name)\n")
        return true
      case .interrupted:
        assistant.cancelPendingEdit()
        output.write(m("（已放棄這一行）", "(line dropped)") + "\n")
      case .line(let line):
        let response = assistant.handle(line)
        for message in response.messages { output.write(message + "\n") }
        if let record = response.record, !save(record, &output) { return false }
        switch response.action {
        case nil: break
        case .save:
          guard compact(&output) else { return false }
          if !needsCompaction { output.write(m("已保存到 \(path)。", "Saved to \(path).") + "\n") }
        case .export(let file):
          export(to: file, &output)
        case .quit:
          guard compact(&output) else { return false }
          if needsCompaction {
            output.write(m("草稿未能保存，所以沒有離開。請釋放磁碟空間或修正權限，再輸入 :quit；要放棄並另存一份，請按 Ctrl-D。",
                           "The draft could not be saved, so minutes has not quit. Free some disk space or fix the permissions and :quit again; Ctrl-D leaves with a rescue copy.") + "\n")
            continue
          }
          output.write(m("已保存。繼續起草：", "Saved. To go on: ") + "minutes resume \(name)\n")
          return true
        }
      }
    }
  }

  /// Writes the draft, which could not be saved in the workspace, to the temporary folder (usually another disk),
  /// and says where; returns false: the session itself is not saved.
  private func rescue(_ output: inout some TextOutputStream) -> Bool {
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-rescue-\(name)-\(stamp).yaml")
    // A generation after the snapshot's, so that the copy, put back, is read as a newer snapshot.
    let generation = SessionStore.generation(of: store.file(for: name)) + 1
    let file = SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint, generation: generation)
    if let yaml = try? file.yaml(), (try? Data(yaml.utf8).write(to: url)) != nil {
      output.write(m("草稿未能保存到工作區；已另存為 \(url.path)。釋放空間後，把它複製為 \(store.file(for: name).path) 再 minutes resume \(name)。",
                     "The draft could not be saved in the workspace; a rescue copy is at \(url.path). Once there is space, copy it to \(store.file(for: name).path) and run minutes resume \(name).") + "\n")
    } else {
      output.write(m("草稿未能保存，另存也失敗了：最後的修改已遺失。", "The draft could not be saved, nor a rescue copy written: the last changes are lost.") + "\n")
    }
    return false
  }

  /// What is done and what is missing, e.g. `已完成 12/14 項必填部分；尚缺：議題3 指示1 要點1、出席1。`
  public func summary() -> String {
    let interview = assistant.interview
    let progress = interview.progress(in: assistant.minutes)
    let missing = interview.missing(in: assistant.minutes)
    let template = assistant.template
    var text = m("已完成 \(progress.done)/\(progress.total) 項必填部分", "\(progress.done) of \(progress.total) required parts done")
    if let (path, list) = template.root.numberedList {
      let count = assistant.minutes.entries(of: Address(steps: path.map(Address.Step.key))).count
      text += m("，共 \(count) 個\(list.label)", ", \(count) \(list.label.lowercased())\(count == 1 ? "" : "s")")
    }
    if missing.isEmpty { return text + m.stop }
    let labels = missing.prefix(5).map { interview.label(of: $0, in: assistant.minutes) }
    text += m("；尚缺：", "; missing: ") + m.list(labels)
      + (missing.count > 5 ? m("等 \(missing.count) 項", " and more (\(missing.count) in all)") : "") + m.stop
    return text
  }

  /// Writes the draft as a new snapshot with its undo history (when the session opens and closes); false when
  /// the session was taken over (nothing is written then, and the loop must end).
  @discardableResult
  public mutating func compact(_ output: inout some TextOutputStream, keepingChanges: Bool = true) -> Bool {
    guard checkOwnership(&output) else { return false }
    do {
      if let kept = try store.compact(assistant.state, name: name, keepingChanges: keepingChanges) {
        output.write(m("注意：\(store.file(for: name).lastPathComponent) 在起草期間被別的程式或手動改過；那一版另存為 \(kept.path)。",
                       "Note: \(store.file(for: name).lastPathComponent) was changed outside minutes while it was open; that version is kept as \(kept.path).") + "\n")
      }
      if needsCompaction { output.write(m("已保存：之前未能保存的修改也已寫入。", "Saved: the changes that could not be saved before are written now.") + "\n") }
      needsCompaction = false
    } catch {
      needsCompaction = true
      output.write(((error as? LocalizedError)?.errorDescription ?? "\(error)") + "\n")
    }
    return true
  }

  /// Saves one action: a journal line, or a whole snapshot while an earlier write is still owed. False when the
  /// session was taken over.
  private mutating func save(_ record: JournalRecord, _ output: inout some TextOutputStream) -> Bool {
    if needsCompaction { return compact(&output) }
    guard checkOwnership(&output) else { return false }
    do {
      try store.append(record, name: name)
    } catch {
      needsCompaction = true
      output.write(((error as? LocalizedError)?.errorDescription ?? "\(error)") + "\n")
      output.write(m("這一修改仍在草稿中，下次修改或 :save 時會再嘗試保存。", "The change is still in the draft; saving is tried again at the next change or :save.") + "\n")
    }
    return true
  }

  /// False, after telling the clerk, when another `minutes` has taken the session over.
  private func checkOwnership(_ output: inout some TextOutputStream) -> Bool {
    guard let other = takenOverBy() else { return true }
    output.write(m("這個會話已被另一個 minutes 接管（\(other)），這裏的最後一個修改沒有保存。請在那裏繼續。",
                   "Another minutes took this session over (\(other)); the last change here was not saved. Go on there.") + "\n")
    return false
  }

  private func export(to file: String?, _ output: inout some TextOutputStream) {
    do {
      let exported = try Workspace.export(
        assistant.minutes, template: assistant.template, allowErrors: true,
        to: file.map { URL(fileURLWithPath: $0, relativeTo: store.workspace) }, sessions: store.directory)
      if let url = exported.file {
        output.write(m("已匯出到 \(url.path)。", "Exported to \(url.path).") + "\n")
      } else {
        output.write(exported.text)
      }
      if !exported.errors.isEmpty {
        output.write(m("注意：還有 \(exported.errors.count) 個錯誤，匯出稿標為草稿（DRAFT）；輸入 :check 查看。",
                       "Note: \(exported.errors.count) error(s) remain, so the export is marked DRAFT; type :check to see them.") + "\n")
      }
    } catch {
      output.write(error.message(m) + "\n")
    }
  }
}
