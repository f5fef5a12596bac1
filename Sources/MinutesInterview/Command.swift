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
  /// `:edit address --editor`: the part's value in the clerk's editor (`$VISUAL`, `$EDITOR`).
  case editInEditor(Address)
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
  /// `:export [file] [--format name] [--script hans|hant]`, or `:export! file` to overwrite without asking.
  case export(ExportCommand)
  /// `:house [choice [value]]`: the house-style choices (see `Template.houseStyle`), one of them, or a new value
  /// for one.
  case house(String?, String?)
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

  /// The command typed after an answer on the same line (`Tobias Mwangi:goto 2.seconder`, `王芳 :undo`): from its
  /// colon (`:` or `：`) to the end, when a command's name (``names``) follows the colon and then a space or the end
  /// of the line; `nil` for a line without one, or that is a command itself.
  public static func typedAfterAnswer(in line: String) -> String? {
    guard !isCommand(line) else { return nil }
    var index = line.startIndex
    while let colon = line[index...].firstIndex(where: { $0 == ":" || $0 == "：" }) {
      let after = line.index(after: colon)
      let word = line[after...].prefix { $0.isASCII && $0.isLetter }
      if !word.isEmpty, names.contains(String(word)), word.endIndex == line.endIndex || line[word.endIndex].isWhitespace {
        return String(line[colon...])
      }
      index = after
    }
    return nil
  }

  /// Parses a command line (with its leading colon).
  /// - Throws: ``AssistantError/unknownCommand(_:)``, ``AssistantError/usage(command:usage:)``,
  ///   ``AssistantError/extraWords(command:extra:usage:)`` or
  ///   ``AssistantError/invalidAddress(_:examples:)`` with what to type instead.
  public static func parse(_ line: String, template: Template) throws -> Command {
    let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
    var name = String(body.prefix { !$0.isWhitespace }).lowercased()
    let typedName = name
    // `:export! file` (or `！` as Chinese input methods type it): overwrite without asking.
    let isForced = name.count > 1 && (name.hasSuffix("!") || name.hasSuffix("！"))
    if isForced { name.removeLast() }
    let rest = body.dropFirst(typedName.count).trimmingCharacters(in: .whitespaces)
    // Apart by a space, or the full-width one a Chinese input method types (`：edit　4　…`).
    let words = rest.split(maxSplits: 1, whereSeparator: \.isWhitespace).map(String.init)
    let argument = words.first
    let remainder = words.count > 1 ? words[1] : nil

    func address(_ text: String?) throws -> Address {
      guard let text else { throw usage(name, template.messages) }
      guard let address = template.address(parsing: text) else {
        throw AssistantError.invalidAddress(text, examples: template.addressExamples)
      }
      return address
    }

    /// Refuses what a command does not take: `count` words at most (an address), none after them.
    func taking(_ count: Int) throws {
      let extra = count == 0 ? rest : (remainder ?? "")
      guard extra.isEmpty else {
        let usage = Self.usage(name, template.messages)
        guard case .usage(let command, let line) = usage else { throw usage }
        throw AssistantError.extraWords(command: command, extra: extra, usage: line)
      }
    }

    if isForced && name != "export" && name != "x" { throw AssistantError.unknownCommand(typedName) }
    switch name {
    case "help", "h", "?": return .help(argument)
    case "show", "s":
      try taking(1)
      return .show(try argument.map { try address($0) })
    case "goto", "g":
      try taking(1)
      return .goto(try address(argument))
    case "add", "a":
      guard let argument else { throw usage(name, template.messages) }
      guard let container = template.list(parsing: argument) else {
        throw AssistantError.invalidAddress(argument, examples: template.addressExamples)
      }
      return .add(container, remainder)
    case "edit", "e":
      if remainder == "--editor" { return .editInEditor(try address(argument)) }
      if argument == "--editor" { return .editInEditor(try address(remainder)) }
      return .edit(try address(argument), remainder)
    case "delete", "del", "d":
      try taking(1)
      return .delete(try address(argument))
    case "move", "m":
      guard let remainder, let position = Int(remainder) else { throw usage(name, template.messages) }
      return .move(try address(argument), position)
    case "undo", "u":
      try taking(0)
      return .undo
    case "redo", "r":
      try taking(0)
      return .redo
    case "check":
      try taking(0)
      return .check
    case "save", "w":
      try taking(0)
      return .save
    case "export", "x": return .export(try exportCommand(rest, overwrite: isForced, template.messages))
    case "house":
      return .house(argument, remainder)
    case "quit", "q", "exit":
      try taking(0)
      return .quit
    case "": throw AssistantError.unknownCommand("")
    default: throw AssistantError.unknownCommand(typedName)
    }
  }

  /// The words after `:export`: `--format NAME` and `--script NAME` (or `--format=NAME`) wherever they stand,
  /// the rest the file (words joined by one space). `:export!` needs a file.
  static func exportCommand(_ rest: String, overwrite: Bool, _ m: Messages) throws -> ExportCommand {
    var command = ExportCommand(overwrite: overwrite)
    var file: [String] = []
    var words = rest.split(whereSeparator: \.isWhitespace).map(String.init)[...]
    while let word = words.popFirst() {
      guard word.hasPrefix("--") else {
        file.append(word)
        continue
      }
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard let value = parts.count == 2 ? parts[1] : words.popFirst(), !value.hasPrefix("--") else {
        throw usage("export", m)
      }
      switch parts[0] {
      case "--format": command.format = value
      case "--script": command.script = value
      default: throw usage("export", m)
      }
    }
    command.file = file.isEmpty ? nil : file.joined(separator: " ")
    if overwrite && command.file == nil { throw usage("export", m) }
    return command
  }

  /// The usage error of the command `name`.
  static func usage(_ name: String, _ m: Messages) -> AssistantError {
    let full = reference(m).first { $0.name.hasPrefix(name) || $0.name == name }
    return .usage(command: full?.name ?? name, usage: full?.usage ?? ":help")
  }
}

/// What `:export` asks for, as typed; the names are checked where the export is made (the format and script are
/// the export's business, not the interview's).
public struct ExportCommand: Hashable, Sendable {
  /// The file to write, relative to the workspace; `nil` prints the export.
  public var file: String?
  /// The format named with `--format`; `nil`: the one the file's extension chooses, else text.
  public var format: String?
  /// The script named with `--script` (`hans`, `hant`); `nil`: the template's own.
  public var script: String?
  /// `:export!`: overwrite the file without asking.
  public var overwrite: Bool

  /// A request to export to `file` (printed when `nil`) in `format` and `script`, overwriting without asking
  /// when `overwrite`.
  public init(file: String? = nil, format: String? = nil, script: String? = nil, overwrite: Bool = false) {
    (self.file, self.format, self.script, self.overwrite) = (file, format, script, overwrite)
  }
}
