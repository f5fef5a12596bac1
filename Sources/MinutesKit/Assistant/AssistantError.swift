import Foundation

/// Why a line the clerk typed could not be used. Every message says what to type instead; the session goes on.
public enum AssistantError: LocalizedError, Hashable, Sendable {
  /// The command name is not known.
  case unknownCommand(String)
  /// A command was given the wrong arguments; carries its usage line.
  case usage(command: String, usage: String)
  /// The text is not an address.
  case invalidAddress(String)
  /// The address is well formed but the draft has nothing there.
  case noSuchPart(String)
  /// A required part was left blank.
  case required(label: String)
  /// The answer must be one of the choices.
  case notAChoice(answer: String, choices: [String])
  /// The answer is not a date, or the date does not exist.
  case invalidDate(String)
  /// The answer is not a positive whole number.
  case invalidNumber(String)
  /// An attendance line lacks the space between title and names.
  case invalidAttendance(String)
  /// The part cannot be changed that way (e.g. clearing an item's kind, editing the end of a list).
  case notEditable(address: String, hint: String)
  /// A move to a position outside the list.
  case invalidPosition(position: String, count: Int)
  /// Nothing to undo or redo.
  case nothingTo(String)
  /// The interview is over and the line is not a command.
  case interviewFinished

  public var errorDescription: String? {
    switch self {
    case .unknownCommand(let name):
      "沒有 :\(name) 這個命令。輸入 :help 查看所有命令。"
    case .usage(let command, let usage):
      ":\(command) 的用法：\(usage)"
    case .invalidAddress(let text):
      "「\(text)」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    case .noSuchPart(let address):
      "草稿中沒有 \(address)。輸入 :show 查看現有的地址。"
    case .required(let label):
      "「\(label)」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"
    case .notAChoice(let answer, let choices):
      "「\(answer)」不是可選項。可選：\(choices.joined(separator: "、"))（按 Tab 補全）。"
    case .invalidDate(let text):
      "「\(text)」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"
    case .invalidNumber(let text):
      "「\(text)」不是正整數。請輸入如 3 或 十。"
    case .invalidAttendance(let text):
      "「\(text)」缺少職務和姓名之間的空格。請輸入如「副區長 劉成剛、陳春青」。"
    case .notEditable(let address, let hint):
      "\(address) 不能這樣修改：\(hint)"
    case .invalidPosition(let position, let count):
      "位置「\(position)」超出範圍：這個列表有 \(count) 項，請輸入 1 到 \(count)。"
    case .nothingTo(let what):
      "沒有可\(what)的操作。"
    case .interviewFinished:
      "所有問題都已回答。可用 :show 檢查、:edit 地址 修改、:add 添加、:export 匯出、:quit 離開。"
    }
  }
}
