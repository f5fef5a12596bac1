import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization
import MinutesInterview
import MinutesValidation
import MinutesExport
import LineEditing

/// The drafting assistant: holds a draft and where the interview is, takes the clerk's lines (answers or
/// commands) and says what happened. It does no input or output itself: the REPL reads lines, prints the
/// ``Response`` and performs its ``Response/action``.
public struct Assistant: Sendable {
  /// What the REPL must do after a line, beyond printing the messages.
  public enum Action: Hashable, Sendable {
    /// Write the draft to its session file now (it is written after every change anyway).
    case save
    /// Export the draft as the command says: print it, or write it to the file at its path.
    case export(ExportCommand)
    /// Save and leave.
    case quit
  }

  /// What a line did to the draft or the interview: performed a transaction, undid or redid one, or moved the
  /// interview alone.
  public typealias Effect = DraftEffect

  /// The outcome of one line.
  public struct Response: Hashable, Sendable {
    /// Lines to show the clerk.
    public var messages: [String] = []
    /// Whether the draft or the interview position changed (and must be saved before the next prompt).
    public var changed = false
    /// Something the REPL must do.
    public var action: Action?
    /// Whether the line was refused (an error message is among the messages).
    public var isError = false
    /// What the line did to the draft or the interview, for the session's store to save; `nil` when nothing.
    public var effect: Effect?
    /// The role of each message, where it is not the usual one (see ``role(ofMessage:)``).
    public var roles: [OutputRole?] = []
  }

  /// The template in use.
  public let template: Template
  /// The draft, the interview position and the undo history.
  public internal(set) var state: DraftState
  /// The address being edited by `:edit ADDRESS` without a value: the next line is its new value.
  public private(set) var pendingEdit: Address?
  /// Whether the pending edit is to be made in the clerk's editor (`:edit ADDRESS --editor`): the REPL opens the
  /// value (``prefill``) there and passes what comes back to ``takeEditorText(_:)``.
  public private(set) var opensEditor = false
  /// The part or list the clerk went to with `:goto` or `:add` after the interview was over: when it is done,
  /// the interview is over again instead of asking for more of everything after it.
  private var detour: Address?
  /// An answer that named a person the roster does not have, one character off (or another spelling of) a
  /// roster name: held until the clerk says whether to take the roster's form (yes) or keep it as typed (no).
  public private(set) var pendingNearMiss: NearMissOffer?

  /// An answer held while the clerk is asked whether to take the roster's form of the names in it.
  public struct NearMissOffer: Hashable, Sendable {
    /// The slot it answers.
    public var slot: Address
    /// The answer as typed.
    public var typed: String
    /// The answer with the roster's form of each name offered.
    public var corrected: String
  }
  /// The open errors, the next question, the missing parts and the progress, kept up to date from each change
  /// (see ``DraftIndex``), so that an answer costs the same in a draft of any size.
  var index: DraftIndex

  /// Where Tab finds people's names at the prompts that take a person: the draft, and any other source (a
  /// roster) added here.
  public var peopleSources: [any PeopleSource] = [DraftPeople()]

  /// The draft.
  public var minutes: Minutes { state.minutes }
  /// The slot being asked, or `nil` when the interview is over.
  public var cursor: Address? {
    get { state.cursor }
    set { state.cursor = newValue }
  }

  /// Starts or resumes an interview on `minutes` at `resumeAt` (see ``Interview/resumePoint(for:in:)``).
  public init(template: Template, minutes: Minutes, resumeAt: ResumePoint = .firstQuestion) {
    let cursor = Interview(template: template).resumePoint(for: resumeAt, in: minutes)
    self.init(template: template, state: DraftState(minutes: minutes, cursor: cursor))
  }

  /// Resumes on a state loaded with its undo history (`SessionStore.loadState(name:)` in MinutesStorage).
  /// `savedIndex` is the index of the draft as kept beside its snapshot (``savedIndex``, given back as
  /// `LoadedSession.annex`); it is used when it is one this program made for this template, and the index is made
  /// again from the draft otherwise.
  public init(template: Template, state: DraftState, savedIndex: [UInt8] = []) {
    self.template = template
    self.state = state
    self.index = DraftIndex(template: template, minutes: state.minutes, saved: savedIndex)
    if let cursor = state.cursor {
      self.state.cursor = interview.resumePoint(for: .at(cursor), in: state.minutes)
    }
  }

  /// The draft's index in the form kept beside its snapshot (`DraftStore.compact(_:keepingChanges:annex:)`), so
  /// that the next resume need not walk and check every entry again (see `DraftIndex`); empty when this program
  /// cannot key one, or when the draft is not as `Template.conform(_:)` makes it (an undo puts a list it brings
  /// back at the end of its record): opening such a draft conforms it, which drops the index kept with it anyway.
  /// So an index kept vouches that its draft is conformed (`DraftIndex.isKept`).
  /// - Complexity: O(n) in the size of the draft (``Template/isConformed(_:)``), as writing the snapshot it is kept
  ///   with is.
  public var savedIndex: [UInt8] { template.isConformed(state.minutes) ? index.saved : [] }

  /// Whether the index was read from the `savedIndex` the assistant was made with, or given by
  /// ``savedIndexToKeep()``: then the bytes kept beside the snapshot are still this index while the draft is
  /// unchanged.
  public var isIndexRestored: Bool { index.isRestored }

