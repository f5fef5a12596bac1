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
    m.commandReference
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
