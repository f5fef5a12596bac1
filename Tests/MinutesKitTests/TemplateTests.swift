import Foundation
import Testing

@testable import MinutesKit

/// ``TemplateLibrary``: the built-in template parses to what the interview relies on, and broken templates give
/// ``TemplateError`` messages that name the file, line and column.
@Suite struct TemplateTests {
  static let file = "t.yaml"

  /// The built-in template's text with `transform` applied.
  static func builtIn(_ transform: (String) -> String) throws -> String {
    transform(try TestSupport.templateText())
  }

  /// The 1-based number of the first line of `text` equal to `line`.
  static func lineNumber(of line: String, in text: String) throws -> Int {
    try #require(TestSupport.lines(text).firstIndex(of: line)) + 1
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

  @Test func builtInTemplateParses() throws {
    let template = try TestSupport.template()
    #expect(template.format == 1)
    #expect(template.id == "gov-executive.zh-Hant")
    #expect(template.name == "區政府常務會議報道")
    #expect(template.language == "zh-Hant")
    #expect(template.labels == Template.Labels(item: "議題", directive: "指示", point: "要點"))
    #expect(Set(template.fields.keys) == Set(Template.fieldIDs))
    #expect(Template.fieldIDs.filter { template.field($0).required } == [
      "date", "period", "chair.title", "chair.name", "term", "body", "number", "kind", "item.kind", "item.subject",
      "directive.verb", "point", "other", "present",
    ])
    #expect(template.field("period").choices == ["上午", "下午", "晚上"])
    #expect(!template.field("period").isOpen)
    #expect(template.field("kind").choices == ["常務會議", "全體會議", "專題會議"])
    #expect(template.field("kind").isOpen)
    #expect(template.field("item.status").isOpen)
    #expect(template.field("directive.verb").choices == ["指出", "強調", "要求", "認為", "決定", "原則同意", "原則通過"])
    #expect(template.field("date").label == "日期")
    #expect(template.itemKinds.map(\.name) == ["傳達學習", "傳達", "審議"])
    #expect(template.itemKinds.map(\.document) == [false, false, true])
    #expect(template.itemKind(named: "審議")?.opening == "會議審議了《{{subject}}》{{#status}}（{{status}}）{{/status}}")
    #expect(template.itemKind(named: "討論") == nil)
    #expect(template.yesNo == Template.YesNo(yes: ["是", "有"], no: ["否", "沒有", "無"]))
    #expect(template.attendance == Template.AttendanceStyle(nameSeparator: "、", groupSeparator: "，", singleNameGroupSeparator: "、"))
    #expect(Array(template.export.keys) == ["text"])
    #expect(template.export["text"]?.hasPrefix("{{% CONTENT_TYPE: TEXT}}\n{{#meeting}}\n") == true)
  }

  @Test func builtInResourceIsTheRepositoryTemplate() throws {
    let resource = TestSupport.packageRoot.appendingPathComponent(
      "Sources/MinutesKit/Resources/templates/gov-executive.zh-Hant.yaml")
    #expect(try Data(contentsOf: resource) == Data(contentsOf: TestSupport.templateURL))
  }

  @Test func aMissingFieldNamesTheKeyAndTheLineOfFields() throws {
    let yaml = try Self.builtIn { text in
      var lines = TestSupport.lines(text)
      let start = lines.firstIndex(of: "  date:")!
      let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix("    ") }!
      lines.removeSubrange(start..<end)
      return lines.joined(separator: "\n") + "\n"
    }
    #expect(!yaml.contains("  date:\n"))
    let line = try Self.lineNumber(of: "fields:", in: yaml)
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.contains("missing key"))
    #expect(message == "t.yaml:\(line):1: error: missing key `fields.date`")
  }

  @Test func anUnknownFieldIsNamedWhereItIs() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nfields:\n", with: "\nfields:\n  extra:\n    label: x\n    question: y\n") }
    let line = try Self.lineNumber(of: "  extra:", in: yaml)
    #expect(
      Self.message(parsing: yaml)
        == "t.yaml:\(line):3: error: unknown field `fields.extra`; known fields: \(Template.fieldIDs.joined(separator: ", "))")
  }

  @Test func aMissingTextExportIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\n  text: |\n", with: "\n  html: |\n") }
    let line = try Self.lineNumber(of: "export:", in: yaml)
    #expect(Self.message(parsing: yaml) == "t.yaml:\(line):1: error: missing key `export.text`")
  }

  @Test func aMissingTopLevelKeyIsNamed() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nlanguage: zh-Hant\n", with: "\n") }
    // Located at the top-level mapping, which starts at `format:` after the comments.
    let line = try Self.lineNumber(of: "format: 1", in: yaml)
    #expect(Self.message(parsing: yaml) == "t.yaml:\(line):1: error: missing key `language`")
  }

  @Test func aYAMLSyntaxErrorGivesFileLineAndColumn() throws {
    #expect(
      Self.message(parsing: "format: 1\nid: x\nname: [\n")
        == "t.yaml:4:1: error: YAML syntax: while parsing a flow node did not find expected node content")
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nlanguage: zh-Hant\n", with: "\nlanguage: zh-Hant: x\n") }
    let line = try Self.lineNumber(of: "language: zh-Hant: x", in: yaml)
    #expect(
      Self.message(parsing: yaml)
        == "t.yaml:\(line):18: error: YAML syntax: mapping values are not allowed in this context")
  }

  @Test func aNewerFormatIsRefused() throws {
    let yaml = try Self.builtIn { $0.replacingOccurrences(of: "\nformat: 1\n", with: "\nformat: 2\n") }
    #expect(throws: TemplateError.unsupportedFormat(file: "t.yaml", found: 2, supported: 1)) {
      try TemplateLibrary.parse(yaml, file: "t.yaml")
    }
    #expect(Self.message(parsing: yaml) == "t.yaml: template format 2 is newer than this version reads (1); update minutes.")
  }

  /// The error for a broken opening should point at that kind's `name:` line; `locate` matches `name: 傳達` as a
  /// substring and so points at `name: 傳達學習` instead.
  @Test func aBrokenOpeningIsLocatedAtItsKind() throws {
    let yaml = try Self.builtIn {
      $0.replacingOccurrences(of: "opening: 會議傳達了{{subject}}", with: "opening: 會議傳達了{{#subject}}")
    }
    let message = try #require(Self.message(parsing: yaml))
    #expect(message.contains(": error: the opening of item kind `傳達` is not valid Mustache: "))
    let line = try Self.lineNumber(of: "  - name: 傳達", in: yaml)
    #expect(message.hasPrefix("t.yaml:\(line):5: error: "), "\(message)")
  }

  @Test func libraryFindsWorkspaceTemplatesAndListsThemWhenMissing() throws {
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("minutes-templates-\(UUID().uuidString)", isDirectory: true)
    let folder = workspace.appendingPathComponent("templates", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    try Data(try TestSupport.templateText().utf8).write(to: folder.appendingPathComponent("mine.yaml"))

    var library = TemplateLibrary(workspace: workspace)
    library.searchPath = [folder]
    #expect(library.availableIDs() == ["mine"])
    #expect(try library.template(id: "mine").id == "gov-executive.zh-Hant")
    #expect(throws: TemplateError.notFound(id: "nope", available: ["mine"])) { try library.template(id: "nope") }
    #expect(
      TemplateError.notFound(id: "nope", available: ["mine"]).errorDescription
        == "no template `nope`; available: mine. Pass one of them with --template.")
  }
}
