import Foundation
import Testing
import MinutesTestSupport

/// A refused line of a pipe ends the session (issue 10): each line after it was written for the question after
/// it, so reading on would shift every later answer. `--keep-going` reads on, as before.
@Suite struct RefusedLineTests {
  /// A header whose second line (the period) is refused; the third was meant for the chair's title.
  static let input = Data("2022-05-20\n中午\n區長\n王某\n".utf8)

  @Test func aRefusedLineStopsTheSessionWithItsNumberAndStatusOne() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let run = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "t"], in: workspace, input: Self.input)
    #expect(run.status == 1, "stdout: \(run.text)")
    #expect(run.text.contains("「中午」不是可選項。"))
    #expect(run.text.contains("已在第 2 行停止：這一行未被採用"))
    // The corrected line and those after it go to `resume` (a clerk gave them to `new` again, whose name was taken).
    #expect(run.text.contains("改正第 2 行後，把它和之後各行交給 minutes resume t"))
    // Line 3 answered nothing: the period is still the question, and the date before it is saved.
    let file = try String(contentsOf: workspace.appendingPathComponent("sessions/t.yaml"), encoding: .utf8)
    #expect(file.contains("2022-05-20"))
    #expect(!file.contains("區長"))
    let resumed = try Binary.run(["resume", "t"], in: workspace, input: Data("下午\n".utf8))
    #expect(resumed.status == 0, "stdout: \(resumed.text)")
    #expect(resumed.text.contains("時段> 下午\n"))
  }

  /// A refused command answered no question: the stop says the lines after it may count on what it was to do,
  /// not that each was written for the question after it.
  @Test func aRefusedCommandStopsTheSessionAndSaysWhy() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let input = Data("2022-05-20\n:edit chair.age 50\n下午\n".utf8)
    let run = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "t"], in: workspace, input: input)
    #expect(run.status == 1, "stdout: \(run.text)")
    #expect(run.text.contains("已在第 2 行停止：這一行的命令未被執行"))
    #expect(!run.text.contains("之後各行本是依次回答後面的問題"))
    let file = try String(contentsOf: workspace.appendingPathComponent("sessions/t.yaml"), encoding: .utf8)
    #expect(file.contains("2022-05-20") && !file.contains("下午"))
  }

  @Test func keepGoingAsksTheRefusedQuestionAgainFromTheNextLine() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let run = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "t", "--keep-going"], in: workspace,
                             input: Self.input)
    #expect(run.status == 0, "stdout: \(run.text)")
    #expect(!run.text.contains("停止"))
    // The shift the stop prevents: 區長 was refused as a period too, and 王某 likewise.
    #expect(run.text.contains("「區長」不是可選項。"))
  }

  /// With `--keep-going`, the line after a roster near miss's yes-or-no question that is neither yes nor no was
  /// written for the next question: the name is kept as typed and the line answers that question (a clerk's
  /// trial found every later answer shifted by one, each refused as no yes or no). Without it, the pipe stops there.
  @Test func keepGoingPastANearMissKeepsTheNameAndAnswersTheNextQuestion() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    #expect(try Binary.run(["roster", "add", "Aisha Bello"], in: workspace).status == 0)
    let lines = ["Harborview Literacy Alliance", "Board of Directors", "Regular", "2024-04-16", "19:02", "", "", "",
                 "Aisha Belo", "President", ":quit"]
    let input = Data(lines.map { $0 + "\n" }.joined().utf8)
    let run = try Binary.run(["new", "--template", "board-meeting.en", "--name", "k", "--keep-going"], in: workspace, input: input)
    #expect(run.status == 0, "stdout: \(run.text)")
    #expect(run.text.contains("Line 10 is not yes or no: the name is kept as typed (Aisha Belo), and the line answers the next question\n"))
    #expect(!run.text.contains("Answer yes (use the roster's form)"))
    // The line is shown after the question it answers.
    #expect(run.text.contains("the line answers the next question\nThe presiding officer's office? (e.g. President, Vice-President)\nOffice> President\n"))
    let file = try String(contentsOf: workspace.appendingPathComponent("sessions/k.yaml"), encoding: .utf8)
    #expect(file.contains("name: Aisha Belo\n") && file.contains("office: President\n"), "\(file)")

    let stopped = try Binary.run(["new", "--template", "board-meeting.en", "--name", "s"], in: workspace, input: input)
    #expect(stopped.status == 1)
    #expect(stopped.text.contains("Stopped at line 10"), "stdout: \(stopped.text)")
  }

  /// A command typed at a near miss's yes-or-no question keeps the name as typed first (a clerk's trial lost a
  /// name present this way, with no word said), says so with the :edit that takes the roster's form, then runs.
  @Test func aCommandAtANearMissKeepsTheNameAsTyped() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    #expect(try Binary.run(["roster", "add", "Denise Chu"], in: workspace).status == 0)
    let lines = ["Harbor Trust", "Board of Directors", "Regular", "2024-04-16", "19:02", "", "", "", "Denise Chw", ":show presiding",
                 "President", ":quit"]
    let run = try Binary.run(["new", "--template", "board-meeting.en", "--name", "c"], in: workspace,
                             input: Data(lines.map { $0 + "\n" }.joined().utf8))
    #expect(run.status == 0, "stdout: \(run.text)")
    #expect(run.text.contains("""
      yes/no> :show presiding
      Kept as typed: Denise Chw; to take the roster's form: :edit presiding.name Denise Chu
      presiding.name  Presiding officer: Denise Chw
      """))
    let file = try String(contentsOf: workspace.appendingPathComponent("sessions/c.yaml"), encoding: .utf8)
    #expect(file.contains("name: Denise Chw\n") && file.contains("office: President\n"), "\(file)")
  }
}
