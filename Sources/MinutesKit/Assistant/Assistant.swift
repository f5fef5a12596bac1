import Foundation

/// The drafting assistant: holds a draft and where the interview is, takes the clerk's lines (answers or
/// commands) and says what happened. It does no input or output itself: the REPL reads lines, prints the
/// ``Response`` and performs its ``Response/action``.
public struct Assistant: Sendable {
  /// What the REPL must do after a line, beyond printing the messages.
  public enum Action: Hashable, Sendable {
    /// Write the draft to its session file now (it is written after every change anyway).
    case save
    /// Export the text: print it, or write it to the file at the path.
    case export(String?)
    /// Save and leave.
    case quit
  }

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
    /// What to append to the session's journal for this line, when it changed the draft or the interview.
    public var record: JournalRecord?
  }

  /// The template in use.
  public let template: Template
  /// The draft, the interview position and the undo history.
  public private(set) var state: DraftState
  /// The address being edited by `:edit ADDRESS` without a value: the next line is its new value.
  public private(set) var pendingEdit: Address?

  /// The draft.
  public var minutes: Minutes { state.minutes }
  /// The slot being asked, or `nil` when the interview is over.
  public var cursor: Address? {
    get { state.cursor }
    set { state.cursor = newValue }
  }

  /// Starts or resumes an interview on `minutes` at `resumeAt`; a slot the draft no longer has resumes at the
  /// first unanswered one.
  public init(template: Template, minutes: Minutes, resumeAt: SessionFile.ResumePoint = .firstQuestion) {
    let interview = Interview(template: template)
    let cursor: Address?
    switch resumeAt {
    case .at(let address) where interview.contains(address, in: minutes): cursor = address
    case .finished: cursor = nil
    default: cursor = interview.slots(in: minutes).first { !interview.isAnswered($0, in: minutes) }
    }
    self.init(template: template, state: DraftState(minutes: minutes, cursor: cursor))
  }

  /// Resumes on a state loaded with its undo history (see ``SessionStore/loadState(name:)``).
  public init(template: Template, state: DraftState) {
    self.template = template
    self.state = state
    if let cursor = state.cursor, !interview.contains(cursor, in: state.minutes) {
      self.state.cursor = interview.slots(in: state.minutes).first { !interview.isAnswered($0, in: state.minutes) }
    }
  }

  /// Where the interview stands, as saved in the session file.
  public var resumePoint: SessionFile.ResumePoint { cursor.map(SessionFile.ResumePoint.at) ?? .finished }

  /// The interview over the template.
  public var interview: Interview { Interview(template: template) }

  private var editor: Editor { Editor(template: template) }

  // MARK: - What to show

  /// The question being asked, or `nil` when the interview is over or a value is being edited.
  public var question: String? {
    guard pendingEdit == nil, let cursor else { return nil }
    return interview.question(at: cursor, in: minutes)
  }

  /// The prompt: where the clerk is (議題2 指示1 要點3), `修改 2.1.3` while editing, or `命令` when done.
  public var prompt: String {
    if let pendingEdit { return "修改 \(pendingEdit)> " }
    guard let cursor else { return "命令> " }
    return interview.label(of: cursor, in: minutes) + "> "
  }

  /// Text to put on the input line for the clerk to edit: the current value of the part edited or asked.
  public var prefill: String? {
    if let pendingEdit { return interview.value(at: pendingEdit, in: minutes) }
    return cursor.flatMap { interview.value(at: $0, in: minutes) }
  }

  /// Completions for the text before the cursor: command names after a colon, otherwise the current
  /// question's choices. Each candidate is the whole replacement for `prefix`.
  public func completions(for prefix: String) -> [String] {
    if Command.isCommand(prefix) {
      let colon = prefix.prefix(1)
      let typed = prefix.dropFirst()
      guard !typed.contains(" ") else { return [] }
      return Command.reference.map(\.name).filter { $0.hasPrefix(typed) }.map { colon + $0 }
    }
    let slot = pendingEdit ?? cursor
    guard let slot else { return [] }
    return interview.choices(at: slot).filter { $0.hasPrefix(prefix) }
  }

  // MARK: - Taking a line

  /// Abandons an `:edit` waiting for its new value (the clerk pressed Ctrl-C).
  public mutating func cancelPendingEdit() { pendingEdit = nil }

  /// Takes one line typed by the clerk: a command, the new value of a pending edit, or an answer.
  public mutating func handle(_ line: String) -> Response {
    do {
      if Command.isCommand(line) {
        pendingEdit = nil
        return try run(Command.parse(line))
      }
      if let address = pendingEdit {
        pendingEdit = nil
        var response = try change(.set(address, line), "修改 \(address)", keepCursor: true)
        response.messages.append("已修改 \(address)。")
        return response
      }
      return try answer(line)
    } catch {
      let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
      return Response(messages: [message], isError: true)
    }
  }

  private mutating func answer(_ text: String) throws -> Response {
    let isBlank = Normalizer.normalize(text).isEmpty
    guard let slot = cursor else {
      if isBlank { return Response() }
      throw AssistantError.interviewFinished
    }
    if isBlank {
      let field = template.field(interview.fieldID(of: slot))
      let isEmptyRequired: Bool
      if case .end(let container) = slot {
        isEmptyRequired = field.required && minutes.count(container) == 0
      } else {
        isEmptyRequired = field.required && !interview.isAnswered(slot, in: minutes)
      }
      if isEmptyRequired { throw AssistantError.required(label: interview.label(of: slot, in: minutes)) }
      cursor = interview.next(after: slot, in: minutes)
      return Response(messages: cursor == nil ? [Self.finishedNotice] : [], changed: true, record: cursorRecord)
    }
    let edit: Edit
    if case .end(let container) = slot { edit = .append(container, text) } else { edit = .set(slot, text) }
    var response = try change(edit, "回答 \(slot)", keepCursor: false)
    if cursor == nil { response.messages.append(Self.finishedNotice) }
    return response
  }

  /// Applies `edit`, records it for undo and, unless `keepCursor`, moves the interview past what was answered.
  private mutating func change(_ edit: Edit, _ description: String, keepCursor: Bool) throws -> Response {
    let cursorBefore = cursor
    // Edited in place: the draft is not shared (the undo stack holds changes, not copies), so nothing is copied.
    let (address, changes) = try editor.perform(edit, on: &state.minutes)
    let cursorAfter: Address?
    if !keepCursor {
      cursorAfter = interview.next(after: address, in: minutes)
    } else if let current = cursorBefore {
      cursorAfter = Self.follow(current, through: edit, in: minutes, interview: interview)
    } else {
      cursorAfter = nil
    }
    let transaction = Transaction(changes: changes, cursorBefore: cursorBefore, cursorAfter: cursorAfter, label: description)
    state.record(transaction)
    return Response(changed: true, record: .perform(transaction))
  }

  /// The journal record of a move of the interview alone.
  private var cursorRecord: JournalRecord { .cursor(cursor?.description) }

  /// Where the question at `cursor` is after `edit`: the same part, though entries before it were deleted or
  /// moved; when the part itself was deleted, the end of the list it was in.
  private static func follow(_ cursor: Address, through edit: Edit, in minutes: Minutes, interview: Interview) -> Address? {
    var moved: Address? = cursor
    switch edit {
    case .delete(let deleted):
      if let (container, index) = deleted.containerEntry {
        moved = cursor.remapped { list, n in list != container ? n : n == index ? nil : n > index ? n - 1 : n }
        if moved == nil { moved = .end(container) }
      }
    case .move(let entry, let to):
      if let (container, from) = entry.containerEntry {
        moved = cursor.remapped { list, n in
          guard list == container else { return n }
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
    return interview.next(after: cursor, in: minutes)
  }

  /// Said once when the last question has been answered or skipped.
  public static let finishedNotice = AssistantError.interviewFinished.errorDescription ?? ""

  // MARK: - Commands

  private mutating func run(_ command: Command) throws -> Response {
    switch command {
    case .help(let name):
      return Response(messages: help(name))
    case .show(let address):
      if let address, !interview.contains(address, in: minutes) { throw AssistantError.noSuchPart(address.description) }
      return Response(messages: Outline(interview: interview).lines(of: minutes, under: address))
    case .goto(let address):
      guard interview.contains(address, in: minutes) else { throw AssistantError.noSuchPart(address.description) }
      guard interview.slots(in: minutes).contains(address) else {
        throw AssistantError.notEditable(address: address.description, hint: "這一部分沒有問題可問；請用 :edit \(address)")
      }
      cursor = address
      return Response(changed: true, record: cursorRecord)
    case .add(let container, let text):
      guard interview.contains(.end(container), in: minutes) else { throw AssistantError.noSuchPart(container.description) }
      guard let text, !text.isEmpty else {
        cursor = .end(container)
        return Response(changed: true, record: cursorRecord)
      }
      var response = try change(.append(container, text), "添加到 \(container)", keepCursor: true)
      response.messages.append("已添加到 \(container)。")
      return response
    case .edit(let address, let text):
      guard interview.contains(address, in: minutes) else { throw AssistantError.noSuchPart(address.description) }
      if case .end(let container) = address {
        throw AssistantError.notEditable(address: address.description, hint: "要添加，請用 :add \(container)")
      }
      guard let text else {
        pendingEdit = address
        return Response()
      }
      var response = try change(.set(address, text), "修改 \(address)", keepCursor: true)
      response.messages.append("已修改 \(address)。")
      return response
    case .delete(let address):
      var response = try change(.delete(address), "刪除 \(address)", keepCursor: true)
      response.messages.append("已刪除 \(address)。輸入 :undo 可撤銷。")
      return response
    case .move(let address, let position):
      var response = try change(.move(address, to: position), "移動 \(address)", keepCursor: true)
      response.messages.append("已把 \(address) 移到第 \(position) 位。")
      return response
    case .undo:
      guard let transaction = try state.undo() else { throw AssistantError.nothingTo("撤銷") }
      return Response(messages: ["已撤銷：\(transaction.label)。"], changed: true, record: .undo)
    case .redo:
      guard let transaction = try state.redo() else { throw AssistantError.nothingTo("重做") }
      return Response(messages: ["已重做：\(transaction.label)。"], changed: true, record: .redo)
    case .check:
      let missing = interview.missing(in: minutes)
      var lines = missing.isEmpty
        ? ["必填部分都已填寫。"]
        : ["尚未填寫的必填部分（\(missing.count) 項）："]
          + missing.map { "  \($0)  \(interview.label(of: $0, in: minutes))  → :goto \($0)" }
      let others = Validator(template: template).findings(in: minutes).filter { $0.rule != "required" }
      if !others.isEmpty { lines += ["其他檢查結果（\(others.count) 項）："] + others.map { "  " + $0.line } }
      return Response(messages: lines)
    case .save:
      return Response(action: .save)
    case .export(let file):
      return Response(action: .export(file))
    case .quit:
      return Response(action: .quit)
    }
  }

  /// `text` followed by spaces up to `columns` terminal columns, CJK characters counting two.
  static func padded(_ text: String, toColumns columns: Int) -> String {
    text + String(repeating: " ", count: max(1, columns - Normalizer.displayWidth(text)))
  }

  private func help(_ name: String?) -> [String] {
    if let name {
      let key = name.trimmingCharacters(in: CharacterSet(charactersIn: ":："))
      guard let entry = Command.reference.first(where: { $0.name == key }) else {
        return [AssistantError.unknownCommand(key).errorDescription ?? key]
      }
      return ["\(entry.usage)  \(entry.summary)"]
    }
    return ["回答問題後按 Enter；選填的問題直接按 Enter 跳過。命令以 : 或 ： 開頭："]
      + Command.reference.map { "  \(Self.padded($0.usage, toColumns: 22))\($0.summary)" }
      + ["地址：2 = 議題2，2.1 = 議題2 指示1，2.1.3 = 要點3；另有 date、period、chair.title、present.2 等。Tab 補全命令和選項。"]
  }
}
