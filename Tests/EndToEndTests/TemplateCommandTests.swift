import Foundation
import Testing
import MinutesTestSupport

/// `minutes templates` (list, show, check), workspace templates that override or extend a built-in, and
/// `minutes new` asking for a template.
@Suite struct TemplateCommandTests {
  /// A workspace with templates of its own: an override of a built-in (extending it), a variant adding a choice,
  /// a broken template and two that extend each other.
  static func workspace() throws -> URL {
    let workspace = try Binary.temporaryWorkspace()
    let folder = workspace.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = [
      "gov-executive.zh-Hant": """
        format: 2
        id: gov-executive.zh-Hant
        extends: gov-executive.zh-Hant
        name: 本辦公室的常務會議報道
        language: zh-Hant
        """,
      "mine.zh-Hant": """
        format: 2
        id: mine.zh-Hant
        extends: gov-executive.zh-Hant
        name: 我的
        language: zh-Hant
        parts:
          - key: items
            parts:
              - key: kind
                choices:
                  - value: 聽取
                    phrase: 會議聽取了{{subject}}
                  - value: 傳達
                    remove: true
        """,
      "broken.en": """
        format: 2
        id: broken.en
        name: Broken
        language: en
        parts:
          - key: title
            label: Title
        export:
          text: "{{title}}"
        """,
      "loop-a.en": "format: 2\nid: loop-a.en\nextends: loop-b.en\n",
      "loop-b.en": "format: 2\nid: loop-b.en\nextends: loop-a.en\n",
    ]
    for (id, text) in files {
      try (text + "\n").write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
    }
    return workspace
  }

