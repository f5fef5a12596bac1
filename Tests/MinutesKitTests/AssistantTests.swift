import Foundation
import Testing

@testable import MinutesKit

/// ``Assistant`` (and the ``Editor`` and ``Interview`` behind it), driven line by line through
/// ``Assistant/handle(_:)`` as the REPL drives it: the interview order, blank and wrong answers, every command,
/// and how answers are cleaned up before they are stored.
@Suite struct AssistantTests {
  // MARK: - Scripts

  /// Answers to the eight header questions.
  static let header = ["2022-05-20", "下午", "政府代區長", "管尊旭", "十", "區政府", "3", "常務會議"]

  /// The answers that add one agenda item with one directive (no topic, no lead) and its points, ending at `+`.
  static func item(_ kind: String, _ subject: String, status: String? = nil, verb: String = "指出",
                   points: [String]) -> [String] {
    [kind, subject] + (status.map { [$0] } ?? []) + ["", verb, "", ""] + points + ["", ""]
  }

  /// An assistant after the header and three items (甲 with points 要一, 要二; 乙; 審議 丙 草案), at `+`.
  static func threeItems() throws -> Assistant {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(
      header + item("傳達學習", "甲", points: ["要一", "要二"]) + item("傳達", "乙", points: ["要三"])
        + item("審議", "丙", status: "草案", points: ["要四"]))
    #expect(assistant.cursor == .end(.items))
    return assistant
  }

  /// An assistant after the header and one item, at the end of the present list.
  static func atPresent() throws -> Assistant {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(header + item("傳達學習", "甲", points: ["要一"]) + ["", "", "", "否"])
    #expect(assistant.cursor == .end(.attendance(.present)))
    return assistant
  }

  static func required(_ label: String) -> String {
    "「\(label)」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"
  }

  static func noSuchPart(_ address: String) -> String { "草稿中沒有 \(address)。輸入 :show 查看現有的地址。" }

  // MARK: - The interview order

  /// Each line and where the interview stands after it.
  static let walk: [(String, Address?)] = [
    ("2022-05-20", .meeting(.period)),
    ("下午", .meeting(.chairTitle)),
    ("政府代區長", .meeting(.chairName)),
    ("管尊旭", .meeting(.term)),
    ("十", .meeting(.body)),
    ("區政府", .meeting(.number)),
    ("3", .meeting(.kind)),
    ("常務會議", .end(.items)),
    ("審議", .itemField(1, .subject)),
    ("《辦法》", .itemField(1, .status)),
    ("討論稿", .itemField(1, .followUp)),
    ("", .end(.directives(1))),
    ("要求", .directiveField(1, 1, .topic)),
    ("", .directiveField(1, 1, .lead)),
    ("", .end(.points(1, 1))),
    ("要堅持原則。", .end(.points(1, 1))),
    ("要抓好落實", .end(.points(1, 1))),
    ("", .end(.directives(1))),
    ("", .end(.items)),
    ("傳達", .itemField(2, .subject)),
    ("會議精神", .itemField(2, .followUp)),
    ("研究部署工作", .end(.directives(2))),
    ("指出", .directiveField(2, 1, .topic)),
    ("抓好工作", .directiveField(2, 1, .lead)),
    ("會議認為形勢嚴峻", .end(.points(2, 1))),
    ("要加強領導", .end(.points(2, 1))),
    ("", .end(.directives(2))),
    ("", .end(.items)),
    ("", .arrangementScope),
    ("全區下一步", .end(.arrangementTopics)),
    ("疫情防控、安全生產", .end(.arrangementTopics)),
    ("", .otherMatters),
    ("否", .end(.attendance(.present))),
    ("副區長 劉成剛、陳春青", .end(.attendance(.present))),
    ("", .end(.attendance(.inAttendance))),
    ("區人大代表 秦雪", .end(.attendance(.inAttendance))),
    ("", .end(.attendance(.absent))),
    ("副區長 張三 出差", .end(.attendance(.absent))),
    ("", nil),
  ]