  /// ``savedIndex``, for a draft about to be written with it (a new session's first files): from then on the
  /// assistant counts its index as kept (``isIndexRestored``), as one made again from those bytes would, so that the
  /// session need not make a second assistant to know it (which walked the draft again, a tenth of the time to
  /// a new session's first prompt).
  public mutating func savedIndexToKeep() -> [UInt8] {
    let saved = savedIndex
    if !saved.isEmpty { index.noteKept() }
    return saved
  }

  /// Where the interview stands, as saved in the session file.
  public var resumePoint: ResumePoint { cursor.map(ResumePoint.at) ?? .finished }

  /// The interview over the template.
  public var interview: Interview { Interview(template: template) }

  var editor: Editor { Editor(template: template) }

  /// The messages in the template's language.
  private var m: Messages { template.messages }

  // MARK: - What to show

  /// The question being asked, or `nil` when the interview is over or a value is being edited.
  public var question: String? {
    guard pendingEdit == nil, pendingNearMiss == nil, let cursor else { return nil }
    return interview.question(at: cursor, in: minutes)
  }

  /// The prompt: where the clerk is (議題2 指示1 要點3), `修改 2.1.3` while editing, or `命令` when done.
  public var prompt: String {
    if let pendingEdit { return m.editPrompt + " \(template.display(pendingEdit))> " }
    if pendingNearMiss != nil { return m.nearMissPrompt(yes: template.yesNo.yes.first ?? "yes", no: template.yesNo.no.first ?? "no") }
    let errors = openErrors
    let count = errors == 0 ? "" : m.errorCount(errors)
    guard let cursor else { return count + m.commandPrompt + "> " }
    return count + interview.label(of: cursor, in: minutes) + "> "
  }

  /// The errors ``Validator`` finds in the draft as `:check` lists them, their heading first; empty when none.
  public var errorReport: [String] {
    report(Validator(template: template).findings(in: minutes).filter { $0.severity == .error }, heading: m.errorsHeading)
  }

  /// `findings` under their heading (`heading(count)`), one indented line each; empty when there are none.
  private func report(_ findings: [Finding], heading: (Int) -> String, withSeverity: Bool = true) -> [String] {
    findings.isEmpty ? [] : [heading(findings.count)] + findings.map { "  " + $0.line(m, withSeverity: withSeverity) }
  }

  /// The number of errors in the draft a clerk should know of now: every error ``Validator`` finds, except
  /// required parts the interview has not reached yet (those are the questions still to come).
  /// - Complexity: O(1) in the size of the draft, but for a sum over the entries of the top-level lists and the
  ///   rules that relate parts to each other (see ``DraftIndex/openErrorCount(in:cursor:)``).
  ///
  /// On a detour from a finished interview (`:goto`, `:add`), the interview stops where the detour's part or
  /// list ends: a required part missing after the cursor but outside the detour is no question still to come,
  /// and is counted, as `:check` lists it.
  public var openErrors: Int {
    let count = index.openErrorCount(in: minutes, cursor: cursor)
    guard let detour, let cursor, let at = index.position(of: cursor, in: minutes) else { return count }
    return count + index.missingCount(from: at, outside: detour, in: minutes)
  }

  /// How many required parts are filled in, out of how many (as ``Interview/progress(in:)`` says).
  public var progress: (done: Int, total: Int) { index.progress }

  /// The required parts still missing, in interview order (as ``Interview/missing(in:)`` says).
  public var missing: [Address] { index.missing(in: minutes) }

  /// The first unanswered slot after `address`, or `nil` when the interview is over (as
  /// ``Interview/next(after:in:)`` says).
  public func next(after address: Address) -> Address? { index.next(after: address, in: minutes) }


  /// Text to put on the input line for the clerk to edit: the current value of the part edited or asked.
  public var prefill: String? {
    if let pendingEdit { return interview.value(at: pendingEdit, in: minutes) }
    if pendingNearMiss != nil { return nil }
    return cursor.flatMap { interview.value(at: $0, in: minutes) }
  }

  /// Completions for the text before the cursor: command names after a colon, then their addresses, or file
  /// paths after `:export` (relative to `files`, when given); otherwise the current question's choices, or the
  /// people known (``peopleSources``) where it takes a person. Each candidate is the whole replacement for `prefix`.
  public func completions(for prefix: String, files: URL? = nil) -> [String] {
    if Command.isCommand(prefix) {
      let colon = prefix.prefix(1)
      let typed = prefix.dropFirst()
      // A command name completed alone is followed by a space, ready for its argument.
      guard typed.contains(" ") else { return Command.names.filter { $0.hasPrefix(typed) }.map { colon + $0 + " " } }
      return argumentCompletions(for: prefix, files: files) ?? valueCompletions(for: prefix)
    }
    if pendingNearMiss != nil { return Self.matching(template.yesNo.yes + template.yesNo.no, prefix) }
    let slot = pendingEdit ?? cursor
    guard let slot else { return [] }
    if let part = template.part(at: slot), let line = part.lineFormat, slot.isEnd || slot.entry != nil {
      return lineCompletions(for: prefix, part: part, line: line, slot: slot)
    }
    if PeopleSlots.isPerson(slot, in: template) {
      return personCompletions(of: prefix, splitAt: template.part(at: slot)?.cleanUp.split)
    }
    return Self.matching(interview.choices(at: slot), prefix)
  }

