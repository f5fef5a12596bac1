import ArgumentParser
import Foundation
import MinutesKit

/// `minutes import FILE`: a published minutes text read into a new session.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Read a published minutes text (plain text or Markdown, UTF-8) into a new session.",
    discussion: """
      The template's text export is read backwards, so the session's export reproduces the text; without --template, \
      every template of the workspace and the built-ins is tried and the one that reads the text best is taken. \
      Lines that cannot be read are kept under `unparsed` in the draft and reported with their line and column; \
      `minutes check` lists them until they are placed. Exit 0 when all of the text was read, 1 when the session \
      was saved with lines kept unparsed, 2 when nothing was saved (the file could not be read or held nothing a \
      template reads, the name is taken or not a session name, the template is unknown).
      """)

  @Argument(help: "The text to read.", completion: .file()) var file: String
  @Option(help: "The template to read it with (see `minutes templates`); without it, the best fit.", completion: ShellCompletion.templateIDs)
  var template: String?
  @Option(help: "The session name (default: the file's name without its extension).") var name: String?
  @Flag(help: "Also write the house style read into a workspace variant of the template (templates/ID.yaml), shown first and written when confirmed, so that later sessions draft in it.")
  var learn = false
  @Flag(help: "With --learn, write the variant without asking.") var yes = false
  @OptionGroup var options: WorkspaceOptions

  func run() throws {
    let workspace = options.opened
    let environment = Diagnostics.environment
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: file))
    } catch {
      environment.error(environment.messages.importUnreadable(file, reason: SystemReason(error).message(environment.messages)))
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
        throw Diagnostics.unreadable
      }
    } else {
      candidates = workspace.templates.entries().compactMap { try? workspace.templates.template(id: $0.id) }
    }
    // The name is checked before the reading, which can take seconds: a name taken is said at once.
    let name = workspace.newSessionName(self.name ?? Self.defaultName(for: file))
    do {
      try SessionStore.validate(name: name)
    } catch {
      environment.error(error)
      throw Diagnostics.unreadable
    }
    if FileManager.default.fileExists(atPath: workspace.store.file(for: name).path) {
      let resume = DraftingSession.resumeCommand(name: name, workspacePath: workspace.store.workspacePath)
      environment.error(environment.messages.sessionExists(name, resume: resume))
      throw Diagnostics.unreadable
    }
    let stripped = PageChrome.strip(text)
    guard !Normalizer.isBlank(stripped.text) else {
      environment.error(environment.messages.nothingToImport(file, chromeOnly: !stripped.notes.isEmpty))
      throw Diagnostics.unreadable
    }
    // A template named reads as much as it can, however many lines it sets aside; the best of all only tries.
    let (found, (_, chrome, origins)) = Importer.readPublished(text, stripped: stripped) { body, pageWidth in
      candidates.count == 1
        ? Importer.read(body, template: candidates[0], maxUnparsed: 60, pageWidth: pageWidth) : Importer.best(body, among: candidates, pageWidth: pageWidth)
    }
    guard var reading = found, reading.linesRead > 0 else {
      // Where the template, or of those tried the one that reads furthest, stops reading the text as it is: the
      // line to look at.
      // Of a Chinese text, the Chinese templates; of another, the others (an English template reads a Chinese
      // report's title as an organization's name, and stops further than any Chinese one might).
      // What was removed as page chrome first, as after a reading: a line removed that was the report's own is
      // then seen beside where the reading stopped.
      for note in stripped.notes { StandardStreams.error.write(environment.messages.chromeNote(file, note) + "\n") }
      let isChinese = stripped.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      let sameLanguage = candidates.filter { $0.language.hasPrefix("zh") == isChinese }
      let stops = (sameLanguage.isEmpty ? candidates : sameLanguage).compactMap { candidate in
        Importer.stop(of: stripped.text, template: candidate).map { (candidate.id, $0) }
      }
      if let (id, furthest) = stops.max(by: { ($0.1.line, $0.1.column) < ($1.1.line, $1.1.column) }) {
        var stop = furthest
        stop.line = Self.given(stop.line, origins: stripped.origins)
        StandardStreams.error.write(environment.messages.stoppedAt(file, template: id, stop) + "\n")
      }
      if let id = template {
        environment.error(environment.messages.templateCannotRead(file, template: id))
      } else {
        environment.error(environment.messages.noTemplateReads(file, tried: candidates.map(\.id), setAside: Importer.bestSetsAside))
      }
      throw Diagnostics.unreadable
    }
    let messages = reading.template.messages
    for index in reading.unparsed.indices { reading.unparsed[index].line = Self.given(reading.unparsed[index].line, origins: origins) }
    for note in chrome { StandardStreams.error.write(messages.chromeNote(file, note) + "\n") }
    let diagnostics = Diagnostics(messages: messages)
    // The house style read is the document's, defaults and all.
    var minutes = reading.template.pinningHouseStyle(reading.minutes)
    if !reading.unparsed.isEmpty {
      minutes.setValue(.list(reading.unparsed.map { .text($0.text) }), at: Address(steps: [.key(Template.unparsedKey)]))
    }
    let lock = try diagnostics.run { try SessionLock(name: name, in: workspace.store) }
    // The interview is over: resuming goes to what check reports, not to the first optional question.
    try diagnostics.run { try workspace.store.create(SessionFile(minutes: minutes, resumeAt: .finished), name: name) }
    lock.release()
    for line in reading.joined {
      StandardStreams.error.write(messages.joinedLine(file, line: Self.given(line, origins: origins)) + "\n")
    }
    for line in reading.unparsed { StandardStreams.error.write(messages.unparsedLine(file, line) + "\n") }
    StandardStreams.output.write(messages.importedWith(reading.template.id, name: name, lines: reading.linesRead) + "\n")
    let chosen = reading.template.houseStyle.compactMap { choice -> String? in
      guard let value = reading.minutes.value(at: choice.address)?.text else { return nil }
      return "\(choice.part.key)=\(value)"
    }
    if !reading.template.houseStyle.isEmpty { StandardStreams.output.write(messages.importedHouseStyle(chosen) + "\n") }
    if !reading.reproduces { StandardStreams.output.write(messages.importNotExact + "\n") }
    // What the text leaves out that the template requires, said now rather than at the first export.
    let errors = Validator(template: reading.template).errors(in: minutes).count { $0.rule != "import.unparsed" }
    if errors > 0 { StandardStreams.output.write(messages.importedWithErrors(errors, session: name) + "\n") }
    if learn { try self.learn(reading.template, from: reading.minutes, in: workspace) }
    if !reading.unparsed.isEmpty {
      StandardStreams.output.write(messages.unparsedAdvice(reading.unparsed.count, session: name) + "\n")
      throw Diagnostics.failure
    }
  }

  /// Line `line` of the text without its page chrome as numbered in the file given (`origins`, from
  /// ``PageChrome/strip(_:keepingCredits:)``); as it is where the chrome left it beyond the text.
  static func given(_ line: Int, origins: [Int]) -> Int {
    line >= 1 && line - 1 < origins.count ? origins[line - 1] : line
  }

  /// The session name for `file` without `--name`: its name without the extension, every character a session
  /// name cannot have made `-` (`shiwan.page.txt` → `shiwan-page`).
  static func defaultName(for file: String) -> String {
    let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let cleaned = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    let trimmed = cleaned.drop { $0 == "-" }
    return trimmed.isEmpty ? Workspace.defaultSessionName() : String(trimmed)
  }

  /// Shows the variant `--learn` would write and writes it when the clerk says yes (or `--yes`); an existing
  /// workspace template of that id is never overwritten.
  private func learn(_ template: Template, from minutes: Minutes, in workspace: Workspace) throws {
    let messages = template.messages
    guard let variant = Importer.learnedVariant(of: template, from: minutes, source: URL(fileURLWithPath: file).lastPathComponent) else {
      StandardStreams.output.write(messages.nothingToLearn + "\n")
      return
    }
    let folder = workspace.url.appendingPathComponent("templates", isDirectory: true)
    let target = folder.appendingPathComponent("\(template.id).yaml")
    let shown = "templates/\(template.id).yaml"
    guard !FileManager.default.fileExists(atPath: target.path) else {
      StandardStreams.output.write(messages.learnExists(shown) + "\n")
      return
    }
    StandardStreams.output.write(messages.learnPreview(shown) + "\n" + variant)
    if !yes {
      StandardStreams.output.write(messages.learnQuestion + " ")
      let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
      guard (template.yesNo.yes + ["y", "yes", "是"]).map({ $0.lowercased() }).contains(answer) else {
        StandardStreams.output.write(messages.learnNotWritten + "\n")
        return
      }
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(variant.utf8).write(to: target, options: .atomic)
    StandardStreams.output.write(messages.learnWritten(shown) + "\n")
  }
}
