import Foundation

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


  /// Runs the loop until the input ends or the clerk quits.
  public mutating func run(reader: some LineReader, output: inout some TextOutputStream) {
    let path = store.file(for: name).path
    output.write("起草「\(name)」（\(assistant.template.name)）。每次修改都自動保存到 \(path)。輸入 :help 查看命令。\n")
    // A resumed session starts a new snapshot generation with its undo history; a new one was just written whole.
    if isResumed {
      guard compact(&output) else { return }
      output.write(summary() + "\n")
    }
    if assistant.cursor == nil { output.write(Assistant.finishedNotice + "\n") }
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
        guard compact(&output) else { return }
        output.write("已保存。繼續起草：minutes resume \(name)\n")
        return
      case .interrupted:
        assistant.cancelPendingEdit()
        output.write("（已放棄這一行）\n")
      case .line(let line):
        let response = assistant.handle(line)
        for message in response.messages { output.write(message + "\n") }
        if let record = response.record, !save(record, &output) { return }
        switch response.action {
        case nil: break
        case .save:
          if compact(&output) { output.write("已保存到 \(path)。\n") }
        case .export(let file):
          export(to: file, &output)
        case .quit:
          guard compact(&output) else { return }
          output.write("已保存。繼續起草：minutes resume \(name)\n")
          return
        }
      }
    }
  }

  /// What is done and what is missing, e.g. `已完成 12/14 項必填部分；尚缺：議題3 指示1 要點1、出席1。`
  public func summary() -> String {
    let interview = assistant.interview
    let progress = interview.progress(in: assistant.minutes)
    let missing = interview.missing(in: assistant.minutes)
    let items = assistant.minutes.items.count
    var text = "已完成 \(progress.done)/\(progress.total) 項必填部分，共 \(items) 個議題"
    if missing.isEmpty { return text + "。" }
    let labels = missing.prefix(5).map { interview.label(of: $0, in: assistant.minutes) }
    text += "；尚缺：" + labels.joined(separator: "、") + (missing.count > 5 ? "等 \(missing.count) 項" : "") + "。"
    return text
  }

  /// Writes the draft as a new snapshot with its undo history (when the session opens and closes); false when
  /// the session was taken over (nothing is written then, and the loop must end).
  @discardableResult
  public mutating func compact(_ output: inout some TextOutputStream) -> Bool {
    guard checkOwnership(&output) else { return false }
    do {
      try store.compact(assistant.state, name: name)
      if needsCompaction { output.write("已保存：之前未能保存的修改也已寫入。\n") }
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
      output.write("這一修改仍在草稿中，下次修改或 :save 時會再嘗試保存。\n")
    }
    return true
  }

  /// False, after telling the clerk, when another `minutes` has taken the session over.
  private func checkOwnership(_ output: inout some TextOutputStream) -> Bool {
    guard let other = takenOverBy() else { return true }
    output.write("這個會話已被另一個 minutes 接管（\(other)），這裏的最後一個修改沒有保存。請在那裏繼續。\n")
    return false
  }

  private func export(to file: String?, _ output: inout some TextOutputStream) {
    do {
      let errors = Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.severity == .error }
      var text = try ExportFormat.text.exporter.export(assistant.minutes, template: assistant.template)
      if !errors.isEmpty { text = ExportFormat.draftBanner(errors: errors.count) + text }
      if let file {
        let url = URL(fileURLWithPath: file, relativeTo: store.workspace)
        try TextExporter.write(text, to: url)
        output.write("已匯出到 \(url.path)。\n")
      } else {
        output.write(text)
      }
      if !errors.isEmpty {
        output.write("注意：還有 \(errors.count) 個錯誤，匯出稿標為草稿（DRAFT）；輸入 :check 查看。\n")
      }
    } catch {
      output.write(((error as? LocalizedError)?.errorDescription ?? "\(error)") + "\n")
    }
  }
}