  /// The choices that start with `typed`, in any letter case (choices are taken in any case, too).
  static func matching(_ choices: [String], _ typed: String) -> [String] {
    choices.filter { $0.hasPrefix(typed) || $0.lowercased().hasPrefix(typed.lowercased()) }
  }

  /// On a line that is split into parts (`Ann Lee, aye`), the choices of the part being typed.
  private func lineCompletions(for prefix: String, part: Part, line: Part.LineFormat, slot: Address) -> [String] {
    let pieces = line.separator == " "
      ? prefix.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      : prefix.components(separatedBy: line.separator)
    guard pieces.count <= line.parts.count, let key = line.parts.element(pieces.count), let sub = part.child(key) else { return [] }
    let typed = pieces.last?.trimmingCharacters(in: .whitespaces) ?? ""
    let start = String(prefix.dropLast(pieces.last?.count ?? 0)) + (line.separator == " " || pieces.count == 1 ? "" : " ")
    if key == PeopleSlots.personKey(inLineOf: slot, in: template) {
      return personCompletions(of: typed, splitAt: sub.cleanUp.split).map { start + $0 }
    }
    return Self.matching(sub.choiceValues, typed).map { start + $0 }
  }

  /// The people whose names start with the name being typed (after the last of `splitAt`'s marks, where one
  /// answer holds several names: `劉成剛、陳`), each as the whole of `typed` with that name completed.
  private func personCompletions(of typed: String, splitAt marks: String?) -> [String] {
    let cut = marks.flatMap { marks in typed.lastIndex { marks.contains($0) } }
    let head = cut.map { String(typed[...$0]) } ?? ""
    let rest = typed[(cut.map { typed.index(after: $0) } ?? typed.startIndex)...]
    let lead = String(rest.prefix { $0.isWhitespace })
    let named = Set(head.split { marks?.contains($0) ?? false }.map { $0.trimmingCharacters(in: .whitespaces) })
    let names = peopleNames().filter { !named.contains($0) }
    return Self.matching(names, String(rest.dropFirst(lead.count))).map { head + lead + $0 }
  }

  /// After `:edit ADDRESS ` or `:add LIST `, the choices of that part, each as the whole line so far.
  private func valueCompletions(for prefix: String) -> [String] {
    let words = prefix.dropFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    guard words.count == 3 else { return [] }
    let slot: Address?
    switch words[0] {
    case "edit", "e": slot = template.address(parsing: words[1])
    case "add", "a": slot = template.list(parsing: words[1]).map { $0.appending(.end) }
    default: slot = nil
    }
    guard let slot else { return [] }
    let start = String(prefix.dropLast(words[2].count))
    return Self.matching(interview.choices(at: slot), words[2]).map { start + $0 }
  }

  // MARK: - Taking a line

  /// Abandons an `:edit` waiting for its new value (the clerk pressed Ctrl-C).
  public mutating func cancelPendingEdit() {
    pendingEdit = nil
    pendingNearMiss = nil
    opensEditor = false
  }

