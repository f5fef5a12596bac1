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
/// and the loop goes on (a line that is not UTF-8 too: it is refused, never guessed at); only the end of input or
/// `:quit` ends it, after saving.
public struct DraftingSession: Sendable {
  /// The assistant holding the draft.
  public private(set) var assistant: Assistant
  /// Where the session is saved: ``SessionStore`` bound to the name on disk, or any other ``DraftStore``.
  public let store: any DraftStore
  /// The session's name.
  public let name: String
  /// Whether the session was resumed: it then opens with what is done and what is missing.
  public var isResumed = false
  /// What became of the session's lock, when this process no longer holds it (another `minutes` took the session
  /// over); `nil` while it does.
  private let lockLoss: @Sendable () -> SessionLock.Loss?
  /// Set when a journal write failed: the next save writes a whole snapshot instead, so nothing is skipped.
  private var needsCompaction = false
  /// How the questions, messages, listings and printed exports reach the clerk: given one (without its final
  /// newline, except an export) and its role, what to write. A terminal front end wraps, colours or pages here,
  /// and may show the text itself (through a pager) and return nothing. By default the text as it is.
  public var present: @Sendable (_ text: String, _ role: OutputRole) -> String = { text, _ in text }
  /// Whether a list's question is asked in full for its first entry only, and briefly (`出席2？（直接按 Enter
  /// 結束）`, `Present 2? (press Enter when done)`) for the entries after it while the clerk goes on down the
  /// list. Off by default, so that a transcript from a pipe keeps every question whole.
  public var asksListsBriefly = false
  /// Whether a refused line read from a pipe or a file (a reader with ``LineReader/linesRead``) ends the session
  /// (saved) rather than being asked again: each line after it was written to answer the question after it, and
  /// read on, every one would answer the wrong question. On by default; `--keep-going` turns it off.
  public var stopsAtRefusedLine = true
  /// The number of the line that was refused and ended the session (see ``stopsAtRefusedLine``), once it has;
  /// the command exits with a failure status then.
  public private(set) var stoppedAtLine: Int?
  /// Whether the session's files hold the draft as it is, with nothing in the journal but its undo history: then
  /// opening and closing it write nothing (see ``DraftState/isSnapshotCurrent``).
  private var isSnapshotCurrent: Bool
  /// Whether the draft's index was kept beside the unchanged snapshot by this loop.
  private var isIndexSaved = false

  /// A session named `name` in `store`, driven by `assistant`. `lockLoss` is asked before every write (usually
  /// ``SessionLock/loss`` of the lock this process took); while it says the lock is lost, nothing is written.
  public init(
    assistant: Assistant, store: SessionStore, name: String, lockLoss: @escaping @Sendable () -> SessionLock.Loss? = { nil }
  ) {
    self.init(assistant: assistant, store: store.session(named: name), name: name, lockLoss: lockLoss)
  }

  /// A session named `name` saved in `store` (on disk or in memory), driven by `assistant`. `lockLoss` is asked
  /// before every write; while it says the lock is lost, nothing is written.
  public init(
    assistant: Assistant, store: any DraftStore, name: String, lockLoss: @escaping @Sendable () -> SessionLock.Loss? = { nil }
  ) {
    self.assistant = assistant
    self.store = store
    self.name = name
    self.lockLoss = lockLoss
    self.isSnapshotCurrent = assistant.state.isSnapshotCurrent
  }


  private var m: Messages { assistant.template.messages }

