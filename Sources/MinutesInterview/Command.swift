import Foundation
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// A command typed at the prompt, starting with `:` (or the full-width `：` that Chinese input methods type).
public enum Command: Hashable, Sendable {
  /// `:help [command]`
  case help(String?)
  /// `:show [address]`
  case show(Address?)
  /// `:goto address`
  case goto(Address)
  /// `:add list [text]`
  case add(Address, String?)
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

  /// The command names, in the order `:help` lists them.
  public static let names = reference(Messages(language: "en")).map(\.name)

  /// Every command with its usage line and what it does, in the order `:help` lists them, in the language of `m`.
  public static func reference(_ m: Messages) -> [(name: String, usage: String, summary: String)] {
    [
      ("help", m(":help [命令]", ":help [command]"), m("列出命令，或顯示一個命令的用法", "list the commands, or show how to use one")),
      ("show", m(":show [地址]", ":show [address]"), m("顯示整份草稿及各部分的地址，或只顯示一部分，如 :show 2", "show the draft with the address of every part, or one part, e.g. :show 2")),
      ("goto", m(":goto 地址", ":goto address"), m("跳到某一部分，從那裏繼續問答，如 :goto 2.1.3", "go to a part and go on with the questions from there, e.g. :goto 2.1")),
      ("add", m(":add 列表 [內容]", ":add list [text]"), m("添加一項到列表（見下面的地址）；有內容時立即添加", "add an entry to a list (see the addresses below); with text, at once")),
      ("edit", m(":edit 地址 [新內容]", ":edit address [text]"), m("修改；不給新內容時，把現有內容放到輸入行上修改", "change a part; without text, its value is put on the line to edit")),
      ("delete", m(":delete 地址", ":delete address"), m("刪除一項，或清空一個選填欄位", "remove an entry, or clear an optional field")),
      ("move", m(":move 地址 位置", ":move address position"), m("在同一列表中移動，如 :move 3 1 把第3項移到第1位", "move an entry within its list, e.g. :move 3 1")),
      ("undo", ":undo", m("撤銷上一個修改", "undo the last change")),
      ("redo", ":redo", m("重做撤銷的修改", "redo what was undone")),
      ("check", ":check", m("檢查草稿：缺少的必填部分和其他問題", "check the draft: missing required parts and other problems")),
      ("save", ":save", m("保存（每次修改後都已自動保存）", "save (every change is saved already)")),
      ("export", m(":export [檔案]", ":export [file]"), m("匯出文字稿：印出，或寫入檔案", "export the text: print it, or write it to a file")),
      ("quit", ":quit", m("保存並離開（Ctrl-D 亦可）", "save and leave (Ctrl-D too)")),
    ]
  }

  /// Whether `line` is a command rather than an answer.
  public static func isCommand(_ line: String) -> Bool {
    line.hasPrefix(":") || line.hasPrefix("：")
  }

  /// Parses a command line (with its leading colon).
  /// - Throws: ``AssistantError/unknownCommand(_:)``, ``AssistantError/usage(command:usage:)`` or
  ///   ``AssistantError/invalidAddress(_:)`` with what to type instead.
  public static func parse(_ line: String, template: Template) throws -> Command {
    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
    let name = String(body.prefix { !$0.isWhitespace }).lowercased()
    let rest = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
    let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
    let argument = words.first
    let remainder = words.count > 1 ? words[1] : nil

    func address(_ text: String?) throws -> Address {
      guard let text else { throw usage(name, template.messages) }
      guard let address = template.address(parsing: text) else { throw AssistantError.invalidAddress(text) }
      return address
    }

    switch name {
    case "help", "h", "?": return .help(argument)
    case "show", "s": return .show(try argument.map { try address($0) })
    case "goto", "g": return .goto(try address(argument))
    case "add", "a":
      guard let argument else { throw usage(name, template.messages) }
      guard let container = template.list(parsing: argument) else { throw AssistantError.invalidAddress(argument) }
      return .add(container, remainder)
    case "edit", "e": return .edit(try address(argument), remainder)
    case "delete", "del", "d": return .delete(try address(argument))
    case "move", "m":
      guard let remainder, let position = Int(remainder) else { throw usage(name, template.messages) }
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
  static func usage(_ name: String, _ m: Messages) -> AssistantError {
    let full = reference(m).first { $0.name.hasPrefix(name) || $0.name == name }
    return .usage(command: full?.name ?? name, usage: full?.usage ?? ":help")
  }
}
