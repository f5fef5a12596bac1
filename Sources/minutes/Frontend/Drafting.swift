import ArgumentParser
import EditLine
import Foundation
import LineEditing
import MinutesKit

/// Runs a drafting session at the terminal (libedit) or from a pipe (plain reading), with the signals handled.
enum Drafting {
  /// Runs the drafting loop with libedit at a terminal, or plain reading from a pipe, holding `lock` until it ends.
  /// Exits with status 1 when the session ended with the draft unsaved (after writing a rescue copy).
  /// From a pipe, a refused line ends the session (saved) with status 1, unless `keepGoing`.
  static func run(
    _ assistant: Assistant, store: SessionStore, name: String, lock: SessionLock, isResumed: Bool = false, keepGoing: Bool = false
  ) throws {
    Terminal.leaveCleanlyOnHangupOrTerminate()
    signal(SIGPIPE, SIG_IGN)  // a closed output (e.g. `| head`) must not kill the session before it releases its lock
    defer { lock.release() }
    var assistant = assistant
    // The office's roster completes names too; one that does not read is said, and drafting goes on without it.
    do {
      let roster = try Roster.load(inWorkspaceAt: store.workspacePath)
      if !roster.people.isEmpty { assistant.peopleSources.append(roster) }
    } catch {
      Diagnostics(messages: assistant.template.messages).warning(error.message(assistant.template.messages))
    }
    var session = DraftingSession(assistant: assistant, store: store, name: name) { lock.loss }
    session.isResumed = isResumed
    let presentation = TerminalOutput.current
    session.present = { text, role in presentation.present(text, role) }
    session.asksListsBriefly = presentation.wraps
    session.stopsAtRefusedLine = !keepGoing
    var output = TerminalOutput.Stream(presentation: presentation)
    let saved: Bool
    if Terminal.isInteractive {
      let reader = EditLineReader(historyFile: store.directory.appendingPathComponent(".history"))
      saved = session.run(reader: reader, output: &output)
    } else {
      // The prompt and the line read are echoed as a transcript; the line with its control characters written out
      // (`\u{1B}`), so that an escape code in a pipe cannot clear or colour the terminal showing the output.
      let reader = PlainLineReader { text in
        let line = text.hasSuffix("\n") ? String(text.dropLast()) : text
        StandardStreams.output.write(presentation.echo(Messages.visible(line) + (text.hasSuffix("\n") ? "\n" : "")))
      }
      saved = session.run(reader: reader, output: &output)
    }
    if !saved || session.stoppedAtLine != nil { throw Diagnostics.failure }
    // Saved, the reader ended (the terminal restored) and the lock released: the process ends here rather than
    // tearing down the draft's tree value by value (5% of a resume of 1,000 items), which gains nothing.
    lock.release()
    exit(0)
  }
}
