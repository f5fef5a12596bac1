import Foundation
import Testing
import MinutesKit
import MinutesTestSupport

/// `minutes export --script`, the format from `-o FILE`'s extension, `--force`, and `:export` with its options,
/// through the built binary and pipes.
@Suite struct ExportOptionTests {
  /// A workspace with the seed session `seed` (gov-executive.zh-Hant) and the 纪要 example `jiyao`
  /// (jiyao.zh-Hans), drafted through the REPL.
  static func workspace() throws -> URL {
    let workspace = try Binary.temporaryWorkspace()
    let seed = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    #expect(try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed"], in: workspace, input: seed).status == 0)
    let jiyao = try Data(contentsOf: Binary.fixture("examples/jiyao.zh-Hans.session.txt"))
    #expect(try Binary.run(["new", "--template", "jiyao.zh-Hans", "--name", "jiyao"], in: workspace, input: jiyao).status == 0)
    return workspace
  }

  static func golden(_ name: String) throws -> Data { try Data(contentsOf: Binary.fixture("script/\(name)")) }

  /// The seed in Simplified characters (its wording from gov-executive.zh-Hans) and the 纪要 in Traditional (its
  /// wording converted by ICU), byte for byte the goldens, with the report of the characters to confirm on
  /// standard error in the session's language; the text export itself is unchanged.
  @Test func theSeedInSimplifiedAndAJiyaoInTraditional() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let hans = try Binary.run(["export", "seed", "--script", "hans"], in: workspace)
    #expect(hans.status == 0, "stderr: \(hans.stderr)")
    #expect(hans.stdout == (try Self.golden("seed.zh-Hans.txt")), "\(hans.text)")
    #expect(Data(hans.stderr.utf8) == (try Self.golden("seed.zh-Hans.report.txt")), "\(hans.stderr)")

    let out = workspace.appendingPathComponent("紀要.txt")
    let hant = try Binary.run(["export", "jiyao", "--script", "hant", "-o", out.path], in: workspace)
    #expect(hant.status == 0, "stderr: \(hant.stderr)")
    #expect(try Data(contentsOf: out) == (try Self.golden("jiyao.zh-Hant.txt")))
    let report = String(decoding: try Self.golden("jiyao.zh-Hant.report.txt"), as: UTF8.self)
    #expect(hant.stderr == "minutes: 已把“jiyao”导出到 \(out.path)\n" + report, "\(hant.stderr)")

