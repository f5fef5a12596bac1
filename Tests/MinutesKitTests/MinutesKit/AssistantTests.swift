import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The stored address `text`, for argument tables.
private func stored(_ text: String) -> Address { Address(stored: text)! }

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

  /// The item kinds of the built-in template, as its choice error lists them.
  static let kinds = "傳達學習、傳達、通報、聽取匯報、研究事宜、研究、研究部署、審議、審議並原則通過、研究通過、聽取並原則通過、集中學習、收看、會前學習"

  /// An assistant after the header and three items (甲 with points 要一, 要二; 乙; 審議 丙 草案), at `+`.
  static func threeItems() throws -> Assistant {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(
      header + item("傳達學習", "甲", points: ["要一", "要二"]) + item("傳達", "乙", points: ["要三"])
        + item("審議", "丙", status: "草案", points: ["要四"]))
    #expect(assistant.cursor == stored("items.+"))
    return assistant
  }

  /// An assistant after the header and one item, at the end of the present list.
  static func atPresent() throws -> Assistant {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(header + item("傳達學習", "甲", points: ["要一"]) + ["", "", "", "否"])
    #expect(assistant.cursor == stored("attendance.present.+"))
    return assistant
  }

  static func required(_ label: String) -> String {
    "「\(label)」必填，不能留空。請輸入內容；要稍後再填，可用 :goto 地址 跳到別處。"
  }

  // MARK: - The interview order

  /// Each line and where the interview stands after it (stored addresses).
  static let walk: [(String, String?)] = [
    ("2022-05-20", "meeting.period"),
    ("下午", "meeting.chair.title"),
    ("政府代區長", "meeting.chair.name"),
    ("管尊旭", "meeting.term"),
    ("十", "meeting.body"),
    ("區政府", "meeting.number"),
    ("3", "meeting.kind"),
    ("常務會議", "items.+"),
    ("審議", "items.1.subject"),
    ("《辦法》", "items.1.status"),
    ("討論稿", "items.1.followUp"),
    ("", "items.1.directives.+"),
    ("要求", "items.1.directives.1.topic"),
    ("", "items.1.directives.1.lead"),
    ("", "items.1.directives.1.points.+"),
    ("要堅持原則。", "items.1.directives.1.points.+"),
    ("要抓好落實", "items.1.directives.1.points.+"),
    ("", "items.1.directives.+"),
    ("", "items.+"),
    ("傳達", "items.2.subject"),
    ("會議精神", "items.2.followUp"),
    ("研究部署工作", "items.2.directives.+"),
    ("指出", "items.2.directives.1.topic"),
    ("抓好工作", "items.2.directives.1.lead"),
    ("當前形勢嚴峻", "items.2.directives.1.points.+"),
    ("要加強領導", "items.2.directives.1.points.+"),
    ("", "items.2.directives.+"),
    ("", "items.+"),
    ("", "arrangements.scope"),
    ("全區下一步", "arrangements.topics.+"),
    ("疫情防控、安全生產", "arrangements.topics.+"),
    ("", "otherMatters"),
    ("否", "attendance.present.+"),
    ("副區長 劉成剛、陳春青", "attendance.present.+"),
    ("", "attendance.inAttendance.+"),
    ("區人大代表 秦雪", "attendance.inAttendance.+"),
    ("", "attendance.absent.+"),
    ("副區長 張三 出差", "attendance.absent.+"),
    ("", nil),
  ]

  static func walkedMinutes() throws -> Minutes {
    try TestSupport.draft([
      "meeting": [
        "date": "2022-05-20", "period": "下午", "chair": ["title": "政府代區長", "name": "管尊旭"], "term": 10,
        "body": "區政府", "number": 3, "kind": "常務會議",
      ],
      "items": [
        ["kind": "審議", "subject": "辦法", "status": "討論稿",
         "directives": [["verb": "要求", "points": ["要堅持原則", "要抓好落實"]]]],
        ["kind": "傳達", "subject": "會議精神", "followUp": "研究部署工作",
         "directives": [["verb": "指出", "topic": "抓好工作", "lead": "當前形勢嚴峻", "points": ["要加強領導"]]]],
      ],
      "arrangements": ["scope": "全區下一步", "topics": ["疫情防控", "安全生產"]],
      "otherMatters": false,
      "attendance": [
        "present": [["title": "副區長", "names": ["劉成剛", "陳春青"]]],
        "inAttendance": [["title": "區人大代表", "names": ["秦雪"]]],
        "absent": [["title": "副區長", "name": "張三", "reason": "出差"]],
      ],
    ])
  }

  @Test func answersWalkTheTemplateInOrder() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.cursor == stored("meeting.date"))
    for (step, (line, expected)) in zip(1..., Self.walk) {
      let response = assistant.handle(line)
      #expect(!response.isError, "step \(step) \(line.debugDescription): \(response.messages)")
      #expect(response.changed, "step \(step)")
      #expect(assistant.cursor?.description == expected, "step \(step) \(line.debugDescription)")
    }
    #expect(assistant.minutes == (try Self.walkedMinutes()))
    // The draft is kept in the template's order, as it is written to files.
    #expect(assistant.minutes.content.fields.keys.elementsEqual(["meeting", "items", "arrangements", "otherMatters", "attendance"]))
    #expect(assistant.minutes["items.1"]?.record?.fields.keys.elementsEqual(["kind", "subject", "status", "directives"]) == true)
    #expect(assistant.minutes["items.2.directives.1"]?.record?.fields.keys.elementsEqual(["verb", "topic", "lead", "points"]) == true)
  }

  /// A command typed after an answer on one line (after an old value put back on the line at a terminal) saves
  /// nothing and says so: it was stored as the answer (`Tobias Mwangi:goto 2.seconder` as a mover). A colon in an
  /// answer that is no command's is an answer.
  @Test func aCommandTypedAfterAnAnswerSavesNothing() throws {
    var assistant = try TestSupport.freshAssistant()
    _ = assistant.handle("2022-05-20")
    let before = assistant.minutes
    for line in ["下午:goto date", "下午 :undo", "下午：show"] {
      let response = assistant.handle(line)
      #expect(response.isError, "\(line)")
      #expect(assistant.minutes == before, "\(line)")
      #expect(assistant.cursor == stored("meeting.period"), "\(line)")
    }
    #expect(assistant.handle("下午:goto date").messages == ["「下午」後面接著一個命令（:goto date），所以什麼都沒有保存。請先清空這一行（Ctrl-U），再單獨輸入答案或命令。"])
    var english = Assistant(template: try TestSupport.template(id: "board-meeting.en"), minutes: Minutes(template: "board-meeting.en"))
    #expect(english.handle("Town Council:gotcha 3:2").isError == false)
    #expect(Command.typedAfterAnswer(in: "Tobias Mwangi:goto 2.seconder") == ":goto 2.seconder")
    #expect(Command.typedAfterAnswer(in: "Vote 3:2, Note:see budget") == nil)
    #expect(Command.typedAfterAnswer(in: ":goto 2") == nil)
  }

  @Test func afterTheLastQuestionOnlyCommandsAreTaken() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.walk.map(\.0))
    #expect(assistant.cursor == nil)
    #expect(assistant.prompt == "命令> ")
    #expect(assistant.question == nil)
    #expect(assistant.prefill == nil)
    #expect(assistant.resumePoint == .finished)
    #expect(assistant.handle("") == Assistant.Response())
    let response = assistant.handle("多出來的一行")
    #expect(response.isError)
    #expect(response.messages == ["所有問題都已回答。可用 :show 檢查、:edit 地址 修改、:add 添加、:export 匯出、:quit 離開。"])
    #expect(assistant.minutes == (try Self.walkedMinutes()))
  }

  @Test func promptsAndQuestionsNameWhereTheClerkIs() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.prompt == "日期> ")
    #expect(assistant.question == "會議日期？（年-月-日，如 2022-05-20；年份印不印，看版式 :house date）")
    assistant.answer(Self.header)
    #expect(assistant.prompt == "議題1 類型> ")
    #expect(assistant.question == "議題 1 的類型？（如 傳達學習、審議；Tab 可補全）")
    assistant.answer(["傳達學習", "甲", "", "指出", "", ""])
    #expect(assistant.prompt == "議題1 指示1 要點1> ")
    #expect(assistant.question == "第 1 個要點？（以「要…」開頭，可接展開的句子；直接按 Enter 結束本條指示）")
    assistant.answer(["要一"])
    #expect(assistant.prompt == "議題1 指示1 要點2> ")
    #expect(assistant.question == "第 2 個要點？（以「要…」開頭，可接展開的句子；直接按 Enter 結束本條指示）")
    assistant.answer(["", ""])
    #expect(assistant.prompt == "議題2 類型> ")
    #expect(assistant.question == "議題 2 的類型？（如 傳達學習、審議；Tab 可補全；直接按 Enter 表示議題已全部輸入）")
    assistant.answer(["", ""])
    #expect(assistant.prompt == "安排事項1> ")
    #expect(assistant.question == "安排部署的第 1 項工作？（如 疫情防控；可用「、」一次輸入幾項；沒有了、或會議沒有作安排部署，就直接按 Enter）")
  }

  @Test func theDocumentStatusIsAskedOnlyForADocument() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["傳達", "會議精神"])
    #expect(assistant.cursor == stored("items.1.followUp"))
    assistant.answer([":edit 1.kind 審議"])
    #expect(assistant.cursor == stored("items.1.followUp"))
    assistant.answer([":goto 1.status"])
    #expect(assistant.cursor == stored("items.1.status"))
    assistant.answer(["草案"])
    #expect(assistant.minutes.text("items.1.status") == "草案")
    // A status already given stays in the draft if the kind changes, but is not asked again.
    assistant.answer([":edit 1.kind 傳達"])
    let slots = assistant.interview.slots(in: assistant.minutes).map(\.description)
    #expect(!slots.contains("items.1.status"))
    let subject = try #require(slots.firstIndex(of: "items.1.subject"))
    #expect(slots[subject + 1] == "items.1.followUp")
    #expect(assistant.minutes.text("items.1.status") == "草案")
  }

  /// A directive that approves in principle (原則同意, 原則通過) has no points: its object is its lead.
  @Test func aDirectiveThatApprovesHasNoPoints() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["審議", "辦法", "", "", "原則通過", "", "該辦法"])
    #expect(assistant.cursor == stored("items.1.directives.+"))
    #expect(assistant.minutes["items.1.directives.1"] == ["verb": "原則通過", "lead": "該辦法"])
    #expect(assistant.interview.missing(in: assistant.minutes).map(\.description) == ["otherMatters"])
  }

  // MARK: - Blank and wrong answers

  @Test func blankSkipsOptionalQuestions() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["審議", "辦法"])
    #expect(assistant.cursor == stored("items.1.status"))
    for expected in ["items.1.followUp", "items.1.directives.+"] {
      let response = assistant.handle("   ")
      #expect(!response.isError)
      #expect(response.messages.isEmpty)
      #expect(response.effect.map(JournalRecord.init) == .cursor(expected))
      #expect(assistant.cursor == stored(expected))
    }
    #expect(assistant.minutes.text("items.1.status") == nil)
    #expect(assistant.minutes.text("items.1.followUp") == nil)
  }

  /// What real minutes omit is no required part (issue 10): a blank answer goes on past the period, the term, the
  /// session number, an item's directives, a directive's points and the attendance.
  @Test func blankGoesOnPastWhatRealMinutesOmit() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2022-05-20", "", "區長", "王某", "", "區政府", "", "常務會議", "傳達學習", "甲", "", ""])
    #expect(assistant.cursor == stored("items.+"))
    assistant.answer(["傳達", "乙", "", "強調", "", "全區上下要抓好落實", ""])
    #expect(assistant.cursor == stored("items.2.directives.+"))
    assistant.answer(["", "", "", "", "否", ""])
    #expect(assistant.cursor == stored("attendance.inAttendance.+"))
    #expect(assistant.interview.missing(in: assistant.minutes) == [])
    #expect(Validator(template: assistant.template).errors(in: assistant.minutes) == [])
    // A directive with neither its lead nor a point says nothing: that one is an error (directiveSaysSomething).
    _ = assistant.handle(":delete 2.1.lead")
    #expect(Validator(template: assistant.template).errors(in: assistant.minutes).map(\.rule) == ["check.directiveSaysSomething"])
    #expect(assistant.openErrors == 1)
  }

  @Test(arguments: [
    ([String](), "meeting.date", "日期"),
    (AssistantTests.header, "items.+", "議題1 類型"),
    (AssistantTests.header + ["傳達學習"], "items.1.subject", "議題1 內容"),
    (AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", ""], "otherMatters", "其他事項"),
  ])
  func blankOnARequiredQuestionIsRefusedAndTheCursorStays(setup: [String], at slot: String, label: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(setup)
    #expect(assistant.cursor == stored(slot))
    let before = assistant.minutes
    let response = assistant.handle("")
    #expect(response.isError)
    #expect(!response.changed)
    #expect(response.effect == nil)
    #expect(response.messages == [Self.required(label)])
    #expect(assistant.cursor == stored(slot))
    #expect(assistant.minutes == before)
  }

  @Test(arguments: [
    ([String](), "中午", "「中午」不是可選項。可選：上午、下午、晚上（按 Tab 補全）。"),
    (AssistantTests.header, "討論", "「討論」不是可選項。可選：\(AssistantTests.kinds)（按 Tab 補全）。"),
    (AssistantTests.header + ["傳達學習", "甲", ""], "說",
     "「說」不是可選項。可選：指出、強調、要求、認為、決定、原則同意、原則通過（按 Tab 補全）。"),
    (AssistantTests.header + AssistantTests.item("傳達", "甲", points: ["要一"]) + ["", "", ""], "也許",
     "「也許」不是可選項。可選：是、有、否、沒有、無（按 Tab 補全）。"),
  ])
  func aWrongChoiceListsTheChoices(setup: [String], answer: String, message: String) throws {
    var assistant = try TestSupport.freshAssistant()
    if setup.isEmpty { assistant.answer(["2022-05-20"]) } else { assistant.answer(setup) }
    let cursor = assistant.cursor
    let before = assistant.minutes
    let response = assistant.handle(answer)
    #expect(response.isError)
    #expect(response.messages == [message])
    #expect(assistant.cursor == cursor)
    #expect(assistant.minutes == before)
  }

  @Test func anOpenChoiceAcceptsOtherAnswers() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Array(Self.header.dropLast()) + ["專題研究會議"])
    #expect(assistant.minutes.text("meeting.kind") == "專題研究會議")
    #expect(assistant.cursor == stored("items.+"))
  }

  @Test(arguments: [
    ("2022-02-30", "「2022-02-30」這一天不存在（看看月份和日子）。"),
    // 5月20日 is a date without its year (ValuesAsTypedTests); 5月32日 is none.
    ("5月32日", "「5月32日」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"),
    ("明天", "「明天」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。"),
  ])
  func anInvalidDateIsRefused(answer: String, message: String) throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(answer)
    #expect(response.isError)
    #expect(response.messages == [message])
    #expect(assistant.cursor == stored("meeting.date"))
    #expect(assistant.minutes["meeting.date"] == nil)
  }

  @Test(arguments: ["2022年5月20日", "２０２２－０５－２０", " 2022/5/20 "])
  func datesAreTakenInTheFormsClerksType(answer: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer([answer])
    #expect(assistant.minutes["meeting.date"] == .text("2022-05-20"))
  }

  @Test func termAndNumberTakeDigitsNumeralsAndTheirFrame() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Array(Self.header.prefix(4)) + ["第十屆", "區政府", "第3次"])
    #expect(assistant.minutes["meeting.term"] == .number(10))
    #expect(assistant.minutes["meeting.number"] == .number(3))
    assistant.answer([":edit term 12"])
    #expect(assistant.minutes["meeting.term"] == .number(12))
    // Half the frame is taken as well as the whole: 第二十七 and 二十七次, as reports and clerks write them.
    assistant.answer([":edit number 第二十七"])
    #expect(assistant.minutes["meeting.number"] == .number(27))
    assistant.answer([":edit number 二十八次", ":edit term 第九"])
    #expect(assistant.minutes["meeting.number"] == .number(28))
    #expect(assistant.minutes["meeting.term"] == .number(9))
    assistant.answer([":edit number 3"])
    let response = assistant.handle(":edit number abc")
    #expect(response.messages == ["「abc」不是正整數。請輸入如 3 或 十。"])
    #expect(assistant.minutes["meeting.number"] == .number(3))
    #expect(assistant.handle(":edit number 0").messages == ["「0」不是正整數。請輸入如 3 或 十。"])
  }

  // MARK: - Editing

  @Test func editWithAValueChangesThePartAndKeepsTheCursor() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":edit chair.name 王五")
    #expect(!response.isError)
    #expect(response.changed)
    #expect(response.messages == ["已修改 chair.name。"])
    #expect(assistant.minutes.text("meeting.chair.name") == "王五")
    #expect(assistant.cursor == stored("items.+"))

    assistant.answer([":edit 1.1.2 要二改。", ":e 2 乙改", ":edit 2.followup ，研究部署", ":edit 3.status （送審稿）"])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要一", "要二改"])
    #expect(assistant.minutes.text("items.2.subject") == "乙改")
    #expect(assistant.minutes.text("items.2.followUp") == "研究部署")
    #expect(assistant.minutes.text("items.3.status") == "送審稿")
    #expect(assistant.cursor == stored("items.+"))
    // The part set later is put in its place in the template's order.
    #expect(assistant.minutes["items.2"]?.record?.fields.keys.elementsEqual(["kind", "subject", "followUp", "directives"]) == true)
  }

  @Test func editWithoutAValueTakesTheNextLine() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":edit chair.name")
    #expect(response == Assistant.Response())
    #expect(assistant.pendingEdit == stored("meeting.chair.name"))
    #expect(assistant.prefill == "管尊旭")
    #expect(assistant.prompt == "修改 chair.name> ")
    #expect(assistant.question == nil)

    let next = assistant.handle("王五")
    #expect(!next.isError)
    #expect(next.changed)
    #expect(next.messages == ["已修改 chair.name。"])
    #expect(assistant.pendingEdit == nil)
    #expect(assistant.minutes.text("meeting.chair.name") == "王五")
    #expect(assistant.cursor == stored("items.+"))
    #expect(assistant.prefill == nil)
    #expect(assistant.handle(":undo").messages == ["已撤銷：修改 chair.name。"])
    #expect(assistant.minutes.text("meeting.chair.name") == "管尊旭")
  }

  /// An `:edit` that leaves the part as it was (Enter at an empty part, the same value typed again) says so and is
  /// no step: `:undo` undoes the change before it.
  @Test func anEditThatChangesNothingSaysSoAndIsNoStepToUndo() throws {
    var assistant = try Self.threeItems()
    #expect(assistant.handle(":edit chair.name 王五").messages == ["已修改 chair.name。"])
    let same = assistant.handle(":edit chair.name 王五")
    #expect(same.messages == ["chair.name 沒有改動。"])
    #expect(!same.changed && !same.isError)
    #expect(assistant.minutes.text("meeting.chair.name") == "王五")
    #expect(assistant.handle(":edit 1.1.lead") == Assistant.Response())
    #expect(assistant.handle("").messages == ["1.1.lead 沒有改動。"])
    #expect(assistant.handle(":undo").messages == ["已撤銷：修改 chair.name。"])
    #expect(assistant.minutes.text("meeting.chair.name") == "管尊旭")
  }

  /// A line that a list of values splits into several entries says what it became (an attendance line typed at
  /// the topics is two topics); one entry says nothing more.
  @Test func aLineSplitIntoSeveralEntriesSaysWhatItBecame() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":goto arrangements")
    _ = assistant.handle("")
    let topics = assistant.minutes.entries(of: stored("arrangements.topics")).count
    let split = assistant.handle("副區長林曉雯、鄭國華")
    #expect(split.messages.first == "這一行記為 2 項：「副區長林曉雯」、「鄭國華」。", "\(split.messages)")
    #expect(assistant.minutes.entries(of: stored("arrangements.topics")).count == topics + 2)
    let one = assistant.handle("防汛")
    #expect(!one.messages.contains { $0.hasPrefix("這一行記為") }, "\(one.messages)")
  }

  /// `:delete` of a whole group or list removes all it holds as one step, named by its labels (a list of points
  /// displays as its directive's address); `:undo` brings it all back.
  @Test func deletingAWholeGroupOrListIsOneStep() throws {
    var assistant = try TestSupport.seedAssistant()
    let before = assistant.minutes
    #expect(assistant.handle(":delete arrangements").messages == ["已刪除「安排範圍、安排事項」（arrangements）。輸入 :undo 可撤銷。"])
    #expect(assistant.minutes["arrangements"] == nil)
    #expect(assistant.handle(":delete 2.1.points").messages == ["已刪除「議題2 指示1 要點」（2.1）。輸入 :undo 可撤銷。"])
    #expect(assistant.minutes["items.2.directives.1.points"] == nil)
    #expect(assistant.handle(":delete attendance").messages.first == "已刪除「出席、列席、請假」（attendance）。輸入 :undo 可撤銷。")
    #expect(assistant.handle(":undo").messages == ["已撤銷：刪除 attendance。"])
    _ = assistant.handle(":undo")
    _ = assistant.handle(":undo")
    #expect(assistant.minutes == before)
    // A field is deleted as before; a group with nothing in it is no deletion.
    #expect(assistant.handle(":delete 1.1.1").messages == ["已刪除 1.1.1。輸入 :undo 可撤銷。"])
    #expect(assistant.handle(":delete arrangements").messages.count == 1)
    #expect(assistant.handle(":delete arrangements").isError)
  }

  /// An address past the end of its list says how many entries there are and how to add one, not only that the
  /// draft has no such address.
  @Test func anEntryPastTheEndOfItsListSaysHowToAddOne() throws {
    let board = try TestSupport.template(id: "board-meeting.en")
    var assistant = Assistant(template: board, minutes: Minutes(template: board.id))
    let none = assistant.handle(":goto 1")
    #expect(none.isError)
    #expect(none.messages == ["The draft has no 1: there is no ‘Motion’ yet; to add one, use :add motion."])
    var seeded = try TestSupport.seedAssistant()
    #expect(seeded.handle(":edit 1.9 甲").messages == ["草稿中沒有 1.9：「指示」只有 1 項；要添加，請用 :add 1。"])
  }

  /// `:edit` of a whole list or a group is refused at once, before the clerk types a line that would be lost.
  @Test func editingAWholeListOrGroupIsRefusedAtOnce() throws {
    var assistant = try TestSupport.seedAssistant()
    let list = assistant.handle(":edit 1.1.points")
    #expect(list.isError)
    #expect(list.messages == ["1.1 不能這樣修改：這是整個列表；要添加，請用 :add 1.1；要修改其中一項，請用 :edit 1.1.1"])
    #expect(assistant.pendingEdit == nil)
    let group = assistant.handle(":edit arrangements")
    #expect(group.isError && assistant.pendingEdit == nil)
    // An entry is opened as before.
    #expect(assistant.handle(":edit 1") == Assistant.Response())
    #expect(assistant.pendingEdit == stored("items.1"))
  }

  @Test func aPendingEditIsCancelledByACommandOrCtrlC() throws {
    var assistant = try Self.threeItems()
    assistant.answer([":edit 1.1.1"])
    #expect(assistant.prefill == "要一")
    assistant.cancelPendingEdit()
    #expect(assistant.pendingEdit == nil)
    assistant.answer([":edit 1.1.1", ":show 1.1.1"])
    #expect(assistant.pendingEdit == nil)
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要一", "要二"])
  }

  @Test func aBlankPendingEditClearsAnOptionalFieldButNotARequiredOne() throws {
    var assistant = try Self.threeItems()
    assistant.answer([":edit 3.status", ""])
    #expect(assistant.minutes.text("items.3.status") == nil)
    assistant.answer([":edit 1.1.1"])
    let response = assistant.handle("")
    #expect(response.messages == [Self.required("議題1 指示1 要點1")])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要一", "要二"])
  }

  @Test(arguments: [
    (":edit 1.1.+ 要五", "1.1.+ 不能這樣修改：要添加，請用 :add 1.1"),
    (":edit present.+ 副區長 甲", "present.+ 不能這樣修改：要添加，請用 :add present"),
    (":edit 9 x", "草稿中沒有 9：「議題」只有 3 項；要添加，請用 :add item。"),
    (":edit 1.2.verb 指出", "草稿中沒有 1.2.verb：「指示」只有 1 項；要添加，請用 :add 1。"),
    (":edit 1.kind 討論", "「討論」不是可選項。可選：\(AssistantTests.kinds)（按 Tab 補全）。"),
    (":edit chair 王五", "chair 不能這樣修改：請修改其中的一項，如 :edit chair.title"),
    (":delete 1.kind", "1.kind 不能這樣修改：要刪除整項，請用 :delete 1"),
    (":delete 1.1.verb", "1.1.verb 不能這樣修改：要刪除整項，請用 :delete 1.1"),
    (":delete date", AssistantTests.required("日期")),
    (":delete 4", "草稿中沒有 4：「議題」只有 3 項；要添加，請用 :add item。"),
    (":move 1 4", "位置「4」超出範圍：這個列表有 3 項，請輸入 1 到 3。"),
    (":move 1 0", "位置「0」超出範圍：這個列表有 3 項，請輸入 1 到 3。"),
    (":move 9 1", "草稿中沒有 9：「議題」只有 3 項；要添加，請用 :add item。"),
    (":move date 1", "date 不能這樣修改：只有列表中的一項可以移動"),
    (":add 9 指出", "草稿中沒有 9：「議題」只有 3 項；要添加，請用 :add item。"),
    (":add 1.5", "草稿中沒有 1.5：「指示」只有 1 項；要添加，請用 :add 1。"),
    (":add 1 說", "「說」不是可選項。可選：指出、強調、要求、認為、決定、原則同意、原則通過（按 Tab 補全）。"),
    (":add present 副區長", "「副區長」缺少「姓名」。請按這樣輸入：副區長 劉成剛、陳春青"),
    (":goto 1", "1 不能這樣修改：這一部分沒有問題可問；請用 :edit 1"),
    (":goto 9.kind", "草稿中沒有 9.kind：「議題」只有 3 項；要添加，請用 :add item。"),
    (":show 9", "草稿中沒有 9：「議題」只有 3 項；要添加，請用 :add item。"),
    (":redo", "沒有可重做的操作。"),
  ])
  func refusedCommandsSayWhyAndChangeNothing(line: String, message: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    let response = assistant.handle(line)
    #expect(response.isError)
    #expect(!response.changed)
    #expect(response.effect == nil)
    #expect(response.messages == [message])
    #expect(assistant.minutes == before)
    #expect(assistant.cursor == stored("items.+"))
  }

  /// Every message that tells the clerk to type a command names something the clerk can type: for the list of
  /// agenda items that is `item` (what `:add item` takes).
  @Test(arguments: [
    (":edit +", "+ 不能這樣修改：要添加，請用 :add item"),
    (":edit + 傳達", "+ 不能這樣修改：要添加，請用 :add item"),
  ])
  func theEndOfTheItemListNamesItsListForAdd(line: String, message: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    let response = assistant.handle(line)
    #expect(response.isError)
    #expect(assistant.minutes == before)
    #expect(response.messages == [message])
  }

  /// A hint names a command the clerk can type as it is.
  @Test(arguments: [":edit present 副區長 甲", ":edit chair 王五", ":edit 1 甲改"])
  func aHintForAWholeListOrGroupNamesAnAddressThatExists(line: String) throws {
    var assistant = try Self.threeItems()
    assistant.answer([":add present 副區長 劉成剛"])
    let response = assistant.handle(line)
    guard response.isError else { return }  // `:edit 1` sets the item's title
    let message = try #require(response.messages.first)
    let hinted = try #require(message.components(separatedBy: ":edit ").last)
    let parsed = assistant.address(hinted)
    if line.hasPrefix(":edit present") {
      #expect(parsed != nil, "\(message)")
    } else {
      #expect(parsed != nil, "\(message)")
    }
  }

  @Test func deleteRemovesEntriesAndClearsFields() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":delete 2")
    #expect(response.messages == ["已刪除 2。輸入 :undo 可撤銷。"])
    #expect(response.changed)
    #expect(assistant.minutes.column("items", "subject") == ["甲", "丙"])
    assistant.answer([":del 1.1.2", ":d 2.status", ":delete 1.1"])
    #expect(assistant.minutes["items.1.directives"] == nil)
    #expect(assistant.minutes["items.2.status"] == nil)
    #expect(assistant.minutes.text("items.2.subject") == "丙")
    #expect(assistant.cursor == stored("items.+"))
    // An item without directives is complete (real reports have many): nothing is missing before the end.
    #expect(assistant.interview.missing(in: assistant.minutes).map(\.description).first == "otherMatters")
  }

  @Test func moveReordersWithinItsList() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":move 3 1")
    #expect(response.messages == ["已把 3 移到第 1 位。"])
    #expect(response.changed)
    #expect(assistant.minutes.column("items", "subject") == ["丙", "甲", "乙"])
    assistant.answer([":move 2.1.2 1"])
    #expect(assistant.minutes.texts("items.2.directives.1.points") == ["要二", "要一"])
    assistant.answer([":m 1 3"])
    #expect(assistant.minutes.column("items", "subject") == ["甲", "乙", "丙"])
    assistant.answer([":move 2 2"])
    #expect(assistant.minutes.column("items", "subject") == ["甲", "乙", "丙"])
    #expect(assistant.cursor == stored("items.+"))
  }

  @Test func addAppendsWithTextOrMovesTheCursorToTheListEnd() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":add 1.1 要五。")
    #expect(response.messages == ["已添加到 1.1。"])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要一", "要二", "要五"])
    #expect(assistant.cursor == stored("items.+"))

    assistant.answer([":add item 傳達", ":add 4 強調", ":add arrangements 甲、乙等", ":add present 副區長 王五"])
    #expect(assistant.minutes.column("items", "kind") == ["傳達學習", "傳達", "審議", "傳達"])
    #expect(assistant.minutes["items.4"] == ["kind": "傳達", "directives": [["verb": "強調"]]])
    #expect(assistant.minutes.texts("arrangements.topics") == ["甲", "乙等"], "words are never changed, 等 included")
    #expect(assistant.minutes["attendance.present"] == [["title": "副區長", "names": ["王五"]]])
    #expect(assistant.cursor == stored("items.+"))

    assistant.answer([":goto date"])
    let bare = assistant.handle(":add item")
    #expect(bare.messages.isEmpty)
    #expect(bare.changed)
    #expect(assistant.cursor == stored("items.+"))
    assistant.answer([":add 1.1"])
    #expect(assistant.cursor == stored("items.1.directives.1.points.+"))
  }

  @Test func addingAnItemSaysWhereItWent() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":add item 傳達")
    #expect(!response.isError)
    #expect(response.messages == ["已添加到 item。"])
  }

  @Test func gotoMovesTheInterview() throws {
    var assistant = try Self.threeItems()
    let response = assistant.handle(":goto date")
    #expect(response.changed)
    #expect(response.messages.isEmpty)
    #expect(response.effect.map(JournalRecord.init) == .cursor("meeting.date"))
    #expect(assistant.cursor == stored("meeting.date"))
    #expect(assistant.prefill == "2022-05-20")
    assistant.answer([":g 1.1.+"])
    #expect(assistant.cursor == stored("items.1.directives.1.points.+"))
    assistant.answer(["要一之二"])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要一", "要二", "要一之二"])
    #expect(assistant.cursor == stored("items.1.directives.1.points.+"))
    // Answering after a goto moves on to the next unanswered slot after it.
    assistant.answer([":goto period", "上午"])
    #expect(assistant.minutes.text("meeting.period") == "上午")
    #expect(assistant.cursor == stored("items.1.followUp"))
  }

  /// When the last question is passed while a required part is still missing (skipped with `:goto`), the
  /// interview goes back to it and says so.
  @Test func theInterviewReturnsToAMissingRequiredPart() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + [":goto other", "否", "副區長 甲", "", ""])
    #expect(assistant.cursor == stored("attendance.absent.+"))
    let response = assistant.handle("")
    #expect(!response.isError)
    #expect(response.messages == ["問題已問完，但還缺必填部分「議題1 類型」，現在回到那裏。"])
    #expect(assistant.cursor == stored("items.+"))
    // An answer that reaches the end does the same.
    var answered = try TestSupport.freshAssistant()
    answered.answer(Self.header + [":goto absent.+"])
    let last = answered.handle("副區長 張三 出差")
    #expect(!last.isError)
    #expect(answered.cursor == stored("attendance.absent.+"))
    #expect(last.messages == [])
    let back = answered.handle("")
    #expect(back.messages == ["問題已問完，但還缺必填部分「議題1 類型」，現在回到那裏。"])
    #expect(answered.cursor == stored("items.+"))
  }

  /// `:goto LIST` goes where the list is asked, its end (`出席3>`), as `:add LIST` does: the list has a question
  /// there, and the clerk named it the way `:show` prints it; `:goto GROUP` goes to the group's first question.
  @Test(arguments: [
    ("present", "attendance.present.+"), ("absent", "attendance.absent.+"), ("items", "items.+"),
    ("arrangements", "arrangements.scope"),
  ])
  func goingToAListGoesToItsEnd(typed: String, end: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    let response = assistant.handle(":goto \(typed)")
    #expect(!response.isError)
    #expect(assistant.cursor == stored(end))
    #expect(assistant.minutes == before)
  }

  /// The prompt counts the errors a clerk should know of now: not the required parts still to be asked.
  @Test func thePromptCountsTheOpenErrors() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.openErrors == 0)
    assistant.answer(Self.header + ["傳達", "“甲"])
    #expect(assistant.openErrors == 1)
    #expect(assistant.prompt == "（1 個錯誤）議題1 後續> ")
    assistant.answer([":edit 1.subject “甲”"])
    #expect(assistant.openErrors == 0)
    #expect(assistant.prompt == "議題1 後續> ")
    // A required part left behind with :goto counts: the chair's title, the body, the kind and the first item.
    var left = try TestSupport.freshAssistant()
    left.answer(["2022-05-20", ":goto other"])
    #expect(left.openErrors == 4)
    #expect(left.prompt == "（4 個錯誤）其他事項> ")
  }

  @Test func undoAndRedoWalkTheHistory() throws {
    var assistant = try TestSupport.freshAssistant()
    let nothing = assistant.handle(":undo")
    #expect(nothing.isError)
    #expect(nothing.messages == ["沒有可撤銷的操作。"])
    #expect(assistant.handle(":redo").messages == ["沒有可重做的操作。"])

    assistant.answer(["2022-05-20", "下午"])
    #expect(assistant.handle(":undo").messages == ["已撤銷：回答 period。"])
    #expect(assistant.minutes["meeting.period"] == nil)
    #expect(assistant.cursor == stored("meeting.period"))
    let undo = assistant.handle(":u")
    #expect(undo.messages == ["已撤銷：回答 date。"])
    #expect(undo.changed)
    #expect(undo.effect == .undone)
    #expect(assistant.minutes["meeting.date"] == nil)
    #expect(assistant.minutes == Minutes(template: TestSupport.templateID))
    #expect(assistant.cursor == stored("meeting.date"))
    #expect(assistant.handle(":undo").messages == ["沒有可撤銷的操作。"])

    let redo = assistant.handle(":redo")
    #expect(redo.messages == ["已重做：回答 date。"])
    #expect(redo.changed)
    #expect(redo.effect == .redone)
    #expect(assistant.minutes["meeting.date"] == .text("2022-05-20"))
    #expect(assistant.cursor == stored("meeting.period"))

    // A new change forgets what was undone.
    assistant.answer(["上午"])
    #expect(assistant.handle(":r").messages == ["沒有可重做的操作。"])
    #expect(assistant.minutes.text("meeting.period") == "上午")
  }

  @Test(arguments: [
    (":edit chair.name 王五", "已撤銷：修改 chair.name。"),
    (":edit 1.1 強調", "已撤銷：修改 1.1。"),
    (":delete 2", "已撤銷：刪除 2。"),
    (":delete 3.status", "已撤銷：刪除 3.status。"),
    (":move 3 1", "已撤銷：移動 3。"),
    (":add 1.1 要五", "已撤銷：添加到 1.1。"),
    (":add arrangements 甲、乙", "已撤銷：添加到 arrangements。"),
  ])
  func undoRestoresTheDraftBeforeACommand(command: String, message: String) throws {
    var assistant = try Self.threeItems()
    let before = assistant.minutes
    assistant.answer([command])
    #expect(assistant.minutes != before)
    let after = assistant.minutes
    #expect(assistant.handle(":undo").messages == [message])
    #expect(assistant.minutes == before)
    #expect(assistant.cursor == stored("items.+"))
    _ = assistant.handle(":redo")
    #expect(assistant.minutes == after)
  }

  @Test func checkListsErrorsThenWarnings() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle(":check")
    #expect(!response.changed)
    #expect(!response.isError)
    // A new draft: every required part is a question still to come, not an error.
    #expect(response.messages == [
      "到目前為止沒有錯誤。",
      "還要問到的（6 項，問到時回答即可）：",
      "  date：缺少必填部分「日期」（:goto date）",
      "  chair.title：缺少必填部分「主持人職務」（:goto chair.title）",
      "  body：缺少必填部分「機構」（:goto body）",
      "  kind：缺少必填部分「會議類別」（:goto kind）",
      "  +：缺少必填部分「議題1 類型」（:goto +）",
      "  other：缺少必填部分「其他事項」（:goto other）",
    ])

    // An item added from the command prompt without its subject: that is an error, as the prompt counts it.
    assistant.answer(Self.header + [":add item 傳達"])
    #expect(assistant.openErrors == 1)
    #expect(assistant.handle(":check").messages == [
      "錯誤（1 項）：",
      "  錯誤 1.subject：缺少必填部分「議題1 內容」（:goto 1.subject）",
      "還要問到的（1 項，問到時回答即可）：",
      "  other：缺少必填部分「其他事項」（:goto other）",
    ])

    assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.walk.map(\.0))
    #expect(assistant.handle(":check").messages == ["必填部分都已填寫，沒有錯誤。"])
    assistant.answer([":edit 2.subject 会議精神"])
    #expect(assistant.handle(":check").messages == [
      "必填部分都已填寫，沒有錯誤。",
      "提醒（1 項）：",
      "  提醒 2.subject：可能混入了簡體字：会（:edit 2.subject）",
    ])
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

    assistant.answer([":add present 副區長 劉成剛、陳春青", ":add absent 副區長 張三 出差"])
    #expect(assistant.handle(":show present").messages == ["present.1  出席1：副區長 劉成剛、陳春青"])
    #expect(assistant.handle(":show absent.1").messages == ["absent.1  請假1：副區長 張三 出差"])

    var fresh = try TestSupport.freshAssistant()
    #expect(fresh.handle(":show").messages == [
      "date  日期：（未填）", "chair.title  主持人職務：（未填）",
      "body  機構：（未填）", "kind  會議類別：（未填）", "other  其他事項：（未填）",
    ])
    // A part not asked (`ask: false`) shows once `:edit` has filled it; said to be empty before (a clerk's trial,
    // stop 27: `:show credit` said 還沒有填寫 after the credit line was given).
    #expect(fresh.handle(":show credit").messages == ["「署名」（credit）還沒有填寫。輸入 :edit credit 填寫。"])
    // A group with nothing in it is named by its questions and its stored address, and filled in by going to it
    // (it said 「attendance」（）… :edit  , an inline group having no address to show and no label of its own).
    #expect(fresh.handle(":show attendance").messages == ["「出席、列席、請假」（attendance）還沒有填寫。輸入 :goto attendance 從這裏填寫。"])
    #expect(fresh.handle(":show arrangements").messages == ["「安排範圍、安排事項」（arrangements）還沒有填寫。輸入 :goto arrangements 從這裏填寫。"])
    fresh.answer([":edit credit 撰稿人：甲　審稿人：乙"])
    #expect(fresh.handle(":show credit").messages == ["credit  署名：撰稿人：甲　審稿人：乙"])
    #expect(fresh.handle(":show").messages.last == "credit  署名：撰稿人：甲　審稿人：乙")
    // A list of values not asked (a 纪要 item's 汇报人) shows whole, on one line after the item's 主持人.
    let (jiyao, drafted) = try TestSupport.drafted(
      "jiyao.zh-Hans", transcript: TestSupport.fixture("published/jiyao.zh-Hans.house-ideographic-gap.session.txt"))
    var reported = Assistant(template: jiyao, minutes: drafted)
    #expect(reported.handle(":show 1").messages.suffix(2) == ["1.host  事项1 事项主持人：秦海波", "1.reporters  事项1 汇报人：付晓春 沈一鸣"])
  }

  @Test func saveExportAndQuitAskTheREPLToAct() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.handle(":save").action == .save)
    #expect(assistant.handle(":export").action == .export(ExportCommand()))
    #expect(assistant.handle(":x out.txt").action == .export(ExportCommand(file: "out.txt")))
    #expect(assistant.handle(":export! out.md --script hans").action == .export(ExportCommand(file: "out.md", script: "hans", overwrite: true)))
    #expect(assistant.handle(":quit").action == .quit)
    #expect(assistant.handle("：q").action == .quit)
    #expect(assistant.minutes == Minutes(template: TestSupport.templateID))
  }

  @Test func helpListsCommandsOrOneUsage() throws {
    var assistant = try TestSupport.freshAssistant()
    let all = assistant.handle(":help").messages
    #expect(all.count == Command.names.count + 2)
    // The help names both colons a command may start with: the ASCII `:` and the full-width `：`.
    #expect(all.first == "回答問題後按 Enter；選填的問題直接按 Enter 跳過。命令以 : 或 ： 開頭：")
    #expect(all.last == "地址：2 = 議題2，2.1 = 議題2 指示1，2.1.1 = 議題2 指示1 要點1，date，period，chair.title，:add item、:add arrangements、:add present、:add attending。Tab 補全命令和選項。")
    // Columns line up in a terminal: CJK characters take two cells, so the padding counts them twice.
    // The widest usage, `:export [檔案] [選項]`, takes 21 cells; two spaces follow it.
    #expect(all[1] == "  :help [命令]" + String(repeating: " ", count: 11) + "列出命令，或顯示一個命令的用法")
    #expect(all[5] == "  :edit 地址 [新內容]    修改；不給新內容時，把現有內容放到輸入行上修改；加 --editor 則在編輯器中修改")
    #expect(assistant.handle(":help move").messages == [":move 地址 位置  在同一列表中移動，如 :move 3 1 把第3項移到第1位"])
    #expect(assistant.handle(":help :undo").messages == [":undo  撤銷上一個修改"])
    #expect(assistant.handle(":help fly").messages == ["沒有 :fly 這個命令。輸入 :help 查看所有命令。"])
  }

  @Test func completionsOfferCommandsAndChoices() throws {
    var assistant = try TestSupport.freshAssistant()
    #expect(assistant.completions(for: ":he") == [":help "])
    #expect(assistant.completions(for: ":e") == [":edit ", ":export "])
    #expect(assistant.completions(for: "：q") == ["：quit "])
    // After :edit, the addresses of the draft (issue 14): `date` is the only one starting with d.
    #expect(assistant.completions(for: ":edit d") == [":edit date"])
    #expect(assistant.completions(for: "2022") == [])
    assistant.answer(["2022-05-20"])
    #expect(assistant.completions(for: "") == ["上午", "下午", "晚上"])
    #expect(assistant.completions(for: "下") == ["下午"])
    assistant.answer(Array(Self.header.dropFirst()))
    #expect(assistant.completions(for: "傳") == ["傳達學習", "傳達"])
    #expect(assistant.completions(for: "審議") == ["審議", "審議並原則通過"])
    assistant.answer(Self.item("傳達", "甲", points: ["要一"]) + ["", "", ""])
    #expect(assistant.cursor == stored("otherMatters"))
    #expect(assistant.completions(for: "") == ["是", "有", "否", "沒有", "無"])
    // While an :edit waits for its value, Tab offers that part's choices.
    assistant.answer([":edit period"])
    #expect(assistant.completions(for: "") == ["上午", "下午", "晚上"])
  }

  @Test func resumingKeepsAValidCursorAndOtherwiseFindsTheFirstUnansweredSlot() throws {
    let template = try TestSupport.template()
    let minutes = try Self.walkedMinutes()
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(stored("meeting.date"))).cursor == stored("meeting.date"))
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(stored("items.2.directives.1.points.+"))).cursor
      == stored("items.2.directives.1.points.+"))
    #expect(Assistant(template: template, minutes: minutes, resumeAt: .at(stored("items.9"))).cursor == stored("items.1.followUp"))
    #expect(Assistant(template: template, minutes: minutes).cursor == stored("items.1.followUp"))
    let finished = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    #expect(finished.cursor == nil)
    #expect(finished.resumePoint == .finished)
    #expect(finished.prompt == "命令> ")
    let state = DraftState(minutes: minutes, cursor: stored("items.5.subject"))
    #expect(Assistant(template: template, state: state).cursor == stored("items.1.followUp"))
  }

  // MARK: - How answers are stored

  @Test(arguments: [
    ("區委常委、副區長 曲興群、唐洪斌", "區委常委、副區長", ["曲興群", "唐洪斌"]),
    ("副區長  劉成剛，陳春青", "副區長", ["劉成剛", "陳春青"]),
    ("副區長 劉成剛,陳春青、李禹霖", "副區長", ["劉成剛", "陳春青", "李禹霖"]),
    (" 管委會副主任 張睿 ", "管委會副主任", ["張睿"]),
  ])
  func attendanceLinesBecomeAGroup(line: String, title: String, names: [String]) throws {
    var assistant = try Self.atPresent()
    assistant.answer([line])
    #expect(assistant.minutes["attendance.present"] == .list([["title": .text(title), "names": .list(names.map(Value.text))]]))
    #expect(assistant.cursor == stored("attendance.present.+"))
  }

  @Test func anAttendanceLineWithoutASpaceIsRefused() throws {
    var assistant = try Self.atPresent()
    let response = assistant.handle("區委常委、副區長曲興群")
    #expect(response.isError)
    #expect(response.messages == ["「區委常委、副區長曲興群」缺少「姓名」。請按這樣輸入：副區長 劉成剛、陳春青"])
    #expect(assistant.minutes["attendance.present"] == nil)
    #expect(assistant.cursor == stored("attendance.present.+"))
  }

  /// A group of 出席 printed as names alone (`黃啟文、林志成等參加會議`, issue 10) is typed as one piece: its title is
  /// optional, so the piece is its names. A piece that is no list of names (a title alone, or a title run into a
  /// name) is refused as before, and the clerk is shown the line's form.
  @Test func anAttendanceLineOfNamesAloneIsAGroupWithoutATitle() throws {
    var assistant = try Self.atPresent()
    let names = assistant.handle("黃啟文、林志成、歐陽明")
    #expect(!names.isError, "\(names.messages)")
    #expect(assistant.minutes["attendance.present"] == [["names": ["黃啟文", "林志成", "歐陽明"]]])
    #expect(assistant.handle(":show present.1").messages == ["present.1  出席1：黃啟文、林志成、歐陽明"])
    for refused in ["副區長", "副區長劉成剛", "區政府辦公室主任"] {
      let response = assistant.handle(refused)
      #expect(response.isError, "\(refused)")
      #expect(response.messages == ["「\(refused)」缺少「姓名」。請按這樣輸入：副區長 劉成剛、陳春青"])
    }
    #expect(assistant.minutes.entries(of: stored("attendance.present")).count == 1)
    // The entry's line is its names, and is read back so.
    #expect(assistant.handle(":edit present.1").messages.isEmpty)
    #expect(assistant.prefill == "黃啟文、林志成、歐陽明")
    #expect(!assistant.handle("黃啟文、林志成").isError)
    #expect(assistant.minutes["attendance.present"] == [["names": ["黃啟文", "林志成"]]])
  }

  /// A two-character name padded with a space, first on a line of names alone, is a name: a title has two
  /// characters or more (the title's pattern), so `王 芳` is not the title 王 of 芳. Elsewhere a one-character title
  /// is warned of at `:check`.
  @Test func aPaddedNameFirstOnALineOfNamesIsNoTitle() throws {
    var assistant = try Self.atPresent()
    // A piece so handed on must still be names: `副 區長劉成剛` is refused, as `副區長劉成剛` is.
    #expect(assistant.handle("副 區長劉成剛").isError)
    #expect(!assistant.handle("黃 文、林志成").isError)
    #expect(assistant.minutes["attendance.present"] == [["names": ["黃 文", "林志成"]]])
    #expect(!assistant.handle("副區長 梁 勇、歐陽明").isError)
    #expect(assistant.minutes["attendance.present"] == [["names": ["黃 文", "林志成"]], ["title": "副區長", "names": ["梁 勇", "歐陽明"]]])
    #expect(assistant.handle(":edit present.1").messages.isEmpty)
    #expect(assistant.prefill == "黃 文、林志成")
    #expect(!assistant.handle("黃 文、林志成").isError)
    #expect(assistant.minutes.entries(of: stored("attendance.present")).count == 2)
    // 列席 requires its title: `溫 華` is the title 溫 of 華 there, and check says so.
    assistant.answer(["", "溫 華"])
    #expect(assistant.minutes["attendance.inAttendance"] == [["title": "溫", "names": ["華"]]])
    #expect(assistant.handle(":check").messages.joined().contains("職務只有一個字"))
  }

  @Test func attendanceEntriesCanBeEditedWithTheirLineAsPrefill() throws {
    var assistant = try Self.atPresent()
    assistant.answer(["區委常委、副區長 曲興群、唐洪斌", "", "", "副區長 張三 出差", "副區長 李四"])
    #expect(assistant.minutes["attendance.absent"] == [
      ["title": "副區長", "name": "張三", "reason": "出差"], ["title": "副區長", "name": "李四"],
    ])
    assistant.answer([":edit present.1"])
    #expect(assistant.prefill == "區委常委、副區長 曲興群、唐洪斌")
    assistant.answer(["副區長 曲興群"])
    #expect(assistant.minutes["attendance.present"] == [["title": "副區長", "names": ["曲興群"]]])
    assistant.answer([":edit 請假.1"])
    #expect(assistant.prefill == "副區長 張三 出差")
    assistant.answer([":edit 請假.2"])
    #expect(assistant.prefill == "副區長 李四")
  }

  @Test(arguments: ["要加強管理。", "要加強管理；", "要加強管理,", "  要加強管理 。"])
  func aPointDropsItsFinalMark(answer: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["傳達學習", "甲", "", "指出", "", "", answer])
    #expect(assistant.minutes.texts("items.1.directives.1.points") == ["要加強管理"])
  }

  @Test(arguments: [
    ("審議", "《關于X的辦法》", "關于X的辦法"),
    ("審議", "關于X的辦法", "關于X的辦法"),
    ("審議", "《關于開展第八個五年法治宣傳教育的決議(草案)》", "關于開展第八個五年法治宣傳教育的決議（草案）"),
    ("審議並原則通過", "《辦法》", "辦法"),
    ("傳達學習", "中共中央辦公廳《關于更加有效發揮統計監督職能作用的意見》", "中共中央辦公廳《關于更加有效發揮統計監督職能作用的意見》"),
    ("傳達", "會議精神。", "會議精神"),
  ])
  func documentTitlesLoseTheirBookMarks(kind: String, answer: String, subject: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + [kind, answer])
    #expect(assistant.minutes.text("items.1.subject") == subject)
  }

  /// Only a document under review has its 《》 printed by the export (會議審議了《…》); a subject conveyed whole in
  /// 《》 must keep them, or the report loses them (會議傳達學習了意見).
  @Test(arguments: ["傳達學習", "傳達", "通報"])
  func aSubjectThatIsNotReviewedKeepsItsBookMarks(kind: String) throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + [kind, "《意見》"])
    #expect(assistant.minutes.text("items.1.subject") == "《意見》")
  }

  @Test func topicsScopeAndOtherFieldsAreCleanedUp() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["審議", "辦法", "（討論稿）", "，研究部署工作。", "強調", "抓好安全生產工作，", "會議認為形勢嚴峻。"])
    #expect(assistant.minutes.text("items.1.status") == "討論稿")
    #expect(assistant.minutes.text("items.1.followUp") == "研究部署工作")
    #expect(assistant.minutes.text("items.1.directives.1.topic") == "抓好安全生產工作")
    #expect(assistant.minutes.text("items.1.directives.1.lead") == "會議認為形勢嚴峻")
  }

  @Test func wordsThatStartWithJiuOrEndWithDengAreKept() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(Self.header + ["傳達", "甲", "", "強調", "就業工作", "", "要一", "", "", "", "就業", "男女平等"])
    #expect(assistant.minutes.text("items.1.directives.1.topic") == "就業工作")
    #expect(assistant.minutes.text("arrangements.scope") == "就業")
    #expect(assistant.minutes.texts("arrangements.topics") == ["男女平等"])
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
    #expect(assistant.minutes.text("arrangements.scope") == "全區下一步")
    #expect(assistant.minutes.texts("arrangements.topics") == topics)
    #expect(assistant.cursor == stored("arrangements.topics.+"))
  }
}
