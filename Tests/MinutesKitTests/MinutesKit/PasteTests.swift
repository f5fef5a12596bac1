import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Several lines given at once (a bracketed paste, the editor's text) are one answer: entries of a list of texts
/// in one change, one paragraph in a text field, or nothing and a word why.
@Suite struct PasteTests {
  /// The team-meeting template's first item, at its decisions (a list of texts).
  static func atDecisions() throws -> Assistant {
    let template = try TestSupport.template(id: "team-meeting.en")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    for line in ["Sync", "2024-05-14", "Maya Chen", "", "Maya Chen", "", "", "", "Release", ""] {
      _ = assistant.handle(line)
    }
    #expect(assistant.prompt == "Item 1 Decision 1> ")
    return assistant
  }

  @Test func linesAtAListOfTextsBecomeEntriesThatOneUndoTakesBack() throws {
    var assistant = try Self.atDecisions()
    let response = assistant.paste(["Keep the date.", "", "Cut the\u{1B}[31m branch."])
    #expect(!response.isError)
    #expect(response.messages == [
      "Removed from this line: the terminal escape sequence \\u{1B}[31m. The rest is used as typed.",
      "The 2 pasted lines became 2 entries, Item 1 Decision 1 to Item 1 Decision 2; :undo takes the whole paste back.",
    ])
    #expect(assistant.minutes.text("items.1.decisions.1") == "Keep the date.")
    #expect(assistant.minutes.text("items.1.decisions.2") == "Cut the branch.")
    #expect(assistant.prompt == "Item 1 Decision 3> ")
    let undone = assistant.handle(":undo")
    #expect(undone.messages == ["Undone: paste of 2 lines into 1."])
    #expect(assistant.minutes.text("items.1.decisions.1") == nil)
    #expect(assistant.prompt == "Item 1 Decision 1> ")
  }

  /// Points copied from a PDF whose sentences broke where the page was narrow: the broken lines are joined again
  /// (the last line ends a sentence, the broken ones do not), and each point is one entry.
  @Test func chineseSentencesBrokenAcrossLinesAreJoinedBeforeTheyBecomeEntries() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2024-05-03", "下午", "區長", "林振華", "", "區政府", "3", "常務會議", "傳達學習", "甲", "", "強調", "", ""])
    #expect(assistant.prompt == "議題1 指示1 要點1> ")
    let response = assistant.paste(["要加強汛期值守，各鎮街要落實", "二十四小時值班制度；", "要做好轉移安置準備。"])
    #expect(response.messages.first == "貼上的 3 行中有句子斷成了幾行（行末沒有句末標點），已接回成 2 句。")
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要加強汛期值守，各鎮街要落實二十四小時值班制度", "要做好轉移安置準備"])
    // Lines none of which ends a sentence are points typed without their marks: each its own.
    #expect(Assistant.unwrapped(["要加強值守", "要做好安置"]) == ["要加強值守", "要做好安置"])
    #expect(Assistant.unwrapped(["要「加強」值守；", "要做好（安置）。」"]) == ["要「加強」值守；", "要做好（安置）。」"])
  }

  @Test func linesAtATextFieldBecomeOneParagraphAndChineseLinesJoinWithoutASpace() throws {
    let template = try TestSupport.template(id: "team-meeting.en")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let response = assistant.paste(["Platform Team", "Weekly Sync"])
    #expect(response.messages.first == "The 2 lines were joined into one paragraph.")
    #expect(assistant.minutes.text("meeting.title") == "Platform Team Weekly Sync")
    #expect(Assistant.paragraph(["要堅持原則，", "落實到位。", "Plan B", "ready"]) == "要堅持原則，落實到位。Plan B ready")
  }

  /// A roll call copied from an attendance sheet, one member a line: each line is read as a typed line is (a name,
  /// `, remote`) and is one entry; names split at commas count each; a line refused refuses the paste, and says
  /// which line and why.
  @Test func aRollCallPastedOneMemberALineIsEntries() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    let lines = TestSupport.lines(try String(contentsOf: TestSupport.fixture("council/alder-creek.session.txt"), encoding: .utf8))
    assistant.answer(Array(lines.prefix(15)))
    #expect(assistant.prompt == "Present 1> ")
    let refused = assistant.paste(["Dana Reyes", "Samuel Grant, sometimes"])
    #expect(refused.isError)
    #expect(refused.messages == ["Line 2 of the 2 pasted lines: ‘sometimes’ is not one of the choices: in person, remote (Tab completes). None of the lines was taken; correct it and paste again, or type the entries one at a time."])
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.present")).isEmpty)
    // A blank line counts as a line pasted: the line named is the one the clerk sees.
    let withBlank = assistant.paste(["Dana Reyes", "", "Samuel Grant, sometimes"])
    #expect(withBlank.messages.first?.hasPrefix("Line 3 of the 3 pasted lines: ‘sometimes’") == true, "\(withBlank.messages)")
    let response = assistant.paste(["Ana Ortiz", "Dana Reyes", "Samuel Grant, remote", "Priya Shah"])
    #expect(response.messages.first == "The 4 pasted lines became 4 entries, Present 1 to Present 4; :undo takes the whole paste back.")
    #expect(assistant.minutes.text("attendance.present.3.name") == "Samuel Grant")
    #expect(assistant.minutes.text("attendance.present.3.mode") == "remote")
    #expect(assistant.prompt == "Present 5> ")
    // At a list of names split at commas, a line may hold several.
    _ = assistant.handle("")
    #expect(assistant.prompt == "Absent 1> ")
    let absent = assistant.paste(["Wendell Hart, Leah Kim", "Omar Haddad"])
    #expect(absent.messages.first == "The 2 pasted lines became 3 entries, Absent 1 to Absent 3; :undo takes the whole paste back.")
  }

  @Test func linesWhereOneLineIsAskedAnswerNothing() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.paste(["2022-05-20", "2022-05-21"])
    #expect(response.isError)
    #expect(response.messages == ["貼上的內容有 2 行，「日期」只收一行，所以一行也沒有採用。請一次貼上一行，或用 :edit 地址 --editor 在編輯器中編寫。"])
    #expect(assistant.minutes.text("meeting.date") == nil)
    #expect(assistant.prompt == "日期> ")
  }

  @Test func editWithEditorWaitsForTheEditorsTextAndJoinsItsLines() throws {
    var assistant = try TestSupport.freshAssistant()
    _ = assistant.handle("2022-05-20")
    _ = assistant.handle(":e date --editor")
    #expect(assistant.opensEditor)
    #expect(assistant.prefill == "2022-05-20")
    let response = assistant.takeEditorText(["2022-05-21"])
    #expect(!assistant.opensEditor)
    #expect(assistant.minutes.text("meeting.date") == "2022-05-21")
    #expect(!response.isError)
  }
}