    let text = try Binary.run(["export", "seed"], in: workspace)
    #expect(text.stdout == (try Data(contentsOf: Binary.fixture("seed/expected.txt"))))
    #expect(text.stderr.isEmpty)
  }

  @Test func aScriptIsRefusedForEnglishAndUnknownNames() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let board = try Data(contentsOf: Binary.fixture("examples/board-meeting.en.session.txt"))
    #expect(try Binary.run(["new", "--template", "board-meeting.en", "--name", "board"], in: workspace, input: board).status == 0)
    let english = try Binary.run(["export", "board", "--script", "hans"], in: workspace)
    #expect(english.status == 1)
    #expect(english.stderr == "minutes: error: template `board-meeting.en` is not in Chinese; --script converts between Simplified and Traditional characters.\n")
    #expect(english.stdout.isEmpty)
    let unknown = try Binary.run(["export", "board", "--script", "latin"], in: workspace, environment: ["LANG": "zh_TW.UTF-8"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.hasPrefix("minutes: error: 沒有「latin」這種字體；--script 可用 hans（簡體字）或 hant（繁體字）。\n"), "\(unknown.stderr)")
  }

  /// `-o FILE` chooses the format by its extension (none: text); an unknown extension is refused in the
  /// session's language; `--format` against the extension is a warning.
  @Test func theFormatComesFromTheExtension() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let expected = try Data(contentsOf: Binary.fixture("seed/expected.txt"))
    for name in ["out.txt", "OUT.TXT", "out"] {
      let run = try Binary.run(["export", "seed", "-o", name], in: workspace)
      #expect(run.status == 0, "\(name): \(run.stderr)")
      #expect(try Data(contentsOf: workspace.appendingPathComponent(name)) == expected, "\(name)")
    }
    let pdf = try Binary.run(["export", "seed", "-o", "out.pdf"], in: workspace)
    #expect(pdf.status == 1)
    #expect(pdf.stderr.hasPrefix("minutes: error: 不知道 .pdf 檔案（out.pdf）該用哪種匯出格式；請用 --format 指定，或用 .txt"), "\(pdf.stderr)")
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("out.pdf").path))
    let named = try Binary.run(["export", "seed", "--format", "text", "-o", "notes.json"], in: workspace)
    #expect(named.status == 0)
    // Before the JSON format exists, `.json` chooses no format of this build, and no warning is said.
    if ExportFormat(rawValue: "json") != nil {
      #expect(named.stderr.hasPrefix("minutes: warning: 以 text 格式寫入 notes.json，但這個副檔名通常是 json 格式。\n"), "\(named.stderr)")
    }
    #expect(try Data(contentsOf: workspace.appendingPathComponent("notes.json")) == expected)
    // A file with no extension says nothing of its format: written as named, with no warning.
    let bare = try Binary.run(["export", "seed", "--format", "markdown", "-o", "notes"], in: workspace)
    #expect(bare.status == 0 && !bare.stderr.contains("副檔名"), "\(bare.stderr)")
    #expect(try String(contentsOf: workspace.appendingPathComponent("notes"), encoding: .utf8).hasPrefix("# "))
    // The sessions folder is refused before the extension is looked at.
    let intoSessions = try Binary.run(["export", "seed", "-o", "sessions/seed.yaml"], in: workspace)
    #expect(intoSessions.status == 1)
    #expect(intoSessions.stderr.contains("在保存草稿的 `sessions/` 資料夾中"), "\(intoSessions.stderr)")
  }

  /// `minutes export -o FILE` never overwrites a file without `--force`; the file is left as it was.
  @Test func anExistingFileIsOverwrittenOnlyWithForce() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let out = workspace.appendingPathComponent("report.txt")
    try Data("the clerk's own\n".utf8).write(to: out)
    let refused = try Binary.run(["export", "seed", "-o", out.path], in: workspace)
    #expect(refused.status == 1)
    #expect(refused.stderr == "minutes: error: \(out.path) 已存在，沒有覆蓋；要覆蓋它，請加上 --force，或指定別的檔案。\n")
    #expect(try String(contentsOf: out, encoding: .utf8) == "the clerk's own\n")
    // A workspace template is a file like any other.
    let template = workspace.appendingPathComponent("templates/gov-executive.zh-Hant.yaml")
    try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
    let original = try Data(contentsOf: Binary.packageRoot.appendingPathComponent("templates/gov-executive.zh-Hant.yaml"))
    try original.write(to: template)
    let overTemplate = try Binary.run(["export", "seed", "--format", "text", "-o", template.path], in: workspace)
    #expect(overTemplate.status == 1)
    #expect(try Data(contentsOf: template) == original)

    let forced = try Binary.run(["export", "seed", "-o", out.path, "--force"], in: workspace)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try Data(contentsOf: out) == (try Data(contentsOf: Binary.fixture("seed/expected.txt"))))
  }

  /// `:export` in a session: the same formats and options; a file that exists is overwritten only after a yes,
  /// or with `:export!`.
  @Test func theREPLExportAsksAndTakesTheOptions() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let out = workspace.appendingPathComponent("简体.txt")
    let lines = [
      ":export 简体.txt --script hans", ":export 简体.txt", "否", ":export 简体.txt --script hant", "是",
      ":export! 简体.txt --script hans", ":quit",
    ].joined(separator: "\n") + "\n"
    let run = try Binary.run(["resume", "seed"], in: workspace, input: Data(lines.utf8))
    #expect(run.status == 0, "\(run.stderr)")
    let question = "\(out.path) 已存在。要覆蓋它嗎？（是/否）"
    #expect(run.text.components(separatedBy: question).count == 3, "\(run.text)")
    #expect(run.text.contains("覆蓋？> 否\n沒有匯出，\(out.path) 保持原樣；要覆蓋它，請用 :export! \(out.path)\n"))
    #expect(run.text.contains("已轉為簡體字。有 2 處的字不止一種寫法"))
    #expect(run.text.contains("範本 `gov-executive.zh-Hant` 本來就是繁體字，照原樣匯出。"))
    #expect(try Data(contentsOf: out) == (try Self.golden("seed.zh-Hans.txt")), "the last, forced, export")
  }

  /// `:export ~/…` writes into the clerk's home folder (`HOME`), as a shell reads `~`, not into a folder `~` in the
  /// workspace.
  @Test func theREPLExportReadsATildeAsTheHomeFolder() throws {
    let (workspace, home) = (try Self.workspace(), try TestSupport.temporaryWorkspace("home"))
    defer { for folder in [workspace, home] { try? FileManager.default.removeItem(at: folder) } }
    try FileManager.default.createDirectory(at: home.appendingPathComponent("exports"), withIntermediateDirectories: true)
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    let run = try Binary.run(["resume", "seed"], in: workspace, input: Data(":export ~/exports/seed.txt\n:quit\n".utf8), environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let out = home.appendingPathComponent("exports/seed.txt")
    #expect(run.text.contains(out.standardizedFileURL.path), "\(run.text)")
    #expect(try Data(contentsOf: out) == (try Data(contentsOf: Binary.fixture("seed/expected.txt"))))
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("~").path))
  }

  /// A file name starting with `~` that names no user (`~draft.txt`, as a shell passes it on) is a file like any
  /// other, on the command line and at the prompt: the static release program had crashed (SIGSEGV) looking the
  /// user up through a module of the C library it cannot load (see `UserDatabase`); `make test-release` runs this
  /// against it.
  @Test func aFileNamedWithATildeIsWrittenWhereItIsNamed() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let typed = try Binary.run(["export", "seed", "-o", "~draft-53.txt"], in: workspace)
    #expect(typed.status == 0, "\(typed.stderr)")
    let expected = try Data(contentsOf: Binary.fixture("seed/expected.txt"))
    #expect(try Data(contentsOf: workspace.appendingPathComponent("~draft-53.txt")) == expected)
    let session = try Binary.run(["resume", "seed"], in: workspace, input: Data(":export ~draft-54.txt\n:export ~no-such-user-53/x.txt\n:quit\n".utf8))
    #expect(session.status == 0, "\(session.stderr)")
    #expect(try Data(contentsOf: workspace.appendingPathComponent("~draft-54.txt")) == expected)
    #expect(session.text.contains("~no-such-user-53 不存在"), "\(session.text)")
  }

  /// `-o` through a symbolic link writes where the link leads, as a shell's `>` does, and keeps the link: a link to
  /// a file has that file replaced, and a link into `/proc` (as `/dev/stdout` is) is written into in place, so that
  /// `minutes export NAME -o /dev/stdout --force > out.txt` fills out.txt and leaves `/dev/stdout` a link.
  @Test func anExportThroughALinkWritesWhereTheLinkLeads() throws {
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let expected = try Data(contentsOf: Binary.fixture("seed/expected.txt"))
    let real = workspace.appendingPathComponent("real.txt"), link = workspace.appendingPathComponent("link.txt")
    let standardOutput = workspace.appendingPathComponent("stdout-link")
    try Data("old\n".utf8).write(to: real)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.txt")
    try FileManager.default.createSymbolicLink(atPath: standardOutput.path, withDestinationPath: "/proc/self/fd/1")
    let throughLink = try Binary.run(["export", "seed", "-o", "link.txt", "--force"], in: workspace)
    #expect(throughLink.status == 0, "\(throughLink.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.txt")
    #expect(try Data(contentsOf: real) == expected)
    let command = "'\(Binary.executable.path)' export seed -o stdout-link --force > out.txt"
    let shell = try Binary.run(["-c", command], in: workspace, executable: URL(fileURLWithPath: "/bin/sh"))
    #expect(shell.status == 0, "\(shell.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: standardOutput.path) == "/proc/self/fd/1")
    #expect(try Data(contentsOf: workspace.appendingPathComponent("out.txt")) == expected)
    // A link into the sessions folder is refused as the folder itself is: the draft is never written over.
    let intoSessions = workspace.appendingPathComponent("draft-link.yaml")
    try FileManager.default.createSymbolicLink(atPath: intoSessions.path, withDestinationPath: "sessions/seed.yaml")
    let snapshot = try Data(contentsOf: workspace.appendingPathComponent("sessions/seed.yaml"))
    let refused = try Binary.run(["export", "seed", "-o", "draft-link.yaml", "--force", "--format", "text"], in: workspace)
    #expect(refused.status == 1, "\(refused.stderr)")
    #expect(try Data(contentsOf: workspace.appendingPathComponent("sessions/seed.yaml")) == snapshot)
  }

  /// An export printed to a full disk is said not to be written, and `minutes` exits 1: it had exited 0 with nothing
  /// said, for text and for a binary export alike.
  @Test func anExportThatCannotBePrintedSaysSo() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let workspace = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    for format in ["text", "docx"] {
      let command = "'\(Binary.executable.path)' export seed --format \(format) > /dev/full"
      let shell = try Binary.run(["-c", command], in: workspace, executable: URL(fileURLWithPath: "/bin/sh"))
      #expect(shell.status == 1, "\(format): \(shell.stderr)")
      #expect(shell.stderr.contains("無法把匯出寫到標準輸出"), "\(format): \(shell.stderr)")
    }
  }
}
