import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`, for argument tables.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// Behaviour found by trying the assistant as a clerk: nothing required goes missing unseen, and the clerk is
/// told what happened.
@Suite struct AssistantClerkTests {
  @Test func aRequiredFieldCannotBeEmptiedByEditOrDelete() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午", "政府代區長", "管尊旭"])
    #expect(assistant.handle(":edit chair.title").messages.isEmpty)
    #expect(assistant.prefill == "政府代區長")
    let cleared = assistant.handle("")
    #expect(cleared.isError)
    #expect(cleared.messages == ["「主持人職務」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"])
    #expect(assistant.minutes.text("meeting.chair.title") == "政府代區長")
    let deleted = assistant.handle(":delete date")
    #expect(deleted.isError)
    #expect(deleted.messages == ["「日期」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"])
    #expect(assistant.minutes.text("meeting.date") == "2022-05-20")
    #expect(assistant.handle(":delete 1.kind").messages == ["草稿中沒有 1.kind：還沒有任何「議題」；要添加，請用 :add item。"])
  }

  @Test func aPrefilledEditIsConfirmed() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午"])
    _ = assistant.handle(":edit period")
    let response = assistant.handle("晚上")
    #expect(response.messages == ["已修改 period。"])
    #expect(assistant.minutes.text("meeting.period") == "晚上")
  }

  @Test func theLastAnswerSaysTheInterviewIsOver() throws {
    var assistant = try TestSupport.freshAssistant()
    let notice = assistant.finishedNotice
    #expect(notice == "所有問題都已回答。可用 :show 檢查、:edit 地址 修改、:add 添加、:export 匯出、:quit 離開。")
    var notices = 0
    for line in try TestSupport.seedSessionLines() {
      let wasAsking = assistant.cursor != nil
      let response = assistant.handle(line)
      if wasAsking && assistant.cursor == nil {
        #expect(response.messages.last == notice)
        notices += 1
      }
    }
    #expect(notices == 1)
    #expect(assistant.handle("多餘的一行").messages == [notice])
  }

  @Test func deletingThePartBeingAskedGoesOnAtTheEndOfItsList() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(AssistantTests.header)
    assistant.answer(["傳達", "某會議精神", "", "指出", "", "", "要甲", "", "強調"])
    #expect(assistant.cursor == stored("items.1.directives.2.topic"))
    _ = assistant.handle(":delete 1.2")
    #expect(assistant.cursor == stored("items.1.directives.+"))
    #expect(assistant.minutes.column("items.1.directives", "verb") == ["指出"])
  }

  @Test func theQuestionFollowsItsPartWhenEarlierEntriesAreDeletedOrMoved() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(AssistantTests.header)
    assistant.answer(["傳達", "甲", "", "指出", "", "", "要一", "", ""])
    assistant.answer(["傳達", "乙", "", "指出", "", "", "要二", "", ""])
    assistant.answer(["傳達", "丙", "", "強調", "", "", "要三"])
    #expect(assistant.cursor == stored("items.3.directives.1.points.+"))
    _ = assistant.handle(":delete 1")
    #expect(assistant.cursor == stored("items.2.directives.1.points.+"))
    #expect(assistant.minutes.column("items", "subject") == ["乙", "丙"])
    _ = assistant.handle(":move 2 1")
    #expect(assistant.cursor == stored("items.1.directives.1.points.+"))
    #expect(assistant.minutes.column("items", "subject") == ["丙", "乙"])
    assistant.answer(["要四"])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要三", "要四"])
    _ = assistant.handle(":undo")
    _ = assistant.handle(":undo")
    #expect(assistant.cursor == stored("items.2.directives.1.points.+"))
  }
}
