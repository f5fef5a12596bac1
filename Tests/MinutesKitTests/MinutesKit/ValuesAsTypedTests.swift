import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// Values as people type them (issue 10, item 3): a date without its year or month, spaces between names that
/// keep two names apart, and a padded name that is the same person as its unpadded spelling.
@Suite struct ValuesAsTypedTests {
  @Test func aDateWithoutTheYearIsStoredSoAndPrintedAsReportsPrintIt() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["9月13日", "下午"])
    #expect(assistant.minutes.text("meeting.date") == "--09-13")
    // :show and :edit give it as it was typed, not in its stored ISO 8601 form.
    #expect(assistant.interview.value(at: TestSupport.at("meeting.date"), in: assistant.minutes) == "9月13日")
    assistant.answer(["區長", "林振華", "", "區政府", "", "常務會議", "傳達學習", "甲", "", "", "", "", "", "否", "", "", ""])
    #expect(Validator(template: assistant.template).findings(in: assistant.minutes) == [])
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).hasPrefix("9月13日下午，區長林振華主持召開區政府常務會議。\n"))
  }

  @Test func aDateWithTheDayAloneIsAWarningNotARefusal() throws {
    var assistant = try TestSupport.freshAssistant()
    let response = assistant.handle("3日")
    #expect(!response.isError, "\(response.messages)")
    #expect(assistant.minutes.text("meeting.date") == "---03")
    let findings = Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.address == "date" }
    #expect(findings.map(\.rule) == ["date.noMonth"])
    #expect(findings.map(\.severity) == [.warning])
    assistant.answer(["下午", "區長", "林振華", "", "區政府", "", "常務會議", "傳達學習", "甲", "", "", "", "", "", "否", "", "", ""])
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).hasPrefix("3日下午，區長林振華主持召開區政府常務會議。\n"))
    // A day no month has is refused still.
    #expect(assistant.handle(":edit date 2-30").isError)
  }

  /// A title pasted as the report prints it, with its status (`《…（討論稿）》`), then the status given: the
  /// title drops the status it ends with, so that it prints once; one answer, undone whole. A title that ends
  /// with another bracket is the document's own name (the seed's `決議（草案）` with the status 討論稿).
  @Test func aStatusPastedWithItsTitleIsPrintedOnce() throws {
    var assistant = try TestSupport.freshAssistant()
    assistant.answer(["2024-05-03", "下午", "區長", "林振華", "", "區政府", "3", "常務會議", "審議", "《東湖區物業管理辦法（討論稿）》"])
    #expect(assistant.minutes.text("items.1.subject") == "東湖區物業管理辦法（討論稿）")
    let response = assistant.handle("討論稿")
    #expect(response.messages == ["「議題1 內容」隨之改為「東湖區物業管理辦法」，「議題1 文件狀態」另外印出，不印兩次；要照原樣留在「議題1 內容」中印出，請 :undo 後把「議題1 文件狀態」留空。"])
    #expect(assistant.minutes.text("items.1.subject") == "東湖區物業管理辦法")
    #expect(assistant.minutes.text("items.1.status") == "討論稿")
    _ = assistant.handle(":undo")
    #expect(assistant.minutes.text("items.1.subject") == "東湖區物業管理辦法（討論稿）")
    #expect(assistant.minutes.text("items.1.status") == nil)
    assistant.answer(["討論稿", "", "", "", "", "", "否", "", "", ""])
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).contains("會議審議了《東湖區物業管理辦法》（討論稿）。"))
    // Typed again with the status it has: the title keeps no copy of it, and says so.
    let edited = assistant.handle(":edit 1.subject 《東湖區物業管理辦法（討論稿）》")
    #expect(assistant.minutes.text("items.1.subject") == "東湖區物業管理辦法")
    #expect(edited.messages.contains("「議題1 內容」隨之改為「東湖區物業管理辦法」，「議題1 文件狀態」另外印出，不印兩次；要照原樣留在「議題1 內容」中印出，請 :undo 後把「議題1 文件狀態」留空。"), "\(edited.messages)")
    // Another bracket is the title's own.
    _ = assistant.handle(":edit 1.subject 關于開展法治宣傳教育的決議（草案）")
    #expect(assistant.minutes.text("items.1.subject") == "關于開展法治宣傳教育的決議（草案）")
  }

  @Test func theFormalTemplatePrintsTheYearOnlyWhenGiven() throws {
    var assistant = try TestSupport.exampleAssistant("gov-executive-formal.zh-Hant")
    _ = assistant.handle(":edit date 11-2")
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).hasPrefix("11月2日上午，區委副書記、區長韓啟明同志"))
  }

  @Test(arguments: ["撰稿人：許文傑　審稿人：陳立群", "主持人：許文傑 匯報人：陳立群"])
  func aSpaceBetweenNamesKeepsThemApart(credit: String) throws {
    var assistant = try TestSupport.exampleAssistant("gov-executive-formal.zh-Hant")
    _ = assistant.handle(":edit credit \(credit)")
    #expect(assistant.minutes.text("credit") == credit)
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).hasSuffix("（\(credit)）\n"))
  }

  @Test func aPaddedNameIsTheSamePersonAndPrintsAsTyped() throws {
    var assistant = try TestSupport.seedAssistant()
    // 王 芳 and 王　芳, padded to the width of a three-character name, as lists of names print them.
    _ = assistant.handle(":add present 副區長 王 芳、李四")
    #expect(assistant.minutes.texts("attendance.present.4.names") == ["王 芳", "李四"])
    #expect(try TextExporter().export(assistant.minutes, template: assistant.template).contains("副區長王 芳、李四出席會議。"))
    _ = assistant.handle(":add attending 區人大代表 王芳")
    var findings = Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings.map(\.rule) == ["attendance.twoCategories"])
    #expect(findings.first?.message.contains("「王芳」同時列在出席（present.4）和列席中") == true)
    // The chair padded is the chair.
    _ = assistant.handle(":edit chair.name 管　尊旭")
    #expect(assistant.minutes.text("meeting.chair.name") == "管　尊旭")
    _ = assistant.handle(":add present 政府代區長 管尊旭")
    findings = Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.rule == "attendance.chairListed" }
    #expect(findings.count == 1)
  }

  @Test func spacesBetweenChineseCharactersStillGoElsewhere() throws {
    var assistant = try TestSupport.seedAssistant()
    _ = assistant.handle(":edit 1.subject 全國 兩會 精神")
    #expect(assistant.minutes.text("items.1.subject") == "全國兩會精神")
    #expect(Normalizer.normalize("甲　乙") == "甲乙")
    #expect(Normalizer.normalize("甲　 乙", keepingSpaces: true) == "甲\u{3000}乙")
    #expect(Normalizer.normalize(" 王  芳 ", keepingSpaces: true) == "王 芳")
  }
}

