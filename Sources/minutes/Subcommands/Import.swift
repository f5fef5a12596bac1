import ArgumentParser
import Foundation
import MinutesKit

/// `minutes import FILE`: a published minutes text read into a new session.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read a published minutes text (plain text or Markdown, UTF-8) into a new session.",
    discussion: """
      The template's text export is read backwards, so the session's export reproduces the text; without --template, \
      every template of the workspace and the built-ins is tried and the one that reads the text best is taken. \
      Lines that cannot be read are kept under `unparsed` in the draft and reported with their line and column; \
      `minutes check` lists them until they are placed. Exit 0 when all of the text was read, 1 when lines were \
      kept unparsed, 2 when nothing could be read.
      """)

  @Argument(help: "The text to read.", completion: .file()) var file: String
  @Option(help: "The template to read it with (see `minutes templates`); without it, the best fit.", completion: ShellCompletion.templateIDs)
  var template: String?
  @Option(help: "The session name (default: the file's name without its extension).") var name: String?
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let environment = Diagnostics.environment
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      environment.error(environment.messages.importUnreadable(file, reason: (error as NSError).localizedDescription))
      throw Diagnostics.unreadable
    }
    guard let text = String(data: data, encoding: .utf8) else {
      environment.error(environment.messages.importNotUTF8(file))
      throw Diagnostics.unreadable
    }
    let candidates: [Template]
    if let id = template {
      do {
        candidates = [try workspace.templates.template(id: id)]
      } catch {
        environment.error(error)
        throw Diagnostics.failure
      }
    } else {
      candidates = workspace.templates.entries().compactMap { try? workspace.templates.template(id: $0.id) }
    }
    guard let reading = Importer.best(text, among: candidates) else {
      environment.error(environment.messages.noTemplateReads(file, tried: candidates.map(\.id)))
      throw Diagnostics.unreadable
    }
    let messages = reading.template.messages
    let diagnostics = Diagnostics(messages: messages)
    let name = Workspace.sessionName(self.name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
    var minutes = reading.minutes
    if !reading.unparsed.isEmpty {
      minutes.setValue(.list(reading.unparsed.map { .text($0.text) }), at: Address(steps: [.key(Template.unparsedKey)]))
    }
    try diagnostics.run { try SessionStore.validate(name: name) }
    let lock = try diagnostics.run { try SessionLock(name: name, in: workspace.store) }
    try diagnostics.run { try workspace.store.create(SessionFile(minutes: minutes), name: name) }
    lock.release()
    for line in reading.unparsed { StandardStreams.error.write(messages.unparsedLine(file, line) + "\n") }
    StandardStreams.output.write(messages.importedWith(reading.template.id, name: name, lines: reading.linesRead) + "\n")
    let chosen = reading.template.houseStyle.compactMap { choice -> String? in
      guard let value = minutes.value(at: choice.address)?.text else { return nil }
      return "\(choice.part.key)=\(value)"
    }
    if !reading.template.houseStyle.isEmpty { StandardStreams.output.write(messages.importedHouseStyle(chosen) + "\n") }
    if !reading.reproduces { StandardStreams.output.write(messages.importNotExact + "\n") }
    if !reading.unparsed.isEmpty {
      StandardStreams.output.write(messages.unparsedAdvice(reading.unparsed.count, session: name) + "\n")
      throw Diagnostics.failure
    }
  }
}