  /// Runs the loop until the input ends or the clerk quits; returns whether everything is saved. `:quit` does not
  /// leave while the draft cannot be saved (a full disk): it says so, and the clerk frees space and quits again.
  /// When the input ends with the draft unsaved, a rescue copy is written to the temporary folder, and its path
  /// said. When another `minutes` has taken the session over, the loop ends at the next write, writing nothing:
  /// a change it could not save is not acknowledged, only said not to be saved, and why.
  @discardableResult
  public mutating func run(reader: some LineReader, output: inout some TextOutputStream) -> Bool {
    let path = store.sessionFilePath
    output.write(m.drafting(name, template: assistant.template.name, savedTo: path) + "\n")
    // A resumed session starts a new snapshot generation with its undo history (unless its files hold just that
    // already); a new one was just written whole.
    if isResumed {
      guard compact(&output, keepingChanges: false, onlyIfChanged: true) else { return !needsCompaction }
      output.write(summary() + "\n")
    }
    if assistant.cursor == nil {
      output.write(assistant.finishedNotice + "\n")
      // A finished draft that still has errors (an imported text that leaves out a required part) starts at
      // them, as `minutes check` lists them, so that the clerk sees what to fill in first.
      if assistant.openErrors > 0 {
        for line in assistant.errorReport { emit(line, .error, &output) }
      }
    }
    // The list whose question was asked last, so that its next entries are asked briefly.
    var listAsked: Address?
    while true {
      if let question = assistant.question, let cursor = assistant.cursor {
        let list = cursor.isEnd || cursor.entry != nil ? cursor.parent : nil
        if asksListsBriefly, let list, list == listAsked {
          let label = assistant.interview.label(of: cursor, in: assistant.minutes)
          // Enter is offered only where it ends the list: not while the list is short of its minimum.
          emit(assistant.interview.isNeeded(cursor, in: assistant.minutes) ? m.neededEntry(label) : m.nextEntry(label),
               .question, &output)
        } else {
          emit(question, .question, &output)
        }
        listAsked = list
      }
      let response: Assistant.Response
      // Whether the line is a command (`:edit …`): for why a refused one stops a pipe, and so that the question
      // after a command (`:show`, `:check`) is asked whole, with its hints, not briefly as the list's next entry.
      var lineIsCommand = false
      if assistant.opensEditor {
        // `:edit ADDRESS --editor`: the value in the clerk's editor instead of on the line.
        switch reader.editInEditor(assistant.prefill ?? "") {
        case .edited(let lines):
          response = assistant.takeEditorText(lines)
        case .unchanged:
          assistant.cancelPendingEdit()
          emit(m.editorUnchanged, .notice, &output)
          continue
        case .failed(let editor, let status):
          assistant.cancelPendingEdit()
          emit(m.editorFailed(editor, status: status), .error, &output)
          continue
        case .unavailable:
          assistant.cancelPendingEdit()
          emit(m.editorNeedsTerminal, .error, &output)
          continue
        }
      } else {
        // The completion closure gets its own copy of the assistant, released before the line is handled, so that
        // the edit finds the draft unshared and changes it in place.
        if !reader.isInteractive, let answer = assistant.prefill, !answer.isEmpty {
          // A pipe cannot put the answer on the line, as a terminal does: said, so that the next line is not
          // taken for a new question's and replaces it unseen.
          emit(m.currentAnswer(answer, emptyKeeps: assistant.pendingEdit == nil), .notice, &output)
        }
        let result: LineReadResult = {
          let current = assistant
          let files = store.workspace
          return reader.readLine(prompt: current.prompt, prefill: current.prefill) { current.completions(for: $0, files: files) }
        }()
        switch result {
        case .endOfInput:
          guard compact(&output, onlyIfChanged: true) else { return !needsCompaction }
          guard !needsCompaction else { return rescue(&output) }
          output.write(m.savedToGoOn(resumeCommand) + "\n")
          return true
        case .interrupted:
          assistant.cancelPendingEdit()
          emit(m.lineDropped, .warning, &output)
          continue
        case .undecodable(let line):
          // Refused like any answer that cannot be used: nothing is saved, and the same question is asked again.
          assistant.cancelPendingEdit()
          emit(m.notUTF8(line), .error, &output)
          if stopsAtRefusedLine, let number = reader.linesRead { return stop(at: number, &output) }
          continue
        case .line(let line):
          // From a pipe with --keep-going, a line that does not answer a near miss's yes-or-no question was
          // written for the next question: the name is kept as typed, and the line goes on to answer that one
          // (refused again and again, it would put every later answer on the wrong question), after the question
          // it answers, so that the transcript shows which.
          // A command typed at that question keeps the name as typed first, so that the detour loses nothing.
          let isCommand = Command.isCommand(line)
          lineIsCommand = isCommand
          let keepsName = assistant.pendingNearMiss != nil
            && (isCommand || (!stopsAtRefusedLine && reader.linesRead != nil && assistant.nearMissReply(line) == nil))
          if keepsName {
            let kept = isCommand ? assistant.keepTypedNameForCommand() : assistant.keepTypedName(line: reader.linesRead ?? 0)
            if let effect = kept.effect, !checkOwnership(&output, pending: effect) { return false }
            for (index, message) in kept.messages.enumerated() { emit(message, kept.role(ofMessage: index), &output) }
            if let effect = kept.effect, !save(effect, &output) { return false }
            if !isCommand, let question = assistant.question {
              emit(question, .question, &output)
              output.write(assistant.prompt + line + "\n")
            }
          }
          response = assistant.handle(line)
        case .lines(let lines):
          // A paste of several lines (or the editor's text for the line): one answer, or none and a word why.
          response = assistant.paste(lines)
        }
      }
      // A change this window can no longer save is not acknowledged ("已修改…"): the clerk hears only that it was
      // not saved, why, and what to do.
      if let effect = response.effect, !checkOwnership(&output, pending: effect) { return false }
      if response.role(ofMessage: 0) == .listing {
        emit(response.messages.joined(separator: "\n"), .listing, &output)
      } else {
        for (index, message) in response.messages.enumerated() { emit(message, response.role(ofMessage: index), &output) }
      }
      if let effect = response.effect, !save(effect, &output) { return false }
      if response.isError, stopsAtRefusedLine, let number = reader.linesRead {
        return stop(at: number, command: lineIsCommand, &output)
      }
      if lineIsCommand { listAsked = nil }
      switch response.action {
      case nil: break
      case .save:
        guard compact(&output) else { return !needsCompaction }
        if !needsCompaction { output.write(m.saved(to: path) + "\n") }
      case .export(let command):
        export(command, reader: reader, &output)
      case .quit:
        guard compact(&output, onlyIfChanged: true) else { return !needsCompaction }
        if needsCompaction {
          output.write(m.notQuitUnsaved + "\n")
          continue
        }
        output.write(m.savedToGoOn(resumeCommand) + "\n")
        return true
      }
    }
  }

