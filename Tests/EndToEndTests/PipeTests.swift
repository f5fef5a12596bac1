import Foundation
import Testing
import MinutesTestSupport

/// The built binary driven through pipes: the seed meeting end to end, and input that pipes really carry.
@Suite struct PipeTests {
  @Test func seedSessionExportsExpectedTextByteForByte() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let session = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    let drafting = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed"], in: workspace, input: session)
    #expect(drafting.status == 0, "stderr: \(drafting.stderr)")
    #expect(drafting.text.contains("必填部分都已填寫，沒有錯誤。\n提醒（15 項）：\n"))
    let export = try Binary.run(["export", "seed", "--format", "text"], in: workspace)
    #expect(export.status == 0, "stderr: \(export.stderr)")
    let expected = try Data(contentsOf: Binary.fixture("seed/expected.txt"))
    #expect(export.stdout == expected)
    // A finished interview resumes at the command prompt, not at "one more agenda item".
    let resumed = try Binary.run(["resume", "seed"], in: workspace, input: Data(":check\n".utf8))
    #expect(resumed.text.contains("命令> :check\n必填部分都已填寫，沒有錯誤。\n"))
  }

  @Test func exportWritesToFileWithWorkspaceOption() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let elsewhere = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let session = try Data(contentsOf: Binary.fixture("seed/session.txt"))
    let drafting = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "seed", "--workspace", workspace.path], in: elsewhere, input: session)
    #expect(drafting.status == 0, "stderr: \(drafting.stderr)")
    #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("sessions/seed.yaml").path))
    let out = elsewhere.appendingPathComponent("seed.txt")
    let export = try Binary.run(["export", "seed", "--workspace", workspace.path, "-o", out.path], in: elsewhere)
    #expect(export.status == 0, "stderr: \(export.stderr)")
    #expect(try Data(contentsOf: out) == Data(contentsOf: Binary.fixture("seed/expected.txt")))
    #expect(export.stderr == "minutes: 已把「seed」匯出到 \(out.path)\n")
    // An export never overwrites a draft: the sessions folder is refused.
    let draft = workspace.appendingPathComponent("sessions/seed.yaml")
    let before = try Data(contentsOf: draft)
    let refused = try Binary.run(["export", "seed", "--workspace", workspace.path, "-o", draft.path], in: elsewhere)
    #expect(refused.status == 1)
    #expect(refused.stderr == "minutes: error: \(draft.path) 在保存草稿的 `sessions/` 資料夾中；請匯出到別的檔案（例如工作區本身）。\n")
    #expect(try Data(contentsOf: draft) == before)
  }

  @Test func crlfMissingFinalNewlineAndUnsetLocaleKeepEveryAnswer() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let input = Data("2022-05-20\r\n下午\r\n政府代區長\r\n管尊旭".utf8)
    var environment = ProcessInfo.processInfo.environment
    for key in ["LANG", "LC_ALL", "LC_CTYPE"] { environment[key] = nil }
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "crlf"], in: workspace, input: input, environment: environment)
    #expect(result.status == 0)
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/crlf.yaml"), encoding: .utf8)
    #expect(saved.contains("period: 下午\n"))
    #expect(saved.contains("title: 政府代區長\n"))
    #expect(saved.contains("name: 管尊旭\n"))
    #expect(saved.contains("resumeAt: meeting.term\n"))
  }

  @Test func invalidUTF8IsRefusedWithItsLineAndByteAndTheQuestionAskedAgain() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    var input = Data("2022-05-20\n下午\n政府".utf8)
    input.append(contentsOf: [0xFF, 0xFE])
    input.append(Data("代區長\n政府代區長\n".utf8))
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "bytes", "--keep-going"], in: workspace, input: input)
    #expect(result.status == 0)
    // Refused like any answer that cannot be used: said, nothing saved, the same question asked again, and the
    // next line answers it.
    #expect(result.text.contains("""
      主持人職務> 政府\u{FFFD}\u{FFFD}代區長
      第 3 行含無效的 UTF-8 位元組 0xFF（該行第 7 個位元組；共 2 處），未保存；請重新輸入。
      主持人的職務？（如 政府代區長）
      主持人職務> 政府代區長

      """))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/bytes.yaml"), encoding: .utf8)
    #expect(saved.contains("title: 政府代區長\n"))
    #expect(!saved.contains("\u{FFFD}"))
  }

  @Test func escapeSequencesAreRemovedWithANoticeAndNeverEchoedRaw() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let input = Data("2022-05-20\n\u{1B}[2J\u{1B}[31m下午\u{1B}[0m\n\u{1B}[2J\n:goto 9\u{07}\n政府代區長\n".utf8)
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "esc", "--keep-going"], in: workspace, input: input)
    #expect(result.status == 0)
    #expect(!result.text.contains("\u{1B}") && !result.text.contains("\u{07}"), "a raw escape code reached the output")
    #expect(result.text.contains("""
      時段> \\u{1B}[2J\\u{1B}[31m下午\\u{1B}[0m
      已從這一行刪除：終端控制序列 \\u{1B}[2J、\\u{1B}[31m、\\u{1B}[0m。其餘照常採用。
      主持人的職務？（如 政府代區長）
      主持人職務> \\u{1B}[2J
      這一行只有終端控制序列 \\u{1B}[2J，沒有別的內容，未採用；請重新輸入。
      主持人的職務？（如 政府代區長）
      主持人職務> :goto 9\\u{7}
      已從這一行刪除：控制字元 \\u{7}。其餘照常採用。
      草稿中沒有 9：還沒有任何「議題」；要添加，請用 :add item。

      """))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/esc.yaml"), encoding: .utf8)
    #expect(saved.contains("period: 下午\n") && saved.contains("title: 政府代區長\n"))
  }

  @Test func aMegabyteLineIsTakenWholeAndQuotedShort() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let date = String(repeating: "2022-05-20", count: 100_000)
    let title = String(repeating: "長", count: 1_000_000)
    let input = Data("\(date)\n2022-05-20\n下午\n\(title)\n".utf8)
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "mega", "--keep-going"], in: workspace, input: input)
    #expect(result.status == 0)
    // The refusal quotes the first 60 characters and says how many there were; the line itself is echoed once.
    #expect(result.text.contains("\n「\(date.prefix(60))…（共 1000000 字）」不是有效日期。請按 年-月-日 輸入，如 2022-05-20。\n"))
    #expect(result.stdout.count < 2 * (date.utf8.count + title.utf8.count))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/mega.yaml"), encoding: .utf8)
    #expect(saved.contains("title: \(title)\n"))
  }

  @Test func badCommandsAndAnswersNeverEndTheSession() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let input = Data(":frobnicate\n:goto 9.9\n:edit\n2022-02-30\n2022-05-20\n傍晚\n晚上\n".utf8)
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "bad", "--keep-going"], in: workspace, input: input)
    #expect(result.status == 0)
    #expect(result.text.contains("沒有 :frobnicate 這個命令。輸入 :help 查看所有命令。"))
    #expect(result.text.contains("草稿中沒有 9.9：還沒有任何「議題」；要添加，請用 :add item。"))
    #expect(result.text.contains(":edit 的用法"))
    #expect(result.text.contains("「2022-02-30」這一天不存在（看看月份和日子）。"))
    #expect(result.text.contains("「傍晚」不是可選項。"))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/bad.yaml"), encoding: .utf8)
    #expect(saved.contains("date: '2022-05-20'\n") && saved.contains("period: 晚上\n"))
  }

  @Test func everyAnswerIsOnDiskBeforeTheNextPrompt() throws {
    // The prompt for the chair's title appears only after the period was saved: read the file at that moment.
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "each"], in: workspace, input: Data("2022-05-20\n下午\n".utf8))
    #expect(result.status == 0)
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/each.yaml"), encoding: .utf8)
    #expect(saved.contains("period: 下午"))
  }

  /// A pipe cannot put an answer on the line to edit, as a terminal does: going back to an answered question says
  /// what it holds, an empty line keeps it, and the next line replaces it knowingly.
  @Test func goingBackToAnAnswerFromAPipeSaysWhatItHolds() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let input = Data("2022-05-20\n下午\n:goto date\n\n:goto period\n晚上\n:edit period\n上午\n".utf8)
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "back"], in: workspace, input: input)
    #expect(result.status == 0)
    #expect(result.text.contains("現在是：2022-05-20（輸入的下一行取代它；空行保留原樣）\n"))
    #expect(result.text.contains("現在是：下午（輸入的下一行取代它；空行保留原樣）\n"))
    // `:edit ADDRESS` alone: an empty line there clears an optional part, so it is not said to keep it.
    #expect(result.text.contains("現在是：晚上（輸入的下一行取代它）\n"))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/back.yaml"), encoding: .utf8)
    #expect(saved.contains("date: '2022-05-20'\n") && saved.contains("period: 上午\n"))
  }

  @Test func existingNameIsRefusedWithWhatToDo() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "twice"], in: workspace, input: Data("2022-05-20\n".utf8))
    let second = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "twice"], in: workspace)
    #expect(second.status == 1)
    #expect(second.stderr.contains("已有名為「twice」的會話；用 `minutes resume twice` 繼續"))
    // Given from another folder, the hint names the workspace, or it would not find the session there.
    let elsewhere = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "twice", "--workspace", workspace.path],
                                   in: workspace.deletingLastPathComponent())
    #expect(elsewhere.status == 1)
    let path = URL(fileURLWithPath: workspace.path).resolvingSymlinksInPath().path
    #expect(elsewhere.stderr.contains("用 `minutes resume twice --workspace \(path)` 繼續"), "\(elsewhere.stderr)")
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/twice.yaml"), encoding: .utf8)
    #expect(saved.contains("2022-05-20"), "the first session must be untouched")
  }

  @Test func resumeContinuesWhereTheClerkLeft() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "later"], in: workspace, input: Data("2022-05-20\n下午\n".utf8))
    let resumed = try Binary.run(["resume", "later"], in: workspace, input: Data("政府代區長\n".utf8))
    #expect(resumed.status == 0)
    #expect(resumed.text.contains("主持人職務> 政府代區長"))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/later.yaml"), encoding: .utf8)
    #expect(saved.contains("title: 政府代區長"))
  }

  @Test func unknownSessionAndTemplateGiveClearErrors() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let export = try Binary.run(["export", "nothing"], in: workspace)
    #expect(export.status == 1)
    #expect(export.stderr == "minutes: error: no session `nothing` in this workspace (it has none yet); start one with `minutes new`.\n")
    let new = try Binary.run(["new", "--template", "nope"], in: workspace)
    #expect(new.status == 1)
    #expect(new.stderr == "minutes: error: no template `nope`; available: board-meeting.en, gov-executive-formal.zh-Hant, gov-executive.zh-Hans, gov-executive.zh-Hant, jiyao.zh-Hans, team-meeting.en. Pass one of them with --template.\n")
  }

  @Test func builtInTemplatesWorkFromAnyDirectory() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "anywhere"], in: workspace, input: Data())
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.text.contains("區政府常務會議報道"))
  }

  @Test func exportOfADraftWithErrorsIsRefusedUnlessDraftAndWriteErrorsAreExplained() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    _ = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "half"], in: workspace, input: Data("2022-05-20\n下午\n".utf8))
    let refused = try Binary.run(["export", "half"], in: workspace)
    #expect(refused.status == 1)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.hasPrefix("minutes: 錯誤 chair.title：缺少必填部分「主持人職務」（:goto chair.title）\n"))
    #expect(refused.stderr.hasSuffix(
      "minutes: error: 「half」還有 5 個錯誤；請用 `minutes resume half` 修正（:check 會列出），或加上 --draft 照樣匯出。\n"))
    let draft = try Binary.run(["export", "half", "--draft"], in: workspace)
    #expect(draft.status == 0)
    #expect(draft.text.hasPrefix("DRAFT 草稿：尚有 5 個錯誤，未定稿。\n5月20日下午，"))
    let nowhere = try Binary.run(["export", "half", "--draft", "-o", "/nonexistent/folder/x.txt"], in: workspace)
    #expect(nowhere.status == 1)
    #expect(nowhere.stderr.hasPrefix("minutes: error: 無法寫入 /nonexistent/folder/x.txt：資料夾 /nonexistent/folder 不存在。"))
    let folder = try Binary.run(["export", "half", "--draft", "-o", workspace.path], in: workspace)
    #expect(folder.stderr == "minutes: error: 無法寫入 \(workspace.path)：它是資料夾；請指定其中的檔案，例如 \(workspace.path)/minutes.txt。\n")
  }

}
