import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// Why a line the clerk typed could not be used. Every message says what to type instead; the session goes on.
public enum AssistantError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// The command name is not known.
  case unknownCommand(String)
  /// A command was given the wrong arguments; carries its usage line.
  case usage(command: String, usage: String)
  /// A command was given words it does not take (`:save notes.txt`): nothing was done, rather than the words
  /// being passed over in silence; carries the words and the command's usage line.
  case extraWords(command: String, extra: String, usage: String)
  /// The text is not an address; carries addresses of the template to show instead (``Template/addressExamples``):
  /// none for a generic example.
  case invalidAddress(String, examples: [AddressExample] = [])
  /// The address is well formed but the draft has nothing there.
  case noSuchPart(String)
  /// The address names entry `n` of a list (labelled `label`, added to with `:add add`) that has `count` entries.
  case noSuchEntry(address: String, label: String, n: Int, count: Int, add: String)
  /// A required part was left blank.
  case required(label: String)
  /// The answer must be one of the choices.
  case notAChoice(answer: String, choices: [String])
  /// An answer with a command typed after it on the same line (`Tobias Mwangi:goto 2.seconder`: a command typed
  /// after an old value put back on the line, without clearing it): nothing is saved, rather than the command
  /// kept as part of the answer; carries the answer and the command.
  case commandAfterAnswer(answer: String, command: String)
  /// `:house NAME` names no house-style choice of the template; carries the names there are (none: the template
  /// has no house style).
  case noHouseChoice(String, choices: [String])
  /// The answer is not a date, or the date does not exist.
  case invalidDate(String)
  /// The answer is not a positive whole number.
  case invalidNumber(String)
  /// An answer for a list held no entry once split (`,,,`).
  case nothingToAdd(String)
  /// The answer is not a count (a whole number, zero or more).
  case invalidCount(String)
  /// The answer is not a time of day.
  case invalidTime(String)
  /// A time typed without a.m. or p.m. (`7:40`) that the meeting's start does not decide: morning or evening?
  case ambiguousTime(String)
  /// A line for a list that reads lines lacks one of its required parts (named by its label); carries the
  /// template's example.
  case invalidLine(String, missing: String, example: String)
  /// A line for a list that reads lines, split at spaces, has more pieces than the line has parts (several names
  /// on a line that holds one person: `王建华 李秀英 张国强`): the spaces, the only boundaries between them, would
  /// be lost in its last part. Carries the line, its number of pieces, the parts' labels and the example.
  case tooManyPieces(String, pieces: Int, labels: [String], example: String)
  /// The part cannot be changed that way (e.g. clearing an item's kind, editing the end of a list).
  case notEditable(address: String, hint: String)
  /// A move to a position outside the list.
  case invalidPosition(position: String, count: Int)
  /// Nothing to undo or redo.
  case nothingTo(String)
  /// The interview is over and the line is not a command.
  case interviewFinished

  /// The message in Traditional Chinese (use ``message(_:)`` for the template's language).
  public var errorDescription: String? { message(Messages(language: "zh-Hant")) }

  /// What went wrong and what to type instead, in the language of `m`. What the clerk typed is quoted with its
  /// control characters written out and, past 60 characters, cut (``Messages/shown(_:)``).
  public func message(_ m: Messages) -> String {
    switch self {
    case .unknownCommand(let name):
      m("沒有 :\(m.shown(name)) 這個命令。輸入 :help 查看所有命令。", "There is no command :\(m.shown(name)). Type :help to see all commands.")
    case .usage(let command, let usage):
      m(":\(command) 的用法：\(usage)", "Usage of :\(command): \(usage)")
    case .extraWords(let command, let extra, let usage):
      m(":\(command) 後面不接「\(m.shown(extra))」，所以什麼都沒有做。用法：\(usage)",
        ":\(command) takes no ‘\(m.shown(extra))’ after it, so nothing was done. Usage: \(usage)")
    case .invalidAddress(let text, let examples) where examples.isEmpty:
      m("「\(m.shown(text))」不是地址。地址如 2（議題2）、2.1、2.1.3、date、present.2；輸入 :show 查看所有地址。",
        "‘\(m.shown(text))’ is not an address. Addresses look like 2 (item 2), 2.1, date, present.2; type :show to see them all.")
    case .invalidAddress(let text, let examples):
      m("「\(m.shown(text))」不是地址。地址如 \(examples.map { "\($0.address)（\($0.label)）" }.joined(separator: "、"))；輸入 :show 查看所有地址。",
        "‘\(m.shown(text))’ is not an address. Addresses look like \(examples.map { "\($0.address) (\($0.label))" }.joined(separator: ", ")); type :show to see them all.")
    case .noSuchPart(let address):
      m("草稿中沒有 \(address)。輸入 :show 查看現有的地址。", "The draft has no \(address). Type :show to see the addresses there are.")
    case .noSuchEntry(let address, let label, let n, 0, let add):
      m("草稿中沒有 \(address)：還沒有任何「\(label)」；要添加，請用 :add \(add)。",
        "The draft has no \(address): there is no ‘\(label)’ yet; to add one, use :add \(add).")
    case .noSuchEntry(let address, let label, _, let count, let add):
      m("草稿中沒有 \(address)：「\(label)」只有 \(count) 項；要添加，請用 :add \(add)。",
        "The draft has no \(address): ‘\(label)’ has only \(count) \(count == 1 ? "entry" : "entries"); to add one, use :add \(add).")
    case .required(let label):
      m("「\(label)」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。",
        "‘\(label)’ is required and cannot be left blank. Type an answer, or use :goto ADDRESS to fill it in later.")
    case .noHouseChoice(let name, let choices) where choices.isEmpty:
      m("這個範本沒有版式選擇，「\(m.shown(name))」無從修改；版式由範本的匯出格式決定。",
        "This template has no house-style choices, so there is no ‘\(m.shown(name))’ to change; its export decides how the minutes print.")
    case .noHouseChoice(let name, let choices):
      m("沒有「\(m.shown(name))」這項版式選擇\(Spelling.nearest(to: name, among: choices).map { "；是不是 \($0)？" } ?? "。")可選的項目：\(choices.joined(separator: "、"))；輸入 :house 查看全部。",
        "There is no house-style choice ‘\(m.shown(name))’\(Spelling.nearest(to: name, among: choices).map { "; did you mean \($0)?" } ?? ".") The choices are \(choices.joined(separator: ", ")); type :house to see them all.")
    case .commandAfterAnswer(let answer, let command):
      m("「\(m.shown(answer))」後面接著一個命令（\(m.shown(command))），所以什麼都沒有保存。請先清空這一行（Ctrl-U），再單獨輸入答案或命令。",
        "‘\(m.shown(answer))’ is followed by a command (\(m.shown(command))) on the same line, so nothing was saved. Clear the line (Ctrl-U), then type the answer or the command alone.")
    case .notAChoice(let answer, let choices):
      m("「\(m.shown(answer))」不是可選項。可選：\(choices.joined(separator: "、"))（按 Tab 補全）。",
        "‘\(m.shown(answer))’ is not one of the choices: \(choices.joined(separator: ", ")) (Tab completes).")
    case .invalidDate(let text) where text.range(of: #"^\d{4}\D\d{1,2}\D\d{1,2}\D?$"#, options: .regularExpression) != nil:
      m("「\(m.shown(text))」這一天不存在（看看月份和日子）。", "‘\(m.shown(text))’ is not a day that exists; check the month and the day.")
    case .invalidDate(let text):
      m("「\(m.shown(text))」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。", "‘\(m.shown(text))’ is not a valid date. Type it as YYYY-MM-DD, e.g. 2024-04-16.")
    case .invalidTime(let text):
      m("「\(m.shown(text))」不是有效時間。請按 時:分 輸入，如 19:02。", "‘\(m.shown(text))’ is not a valid time. Type it as 19:02, 7:02 pm or noon.")
    case .ambiguousTime(let text) where text.hasPrefix("12:"):
      m("「\(m.shown(text))」是中午還是午夜之後？請輸入 \(text) pm（中午）或 \(text) am（午夜之後），或按 24 小時制輸入。",
        "Is ‘\(m.shown(text))’ just after noon or just after midnight? Type \(text) pm (noon) or \(text) am (midnight), or the 24-hour time.")
    case .ambiguousTime(let text):
      m("「\(m.shown(text))」是上午還是下午、晚上？請輸入如 \(text) am 或 \(text) pm，或按 24 小時制輸入。",
        "Is ‘\(m.shown(text))’ in the morning or the evening? Type \(text) am or \(text) pm (or the 24-hour time).")
    case .invalidNumber(let text):
      m("「\(m.shown(text))」不是正整數。請輸入如 3 或 十。", "‘\(m.shown(text))’ is not a positive whole number. Type e.g. 3.")
    case .nothingToAdd(let text):
      m("「\(m.shown(text))」裡沒有可添加的內容。請輸入至少一項；不添加就直接按 Enter。", "‘\(m.shown(text))’ holds nothing to add. Type at least one entry, or press Enter to add none.")
    case .invalidCount(let text):
      m("「\(m.shown(text))」不是數目。請輸入 0 或正整數。", "‘\(m.shown(text))’ is not a count. Type 0 or a positive whole number.")
    case .invalidLine(let text, let missing, let example):
      m("「\(m.shown(text))」缺少「\(missing)」。請按這樣輸入：\(example)", "‘\(m.shown(text))’ lacks its \(missing.lowercased()). Type it like this: \(example)")
    case .tooManyPieces(let text, let pieces, let labels, let example):
      m("「\(m.shown(text))」以空格分成 \(pieces) 段，但一行只有「\(labels.joined(separator: " "))」\(labels.count) 段，多出的空格會被刪去而把幾個名字連在一起，所以沒有保存。請每行輸入一人，如：\(example)",
        "‘\(m.shown(text))’ has \(pieces) pieces between spaces, but a line holds \(labels.count) (\(labels.joined(separator: ", ").lowercased())); the spaces between the rest would be lost, so nothing was saved. Type one entry a line, like this: \(example)")
    case .notEditable(let address, let hint):
      m("\(address) 不能這樣修改：\(hint)", "\(address) cannot be changed that way: \(hint)")
    case .invalidPosition(let position, let count):
      m("位置「\(position)」超出範圍：這個列表有 \(count) 項，請輸入 1 到 \(count)。",
        "Position ‘\(position)’ is out of range: the list has \(count) entries; type 1 to \(count).")
    case .nothingTo(let what):
      what == "undo" ? m("沒有可撤銷的操作。", "Nothing to undo.") : m("沒有可重做的操作。", "Nothing to redo.")
    case .interviewFinished:
      m("所有問題都已回答。可用 :show 檢查、:edit 地址 修改、:add 添加、:export 匯出、:quit 離開。",
        "Every question has been answered. Use :show to review, :edit ADDRESS to change, :add to add, :export to export, :quit to leave.")
    }
  }
}

/// An address of a template and what it names there (`2`, `Motion 2`), for a message to show.
public struct AddressExample: Hashable, Sendable {
  /// The address as typed: `2`, `2.1`, `date`, `present.2`.
  public var address: String
  /// What it names: `議題2`, `Motion 2 Amendment 1`, `Date`.
  public var label: String

  public init(address: String, label: String) {
    self.address = address
    self.label = label
  }
}

extension Template {
  /// Addresses this template has, to show a clerk who typed one it does not (``AssistantError/invalidAddress(_:examples:)``):
  /// among `2`, `2.1`, `2.1.3`, `date` and `present.2`, those it reads, each with the label a prompt gives it
  /// (`2 (Motion 2)` in board-meeting.en, `2（議題2）` in gov-executive).
  public var addressExamples: [AddressExample] {
    let empty = Minutes(template: id)
    return ["2", "2.1", "2.1.3", "date", "present.2"].compactMap { text in
      guard let address = address(parsing: text), part(at: address) != nil else { return nil }
      return AddressExample(address: text, label: label(of: address, in: empty))
    }
  }
}
