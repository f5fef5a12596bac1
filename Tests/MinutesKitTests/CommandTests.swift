import Foundation
import Testing

@testable import MinutesKit

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
    (":s 2", .show(.item(2))),
    ("：show 2.1.3", .show(.point(2, 1, 3))),
    (":goto 2.1.3", .goto(.point(2, 1, 3))),
    (":g date", .goto(.meeting(.date))),
    ("：goto 出席.+", .goto(.end(.attendance(.present)))),
    (":add item", .add(.items, nil)),
    (":a 2", .add(.directives(2), nil)),
    (":add 1.1 要抓好落實", .add(.points(1, 1), "要抓好落實")),
    (":add present 副區長 劉成剛、陳春青", .add(.attendance(.present), "副區長 劉成剛、陳春青")),
    ("：add 列席", .add(.attendance(.inAttendance), nil)),
    (":edit 2.followup 研究部署我區安全生產工作", .edit(.itemField(2, .followUp), "研究部署我區安全生產工作")),
    (":e chair.name", .edit(.meeting(.chairName), nil)),
    (":edit date 2022-05-20  ", .edit(.meeting(.date), "2022-05-20")),
    (":  edit date", .edit(.meeting(.date), nil)),
    (":delete 3", .delete(.item(3))),
    (":del 2.1.3", .delete(.point(2, 1, 3))),
    (":d present.2", .delete(.attendance(.present, 2))),
    (":move 3 1", .move(.item(3), 1)),
    (":m 2.1.3 1", .move(.point(2, 1, 3), 1)),
    (":undo", .undo),
    (":u", .undo),
    (":redo", .redo),
    (":r", .redo),
    (":check", .check),
    (":save", .save),
    (":w", .save),
    (":export", .export(nil)),
    (":x out.txt", .export("out.txt")),
    (":export my minutes.txt", .export("my minutes.txt")),
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
    #expect(try Command.parse(line) == expected)
  }

  @Test func tellsCommandsFromAnswers() {
    #expect(Command.isCommand(":x"))
    #expect(Command.isCommand("：x"))
    #expect(!Command.isCommand("x:"))
    #expect(!Command.isCommand("10:30"))
    #expect(!Command.isCommand(""))
  }

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
    (
      ":goto 2.x", .invalidAddress("2.x"),
      "「2.x」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    ),
    (
      ":edit 2.1.3.4 要", .invalidAddress("2.1.3.4"),
      "「2.1.3.4」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    ),
    (
      ":show present", .invalidAddress("present"),
      "「present」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    ),
    (
      ":add foo 要", .invalidAddress("foo"),
      "「foo」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    ),
    (
      ":move x 1", .invalidAddress("x"),
      "「x」不是地址。地址如 2（議題2）、2.1（議題2 指示1）、2.1.3（要點3）、date、present.2；輸入 :show 查看所有地址。"
    ),
  ])
  func refusesMistypedCommandsWithExactMessages(line: String, error: AssistantError, message: String) {
    #expect(throws: error) { try Command.parse(line) }
    #expect(error.errorDescription == message)
  }

  @Test func referenceListsEveryCommandOnceInHelpOrder() {
    #expect(Command.reference.map(\.name) == [
      "help", "show", "goto", "add", "edit", "delete", "move", "undo", "redo", "check", "save", "export", "quit",
    ])
    for entry in Command.reference {
      #expect(entry.usage.hasPrefix(":\(entry.name)"), "\(entry.name)")
      #expect(!entry.summary.isEmpty)
    }
  }
}
