import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
import MinutesTestSupport

/// ``ScriptConversion``: a draft exported in the other script of Chinese characters, with its counterpart
/// template's wording where there is one, and the characters ICU could not decide for the clerk to confirm.
@Suite struct ScriptConversionTests {
  /// The assistant after an example transcript (`Tests/Fixtures/examples/ID.session.txt`, up to `:quit`).
  static func example(_ id: String) throws -> Assistant {
    let template = try TestSupport.template(id: id)
    var assistant = Assistant(template: template, minutes: Minutes(template: id))
    let lines = TestSupport.lines(try String(contentsOf: TestSupport.fixture("examples/\(id).session.txt"), encoding: .utf8))
    assistant.run(Array(lines.prefix { $0 != ":quit" }))
    return assistant
  }

  static func golden(_ name: String) throws -> String {
    try String(contentsOf: TestSupport.fixture("script/\(name)"), encoding: .utf8)
  }

  static func text(_ conversion: ScriptConversion) throws -> String {
    try TextExporter().export(conversion.minutes, template: conversion.template)
  }

  // MARK: - The goldens

  /// The seed (zh-Hant) in Simplified characters: the clerk's words through ICU, the report's wording from
  /// gov-executive.zh-Hans, byte for byte `Tests/Fixtures/script/seed.zh-Hans.txt`.
  @Test func theSeedInSimplifiedIsTheGolden() throws {
    let seed = try TestSupport.seedAssistant()
    let counterpart = try TestSupport.template(id: "gov-executive.zh-Hans")
    let conversion = try ScriptConversion(seed.minutes, template: seed.template, to: .hans, counterpart: counterpart)
    #expect(conversion.isConverted)
    #expect(conversion.counterpart == "gov-executive.zh-Hans")
    #expect(conversion.minutes.template == "gov-executive.zh-Hans")
    #expect(try Self.text(conversion) == Self.golden("seed.zh-Hans.txt"))
    // The choices are the counterpart's, not ICU's reading of them.
    #expect(conversion.minutes.column("items", "kind") == ["传达学习", "传达学习", "传达学习", "传达", "审议", "审议", "审议"])
    // 著力 twice: 著 is 着 or 著 in Simplified, and ICU has no word for 著力.
    #expect(conversion.uncertain.map(\.address) == ["2.1.2", "6.1.1"])
    #expect(conversion.uncertain.map { "\($0.character)\($0.chosen)\(String($0.alternatives))" } == ["著着著", "著着著"])
    #expect(conversion.uncertain.first?.context == "…生產第一道防線，著力構建各負其責、…")
  }

  /// A 纪要 (zh-Hans) in Traditional characters: no jiyao.zh-Hant exists, so the template's wording goes through
  /// ICU too (its Mustache tags untouched); byte for byte `Tests/Fixtures/script/jiyao.zh-Hant.txt`.
  @Test func aJiyaoInTraditionalIsTheGolden() throws {
    let jiyao = try Self.example("jiyao.zh-Hans")
    let conversion = try ScriptConversion(jiyao.minutes, template: jiyao.template, to: .hant, counterpart: nil)
    #expect(conversion.counterpart == nil)
    #expect(conversion.template.language == "zh-Hant")
    #expect(conversion.template.id == "jiyao.zh-Hans")
    #expect(try Self.text(conversion) == Self.golden("jiyao.zh-Hant.txt"))
    let places = conversion.uncertain.map { "\($0.address ?? "-") \($0.character)→\($0.chosen)" }
    #expect(places.contains("1.1 后→後"))
    #expect(places.contains("2.1 于→於"))
    #expect(places.contains("present.4.name 沈→沈"))
    // The template's wording is said once per place in it, without an address.
    // (关于 is the opener of the kind 关于, which this 纪要 does not use: every phrase of the template is its wording.)
    #expect(places.filter { $0.hasPrefix("- ") } == ["- 于→於", "- 了→了", "- 出→出"])
  }

  // MARK: - Counterparts

  /// Without its counterpart, the same draft converts the template's own wording by ICU: the same report in this
  /// case (the two built-in templates differ only in script), and the choices ICU's reading.
  @Test func withoutACounterpartTheWordingIsConvertedByICU() throws {
    let seed = try TestSupport.seedAssistant()
    let conversion = try ScriptConversion(seed.minutes, template: seed.template, to: .hans, counterpart: nil)
    #expect(conversion.counterpart == nil)
    #expect(conversion.minutes.template == "gov-executive.zh-Hant")
    #expect(conversion.minutes.column("items", "kind") == ["传达学习", "传达学习", "传达学习", "传达", "审议", "审议", "审议"])
    #expect(try Self.text(conversion) == Self.golden("seed.zh-Hans.txt"))
  }