  /// Ends the session at the refused line `number` of a pipe or file (a `command`, or an answer): says so (and how
  /// to go on), saves as `:quit` does and records ``stoppedAtLine``; returns whether everything is saved.
  private mutating func stop(at number: Int, command: Bool = false, _ output: inout some TextOutputStream) -> Bool {
    stoppedAtLine = number
    emit(m.stoppedAtRefusedLine(number, command: command, resume: resumeCommand), .error, &output)
    guard compact(&output, onlyIfChanged: true) else { return !needsCompaction }
    guard !needsCompaction else { return rescue(&output) }
    return true
  }

  /// Writes `text` as ``present`` makes it, with a newline unless it made it nothing.
  private func emit(_ text: String, _ role: OutputRole, _ output: inout some TextOutputStream) {
    let shown = present(text, role)
    if !shown.isEmpty { output.write(shown + "\n") }
  }

  /// Writes the draft, which could not be saved in the workspace, to the temporary folder (usually another disk),
  /// and says where; returns false: the session itself is not saved.
  /// The command that goes on with this session: `minutes resume NAME`, with `--workspace DIR` when the workspace
  /// is not the current folder (so that the hint works where it was given).
  var resumeCommand: String { Self.resumeCommand(name: name, workspacePath: store.workspacePath) }