  /// Takes one line typed by the clerk: a command, the new value of a pending edit, or an answer.
  ///
  /// Terminal escape sequences, control characters and invisible characters are removed first
  /// (``Normalizer/removingControls(from:)``), and the response starts with a notice saying what was removed; a
  /// line that held nothing else is refused, so that pasted control codes never answer (or skip) a question.
  public mutating func handle(_ line: String) -> Response {
    let (text, removed) = Normalizer.removingControls(from: line)
    guard !removed.isEmpty else { return handleClean(line) }
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      pendingEdit = nil
      return Response(messages: [m.onlyControls(removed)], isError: true)
    }
    var response = handleClean(text)
    response.messages.insert(m.removedFromLine(removed), at: 0)
    response.roles = [.warning] + response.roles
    return response
  }

  /// What `line` says to a near miss's question (see ``pendingNearMiss``): `true` for yes (the template's words,
  /// or y or yes in any language), `false` for no, `nil` for anything else (a command included).
  public func nearMissReply(_ line: String) -> Bool? {
    guard !Command.isCommand(line) else { return nil }
    let word = line.trimmingCharacters(in: .whitespaces).lowercased()
    if (template.yesNo.yes + ["y", "yes"]).contains(where: { $0.lowercased() == word }) { return true }
    if (template.yesNo.no + ["n", "no"]).contains(where: { $0.lowercased() == word }) { return false }
    return nil
  }

  /// Answers the near miss's question (see ``pendingNearMiss``) with "no", for a line read from a pipe with
  /// `--keep-going` that is neither yes nor no (line `number`): the name is kept as typed, as a clerk who does
  /// not answer the offer would have it, and the line is left to answer the next question. Does nothing (an
  /// empty response) when no offer is pending.
  public mutating func keepTypedName(line number: Int) -> Response {
    guard let offer = pendingNearMiss else { return Response() }
    return keepTypedName(notice: m.nearMissKeptUnanswered(offer.typed, line: number))
  }

  /// Answers the near miss's question (see ``pendingNearMiss``) with "no" before a command typed in its place,
  /// so that the detour loses nothing typed: the name is kept as typed, with the `:edit` that takes the
  /// roster's form. Does nothing (an empty response) when no offer is pending.
  public mutating func keepTypedNameForCommand() -> Response {
    guard let offer = pendingNearMiss else { return Response() }
    let entry = offer.slot.isEnd ? offer.slot.parent.appending(.index(minutes.entries(of: offer.slot.parent).count + 1)) : offer.slot
    return keepTypedName(notice: m.nearMissKeptForCommand(offer.typed, edit: ":edit \(template.display(entry)) \(offer.corrected)"))
  }

  /// The near miss's answer taken as typed, with `notice` first.
  private mutating func keepTypedName(notice: String) -> Response {
    guard let offer = pendingNearMiss else { return Response() }
    pendingNearMiss = nil
    guard cursor == offer.slot else { return Response() }
    do {
      var response = try answer(offer.typed, checkingNames: false)
      response.messages.insert(notice, at: 0)
      response.roles = [.warning] + response.roles
      return response
    } catch {
      return Response(messages: [error.message(m)], isError: true)
    }
  }

  /// After the part at `address` was changed: the labels of the values of its record that it made stop
  /// applying (a motion's vote, once its disposition is Withdrawn), said so that nothing stops printing unseen;
  /// none when there are none.
  private func noLongerApplying(after address: Address) -> [String] {
    guard case .key(let key)? = address.steps.last else { return [] }
    let holder = address.parent
    let parts = holder.steps.isEmpty ? template.parts : template.part(at: holder)?.parts ?? []
    guard let record = holder.steps.isEmpty ? minutes.content : minutes.value(at: holder)?.record else { return [] }
    let kept = parts.filter { part in
      guard record[part.key] != nil, let reason = Template.reasonNotApplying(part, among: parts, in: record) else { return false }
      return reason.key == key
    }
    guard !kept.isEmpty, let changed = parts.first(where: { $0.key == key }) else { return [] }
    return [m.noLongerPrinted(kept.map(\.label), because: changed.label)]
  }

  /// ``handle(_:)`` for a line without control characters.
  private mutating func handleClean(_ line: String) -> Response {
    opensEditor = false
    do {
      if let offer = pendingNearMiss {
        // A command leaves the answer untaken (the REPL keeps it as typed first: ``keepTypedNameForCommand()``);
        // a yes or no takes it.
        pendingNearMiss = nil
        if !Command.isCommand(line) {
          guard let yes = nearMissReply(line) else {
            pendingNearMiss = offer
            return Response(messages: [m.nearMissYesOrNo(yes: template.yesNo.yes.first ?? "yes", no: template.yesNo.no.first ?? "no")], isError: true)
          }
          guard cursor == offer.slot else { return Response() }
          var response = try answer(yes ? offer.corrected : offer.typed, checkingNames: false)
          response.messages.insert(yes ? m.nearMissTaken(offer.corrected) : m.nearMissKept(offer.typed), at: 0)
          response.roles = [.notice] + response.roles
          return response
        }
      }
      if Command.isCommand(line) {
        pendingEdit = nil
        return try run(Command.parse(line, template: template))
      }
      if let command = Command.typedAfterAnswer(in: line) {
        let answer = String(line.dropLast(command.count)).trimmingCharacters(in: .whitespaces)
        throw AssistantError.commandAfterAnswer(answer: answer, command: command)
      }
      if let address = pendingEdit {
        pendingEdit = nil
        let shown = template.display(address)
        var response = try change(.set(address, line), m.editLabel(shown), keepCursor: true, unlessNothingChanges: true)
        response.messages.append(response.changed ? m.changed(shown) : m.unchanged(shown))
        response.warn(nearMissNotices(line, at: address))
        response.warn(noLongerApplying(after: address))
        return response
      }
      return try answer(line)
    } catch {
      let message = error.message(m)
      return Response(messages: [message], isError: true)
    }
  }

  /// After an `:edit` of a part that takes a person, each name one character off a roster name (or one of its
  /// other spellings), with the `:edit` that takes the roster's form: an edit is not held up by a question, and
  /// nothing is changed but what the clerk typed.
  private func nearMissNotices(_ text: String, at address: Address) -> [String] {
    // `nameRanges` finds no name at a part that does not take a person.
    guard let roster else { return [] }
    var corrected = text
    var notices: [String] = []
    var offered = false
    for range in PeopleSlots.nameRanges(in: text, at: address, in: template).reversed() {
      guard let miss = roster.nearMiss(of: String(text[range])) else { continue }
      if let name = miss.offer {
        notices.insert(m.nearMiss(miss.typed, name: name), at: 0)
        corrected.replaceSubrange(range, with: name)
        offered = true
      } else {
        notices.insert(m.nearMissOfSeveral(miss.typed, names: miss.names), at: 0)
      }
    }
    if offered { notices.append(m.nearMissEditHint(":edit \(template.display(address)) \(corrected)")) }
    return notices
  }

  private mutating func answer(_ text: String, checkingNames: Bool = true) throws -> Response {
    let isBlank = Normalizer.isBlank(text)
    guard let slot = cursor else {
      if isBlank { return Response() }
      throw AssistantError.interviewFinished
    }
    if isBlank {
      // A blank answer skips the question, unless the part is required and not filled in yet.
      let isEmptyRequired = index.isMissing(slot, in: minutes)
      if isEmptyRequired { throw AssistantError.required(label: interview.label(of: slot, in: minutes)) }
      var messages: [String] = []
      // Leaving an attendance list whose groups the roster ranks otherwise: the house's order is suggested.
      let ranking = slot.isEnd ? rankWarning(for: slot.parent) : nil
      cursor = nextQuestion(after: slot, messages: &messages)
      var response = Response(messages: cursor == nil ? [finishedNotice] : messages, changed: true, effect: .moved(to: cursor))
      if let ranking {
        response.messages.insert(ranking, at: 0)
        response.roles = [.warning]
      }
      return response
    }
    var notices: [String] = []
    if checkingNames, let roster {
      // Names one character off a roster name (or its other spellings) are offered in the roster's form; nothing
      // is changed until the clerk says so.
      var corrected = text
      var offers: [(typed: String, name: String)] = []
      for range in PeopleSlots.nameRanges(in: text, at: slot, in: template).reversed() {
        guard let miss = roster.nearMiss(of: String(text[range])) else { continue }
        if let name = miss.offer {
          offers.insert((miss.typed, name), at: 0)
          corrected.replaceSubrange(range, with: name)
        } else {
          notices.insert(m.nearMissOfSeveral(miss.typed, names: miss.names), at: 0)
        }
      }
      if !offers.isEmpty {
        pendingNearMiss = NearMissOffer(slot: slot, typed: text, corrected: corrected)
        let yesNo = (template.yesNo.yes.first ?? "yes", template.yesNo.no.first ?? "no")
        let lines = offers.map { m.nearMiss($0.typed, name: $0.name) } + notices + [m.nearMissQuestion(yes: yesNo.0, no: yesNo.1)]
        return Response(messages: [lines.joined(separator: "\n")], roles: [.warning])
      }
    }
    let edit: Edit = slot.isEnd ? .append(slot.parent, text) : .set(slot, text)
    let shown = template.display(slot)
    var response = try change(edit, m.answerLabel(shown), keepCursor: false)
    // A line split into several entries (`split: 、`) says what it became: `副區長 林曉雯、鄭國華` typed at a list of
    // topics is two topics, which the next question's number alone would not tell.
    if slot.isEnd, case .performed(let transaction) = response.effect {
      let entries = transaction.changes.compactMap { change -> String? in
        guard case .insert(_, _, let entry) = change else { return nil }
        return entry.scalarText
      }
      if entries.count > 1 { response.messages.insert(m.takenAsEntries(entries.map(m.quote)), at: 0) }
    }
    if !notices.isEmpty {
      response.messages.insert(contentsOf: notices, at: 0)
      response.roles = Array(repeating: .warning, count: notices.count) + response.roles
    }
    if cursor == nil { response.messages.append(finishedNotice) }
    return response
  }

  /// A warning when the attendance list at `list` has groups (entries with a `title`) out of the rank order of
  /// the roster's titles (``Roster/rankOrder(of:)``), with the order suggested; `nil` otherwise.
  func rankWarning(for list: Address) -> String? {
    guard let roster, template.roles.attendance.contains(where: { $0.list == PeopleSlots.pattern(of: list) }),
          template.part(at: list.appending(.end))?.child("title") != nil else { return nil }
    let entries = minutes.entries(of: list).map { $0.record ?? Record() }
    guard let order = roster.rankOrder(of: entries.map { $0["title"]?.text ?? "" }) else { return nil }
    let shown = order.map { interview.value(at: list.appending(.index($0 + 1)), in: minutes) ?? "" }
    // The first move towards that order: the entry that belongs first among those out of place.
    let first = order.indices.first { order[$0] != $0 }.map { (entry: order[$0] + 1, to: $0 + 1) }
    let address = template.display(list)
    let label = template.part(at: list.appending(.end))?.label ?? address
    return m.rankOrder(list: label, suggested: shown, move: first.map { ":move \(address).\($0.entry) \($0.to)" })
  }

  /// The office's roster, when one is among the ``peopleSources``: the names near misses are checked against.
  var roster: Roster? { peopleSources.lazy.compactMap { $0 as? Roster }.first }

  /// Applies `edit`, records it for undo and, unless `keepCursor`, moves the interview past what was answered.
  mutating func change(_ edit: Edit, _ description: String, keepCursor: Bool, unlessNothingChanges: Bool = false) throws -> Response {
    let cursorBefore = cursor
    // Edited in place: the draft is not shared (the undo stack holds changes, not copies), so nothing is copied.
    let (address, changes) = try editor.perform(edit, on: &state.minutes)
    index.update(after: changes, in: state.minutes)
    let cursorAfter: Address?
    var messages: [String] = []
    // A part the answer also changed (the title that ended with the status just given, `trailing`): said.
    for case .field(let stored, _, let new?) in changes where stored != address.description {
      guard let also = Address(stored: stored), let text = new.scalarText else { continue }
      messages.append(m.alsoSet(interview.label(of: also, in: minutes), text, because: interview.label(of: address, in: minutes)))
    }
    // A title typed with the status it has already: stored without it, and said so.
    if case .set(_, let typed?) = edit, let kept = statusLeftOut(of: typed, at: address) {
      messages.append(m.alsoSet(interview.label(of: address, in: minutes), kept.title, because: kept.statusLabel))
    }
    // `:edit` that leaves the part as it was (Enter at an empty part, the same value again) is no step to undo.
    if unlessNothingChanges, changes.allSatisfy(\.changesNothing) { return Response(messages: messages) }
    if !keepCursor {
      cursorAfter = nextQuestion(after: address, messages: &messages)
    } else if let current = cursorBefore {
      cursorAfter = follow(current, through: edit)
    } else {
      cursorAfter = nil
    }
    let transaction = Transaction(changes: changes, cursorBefore: cursorBefore, cursorAfter: cursorAfter, label: description)
    state.record(transaction)
    return Response(messages: messages, changed: true, effect: .performed(transaction))
  }

  /// When `typed`, the answer just stored at `address` (a title with `trailing`), ended with its status in the
  /// status's marks and the stored title does not: the title as stored, and the status's label.
  private func statusLeftOut(of typed: String, at address: Address) -> (title: String, statusLabel: String)? {
    guard let part = template.part(at: address), let key = part.cleanUp.trailing,
      let choice = template.part(at: address.parent.appending(key: key)),
      let status = minutes.value(at: address.parent.appending(key: key))?.text,
      let title = minutes.value(at: address)?.text
    else { return nil }
    let bare = typed.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "《》。；，"))
    guard let end = Editor.repeatedEnd(of: bare, value: status, marks: choice.cleanUp.unwrap), !title.hasSuffix(end) else { return nil }
    return (title, interview.label(of: address.parent.appending(key: key), in: minutes))
  }

  /// The question after `slot`: the next unanswered one, or when the interview has reached its end with required
  /// parts still missing (skipped with `:goto`, or emptied by `:delete`), the first of those, with a message.
  mutating func nextQuestion(after slot: Address, messages: inout [String]) -> Address? {
    if let detour {
      // A detour from a finished interview (`:goto`, `:add` without text) ends where its part or list ends.
      if let next = index.next(after: slot, in: minutes), detour.contains(next) { return next }
      self.detour = nil
      return index.firstMissing(in: minutes)
    }
    if let next = index.next(after: slot, in: minutes) { return next }
    guard let missing = index.firstMissing(in: minutes) else { return nil }
    let label = interview.label(of: missing, in: minutes)
    messages.append(m.backToMissing(label))
    return missing
  }

  /// Said once when the last question has been answered or skipped.
  public var finishedNotice: String { AssistantError.interviewFinished.message(m) }

  /// Where the question at `cursor` is after `edit`: the same part, though entries before it were deleted or
  /// moved; when the part itself was deleted, the end of the list it was in.
  private func follow(_ cursor: Address, through edit: Edit) -> Address? {
    var moved: Address? = cursor
    switch edit {
    case .delete(let deleted):
      if let (list, index) = deleted.entry {
        moved = cursor.remapped(in: list) { n in n == index ? nil : n > index ? n - 1 : n }
        if moved == nil { moved = list.appending(.end) }
      }
    case .move(let entry, let to):
      if let (list, from) = entry.entry {
        moved = cursor.remapped(in: list) { n in
          if n == from { return to }
          if from < n && n <= to { return n - 1 }
          if to <= n && n < from { return n + 1 }
          return n
        }
      }
    case .set, .append:
      break
    }
    if let moved, interview.contains(moved, in: minutes) { return moved }
    return index.next(after: cursor, in: minutes)
  }

  // MARK: - Commands

  /// How a group is named to the clerk: by its label, or by its first questions when the template gives it no
  /// label of its own (出席、列席、請假 for `attendance`, 安排範圍、安排事項 for `arrangements`).
  private func groupLabel(_ part: Part) -> String {
    guard part.label == part.key || part.label.isEmpty, case .group(let group) = part.shape else { return part.label }
    let labels = group.parts.filter(\.asking.isAsked).map(\.label)
    return labels.prefix(3).joined(separator: m.isChinese ? "、" : ", ") + (labels.count > 3 ? "…" : "")
  }

  /// What `:house` prints: each house-style choice with its value (marked when it is the default) and the values
  /// it can take; or, for one `choice`, each value with what it prints.
  func houseStyleLines(_ choice: Template.HouseChoice? = nil) -> [String] {
    let choices = choice.map { [$0] } ?? template.houseStyle
    guard !choices.isEmpty else { return [m.noHouseStyle] }
    var lines = choice == nil ? [m.houseHeading(example: choices[0])] : []
    for choice in choices {
      let value = choice.value(in: minutes) ?? ""
      let isDefault = minutes.value(at: choice.address) == nil
      lines.append(m.houseLine(choice, value: value, isDefault: isDefault))
      guard choice == choices.first, choices.count == 1 else { continue }
      for option in choice.part.choiceValues {
        lines.append("    \(option == value ? "*" : " ") \(option)" + (choice.part.rendering.phrase(of: option).map { m.houseOptionSays($0) } ?? ""))
      }
    }
    return lines
  }

  private mutating func run(_ command: Command) throws -> Response {
    switch command {
    case .help(let name):
      return Response(messages: help(name), roles: [.listing])
    case .show(let address):
      if let address, !interview.contains(address, in: minutes) { throw interview.absence(of: address, in: minutes) }
      let lines = Outline(interview: interview).lines(of: minutes, under: address)
      if lines.isEmpty, let address, let part = template.part(at: address) {
        // A list with no entries (or a part with nothing in it) says so, rather than printing nothing at all.
        let shown = template.display(address)
        switch part.shape {
        case .list: return Response(messages: [m.emptyList(part.label, shown)])
        case .field: return Response(messages: [m.nothingIn(part.label, shown)])
        case .group:
          // A group is filled in by going to it: there is nothing to `:edit` in a group.
          return Response(messages: [m.nothingInGroup(groupLabel(part), shown.isEmpty ? address.description : shown)])
        }
      }
      return Response(messages: lines, roles: [.listing])
    case .goto(var address):
      let named = address
      let shown = template.display(address)
      guard interview.contains(address, in: minutes) else { throw interview.absence(of: address, in: minutes) }
      // A list is asked at its end (`Present 3>`): going to the list goes there, as `:add LIST` does; a group
      // (安排部署: its scope, then its topics) at its first question.
      if !index.isSlot(address, in: minutes) {
        switch template.part(at: address)?.shape {
        case .list? where index.isSlot(address.appending(.end), in: minutes):
          address = address.appending(.end)
        case .group?:
          if let first = interview.slots(in: minutes).first(where: { address.contains($0) }) { address = first }
        default:
          break
        }
      }
      guard index.isSlot(address, in: minutes) else {
        throw AssistantError.notEditable(address: shown, hint: m.noQuestionHint(shown))
      }
      // From a finished interview, a detour to the end of a list covers the list and the entries added to it; one
      // to a group, the whole group.
      if cursor == nil { detour = named != address ? named : address.isEnd ? address.parent : address }
      cursor = address
      return Response(changed: true, effect: .moved(to: cursor))
    case .add(let list, let text):
      let shown = template.display(list)
      guard interview.contains(list.appending(.end), in: minutes) else {
        // An entry past the end of its list (`:add 9 指出` with 3 items) says so; anything else has no such list.
        if case .noSuchEntry(_, let label, let n, let count, let add) = interview.absence(of: list, in: minutes) {
          throw AssistantError.noSuchEntry(address: shown, label: label, n: n, count: count, add: add)
        }
        throw AssistantError.noSuchPart(shown)
      }
      guard let text, !text.isEmpty else {
        if cursor == nil { detour = list }
        cursor = list.appending(.end)
        return Response(changed: true, effect: .moved(to: cursor))
      }
      let wasFinished = cursor == nil
      var response = try change(.append(list, text), m.addLabel(shown), keepCursor: true)
      response.messages.append(m.added(shown))
      if wasFinished, let first = template.part(at: list)?.records?.firstPart,
        let entry = minutes.entries(of: list).indices.last.map({ list.appending(.index($0 + 1)) }),
        let next = index.next(after: entry.appending(key: first.key), in: minutes), entry.contains(next)
      {
        // The interview was over: ask the rest of the entry just added (a motion's mover, its vote…), then stop.
        detour = entry
        state.setCursorOfLastAction(next)
        if let transaction = state.undoStack.last { response.effect = .performed(transaction) }
      }
      return response
    case .edit(let address, let text):
      let shown = template.display(address)
      guard interview.contains(address, in: minutes) else { throw interview.absence(of: address, in: minutes) }
      if address.isEnd {
        let list = template.display(address.parent)
        throw AssistantError.notEditable(address: shown, hint: m.useAddHint(list))
      }
      guard let text else {
        // A whole list or group is refused now, not after the clerk has typed a line for it.
        if let refusal = editor.refusalToEdit(address) { throw refusal }
        pendingEdit = address
        return Response()
      }
      var response = try change(.set(address, text), m.editLabel(shown), keepCursor: true, unlessNothingChanges: true)
      response.messages.append(response.changed ? m.changed(shown) : m.unchanged(shown))
      response.warn(nearMissNotices(text, at: address))
      response.warn(noLongerApplying(after: address))
      return response
    case .editInEditor(let address):
      let shown = template.display(address)
      guard interview.contains(address, in: minutes) else { throw interview.absence(of: address, in: minutes) }
      if address.isEnd {
        let list = template.display(address.parent)
        throw AssistantError.notEditable(address: shown, hint: m.useAddHint(list))
      }
      pendingEdit = address
      opensEditor = true
      return Response()
    case .delete(let address):
      let shown = template.display(address)
      // A whole list or group is named by its label too: `1.1.points` displays as `1.1`, the directive's address.
      // An inline group (`attendance`) has no short form: its stored address.
      let place = shown.isEmpty ? address.description : shown
      var named = place
      if editor.holdsWhole(address, in: minutes), let part = template.part(at: address) {
        let label = if case .group = part.shape { groupLabel(part) } else { interview.label(of: address, in: minutes) }
        named = m.quote(label) + (m.isChinese ? "（\(place)）" : " (\(place))")
      }
      var response = try change(.delete(address), m.deleteLabel(place), keepCursor: true)
      response.messages.append(m.deleted(named))
      return response
    case .move(let address, let position):
      let shown = template.display(address)
      var response = try change(.move(address, to: position), m.moveLabel(shown), keepCursor: true)
      response.messages.append(m.moved(shown, to: position))
      return response
    case .house(nil, _):
      return Response(messages: houseStyleLines(), roles: [.listing])
    case .house(let name?, let value):
      let choices = template.houseStyle
      guard let choice = template.houseChoice(named: name) else {
        throw AssistantError.noHouseChoice(name, choices: choices.map(\.part.key))
      }
      guard let value else { return Response(messages: houseStyleLines(choice), roles: [.listing]) }
      // The value it has already (its default included): nothing to change, nothing to undo.
      if let current = choice.value(in: minutes), current.lowercased() == value.lowercased() {
        return Response(messages: [m.houseAlready(choice.part.label, current)])
      }
      var response = try change(.set(choice.address, value), m.houseLabel(choice.part.label), keepCursor: true)
      response.messages.append(m.houseChanged(choice.part.label, to: choice.value(in: minutes) ?? value))
      return response
    case .undo:
      guard let transaction = try state.undo() else { throw AssistantError.nothingTo("undo") }
      index.update(after: transaction.changes.reversed().map(\.inverse), in: state.minutes)
      return Response(messages: [m.undone(transaction.label)], changed: true, effect: .undone)
    case .redo:
      guard let transaction = try state.redo() else { throw AssistantError.nothingTo("redo") }
      index.update(after: transaction.changes, in: state.minutes)
      return Response(messages: [m.redone(transaction.label)], changed: true, effect: .redone)
    case .check:
      // The errors the prompt counts; the parts the interview has still to ask apart, as the prompt leaves them
      // out (on a detour, those within it).
      let (findings, toCome) = Validator(template: template).findings(in: minutes, cursor: cursor) { [detour] slot in
        detour?.contains(slot) ?? true
      }
      let errors = findings.filter { $0.severity == .error }
      let warnings = findings.filter { $0.severity == .warning }
      var lines = errors.isEmpty ? [toCome.isEmpty ? m.noErrors : m.noErrorsYet] : report(errors, heading: m.errorsHeading)
      var roles: [OutputRole?] = Array(repeating: errors.isEmpty ? .notice : .error, count: lines.count)
      let coming = report(toCome, heading: m.toComeHeading, withSeverity: false)
      lines += coming
      roles += Array(repeating: .notice, count: coming.count)
      let warned = report(warnings, heading: m.warningsHeading)
      lines += warned
      roles += Array(repeating: .warning, count: warned.count)
      return Response(messages: lines, roles: roles)
    case .save:
      return Response(action: .save)
    case .export(let command):
      return Response(action: .export(command))
    case .quit:
      return Response(action: .quit)
    }
  }

  /// `text` followed by spaces up to `columns` terminal columns, CJK characters counting two.
  static func padded(_ text: String, toColumns columns: Int) -> String {
    text + String(repeating: " ", count: max(1, columns - Normalizer.displayWidth(text)))
  }

  private func help(_ name: String?) -> [String] {
    let reference = Command.reference(m)
    if let name {
      let key = name.trimmingCharacters(in: CharacterSet(charactersIn: ":："))
      guard let entry = reference.first(where: { $0.name == key }) else {
        return [AssistantError.unknownCommand(key).message(m)]
      }
      return ["\(entry.usage)  \(entry.summary)"]
    }
    let example = examples()
    let columns = max(22, (reference.map { Normalizer.displayWidth($0.usage) }.max() ?? 0) + 2)
    return [m.helpIntro]
      + reference.map { "  \(Self.padded($0.usage, toColumns: columns))\($0.summary)" }
      + [m.helpAddresses(example)]
  }

  /// Example addresses for this template: the numbered lists three deep, and a few fields.
  private func examples() -> String {
    var parts: [String] = []
    var part = template.root
    var address = ""
    var labels: [String] = []
    for depth in 1...3 {
      guard let (_, list) = part.numberedList else { break }
      address += (address.isEmpty ? "" : ".") + "\(depth == 1 ? 2 : 1)"
      labels.append("\(list.label)\(m.labelNumberSpace)\(depth == 1 ? 2 : 1)")
      parts.append("\(address) = \(labels.joined(separator: " "))")
      part = list
    }
    let fields = interview.slots(in: Minutes(template: template.id)).prefix(3).map(template.display)
    // The lists `:add` takes by name: the root's numbered list and the first few other lists.
    var lists: [String] = []
    template.walkShape { part, here, _ in
      switch part.shape {
      case .list: lists.append(template.display(here))
      case .group: return true
      case .field: break
      }
      return false
    }
    if let (path, _) = template.root.numberedList {
      let root = template.display(Address(steps: path.map(Address.Step.key)))
      lists.removeAll { $0 == root }
      lists.insert(root, at: 0)
    }
    let add = ":add " + lists.prefix(4).joined(separator: m.addSeparator)
    return (parts + fields + [add]).joined(separator: m.exampleSeparator)
  }
}

extension Assistant.Response {
  /// Appends `warnings` to the messages, each shown as a warning (``OutputRole/warning``).
  mutating func warn(_ warnings: [String]) {
    guard !warnings.isEmpty else { return }
    roles += Array(repeating: nil, count: max(0, messages.count - roles.count))
    messages += warnings
    roles += Array(repeating: .warning, count: warnings.count)
  }
}
