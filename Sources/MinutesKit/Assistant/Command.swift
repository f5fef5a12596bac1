import Foundation

/// A command typed at the prompt, starting with `:` (or the full-width `：` that Chinese input methods type).
public enum Command: Hashable, Sendable {
  /// `:help [command]`
  case help(String?)
  /// `:show [address]`
  case show(Address?)
  /// `:goto address`
  case goto(Address)
  /// `:add list [text]`
  case add(Address.Container, String?)
  /// `:edit address [text]`
  case edit(Address, String?)
  /// `:delete address`
  case delete(Address)
  /// `:move address position`
  case move(Address, Int)
  /// `:undo`
  case undo
  /// `:redo`
  case redo
  /// `:check`
  case check
  /// `:save`
  case save
  /// `:export [file]`
  case export(String?)
  /// `:quit`
  case quit

  /// Every command with its usage line and what it does, in the order `:help` lists them.
  public static let reference: [(name: String, usage: String, summary: String)] = [
    ("help", ":help [命令]", "列出命令，或顯示一個命令的用法"),
    ("show", ":show [地址]", "顯示整份草稿及各部分的地址，或只顯示一部分，如 :show 2"),
    ("goto", ":goto 地址", "跳到某一部分，從那裏繼續問答，如 :goto 2.1.3"),
    ("add", ":add 列表 [內容]", "添加：item（議題）、2（議題2的指示）、2.1（指示的要點）、arrangements、present、attending、absent"),
    ("edit", ":edit 地址 [新內容]", "修改；不給新內容時，把現有內容放到輸入行上修改"),
    ("delete", ":delete 地址", "刪除一項，或清空一個選填欄位"),
    ("move", ":move 地址 位置", "在同一列表中移動，如 :move 3 1 把議題3移到第1位"),
    ("undo", ":undo", "撤銷上一個修改"),
    ("redo", ":redo", "重做撤銷的修改"),
    ("check", ":check", "列出尚未填寫的必填部分"),
    ("save", ":save", "保存（每次修改後都已自動保存）"),
    ("export", ":export [檔案]", "匯出文字稿：印出，或寫入檔案"),
    ("quit", ":quit", "保存並離開（Ctrl-D 亦可）"),
  ]

  /// Whether `line` is a command rather than an answer.
  public static func isCommand(_ line: String) -> Bool {
    line.hasPrefix(":") || line.hasPrefix("：")
  }

  /// Parses a command line (with its leading colon).
  /// - Throws: ``AssistantError/unknownCommand(_:)``, ``AssistantError/usage(command:usage:)`` or
  ///   ``AssistantError/invalidAddress(_:)`` with what to type instead.
  public static func parse(_ line: String) throws -> Command {
    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
    let name = String(body.prefix { !$0.isWhitespace }).lowercased()
    let rest = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
    let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
    let argument = words.first
    let remainder = words.count > 1 ? words[1] : nil

    func address(_ text: String?) throws -> Address {
      guard let text else { throw usage(name) }
      guard let address = Address(parsing: text) else { throw AssistantError.invalidAddress(text) }
      return address
    }

    switch name {
    case "help", "h", "?": return .help(argument)
    case "show", "s": return .show(try argument.map { try address($0) })
    case "goto", "g": return .goto(try address(argument))
    case "add", "a":
      guard let argument else { throw usage(name) }
      guard let container = Address.Container(parsing: argument) else { throw AssistantError.invalidAddress(argument) }
      return .add(container, remainder)
    case "edit", "e": return .edit(try address(argument), remainder)
    case "delete", "del", "d": return .delete(try address(argument))
    case "move", "m":
      guard let remainder, let position = Int(remainder) else { throw usage(name) }
      return .move(try address(argument), position)
    case "undo", "u": return .undo
    case "redo", "r": return .redo
    case "check": return .check
    case "save", "w": return .save
    case "export", "x": return .export(rest.isEmpty ? nil : rest)
    case "quit", "q", "exit": return .quit
    case "": throw AssistantError.unknownCommand("")
    default: throw AssistantError.unknownCommand(name)
    }
  }

  /// The usage error of the command `name`.
  static func usage(_ name: String) -> AssistantError {
    let full = reference.first { $0.name.hasPrefix(name) || $0.name == name }
    return .usage(command: full?.name ?? name, usage: full?.usage ?? ":help")
  }
}
