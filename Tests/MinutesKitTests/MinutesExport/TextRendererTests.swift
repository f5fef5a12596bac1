import Foundation
import Mustache
import Testing

@testable import MinutesExport
@testable import MinutesKit
import MinutesTestSupport

/// ``TextRenderer`` renders what swift-mustache renders, byte for byte: on Mustache's rules over hand-made
/// contexts, on every example and published form, and on random drafts of every built-in template, complete or
/// not, with and without the marks of a draft exported with its errors.
@Suite struct TextRendererTests {
  /// `source` rendered over `context` by both renderers.
  static func both(_ source: String, _ context: Any) throws -> (fast: String, mustache: String) {
    let fast = try #require(TextRenderer(source), "not compiled: \(source)")
    let mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source)
    return (fast.render(context), mustache.render(context))
  }

  static var record: [String: Any] { [
    "meeting": ["kind": "常務會議", "chair": ["name": "劉成剛", "title": NSNull()], "number": NumberContext(n: 12, language: "zh-Hant")],
    "title": "outer",
    "kind": ChoiceContext(value: "Review", phrase: "reviewed"),
    "empty": ListContext(elements: [], text: ""),
    "items": ListContext(elements: [
      ["title": "first", "points": ListContext(elements: ["a", "b"], text: "a、b"), "flag": true] as [String: Any],
      ["points": ListContext(elements: [], text: ""), "flag": false, "title": NSNull()] as [String: Any],
      ["title": "third", "n": 3, "points": ListContext(elements: [Element(value: "c", n: 1, language: "en")], text: "c")] as [String: Any],
    ], text: "first, third"),
    "missing": MissingMark(text: "〔屆次〕"),
    "yes": true, "no": false, "zero": 0, "nothing": NSNull(),
    "date": DateContext(date: PartialDate(parsing: "2024-03-08")!), "time": TimeContext(time: MeetingTime(parsing: "19:02")!),
    "array": ["x", "y"] as [Any],
    "unanswered": MissingFlag(text: "〔法定人數〕"),
  ] }

  /// Names, sections and transforms as swift-mustache resolves them: climbing, a null stopping the climb, `.`
  /// and `.name`, positions in a list, inverted sections over empty lists, a list's fields through `Mirror`.
  @Test(arguments: [
    "{{meeting.kind}} {{meeting.chair.name}} {{meeting.number}} {{meeting.number.zh}} {{meeting.none}}",
    "{{#items}}[{{title}}|{{n}}|{{points}}|{{#points}}{{.}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{index()}}{{/points}}]{{/items}}",
    "{{#items}}{{#flag}}{{first()}}{{last()}}{{/flag}}{{^flag}}not{{first()}}{{/flag}}{{/items}}",
    "{{#items}}{{^points}}none {{first()}}{{.}}{{/points}}{{/items}}",
    "{{#meeting}}{{kind}} {{title}} {{.kind}} {{.title}}{{/meeting}}",
    "{{#meeting.chair}}{{title}}|{{name}}{{/meeting.chair}}",
    "{{kind}} {{kind.phrase}} {{#kind.Review}}yes{{/kind.Review}}{{^kind.Report}}no{{/kind.Report}} {{lowercased(kind)}} {{uppercased(title)}}",
    "{{empty(items)}} {{empty(empty)}} {{count(items)}} {{#first(items)}}{{title}}{{/first(items)}} {{last(items)}}",
    "{{missing}} {{missing.zh}} {{lowercased(missing)}} {{#missing}}in {{.}}{{/missing}}",
    "{{yes}} {{no}} {{zero}} {{nothing}} {{#zero}}z{{.}}{{/zero}} {{#nothing}}n{{/nothing}}{{^nothing}}N{{/nothing}}",
    "{{plusone(zero)}} {{#equalzero(zero)}}eq{{/equalzero(zero)}} {{even(zero)}} {{count(meeting)}} {{empty(title)}}",
    "{{date}} {{date.zh}} {{date.en}} {{date.weekday}} {{time.en}} {{time.enEnd}} {{#date.year}}{{.}}{{/date.year}}",
    "{{items.text}} {{#items.elements}}.{{/items.elements}} {{array}} {{#array}}{{.}}{{first()}}{{/array}} {{first(array)}}",
    "{{.}}|{{#items}}{{#points}}{{title}}{{/points}}{{/items}}",
    "  {{#yes}}\n  line\n  {{/yes}}\n{{^yes}}\nno\n{{/yes}}\n{{! a comment }}\n{{{title}}} {{& title}}\n",
    // Sections in sections, each body after its section's tag, and what comes after a body.
    "{{#items}}<{{#points}}{{#first()}}({{/first()}}{{.}}{{^last()}},{{/last()}}{{/points}}>{{title}}{{/items}}|{{#yes}}{{#no}}x{{/no}}{{^no}}y{{#meeting}}{{kind}}{{/meeting}}z{{/no}}{{/yes}}end",
    // A yes/no not answered prints its mark, and a line end when its body's last piece is a text that ends one.
    "{{#unanswered}}quorum\n{{/unanswered}}|{{#unanswered}}A{{#yes}}B\n{{/yes}}{{/unanswered}}|{{^unanswered}}no{{/unanswered}}|{{#unanswered}}{{/unanswered}}.",
    // A carriage return and a line feed are one character, not a line feed.
    "a {{#unanswered}}q\r\n{{/unanswered}} b {{#unanswered}}\r\n\n{{/unanswered}} c {{#unanswered}}\n{{/unanswered}}.",
  ])
  func rendersAsSwiftMustacheDoes(source: String) throws {
    let (fast, mustache) = try Self.both(source, Self.record)
    #expect(fast == mustache)
  }

  /// A record made on a layout (the names every record of some parts shares) holds only the names set: a name of
  /// the layout not yet set is not found; one added out of the layout's order makes the names the record's own,
  /// leaving another record of the layout as it was; swift-mustache reads the names set, as they are now.
  @Test func aRecordOnALayoutHoldsTheNamesSet() {
    func text(_ value: ContextValue?) -> String? { value.map { TextRenderer.printed($0) } }
    let layout = ContextRecord.Layout(["title", "points", "n", "zh"])
    let record = ContextRecord(layout, values: [.text("a")])
    #expect(text(record["title"]) == "a" && record["points"] == nil && record["n"] == nil)
    record.append("points", .text("b"))
    #expect(text(record["points"]) == "b" && record["n"] == nil)
    record.append("other", .int(3))
    #expect(text(record["other"]) == "3" && record["n"] == nil && record["zh"] == nil)
    let full = ContextRecord(layout, values: [.text("x"), .text("y"), .int(1), .text("一")])
    #expect(text(full["n"]) == "1" && text(full["zh"]) == "一" && full["other"] == nil)
    #expect(Set(record.dictionary.keys) == ["title", "points", "other"])
    record["title"] = .text("c")
    record["points"] = nil
    #expect(record.dictionary["title"] as? String == "c" && record.dictionary["points"] == nil && text(record["other"]) == "3")
    // Names that share their length and first seven bytes are told apart by the rest.
    let alike = ContextRecord()
    alike["decision1"] = .text("one")
    alike["decision2"] = .text("two")
    #expect(text(alike["decision2"]) == "two" && text(alike["decision1"]) == "one" && alike["decision3"] == nil)
  }

  /// What a name climbing to the root finds there is kept for the rest of the rendering, and is not what a name of
  /// the same tag finds where a level above the root has it: an agenda item with a title of its own prints it, and
  /// one with a house style of its own follows that, before and after items that have neither.
  @Test func aNameKeptFromTheRootGivesWayToALevelThatHasIt() throws {
    func record(_ fields: KeyValuePairs<String, ContextValue>) -> ContextRecord {
      let record = ContextRecord()
      for (name, value) in fields { record[name] = value }
      return record
    }
    func house(_ points: String) -> ContextValue {
      .record(record(["points": .choice(ChoiceContext(value: points, phrase: nil))]))
    }
    let items: [ContextValue] = [
      .record(record(["n": .int(1)])),
      .record(record(["title": .text("own"), "house": house("sentences")])),
      .record(record(["n": .int(3)])),
      .record(record(["title": .null, "house": .null])),
      .record(record(["n": .int(5)])),
    ]
    let root = record(["title": .text("root"), "house": house("numbered"), "items": .list(ListContext(entries: items, text: ""))])
    let source = "{{#items}}{{title}}:{{#house.points.numbered}}N{{/house.points.numbered}}"
      + "{{#house.points.sentences}}S{{/house.points.sentences}}{{^house}}-{{/house}};{{/items}}"
    let fast = try #require(TextRenderer(source)).render(.record(root))
    #expect(fast == "root:N;own:S;root:N;:-;root:N;")
    #expect(fast == (try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source).render(ContextValue.record(root).any)))
  }

  /// A value read through swift-mustache's protocols is asked again at every tag: what the root gives through it is
  /// not kept (a counter that answers 1, 2, 3…, asked once per agenda item).
  @Test func aValueReadThroughMustachesProtocolsIsAskedEachTime() throws {
    final class Counter: MustacheParent {
      var count = 0
      func child(named name: String) -> Any? {
        count += 1
        return count
      }
    }
    let items: [ContextValue] = (1...3).map { _ in .record(ContextRecord()) }
    let source = "{{#items}}{{counter.n}}{{/items}}"
    func root() -> ContextRecord {
      let root = ContextRecord()
      root["counter"] = ContextValue(any: Counter())
      root["items"] = .list(ListContext(entries: items, text: ""))
      return root
    }
    #expect(try #require(TextRenderer(source)).render(.record(root())) == "123")
    #expect(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source).render(ContextValue.record(root()).any) == "123")
  }

  /// What a rendering keeps from its root is its own: one compiled text rendered over two roots prints each root's.
  @Test func whatARenderingKeepsIsItsOwn() throws {
    func root(_ points: String) -> ContextValue {
      let house = ContextRecord()
      house["points"] = .choice(ChoiceContext(value: points, phrase: nil))
      let root = ContextRecord()
      root["house"] = .record(house)
      root["items"] = .list(ListContext(entries: [.record(ContextRecord()), .record(ContextRecord())], text: ""))
      return .record(root)
    }
    let renderer = try #require(TextRenderer("{{#items}}{{#house.points.numbered}}N{{/house.points.numbered}}{{^house.points.numbered}}S{{/house.points.numbered}}{{/items}}"))
    #expect(renderer.render(root("numbered")) == "NN")
    #expect(renderer.render(root("sentences")) == "SS")
    #expect(renderer.render(root("numbered")) == "NN")
  }

  /// A record finds a name as a dictionary does, on 2,000 drawn records whose names share their lengths and first
  /// seven bytes (all a fingerprint holds) or more.
  @Test func aRecordFindsANameAsADictionaryDoes() throws {
    var generator = SplitMix64(seed: 55)
    // Names of up to seven bytes are told by their fingerprint alone, longer ones (NULs among them) by their bytes.
    let stems = ["", "a", "decision", "presentAndAbsent", "inAttendance", "a\0\0\0", String(repeating: "\0", count: 250)]
    func name() -> String {
      let stem = stems.randomElement(using: &generator)!
      let tail = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in "xy9-é\0".randomElement(using: &generator)! })
      return Bool.random(using: &generator) ? stem + tail : tail + stem
    }
    for _ in 0..<2_000 {
      let record = ContextRecord()
      var dictionary: [String: Int] = [:]
      for index in 0..<Int.random(in: 0...12, using: &generator) {
        let key = name()
        record[key] = .int(index)
        dictionary[key] = index
      }
      for key in dictionary.keys.map({ $0 }) + (0..<8).map({ _ in name() }) {
        let found: Int? = if case .int(let value) = record[key] { value } else { nil }
        #expect(found == dictionary[key], "\(key) in \(dictionary)")
      }
    }
    // The length is counted up to 255: a name of 256 + k bytes is not a name of k bytes with the same first ones
    // (a name of 262 bytes whose first seven are `a` and six NULs, against `a` and five NULs).
    for short in 0...7 {
      let record = ContextRecord()
      record[String(repeating: "\0", count: 256 + short)] = .int(1)
      #expect(record[String(repeating: "\0", count: short)] == nil, "\(short)")
    }
    let long = ContextRecord()
    long["a" + String(repeating: "\0", count: 261)] = .int(2)
    #expect(long["a" + String(repeating: "\0", count: 5)] == nil)
    // Names of eight bytes, and names longer than 255 bytes (whose lengths both count as 255), that share their
    // first seven bytes are compared whole.
    let alike = ContextRecord()
    alike["decisioA"] = .int(1)
    alike[String(repeating: "\0", count: 300)] = .int(2)
    #expect(alike["decisioB"] == nil && alike[String(repeating: "\0", count: 255)] == nil)
    #expect(TextRenderer.printed(try #require(alike["decisioA"])) == "1")
  }

  /// A partial within a line is put in place, and sees no position in a list, as swift-mustache renders it.
  @Test(arguments: [
    "{{#items}}<{{> line}}>{{/items}}", "{{#items}}{{#flag}}<{{> line}}>{{/flag}}{{/items}}", "a{{> nested}}b\n{{> line}}.",
    "會議{{>line}}。{{>  line }}\n{{>\u{3000}line\u{3000}}}、", "{{> line}} and\n  x{{> line}}\t\n\t{{> line}}y",
  ])
  func rendersAPartialAsSwiftMustacheDoes(source: String) throws {
    let partials = ["line": "{{title}}{{first()}}{{#points}}{{.}}{{^last()}}、{{/last()}}{{/points}}", "nested": "[{{> line}}]"]
    let fast = try #require(TextRenderer(source, partials: partials))
    var library = MustacheLibrary()
    for (name, text) in partials { library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text), named: name) }
    let mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + source).render(Self.record, library: library)
    #expect(fast.render(Self.record) == mustache)
  }

  /// What this renderer leaves to swift-mustache is not compiled: a partial on a line of its own (indented), of
  /// several lines or unknown, delimiters, blocks, nested transforms, other content types, names swift-mustache
  /// refuses, tags over a line.
  @Test(arguments: [
    "{{> line}}", "  {{> line}}\n", "a{{> lines}}", "a{{> unknown}}", "{{=<% %>=}}", "{{$block}}x{{/block}}", "{{<parent}}{{/parent}}", "{{a(b(c))}}",
    "{{% CONTENT_TYPE: HTML}}{{a}}", "{{會議}}", "{{a b}}", "{{! a\ncomment }}", "{{#a}}", "{{/a}}",
    "a{{> line}}", "a{{> a b}}", "x{{> lines}}\t{{> line}}", " \t{{>\u{3000}lines }} \n", "a{{> nested}}",
    "{{%CONTENT_TYPE:TEXTS}}{{a}}", "{{% CONTENT_TYPE}}{{a}}", "{{%: TEXT}}{{a}}", "{{% CONTENT_TYPE::TEXT}}", "{{% CONTENT_TYPE:\u{3000}HTML}}",
  ])
  func leavesToSwiftMustacheWhatItDoesNotRender(source: String) {
    #expect(TextRenderer(source, partials: ["line": "{{title}}", "lines": "{{title}}\n{{title}}", "nested": "[{{> nested}}]"]) == nil)
  }

  /// A TEXT pragma is read with blanks (tabs, spaces, Unicode's space separators) around either side of its colon.
  @Test(arguments: ["{{%CONTENT_TYPE:TEXT}}", "{{% CONTENT_TYPE: TEXT}}", "{{%\tCONTENT_TYPE :TEXT\t}}", "{{% CONTENT_TYPE:\u{3000}TEXT\u{A0}}}"])
  func aTextPragmaIsRendered(pragma: String) throws {
    let (fast, mustache) = try Self.both(pragma + "{{title}}", Self.record)
    #expect(fast == mustache)
    #expect(fast == "outer")
  }

  /// Every built-in template's text export, phrases and `join.entry` are rendered by ``TextRenderer``, not left to
  /// swift-mustache.
  @Test(arguments: TestSupport.builtInTemplates)
  func everyBuiltInTextIsRenderedByIt(template id: String) throws {
    let template = try TestSupport.template(id: id)
    #expect(TextRenderer(try #require(template.export["text"]), partials: template.partials) != nil)
    func small(_ parts: [Part]) -> [String] {
      parts.flatMap { part in Array(part.rendering.phrases.values) + [part.rendering.join?.entry].compactMap { $0 } + small(part.parts) }
    }
    for source in small(template.parts) { #expect(TextRenderer(source) != nil, "\(source)") }
  }

  /// Every example meeting and every published form: the same text through both renderers, exported as final
  /// and as a draft with its errors marked.
  @Test func theExamplesAndPublishedFormsRenderTheSame() throws {
    var drafts: [(String, Template, Minutes)] = []
    for id in TestSupport.builtInTemplates {
      let (template, minutes) = try TestSupport.example(id)
      drafts.append((id, template, minutes))
    }
    for form in TestSupport.publishedForms {
      let transcript = TestSupport.fixture("published/\(form.template).\(form.form).session.txt")
      let (template, minutes) = try TestSupport.drafted(form.template, transcript: transcript, house: form.house)
      drafts.append(("\(form.template).\(form.form)", template, minutes))
    }
    for (name, template, minutes) in drafts {
      for marks in [false, true] {
        let fast = try TextExporter.text(minutes, template: template, marksMissing: marks)
        let mustache = try TextExporter.text(minutes, template: template, marksMissing: marks, renderer: .mustache)
        #expect(fast == mustache, "\(name), marks \(marks)")
      }
    }
  }

  /// Random drafts of every built-in template, any part filled in or not, with values of every kind (and some out
  /// of their kind) and every house choice: the same text through both renderers, and so through both folds
  /// (``TextRenderer`` reads lists of records folded as they are read, swift-mustache a context folded whole).
  @Test(arguments: TestSupport.builtInTemplates)
  func randomDraftsRenderTheSame(template id: String) throws {
    let template = try TestSupport.template(id: id)
    var random = SplitMix64(seed: id.utf8.reduce(0x7E47_0001) { $0 &* 31 &+ UInt64($1) })
    var differing = 0
    let drafts = RandomDrafts(odd: true)
    for n in 0..<150 {
      let content = drafts.record(template.parts, &random)
      let minutes = Minutes(template: template.id, content: content)
      for marks in [false, true] {
        let fast = try TextExporter.text(minutes, template: template, marksMissing: marks)
        let mustache = try TextExporter.text(minutes, template: template, marksMissing: marks, renderer: .mustache)
        if fast != mustache {
          differing += 1
          if differing <= 2 { Issue.record("draft \(n), marks \(marks):\n\(fast)\n--- swift-mustache ---\n\(mustache)") }
        }
      }
    }
    #expect(differing == 0)
  }

  /// An export's numerals (`zh`), remembered as first asked for, are ``ChineseNumeral``'s, in either script, asked
  /// in any order, past the numbers remembered and below zero.
  @Test func anExportsNumeralsAreChineseNumerals() {
    var generator = SplitMix64(seed: 60)
    for language in ["zh-Hant", "zh-Hans", "en"] {
      let rendering = TextExporter.Rendering(language: language)
      let numbers = [5_000, 0, 1, 99, 100, 10_001, 100_000, 100_001, 123_456_789, -1]
        + (0..<500).map { _ in Int.random(in: 0...20_000, using: &generator) }
      let differing = numbers.filter { rendering.numeral($0) != ChineseNumeral.string($0, language: language) }
      #expect(differing == [], "\(language)")
    }
  }
}