  /// A counterpart of another shape (a part missing) is not used: its choices would land on other parts.
  @Test func aCounterpartOfAnotherShapeIsNotUsed() throws {
    let seed = try TestSupport.seedAssistant()
    var other = try TestSupport.template(id: "gov-executive.zh-Hans")
    other.parts.removeLast()
    let conversion = try ScriptConversion(seed.minutes, template: seed.template, to: .hans, counterpart: other)
    #expect(conversion.counterpart == nil)
    // One choice fewer is another shape too.
    var fewer = try TestSupport.template(id: "gov-executive.zh-Hans")
    guard case .group(var meeting) = fewer.parts[0].shape else {
      Issue.record("meeting is no group")
      return
    }
    meeting.parts[1].shape = .field(.choice(["上午", "下午"], isOpen: false))
    fewer.parts[0].shape = .group(meeting)
    #expect(try ScriptConversion(seed.minutes, template: seed.template, to: .hans, counterpart: fewer).counterpart == nil)
    // A template in the wrong script is no counterpart.
    let same = try TestSupport.template(id: "gov-executive-formal.zh-Hant")
    #expect(try ScriptConversion(seed.minutes, template: seed.template, to: .hans, counterpart: same).counterpart == nil)
  }

  /// An open choice's own answer (not one of the template's words) is the clerk's text: converted by ICU at its
  /// address.
  @Test func anOpenChoicesOwnAnswerIsConvertedAsText() throws {
    var draft = try ExportTests.smallDraft()
    draft.setValue(.text("後續會議"), at: TestSupport.at("meeting.kind"))
    let template = try TestSupport.template()
    let conversion = try ScriptConversion(draft, template: template, to: .hans,
                                          counterpart: try TestSupport.template(id: "gov-executive.zh-Hans"))
    #expect(conversion.minutes["meeting.kind"] == .text("后续会议"))
    #expect(conversion.minutes["items.1.kind"] == .text("审议"))
  }

  // MARK: - What ICU could not decide

  /// A character ICU converts by a word rule (头发 → 頭髮, not the 發 it gives 发 alone) is decided; the same
  /// character where no word decides it (发言 → 發言) is reported with its other counterpart.
  @Test func aWordDecidesACharacterAndNoWordLeavesItToConfirm() throws {
    let template = try TestSupport.template(id: "jiyao.zh-Hans")
    var draft = try Self.example("jiyao.zh-Hans").minutes
    draft.setValue(.text("理了头发后发言"), at: TestSupport.at("items.1.paragraphs.1"))
    let conversion = try ScriptConversion(draft, template: template, to: .hant)
    #expect(conversion.minutes["items.1.paragraphs.1"] == .text("理了頭髮後發言"))
    let here = conversion.uncertain.filter { $0.address == "1.1" }
    #expect(here.map { "\($0.character)\($0.chosen)" } == ["了了", "后後", "发發"])
    #expect(here.map(\.alternatives) == [["瞭"], ["后"], ["髮"]])
    #expect(here.map(\.context) == ["理了头发后发言", "理了头发后发言", "理了头发后发言"])
  }

  /// The words around a character stop at the ends of its line and are cut with `…` at 8 characters.
  @Test func theContextStaysOnItsLine() {
    let text = Array("一二三四五六七八九十后一二三四五六七八九十\n甲")
    #expect(Converter.context(of: 10, in: text) == "…三四五六七八九十后一二三四五六七八…")
    #expect(Converter.context(of: 0, in: Array("后\n甲")) == "后")
    #expect(Converter.context(of: 2, in: Array("甲\n后乙")) == "后乙")
  }

