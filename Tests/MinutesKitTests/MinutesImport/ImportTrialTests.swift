import Foundation
import Testing

@testable import MinutesImport
import MinutesKit
import MinutesTestSupport

/// Published-looking records a clerk's trial wrote (stop 25, `Tests/Fixtures/import/trials/`), read as a clerk
/// would read them: an office of two words before a name, a name not followed by the comma the template prints,
/// and lines far longer than any value, which are read or set aside, never stall the reading.
@Suite struct ImportTrialTests {
  static func read(_ fixture: String, template id: String = "board-meeting.en") throws -> Importer.Reading {
    let template = try TestSupport.template(id: id)
    let text = try String(contentsOf: TestSupport.fixture("import/trials/" + fixture), encoding: .utf8)
    return try #require(Importer.read(text, template: template))
  }

  static func text(_ reading: Importer.Reading, _ path: String) -> String? {
    reading.minutes.value(at: Address(stored: path)!)?.text
  }

  /// A meeting's kind that ends as one of the template's kinds does (`院长办公会议`, after 办公会议) is a kind of its
  /// own where no label's words come before the known one (a clerk's trial, stop 28: the 纪要 could not be read at
  /// all), and the short body before it ends where the kind begins: `学院` of `学院院长办公会议`.
  @Test func aKindOfItsOwnEndingAsAKnownOneIsRead() throws {
    let template = try TestSupport.template(id: "jiyao.zh-Hans")
    let published = try String(contentsOf: TestSupport.fixture("published/jiyao.zh-Hans.no-chair-item-hosts.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "党政联席会议", with: "院长办公会议")
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(reading.unparsed)")
    #expect(Self.text(reading, "meeting.body") == "经济管理学院")
    #expect(Self.text(reading, "meeting.kind") == "院长办公会议")
    #expect(Self.text(reading, "meeting.shortBody") == "学院")
    // A label's words before a known kind are still the label's: 第五十七次常務會議 is 常務會議.
    let county = try String(contentsOf: TestSupport.fixture("published/gov-executive.zh-Hant.house-numbered-number-zh.txt"), encoding: .utf8)
    let numbered = try #require(Importer.read(county, template: try TestSupport.template(id: "gov-executive.zh-Hant")))
    #expect(Self.text(numbered, "meeting.kind") == "常務會議")
  }

  /// A clerk's trial (stop 30): a title ending in 師 (總工程師) was no title, and its line was kept unread; a title
  /// ending in a word of its own (區長助理) last among the groups was read as 區長 before a name 助理彭海.
  @Test(arguments: [
    ("副局长宋玉洁、冯国栋，总工程师彭海出席会议。", "present", ["副局长": ["宋玉洁", "冯国栋"], "总工程师": ["彭海"]]),
    ("总经济师彭海出席会议。", "present", ["总经济师": ["彭海"]]),
    ("副局长宋玉洁、冯国栋，区长助理彭海出席会议。", "present", ["副局长": ["宋玉洁", "冯国栋"], "区长助理": ["彭海"]]),
    ("副局长宋玉洁出席会议；局总工程师彭海列席会议。", "inAttendance", ["局总工程师": ["彭海"]]),
  ])
  func aTitleEndingInAnEngineerOrAnAssistantIsATitle(line: String, list: String, groups: [String: [String]]) throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hans")
    let text = """
      2026年4月16日下午，局长韩立新主持召开市交通运输局2026年第5次局务会议。
      会议听取了局综合运输科关于一季度全市交通运输经济运行情况的汇报。会议要求，要倒排工期、挂图作战。
      \(line)

      """
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(reading.unparsed)")
    let read = (reading.minutes.value(at: Address(stored: "attendance.\(list)")!)?.list ?? []).compactMap(\.record)
    var found: [String: [String]] = [:]
    for group in read { found[group["title"]?.text ?? ""] = group["names"]?.list?.compactMap(\.text) ?? [] }
    #expect(found == groups)
  }

  /// A clerk's trial (stop 45): 出席 and 列席 in one sentence joined by ， was read, exit 0, as one 列席 group
  /// titled `区政府办公室主任赵明出` and named `席会议`: it is the house style `combine=comma` now. A form no house
  /// style prints (`…出席会议并讲话，…列席会议`) is no group titled `…出席会议`: its line is set aside and reported.
  @Test func attendanceInOneSentenceIsReadAsItsGroupsOrSetAside() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hans")
    func reading(_ line: String) throws -> Importer.Reading {
      try #require(Importer.read("""
        3月12日上午，区长周文涛主持召开第九届区政府第14次常务会议。
        会议审议了《关于加强城区停车管理的实施意见》（讨论稿）。会议指出，要坚持问题导向，统筹推进停车设施建设。
        \(line)

        """, template: template))
    }
    func groups(_ reading: Importer.Reading, _ list: String) -> [String: [String]] {
      var found: [String: [String]] = [:]
      for group in (reading.minutes.value(at: Address(stored: "attendance.\(list)")!)?.list ?? []).compactMap(\.record) {
        found[group["title"]?.text ?? ""] = group["names"]?.list?.compactMap(\.text) ?? []
      }
      return found
    }
    let joined = try reading("副区长李静、王国栋、陈树林，区政府办公室主任赵明出席会议，区人大代表孙丽、区政协委员钱伟列席会议。")
    #expect(joined.unparsed.isEmpty && joined.reproduces, "\(joined.unparsed)")
    #expect(groups(joined, "present") == ["副区长": ["李静", "王国栋", "陈树林"], "区政府办公室主任": ["赵明"]])
    #expect(groups(joined, "inAttendance") == ["区人大代表": ["孙丽"], "区政协委员": ["钱伟"]])
    #expect(Self.text(joined, "house.combine") == "comma")
    // Nor are groups of one name each joined by ， (the template joins them by 、): `区政府办公室主任葛素云出` was
    // read as a title and `席会议` as a name, exit 0 (a clerk's trial).
    for line in ["副区长李静、王国栋出席会议并讲话，区人大代表孙丽列席会议。", "副区长唐启明，区政府办公室主任葛素云出席会议，区人大代表薛晨光应邀列席会议。"] {
      let other = try reading(line)
      #expect(other.unparsed.map(\.line) == [3], "\(line)")
      // Reported (the line kept, exit 1), whatever was read of it before the stop; never a title of 出席 nor a name of 会议.
      let read = groups(other, "inAttendance")
      #expect(!read.keys.contains { $0.contains("出席") } && !read.values.joined().contains { $0.contains("会议") }, "\(line) \(read)")
    }
  }

  /// A clerk's trial (stop 45): a 纪要 naming its items `研究了A、B和C等事项` was read, exit 0, as two items, the
  /// second's topic `B和C` and the third item's heading a paragraph of the second. The last topic after 和 is the
  /// house style `topics=and`: three items, each with its topic.
  @Test func aJiyaosLastTopicAfterAndIsAnItemOfItsOwn() throws {
    let template = try TestSupport.template(id: "jiyao.zh-Hans")
    let published = try String(contentsOf: TestSupport.fixture("published/jiyao.zh-Hans.no-chair-item-hosts.txt"), encoding: .utf8)
    let text = published.replacingOccurrences(of: "教授委员会换届、学生竞赛奖励等事项", with: "教授委员会换届和学生竞赛奖励等事项")
    #expect(text != published)
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(reading.unparsed)")
    let topics = (reading.minutes.value(at: Address(stored: "items")!)?.list ?? []).compactMap { $0.record?["topic"]?.text }
    #expect(topics == ["年度预算编制", "教授委员会换届", "学生竞赛奖励"])
    #expect(Self.text(reading, "house.topics") == "and")
    // A topic with a 和 of its own, and the last after 和 (a clerk's trial read two items, the third's heading a
    // paragraph of the second): a heading 三、 begins no paragraph.
    let own = text.replacingOccurrences(of: "研究了年度预算编制、", with: "研究了年度预算编制和决算审计、")
    #expect(own != text)
    let both = try #require(Importer.read(own, template: template))
    let read = (both.minutes.value(at: Address(stored: "items")!)?.list ?? []).compactMap { $0.record?["topic"]?.text }
    #expect(read == ["年度预算编制和决算审计", "教授委员会换届", "学生竞赛奖励"], "\(both.unparsed)")
    // The same 纪要 as published, with 、 alone, keeps the default.
    let plain = try #require(Importer.read(published, template: template))
    #expect(plain.reproduces && Self.text(plain, "house.topics") == nil)
  }

  /// A clerk's trial (stop 30): a report that words one item's directives `…的匯報，強調，要…` (no one named, the
  /// house's `speaker=none`) and another's `…精神。會議指出，…` was read all the first way, the second item's
  /// subject `…精神。會議指出` and its follow-up clause both directives; it printed the same, and check said
  /// nothing. A subject and a follow-up clause hold no 。 (their patterns), so the item worded otherwise is now
  /// the line kept unread and reported.
  @Test func aReportThatWordsItsDirectivesTwoWaysKeepsTheOtherWayUnread() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hans")
    let text = """
      2025年11月28日下午，镇长刘卫东主持召开第十九届镇政府第12次常务会议。
      会议集中学习了党的二十届四中全会精神。会议指出，学习贯彻全会精神是首要政治任务。会议要求，要原原本本学；要结合实际干。
      会议听取了镇农业综合服务中心关于冬季农田水利建设情况的汇报，强调，要抢抓冬闲有利时机，加快推进沟渠清淤。

      """
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.map(\.line) == [3])
    #expect(Self.text(reading, "items.1.subject") == "党的二十届四中全会精神")
    #expect(reading.minutes.value(at: Address(stored: "items.1.directives")!)?.list?.count == 2)
  }

  /// The office ends where a name the text gives again (on the roll, in a roll call) begins: `Board President`
  /// `Yolanda Marsh`, not `Board` `President Yolanda Marsh` (whose signature, `Board President` over the name,
  /// then failed to read, and the reading searched for minutes).
  @Test(arguments: [
    ("hang-350s-two-word-office.school-board.txt", "Board President", "Yolanda Marsh"),
    ("office-split-village-president.council.txt", "Village President", "Harold Quist"),
  ])
  func anOfficeOfTwoWordsEndsWhereTheNameGivenAgainBegins(fixture: String, office: String, name: String) throws {
    let reading = try Self.read(fixture)
    #expect(Self.text(reading, "meeting.presiding.office") == office)
    #expect(Self.text(reading, "meeting.presiding.name") == name)
  }

  /// `Rebecca Hollis, spoke on…` where the school-board layout prints `Rebecca Hollis spoke on…`: no name is read
  /// with the comma; the line is kept as it was, and reported.
  @Test func aNameIsNeverReadWithTheCommaAfterIt() throws {
    let reading = try Self.read("comment-comma-name-and-unparsed-line.school-board.txt")
    let names = (reading.minutes.value(at: Address(stored: "publicComment")!)?.list ?? []).compactMap { $0.record?["name"]?.text }
    #expect(!names.contains { $0.hasSuffix(",") }, "\(names)")
    #expect(reading.unparsed.contains { $0.text.hasPrefix("Rebecca Hollis, spoke on a matter not on the agenda") }, "\(reading.unparsed)")
  }

  /// A clerk's trial (stop 38): `Guests: …, Annette Beauchamp (resident, Orchard Lane)` was read as two guests at
  /// the comma inside the parentheses (`Annette Beauchamp (resident` and `Orchard Lane)`), each an error of
  /// unbalanced marks; a value never opens a parenthesis it does not close.
  @Test func aCommaInsideParenthesesPartsNoEntries() throws {
    let template = try TestSupport.template(id: "board-meeting.en")
    let example = try String(contentsOf: TestSupport.fixture("examples/board-meeting.en.txt"), encoding: .utf8)
    let text = example.replacingOccurrences(
      of: "Guests: Helen Marsh (Executive Director), Jordan Pike (Pike & Amsel CPAs)",
      with: "Guests: Helen Marsh (Executive Director), Annette Beauchamp (resident, Orchard Lane), Jordan Pike (Pike & Amsel CPAs)")
    #expect(text != example)
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty, "\(reading.unparsed)")
    let guests = (reading.minutes.value(at: Address(stored: "attendance.guests")!)?.list ?? []).compactMap(\.record)
    #expect(guests.map { $0["name"]?.text ?? "" } == ["Helen Marsh", "Annette Beauchamp", "Jordan Pike"])
    #expect(guests[1]["affiliation"]?.text == "resident, Orchard Lane")
  }

  @Test(arguments: [("a (b)", false), ("a (b", true), ("b) a", true), ("（一）", false), ("一）", true), (")(", true), ("", false)])
  func anUnbalancedParenthesisIsFound(span: String, unbalanced: Bool) throws {
    let scalars = Array(span.unicodeScalars)
    let reader = TextReader(text: scalars, template: try TestSupport.template(id: "gov-executive.zh-Hans"))
    #expect(reader.hasUnbalancedParenthesis(0..<scalars.count) == unbalanced)
    #expect(Self.hasUnbalancedParenthesis(span) == unbalanced)
  }

  /// The reference the reader's scan is compared with: whether `span` has a `(` or `（` not closed, or a `)` or `）`
  /// not opened, counted over its characters.
  static func hasUnbalancedParenthesis(_ span: String) -> Bool {
    var depth = 0
    for character in span {
      if character == "(" || character == "（" { depth += 1 }
      if character == ")" || character == "）" { depth -= 1 }
      if depth < 0 { return true }
    }
    return depth != 0
  }

  /// The reader's scan of a range, carried on from the last range with the same start, finds what a count over the
  /// range's own characters finds: 200 texts drawn (seeded) from parentheses of both widths and other characters, 50
  /// ranges each, in runs from one start (ends rising, as the reader tries them) and at random.
  @Test func anUnbalancedParenthesisIsFoundInARangeAsInItsString() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hans")
    let alphabet = Array("()（）a一 ".unicodeScalars)
    var generator = SplitMix64(seed: 41)
    var disagreements: [String] = []
    for _ in 0..<200 {
      let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      let reader = TextReader(text: text, template: template)
      for _ in 0..<10 {
        let start = Int.random(in: 0...text.count, using: &generator)
        var ends = (0..<5).map { _ in Int.random(in: start...text.count, using: &generator) }
        if Bool.random(using: &generator) { ends.sort() }
        for end in ends {
          let span = String(String.UnicodeScalarView(text[start..<end]))
          if reader.hasUnbalancedParenthesis(start..<end) != Self.hasUnbalancedParenthesis(span) {
            disagreements.append("\(span) in \(String(String.UnicodeScalarView(text)))")
          }
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
  }

  /// A line of 100,000 characters (one value, or none the template prints) is read or set aside whole: nothing
  /// of the text is lost, whichever the template.
  @Test(arguments: ["jiyao.zh-Hans", "board-meeting.en", "gov-executive.zh-Hans"])
  func aLineOfAHundredThousandCharactersIsReadOrKept(template id: String) throws {
    let template = try TestSupport.template(id: id)
    for line in ["会议审议了《" + String(repeating: "某", count: 100_000) + "》。", "Motions " + String(repeating: "x", count: 100_000)] {
      let reading = try #require(Importer.read(line + "\n", template: template))
      let exported = try TextExporter().export(reading.minutes, template: template)
      #expect(reading.unparsed.map(\.text) == [line] || exported.contains(line))
    }
  }
}
