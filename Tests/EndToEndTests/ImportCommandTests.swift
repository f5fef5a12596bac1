import Foundation
import Testing
import MinutesTestSupport

/// `minutes import` through the binary (issue 12): a published page with its chrome becomes a session that
/// checks clean and exports the report byte for byte; the seed's published form (half-width punctuation) reads as
/// its normalized text; a line no template reads is kept, reported with its line and column, and listed by
/// `check`; `--learn` writes the house style read into a workspace variant that later sessions start in.
@Suite struct ImportCommandTests {
  @Test func aPublishedPageImportsWithoutItsChromeAndExportsTheReportByteForByte() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let page = Binary.fixture("import/shiwan.page.txt").path
    let imported = try Binary.run(["import", page, "--name", "shiwan"], in: workspace)
    #expect(imported.status == 0, "\(imported.text)\n\(imported.stderr)")
    #expect(imported.text.contains("以模板 gov-executive.zh-Hans 读入 8 行，存为草稿 shiwan。"), "\(imported.text)")
    #expect(imported.text.contains("label=short"), "\(imported.text)")
    // Each removal is reported with its line in the page.
    for removed in [":1: 删去标题：石湾镇召开镇政府常务会议", ":2: 删去来源行：", ":6: 删去图片说明：▲会议现场", ":12: 删去拼音注音：xiàng",
                    ":14: 删去“完”：(完)", ":15: 删去分隔线：|", ":17: 删去网站页脚：粤ICP备05012345号-1"] {
      #expect(imported.stderr.contains(removed), "\(removed) in \(imported.stderr)")
    }
    let check = try Binary.run(["check", "shiwan"], in: workspace)
    #expect(check.status == 0, "\(check.text)")
    let export = try Binary.run(["export", "shiwan"], in: workspace)
    #expect(export.stdout == (try Data(contentsOf: Binary.fixture("import/shiwan.txt"))), "\(export.text)")
  }

  @Test func theSeedsPublishedFormWithHalfWidthPunctuationReadsAsItsNormalizedText() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let imported = try Binary.run(["import", TestSupport.seedDirectory.appendingPathComponent("published.txt").path, "--name", "seed"], in: workspace)
    #expect(imported.status == 0, "\(imported.text)\n\(imported.stderr)")
    #expect(imported.text.contains("gov-executive.zh-Hant"))
    let export = try Binary.run(["export", "seed"], in: workspace)
    let expected = try String(contentsOf: TestSupport.seedDirectory.appendingPathComponent("expected.txt"), encoding: .utf8)
    #expect(export.text == (expected.hasSuffix("\n") ? expected : expected + "\n"))
  }

  /// Under an address-space limit (`ulimit -v`) too small for the reading's stack of 1 GiB, the reading takes a
  /// smaller one and the import finishes as without the limit (it had waited for ever for a thread never made).
  @Test func anImportUnderAnAddressSpaceLimitFinishes() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = TestSupport.seedDirectory.appendingPathComponent("published.txt").path
    // `timeout` ends a reading that hangs (status 124), so that the test fails rather than waits.
    let limited = try Binary.run(["-c", "ulimit -v 900000 && exec timeout 120 \"$0\" \"$@\"", Binary.executable.path,
                                  "import", published, "--template", "gov-executive.zh-Hant", "--name", "seed"],
                                 in: workspace, executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(limited.status == 0, "\(limited.text)\n\(limited.stderr)")
    let export = try Binary.run(["export", "seed"], in: workspace)
    let expected = try String(contentsOf: TestSupport.seedDirectory.appendingPathComponent("expected.txt"), encoding: .utf8)
    #expect(export.text == (expected.hasSuffix("\n") ? expected : expected + "\n"))
  }

  @Test func aLineNoTemplateReadsIsKeptReportedAndListedByCheck() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    var lines = try String(contentsOf: Binary.fixture("import/shiwan.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
    lines.insert("会上，大家还交流了近期的工作体会。", at: 4)
    let file = workspace.appendingPathComponent("with-odd-line.txt")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", file.path, "--template", "gov-executive.zh-Hans"], in: workspace)
    #expect(imported.status == 1)
    // Line 5, at the column the furthest reading reached (the line's end, read as a 列席 group waiting for its
    // 列席会议 since 应邀 is a house choice).
    #expect(imported.stderr.contains("with-odd-line.txt:5:"), "\(imported.stderr)")
    #expect(imported.stderr.contains(": 读不懂这一行，原文保留在 unparsed 中"), "\(imported.stderr)")
    #expect(imported.stderr.contains("会上，大家还交流了近期的工作体会。"))
    let check = try Binary.run(["check", "with-odd-line"], in: workspace)
    #expect(check.status == 1)
    #expect(check.text.contains("unparsed.1") && check.text.contains("会上，大家还交流了近期的工作体会。"), "\(check.text)")
    // Nothing else is lost: the export is the text without that line.
    let export = try Binary.run(["export", "with-odd-line", "--draft"], in: workspace)
    #expect(export.text.contains("会议听取了镇财政所关于一季度财政收支情况的汇报。"), "\(export.text)")
    // The line kept is shown under the DRAFT line, so that a review of the export misses nothing of the text.
    #expect(export.text.split(separator: "\n").dropFirst().first == "UNPARSED 1 未归位：会上，大家还交流了近期的工作体会。", "\(export.text)")
  }

  /// A clerk's record with its call to order worded otherwise than the template prints it was refused whole,
  /// `--template` or not (stop 34's trial). The line is read up to where it parts from the template and kept whole
  /// under unparsed; the clerk is told where, and the rest of the record is the session.
  @Test func aLineReadInPartIsSaidSoAndTheRestOfTheRecordIsKept() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    try published.replacingOccurrences(of: "adjourned at 9:22 p.m.", with: "adjourned at about 9:30").write(to: file, atomically: true, encoding: .utf8)
    for arguments in [["--template", "board-meeting.en", "--name", "named"], ["--name", "found"]] {
      let imported = try Binary.run(["import", file.path] + arguments, in: workspace)
      #expect(imported.status == 1, "\(imported.stderr)")
      #expect(imported.stderr.contains(
        "council.txt:56:39: this line differs from what the template prints from column 39: what could be read was, and the line is kept whole under unparsed; expected ‘.’ here: Adjournment: The meeting was adjourned at about 9:30"),
        "\(imported.stderr)")
      #expect(imported.text.contains("Read 60 lines with the template board-meeting.en"), "\(imported.text)")
    }
    let export = try Binary.run(["export", "named", "--draft"], in: workspace)
    let lines = export.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[1] == "UNPARSED 1: Adjournment: The meeting was adjourned at about 9:30")
    // The export is the text but for that line, printed as the template prints it without the time.
    var expected = published.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    expected[55] = "Adjournment: The meeting was adjourned."
    #expect(Array(lines.dropFirst(2)) == expected)
  }

  /// A council record copied from a PDF, its call to order wrapped by the page (a helper's trial text was refused
  /// so): the import says which line it read as the end of the one before, and the export prints them as one.
  @Test func aLineAPageWrappedIsReadAsTheEndOfTheOneBeforeAndSaidSo() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    try published.replacingOccurrences(of: "of Town of Alder Creek was called", with: "of Town of Alder\nCreek was called")
      .write(to: file, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", file.path, "--name", "council"], in: workspace)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr == file.path + ":6: read as the end of the line before it (a long line the page wrapped); the export prints them as one\n")
    #expect(imported.text.contains("Note: the draft's export is not exactly the text read"), "\(imported.text)")
    let export = try Binary.run(["export", "council"], in: workspace)
    #expect(export.text == published)
  }

  /// A text no template reads is refused, and the refusal says where the template that reads furthest stops, and
  /// what it expected there (a trial's council record was refused with no line named).
  @Test func aRefusedImportNamesTheLineWhereTheReadingStops() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    try published.replacingOccurrences(of: "of the Town Council of Town of Alder Creek", with: "of the Alder Creek Town Council")
      .write(to: file, atomically: true, encoding: .utf8)
    for arguments in [["--template", "board-meeting.en"], []] {
      let imported = try Binary.run(["import", file.path] + arguments, in: workspace)
      #expect(imported.status == 2, "\(imported.stderr)")
      #expect(imported.stderr.contains("council.txt:5:43: the template board-meeting.en reads no further than here; expected ‘Town Council’ here: Call to order: The regular meeting of the Alder Creek Town Council"),
              "\(imported.stderr)")
    }
  }

  /// A line of megabytes (a text with no line breaks) is quoted cut, with its length: a trial's 4.2 MB line was
  /// quoted whole, one line of 4,200,175 characters on stderr.
  @Test func aLongLineIsQuotedCutWithItsLength() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    let long = "of the Alder Creek Town Council" + String(repeating: " and its many committees", count: 5000)
    try published.replacingOccurrences(of: "of the Town Council of Town of Alder Creek", with: long).write(to: file, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", file.path, "--template", "board-meeting.en"], in: workspace)
    #expect(imported.status == 2, "\(imported.stderr.prefix(2000))")
    let stop = try #require(imported.stderr.split(separator: "\n").first { $0.contains("council.txt:5:43: the template board-meeting.en reads no further") })
    #expect(stop.count < 700, "\(stop.count) characters")
    #expect(stop.hasSuffix("… (120230 characters)"), "\(stop.suffix(100))")
  }

  /// A refused text says what it removed as page chrome, as an import read says it, before where the reading
  /// stopped, whose line is the file's (a clerk's refused PDF copy named a stop but not the lines removed above it).
  @Test func aRefusedImportSaysWhatItRemovedAsPageChrome() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    try ("DRAFT – Subject to Council Approval\n" + published.replacingOccurrences(of: "of the Town Council of Town of Alder Creek", with: "of the Alder Creek Town Council"))
      .write(to: file, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", file.path, "--template", "board-meeting.en"], in: workspace)
    #expect(imported.status == 2, "\(imported.stderr)")
    let lines = imported.stderr.split(separator: "\n").map(String.init)
    let removed = try #require(lines.firstIndex { $0.hasPrefix(file.path + ":1: removed ") && $0.contains("DRAFT – Subject to Council Approval") }, "\(imported.stderr)")
    let stop = try #require(lines.firstIndex { $0.contains("council.txt:6:43: the template board-meeting.en reads no further than here") }, "\(imported.stderr)")
    #expect(removed < stop)
  }

  /// A time written in another style than the template prints is read as the time, and the import says the
  /// draft's export is not exactly the text (it prints the template's style).
  @Test func aTimeInAnotherStyleIsReadAndTheExportSaidNotExact() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let published = try String(contentsOf: Binary.fixture("council/alder-creek.txt"), encoding: .utf8)
    let file = workspace.appendingPathComponent("council.txt")
    try published.replacingOccurrences(of: " p.m.", with: " PM").write(to: file, atomically: true, encoding: .utf8)
    let imported = try Binary.run(["import", file.path, "--name", "council"], in: workspace)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.text.contains("Note: the draft's export is not exactly the text read"), "\(imported.text)")
    let export = try Binary.run(["export", "council"], in: workspace)
    #expect(export.status == 0 && export.text.contains("adjourned at 9:22 p.m.") && !export.text.contains(" PM"), "\(export.text)")
  }

  @Test func learnWritesTheHouseStyleIntoAWorkspaceVariantThatLaterSessionsStartIn() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let fixture = Binary.fixture("published/gov-executive.zh-Hant.house-start-name-first.txt").path
    // A report imported before, in the template's default style: it prints as it did once the variant is written,
    // the variant's defaults not being its own (a trial's earlier import came out 區長…同志…八屆十二次 and `一、`).
    let seed = try Binary.run(["import", Binary.fixture("seed/published.txt").path, "--name", "seed"], in: workspace)
    #expect(seed.status == 0 && seed.text.contains("gov-executive.zh-Hant"), "\(seed.text)\(seed.stderr)")
    let before = try Binary.run(["export", "seed"], in: workspace)
    let declined = try Binary.run(["import", fixture, "--name", "march", "--learn"], in: workspace, input: Data("否\n".utf8))
    #expect(declined.text.contains("將寫入 templates/gov-executive.zh-Hant.yaml："), "\(declined.text)")
    #expect(declined.text.contains("沒有寫入。"))
    let variant = workspace.appendingPathComponent("templates/gov-executive.zh-Hant.yaml")
    #expect(!FileManager.default.fileExists(atPath: variant.path))
    let learned = try Binary.run(["import", fixture, "--name", "march2", "--learn", "--yes"], in: workspace)
    #expect(learned.status == 0, "\(learned.text)\n\(learned.stderr)")
    let yaml = try String(contentsOf: variant, encoding: .utf8)
    for line in ["extends: gov-executive.zh-Hant", "      - key: chair\n        default: name-first", "      - key: label\n        default: short"] {
      #expect(yaml.contains(line), "\(yaml)")
    }
    let templates = try Binary.run(["templates", "check", variant.path], in: workspace)
    #expect(templates.status == 0, "\(templates.text)\(templates.stderr)")
    let next = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "april"], in: workspace, input: Data(":quit\n".utf8))
    #expect(next.text.contains("主持人的寫法 name-first"), "\(next.text)")
    let after = try Binary.run(["export", "seed"], in: workspace)
    #expect(after.status == 0 && after.text == before.text, "\(after.text)")
  }

  /// A clerk's trial (stop 25): 20 English motions or 150 team items crashed the reading (its stack overflowed,
  /// nothing saved). Each is read whole now, and 300 motions export back as they were published.
  @Test(arguments: [
    ("many-300-motions.sectioned.txt", "board-meeting.en", 958), ("many-21-motions.council.txt", "board-meeting.en", 74),
    ("many-150-items.team.txt", "team-meeting.en", 612),
  ])
  func aLongRecordOfShortShapesImportsWhole(file: String, template: String, lines: Int) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let fixture = Binary.fixture("import/trials/" + file)
    let imported = try Binary.run(["import", fixture.path, "--template", template, "--name", "long"], in: workspace)
    #expect(imported.status == 0, "\(imported.text)\n\(imported.stderr)")
    #expect(imported.text.contains("Read \(lines) lines with the template \(template)"), "\(imported.text)")
    let export = try Binary.run(["export", "long", "--draft"], in: workspace)
    let draftMark = export.text.hasPrefix("DRAFT") ? String(export.text.drop { $0 != "\n" }.dropFirst()) : export.text
    #expect(draftMark == (try String(contentsOf: fixture, encoding: .utf8)))
  }

  /// A clerk's trial (stop 25): a name taken was refused only after the reading, with the exit code of lines kept
  /// unparsed; a template named that reads nothing said to name one with --template; `resume` of an imported
  /// draft with errors did not show them. Nothing saved is exit 2 now, said at once, and `resume` starts at the
  /// errors.
  @Test func aRefusedImportSavesNothingAndResumeStartsAtTheErrors() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let fixture = Binary.fixture("import/trials/many-21-motions.council.txt").path
    let first = try Binary.run(["import", fixture, "--name", "council"], in: workspace)
    #expect(first.status == 0, "\(first.text)\n\(first.stderr)")
    #expect(first.text.contains("The draft has 1 error"), "\(first.text)")
    let again = try Binary.run(["import", fixture, "--name", "council"], in: workspace)
    #expect(again.status == 2)
    #expect(again.stderr.contains("a session named `council` exists already; continue it with `minutes resume council`"), "\(again.stderr)")
    let elsewhere = try Binary.run(["import", fixture, "--name", "council", "--workspace", workspace.path],
                                   in: workspace.deletingLastPathComponent())
    #expect(elsewhere.status == 2)
    #expect(elsewhere.stderr.contains("`minutes resume council --workspace \(URL(fileURLWithPath: workspace.path).resolvingSymlinksInPath().path)`"),
            "\(elsewhere.stderr)")
    let wrong = try Binary.run(["import", fixture, "--name", "other", "--template", "jiyao.zh-Hans"], in: workspace)
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("the template jiyao.zh-Hans cannot read this text; try again without --template"), "\(wrong.stderr)")
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("sessions/other.yaml").path))
    let resumed = try Binary.run(["resume", "council"], in: workspace, input: Data(":quit\n".utf8))
    let lines = resumed.text.split(separator: "\n").map(String.init)
    let heading = try #require(lines.firstIndex(of: "Errors (1):"), "\(resumed.text)")
    #expect(lines[heading + 1].hasPrefix("  error 1.disposition: The motion has no disposition"), "\(resumed.text)")
  }

  /// A clerk's trial (stop 25): once `--learn` made numbered points the workspace's default, `要…；要…` of the
  /// next report read as one point (a house that numbers points prints one point unnumbered). A point never holds
  /// `；要`: the two points are read, and the report's own style with them.
  @Test func aReportReadAfterLearningNumberedPointsKeepsItsPointsApart() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let numbered = Binary.fixture("import/trials/footer-line-cascades-3-unparsed.lanxi.hans.txt").path
    let learned = try Binary.run(["import", numbered, "--name", "lanxi", "--learn", "--yes"], in: workspace)
    #expect(learned.text.contains("points=numbered"), "\(learned.text)")
    let page = Binary.fixture("import/trials/after-learn-points-merged.shiwan.page.txt").path
    let imported = try Binary.run(["import", page, "--name", "shiwan"], in: workspace)
    #expect(imported.status == 0, "\(imported.text)\n\(imported.stderr)")
    #expect(imported.text.contains("points=semicolons"), "\(imported.text)")
    let session = try String(contentsOf: workspace.appendingPathComponent("sessions/shiwan.yaml"), encoding: .utf8)
    #expect(session.contains("    - 要把整治任务分解到村、落实到人\n    - 要建立月通报制度，对进度滞后的村进行约谈\n"), "\(session)")
  }
}

