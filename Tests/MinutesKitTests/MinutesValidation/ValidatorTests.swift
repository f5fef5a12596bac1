import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesValidation
import MinutesTestSupport

/// The stored address `text`.
private func stored(_ text: String) -> Address { Address(stored: text)! }

/// The validator's rules, one test each, with the exact finding.
@Suite struct ValidatorTests {
  static func seed() throws -> (Template, Minutes) {
    let assistant = try TestSupport.seedAssistant()
    return (assistant.template, assistant.minutes)
  }

  @Test func theSeedDraftHasNoErrorsAndWarnsOnlyAboutMixedScript() throws {
    let (template, minutes) = try Self.seed()
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.filter { $0.severity == .error } == [])
    #expect(Set(findings.map(\.rule)) == ["script.mixed"])
    // 鲅 in 鲅魚圈 is the Simplified form (domain notes): a warning, never a rewrite.
    #expect(findings.contains { $0.address == "5.subject" && $0.message.contains("鲅") })
    #expect(findings.filter { $0.severity != .warning || $0.hint != ":edit \($0.address)" } == [])
  }

  /// 于, 范 and 干 are Traditional surnames as well as Simplified characters (a trial clerk's names were warned of,
  /// stop 34; ICU keeps 于海洋 but changes 于洋): a name starting with one is no mixed script, but the same character
  /// in a sentence still is.
  @Test func aSurnameOfBothScriptsIsNoMixedScriptButTheWordIs() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    let inserted = minutes.insert(["title": "副區長", "names": ["于洋", "范偉", "干寶"]], at: 3, in: stored("attendance.present"))
    #expect(inserted)
    minutes.setValue(.text("于是"), at: stored("meeting.chair.title"))
    minutes.setValue(.text("于洋"), at: stored("meeting.chair.name"))
    let mixed = Validator(template: template).findings(in: minutes).filter { $0.rule == "script.mixed" }
    #expect(!mixed.contains { $0.address.hasPrefix("present.4") || $0.address == "chair.name" }, "\(mixed)")
    #expect(mixed.contains { $0.message.contains("于") }, "\(mixed)")
    // Not a surname where it does not start the name.
    #expect(Validator.withoutSurname("海于", at: stored("attendance.present.1.names.1"), language: "zh-Hant") == "海于")
    #expect(Validator.withoutSurname("于海", at: stored("meeting.chair.name"), language: "zh-Hant") == "海")
    #expect(Validator.withoutSurname("于海", at: stored("meeting.chair.title"), language: "zh-Hant") == "于海")
  }

  @Test func aPersonInTwoCategoriesOrTwiceOrTheChairAmongThePresent() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    let inserted = minutes.insert(["title": "副區長", "names": ["劉成剛"]], at: 3, in: stored("attendance.inAttendance"))
      && minutes.insert(["title": "副區長", "names": ["陳春青", "管尊旭"]], at: 4, in: stored("attendance.present"))
    #expect(inserted)
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.duplicate", address: "present.4", message: "「陳春青」在出席中列了兩次（另見 present.2）", hint: ":edit present.4"),
      Finding(.error, rule: "attendance.twoCategories", address: "attending.3", message: "「劉成剛」同時列在出席（present.2）和列席中", hint: ":edit attending.3"),
      Finding(.warning, rule: "attendance.chairListed", address: "present.4", message: "主持人「管尊旭」不必再列入出席", hint: ":edit present.4"),
    ])
  }

  /// A name three times (once in a group, twice in another) is two findings, each pointing at the one before it,
  /// and a name twice in one group says so: the two lines read alike and one pointed at itself (`present.3 …
  /// 另見 present.3`).
  @Test func aNameThreeTimesOrTwiceInOneGroupIsNamedWhereItIs() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    let inserted = minutes.insert(["title": "副區長", "names": ["陳春青", "陳春青"]], at: 4, in: stored("attendance.present"))
    #expect(inserted)
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.duplicate", address: "present.4", message: "「陳春青」在出席中列了兩次（另見 present.2）", hint: ":edit present.4"),
      Finding(.error, rule: "attendance.duplicate", address: "present.4", message: "「陳春青」在出席的同一組（present.4）中列了兩次", hint: ":edit present.4"),
    ])
    let hans = try TestSupport.template(id: "gov-executive.zh-Hans")
    var simplified = Minutes(template: hans.id)
    simplified.setValue([["title": "副区长", "names": ["袁立新", "袁立新"]]], at: stored("attendance.present"))
    #expect(Validator(template: hans).findings(in: simplified).filter { $0.rule.hasPrefix("attendance") }.map(\.message)
      == ["“袁立新”在出席的同一组（present.1）中列了两次"])
  }

  @Test func anAbsentPersonAlsoListedAsPresentIsNamed() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue([["title": "副區長", "name": "李禹霖", "reason": "出差"]], at: stored("attendance.absent"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule.hasPrefix("attendance") }
    #expect(findings == [
      Finding(.error, rule: "attendance.twoCategories", address: "absent.1", message: "「李禹霖」同時列在出席（present.2）和請假中", hint: ":edit absent.1"),
    ])
  }

  @Test(arguments: [("關于《監督意見", "《"), ("“兩會精神", "“"), ("文件）", "）"), ("《甲》（乙）「丙」", nil), ("《甲（乙》）", "》")])
  func unbalancedMarks(text: String, mark: Character?) {
    #expect(Validator.unbalancedMark(in: text) == mark)
    #expect(Validator.unbalancedMarkByScalar(in: text) == mark)
  }

  /// The byte scan finds the mark the scalar scan finds, on 20,000 random texts of marks, their look-alikes in
  /// UTF-8 (other E2, E3 and EF sequences), CJK, ASCII, combining marks and scalars beyond the BMP; bridged
  /// strings (no contiguous UTF-8) take the scalar scan.
  @Test func theByteScanFindsTheMarkTheScalarScanFinds() {
    let pieces = ["《", "》", "“", "”", "「", "」", "（", "）", "(", ")", "『", "』", "〈", "〉", "‘", "’", "　", "，", "｛",
                  "会", "審議", "a", " ", "é", "e\u{301}", "😀", "𠀀", "\u{2028}", "…", "—", "【", "】"]
    let longPieces = pieces + Array(repeating: ["会", "審議", "a", " ", "é", "😀", "𠀀", "e\u{301}"], count: 12).joined()
    var generator = SystemRandomNumberGenerator()
    var unbalanced = 0
    for _ in 0..<20_000 {
      // Half of them of 11 to 40 pieces, mostly of none that starts a mark: several words of eight bytes, some
      // passed over whole, the marks at every offset in them.
      let long = Bool.random(using: &generator)
      let length = long ? Int.random(in: 11...40, using: &generator) : Int.random(in: 0...10, using: &generator)
      let text = (0..<length).map { _ in (long ? longPieces : pieces).randomElement(using: &generator)! }.joined()
      let expected = Validator.unbalancedMarkByScalar(in: text)
      if expected != nil { unbalanced += 1 }
      #expect(Validator.unbalancedMark(in: text) == expected, "\(text)")
    }
    #expect(unbalanced > 5_000 && unbalanced < 19_000)
  }

  /// The marks' stack, kept in a word for 21 levels and an array past them, finds what a plain array of the open
  /// marks finds: 5,000 seeded texts of the six pairs (most balanced, nested up to 40 deep), with a mark dropped,
  /// added or swapped in some.
  @Test func theMarksStackFindsWhatAnArrayFinds() {
    let pairs: [(Character, Character)] = [("《", "》"), ("“", "”"), ("「", "」"), ("（", "）"), ("(", ")"), ("『", "』")]
    func reference(_ text: String) -> Character? {
      var open: [(Character, Character)] = []
      for character in text {
        if let pair = pairs.first(where: { $0.0 == character }) {
          open.append(pair)
        } else if pairs.contains(where: { $0.1 == character }) {
          guard open.last?.1 == character else { return character }
          open.removeLast()
        }
      }
      return open.first?.0
    }
    var generator = SplitMix64(seed: 49)
    // Pairs opened `depth` deep and closed in turn, with text and a shallower group of its own inside.
    func nested(_ depth: Int) -> String {
      guard depth > 0 else { return "議" }
      let pair = pairs.randomElement(using: &generator)!
      let beside = Int.random(in: 0..<4, using: &generator) == 0 ? nested(Int.random(in: 0...min(3, depth - 1), using: &generator)) : ""
      return "\(pair.0)会\(nested(depth - 1))\(beside)\(pair.1)"
    }
    var deep = 0
    var unbalanced = 0
    for _ in 0..<5_000 {
      let depth = Int.random(in: 0...40, using: &generator)
      if depth > 21 { deep += 1 }
      var text = Array(nested(depth))
      if !text.isEmpty, Bool.random(using: &generator) {
        let at = Int.random(in: text.indices, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: text.remove(at: at)
        case 1: text.insert(pairs.randomElement(using: &generator)!.1, at: at)
        default: text[at] = pairs.randomElement(using: &generator)!.0
        }
      }
      let expected = reference(String(text))
      if expected != nil { unbalanced += 1 }
      #expect(Validator.unbalancedMark(in: String(text)) == expected, "\(String(text))")
    }
    #expect(deep > 1_000 && unbalanced > 1_000 && unbalanced < 4_000)
  }

  /// The byte scan for half-width marks finds what a look-up of each scalar among the normalizer's marks finds, on
  /// 20,000 random texts of every ASCII byte, CJK, full-width forms and scalars of two and four bytes (mostly
  /// CJK, so that words of eight bytes with no ASCII are passed over whole).
  @Test func theHalfWidthMarkScanFindsWhatTheScalarsHold() {
    let marks = Set(Normalizer.fullWidthPunctuation.keys.compactMap(\.unicodeScalars.first))
    let cjk = Array(repeating: ["会", "議", "，", "（", "：", "é", "😀", "\u{FF1F}", "\u{3000}"], count: 30).joined()
    let pieces = (0..<128).map { String(Unicode.Scalar(UInt8($0))) } + cjk
    var generator = SplitMix64(seed: 17)
    var found = 0
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let expected = text.unicodeScalars.contains(where: marks.contains)
      if expected { found += 1 }
      #expect(Validator.hasHalfWidthMark(text) == expected, "\(text.unicodeScalars.map(\.value))")
    }
    #expect(found > 2_000 && found < 18_000)
  }

  @Test func anUnbalancedSubjectAndHalfWidthPunctuationEditedByHand() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue("全國“兩會精神", at: stored("items.1.subject"))
    minutes.setValue("研究部署,我區安全生產工作", at: stored("items.2.followUp"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule != "script.mixed" }
    #expect(findings == [
      Finding(.error, rule: "marks.unbalanced", address: "1.subject", message: "「“」不成對", hint: ":edit 1.subject"),
      Finding(.warning, rule: "punctuation.halfWidth", address: "2.followup", message: "中文旁有半形標點", hint: ":edit 2.followup"),
    ])
  }

  /// A half-width `.` ending a Chinese sentence is warned of (it printed `可行.。` and nothing said so); a decimal
  /// point, an ellipsis and an abbreviation's period are not.
  @Test(arguments: [("会议认为,该条例总体可行.", true), ("总体可行. 会议要求", true), ("可行.会议", true), ("投资3.5亿元", false),
                    ("等...", false), ("Dr. Wang 出席", false), ("可行。", false), ("v2.0 版本", false)])
  func aHalfWidthStopEndingAChineseSentenceIsWarnedOf(text: String, warned: Bool) throws {
    #expect(Validator.hasHalfWidthStop(text) == warned)
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue(.text(text), at: stored("items.2.followUp"))
    let found = Validator(template: template).findings(in: minutes).filter { $0.rule == "punctuation.halfWidth" }.map(\.address)
    #expect(found == (warned ? ["2.followup"] : []), "\(text)")
  }

  @Test func missingRequiredPartsAreErrorsNamingTheCommand() throws {
    let template = try TestSupport.template()
    let minutes = try TestSupport.draft(["meeting": ["date": "2022-05-20"]])
    let findings = Validator(template: template).findings(in: minutes)
    #expect(findings.first == Finding(.error, rule: "required", address: "chair.title", message: "缺少必填部分「主持人職務」", hint: ":goto chair.title"))
    #expect(findings.first?.line(template.messages) == "錯誤 chair.title：缺少必填部分「主持人職務」（:goto chair.title）")
    #expect(findings.first?.line(Messages(language: "en")) == "error chair.title: 缺少必填部分「主持人職務」 (:goto chair.title)")
    // What real reports omit (the period, the term, the session number, the attendance, the chair's name) is not
    // required.
    #expect(findings.map(\.address) == ["chair.title", "body", "kind", "+", "other"])
    #expect(Set(findings.map(\.rule)) == ["required"])
    #expect(Set(findings.map(\.severity)) == [.error])
  }

  /// The parts of a line (an attendance group's title and names) are not asked one by one, but a hand-edited
  /// entry without them is still found.
  @Test func anEntryEditedByHandWithoutItsRequiredPartsIsFound() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue(["title": "副區長"], at: stored("attendance.present.2"))
    minutes.setValue(["kind": "傳達", "subject": ""], at: stored("items.4"))
    let findings = Validator(template: template).findings(in: minutes).filter { $0.rule != "script.mixed" }
    #expect(findings.contains(Finding(.error, rule: "empty", address: "4.subject", message: "這一部分是空的", hint: ":edit 4.subject")))
    #expect(!findings.contains { $0.address == "4.+" })
    // The export would print the group's title alone: …唐洪斌，副區長，管委會副主任張睿…出席會議。
    #expect(try TextExporter().export(minutes, template: template).contains("唐洪斌，副區長，管委會副主任"))
    #expect(findings.contains { $0.rule == "required" && $0.address.hasPrefix("present.2") }, "\(findings)")
  }

  @Test func aDateThatDoesNotExistAndAClosedChoiceOutsideItsChoices() throws {
    let (template, seedMinutes) = try Self.seed()
    var minutes = seedMinutes
    minutes.setValue("2022-02-30", at: stored("meeting.date"))
    minutes.setValue("中午", at: stored("meeting.period"))
    minutes.setValue("專題會議X", at: stored("meeting.kind"))  // an open choice takes anything
    let findings = Validator(template: template).findings(in: minutes).filter { $0.severity == .error }
    #expect(findings == [
      Finding(.error, rule: "date.invalid", address: "date", message: "「2022-02-30」不是存在的日期", hint: ":edit date"),
      Finding(.error, rule: "choice.unknown", address: "period", message: "「中午」不是可選項（上午、下午、晚上）", hint: ":edit period"),
    ])
  }

  @Test func aPatternThatBacktracksWithoutEndIsAWarningNamingThePartNotAStall() throws {
    let folder = try TestSupport.temporaryWorkspace("pattern")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
    try """
      format: 2
      id: slow.en
      extends: team-meeting.en
      name: Slow
      language: en
      parts:
        - key: meeting
          parts:
            - key: title
              pattern:
                regex: "(a|aa)+$"
                message: Only a's.

      """.write(to: folder.appendingPathComponent("templates/slow.en.yaml"), atomically: true, encoding: .utf8)
    let template = try TemplateLibrary(workspace: folder).template(id: "slow.en")
    var minutes = Minutes(template: template.id)
    // Thirty `a`s and a `b`: about 6 million steps to fail, past the budget of a short answer (1 million).
    minutes.setValue(.text(String(repeating: "a", count: 30) + "b"), at: stored("meeting.title"))
    let validator = Validator(template: template)
    let findings = validator.findings(in: minutes).filter { $0.rule.hasPrefix("pattern") }
    #expect(findings == [
      Finding(.warning, rule: "pattern.tooCostly", address: "title",
              message: "The template's pattern for ‘Title’ takes too long to decide whether this answer fits; ask the template's author to simplify it",
              hint: ":edit title"),
    ])
    minutes.setValue("aaaa", at: stored("meeting.title"))
    #expect(validator.findings(in: minutes).filter { $0.rule.hasPrefix("pattern") } == [])
    minutes.setValue("aab", at: stored("meeting.title"))
    #expect(validator.findings(in: minutes).filter { $0.rule.hasPrefix("pattern") }.map(\.rule) == ["pattern"])
  }
}