  /// The template's wording is converted between its Mustache tags; the tags (a key, a section, a triple
  /// mustache) stay as they are.
  @Test func mustacheTagsAreLeftAsTheyAre() throws {
    var converter = Converter(script: .hant, source: try TestSupport.template(id: "jiyao.zh-Hans"))
    #expect(converter.mustache("{{#items}}会议{{{发}}}{{/items}}后{{^empty(present)}}出席{{/empty(present)}}")
            == "{{#items}}會議{{{发}}}{{/items}}後{{^empty(present)}}出席{{/empty(present)}}")
    // An unclosed `{{` is no tag (the checker refuses such a template): converted as text.
    #expect(converter.mustache("会议{{未闭") == "會議{{未閉")
  }

  // MARK: - Refusals and no-ops

  @Test func anEnglishTemplateIsRefusedAndAChineseOneInItsScriptIsLeftAlone() throws {
    let board = try TestSupport.template(id: "board-meeting.en")
    #expect(throws: ExportError.scriptNeedsChinese(template: "board-meeting.en")) {
      try ScriptConversion(Minutes(template: board.id), template: board, to: .hans)
    }
    let seed = try TestSupport.seedAssistant()
    let same = try ScriptConversion(seed.minutes, template: seed.template, to: .hant)
    #expect(!same.isConverted)
    #expect(same.minutes == seed.minutes)
    #expect(same.uncertain.isEmpty)
    #expect(same.report(Messages(language: "zh-Hant")) == ["範本 `gov-executive.zh-Hant` 本來就是繁體字，照原樣匯出。"])
  }

  // MARK: - The report

  @Test func theReportSpeaksTheSessionsLanguage() throws {
    let seed = try TestSupport.seedAssistant()
    let conversion = try ScriptConversion(seed.minutes, template: seed.template, to: .hans,
                                          counterpart: try TestSupport.template(id: "gov-executive.zh-Hans"))
    #expect(conversion.report(Messages(language: "zh-Hant")) == [
      "已轉為簡體字。有 2 處的字不止一種寫法，ICU 無法從上下文決定，用了最常見的一種；請核對：",
      "  著 → 着（也可能是 著）：2.1.2「…生產第一道防線，著力構建各負其責、…」、6.1.1「…治建設中的作用，著力提高領導干部運…」",
    ])
    #expect(conversion.report(Messages(language: "en")) == [
      "Converted to Simplified characters. 2 character(s) have more than one form that ICU could not tell from the words around them; it wrote the most common one. Please confirm:",
      "  著 → 着 (or 著): 2.1.2 “…生產第一道防線，著力構建各負其責、…”, 6.1.1 “…治建設中的作用，著力提高領導干部運…”",
    ])
    // At most `places` places a line, and how many more.
    #expect(conversion.report(Messages(language: "zh-Hant"), places: 1).last
            == "  著 → 着（也可能是 著）：2.1.2「…生產第一道防線，著力構建各負其責、…」等，另有 1 處")
    // Nothing to confirm is said too.
    var decided = try ExportTests.smallDraft()
    decided.setValue(.text("區長"), at: TestSupport.at("meeting.chair.title"))
    let plain = try ScriptConversion(decided, template: seed.template, to: .hans,
                                     counterpart: try TestSupport.template(id: "gov-executive.zh-Hans"))
    #expect(plain.report(Messages(language: "zh-Hant")) == ["已轉為簡體字；ICU 每個字都能確定，沒有要核對的字。"])
  }

  @Test func withoutACounterpartTheReportSaysHowToAddOne() throws {
    let jiyao = try Self.example("jiyao.zh-Hans")
    let lines = try ScriptConversion(jiyao.minutes, template: jiyao.template, to: .hant).report(jiyao.template.messages)
    #expect(lines.first == "模板 `jiyao.zh-Hans` 没有繁体字的对应模板 `jiyao.zh-Hant`，所以它的用字也由 ICU 转换；要自订用字，可在工作区的 templates/ 中加上 jiyao.zh-Hant.yaml。")
    #expect(lines.contains("  出 → 出（也可能是 齣）：模板用字“出席”"))
  }

  // MARK: - Scripts and the table

  @Test func scriptsAreNamedAsTypedAndTheirCounterpartsByID() {
    #expect(Script(named: "hans") == .hans)
    #expect(Script(named: "Hant") == .hant)
    #expect(Script(named: "zh-Hans") == .hans)
    #expect(Script(named: "zh_hant") == .hant)
    #expect(Script(named: "simplified") == nil)
    #expect(Script.hans.counterpartID(of: "gov-executive.zh-Hant") == "gov-executive.zh-Hans")
    #expect(Script.hant.counterpartID(of: "jiyao.zh-Hans") == "jiyao.zh-Hant")
    #expect(Script.hant.counterpartID(of: "board-meeting.en") == nil)
  }

  /// The issue's examples are in the table: 干/幹/乾, 后/後, 发/發/髮, 面/麵, 里/裡; and 著 the other way.
  @Test func theTableHasTheOneToManyCharacters() {
    let toHant = Script.hant.undecidable, toHans = Script.hans.undecidable
    #expect(Set(toHant["干"] ?? []) == ["乾", "幹", "干"])
    #expect(Set(toHant["后"] ?? []) == ["後", "后"])
    #expect(Set(toHant["发"] ?? []) == ["發", "髮"])
    #expect(Set(toHant["面"] ?? []) == ["麵", "面"])
    #expect(Set(toHant["里"] ?? []) == ["裡", "里"])
    #expect(toHant["会"] == nil, "会 is 會 only")
    #expect(Set(toHans["著"] ?? []) == ["着", "著"])
    #expect(toHans["會"] == nil)
  }
}