  /// The command that goes on with the session `name` of the workspace at `workspacePath`: `minutes resume NAME`,
  /// with `--workspace DIR` when the workspace is not the current folder.
  public static func resumeCommand(name: String, workspacePath: String) -> String {
    let workspace = FolderPath.resolvingLinks(FolderPath.standardized(workspacePath))
    guard workspace != FolderPath.current().map(FolderPath.resolvingLinks) else { return "minutes resume \(name)" }
    let path = workspace.contains(" ") ? "'\(workspace)'" : workspace
    return "minutes resume \(name) --workspace \(path)"
  }

  private func rescue(_ output: inout some TextOutputStream) -> Bool {
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-rescue-\(name)-\(stamp).yaml")
    // A generation after the snapshot's, so that the copy, put back, is read as a newer snapshot.
    let generation = store.rescueGeneration()
    let file = SessionFile(minutes: assistant.minutes, resumeAt: assistant.resumePoint, generation: generation)
    if let yaml = try? file.yaml(), (try? Data(yaml.utf8).write(to: url)) != nil {
      output.write(m.rescued(to: url.path, sessionFile: store.sessionFile.path, resume: resumeCommand) + "\n")
    } else {
      output.write(m.rescueFailed + "\n")
    }
    return false
  }

  /// What is done and what is missing, e.g. `已完成 12/14 項必填部分；尚缺：議題3 指示1 要點1、出席1。`
  public func summary() -> String {
    let interview = assistant.interview
    let progress = assistant.progress
    let missing = assistant.missing
    let template = assistant.template
    var text = m.requiredDone(progress.done, of: progress.total)
    if let (path, list) = template.root.numberedList {
      let count = assistant.minutes.entries(of: Address(steps: path.map(Address.Step.key))).count
      text += m.entryCount(count, label: list.label)
    }
    if missing.isEmpty { return text + m.stop }
    let labels = missing.prefix(5).map { interview.label(of: $0, in: assistant.minutes) }
    text += m.missing + m.list(labels) + (missing.count > 5 ? m.andMore(missing.count) : "") + m.stop
    return text
  }

  /// Writes the draft as a new snapshot with its undo history (when the session opens and closes, and on
  /// `:save`); false when the session was taken over (nothing is written then, and the loop must end; changes owed
  /// since a failed write stay unsaved). With `onlyIfChanged`, nothing is written when the session's files already
  /// hold the draft and its undo history alone (nothing was saved to the journal since they were written, and
  /// loading found nothing to fold in): a session resumed and closed unchanged leaves its files as they were.
  @discardableResult
  public mutating func compact(
    _ output: inout some TextOutputStream, keepingChanges: Bool = true, onlyIfChanged: Bool = false
  ) -> Bool {
    guard checkOwnership(&output) else { return false }
    if onlyIfChanged, isSnapshotCurrent, !needsCompaction {
      // The files hold the draft; the index the next resume would make again from it is kept beside it, once.
      if !assistant.isIndexRestored, !isIndexSaved {
        store.replaceAnnex(assistant.savedIndex)
        isIndexSaved = true
      }
      return true
    }
    do {
      if let kept = try store.compact(assistant.state, keepingChanges: keepingChanges, annex: assistant.savedIndex) {
        output.write(m.changedOutside(store.sessionFile.lastPathComponent, keptAs: kept.path) + "\n")
      }
      if needsCompaction { output.write(m.owedChangesSaved + "\n") }
      needsCompaction = false
      isSnapshotCurrent = true
      isIndexSaved = true
    } catch {
      needsCompaction = true
      output.write(error.message(m) + "\n")
    }
    return true
  }

  /// Saves one action: a journal line, or a whole snapshot while an earlier write is still owed. False when the
  /// session was taken over.
  private mutating func save(_ effect: Assistant.Effect, _ output: inout some TextOutputStream) -> Bool {
    if needsCompaction { return compact(&output) }
    guard checkOwnership(&output, pending: effect) else { return false }
    isSnapshotCurrent = false
    do {
      try store.append(effect)
    } catch {
      needsCompaction = true
      output.write(error.message(m) + "\n")
      output.write(m.changeKeptUnsaved + "\n")
    }
    return true
  }