  static var walkedMinutes: Minutes {
    var m = Minutes(template: "gov-executive.zh-Hant")
    m.meeting.date = MeetingDate(year: 2022, month: 5, day: 20)
    m.meeting.period = "下午"
    m.meeting.chair = Chair(title: "政府代區長", name: "管尊旭")
    m.meeting.term = 10
    m.meeting.body = "區政府"
    m.meeting.number = 3
    m.meeting.kind = "常務會議"
    m.items = [
      AgendaItem(kind: "審議", subject: "辦法", status: "討論稿",
                 directives: [Directive(verb: "要求", points: ["要堅持原則", "要抓好落實"])]),
      AgendaItem(kind: "傳達", subject: "會議精神", followUp: "研究部署工作",
                 directives: [Directive(verb: "指出", topic: "抓好工作", lead: "會議認為形勢嚴峻", points: ["要加強領導"])]),
    ]
    m.arrangements = Arrangements(scope: "全區下一步", topics: ["疫情防控", "安全生產"])
    m.otherMatters = false
    m.attendance = Attendance(
      present: [AttendanceGroup(title: "副區長", names: ["劉成剛", "陳春青"])],
      inAttendance: [AttendanceGroup(title: "區人大代表", names: ["秦雪"])],
      absent: [Absence(title: "副區長", name: "張三", reason: "出差")])
    return m
  }

