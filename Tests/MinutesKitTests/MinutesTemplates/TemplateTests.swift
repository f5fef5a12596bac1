import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// ``TemplateLibrary``: the built-in template parses to what the interview relies on, and broken templates give
/// ``TemplateError`` messages that name the file, line and column and the key at fault.
@Suite struct TemplateTests {
  /// A part's phrases (``Part/phrases(of:)``): the first choice of each value speaks for it, with or without a
  /// phrase, in the choices' order; the same with a few choices (compared one by one) and many (through a set). The
  /// values are drawn from a few, with `e\u{301}` and `é` (one value, as `==` has it).
  @Test func thePhrasesAreTheFirstChoiceOfEachValues() throws {
    var generator = SplitMix64(seed: 0x5048_5241)
    let values = ["yes", "no", "é", "e\u{301}", "abstain", "", "動議"]
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...40, using: &generator)
      let choices = (0..<count).map { _ in
        Part.Choice(value: values.randomElement(using: &generator)!,
                    phrase: Bool.random(using: &generator) ? "p\(Int.random(in: 0..<5, using: &generator))" : nil)
      }
      var expected: [(String, String)] = []
      var seen: [String] = []
      for choice in choices where !seen.contains(choice.value) {
        seen.append(choice.value)
        if let phrase = choice.phrase { expected.append((choice.value, phrase)) }
      }
      let phrases = Part.phrases(of: choices)
      #expect(phrases.keys.elementsEqual(expected.map(\.0)) && phrases.values.elementsEqual(expected.map(\.1)), "\(choices)")
    }
  }

  static let file = "t.yaml"

  /// The built-in template's text with `transform` applied.
  static func builtIn(_ transform: (String) -> String) throws -> String {
    transform(try TestSupport.templateText())
  }

  /// The 1-based number of the first line of `text` equal to `line`.
  static func lineNumber(of line: String, in text: String) throws -> Int {
    try #require(TestSupport.lines(text).firstIndex(of: line)) + 1
  }

  /// The 1-based number of the first line of `text` equal to `line` after the line `after`.
  static func lineNumber(of line: String, in text: String, after: String) throws -> Int {
    let lines = TestSupport.lines(text)
    let start = try #require(lines.firstIndex(of: after))
    return try #require(lines[start...].firstIndex(of: line)) + 1
  }

  /// The message of the ``TemplateError`` thrown when parsing `yaml`.
  static func message(parsing yaml: String) -> String? {
    do {
      _ = try TemplateLibrary.parse(yaml, file: file)
      Issue.record("the template was accepted")
    } catch let error as TemplateError {
      return error.errorDescription
    } catch {
      Issue.record("expected a TemplateError, got \(error)")
    }
    return nil
  }

  /// A small template with `parts` (indented as list entries under `parts:`) and `rest` after them.
  static func small(_ parts: String, rest: String = "export:\n  text: \"{{title}}\"\n") -> String {
    "format: 2\nid: small\nname: Small\nlanguage: en\nparts:\n" + parts + rest
  }

  @Test func builtInTemplateParses() throws {
    let template = try TestSupport.template()
    #expect(template.format == 2)
    #expect(Template.currentFormat == 2)
    #expect(template.id == "gov-executive.zh-Hant")
    #expect(template.name == "區政府常務會議報道")
    #expect(template.language == "zh-Hant")
    #expect(template.extends == nil)
    // Every template ends with `unparsed`, the lines an import could not read (not asked, not exported).
    #expect(template.parts.map(\.key) == ["meeting", "items", "arrangements", "otherMatters", "attendance", "credit", "house", "unparsed"])

    let meeting = try #require(template.parts.first)
    #expect(meeting.shape == .group(Part.Group(parts: meeting.parts, isInline: true)))
    #expect(meeting.parts.map(\.key) == ["date", "period", "chair", "term", "body", "number", "kind", "joint"])
    #expect(meeting.parts.map(Self.shapeName) == ["date", "choice", "group", "number", "text", "number", "choice", "text"])
    // The period, the term and the session number are left out by real reports (issue 10); so is a meeting held
    // jointly with this one (`joint`, not asked: `:edit joint 區政府黨組（擴大）會議`).
    #expect(meeting.parts.map(\.rules.required) == [true, false, false, false, true, false, true, false], "chair is a group; its title is required")
    #expect(meeting.child("joint")?.asking.isAsked == false)
    // The chair's name is left out by reports that name the chair by title alone (縣長主持召開, issue 10).
    #expect(meeting.child("chair")?.parts.map(\.rules.required) == [true, false])
    #expect(meeting.child("chair")?.parts.map(\.label) == ["主持人職務", "主持人姓名"])
    #expect(meeting.child("period")?.choiceValues == ["上午", "下午", "晚上"])
    #expect(meeting.child("period")?.kind == .choice(["上午", "下午", "晚上"], isOpen: false))
    #expect(meeting.child("kind")?.choiceValues == ["常務會議", "全體會議", "專題會議"])
    #expect(meeting.child("kind")?.kind == .choice(["常務會議", "全體會議", "專題會議"], isOpen: true))
    #expect(meeting.child("term").map { [$0.cleanUp.trimStart, $0.cleanUp.trimEnd] } == ["第", "屆"])

    let items = try #require(template.root.child("議題"))
    #expect(items.key == "items")
    #expect(items.isNumberedList && items.records != nil && items.rules.required)
    #expect(items.names == ["item", "議題"])
    #expect(items.asking.counter == "item")
    #expect(items.titleKey == "subject")
    #expect(items.parts.map(\.key) == ["kind", "subject", "status", "organizer", "followUp", "directives"])
    let kind = try #require(items.child("kind"))
    #expect(kind.choiceValues == ["傳達學習", "傳達", "通報", "聽取匯報", "研究事宜", "研究", "研究部署", "審議", "審議並原則通過", "研究通過", "聽取並原則通過", "集中學習", "收看", "會前學習"])
    #expect(kind.rendering.phrase(of: "會前學習") == "會前，{{organizer}}組織學習了{{subject}}")
    #expect(items.child("organizer")?.asking.when == ["kind": ["會前學習"]])
    #expect(kind.rendering.phrase(of: "審議") == "會議審議了《{{subject}}》{{#status}}（{{status}}）{{/status}}")
    #expect(kind.choiceValues.allSatisfy { kind.rendering.phrase(of: $0) != nil }, "every kind has its opening")
    #expect(items.child("status")?.asking.when == ["kind": ["審議", "審議並原則通過", "研究通過", "聽取並原則通過"]])
    #expect(items.child("status").map { if case .choice(_, isOpen: true)? = $0.kind { true } else { false } } == true)
    #expect(items.child("followup")?.key == "followUp")
    #expect(items.child("subject")?.cleanUp.unwrap == [["《", "》"]])

    let directives = try #require(items.child("directives"))
    #expect(directives.isNumberedList && !directives.rules.required && directives.titleKey == "verb")
    #expect(directives.parts.map(\.key) == ["verb", "topic", "lead", "points"])
    #expect(directives.child("verb")?.choiceValues == ["指出", "強調", "要求", "認為", "決定", "原則同意", "原則通過"])
    #expect(directives.child("verb").map { Array($0.rendering.phrases.values) } == ["會議原則同意{{lead}}", "會議原則通過{{lead}}"])
    let points = try #require(directives.child("points"))
    #expect(points.asking.unless == ["verb": ["原則同意", "原則通過"]])
    #expect(points.shape == .list(Part.List(isNumbered: true, entries: .values(.text))) && points.minimumCount == 0)

    let topics = try #require(template.root.child("arrangements")?.child("topics"))
    #expect(topics.cleanUp.split == "、")
    #expect(topics.minimumCount == 0)
    #expect(template.root.child("other")?.shape == .field(.yesno))

    let attendance = try #require(template.root.child("attendance"))
    #expect(attendance.parts.map(\.key) == ["present", "inAttendance", "absent"])
    #expect(attendance.parts.map(\.names) == [["出席"], ["attending", "列席"], ["請假"]])
    let present = try #require(attendance.child("present"))
    #expect(present.lineFormat == Part.LineFormat(separator: " ", parts: ["title", "names"], example: "副區長 劉成剛、陳春青"))
    #expect(present.rendering.join == Part.Join(separator: "，", single: "、", entry: "{{title}}{{names}}"))
    #expect(present.child("names")?.cleanUp.split == "、，,")
    #expect(attendance.child("absent")?.lineFormat?.parts == ["title", "name", "reason"])

    #expect(template.yesNo == Template.YesNo(yes: ["是", "有"], no: ["否", "沒有", "無"]))
    #expect(template.roles.chair == "meeting.chair.name")
    #expect(template.roles.attendance == [
      Roles.Category(list: "attendance.present", name: "names", present: true, withoutChair: true),
      Roles.Category(list: "attendance.inAttendance", name: "names", present: false, withoutChair: false),
      Roles.Category(list: "attendance.absent", name: "name", present: false, withoutChair: false),
    ])
    #expect(template.roles.motions == nil)
    #expect(template.export.keys.sorted() == ["docx", "html", "markdown", "text"])
    #expect(template.export["text"]?.hasPrefix("{{% CONTENT_TYPE: TEXT}}\n{{#meeting}}\n") == true)
    #expect(template.messages.language == "zh-Hant")
  }

  /// The templates the program loads are the package's `templates/*.yaml`, embedded byte for byte at build time.
  @Test func builtInTemplatesAreTheRepositoryFiles() throws {
    let library = TemplateLibrary()
    #expect(library.searchPath.isEmpty)
    #expect(library.availableIDs().contains("gov-executive.zh-Hant"))
    #expect(library.location(of: "gov-executive.zh-Hant") == .builtIn("gov-executive.zh-Hant"))
    let folder = TestSupport.templateURL.deletingLastPathComponent()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
      let embedded = try #require(TemplateLibrary.builtIns[String(name.dropLast(5))], "templates/\(name) is not embedded")
      #expect(Array(embedded.utf8) == Array(try Data(contentsOf: folder.appendingPathComponent(name))), "templates/\(name)")
    }
    #expect(try library.template(id: "gov-executive.zh-Hant").parts == TestSupport.template().parts)
    // Every built-in template loads, and each is the file in the sources.
    let sources = TestSupport.templateURL.deletingLastPathComponent()
    let ids = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    #expect(library.availableIDs() == ids)
    for entry in library.entries() {
      #expect(entry.source == .builtIn)
      #expect(!entry.overrides)
      #expect(entry.problem == nil, "\(entry.id): \(entry.problem ?? "")")
      #expect(entry.name != nil)
      #expect(entry.file == "built-in:\(entry.id).yaml")
    }
  }

  // MARK: - Broken templates

  @Test func anUnknownKeyIsNamedWhereItIs() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "        label: 時段\n", with: "        label: 時段\n        lable: x\n") }
    let line = try Self.lineNumber(of: "        lable: x", in: yaml)
    let known = "key, names, label, question, type, required, min, choices, open, parts, list, numbered, inline, title, "
      + "counter, when, unless, line, split, join, unwrap, unwrapWhen, trimEnd, trimStart, pattern, ask, keepSpaces, person, house, default, begins, ends, neverBegins, trailing"
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):9: error: at `parts[0].parts[1].lable`: unknown key `lable`; known keys here: \(known)")
  }

  @Test func anUnknownTopLevelKeyIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nlanguage: zh-Hant\n", with: "\nlanguage: zh-Hant\nfields: {}\n") }
    let line = try Self.lineNumber(of: "fields: {}", in: yaml)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):1: error: at `fields`: unknown key `fields`; known keys here: format, id, name, language, extends, parts, yesNo, quotes, roles, checks, export, partials, carry, styles, gather")
  }

  /// A format 1 template (`fields:` and `itemKinds:`) is not read as format 2 by mistake: its first key the new
  /// format does not know is named.
  @Test func aFormatOneTemplateNamesItsFirstOldKey() {
    let yaml = "format: 1\nid: old\nname: Old\nlanguage: zh-Hant\nfields:\n  date:\n    label: 日期\nitemKinds: []\nexport:\n  text: x\n"
    #expect(Self.message(parsing: yaml)
      == "t.yaml:5:1: error: at `fields`: unknown key `fields`; known keys here: format, id, name, language, extends, parts, yesNo, quotes, roles, checks, export, partials, carry, styles, gather")
  }

  @Test func anAskedFieldWithoutAQuestionIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "        question: 召開會議的機構？（如 區政府）\n", with: "") }
    let line = try Self.lineNumber(of: "      - key: body", in: yaml)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):9: error: `body` is asked but has no `question` (or say `ask: false`)")
    // Not asked, it needs none.
    let unasked = yaml.replacingOccurrences(of: "      - key: body\n", with: "      - key: body\n        ask: false\n")
    #expect(try TemplateLibrary.parse(unasked, file: Self.file).root.child("meeting")?.child("body")?.asking.isAsked == false)
  }

  @Test func aListOfRecordsIsAskedByItsFirstPart() throws {
    let yaml = try Self.builtIn {
      $0.replacingOccurrences(of: "            question: 議題 {{item}} 的第 {{directive}} 條指示：會議指出、強調還是要求？（Tab 可補全{{^needed}}；直接按 Enter 表示本議題的指示已全部輸入{{/needed}}）\n", with: "")
    }
    let line = try Self.lineNumber(of: "          - key: verb", in: yaml)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):13: error: `verb` is asked but has no `question` (or say `ask: false`)")
  }

  @Test func aListReadingLinesNeedsAQuestion() throws {
    let yaml = try Self.builtIn {
      $0.replacingOccurrences(of: "        question: 列席人員，每行一組「職務 姓名、姓名」；沒有姓名的一組只寫職務也可以（如 區人大代表 秦雪，或 有關部門負責同志；直接按 Enter 結束）\n", with: "")
    }
    let line = try Self.lineNumber(of: "      - key: inAttendance", in: yaml)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):9: error: the list `inAttendance` reads lines and needs a `question`")
  }

  @Test func aChoiceWithoutChoicesIsNamedAtItsType() throws {
    let yaml = Self.small("  - key: title\n    question: Title?\n    type: choice\n")
    #expect(Self.message(parsing: yaml) == "t.yaml:8:5: error: `title` is a choice but has no `choices`")
    let empty = Self.small("  - key: title\n    question: Title?\n    choices: []\n")
    #expect(Self.message(parsing: empty) == "t.yaml:6:5: error: `title` is a choice but has no `choices`")
  }

  @Test func whenMustNameASibling() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "when: {kind: [", with: "when: {type: [") }
    let line = try #require(TestSupport.lines(yaml).firstIndex { $0.hasPrefix("        when: {type: [") }) + 1
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):9: error: `when` names `type`, which is not a part beside `status`")
  }

  @Test func titleAndLineMustNameParts() throws {
    let title = try Self.builtIn { $0.replacingOccurrences(of: "    title: subject\n", with: "    title: topic\n") }
    #expect(Self.message(parsing: title)
      == "t.yaml:\(try Self.lineNumber(of: "    title: topic", in: title)):5: error: `title` names `topic`, which is not a part of `items`")
    let line = try Self.builtIn {
      $0.replacingOccurrences(of: "line: {parts: [title, name, reason]", with: "line: {parts: [title, nom, reason]")
    }
    let lineNumber = try #require(TestSupport.lines(line).firstIndex { $0.contains("[title, nom, reason]") }) + 1
    #expect(Self.message(parsing: line)
      == "t.yaml:\(lineNumber):9: error: `line` names `nom`, which is not a part of `absent`")
  }

  /// Partials are put in place by a byte scan, as the expression `\{\{>\s*([^}\s]+)\s*\}\}` replaced them before
  /// (each known name by its partial, followed eight deep; an unknown name left): drawn texts of tags, braces,
  /// `>`, spaces of every kind (U+3000, tabs, line ends), names known and unknown, Chinese. Combining marks are
  /// left out: the expression matched characters, the scan scalars, and no template names a partial so.
  @Test func partialsArePutInPlaceAsTheExpressionDid() throws {
    var template = try TestSupport.template()
    template.partials = ["a": "[{{> b}}]", "b": "乙", "loop": "<{{> loop}}>", "名": "{{>a}}{{ > 名 }}", "c": "{{"]
    let expression = /\{\{>\s*([^}\s]+)\s*\}\}/
    func byExpression(_ source: String) -> String {
      var text = source
      for _ in 0..<Template.partialDepth {
        guard text.contains("{{>") else { break }
        text = text.replacing(expression) { template.partials[String($0.output.1)] ?? String($0.output.0) }
      }
      return text
    }
    let pieces = [
      "{{>", "{{", "}}", "}", "{", ">", " ", "\t", "\n", "\u{3000}", "a", "b", "loop", "名", "c", "x", "會議", ".",
      "{{> a}}", "{{>b}}", "{{>\u{3000}名\t}}", "{{> loop }}", "{{> x}}", "{{> c}}", "{{>a b}}", "{{> 名}", "{{>}}",
    ]
    var random = SplitMix64(seed: 9704)
    var replaced = 0
    for _ in 0..<20_000 {
      let source = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      let inlined = template.inliningPartials(source)
      #expect(inlined == byExpression(source), "\(source.debugDescription)")
      #expect(Template.partialNames(in: source) == source.matches(of: expression).map { String($0.output.1) })
      if inlined != source { replaced += 1 }
    }
    // Not a test that passes on texts with no partial: a good share of the drawn texts print one.
    #expect(replaced > 5_000, "\(replaced) of 20,000 texts changed")
  }

  /// `partials`: wording an export prints in several places, written once; the export prints it, import reads
  /// it in place, and the checker refuses a partial that is not there or prints itself.
  @Test func partialsArePrintedReadAndChecked() throws {
    let parts = "  - key: title\n    question: Title?\n  - key: place\n    question: Place?\n"
    let yaml = Self.small(parts, rest: "partials:\n  at: \"at {{place}}\"\n  line: \"{{title}} {{> at}}\"\nexport:\n  text: \"{{> line}}.\\n\"\n")
    let template = try TemplateLibrary.parse(yaml, file: Self.file)
    #expect(template.inliningPartials(template.export["text"] ?? "") == "{{title}} at {{place}}.\n")
    var minutes = Minutes(template: template.id)
    minutes.setValue("Budget", at: Address(stored: "title")!)
    minutes.setValue("City Hall", at: Address(stored: "place")!)
    let text = try TextExporter().export(minutes, template: template)
    #expect(text == "Budget at City Hall.\n")
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.minutes.content == minutes.content)

    let missing = Self.small(parts, rest: "export:\n  text: \"{{> nowhere}}\"\n")
    #expect(Self.message(parsing: missing)?.hasSuffix("`export.text` prints the partial `nowhere`, which `partials` does not have") == true)
    let looping = Self.small(parts, rest: "partials:\n  a: \"{{> b}}\"\n  b: \"{{> a}}\"\nexport:\n  text: \"{{> a}}\"\n")
    #expect(Self.message(parsing: looping)?.contains("the partial `a` prints itself") == true)
  }

  @Test func trailingNamesASiblingChoiceWithMarks() throws {
    let noChoice = Self.small("  - key: title\n    question: Title?\n    trailing: note\n  - key: note\n    question: Note?\n")
    #expect(Self.message(parsing: noChoice)?.hasSuffix("error: `trailing: note` names no sibling choice with `unwrap` marks: the text drops its end where it repeats that choice's value in those marks") == true)
    let choice = Self.small("  - key: title\n    question: Title?\n    trailing: note\n  - key: note\n    question: Note?\n    choices: [draft]\n    unwrap: [[(, )]]\n")
    #expect(try TemplateLibrary.parse(choice, file: Self.file).parts.first?.cleanUp.trailing == "note")
  }

  @Test func lineAndTitleOnOtherShapesAreCheckedAsBefore() throws {
    // Only a list of records keeps `line` and `title`; written on another shape, what they name is still checked.
    let title = Self.small("  - key: title\n    question: Title?\n    title: name\n")
    #expect(Self.message(parsing: title) == "t.yaml:8:5: error: `title` names `name`, which is not a part of `title`")
    let unasked = Self.small("  - key: title\n    list: true\n    line: {parts: [a]}\n")
    #expect(Self.message(parsing: unasked) == "t.yaml:6:5: error: the list `title` reads lines and needs a `question`")
    let line = Self.small("  - key: title\n    list: true\n    question: Title?\n    line: {parts: [a]}\n")
    #expect(Self.message(parsing: line) == "t.yaml:9:5: error: `line` names `a`, which is not a part of `title`")
    // A group that says it reads lines does not ask its parts, as before; `numbered` on a field is ignored.
    let group = Self.small("  - key: g\n    line: {parts: [a]}\n    parts:\n      - key: a\n  - key: title\n    question: Title?\n    numbered: true\n")
    let template = try TemplateLibrary.parse(group, file: Self.file)
    #expect(template.root.child("g")?.shape == .group(Part.Group(parts: template.root.child("g")?.parts ?? [])))
    #expect(template.root.child("title")?.shape == .field(.text))
  }

  @Test func twoNumberedListsInOneRecordAreRefused() throws {
    let yaml = try Self.builtIn {
      $0.replacingOccurrences(of: "      - key: directives\n        list: true\n", with: "      - key: notes\n        list: true\n        numbered: true\n        question: 備註？\n      - key: directives\n        list: true\n")
    }
    let line = try Self.lineNumber(of: "  - key: items", in: yaml)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):5: error: more than one numbered list here (notes, directives), counting those in inline groups; bare numbers can reach only one")
  }

  @Test func twoNumberedListsAtTheTopAreRefused() {
    let yaml = Self.small("""
        - key: motions
          list: true
          numbered: true
          question: Motion?
        - key: reports
          list: true
          numbered: true
          question: Report?

      """)
    #expect(Self.message(parsing: yaml)
      == "t.yaml:5:1: error: more than one numbered list here (motions, reports), counting those in inline groups; bare numbers can reach only one")
  }

  @Test func aQuestionThatIsNotMustacheIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "question: 第幾屆？（如 十 或 10；沒有就直接按 Enter）", with: "question: 第幾屆？{{#term}}") }
    let line = try Self.lineNumber(of: "      - key: term", in: yaml)
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.hasPrefix("t.yaml:\(line):9: error: `term` has text that is not valid Mustache ("), "\(message)")
    #expect(message.hasSuffix("): 第幾屆？{{#term}}"), "\(message)")
  }

  @Test func aPhraseThatIsNotMustacheIsNamedAtItsPart() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "phrase: 會議傳達了{{subject}}", with: "phrase: 會議傳達了{{#subject}}") }
    let line = try Self.lineNumber(of: "      - key: kind", in: yaml, after: "  - key: items")
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.hasPrefix("t.yaml:\(line):9: error: `kind` has text that is not valid Mustache ("), "\(message)")
    #expect(message.hasSuffix("): 會議傳達了{{#subject}}"), "\(message)")
  }

  @Test func anExportThatIsNotMustacheIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "{{/otherMatters}}\n", with: "") }
    let line = try Self.lineNumber(of: "export:", in: yaml)
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.hasPrefix("t.yaml:\(line):1: error: `export.text` is not valid Mustache: "), "\(message)")
  }

  @Test func aMissingTextExportIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\n  text: |\n", with: "\n  css: |\n") }
    let line = try Self.lineNumber(of: "export:", in: yaml)
    #expect(Self.message(parsing: yaml) == "t.yaml:\(line):1: error: missing key `export.text`")
  }

  @Test func rolesMustNameListsAndPartsOfTheTemplate() throws {
    let list = try Self.builtIn { $0.replacingOccurrences(of: "{list: attendance.inAttendance, name: names}", with: "{list: attendance.guests, name: names}") }
    let line = try Self.lineNumber(of: "roles:", in: list)
    #expect(Self.message(parsing: list)
      == "t.yaml:\(line):1: error: `roles.attendance` names `attendance.guests`, which is not a list of this template")
    let name = try Self.builtIn { $0.replacingOccurrences(of: "{list: attendance.absent, name: name}", with: "{list: attendance.absent, name: who}") }
    #expect(Self.message(parsing: name)
      == "t.yaml:\(line):1: error: `roles.attendance` names `who`, which is not a part of `attendance.absent`")
    let chair = try Self.builtIn { $0.replacingOccurrences(of: "chair: meeting.chair.name", with: "chair: meeting.chairman") }
    #expect(Self.message(parsing: chair)
      == "t.yaml:\(line):1: error: `roles.chair` names `meeting.chairman`, which is not a part of this template")
  }

  @Test func aMissingTopLevelKeyIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nlanguage: zh-Hant\n", with: "\n") }
    // Located at the top-level mapping, which starts at `format:` after the comments.
    let line = try Self.lineNumber(of: "format: 2", in: yaml)
    #expect(Self.message(parsing: yaml) == "t.yaml:\(line):1: error: missing key `language`")
  }

  @Test func aPartWithoutAKeyIsNamed() {
    let yaml = Self.small("  - label: Title\n    question: Title?\n")
    #expect(Self.message(parsing: yaml) == "t.yaml:6:5: error: missing key `parts[0].key`")
  }

  // `0`, `-1`, `+1` and `007` once passed and were then not addresses: the index missed edits under such a list
  // and the resume point was lost.
  @Test(arguments: [("a.b", 6, 5), ("3", 6, 5), ("+", 6, 5), ("two words", 6, 5), ("0", 6, 5), ("-1", 6, 5), ("+1", 6, 5),
                    ("007", 6, 5), ("", 6, 5), ("a.", 6, 5)])
  func aPartKeyMustBeAWord(key: String, line: Int, column: Int) {
    let yaml = Self.small("  - key: \"\(key)\"\n    question: Title?\n")
    #expect(Self.message(parsing: yaml)
      == "t.yaml:\(line):\(column): error: part key `\(key)` must be a word without dots or spaces, and not a number")
  }

  /// A word two parts of one record answer to (a name and a key, two names, one of them inside an inline group)
  /// is refused: `:add 出席` reached the first, and a clerk's attendees went into another list.
  @Test(arguments: [
    ("  - key: title\n    question: A?\n    names: [who]\n  - key: who\n    question: B?\n", 9, "`who` names both `title` and `who`"),
    ("  - key: title\n    question: A?\n    names: [x]\n  - key: other\n    question: B?\n    names: [x]\n", 11, "`x` names both `title` and `other`"),
    ("  - key: title\n    question: A?\n    names: [出席]\n  - key: attendance\n    inline: true\n    parts:\n      - key: present\n        question: B?\n        names: [出席]\n",
     14, "`出席` names both `title` and `attendance.present`"),
  ] as [(String, Int, String)])
  func aWordTwoPartsAnswerToIsRefused(parts: String, line: Int, names: String) throws {
    let message = try #require(Self.message(parsing: Self.small(parts)))
    #expect(message.hasPrefix("t.yaml:\(line):"), "\(message)")
    #expect(message.contains("error: \(names), which a short address"), "\(message)")
  }

  /// A key written twice among the parts of a list that reads lines is said as such, not as the key the second was
  /// meant to be missing from `line`; a `default` on a part that is no choice is refused (it would never be used).
  @Test func aKeyTwiceUnderALineAndADefaultOnNoChoiceAreNamed() throws {
    let twice = Self.small("""
      - key: tasks
        list: true
        question: Tasks?
        line: {separator: ",", parts: [task, owner]}
        parts:
          - key: task
          - key: task

    """)
    #expect(Self.message(parsing: twice) == "t.yaml:12:9: error: two parts here have the key `task`")
    let dated = Self.small("  - key: due\n    type: date\n    question: Due?\n    default: 2024-01-01\n")
    #expect(Self.message(parsing: dated) == "t.yaml:9:5: error: `default` is what the export takes for a choice not answered; `due` is no choice, so it would never be used")
  }

  /// A name no part has, inside a transform (`empty(texts)`), is warned of by its word, where the file writes it.
  @Test func anUnknownNameInATransformIsWarnedOfByItsWord() throws {
    let folder = try TestSupport.temporaryWorkspace("export-names")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("small.yaml")
    try Self.small("  - key: title\n    question: Title?\n", rest: "export:\n  text: \"{{title}}{{#empty(texts)}}none{{/empty(texts)}}\"\n")
      .write(to: file, atomically: true, encoding: .utf8)
    let library = TemplateLibrary()
    let template = try library.load(contentsOf: file)
    let warnings = library.checkWarnings(.file(file), template: template)
    #expect(warnings.map { "\($0.line):\($0.column)" } == ["9:19"])
    #expect(warnings.first?.message.hasPrefix("the export prints or tests `empty(texts)`, but `texts` is no part's key") == true, "\(warnings)")
  }

  @Test func siblingKeysAreUnique() throws {
    let yaml = Self.small("  - key: title\n    question: A?\n  - key: title\n    question: B?\n")
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.hasSuffix(": error: two parts here have the key `title`"))
    // The error should point at the second `title`, the one to rename; it points at the first.
    #expect(message == "t.yaml:8:5: error: two parts here have the key `title`")
  }

  @Test func aYAMLSyntaxErrorGivesFileLineAndColumn() throws {
    #expect(
      Self.message(parsing: "format: 2\nid: x\nname: [\n")
        == "t.yaml:4:1: error: YAML syntax: while parsing a flow node did not find expected node content")
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nlanguage: zh-Hant\n", with: "\nlanguage: zh-Hant: x\n") }
    let line = try Self.lineNumber(of: "language: zh-Hant: x", in: yaml)
    #expect(
      Self.message(parsing: yaml)
        == "t.yaml:\(line):18: error: YAML syntax: mapping values are not allowed in this context")
  }

  /// `export.docx`: a style that does not exist, or `@page` in a Chinese template, is reported at its line, at
  /// the indentation of the block; invalid Mustache at the `export` key.
  @Test func aDocxExportsMistakesAreReportedWhereTheyAreWritten() throws {
    let english = Self.small("  - key: title\n    question: Title?\n",
                             rest: "export:\n  text: \"{{title}}\"\n  docx: |\n    @title {{title}}\n    @headline x\n")
    #expect(Self.message(parsing: english)?.hasPrefix("t.yaml:12:5: error: `export.docx`: unknown paragraph style `@headline`; the styles are @title,") == true)
    #expect(throws: Never.self) {
      try TemplateLibrary.parse(english.replacingOccurrences(of: "@headline x", with: "@page a4\n    @heading1 x"), file: Self.file)
    }
    let chinese = english.replacingOccurrences(of: "language: en", with: "language: zh-Hans")
      .replacingOccurrences(of: "@headline x", with: "@page a4")
    #expect(Self.message(parsing: chinese) == "t.yaml:12:5: error: `export.docx`: `@page` is for English templates; a Chinese one is laid out on the A4 page of GB/T 9704-2012")
    let unclosed = english.replacingOccurrences(of: "@headline x", with: "{{#title}}")
    #expect(Self.message(parsing: unclosed)?.contains("`export.docx` is not valid Mustache") == true)
  }

  @Test func aNewerFormatIsRefused() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nformat: 2\n", with: "\nformat: 3\n") }
    #expect(throws: TemplateError.unsupportedFormat(file: "t.yaml", found: 3, supported: 2)) {
      try TemplateLibrary.parse(yaml, file: "t.yaml")
    }
    #expect(Self.message(parsing: yaml) == "t.yaml: template format 3 is newer than this version reads (2); update minutes.")
  }

  // MARK: - Parts

  /// What a part says of its shape (``Part/kind``, ``Part/records``, ``Part/parts``, ``Part/fieldKind``,
  /// ``Part/listEntries``, ``Part/isList``), kept beside the shape rather than read out of it, is what the shape
  /// says: for every part of every built-in template; for a copy given another part's shape, then changed again
  /// from it (a list's entries made texts, a group given one more part, a field made a choice), while the part it
  /// was copied from stays as it was.
  @Test func whatAPartSaysOfItsShapeIsWhatItsShapeSays() throws {
    /// What `part` says, and the shape's reading of the same: the records and parts compared as values (a part
    /// prints as its storage's name only).
    func said(_ part: Part) -> (String, Part.Records?, [Part]) {
      ("\(String(describing: part.kind)) \(String(describing: part.fieldKind)) \(String(describing: part.listEntries)) "
        + "\(part.isList)", part.records, part.parts)
    }
    func fromShape(_ shape: Part.Shape) -> (String, Part.Records?, [Part]) {
      let (kind, records, parts, field, entries): (Part.Kind?, Part.Records?, [Part], Part.Kind?, Part.Entries?) =
        switch shape {
        case .field(let kind): (kind, nil, [], kind, nil)
        case .group(let group): (nil, nil, group.parts, nil, nil)
        case .list(let list):
          switch list.entries {
          case .values(let kind): (kind, nil, [], nil, list.entries)
          case .records(let records): (nil, records, records.parts, nil, list.entries)
          }
        }
      let isList = if case .list = shape { true } else { false }
      return ("\(String(describing: kind)) \(String(describing: field)) \(String(describing: entries)) \(isList)", records, parts)
    }
    var all: [Part] = []
    func collect(_ parts: [Part]) { for part in parts { all.append(part); collect(part.parts) } }
    for id in TestSupport.builtInTemplates { collect(try TestSupport.template(id: id).parts) }
    #expect(all.count > 300)
    for part in all { #expect(said(part) == fromShape(part.shape), "\(part.key)") }
    var kinds = Set<String>()
    for (part, next) in zip(all, all.dropFirst()) {
      let before = said(part)
      var changed = part
      changed.shape = next.shape
      #expect(said(changed) == fromShape(next.shape), "\(part.key) given \(next.key)'s shape")
      // Changed again, from what it now is: a list made one of texts, a group given one more part, a field a choice.
      switch changed.shape {
      case .list(var list):
        list.entries = .values(.text)
        changed.shape = .list(list)
      case .group:
        changed.shape = .group(Part.Group(parts: changed.parts + [part]))
      case .field:
        changed.shape = .field(.choice(["a", "b"], isOpen: false))
      }
      #expect(said(changed) == fromShape(changed.shape), "\(part.key) changed again")
      kinds.insert(String(describing: changed.shape).prefix(5).description)
      #expect(said(part) == before, "\(part.key) unchanged by its copy's change")
    }
    #expect(kinds.count == 3, "fields, groups and lists were changed: \(kinds)")
  }

  // MARK: - The library

  @Test func libraryFindsWorkspaceTemplatesAndListsThemWhenMissing() throws {
    let workspace = try TestSupport.temporaryWorkspace("templates")
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let text = try TestSupport.templateText().replacingOccurrences(of: "id: gov-executive.zh-Hant\n", with: "id: mine\n")
    try Data(text.utf8).write(to: folder.appendingPathComponent("mine.yaml"))

    var library = TemplateLibrary(workspace: workspace)
    library.includesBuiltIns = false
    #expect(library.availableIDs() == ["mine"])
    #expect(try library.template(id: "mine").id == "mine")
    // A template is found by its file name, so its `id` must say the same.
    try Data(try TestSupport.templateText().utf8).write(to: folder.appendingPathComponent("other.yaml"))
    #expect(throws: TemplateError.self) { try library.template(id: "other") }
    do {
      _ = try library.template(id: "other")
    } catch {
      #expect((error as? TemplateError)?.errorDescription
        == "\(folder.path)/other.yaml:5:1: error: `id` is `gov-executive.zh-Hant` but the file is named `other.yaml`; a template is found by its file name, so the two must agree")
    }
    #expect(throws: TemplateError.notFound(id: "nope", available: ["mine", "other"])) { try library.template(id: "nope") }
    #expect(
      TemplateError.notFound(id: "nope", available: ["mine"]).errorDescription
        == "no template `nope`; available: mine.")
  }

  /// An office's template may extend the built-in one: parts merge by key and choices by value, `remove: true`
  /// drops one, `after` places a new one, and other values replace the parent's.
  @Test func aWorkspaceTemplateExtendsTheBuiltInOne() throws {
    let workspace = try TestSupport.temporaryWorkspace("extends")
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try """
      format: 2
      id: office
      name: 本局常務會議
      extends: gov-executive.zh-Hant
      parts:
        - key: meeting
          parts:
            - key: period
              choices: [{value: 晚上, remove: true}, {value: 中午, after: 上午}]
            - key: place
              after: period
              label: 地點
              question: 會議地點？
        - key: otherMatters
          remove: true

      """.write(to: folder.appendingPathComponent("office.yaml"), atomically: true, encoding: .utf8)
    let library = TemplateLibrary(workspace: workspace)
    #expect(library.availableIDs().contains("office"))
    #expect(library.availableIDs().contains("gov-executive.zh-Hant"))
    let office = try library.template(id: "office")
    #expect(office.id == "office")
    #expect(office.name == "本局常務會議")
    #expect(office.language == "zh-Hant")
    #expect(office.parts.map(\.key) == ["meeting", "items", "arrangements", "attendance", "credit", "house", "unparsed"])
    let meeting = try #require(office.parts.first)
    #expect(meeting.parts.map(\.key) == ["date", "period", "place", "chair", "term", "body", "number", "kind", "joint"])
    #expect(meeting.child("period")?.choiceValues == ["上午", "中午", "下午"])
    #expect(meeting.child("period")?.rendering.phrases.isEmpty == true)
    #expect(meeting.child("period")?.asking.question == "上午、下午還是晚上？（沒有就直接按 Enter）")
    #expect(office.export == (try TestSupport.template().export))
    let entry = try #require(library.entries().first { $0.id == "office" })
    #expect(entry.source == .workspace)
    #expect(!entry.overrides)
    #expect(entry.name == "本局常務會議")
    #expect(library.entries().filter { $0.source == .workspace }.map(\.id) == ["office"])

    try "format: 2\nid: loop\nname: L\nextends: loop2\n".write(to: folder.appendingPathComponent("loop.yaml"), atomically: true, encoding: .utf8)
    try "format: 2\nid: loop2\nname: L2\nextends: loop\n".write(to: folder.appendingPathComponent("loop2.yaml"), atomically: true, encoding: .utf8)
    #expect(throws: TemplateError.extensionCycle(ids: ["loop", "loop2", "loop"])) { try library.template(id: "loop") }
  }
  /// A part's shape in a word, as a template's `type` says it: a field's kind, `group`, or `list`.
  static func shapeName(_ part: Part) -> String {
    switch part.shape {
    case .group: "group"
    case .list: "list"
    case .field(let kind):
      switch kind {
      case .text: "text"
      case .number: "number"
      case .count: "count"
      case .date: "date"
      case .time: "time"
      case .choice: "choice"
      case .yesno: "yesno"
      }
    }
  }

  /// A workspace file that is a built-in template byte for byte (the project's own `templates/` when the
  /// package folder is the workspace, as with `make run`) is that built-in; a changed one overrides it.
  @Test func aWorkspaceCopyOfABuiltInIsTheBuiltIn() throws {
    let workspace = try TestSupport.temporaryWorkspace("copy")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("\(TestSupport.templateID).yaml")
    try TestSupport.templateText().write(to: file, atomically: true, encoding: .utf8)
    let library = TemplateLibrary(workspace: workspace)
    let entry = try #require(library.entries().first { $0.id == TestSupport.templateID })
    #expect(entry.source == .builtIn)
    #expect(!entry.overrides)
    #expect(library.location(of: TestSupport.templateID) == .builtIn(TestSupport.templateID))
    try (TestSupport.templateText() + "# ours\n").write(to: file, atomically: true, encoding: .utf8)
    let changed = try #require(library.entries().first { $0.id == TestSupport.templateID })
    #expect(changed.source == .workspace)
    #expect(changed.overrides)
  }

  /// Sections nested thousands deep are refused with a located error before swift-mustache's recursive parser
  /// sees them (it would run the stack out: a crash of `resume`, `export` and `templates list`).
  @Test(arguments: ["export", "question"])
  func mustacheNestedTooDeepIsRefusedNotACrash(place: String) throws {
    let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
    let question = place == "question" ? deep : "When?"
    let export = place == "export" ? deep : "{{date}}"
    let yaml = """
      format: 2
      id: deep
      name: Deep
      language: en
      parts:
        - key: date
          type: date
          question: "\(question)"
      export:
        text: "\(export)"

      """
    #expect {
      try TemplateLibrary.parse(yaml, file: "deep.yaml")
    } throws: { error in
      "\(error.message(Messages(language: "en")))".contains("nested more than 64 deep")
    }
    // Sixty levels are fine.
    let fine = String(repeating: "{{#a}}", count: 60) + String(repeating: "{{/a}}", count: 60)
    #expect(throws: Never.self) { try TemplateLibrary.parse(yaml.replacingOccurrences(of: deep, with: fine), file: "deep.yaml") }
  }
}