  /// False, after telling the clerk, when another `minutes` has taken the session over: what was not saved (the
  /// `pending` action, or changes owed since a failed write) or that nothing was lost, who holds the session now or
  /// that its holder has since quit, and what to do.
  private func checkOwnership(_ output: inout some TextOutputStream, pending: Assistant.Effect? = nil) -> Bool {
    guard let loss = lockLoss() else { return true }
    if pending != nil || needsCompaction {
      let what: Messages.Unsaved = switch pending {
      case .performed(let transaction): .action(transaction.label)
      case .undone: .action(":undo")
      case .redone: .action(":redo")
      case .moved: .step
      case nil: .owed
      }
      output.write(m.notSaved(what, session: name, loss, resume: resumeCommand) + "\n")
    } else {
      output.write(m.takenOverNothingUnsaved(session: name, loss, resume: resumeCommand) + "\n")
    }
    return false
  }

  /// Exports the draft as `command` asks (errors left mark it DRAFT); a file that exists is overwritten only
  /// when the command says so (`:export!`) or the clerk answers yes when asked. What goes wrong is said, and the
  /// loop goes on.
  private func export(_ command: ExportCommand, reader: some LineReader, _ output: inout some TextOutputStream) {
    do {
      let url = command.file.map { FilePathCompletion.url(of: $0, relativeTo: store.workspace) }
      if let url { try TextExporter.refuseSessions(url, sessions: store.directory) }
      let exportRequest = try ExportRequest(format: command.format, script: command.script, file: command.file)
      // As `minutes export -o FILE --format F` warns: a file named `.txt` holding JSON surprises whoever opens it.
      if let file = command.file, command.format != nil, let chosen = ExportFormat.named(byExtensionOf: file), chosen != exportRequest.format {
        emit(m.formatAgainstExtension(exportRequest.format.rawValue, file: file, extensionFormat: chosen.rawValue), .warning, &output)
      }
      let exported: Workspace.Exported
      do {
        exported = try export(exportRequest, to: url, replacing: command.overwrite)
      } catch ExportError.fileExists(let path) {
        guard confirmOverwrite(path, reader: reader, &output) else {
          output.write(m.notOverwritten(path) + "\n")
          return
        }
        exported = try export(exportRequest, to: url, replacing: true)
      }
      if let url = exported.file {
        output.write(m.exported(to: url.path) + "\n")
      } else if let text = exported.text {
        output.write(present(text, .export))
      } else {
        output.write(m.exportNeedsFile(exportRequest.format.rawValue) + "\n")
        return
      }
      for line in exported.conversion?.report(m) ?? [] { output.write(line + "\n") }
      if !exported.errors.isEmpty {
        output.write(m.exportedAsDraft(errors: exported.errors.count) + "\n")
      }
    } catch {
      output.write(error.message(m) + "\n")
    }
  }

  private func export(_ request: ExportRequest, to url: URL?, replacing: Bool) throws -> Workspace.Exported {
    try Workspace.export(
      assistant.minutes, template: assistant.template, request: request, allowErrors: true, to: url,
      sessions: store.directory, templates: TemplateLibrary(workspace: store.workspace), replacing: replacing)
  }

  /// Asks whether to overwrite the file at `path`; true only for one of the template's words for yes.
  private func confirmOverwrite(_ path: String, reader: some LineReader, _ output: inout some TextOutputStream) -> Bool {
    let yesNo = assistant.template.yesNo
    output.write(m.overwriteQuestion(path, yes: yesNo.yes.first ?? "yes", no: yesNo.no.first ?? "no") + "\n")
    let words = yesNo.yes + yesNo.no
    let result = reader.readLine(prompt: m.overwritePrompt, prefill: nil) { typed in words.filter { $0.hasPrefix(typed) } }
    guard case .line(let line) = result else { return false }
    let answer = line.trimmingCharacters(in: .whitespaces).lowercased()
    return yesNo.yes.contains { $0.lowercased() == answer }
  }
}
