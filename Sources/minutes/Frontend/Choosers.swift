import ArgumentParser
import EditLine
import Foundation
import MinutesKit

/// The questions asked before a session is open: which template to draft with (`minutes new`) and which
/// session to resume (`minutes resume`). No session or template is concerned yet, so both speak the language of
/// the environment's locale (LC_ALL, LC_MESSAGES, LANG; see ``Messages/init(environment:)``).
enum Choosers {
  /// Asks which of the most recent sessions to resume (a number or a name), on standard input. A number not
  /// listed or a name that is no session is said and the question asked again, as a blank answer is; no answer
  /// (end of input) stops.
  static func chooseSession(from summaries: [SessionSummary], _ diagnostics: Diagnostics) throws -> String {
    let m = diagnostics.messages
    guard !summaries.isEmpty else { throw diagnostics.fail(m.noSessionsInWorkspace) }
    let recent = Array(summaries.prefix(9))
    for (index, summary) in recent.enumerated() {
      StandardStreams.output.write(
        "\(index + 1)) \(summary.name)  \(summary.meetingDate.map { PartialDate.typed($0, language: m.language) } ?? "-")  \(m.completeness(summary))  \(summary.lastChange)\n")
    }
    while true {
      StandardStreams.output.write(m.whichSession(count: recent.count))
      let answer: String
      switch StandardStreams.readLineUnbuffered() {
      case .line(let line): answer = line.trimmingCharacters(in: .whitespaces)
      case .lines(let lines): answer = lines[0].trimmingCharacters(in: .whitespaces)
      case .undecodable(let line):
        StandardStreams.output.write("\n" + m.notUTF8(line) + "\n")
        continue
      case .interrupted: continue
      case .endOfInput: throw diagnostics.fail(m.noSessionChosen)
      }
      if summaries.contains(where: { $0.name == answer }) { return answer }
      let digits = answer.halfWidthForms
      if let number = Int(digits), recent.indices.contains(number - 1) { return recent[number - 1].name }
      StandardStreams.output.write(m.notASessionListed(answer, count: recent.count) + "\n")
    }
  }

  /// Asks which template to draft with: a number or an id, with Tab completion of ids at a terminal. A wrong
  /// answer is said and the question asked again; no answer (end of input) stops.
  static func chooseTemplate(from all: [TemplateLibrary.Entry], _ diagnostics: Diagnostics) throws -> String {
    let m = diagnostics.messages
    let entries = all.filter { $0.problem == nil }
    guard !entries.isEmpty else { throw diagnostics.fail(m.noTemplates) }
    let width = entries.map { Normalizer.displayWidth($0.id) }.max() ?? 0
    for (index, entry) in entries.enumerated() {
      let number = "\(index + 1))".padding(toLength: entries.count >= 10 ? 4 : 3, withPad: " ", startingAt: 0)
      let id = entry.id + String(repeating: " ", count: width - Normalizer.displayWidth(entry.id) + 2)
      StandardStreams.output.write("\(number)\(id)\(entry.name ?? "")\(entry.source == .workspace ? m.workspaceMark : "")\n")
    }
    let prompt = m.whichTemplate(count: entries.count)
    let reader: EditLineReader? = Terminal.isInteractive ? EditLineReader(historyFile: nil) : nil
    while true {
      let read: LineReadResult
      if let reader {
        read = reader.readLine(prompt: prompt, prefill: nil, completions: { typed in entries.map(\.id).filter { $0.hasPrefix(typed) } })
      } else {
        StandardStreams.output.write(prompt)
        read = StandardStreams.readLineUnbuffered()
        if case .line(let line) = read { StandardStreams.output.write(Messages.visible(line) + "\n") }
        if case .undecodable = read { StandardStreams.output.write("\n") }
      }
      let answer: String
      switch read {
      case .line(let line): answer = line
      case .undecodable(let line):
        StandardStreams.output.write(m.notUTF8(line) + "\n")
        continue
      case .interrupted: continue
      case .lines(let lines):
        // A paste of several lines: only the first can name a template.
        answer = lines[0]
      case .endOfInput: throw diagnostics.fail(m.noTemplateChosen)
      }
      let text = answer.trimmingCharacters(in: .whitespaces)
      let digits = text.halfWidthForms
      if let number = Int(digits), entries.indices.contains(number - 1) { return entries[number - 1].id }
      if entries.contains(where: { $0.id == text }) { return text }
      let close = entries.map(\.id).filter { $0.hasPrefix(text) }
      StandardStreams.output.write(
        (text.isEmpty ? m.typeATemplate(count: entries.count) : m.noSuchTemplate(text, close: close, count: entries.count)) + "\n")
    }
  }
}
