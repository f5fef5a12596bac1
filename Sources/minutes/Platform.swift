import ArgumentParser
import Foundation
import EditLine
import LineEditing
import MinutesKit

/// Standard streams, exit codes and the choice of line reader: the program's edge.
enum Platform {
  /// Unbuffered standard output, so prompts appear before the program waits for input.
  struct StandardStream: TextOutputStream {
    let handle: FileHandle
    func write(_ string: String) { try? handle.write(contentsOf: Data(string.utf8)) }
  }

  static var standardOutput: StandardStream { StandardStream(handle: .standardOutput) }
  static var standardError: StandardStream { StandardStream(handle: .standardError) }

  /// Runs `body`; a library error is printed as `minutes: error: …` and becomes exit code 1.
  static func run<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as LocalizedError {
      standardError.write("minutes: error: \(error.errorDescription ?? "\(error)")\n")
      throw ExitCode.failure
    }
  }

  /// The text of the file at `path`, or an error that says in words why it cannot be read.
  static func readText(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw TextFileError("\(path): no such file")
    }
    guard !isDirectory.boolValue else { throw TextFileError("\(path) is a folder, not a minutes file") }
    guard let data = FileManager.default.contents(atPath: path) else { throw TextFileError("\(path) cannot be read (permissions?)") }
    guard let text = String(data: data, encoding: .utf8) else { throw TextFileError("\(path) is not UTF-8 text") }
    return text
  }

  /// Why a file given on the command line cannot be read.
  struct TextFileError: LocalizedError {
    let errorDescription: String?
    init(_ message: String) { errorDescription = message }
  }

  /// A session name as typed, in Unicode NFC, so that `é` typed either way names the same session.
  static func sessionName(_ name: String) -> String { name.precomposedStringWithCanonicalMapping }

  /// `minutes-YYYYMMDD-HHMMSS` in local time.
  static func defaultSessionName() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return "minutes-" + formatter.string(from: Date())
  }

  /// Asks which of the most recent sessions to resume (a number or a name), on standard input.
  static func chooseSession(from summaries: [SessionSummary]) throws -> String {
    guard !summaries.isEmpty else {
      standardError.write("minutes: error: no sessions in this workspace yet; start one with `minutes new`.\n")
      throw ExitCode.failure
    }
    let recent = Array(summaries.prefix(9))
    for (index, summary) in recent.enumerated() {
      standardOutput.write("\(index + 1)) \(summary.name)  \(summary.meetingDate ?? "-")  \(summary.completeness)  \(summary.lastChange)\n")
    }
    standardOutput.write("Which session? (1–\(recent.count) or a name): ")
    guard let answer = readLineUnbuffered()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else {
      standardError.write("minutes: error: no session chosen; run `minutes resume NAME`.\n")
      throw ExitCode.failure
    }
    if summaries.contains(where: { $0.name == answer }) { return answer }
    let digits = answer.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? answer
    if let number = Int(digits), recent.indices.contains(number - 1) { return recent[number - 1].name }
    return answer
  }

  /// Asks which template to draft with: a number or an id, with Tab completion of ids at a terminal. A wrong
  /// answer is said and the question asked again; no answer (end of input) stops.
  static func chooseTemplate(from all: [TemplateLibrary.Entry]) throws -> String {
    let entries = all.filter { $0.problem == nil }
    guard !entries.isEmpty else {
      standardError.write("minutes: error: no templates found; reinstall minutes or add one to templates/.\n")
      throw ExitCode.failure
    }
    let width = entries.map { Normalizer.displayWidth($0.id) }.max() ?? 0
    for (index, entry) in entries.enumerated() {
      let number = "\(index + 1))".padding(toLength: entries.count >= 10 ? 4 : 3, withPad: " ", startingAt: 0)
      let id = entry.id + String(repeating: " ", count: width - Normalizer.displayWidth(entry.id) + 2)
      standardOutput.write("\(number)\(id)\(entry.name ?? "")\(entry.source == .workspace ? "  (workspace)" : "")\n")
    }
    let prompt = "Which template? (1–\(entries.count) or an id; Tab completes): "
    let reader: EditLineReader? = Terminal.isInteractive ? EditLineReader(historyFile: nil) : nil
    while true {
      let answer: String?
      if let reader {
        switch reader.readLine(prompt: prompt, prefill: nil, completions: { typed in entries.map(\.id).filter { $0.hasPrefix(typed) } }) {
        case .line(let line): answer = line
        case .interrupted: continue
        case .endOfInput: answer = nil
        }
      } else {
        standardOutput.write(prompt)
        answer = readLineUnbuffered()
        if let answer { standardOutput.write(answer + "\n") }
      }
      guard let answer else {
        standardError.write("minutes: error: no template chosen; run `minutes new --template ID` (see `minutes templates`).\n")
        throw ExitCode.failure
      }
      let text = answer.trimmingCharacters(in: .whitespaces)
      let digits = text.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? text
      if let number = Int(digits), entries.indices.contains(number - 1) { return entries[number - 1].id }
      if entries.contains(where: { $0.id == text }) { return text }
      let close = entries.map(\.id).filter { $0.hasPrefix(text) }
      standardOutput.write(text.isEmpty ? "Type a number from 1 to \(entries.count), or a template id.\n"
        : "No template `\(text)`\(close.isEmpty ? "." : "; did you mean \(close.joined(separator: " or "))?") Type a number from 1 to \(entries.count), or an id.\n")
    }
  }

  /// One line from standard input, read byte by byte so that nothing after it is taken from the session's
  /// reader (`readLine()` would buffer the rest of a pipe).
  static func readLineUnbuffered() -> String? {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(0, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  /// Runs the drafting loop with libedit at a terminal, or plain reading from a pipe, holding `lock` until it ends.
  /// Exits with status 1 when the session ended with the draft unsaved (after writing a rescue copy).
  static func draft(_ assistant: Assistant, store: SessionStore, name: String, lock: SessionLock, isResumed: Bool = false) throws {
    Terminal.leaveCleanlyOnHangupOrTerminate()
    signal(SIGPIPE, SIG_IGN)  // a closed output (e.g. `| head`) must not kill the session before it releases its lock
    defer { lock.release() }
    var session = DraftingSession(assistant: assistant, store: store, name: name) {
      lock.isHeld ? nil : lock.holder.map { "pid \($0.pid) on \($0.host)" } ?? "no one (its lock file was removed)"
    }
    session.isResumed = isResumed
    var output = standardOutput
    let saved: Bool
    if Terminal.isInteractive {
      let reader = EditLineReader(historyFile: store.directory.appendingPathComponent(".history"))
      saved = session.run(reader: reader, output: &output)
    } else {
      let reader = PlainLineReader { text in StandardStream(handle: .standardOutput).write(text) }
      saved = session.run(reader: reader, output: &output)
    }
    if !saved { throw ExitCode.failure }
  }
}