/// A line of a list that reads lines split at spaces holds one entry: more pieces than its parts (several names
/// typed on one 出席 line) would lose the spaces between names in its last part, so it is refused, saying why.
@Suite struct LinePiecesTests {
  @Test func severalNamesOnALineThatHoldsOnePersonAreRefusedNotMerged() throws {
    var assistant = try TestSupport.exampleAssistant("jiyao.zh-Hans")
    let present = TestSupport.at("attendance.present")
    let before = assistant.minutes.entries(of: present)
    let refused = assistant.handle(":add present 王建华 李秀英 张国强 赵立新")
    #expect(refused.isError)
    #expect(refused.messages == ["“王建华 李秀英 张国强 赵立新”以空格分成 4 段，但一行只有“姓名 单位”2 段，多出的空格会被删去而把几个名字连在一起，所以没有保存。请每行输入一人，如：罗景川 市长"])
    #expect(assistant.minutes.entries(of: present) == before)
    // A name and a unit, and a name alone, are taken as before.
    #expect(!assistant.handle(":add present 王建华 市发展改革委").isError)
    #expect(!assistant.handle(":add present 李秀英").isError)
    #expect(assistant.minutes.entries(of: present).count == before.count + 2)
  }

  @Test func aLastPartThatKeepsItsSpacesTakesTheRest() throws {
    // gov-executive.zh-Hant's attendance names keep their spaces (padded names): `區長助理 王 芳、孫 明` is a
    // title and two names.
    var assistant = try TestSupport.exampleAssistant("gov-executive.zh-Hant")
    let response = assistant.handle(":add present 區長助理 王 芳、孫 明")
    #expect(!response.isError, "\(response.messages)")
  }
}

/// A 列席 group named by its role alone (`相關部門負責同志列席會議`), as reports print it, is taken by the plain
/// templates as by the formal one, checks clean and is joined to named groups with "，".
@Suite struct RoleOnlyGroupTests {
  @Test(arguments: [("gov-executive.zh-Hant", "區政協副主席 張立群", "各街道辦事處、區直有關部門主要負責同志",
                     "區政協副主席張立群，各街道辦事處、區直有關部門主要負責同志"),
                    ("gov-executive.zh-Hans", "区政协副主席 张立群", "各街道办事处、区直有关部门主要负责同志",
                     "区政协副主席张立群，各街道办事处、区直有关部门主要负责同志")])
  func aGroupWithoutNamesIsTaken(template id: String, named: String, roleOnly: String, printed: String) throws {
    var assistant = try TestSupport.exampleAssistant(id)
    let before = Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.severity == .error }.count
    for line in [named, roleOnly] {
      let response = assistant.handle(":add attending \(line)")
      #expect(!response.isError, "\(response.messages)")
    }
    #expect(Validator(template: assistant.template).findings(in: assistant.minutes).filter { $0.severity == .error }.count == before)
    let text = try TextExporter().export(assistant.minutes, template: assistant.template)
    #expect(text.contains(printed), "\(text)")
  }
}
