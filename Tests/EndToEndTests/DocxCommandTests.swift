import Foundation
import Testing
import MinutesTestSupport

/// `minutes export --format docx` of the seed meeting, through the built binary: written with `-o`, written to a
/// pipe byte for byte the same, refused at a terminal, and marked as a draft with `--draft`.
@Suite struct DocxCommandTests {
  /// A workspace with the seed session drafted in it, as `seed`.
  static func seedWorkspace() throws -> URL {
    let workspace = try Binary.temporaryWorkspace()
    let transcript = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    let drafting = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed"], in: workspace, input: transcript)
    #expect(drafting.status == 0, "stderr: \(drafting.stderr)")
    return workspace
  }

  @Test func theSeedExportsAsADocxFileAndToAPipe() throws {
    let workspace = try Self.seedWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let written = try Binary.run(["export", "seed", "--format", "docx", "-o", "seed.docx"], in: workspace)
    #expect(written.status == 0, "stderr: \(written.stderr)")
    #expect(written.stderr == "minutes: 已把「seed」匯出到 \(workspace.appendingPathComponent("seed.docx").path)\n")
    let file = try Data(contentsOf: workspace.appendingPathComponent("seed.docx"))
    #expect(file.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP package")
    #expect(file.range(of: Data("word/document.xml".utf8)) != nil)

    let piped = try Binary.run(["export", "seed", "--format", "docx"], in: workspace)
    #expect(piped.status == 0, "stderr: \(piped.stderr)")
    #expect(piped.stdout == file, "the same bytes to a pipe as to a file")

    // The text export is what it always was.
    let text = try Binary.run(["export", "seed"], in: workspace)
    #expect(text.stdout == Data(try TestSupport.seedText("expected.txt").utf8))
  }

  @Test func aDraftWithErrorsIsRefusedOrMarked() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let started = try Binary.run(["new", "--template", "jiyao.zh-Hans", "--name", "half"], in: workspace,
                                 input: Data("梧川市人民政府\n常务会议\n:quit\n".utf8))
    #expect(started.status == 0, "stderr: \(started.stderr)")
    let refused = try Binary.run(["export", "half", "--format", "docx", "-o", "half.docx"], in: workspace)
    #expect(refused.status == 1)
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("half.docx").path))
    let draft = try Binary.run(["export", "half", "--format", "docx", "--draft", "-o", "half.docx"], in: workspace)
    #expect(draft.status == 0, "stderr: \(draft.stderr)")
    #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("half.docx").path))
  }

  /// A binary file is not printed on a terminal: the clerk is told to give a file.
  @Test func aTerminalIsToldToGiveAFile() throws {
    let workspace = try Self.seedWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let command = "cd \(workspace.path) && \(Binary.executable.path) export seed --format docx; echo \"exit $?\"; sleep 60"
    let terminal = try Tmux(command: command, width: 200)
    #expect(try terminal.wait { $0.contains("exit 1") })
    let screen = try terminal.screen()
    #expect(screen.contains("minutes: error: docx 匯出是二進位檔，不能印在終端機上；請用 -o 寫入檔案，例如 minutes export seed --format docx -o seed.docx"), "\(screen)")
    #expect(!screen.contains("PK"), "no bytes were printed")
  }
}