  @Test func listShowsIdLanguageSourceAndNameAndWhyAnUnusableOneFails() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let list = try Binary.run(["templates"], in: workspace)
    #expect(list.status == 0, "stderr: \(list.stderr)")
    let folder = workspace.appendingPathComponent("templates").path
    #expect(list.text == """
      ID                            LANGUAGE  SOURCE                          NAME
      board-meeting.en              en        built-in                        Board meeting minutes (Robert's Rules)
      broken.en                     ?         workspace                       unusable: see below
      gov-executive-formal.zh-Hant  zh-Hant   built-in                        區政府常務會議報道（正式體）
      gov-executive.zh-Hans         zh-Hans   built-in                        区政府常务会议报道
      gov-executive.zh-Hant         zh-Hant   workspace (overrides built-in)  本辦公室的常務會議報道
      jiyao.zh-Hans                 zh-Hans   built-in                        会议纪要
      loop-a.en                     ?         workspace                       unusable: see below
      loop-b.en                     ?         workspace                       unusable: see below
      mine.zh-Hant                  zh-Hant   workspace                       我的
      team-meeting.en               en        built-in                        Team meeting notes
      broken.en: \(folder)/broken.en.yaml:6:5: error: `title` is asked but has no `question` (or say `ask: false`)
      loop-a.en: templates extend each other in a circle: loop-a.en → loop-b.en → loop-a.en; one of them must not use `extends`.
      loop-b.en: templates extend each other in a circle: loop-b.en → loop-a.en → loop-b.en; one of them must not use `extends`.

      """)
    let json = try Binary.run(["templates", "list", "--json"], in: workspace)
    let entries = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
    let mine = try #require(entries.first { $0["id"] as? String == "mine.zh-Hant" })
    #expect(mine["source"] as? String == "workspace")
    #expect(mine["language"] as? String == "zh-Hant")
    #expect(mine["overrides"] as? Bool == false)
    #expect(entries.first { $0["id"] as? String == "gov-executive.zh-Hant" }?["overrides"] as? Bool == true)
  }

  @Test func showPrintsTheFileOrTheQuestionsInOrder() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let show = try Binary.run(["templates", "show", "mine.zh-Hant"], in: workspace)
    #expect(show.status == 0)
    #expect(show.text.hasPrefix("# \(workspace.path)/templates/mine.zh-Hant.yaml (extends gov-executive.zh-Hant; "))
    #expect(show.text.contains("\n            phrase: 會議聽取了{{subject}}\n"))
    let questions = try Binary.run(["templates", "show", "board-meeting.en", "--questions"], in: workspace)
    let lines = questions.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "organization  Organization (required)  The organization's name? (e.g. Harborview Literacy Alliance)")
    #expect(lines.contains("1  Motion"))
    #expect(lines.contains("  1.mover  Moved by  Who moved it? (press Enter to fill it in later)"))
    // An answer a question quotes is not given yet: its mark, never a gap (`Did  act as secretary…`).
    #expect(lines.contains { $0.hasPrefix("secretaryFor  Secretary in the absence of  Did [Secretary] act as secretary in someone's absence") })
    #expect(!questions.text.contains("  act as") && !questions.text.contains("did  say"))
    let chinese = try Binary.run(["templates", "show", "gov-executive.zh-Hant", "--questions"], in: workspace)
    #expect(chinese.status == 0 && !chinese.text.contains("[") && !chinese.text.contains("〔〕"))
    let missing = try Binary.run(["templates", "show", "nope"], in: workspace)
    #expect(missing.status == 1)
    #expect(missing.stderr.hasPrefix("minutes: error: no template `nope`; available: board-meeting.en, "))
    // An id in other case is named: ids are compared exactly.
    let cased = try Binary.run(["new", "--template", "Team-Meeting.EN", "--name", "x"], in: workspace)
    #expect(cased.status == 1)
    #expect(cased.stderr.hasPrefix("minutes: error: no template `Team-Meeting.EN` (template ids are case-sensitive); did you mean `team-meeting.en`? available: board-meeting.en, "), "\(cased.stderr)")
  }

  @Test func aVariantAddsAndRemovesChoicesOfTheTemplateItExtends() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let answers = "2022-05-20\n下午\n區長\n王五\n十\n區政府\n3\n常務會議\n傳達\n聽取\n區財政局關於預算執行情況\n\n強調\n\n\n要抓好落實\n\n\n\n\n\n否\n副區長 甲、乙\n\n\n"
    let draft = try Binary.run(["new", "--template", "mine.zh-Hant", "--name", "m", "--keep-going"], in: workspace, input: Data(answers.utf8))
    #expect(draft.status == 0, "stderr: \(draft.stderr)")
    // 傳達 was removed by the variant; 聽取 was added at the end of the parent's choices.
    #expect(draft.text.contains("「傳達」不是可選項。可選：傳達學習、通報、聽取匯報、研究事宜、研究、研究部署、審議、審議並原則通過、研究通過、聽取並原則通過、集中學習、收看、會前學習、聽取（按 Tab 補全）。\n"))
    let export = try Binary.run(["export", "m"], in: workspace)
    #expect(export.text == "5月20日下午，區長王五主持召開第十屆區政府第3次常務會議。\n會議聽取了區財政局關於預算執行情況。會議強調，要抓好落實。\n副區長甲、乙出席會議。\n")
  }

  @Test func checkGivesFileLineColumnAndTheKey() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let cases: [(String, String)] = [
      ("format: 2\nid: x\nname: X\nlanguage: en\nparts:\n  - key: a\n    question: A?\n    colour: red\nexport: {text: x}\n",
       "x.yaml:8:5: error: at `parts[0].colour`: unknown key `colour`; known keys here: key, names, label, question, type, required, min, choices, open, parts, list, numbered, inline, title, counter, when, unless, line, split, join, unwrap, unwrapWhen, trimEnd, trimStart, pattern, ask, keepSpaces"),
      ("format: 2\nid: x\nname: X\nlanguage: en\nparts:\n  - key: a\n    type: choice\n    question: A?\nexport: {text: x}\n",
       "x.yaml:7:5: error: `a` is a choice but has no `choices`"),
      ("format: 2\nid: x\nname: X\nlanguage: en\nparts:\n  - key: a\n    question: A?\n    when: {b: [c]}\nexport: {text: x}\n",
       "x.yaml:8:5: error: `when` names `b`, which is not a part beside `a`"),
      ("format: 2\nid: x\nname: X\nlanguage: en\nparts:\n  - key: a\n    question: A?\nexport: {text: \"{{#a}}\"}\n",
       "x.yaml:8:1: error: `export.text` is not valid Mustache: "),
      ("format: 2\nid: x\nname: X\nlanguage: en\nparts:\n  - key: a\n    question: A?\nroles: {chair: b}\nexport: {text: x}\n",
       "x.yaml:8:1: error: `roles.chair` names `b`, which is not a part of this template"),
      ("format: 3\nid: x\nname: X\nlanguage: en\nparts: []\nexport: {text: x}\n",
       "x.yaml: template format 3 is newer than this version reads (2); update minutes."),
    ]
    for (yaml, expected) in cases {
      let file = workspace.appendingPathComponent("x.yaml")
      try yaml.write(to: file, atomically: true, encoding: .utf8)
      let result = try Binary.run(["templates", "check", file.path], in: workspace)
      #expect(result.status == 1)
      #expect(result.stderr.hasPrefix(workspace.path + "/" + expected), "got: \(result.stderr)")
    }
    let good = try Binary.run(["templates", "check", Binary.packageRoot.appendingPathComponent("templates/board-meeting.en.yaml").path], in: workspace)
    #expect(good.status == 0)
    #expect(good.text.hasSuffix("board-meeting.en.yaml: ok (board-meeting.en, Board meeting minutes (Robert's Rules))\n"))
  }

  /// A name the export prints that no part has (a part renamed, or written by its label) is warned about where
  /// the file writes it: its text printed nothing, and `check` and the export said nothing. What the file takes from
  /// the template it extends is not judged, nor are the built-in templates warned about.
  @Test func anExportNameNoPartHasIsWarnedAbout() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = workspace.appendingPathComponent("templates/renamed.en.yaml")
    try """
      format: 2
      id: renamed.en
      extends: team-meeting.en
      name: Renamed
      language: en
      export:
        text: |
          {{#meeting}}{{title}}{{/meeting}}
          {{#items}}{{n}}. {{topic}} {{Notes}}{{/items}}

      """.write(to: file, atomically: true, encoding: .utf8)
    let check = try Binary.run(["templates", "check", file.path], in: workspace)
    #expect(check.status == 0)
    #expect(check.text == "\(file.path): ok (renamed.en, Renamed)\n")
    #expect(check.stderr == "minutes: \(file.path):9:32: warning: the export prints or tests `Notes`, but `Notes` is no part's key (nor anything else the export offers), so it prints nothing: use the key of the part it means (a label or one of `names` is not a key)\n")
    for id in ["board-meeting.en", "team-meeting.en", "gov-executive.zh-Hant", "gov-executive.zh-Hans", "gov-executive-formal.zh-Hant", "jiyao.zh-Hans"] {
      let builtIn = try Binary.run(["templates", "check", "\(TestSupport.packageRoot.path)/templates/\(id).yaml"], in: workspace)
      #expect(builtIn.status == 0 && builtIn.stderr.isEmpty, "\(id): \(builtIn.stderr)")
    }
  }

  @Test func aPatternThatBacktracksWithoutEndIsWarnedAboutAndDecidedWithinItsBudget() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let file = workspace.appendingPathComponent("templates/slow.en.yaml")
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

      """.write(to: file, atomically: true, encoding: .utf8)
    let check = try Binary.run(["templates", "check", file.path], in: workspace)
    #expect(check.status == 0)
    #expect(check.text == "\(file.path): ok (slow.en, Slow)\n")
    #expect(check.stderr.hasPrefix("minutes: \(file.path):11:18: warning: the `pattern` of `title` repeats a group that can match the same text in many ways (`(a|aa)+`)"))
    // Thirty `a`s and a `b` take about 6 million steps to fail, past the budget of a short answer: every prompt
    // and check says it could not decide, instead of taking the time to.
    let title = String(repeating: "a", count: 30) + "b"
    let session = try Binary.run(["new", "--template", "slow.en", "--name", "slow"], in: workspace,
                                 input: Data("\(title)\n2024-05-14\n:check\n".utf8))
    #expect(session.status == 0)
    #expect(session.text.contains("  warning title: The template's pattern for ‘Title’ takes too long to decide whether this answer fits; ask the template's author to simplify it (:edit title)\n"))
    let checked = try Binary.run(["check", "slow", "--json"], in: workspace)
    #expect(checked.text.contains("\"rule\" : \"pattern.tooCostly\""))
  }

  @Test func newWithoutATemplateAsksAndOffersOnlyUsableOnes() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // A wrong answer is said and the question asked again.
    let result = try Binary.run(["new", "--name", "asked"], in: workspace, input: Data("gov-executive.zh\n9\n7\n".utf8))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.text.hasPrefix("""
      1) board-meeting.en              Board meeting minutes (Robert's Rules)
      2) gov-executive-formal.zh-Hant  區政府常務會議報道（正式體）
      3) gov-executive.zh-Hans         区政府常务会议报道
      4) gov-executive.zh-Hant         本辦公室的常務會議報道  (workspace)
      5) jiyao.zh-Hans                 会议纪要
      6) mine.zh-Hant                  我的  (workspace)
      7) team-meeting.en               Team meeting notes
      Which template? (1–7 or an id; Tab completes): gov-executive.zh
      No template `gov-executive.zh`; did you mean gov-executive.zh-Hans or gov-executive.zh-Hant? Type a number from 1 to 7, or an id.
      Which template? (1–7 or an id; Tab completes): 9
      No template `9`. Type a number from 1 to 7, or an id.
      Which template? (1–7 or an id; Tab completes): 7
      Drafting ‘asked’ (Team meeting notes).
      """))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/asked.yaml"), encoding: .utf8)
    #expect(saved.hasPrefix("format: 1\ntemplate: team-meeting.en\n"))
    let none = try Binary.run(["new", "--name", "none"], in: workspace, input: Data())
    #expect(none.status == 1)
    #expect(none.stderr == "minutes: error: no template chosen; run `minutes new --template ID` (see `minutes templates`).\n")
  }
}
