import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The house style (issue 10, item 1): choices a template declares in a `house: true` group, made once per session
/// (`:house`, `minutes new --house`), stored in the draft, and read by the export as `{{#house.KEY.VALUE}}`.
@Suite struct HouseStyleTests {
  static func report() throws -> (template: Template, minutes: Minutes) { try TestSupport.example("gov-executive.zh-Hant") }

  /// The seed meeting's text with the house-style choices `settings` (`[KEY: VALUE]`) stored in its draft.
  static func text(_ settings: [String: String], template id: String = "gov-executive.zh-Hant") throws -> [String] {
    let (template, example) = try TestSupport.example(id)
    var minutes = example
    for (key, value) in settings {
      let choice = try #require(template.houseChoice(named: key))
      minutes.setValue(.text(value), at: choice.address)
    }
    return try TextExporter().export(try template.conform(minutes), template: template).split(separator: "\n").map(String.init)
  }

  @Test func theNewsReportsDeclareThirteenChoicesAndTheOthersNone() throws {
    for id in ["gov-executive.zh-Hant", "gov-executive.zh-Hans"] {
      let choices = try TestSupport.template(id: id).houseStyle
      #expect(choices.map(\.part.key) == ["attendance", "invitation", "date", "chair", "opening", "label", "points", "speaker", "joint", "closing",
                                           "combine", "groups", "presentVerb"])
      #expect(choices.allSatisfy { $0.part.rendering.defaultValue == $0.part.choiceValues.first })
    }
    #expect(try TestSupport.template(id: "jiyao.zh-Hans").houseStyle.map(\.part.key) == ["present", "colon", "units", "separator", "topics", "gap"])
    // The formal variant prints one fixed way (its own export), so it removes the choices it would not honour.
    for id in ["gov-executive-formal.zh-Hant", "team-meeting.en"] {
      #expect(try TestSupport.template(id: id).houseStyle.isEmpty, "\(id)")
    }
    // Board minutes choose the layout of their text export (issue 11, item 3), sectioned by default.
    let layout = try TestSupport.template(id: "board-meeting.en").houseStyle
    #expect(layout.map(\.part.key) == ["layout"])
    #expect(layout.first?.part.choiceValues == ["sectioned", "council", "school-board", "committee"])
    #expect(layout.first?.part.rendering.defaultValue == "sectioned")
  }

  /// With every choice at its default, stored or not, the export is the example's, byte for byte.
  @Test func theDefaultsPrintTheTemplatesOwnExample() throws {
    let (template, minutes) = try Self.report()
    let plain = try TextExporter().export(minutes, template: template).split(separator: "\n").map(String.init)
    let defaults = Dictionary(uniqueKeysWithValues: template.houseStyle.map { ($0.part.key, $0.part.rendering.defaultValue!) })
    #expect(try Self.text(defaults) == plain)
    #expect(try Self.text([:]) == plain)
  }

  /// Each value prints as its phrase says, on the seed meeting.
  @Test func eachChoiceChangesWhatItSays() throws {
    let plain = try Self.text([:])
    let header = "5月20日下午，政府代區長管尊旭主持召開第十屆區政府第3次常務會議。"
    #expect(plain[0] == header)
    #expect(try Self.text(["chair": "name-first"])[0] == "5月20日下午，管尊旭政府代區長主持召開第十屆區政府第3次常務會議。")
    #expect(try Self.text(["opening": "le"])[0] == "5月20日下午，政府代區長管尊旭主持召開了第十屆區政府第3次常務會議。")
    #expect(try Self.text(["label": "short"])[0] == "5月20日下午，政府代區長管尊旭主持召開區政府十屆3次常務會議。")
    #expect(try Self.text(["label": "short-zh"])[0] == "5月20日下午，政府代區長管尊旭主持召開區政府十屆三次常務會議。")
    #expect(try Self.text(["label": "year"])[0] == "5月20日下午，政府代區長管尊旭主持召開2022年區政府第3次常務會議。")
    #expect(try Self.text(["date": "year"])[0] == "2022年5月20日下午，政府代區長管尊旭主持召開第十屆區政府第3次常務會議。")
    #expect(try Self.text(["chair": "comrade"])[0] == "5月20日下午，政府代區長管尊旭同志主持召開第十屆區政府第3次常務會議。")
    // A directive said by the chair by name, or (the first of an item) with no subject, right after the opening.
    #expect(plain[1].hasPrefix("會議傳達學習了全國“兩會”精神。會議指出，全區上下"))
    #expect(try Self.text(["speaker": "chair"])[1].hasPrefix("會議傳達學習了全國“兩會”精神。管尊旭指出，全區上下"))
    #expect(try Self.text(["speaker": "none"])[1].hasPrefix("會議傳達學習了全國“兩會”精神，指出，全區上下"))

    let start = try Self.text(["attendance": "start"])
    #expect(start.count == plain.count)
    #expect(Array(start[1...2]) == Array(plain.suffix(2)), "attendance right after the first sentence")
    #expect(Array(start[3...]) == Array(plain[1..<(plain.count - 2)]))

    // 列席 without 應邀 (相關部門負責同志列席會議), wherever the attendance goes.
    #expect(plain.last == "區人大代表秦雪、政協委員賀超應邀列席會議。")
    #expect(try Self.text(["invitation": "none"]).last == "區人大代表秦雪、政協委員賀超列席會議。")
    #expect(try Self.text(["invitation": "none", "attendance": "start"])[2] == "區人大代表秦雪、政協委員賀超列席會議。")

    #expect(plain.contains("會議還研究了其他事項。"))
    #expect(try Self.text(["closing": "reviewed"]).contains("會議還研究審議了其他事項。"))
    #expect(try Self.text(["closing": "meanwhile"]).contains("會議同時還研究審議了其他事項。"))

    // Points: `；` between them, or each its own sentence; a lead sentence stays as it was.
    let sentences = try Self.text(["points": "sentences"])
    #expect(plain[1].contains("切實做好當前各項工作；要從嚴從緊"))
    #expect(sentences[1].contains("切實做好當前各項工作。要從嚴從緊"))
    #expect(sentences[1].replacingOccurrences(of: "。要", with: "；要").count == plain[1].count)
  }

  /// The attendance as offices print it (issue 10): on the first line after its sentence, 出席 and 列席 in one
  /// sentence joined by `；` (at the end, at the start or on the first line), the last group after `和`, and
  /// 參加會議 with or without 等; each on the seed meeting.
  @Test func theAttendancePrintsAsTheOfficeDoes() throws {
    let plain = try Self.text([:])
    let header = "5月20日下午，政府代區長管尊旭主持召開第十屆區政府第3次常務會議。"
    let present = "區委常委、副區長曲興群、唐洪斌，副區長劉成剛、陳春青、李禹霖、旦增桑布，管委會副主任張睿、馬勇"
    let invited = "區人大代表秦雪、政協委員賀超"

    let inline = try Self.text(["attendance": "inline"])
    #expect(inline.count == plain.count - 2)
    #expect(inline[0] == header + present + "出席會議。" + invited + "應邀列席會議。")
    #expect(Array(inline[1...]) == Array(plain[1..<(plain.count - 2)]))

    let semicolon = present + "出席會議；" + invited + "應邀列席會議。"
    #expect(try Self.text(["combine": "semicolon"]).suffix(2) == [plain[plain.count - 3], semicolon])
    #expect(try Self.text(["combine": "semicolon", "attendance": "start"])[0...1] == [header, semicolon])
    #expect(try Self.text(["combine": "semicolon", "attendance": "inline"])[0] == header + semicolon)
    #expect(try Self.text(["combine": "semicolon", "invitation": "none"]).last == present + "出席會議；" + invited + "列席會議。")

    // The last group after 和: the groups of one name each are joined by `，` then, not `、`.
    #expect(try Self.text(["groups": "and"]).suffix(2) == [
      "區委常委、副區長曲興群、唐洪斌，副區長劉成剛、陳春青、李禹霖、旦增桑布和管委會副主任張睿、馬勇出席會議。",
      "區人大代表秦雪和政協委員賀超應邀列席會議。",
    ])

    for (verb, words) in [("attended", "出席會議"), ("participated", "參加會議"), ("attended-etc", "等出席會議"), ("participated-etc", "等參加會議")] {
      #expect(try Self.text(["presentVerb": verb]).suffix(2) == [present + words + "。", plain.last!], "\(verb)")
    }
    // In Simplified characters too.
    let hans = try Self.text(["attendance": "inline", "combine": "semicolon", "groups": "and", "presentVerb": "participated-etc"], template: "gov-executive.zh-Hans")
    #expect(hans[0] == "6月12日上午，政府代区长苏明哲主持召开第十届区政府第5次常务会议。区委常委、副区长陈立衡、何晓岚，副区长周文博、林佳怡、马骏和区政府党组成员郑国栋等参加会议；区人大代表许静和区政协委员罗伟应邀列席会议。", "\(hans[0])")
  }

  /// A date without its year prints none, whatever the house style says (no `年` alone).
  @Test func aDateWithoutItsYearPrintsNoYear() throws {
    let (template, example) = try Self.report()
    var minutes = example
    minutes.setValue(.text("--05-20"), at: TestSupport.at("meeting.date"))
    minutes.setValue(.text("year"), at: TestSupport.at("house.date"))
    minutes.setValue(.text("year"), at: TestSupport.at("house.label"))
    let text = try TextExporter().export(try template.conform(minutes), template: template)
    #expect(text.hasPrefix("5月20日下午，政府代區長管尊旭主持召開區政府第3次常務會議。\n"), "\(text.prefix(60))")
    // Said, not silent: the house style prints the year, and the date has none (checks `when` a choice holds).
    let warned = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("check.") }
    #expect(warned.map(\.rule) == ["check.datePrintsYear", "check.labelPrintsYear"])
    #expect(warned.first?.message == "版式 date 選了印出年份，但會議日期「5月20日」沒有年份；請補上年份（如 2022-05-20），或用 :house date month-day 不印年份")
    #expect(warned.allSatisfy { $0.severity == .warning && $0.address == "date" })
    // With the year, or with the house style that leaves it out (the default), nothing to say.
    var dated = minutes
    dated.setValue(.text("2022-05-20"), at: TestSupport.at("meeting.date"))
    #expect(Validator(template: template).findings(in: dated).filter { $0.rule.hasPrefix("check.") } == [])
    #expect(Validator(template: template).findings(in: example).filter { $0.rule.hasPrefix("check.") } == [])
    var undated = example
    undated.setValue(.text("--05-20"), at: TestSupport.at("meeting.date"))
    #expect(Validator(template: template).findings(in: undated).filter { $0.rule.hasPrefix("check.") } == [])
  }

  /// Values typed so that the export would print words twice or no sentence (a trial of issue 10): the chair's
  /// name with 同志 where the house style adds it, a joint meeting that is no meeting's name, a 纪要's other
  /// business typed with the words the export adds. Each a warning from a declared `matches` check, and none on
  /// the correct value (the fixtures of `TestSupport.publishedForms` check clean besides).
  @Test(arguments: [
    ("gov-executive.zh-Hant", ["house.chair": "comrade", "meeting.chair.name": "管尊旭同志"], "check.chairComradeOnce", "meeting.chair.name", "管尊旭"),
    ("gov-executive.zh-Hans", ["house.chair": "comrade", "meeting.chair.name": "管尊旭同志"], "check.chairComradeOnce", "meeting.chair.name", "管尊旭"),
    ("gov-executive.zh-Hant", ["meeting.joint": "暨"], "check.jointNamesAMeeting", "meeting.joint", "區政府黨組（擴大）會議"),
    ("gov-executive.zh-Hans", ["meeting.joint": "。"], "check.jointNamesAMeeting", "meeting.joint", "区政府党组（扩大）会议"),
    ("jiyao.zh-Hans", ["alsoDiscussed": "会上，还就实验室安全检查进行了商议和研究"], "check.alsoWrittenOnce", "alsoDiscussed", "实验室安全检查"),
  ])
  func aValueTheExportWouldPrintTwiceIsWarnedOf(id: String, values: [String: String], rule: String, at path: String, correct: String) throws {
    let template = try TestSupport.template(id: id)
    var minutes = Minutes(template: template.id)
    for (address, value) in values { minutes.setValue(.text(value), at: TestSupport.at(address)) }
    let found = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("check.") }
    #expect(found.map(\.rule) == [rule])
    #expect(found.allSatisfy { $0.severity == .warning })
    minutes.setValue(.text(correct), at: TestSupport.at(path))
    #expect(Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("check.") } == [])
  }

  /// The openers offices print beside 傳達學習 and 審議 (issue 10's survey), and the credit line at the end.
  @Test func moreKindsOfItemAndACreditLine() throws {
    for (id, words) in [("gov-executive.zh-Hant", ["集中學習", "收看", "研究通過", "聽取並原則通過"]),
                        ("gov-executive.zh-Hans", ["集中学习", "收看", "研究通过", "听取并原则通过"])] {
      let template = try TestSupport.template(id: id)
      let kinds = try #require(template.part(at: TestSupport.at("items.1.kind"))).choiceValues
      #expect(words.allSatisfy(kinds.contains), "\(id): \(kinds)")
    }
    let (template, example) = try Self.report()
    var minutes = example
    minutes.setValue(.text("研究通過"), at: TestSupport.at("items.6.kind"))
    minutes.setValue(.text("撰稿人：何佳穎　審稿人：吳承翰"), at: TestSupport.at("credit"))
    let lines = try TextExporter().export(try template.conform(minutes), template: template).split(separator: "\n").map(String.init)
    #expect(lines[6].hasPrefix("會議研究通過了《關于營口市鲅魚圈區2021年法治政府建設情況報告》（討論稿）。"), "\(lines[6].prefix(50))")
    #expect(lines.last == "（撰稿人：何佳穎　審稿人：吳承翰）")
  }

  /// A meeting held jointly with another (`:edit joint …`, not asked): printed before the label, after 暨 or 和.
  @Test func aJointMeetingPrintsBeforeTheLabel() throws {
    let (template, example) = try Self.report()
    var minutes = example
    minutes.setValue(.text("區政府黨組（擴大）會議"), at: TestSupport.at("meeting.joint"))
    let joint = try TextExporter().export(try template.conform(minutes), template: template)
    #expect(joint.hasPrefix("5月20日下午，政府代區長管尊旭主持召開區政府黨組（擴大）會議暨第十屆區政府第3次常務會議。\n"), "\(joint.prefix(60))")
    minutes.setValue(.text("and"), at: TestSupport.at("house.joint"))
    let and = try TextExporter().export(try template.conform(minutes), template: template)
    #expect(and.hasPrefix("5月20日下午，政府代區長管尊旭主持召開區政府黨組（擴大）會議和第十屆區政府第3次常務會議。\n"), "\(and.prefix(60))")
  }

  @Test func theSimplifiedReportHasTheSameChoices() throws {
    let lines = try Self.text(["label": "short-zh", "chair": "name-first", "closing": "meanwhile"], template: "gov-executive.zh-Hans")
    #expect(lines[0] == "6月12日上午，苏明哲政府代区长主持召开区政府十届五次常务会议。", "\(lines[0])")
    #expect(lines.contains("会议同时还研究审议了其他事项。"))
  }

  /// The 纪要's attendance blocks: 出席 or 参会, a space after the colon or none, units or none, 、 or spaces.
  @Test func theMinutesOfAMeetingListTheirPeopleAsTheOfficeDoes() throws {
    func attendance(_ settings: [String: String]) throws -> [String] {
      try Self.text(settings, template: "jiyao.zh-Hans").suffix(3)
    }
    let plain = try attendance([:])
    #expect(plain[0] == "出席：罗景川（市长）、宋立平（常务副市长）、何春燕（副市长）、沈蔚（市政府秘书长）")
    #expect(plain[1] == "请假：高志远（副市长，参加省政府专题会议）")
    #expect(try attendance(["present": "participants"])[0] == "参会：罗景川（市长）、宋立平（常务副市长）、何春燕（副市长）、沈蔚（市政府秘书长）")
    #expect(try attendance(["colon": "spaced"])[1] == "请假： 高志远（副市长，参加省政府专题会议）")
    #expect(try attendance(["units": "hidden"]) == ["出席：罗景川、宋立平、何春燕、沈蔚", "请假：高志远（参加省政府专题会议）",
                                                 "列席：赵明远、吴建平、钱丽华、孙立新、郑晓梅、冯志刚、陈海涛、褚文静"])
    #expect(try attendance(["separator": "space"])[0] == "出席：罗景川（市长） 宋立平（常务副市长） 何春燕（副市长） 沈蔚（市政府秘书长）")
  }

  // MARK: - :house

  @Test func houseListsShowsOneAndChangesOneUndoably() throws {
    let (template, minutes) = try Self.report()
    var assistant = Assistant(template: template, minutes: minutes)
    let listing = assistant.handle(":house")
    #expect(!listing.isError)
    #expect(listing.messages.count == 14)
    #expect(listing.messages[1] == "  attendance（出席名單的位置）：end（預設）；可選 end、start、inline")

    let one = assistant.handle(":house chair")
    #expect(one.messages == ["  chair（主持人的寫法）：title-first（預設）；可選 title-first、name-first、comrade",
                             "    * title-first：區長王某某主持召開……", "      name-first：王某某區長主持召開……",
                             "      comrade：區委副書記、區長王某某同志主持召開……"])

    let changed = assistant.handle(":house attendance START")
    #expect(!changed.isError, "\(changed.messages)")
    #expect(assistant.minutes["house.attendance"] == "start", "a value in another letter case is the template's")
    #expect(assistant.handle(":house").messages[1] == "  attendance（出席名單的位置）：start；可選 end、start、inline")
    _ = assistant.handle(":undo")
    #expect(assistant.minutes["house.attendance"] == nil)
    // The value it has already, its default included: said so, and nothing to undo.
    let same = assistant.handle(":house attendance end")
    #expect(!same.isError && same.effect == nil)
    #expect(same.messages == ["版式「出席名單的位置」已是「end」，沒有改動。"])
    #expect(assistant.minutes["house.attendance"] == nil)
    #expect(assistant.handle(":undo").isError)
  }

  @Test func houseRefusesWhatItDoesNotKnowAndChangesNothing() throws {
    let (template, minutes) = try Self.report()
    var assistant = Assistant(template: template, minutes: minutes)
    let unknown = assistant.handle(":house colour red")
    #expect(unknown.isError)
    #expect(unknown.messages == ["沒有「colour」這項版式選擇。可選的項目：attendance、invitation、date、chair、opening、label、points、speaker、joint、closing、combine、groups、presentVerb；輸入 :house 查看全部。"])
    // A slip in a choice's name is named: `atendance` is `attendance`.
    #expect(assistant.handle(":house atendance start").messages == ["沒有「atendance」這項版式選擇；是不是 attendance？可選的項目：attendance、invitation、date、chair、opening、label、points、speaker、joint、closing、combine、groups、presentVerb；輸入 :house 查看全部。"])
    let badValue = assistant.handle(":house attendance 開頭")
    #expect(badValue.isError)
    #expect(badValue.messages.first?.contains("可選：end、start、inline") == true, "\(badValue.messages)")
    #expect(assistant.minutes == minutes)

    let board = try TestSupport.template(id: "team-meeting.en")
    var english = Assistant(template: board, minutes: Minutes(template: board.id))
    #expect(english.handle(":house").messages == ["This template has no house-style choices: its export decides how the minutes print."])
    #expect(english.handle(":house layout council").messages == ["This template has no house-style choices, so there is no ‘layout’ to change; its export decides how the minutes print."])
  }

  // MARK: - The checker

  static func check(_ house: String) throws -> String? {
    let folder = try TestSupport.temporaryWorkspace("house")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("office.zh-Hant.yaml")
    try "format: 2\nid: office.zh-Hant\nextends: gov-executive.zh-Hant\nname: 本局\nlanguage: zh-Hant\nparts:\n\(house)"
      .write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try TemplateLibrary().load(contentsOf: file)
      return nil
    } catch {
      return error.message(Messages(language: "en"))
    }
  }

  @Test func anOfficeVariantSetsItsDefaultsAndTheCheckerRefusesWhatTheExportCannotTest() throws {
    // A variant that fixes its office's style: the default changed, the other value removed.
    #expect(try Self.check("  - key: house\n    parts:\n      - key: attendance\n        default: start\n        choices:\n          - {value: end, remove: true}\n") == nil)
    let notASCII = try #require(try Self.check("  - key: house\n    parts:\n      - key: attendance\n        choices: [開頭]\n"))
    #expect(notASCII.contains("`開頭` is not"), "\(notASCII)")
    let badDefault = try #require(try Self.check("  - key: house\n    parts:\n      - key: chair\n        default: middle\n"))
    #expect(badDefault.contains("the `default` of `chair`, `middle`, is not one of its choices (title-first, name-first, comrade)"), "\(badDefault)")
    let notAChoice = try #require(try Self.check("  - key: house\n    parts:\n      - key: note\n        label: 備註\n"))
    #expect(notAChoice.contains("holds only choices"), "\(notAChoice)")
    let nested = try #require(try Self.check("  - key: meeting\n    parts:\n      - key: style\n        label: 版式\n        house: true\n        parts:\n          - {key: a, default: x, choices: [x, y]}\n"))
    #expect(nested.contains("`house: true` marks a top-level group"), "\(nested)")
  }

  /// A variant that fixes its office's style exports so without any `:house`.
  @Test func aVariantsDefaultIsTheSessionsStyle() throws {
    let folder = try TestSupport.temporaryWorkspace("house")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("office.zh-Hant.yaml")
    try "format: 2\nid: office.zh-Hant\nextends: gov-executive.zh-Hant\nname: 本局\nlanguage: zh-Hant\nparts:\n  - key: house\n    parts:\n      - key: chair\n        default: name-first\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let office = try TemplateLibrary().load(contentsOf: file)
    var (_, minutes) = try Self.report()
    minutes.template = office.id
    let text = try TextExporter().export(try office.conform(minutes), template: office)
    #expect(text.hasPrefix("5月20日下午，管尊旭政府代區長主持召開"), "\(text.prefix(60))")
  }

  /// An office that drops a choice, or its whole house style, leaves its drafts readable: the choices it no longer
  /// has are left out (found by a clerk's trial: `minutes check` said `house` is no part, and the draft no longer
  /// opened).
  @Test func aDraftOutlivesTheChoicesItsOfficeRemoved() throws {
    let folder = try TestSupport.temporaryWorkspace("house")
    defer { try? FileManager.default.removeItem(at: folder) }
    var (_, minutes) = try Self.report()
    minutes.setValue(.text("start"), at: TestSupport.at("house.attendance"))
    minutes.setValue(.text("le"), at: TestSupport.at("house.opening"))
    for (parts, kept) in [("  - key: house\n    remove: true\n", [String]()),
                          ("  - key: house\n    parts:\n      - key: opening\n        remove: true\n", ["attendance"])] {
      let file = folder.appendingPathComponent("office.zh-Hant.yaml")
      try "format: 2\nid: office.zh-Hant\nextends: gov-executive.zh-Hant\nname: 本局\nlanguage: zh-Hant\nparts:\n\(parts)"
        .write(to: file, atomically: true, encoding: .utf8)
      let office = try TemplateLibrary().load(contentsOf: file)
      let conformed = try office.conform(minutes)
      #expect(conformed.value(at: TestSupport.at("house"))?.record?.fields.keys.map { $0 } ?? [] == kept)
      #expect(conformed.value(at: TestSupport.at("meeting.chair.name")) == minutes.value(at: TestSupport.at("meeting.chair.name")))
    }
  }

  // MARK: - Meetings that follow on

  @Test func theNextMeetingKeepsTheHouseStyle() throws {
    let (template, example) = try Self.report()
    var minutes = example
    minutes.setValue(.text("start"), at: TestSupport.at("house.attendance"))
    let next = FollowOn(previous: minutes, meeting: "may", template: template)
    #expect(next.minutes["house.attendance"] == "start")
    #expect(next.minutes["house.chair"] == nil, "a default stays a default")
  }

  /// The council layout prints a motion's counts right after its disposition, before the disposition's detail
  /// (a clerk's trial found `Postponed to the January 13 meeting, … 5-0-0`, the counts read as part of the detail).
  @Test func theCouncilLayoutPrintsTheCountsBeforeTheDetail() throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    minutes.setValue(.text("council"), at: TestSupport.at("house.layout"))
    minutes.setValue(5, at: TestSupport.at("motions.2.votesFor"))
    minutes.setValue(0, at: TestSupport.at("motions.2.votesAgainst"))
    minutes.setValue(0, at: TestSupport.at("motions.2.abstentions"))
    let text = try TextExporter().export(try template.conform(minutes), template: template)
    #expect(text.contains("Referred 5-0-0 to the Planning Board, to report at the February 11, 2025 meeting, by voice vote.\n"), "\(text)")
  }

  /// An election by voice, without counts, says how it was taken in every layout (a clerk's trial found the
  /// method dropped where no ballot was recorded).
  @Test(arguments: ["sectioned", "council", "school-board", "committee"])
  func anElectionWithoutCountsSaysHowTheVoteWasTaken(layout: String) throws {
    var (template, minutes) = try BoardCheckTests.meeting()
    minutes.setValue(.text(layout), at: TestSupport.at("house.layout"))
    minutes.setValue(nil, at: TestSupport.at("elections.1.ballot"))
    minutes.setValue(.text("voice"), at: TestSupport.at("elections.1.voteKind"))
    let text = try TextExporter().export(try template.conform(minutes), template: template)
    #expect(text.contains("Vote: by voice vote.") || text.contains("of Vice Chair by voice"), "\(text)")
  }
}
