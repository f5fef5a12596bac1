import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`, for argument tables.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// ``Command``: every command and alias (with either colon), and the exact messages of the errors a mistyped
/// command gives.
@Suite struct CommandTests {
  @Test(arguments: [
    (":help", Command.help(nil)),
    (":h", .help(nil)),
    (":?", .help(nil)),
    ("：help", .help(nil)),
    (":help add", .help("add")),
    (":HELP", .help(nil)),
    (":show", .show(nil)),
    (":s 2", .show(stored("items.2"))),
    ("：show 2.1.3", .show(stored("items.2.directives.1.points.3"))),
    (":show present", .show(stored("attendance.present"))),
    (":goto 2.1.3", .goto(stored("items.2.directives.1.points.3"))),
    (":g date", .goto(stored("meeting.date"))),
    ("：goto 出席.+", .goto(stored("attendance.present.+"))),
    (":add item", .add(stored("items"), nil)),
    (":a 2", .add(stored("items.2.directives"), nil)),
    (":add 1.1 要抓好落實", .add(stored("items.1.directives.1.points"), "要抓好落實")),
    // The full-width space a Chinese input method types parts the words as a space does (a trial's `：edit　4`
    // was refused as the address `4　…`).
    ("：add　1.1　要抓好落實", .add(stored("items.1.directives.1.points"), "要抓好落實")),
    ("：show　2.1.3", .show(stored("items.2.directives.1.points.3"))),
    ("：edit　2.1.3　要抓好落實", .edit(stored("items.2.directives.1.points.3"), "要抓好落實")),
    (":add present 副區長 劉成剛、陳春青", .add(stored("attendance.present"), "副區長 劉成剛、陳春青")),
    ("：add 列席", .add(stored("attendance.inAttendance"), nil)),
    (":add arrangements 甲、乙", .add(stored("arrangements.topics"), "甲、乙")),
    (":edit 2.followup 研究部署我區安全生產工作", .edit(stored("items.2.followUp"), "研究部署我區安全生產工作")),
    (":e chair.name", .edit(stored("meeting.chair.name"), nil)),
    (":edit date 2022-05-20  ", .edit(stored("meeting.date"), "2022-05-20")),
    (":  edit date", .edit(stored("meeting.date"), nil)),
    (":delete 3", .delete(stored("items.3"))),
    (":del 2.1.3", .delete(stored("items.2.directives.1.points.3"))),
    (":d present.2", .delete(stored("attendance.present.2"))),
    (":move 3 1", .move(stored("items.3"), 1)),
    (":m 2.1.3 1", .move(stored("items.2.directives.1.points.3"), 1)),
    (":undo", .undo),
    (":u", .undo),
    (":redo", .redo),
    (":r", .redo),
    (":check", .check),
    (":save", .save),
    (":w", .save),
    (":export", .export(ExportCommand())),
    (":x out.txt", .export(ExportCommand(file: "out.txt"))),
    (":export my minutes.txt", .export(ExportCommand(file: "my minutes.txt"))),
    (":export out.md --script hans", .export(ExportCommand(file: "out.md", script: "hans"))),
    (":export --format=markdown --script hant", .export(ExportCommand(format: "markdown", script: "hant"))),
    (":export --format text my  minutes.txt", .export(ExportCommand(file: "my minutes.txt", format: "text"))),
    (":export! out.txt", .export(ExportCommand(file: "out.txt", overwrite: true))),
    ("：export！ 紀要.txt", .export(ExportCommand(file: "紀要.txt", overwrite: true))),
    (":x! out.txt --script hans", .export(ExportCommand(file: "out.txt", script: "hans", overwrite: true))),
    (":house", .house(nil, nil)),
    (":house chair", .house("chair", nil)),
    (":house chair name-first", .house("chair", "name-first")),
    (":quit", .quit),
    (":q", .quit),
    (":exit", .quit),
    ("：quit", .quit),
    ("  :quit", nil),
  ])
  func parsesCommandsAndAliases(line: String, expected: Command?) throws {
    guard let expected else {
      #expect(!Command.isCommand(line))
      return
    }
    #expect(Command.isCommand(line))
    #expect(try Command.parse(line, template: TestSupport.template()) == expected)
  }

  @Test func tellsCommandsFromAnswers() {
    #expect(Command.isCommand(":x"))
    #expect(Command.isCommand("：x"))
    #expect(!Command.isCommand("x:"))
    #expect(!Command.isCommand("10:30"))
    #expect(!Command.isCommand(""))
  }

  static let notAnAddress = "不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（議題2 指示1 要點3）、date（日期）、present.2（出席2）；輸入 :show 查看所有地址。"

  /// The addresses the seed template shows a clerk who typed one it does not have.
  static let examples = [
    AddressExample(address: "2", label: "議題2"), AddressExample(address: "2.1", label: "議題2 指示1"),
    AddressExample(address: "2.1.3", label: "議題2 指示1 要點3"), AddressExample(address: "date", label: "日期"),
    AddressExample(address: "present.2", label: "出席2"),
  ]

  @Test(arguments: [
    (":foo", AssistantError.unknownCommand("foo"), "沒有 :foo 這個命令。輸入 :help 查看所有命令。"),
    ("：幫助", .unknownCommand("幫助"), "沒有 :幫助 這個命令。輸入 :help 查看所有命令。"),
    (":", .unknownCommand(""), "沒有 : 這個命令。輸入 :help 查看所有命令。"),
    (":goto", .usage(command: "goto", usage: ":goto 地址"), ":goto 的用法：:goto 地址"),
    (":g", .usage(command: "goto", usage: ":goto 地址"), ":goto 的用法：:goto 地址"),
    (":add", .usage(command: "add", usage: ":add 列表 [內容]"), ":add 的用法：:add 列表 [內容]"),
    (":edit", .usage(command: "edit", usage: ":edit 地址 [新內容]"), ":edit 的用法：:edit 地址 [新內容]"),
    (":e", .usage(command: "edit", usage: ":edit 地址 [新內容]"), ":edit 的用法：:edit 地址 [新內容]"),
    (":delete", .usage(command: "delete", usage: ":delete 地址"), ":delete 的用法：:delete 地址"),
    (":del", .usage(command: "delete", usage: ":delete 地址"), ":delete 的用法：:delete 地址"),
    (":move", .usage(command: "move", usage: ":move 地址 位置"), ":move 的用法：:move 地址 位置"),
    (":move 3", .usage(command: "move", usage: ":move 地址 位置"), ":move 的用法：:move 地址 位置"),
    (":m 3 first", .usage(command: "move", usage: ":move 地址 位置"), ":move 的用法：:move 地址 位置"),
    (":export!", .usage(command: "export", usage: ":export [檔案] [選項]"), ":export 的用法：:export [檔案] [選項]"),
    (":export out.txt --format", .usage(command: "export", usage: ":export [檔案] [選項]"), ":export 的用法：:export [檔案] [選項]"),
    (":export --format --script hans", .usage(command: "export", usage: ":export [檔案] [選項]"), ":export 的用法：:export [檔案] [選項]"),
    (":export --force out.txt", .usage(command: "export", usage: ":export [檔案] [選項]"), ":export 的用法：:export [檔案] [選項]"),
    (":quit!", .unknownCommand("quit!"), "沒有 :quit! 這個命令。輸入 :help 查看所有命令。"),
    (":goto 2.x", .invalidAddress("2.x", examples: CommandTests.examples), "「2.x」" + CommandTests.notAnAddress),
    (":edit 2.1.3.4 要", .invalidAddress("2.1.3.4", examples: CommandTests.examples), "「2.1.3.4」" + CommandTests.notAnAddress),
    (":show present.x", .invalidAddress("present.x", examples: CommandTests.examples), "「present.x」" + CommandTests.notAnAddress),
    (":add foo 要", .invalidAddress("foo", examples: CommandTests.examples), "「foo」" + CommandTests.notAnAddress),
    (":add date 2022-05-20", .invalidAddress("date", examples: CommandTests.examples), "「date」" + CommandTests.notAnAddress),
    (":add 2.1.1 要", .invalidAddress("2.1.1", examples: CommandTests.examples), "「2.1.1」" + CommandTests.notAnAddress),
    (":move x 1", .invalidAddress("x", examples: CommandTests.examples), "「x」" + CommandTests.notAnAddress),
    // Words a command does not take are refused, not passed over: `:save 紀要.txt` saves no file.
    (":save 紀要.txt", .extraWords(command: "save", extra: "紀要.txt", usage: ":save"), ":save 後面不接「紀要.txt」，所以什麼都沒有做。用法：:save"),
    (":quit now", .extraWords(command: "quit", extra: "now", usage: ":quit"), ":quit 後面不接「now」，所以什麼都沒有做。用法：:quit"),
    (":undo 2", .extraWords(command: "undo", extra: "2", usage: ":undo"), ":undo 後面不接「2」，所以什麼都沒有做。用法：:undo"),
    (":check all", .extraWords(command: "check", extra: "all", usage: ":check"), ":check 後面不接「all」，所以什麼都沒有做。用法：:check"),
    (":delete 2 3", .extraWords(command: "delete", extra: "3", usage: ":delete 地址"), ":delete 後面不接「3」，所以什麼都沒有做。用法：:delete 地址"),
    (":goto 2 date", .extraWords(command: "goto", extra: "date", usage: ":goto 地址"), ":goto 後面不接「date」，所以什麼都沒有做。用法：:goto 地址"),
  ])
  func refusesMistypedCommandsWithExactMessages(line: String, error: AssistantError, message: String) throws {
    let template = try TestSupport.template()
    #expect(throws: error) { try Command.parse(line, template: template) }
    #expect(error.errorDescription == message)
    #expect(error.message(template.messages) == message)
  }

  /// A mistyped address is answered with addresses of the template in use, named as its prompts name them: a
  /// board's numbered list is its motions, not agenda items, and it has no `2.1`.
  @Test func aMistypedAddressIsAnsweredWithTheTemplatesOwnAddresses() throws {
    let board = try TestSupport.template(id: "board-meeting.en")
    let error = try #require(throws: AssistantError.self) { try Command.parse(":edit 2.x", template: board) }
    #expect(error.message(board.messages)
      == "‘2.x’ is not an address. Addresses look like 2 (Motion 2), date (Date), present.2 (Present 2); type :show to see them all.")
    let team = try TestSupport.template(id: "team-meeting.en")
    #expect(team.addressExamples.map(\.address) == ["2", "2.1", "date"])
    #expect(team.addressExamples.first?.label == "Item 2")
  }

  @Test func messagesFollowTheTemplatesLanguage() {
    let error = AssistantError.usage(command: "goto", usage: ":goto address")
    #expect(error.message(Messages(language: "en")) == "Usage of :goto: :goto address")
    #expect(AssistantError.nothingTo("undo").message(Messages(language: "zh-Hans")) == "没有可撤销的操作。")
    #expect(AssistantError.nothingTo("undo").message(Messages(language: "zh-Hant")) == "沒有可撤銷的操作。")
    #expect(AssistantError.nothingTo("redo").message(Messages(language: "en")) == "Nothing to redo.")
  }

  @Test func referenceListsEveryCommandOnceInHelpOrder() {
    let names = ["help", "show", "goto", "add", "edit", "delete", "move", "undo", "redo", "check", "save", "export", "house", "quit"]
    #expect(Command.names == names)
    for language in ["zh-Hant", "zh-Hans", "en"] {
      let reference = Command.reference(Messages(language: language))
      #expect(reference.map(\.name) == names, "\(language)")
      for entry in reference {
        #expect(entry.usage.hasPrefix(":\(entry.name)"), "\(language) \(entry.name)")
        #expect(!entry.summary.isEmpty)
      }
    }
  }
}
