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

  /// A session named `name` in `store`, driven by `assistant`.
  public init(assistant: Assistant, store: SessionStore, name: String) {
    self.assistant = assistant
    self.store = store
    self.name = name
  }

  /// The session file's content now.
  public var file: SessionFile { SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint) }

  /// Runs the loop until the input ends or the clerk quits.
  public mutating func run(reader: some LineReader, output: inout some TextOutputStream) {
    let path = store.file(for: name).path
    output.write("起草「\(name)」（\(assistant.template.name)）。每次修改都自動保存到 \(path)。輸入 :help 查看命令。\n")
    if assistant.cursor == nil { output.write(Assistant.finishedNotice + "\n") }
    while true {
      if let question = assistant.question { output.write(question + "\n") }
      let current = assistant
      let result = reader.readLine(prompt: assistant.prompt, prefill: assistant.prefill) { prefix in
        current.completions(for: prefix)
      }
      switch result {
      case .endOfInput:
        save(&output)
        output.write("已保存。繼續起草：minutes resume \(name)\n")
        return
      case .interrupted:
        assistant.cancelPendingEdit()
        output.write("（已放棄這一行）\n")
      case .line(let line):
        let response = assistant.handle(line)
        for message in response.messages { output.write(message + "\n") }
        if response.changed { save(&output) }
        switch response.action {
        case nil: break
        case .save:
          save(&output)
          output.write("已保存到 \(path)。\n")
        case .export(let file):
          export(to: file, &output)
        case .quit:
          save(&output)
          output.write("已保存。繼續起草：minutes resume \(name)\n")
          return
        }
      }
    }
  }

  private func save(_ output: inout some TextOutputStream) {
    do {
      try store.save(file, name: name)
    } catch {
      output.write(((error as? LocalizedError)?.errorDescription ?? "\(error)") + "\n")
    }
  }

  private func export(to file: String?, _ output: inout some TextOutputStream) {
    do {
      let text = try ExportFormat.text.exporter.export(assistant.minutes, template: assistant.template)
      let missing = assistant.interview.missing(in: assistant.minutes)
      if let file {
        let url = URL(fileURLWithPath: file, relativeTo: store.workspace)
        try TextExporter.write(text, to: url)
        output.write("已匯出到 \(url.path)。\n")
      } else {
        output.write(text)
      }
      if !missing.isEmpty {
        output.write("注意：還有 \(missing.count) 項必填部分未填寫，輸入 :check 查看。\n")
      }
    } catch {
      output.write(((error as? LocalizedError)?.errorDescription ?? "\(error)") + "\n")
    }
  }
}