  @Test func answersWalkTheTemplateInOrder() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.cursor == .meeting(.date))
    for (step, (line, expected)) in zip(1..., Self.walk) {
      let response = assistant.handle(line)
      #expect(!response.isError, "step \(step) \(line.debugDescription): \(response.messages)")
      #expect(response.changed, "step \(step)")
      #expect(assistant.cursor == expected, "step \(step) \(line.debugDescription)")
    }
    #expect(assistant.minutes == Self.walkedMinutes)
  }

  @Test func afterTheLastQuestionOnlyCommandsAreTaken() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.walk.map(\.0))
    #expect(assistant.cursor == nil)
    #expect(assistant.prompt == "命令> ")
    #expect(assistant.question == nil)
    #expect(assistant.prefill == nil)
    #expect(assistant.handle("") == Assistant.Response())
    let response = assistant.handle("多出來的一行")
    #expect(response.isError)
    #expect(response.messages == ["所有問題都已回答。可用 :show 檢查、:edit 地址 修改、:add 添加、:export 匯出、:quit 離開。"])
    #expect(assistant.minutes == Self.walkedMinutes)
  }

  @Test func promptsAndQuestionsNameWhereTheClerkIs() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.prompt == "日期> ")
    #expect(assistant.question == "會議日期？（年-月-日，如 2022-05-20；年份存檔，報道中不印出）")
    assistant.answer(Self.header)
    #expect(assistant.prompt == "議題1 類型> ")
    #expect(assistant.question == "議題 1 的類型？（傳達學習、傳達或審議；Tab 可補全；直接按 Enter 表示議題已全部輸入）")
    assistant.answer(["傳達學習", "甲", "", "指出", "", ""])
    #expect(assistant.prompt == "議題1 指示1 要點1> ")
    #expect(assistant.question == "第 1 個要點？（以「要…」開頭，可接展開的句子；直接按 Enter 結束本條指示）")
    assistant.answer(["要一"])
    #expect(assistant.prompt == "議題1 指示1 要點2> ")
    assistant.answer(["", ""])
    #expect(assistant.prompt == "議題2 類型> ")
    assistant.answer(["", ""])
    #expect(assistant.prompt == "安排事項1> ")
    #expect(assistant.question == "安排部署的第 1 項工作？（如 疫情防控；直接按 Enter 結束）")
  }

  // MARK: - Blank and wrong answers

  @Test func blankSkipsOptionalQuestions() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["審議", "辦法"])
    for expected: Address in [.itemField(1, .followUp), .end(.directives(1))] {
      let response = assistant.handle("   ")
      #expect(!response.isError)
      #expect(assistant.cursor == expected)
    }
    #expect(assistant.minutes.items[0].status == nil)
    #expect(assistant.minutes.items[0].followUp == nil)
  }

  @Test(arguments: [
    ([String](), Address.meeting(.date), "日期"),
    (AssistantTests.header, .end(.items), "議題1 類型"),
    (AssistantTests.header + ["傳達學習", "甲", ""], .end(.directives(1)), "議題1 指示1 動詞"),
    (AssistantTests.header + ["傳達學習", "甲", "", "指出", "", ""], .end(.points(1, 1)), "議題1 指示1 要點1"),
    (AssistantTests.header + ["傳達學習"], .itemField(1, .subject), "議題1 內容"),
    (AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", ""], .otherMatters, "其他事項"),
    (AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", "", "是"],
     .end(.attendance(.present)), "出席1"),
  ])
  func blankOnARequiredQuestionIsRefusedAndTheCursorStays(setup: [String], at slot: Address, label: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(setup)
    #expect(assistant.cursor == slot)
    let before = assistant.minutes
    let response = assistant.handle("")
    #expect(response.isError)
    #expect(!response.changed)
    #expect(response.messages == [Self.required(label)])
    #expect(assistant.cursor == slot)
    #expect(assistant.minutes == before)
  }

  @Test(arguments: [
    ([String](), "中午", "「中午」不是可選項。可選：上午、下午、晚上（按 Tab 補全）。"),
    (AssistantTests.header, "討論", "「討論」不是可選項。可選：傳達學習、傳達、審議（按 Tab 補全）。"),
    (AssistantTests.header + ["傳達學習", "甲", ""], "說",
     "「說」不是可選項。可選：指出、強調、要求、認為、決定、原則同意、原則通過（按 Tab 補全）。"),
    (AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", ""], "也許",
     "「也許」不是可選項。可選：是、有、否、沒有、無（按 Tab 補全）。"),
  ])
  func aWrongChoiceListsTheChoices(setup: [String], answer: String, message: String) throws {
    var assistant = try TestSupport.freshAssistant()
    if setup.isEmpty { assistant.answer(["2022-05-20"]) } else { assistant.answer(setup) }
    let cursor = assistant.cursor
    let response = assistant.handle(answer)
    #expect(response.isError)
    #expect(response.messages == [message])
    #expect(assistant.cursor == cursor)
  }

  @Test func anOpenChoiceAcceptsOtherAnswers() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Array(Self.header.dropLast()) + ["專題研究會議"])
    #expect(assistant.minutes.meeting.kind == "專題研究會議")
    #expect(assistant.cursor == .end(.items))
  }

  @Test(arguments: [
    ("2022-02-30", "「2022-02-30」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"),
    ("5月20日", "「5月20日」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"),
    ("明天", "「明天」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"),
  ])
  func anInvalidDateIsRefused(answer: String, message: String) throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(answer)
    #expect(response.isError)
    #expect(response.messages == [message])
    #expect(assistant.cursor == .meeting(.date))
    #expect(assistant.minutes.meeting.date == nil)
  }

  @Test(arguments: ["2022年5月20日", "２０２２－０５－２０", " 2022/5/20 "])
  func datesAreTakenInTheFormsClerksType(answer: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer([answer])
    #expect(assistant.minutes.meeting.date?.description == "2022-05-20")
  }

  @Test func termAndNumberTakeDigitsNumeralsAndTheirFrame() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Array(Self.header.prefix(4)) + ["第十屆", "區政府", "第3次"])
    #expect(assistant.minutes.meeting.term == 10)
    #expect(assistant.minutes.meeting.number == 3)
    assistant.answer([":edit term 12"])
    #expect(assistant.minutes.meeting.term == 12)
    let response = assistant.handle(":edit number abc")
    #expect(response.messages == ["「abc」不是正整數。請輸入如 3 或 十。"])
    #expect(assistant.minutes.meeting.number == 3)
  }

  // MARK: - Editing

  @Test func editWithAValueChangesThePartAndKeepsTheCursor() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":edit chair.name 王五")
    #expect(!response.isError)
    #expect(response.changed)
    #expect(response.messages == ["已修改 chair.name。"])
    #expect(assistant.minutes.meeting.chair.name == "王五")
    #expect(assistant.cursor == .end(.items))

    assistant.answer([":edit 1.1.2 要二改。", ":e 2 乙改", ":edit 2.followup ，研究部署", ":edit 3.status （送審稿）"])
    #expect(assistant.minutes.items[0].directives[0].points == ["要一", "要二改"])
    #expect(assistant.minutes.items[1].subject == "乙改")
    #expect(assistant.minutes.items[1].followUp == "研究部署")
    #expect(assistant.minutes.items[2].status == "送審稿")
    #expect(assistant.cursor == .end(.items))
  }

  @Test func editWithoutAValueTakesTheNextLine() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":edit chair.name")
    #expect(response == Assistant.Response())
    #expect(assistant.pendingEdit == .meeting(.chairName))
    #expect(assistant.prefill == "管尊旭")
    #expect(assistant.prompt == "修改 chair.name> ")
    #expect(assistant.question == nil)

    let next = assistant.handle("王五")
    #expect(!next.isError)
    #expect(next.changed)
    #expect(assistant.pendingEdit == nil)
    #expect(assistant.minutes.meeting.chair.name == "王五")
    #expect(assistant.cursor == .end(.items))
    #expect(assistant.prefill == nil)
    #expect(assistant.handle(":undo").messages == ["已撤銷：修改 chair.name。"])
    #expect(assistant.minutes.meeting.chair.name == "管尊旭")
  }

  @Test func aPendingEditIsCancelledByACommandOrCtrlC() throws {
    var assistant = try Self.threeItems()
    assistant.answer([":edit 1.1.1"])
    #expect(assistant.prefill == "要一")
    assistant.cancelPendingEdit()
    #expect(assistant.pendingEdit == nil)
    assistant.answer([":edit 1.1.1", ":show 1.1.1"])
    #expect(assistant.pendingEdit == nil)
    #expect(assistant.minutes.items[0].directives[0].points[0] == "要一")
  }

  @Test func aBlankPendingEditClearsAnOptionalFieldButNotARequiredOne() throws {
    var assistant = try Self.threeItems()
    assistant.answer([":edit 3.status", ""])
    #expect(assistant.minutes.items[2].status == nil)
    assistant.answer([":edit 1.1.1"])
    let response = assistant.handle("")
    #expect(response.messages == [Self.required("議題1 指示1 要點1")])
    #expect(assistant.minutes.items[0].directives[0].points == ["要一", "要二"])
  }

  @Test(arguments: [
    (":edit +", "+ 不能這樣修改：要添加，請用 :add item"),
    (":edit 1.1.+ 要五", "1.1.+ 不能這樣修改：要添加，請用 :add 1.1"),
    (":edit 9 x", AssistantTests.noSuchPart("9")),
    (":edit 1.2.verb 指出", AssistantTests.noSuchPart("1.2.verb")),
    (":edit 1.kind 討論", "「討論」不是可選項。可選：傳達學習、傳達、審議（按 Tab 補全）。"),
    (":delete 1.kind", "1.kind 不能這樣修改：要刪除整個議題，請用 :delete 1"),
    (":delete 1.1.verb", "1.1.verb 不能這樣修改：要刪除整條指示，請用 :delete 1.1"),
    (":delete 4", AssistantTests.noSuchPart("4")),
    (":move 1 4", "位置「4」超出範圍：這個列表有 3 項，請輸入 1 到 3。"),
    (":move 1 0", "位置「0」超出範圍：這個列表有 3 項，請輸入 1 到 3。"),
    (":move 9 1", AssistantTests.noSuchPart("9")),
    (":add 9 指出", AssistantTests.noSuchPart("9")),
    (":add 1.5", AssistantTests.noSuchPart("1.5")),
    (":goto 1", "1 不能這樣修改：這一部分沒有問題可問；請用 :edit 1"),
    (":goto 9.kind", AssistantTests.noSuchPart("9.kind")),
    (":show 9", AssistantTests.noSuchPart("9")),
    (":redo", "沒有可重做的操作。"),
  ])
  func refusedCommandsSayWhyAndChangeNothing(line: String, message: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    let response = assistant.handle(line)
    #expect(response.isError)
    #expect(!response.changed)
    #expect(response.messages == [message])
    #expect(assistant.minutes == before)
    #expect(assistant.cursor == .end(.items))
  }

  @Test func deleteRemovesEntriesAndClearsFields() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":delete 2")
    #expect(response.messages == ["已刪除 2。輸入 :undo 可撤銷。"])
    #expect(response.changed)
    #expect(assistant.minutes.items.map(\.subject) == ["甲", "丙"])
    assistant.answer([":del 1.1.2", ":d 2.status", ":delete 1.1"])
    #expect(assistant.minutes.items[0].directives.isEmpty)
    #expect(assistant.minutes.items[1].status == nil)
    #expect(assistant.cursor == .end(.items))
  }

  @Test func moveReordersWithinItsList() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":move 3 1")
    #expect(response.messages == ["已把 3 移到第 1 位。"])
    #expect(response.changed)
    #expect(assistant.minutes.items.map(\.subject) == ["丙", "甲", "乙"])
    assistant.answer([":move 2.1.2 1"])
    #expect(assistant.minutes.items[1].directives[0].points == ["要二", "要一"])
    assistant.answer([":m 1 3"])
    #expect(assistant.minutes.items.map(\.subject) == ["甲", "乙", "丙"])
    #expect(assistant.cursor == .end(.items))
  }

  @Test func addAppendsWithTextOrMovesTheCursorToTheListEnd() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":add 1.1 要五。")
    #expect(response.messages == ["已添加到 1.1。"])
    #expect(assistant.minutes.items[0].directives[0].points == ["要一", "要二", "要五"])
    #expect(assistant.cursor == .end(.items))

    assistant.answer([":add item 傳達", ":add 4 強調", ":add arrangements 甲、乙等", ":add present 副區長 王五"])
    #expect(assistant.minutes.items.count == 4)
    #expect(assistant.minutes.items[3].kind == "傳達")
    #expect(assistant.minutes.items[3].directives == [Directive(verb: "強調")])
    #expect(assistant.minutes.arrangements.topics == ["甲", "乙等"], "words are never changed, 等 included")
    #expect(assistant.minutes.attendance.present == [AttendanceGroup(title: "副區長", names: ["王五"])])
    #expect(assistant.cursor == .end(.items))

    assistant.answer([":goto date"])
    let bare = assistant.handle(":add item")
    #expect(bare.messages.isEmpty)
    #expect(bare.changed)
    #expect(assistant.cursor == .end(.items))
    assistant.answer([":add 1.1"])
    #expect(assistant.cursor == .end(.points(1, 1)))
  }

  @Test func gotoMovesTheInterview() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":goto date")
    #expect(response.changed)
    #expect(response.messages.isEmpty)
    #expect(assistant.cursor == .meeting(.date))
    #expect(assistant.prefill == "2022-05-20")
    assistant.answer([":g 1.1.+"])
    #expect(assistant.cursor == .end(.points(1, 1)))
    assistant.answer(["要一之二"])
    #expect(assistant.minutes.items[0].directives[0].points == ["要一", "要二", "要一之二"])
    #expect(assistant.cursor == .end(.points(1, 1)))
    // Answering after a goto moves on to the next unanswered slot after it.
    assistant.answer([":goto period", "上午"])
    #expect(assistant.minutes.meeting.period == "上午")
    #expect(assistant.cursor == .itemField(1, .followUp))
  }

  @Test func undoAndRedoWalkTheHistory() throws {
    var assistant = try TestSupport.freshAssistant()
    let nothing = assistant.handle(":undo")
    #expect(nothing.isError)
    #expect(nothing.messages == ["沒有可撤銷的操作。"])
    #expect(assistant.handle(":redo").messages == ["沒有可重做的操作。"])

    assistant.answer(["2022-05-20", "下午"])
    #expect(assistant.handle(":undo").messages == ["已撤銷：回答 period。"])
    #expect(assistant.minutes.meeting.period == nil)
    #expect(assistant.cursor == .meeting(.period))
    let undo = assistant.handle(":u")
    #expect(undo.messages == ["已撤銷：回答 date。"])
    #expect(undo.changed)
    #expect(assistant.minutes.meeting.date == nil)
    #expect(assistant.cursor == .meeting(.date))
    #expect(assistant.handle(":undo").messages == ["沒有可撤銷的操作。"])

    let redo = assistant.handle(":redo")
    #expect(redo.messages == ["已重做：回答 date。"])
    #expect(redo.changed)
    #expect(assistant.minutes.meeting.date?.description == "2022-05-20")
    #expect(assistant.cursor == .meeting(.period))

    // A new change forgets what was undone.
    assistant.answer(["上午"])
    #expect(assistant.handle(":r").messages == ["沒有可重做的操作。"])
    #expect(assistant.minutes.meeting.period == "上午")
  }

  @Test(arguments: [
    (":edit chair.name 王五", "已撤銷：修改 chair.name。"),
    (":delete 2", "已撤銷：刪除 2。"),
    (":move 3 1", "已撤銷：移動 3。"),
    (":add 1.1 要五", "已撤銷：添加到 1.1。"),
  ])
  func undoRestoresTheDraftBeforeACommand(command: String, message: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    assistant.answer([command])
    #expect(assistant.minutes != before)
    #expect(assistant.handle(":undo").messages == [message])
    #expect(assistant.minutes == before)
    #expect(assistant.cursor == .end(.items))
  }

  @Test func checkListsTheMissingRequiredParts() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(":check")
    #expect(!response.changed)
    #expect(response.messages == [
      "尚未填寫的必填部分（11 項）：",
      "  date  日期  → :goto date",
      "  period  時段  → :goto period",
      "  chair.title  主持人職務  → :goto chair.title",
      "  chair.name  主持人姓名  → :goto chair.name",
      "  term  屆次  → :goto term",
      "  body  機構  → :goto body",
      "  number  會次  → :goto number",
      "  kind  會議類別  → :goto kind",
      "  +  議題1 類型  → :goto +",
      "  other  其他事項  → :goto other",
      "  present.+  出席1  → :goto present.+",
    ])

    assistant.answer(Self.header + [":add item 傳達"])
    #expect(assistant.handle(":check").messages == [
      "尚未填寫的必填部分（4 項）：",
      "  1.subject  議題1 內容  → :goto 1.subject",
      "  1.+  議題1 指示1 動詞  → :goto 1.+",
      "  other  其他事項  → :goto other",
      "  present.+  出席1  → :goto present.+",
    ])

    assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.walk.map(\.0))
    #expect(assistant.handle(":check").messages == ["必填部分都已填寫。"])
  }

  /// `:show` lines are `address  label：value`, or `label：（未填）` for a required part not yet filled.
  @Test func showPrintsTheOutlineOfAPart() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":show 1")
    #expect(!response.changed)
    #expect(!response.isError)
    let first = [
      "1.kind  議題1 類型：傳達學習",
      "1.subject  議題1 內容：甲",
      "1.1.verb  議題1 指示1 動詞：指出",
      "1.1.1  議題1 指示1 要點1：要一",
      "1.1.2  議題1 指示1 要點2：要二",
    ]
    let third = [
      "3.kind  議題3 類型：審議",
      "3.subject  議題3 內容：丙",
      "3.status  議題3 文件狀態：草案",
      "3.1.verb  議題3 指示1 動詞：指出",
      "3.1.1  議題3 指示1 要點1：要四",
    ]
    let shown = [response.messages, assistant.handle(":s 3").messages, assistant.handle(":show 1.1.2").messages]
    let expected = [first, third, ["1.1.2  議題1 指示1 要點2：要二"]]
    #expect(shown == expected)
    #expect(shown.map { $0.map { $0.replacingOccurrences(of: ":", with: "：") } } == expected)

    var fresh = try TestSupport.freshAssistant()
    #expect(fresh.handle(":show").messages == [
      "date  日期：（未填）", "period  時段：（未填）", "chair.title  主持人職務：（未填）", "chair.name  主持人姓名：（未填）",
      "term  屆次：（未填）", "body  機構：（未填）", "number  會次：（未填）", "kind  會議類別：（未填）", "other  其他事項：（未填）",
    ])
  }

  @Test func saveExportAndQuitAskTheREPLToAct() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.handle(":save").action == .save)
    #expect(assistant.handle(":export").action == .export(nil))
    #expect(assistant.handle(":x out.txt").action == .export("out.txt"))
    #expect(assistant.handle(":quit").action == .quit)
    #expect(assistant.handle("：q").action == .quit)
    #expect(assistant.minutes == Minutes(template: "gov-executive.zh-Hant"))
  }

  @Test func helpListsCommandsOrOneUsage() throws {
    var assistant = try TestSupport.freshAssistant()
    let all = assistant.handle(":help").messages
    #expect(all.count == Command.reference.count + 2)
    // The help names both colons a command may start with: the ASCII `:` and the full-width `：`.
    #expect(all.first == "回答問題後按 Enter；選填的問題直接按 Enter 跳過。命令以 : 或 ： 開頭：")
    #expect(all.last == "地址：2 = 議題2，2.1 = 議題2 指示1，2.1.3 = 要點3；另有 date、period、chair.title、present.2 等。Tab 補全命令和選項。")
    // Columns line up in a terminal: CJK characters take two cells, so the padding counts them twice.
    #expect(all[1] == "  :help [命令]" + String(repeating: " ", count: 10) + "列出命令，或顯示一個命令的用法")
    #expect(all[5] == "  :edit 地址 [新內容]   修改；不給新內容時，把現有內容放到輸入行上修改")
    #expect(assistant.handle(":help move").messages == [":move 地址 位置  在同一列表中移動，如 :move 3 1 把議題3移到第1位"])
    #expect(assistant.handle(":help :undo").messages == [":undo  撤銷上一個修改"])
    #expect(assistant.handle(":help fly").messages == ["沒有 :fly 這個命令。輸入 :help 查看所有命令。"])
  }

  @Test func completionsOfferCommandsAndChoices() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.completions(for: ":he") == [":help"])
    #expect(assistant.completions(for: ":e") == [":edit", ":export"])
    #expect(assistant.completions(for: "：q") == ["：quit"])
    #expect(assistant.completions(for: ":edit d") == [])
    #expect(assistant.completions(for: "2022") == [])
    assistant.answer(["2022-05-20"])
    #expect(assistant.completions(for: "") == ["上午", "下午", "晚上"])
    #expect(assistant.completions(for: "下") == ["下午"])
    assistant.answer(Array(Self.header.dropFirst()))
    #expect(assistant.completions(for: "傳") == ["傳達學習", "傳達"])
  }

  @Test func resumingKeepsAValidCursorAndOtherwiseFindsTheFirstUnansweredSlot() throws {
    let template = try TestSupport.template()
    let minutes = Self.walkedMinutes
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(.meeting(.date))).cursor == .meeting(.date))
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(.end(.points(2, 1)))).cursor == .end(.points(2, 1)))
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(.item(9))).cursor == .itemField(1, .followUp))
    #expect(Assistant(template: template, minutes: minutes).cursor == .itemField(1, .followUp))
    let finished = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    #expect(finished.cursor == nil)
    #expect(finished.resumePoint == .finished)
    #expect(finished.prompt == "命令> ")
  }

  // MARK: - How answers are stored

  @Test(arguments: [
    ("區委常委、副區長 曲興群、唐洪斌", AttendanceGroup(title: "區委常委、副區長", names: ["曲興群", "唐洪斌"])),
    ("副區長  劉成剛，陳春青", AttendanceGroup(title: "副區長", names: ["劉成剛", "陳春青"])),
    ("副區長 劉成剛,陳春青、李禹霖", AttendanceGroup(title: "副區長", names: ["劉成剛", "陳春青", "李禹霖"])),
    (" 管委會副主任 張睿 ", AttendanceGroup(title: "管委會副主任", names: ["張睿"])),
  ])
  func attendanceLinesBecomeAGroup(line: String, group: AttendanceGroup) throws {
    var assistant = try Self.atPresent()
    assistant.answer([line])
    #expect(assistant.minutes.attendance.present == [group])
    #expect(assistant.cursor == .end(.attendance(.present)))
  }

  @Test func anAttendanceLineWithoutASpaceIsRefused() throws {
    var assistant = try Self.atPresent()
    let response = assistant.handle("區委常委、副區長曲興群")
    #expect(response.isError)
    #expect(response.messages == ["「區委常委、副區長曲興群」缺少職務和姓名之間的空格。請輸入如「副區長 劉成剛、陳春青」。"])
    #expect(assistant.minutes.attendance.present.isEmpty)
    #expect(assistant.cursor == .end(.attendance(.present)))
  }

  @Test func attendanceEntriesCanBeEditedWithTheirLineAsPrefill() throws {
    var assistant = try Self.atPresent()
    assistant.answer(["區委常委、副區長 曲興群、唐洪斌", "", "", "副區長 張三 出差"])
    #expect(assistant.minutes.attendance.absent == [Absence(title: "副區長", name: "張三", reason: "出差")])
    assistant.answer([":edit present.1"])
    #expect(assistant.prefill == "區委常委、副區長 曲興群、唐洪斌")
    assistant.answer(["副區長 曲興群"])
    #expect(assistant.minutes.attendance.present == [AttendanceGroup(title: "副區長", names: ["曲興群"])])
    assistant.answer([":edit 請假.1"])
    #expect(assistant.prefill == "副區長 張三 出差")
  }

  @Test(arguments: ["要加強管理。", "要加強管理；", "要加強管理,", "  要加強管理 。"])
  func aPointDropsItsFinalMark(answer: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["傳達學習", "甲", "", "指出", "", "", answer])
    #expect(assistant.minutes.items[0].directives[0].points == ["要加強管理"])
  }

  @Test(arguments: [
    ("審議", "《關于X的辦法》", "關于X的辦法"),
    ("審議", "關于X的辦法", "關于X的辦法"),
    ("審議", "《關于開展第八個五年法治宣傳教育的決議(草案)》", "關于開展第八個五年法治宣傳教育的決議（草案）"),
    ("傳達學習", "《意見》", "《意見》"),
    ("傳達學習", "中共中央辦公廳《關于更加有效發揮統計監督職能作用的意見》", "中共中央辦公廳《關于更加有效發揮統計監督職能作用的意見》"),
    ("傳達", "會議精神。", "會議精神"),
  ])
  func documentTitlesLoseTheirBookMarks(kind: String, answer: String, subject: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + [kind, answer])
    #expect(assistant.minutes.items[0].subject == subject)
  }

  @Test func topicsScopeAndOtherFieldsAreCleanedUp() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["審議", "辦法", "（討論稿）", "，研究部署工作。", "強調", "抓好安全生產工作，", "會議認為形勢嚴峻。"])
    let item = assistant.minutes.items[0]
    #expect(item.status == "討論稿")
    #expect(item.followUp == "研究部署工作")
    #expect(item.directives[0].topic == "抓好安全生產工作")
    #expect(item.directives[0].lead == "會議認為形勢嚴峻")
  }

  @Test func wordsThatStartWithJiuOrEndWithDengAreKept() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["傳達", "甲", "", "強調", "就業工作", "", "要一", "", "", "", "就業", "男女平等"])
    #expect(assistant.minutes.items[0].directives[0].topic == "就業工作")
    #expect(assistant.minutes.arrangements.scope == "就業")
    #expect(assistant.minutes.arrangements.topics == ["男女平等"])
  }

  @Test(arguments: [
    ("疫情防控、安全生產、統籌推進經濟發展", ["疫情防控", "安全生產", "統籌推進經濟發展"]),
    ("疫情防控、男女平等", ["疫情防控", "男女平等"]),
    ("疫情防控、、安全生產。", ["疫情防控", "安全生產"]),
    ("慶祝開發區成立三十周年等重大活動、高考中考準備工作", ["慶祝開發區成立三十周年等重大活動", "高考中考準備工作"]),
    ("疫情防控", ["疫情防控"]),
  ])
  func arrangementTopicsOnOneLineSplitOnTheEnumerationComma(line: String, topics: [String]) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + Self.item("傳達", "甲", points: ["要一"]) + ["", "全區下一步", line])
    #expect(assistant.minutes.arrangements.scope == "全區下一步")
    #expect(assistant.minutes.arrangements.topics == topics)
    #expect(assistant.cursor == .end(.arrangementTopics))
  }
}

/// Behaviour found by trying the assistant as a clerk: nothing required goes missing unseen, and the clerk is
/// told what happened.
@Suite struct AssistantClerkTests {
  @Test func aRequiredFieldCannotBeEmptiedByEditOrDelete() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午", "政府代區長", "管尊旭"])
    #expect(assistant.handle(":edit chair.name").messages.isEmpty)
    #expect(assistant.prefill == "管尊旭")
    let cleared = assistant.handle("")
    #expect(cleared.isError)
    #expect(cleared.messages == ["「主持人姓名」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"])
    #expect(assistant.minutes.meeting.chair.name == "管尊旭")
    let deleted = assistant.handle(":delete date")
    #expect(deleted.isError)
    #expect(assistant.minutes.meeting.date?.description == "2022-05-20")
    #expect(assistant.handle(":delete 1.kind").messages == ["草稿中沒有 1.kind。輸入 :show 查看現有的地址。"])
  }

  @Test func aPrefilledEditIsConfirmed() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午"])
    _ = assistant.handle(":edit period")
    let response = assistant.handle("晚上")
    #expect(response.messages == ["已修改 period。"])
    #expect(assistant.minutes.meeting.period == "晚上")
  }

  @Test func theLastAnswerSaysTheInterviewIsOver() throws {
    var assistant = try TestSupport.freshAssistant()
    var notices = 0
    for line in try TestSupport.seedSessionLines() {
      let wasAsking = assistant.cursor != nil
      let response = assistant.handle(line)
      if wasAsking && assistant.cursor == nil {
        #expect(response.messages.last == Assistant.finishedNotice)
        notices += 1
      }
    }
    #expect(notices == 1)
    #expect(assistant.handle("多餘的一行").messages == [Assistant.finishedNotice])
  }

  @Test func deletingThePartBeingAskedGoesOnAtTheEndOfItsList() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午", "政府代區長", "管尊旭", "十", "區政府", "3", "常務會議"])
    assistant.answer(["傳達", "某會議精神", "", "指出", "", "", "要甲", "", "強調"])
    #expect(assistant.cursor == .directiveField(1, 2, .topic))
    _ = assistant.handle(":delete 1.2")
    #expect(assistant.cursor == .end(.directives(1)))
    #expect(assistant.minutes.items[0].directives.map(\.verb) == ["指出"])
  }

  @Test func theQuestionFollowsItsPartWhenEarlierEntriesAreDeletedOrMoved() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "下午", "政府代區長", "管尊旭", "十", "區政府", "3", "常務會議"])
    assistant.answer(["傳達", "甲", "", "指出", "", "", "要一", "", ""])
    assistant.answer(["傳達", "乙", "", "指出", "", "", "要二", "", ""])
    assistant.answer(["傳達", "丙", "", "強調", "", "", "要三"])
    #expect(assistant.cursor == .end(.points(3, 1)))
    _ = assistant.handle(":delete 1")
    #expect(assistant.cursor == .end(.points(2, 1)))
    #expect(assistant.minutes.items.map(\.subject) == ["乙", "丙"])
    _ = assistant.handle(":move 2 1")
    #expect(assistant.cursor == .end(.points(1, 1)))
    #expect(assistant.minutes.items.map(\.subject) == ["丙", "乙"])
    assistant.answer(["要四"])
    #expect(assistant.minutes.items[0].directives[0].points == ["要三", "要四"])
    _ = assistant.handle(":undo")
    _ = assistant.handle(":undo")
    #expect(assistant.cursor == .end(.points(2, 1)))
  }

  @Test(arguments: [
    (Address.point(3, 1, 2), Address?.some(.point(2, 1, 2))),
    (.itemField(1, .subject), nil),
    (.end(.directives(2)), .end(.directives(1))),
    (.attendance(.present, 1), .attendance(.present, 1)),
  ])
  func remappingAfterDeletingItemOne(address: Address, expected: Address?) {
    let remapped = address.remapped { list, n in list != .items ? n : n == 1 ? nil : n - 1 }
    #expect(remapped == expected)
  }
}

