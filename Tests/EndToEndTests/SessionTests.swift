import Foundation
import Testing
import MinutesKit
import MinutesTestSupport

/// Sessions through the built binary: listing, resuming, the lock, and leaving on SIGTERM.
@Suite struct SessionTests {
  /// Drafts a session named `name` from `lines` and dates its file `date` so listings are stable.
  private func draft(_ name: String, _ lines: String, in workspace: URL, date: Date) throws {
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", name], in: workspace, input: Data(lines.utf8))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    try FileManager.default.setAttributes(
      [.modificationDate: date], ofItemAtPath: workspace.appendingPathComponent("sessions/\(name).yaml").path)
  }

  /// `minutes new` closed before any answer writes the session's files once, its index in the cache among them:
  /// resuming it and closing it again writes nothing (the cache was written twice, once by `new` and once more to
  /// add the index, which a resume then had to make).
  @Test func aNewSessionIsWrittenOnceAndAResumeWritesNothing() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let made = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "s"], in: workspace)
    #expect(made.status == 0, "\(made.stderr)")
    let sessions = workspace.appendingPathComponent("sessions")
    func files() throws -> [String: TestSupport.FileStamp] { try TestSupport.fileStamps(in: sessions) }
    let before = try files()
    #expect(before[".s.cache"] != nil)
    Thread.sleep(forTimeInterval: 0.01)  // a write would show in the modification time
    let resumed = try Binary.run(["resume", "s"], in: workspace, input: Data(":quit\n".utf8))
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let after = try files()
    #expect(TestSupport.same(before, after), "resume and :quit rewrote \(after.filter { name, file in before[name].map { $0.modified != file.modified } ?? true }.keys.sorted())")
  }

  @Test func listShowsEverySessionMostRecentFirst() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let empty = try Binary.run(["list"], in: workspace)
    #expect(empty.text == "No sessions in \(workspace.appendingPathComponent("sessions").path) yet; start one with `minutes new`.\n")
    try draft("常務會議-0520", "2022-05-20\n下午\n政府代區長\n", in: workspace, date: Date(timeIntervalSince1970: 1_700_000_000))
    try draft("older", "", in: workspace, date: Date(timeIntervalSince1970: 1_600_000_000))
    try "format: 1\ntemplate: [\n".write(
      to: workspace.appendingPathComponent("sessions/broken.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_500_000_000)],
      ofItemAtPath: workspace.appendingPathComponent("sessions/broken.yaml").path)

    let list = try Binary.run(["list"], in: workspace)
    #expect(list.status == 0)
    let brokenPath = workspace.appendingPathComponent("sessions/broken.yaml").path
    #expect(list.text == """
      NAME           TEMPLATE               DATE        COMPLETE               LAST CHANGE
      常務會議-0520  gov-executive.zh-Hant  2022-05-20  2 of 6 required parts  2023-11-14T22:13:20Z
      older          gov-executive.zh-Hant  -           0 of 6 required parts  2020-09-13T12:26:40Z
      broken         ?                      -           unreadable             2017-07-14T02:40:00Z
      broken: \(brokenPath):3:1: error: YAML syntax: while parsing a flow node did not find expected node content. The file was left as it is.

      """)

    let json = try Binary.run(["list", "--json", "--workspace", workspace.path], in: FileManager.default.temporaryDirectory)
    let decoded = try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]]
    #expect(decoded?.map { $0["name"] as? String } == ["常務會議-0520", "older", "broken"])
    #expect(decoded?.first?["requiredDone"] as? Int == 2)
    #expect(decoded?.first?["requiredTotal"] as? Int == 6)
    #expect(decoded?.first?["meetingDate"] as? String == "2022-05-20")
    #expect(decoded?.first?["lastChange"] as? String == "2023-11-14T22:13:20Z")
    #expect((decoded?.last?["problem"] as? String)?.hasPrefix("\(brokenPath):3:1: error: YAML syntax") == true)
  }

  @Test func resumeOpensWithASummaryAndWithoutANameOffersTheMostRecent() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("a", "2022-05-20\n", in: workspace, date: Date(timeIntervalSince1970: 1_600_000_000))
    try draft("b", "2022-06-01\n上午\n", in: workspace, date: Date(timeIntervalSince1970: 1_700_000_000))
    let resumed = try Binary.run(["resume"], in: workspace, input: Data("1\n區長\n:quit\n".utf8))
    #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
    #expect(resumed.text.hasPrefix("1) b  2022-06-01  1 of 6 required parts  2023-11-14T22:13:20Z\n2) a  2022-05-20"))
    #expect(resumed.text.contains("已完成 1/6 項必填部分，共 0 個議題；尚缺：主持人職務、機構、會議類別、議題1 類型、其他事項。\n"))
    #expect(resumed.text.contains("主持人職務> 區長\n"))
    let saved = try String(contentsOf: workspace.appendingPathComponent("sessions/b.yaml"), encoding: .utf8)
    #expect(saved.contains("title: 區長\n"))
  }

  /// A number not listed, a name that is no session or a blank line at the session picker is said and the
  /// question asked again; the picker does not give up (or open a wrong session) on a slip.
  @Test func theSessionPickerAsksAgainAfterAWrongAnswer() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("a", "2022-05-20\n", in: workspace, date: Date(timeIntervalSince1970: 1_600_000_000))
    var english = ProcessInfo.processInfo.environment
    english["LC_ALL"] = "C.UTF-8"
    let resumed = try Binary.run(["resume"], in: workspace, input: Data("7\nzz\n\n１\n:quit\n".utf8), environment: english)
    #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
    #expect(resumed.text.contains("‘7’ is neither a number listed nor a session's name; type a number from 1 to 1 or a session's name (Ctrl-D to give up).\n"))
    #expect(resumed.text.contains("‘zz’ is neither a number listed nor a session's name;"))
    #expect(resumed.text.contains("Type a number from 1 to 1 or a session's name (Ctrl-D to give up).\n"))
    #expect(resumed.text.contains("Drafting ‘a’") || resumed.text.contains("「a」"), "\(resumed.text)")
    let gaveUp = try Binary.run(["resume"], in: workspace, input: Data("9\n".utf8), environment: english)
    #expect(gaveUp.status == 1)
    #expect(gaveUp.stderr == "minutes: error: no session chosen; run `minutes resume NAME`.\n")
  }

  @Test(arguments: [SIGTERM, SIGHUP])
  func aSecondOpenerIsRefusedAndSigtermOrSighupLeavesCleanly(signal: Int32) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("shared", "2022-05-20\n", in: workspace, date: Date())

    let (first, input, output) = try Binary.start(["resume", "shared"], in: workspace)
    input.write(Data("下午\n".utf8))
    // Wait for the next prompt: the answer is then on disk.
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("主持人職務> ") {
      let chunk = output.availableData
      if chunk.isEmpty { break }
      seen.append(chunk)
    }

    let second = try Binary.run(["resume", "shared"], in: workspace)
    #expect(second.status == 1)
    #expect(second.stderr.hasPrefix("minutes: error: 會話「shared」已在另一個 minutes 中打開（"))
    #expect(second.stderr.contains(" 上的 pid \(first.processIdentifier)，自 "))
    #expect(second.stderr.hasSuffix("用 `minutes resume shared --take-over` 接管這個會話。\n"))

    kill(first.processIdentifier, signal)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    // The lock is left to the next opener, which sees that its holder is gone.
    let reopened = try Binary.run(["resume", "shared"], in: workspace, input: Data(":show period\n:quit\n".utf8))
    #expect(reopened.status == 0)
    #expect(reopened.stderr.hasPrefix("minutes: notice: 已從 "))
    #expect(reopened.stderr.contains(" 上的 pid \(first.processIdentifier)（自 "))
    #expect(reopened.stderr.hasSuffix("起）接管會話「shared」。\n"))
    #expect(reopened.text.contains("period  時段：下午\n"), "the answer given before the signal is kept")
  }

  @Test func aStaleLockIsTakenOverWithANoticeAndALiveOneOnlyWhenAsked() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("left", "2022-05-20\n", in: workspace, date: Date())
    let lock = workspace.appendingPathComponent("sessions/left.lock")
    let host = ProcessInfo.processInfo.hostName

    // A holder that has exited: a process started and waited for.
    let gone = Process()
    gone.executableURL = URL(fileURLWithPath: "/bin/true")
    try gone.run()
    gone.waitUntilExit()
    try "pid: \(gone.processIdentifier)\nhost: \(host)\nsince: 2026-01-01T00:00:00Z\n".write(to: lock, atomically: true, encoding: .utf8)
    let stale = try Binary.run(["resume", "left"], in: workspace, input: Data(":quit\n".utf8))
    #expect(stale.status == 0)
    #expect(stale.stderr == "minutes: notice: 已從 \(host) 上的 pid \(gone.processIdentifier)（自 2026-01-01T00:00:00Z 起）接管會話「left」。\n")
    #expect(!FileManager.default.fileExists(atPath: lock.path), "the lock is released on :quit")

    // A lock from before start times were recorded, naming a live process that is not a `minutes` (its pid was
    // given to another program): stale as well.
    let sleep = Process()
    sleep.executableURL = URL(fileURLWithPath: "/bin/sleep")
    sleep.arguments = ["600"]
    try sleep.run()
    defer {
      kill(sleep.processIdentifier, SIGKILL)  // this runner's threads block SIGTERM, and its children inherit that
      sleep.waitUntilExit()
    }
    try "pid: \(sleep.processIdentifier)\nhost: \(host)\nsince: 2026-01-01T00:00:00Z\n".write(to: lock, atomically: true, encoding: .utf8)
    let unrelated = try Binary.run(["resume", "left"], in: workspace, input: Data(":quit\n".utf8))
    #expect(unrelated.status == 0)
    #expect(unrelated.stderr == "minutes: notice: 已從 \(host) 上的 pid \(sleep.processIdentifier)（自 2026-01-01T00:00:00Z 起）接管會話「left」。\n")

    // A live holder: this test process, named with its start time.
    try SessionLock.Holder(process: getpid()).fileText.write(to: lock, atomically: true, encoding: .utf8)
    let refused = try Binary.run(["resume", "left"], in: workspace, input: Data(":quit\n".utf8))
    #expect(refused.status == 1)
    let taken = try Binary.run(["resume", "left", "--take-over"], in: workspace, input: Data(":quit\n".utf8))
    #expect(taken.status == 0)
    #expect(taken.stderr.hasPrefix("minutes: notice: 已從 \(host) 上的 pid \(getpid())（自 "))
  }

  /// The name is quoted safely: a control character written out, a long name cut at 60 characters.
  @Test(arguments: [
    (".hidden", ".hidden"), ("bad\u{7}name", "bad\\u{7}name"),
    (String(repeating: "長", count: 80), String(repeating: "長", count: 60) + "…（共 80 字）"), ("-x", "-x"), ("a;b", "a;b"), ("x.y", "x.y"),
  ])
  func namesThatAreNoSessionNamesAreRefused(name: String, shown: String) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    // `--name=-x`: with a separate argument, ArgumentParser would take `-x` for an option.
    let result = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name=\(name)"], in: workspace)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("minutes: error: 「\(shown)」不能作為會話名稱："))
    #expect(result.stderr.contains("名稱只能用任何文字的字母和數字（包括中文）、「-」或「_」，且不以「-」開頭"))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("sessions").path)) ?? [] == [])
  }

  /// A path where a session name is expected is said to be one (`resume /etc/passwd` failed at its lock, saying
  /// to free some space).
  @Test(arguments: [["resume", "/etc/passwd"], ["resume", "sessions/s.yaml"], ["export", "/etc/passwd"],
                    ["new", "--template", "gov-executive.zh-Hant", "--name", "../escape"]])
  func aPathWhereANameIsExpectedIsSaidToBeOne(arguments: [String]) throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try Binary.run(arguments, in: workspace, environment: ["LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"])
    let path = arguments.last!
    let isFile = path == "sessions/s.yaml"
    let example = isFile ? "s" : "board-0311"
    // The way to check a file is said for a minutes file named by its path, not for any other path.
    let checkHint = isFile ? "; to check a file use `minutes check FILE`" : ""
    #expect(result.status == 1)
    #expect(result.stderr == "minutes: error: `\(path)` is a path; a session is named by its name, e.g. \(example) (the file sessions/\(example).yaml)\(checkHint).\n"
            || result.stderr.hasPrefix("minutes: error: 「\(path)」是一個路徑；會話以名稱指稱，例如 常務會議-0520"), "\(result.stderr)")
    #expect(!result.stderr.contains("free some space"))
    #expect((try? FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("sessions").path)) ?? [] == [])
  }

  /// The window that lost its session to `--take-over`, the taker having since quit: its next edit is said not to
  /// be saved, first and only (never "已修改"), that the taker has quit, and how to reopen the session.
  @Test func aSessionTakenOverElsewhereStopsWritingHere() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("owned", "2022-05-20\n下午\n", in: workspace, date: Date())
    let (first, input, output) = try Binary.start(["resume", "owned"], in: workspace)
    var seen = ""
    #expect(CrashTests.waitForPrompt(output, &seen))

    let second = try Binary.run(["resume", "owned", "--take-over"], in: workspace, input: Data("區長\n:quit\n".utf8))
    #expect(second.status == 0)
    input.write(Data(":edit date 2022-05-21\n".utf8))
    first.waitUntilExit()
    #expect(first.terminationStatus == 1)
    let rest = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
    #expect(rest == ":edit date 2022-05-21\n「修改 date」沒有保存：會話「owned」曾被另一個 minutes 接管（它的鎖已不在），那個 minutes 已經結束，這個視窗不再寫入。請執行 minutes resume owned 重新打開（那個 minutes 保存的內容都在），再重做這一修改。\n")
    let saved = try Binary.run(["resume", "owned"], in: workspace, input: Data(":show chair.title\n:show date\n:quit\n".utf8))
    #expect(saved.text.contains("chair.title  主持人職務：區長\n"), "the taker's answer stands")
    #expect(saved.text.contains("date  日期：2022-05-20\n"), "the old window wrote nothing")
  }

  /// The same while the taker is still open: the lost window names it (its pid), and says to go on there.
  @Test func aSessionTakenOverByAnOpenWindowNamesIt() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("owned", "2022-05-20\n下午\n", in: workspace, date: Date())
    let (first, input, output) = try Binary.start(["resume", "owned"], in: workspace)
    var seen = ""
    #expect(CrashTests.waitForPrompt(output, &seen))
    let (second, secondInput, secondOutput) = try Binary.start(["resume", "owned", "--take-over"], in: workspace)
    var secondSeen = ""
    #expect(CrashTests.waitForPrompt(secondOutput, &secondSeen))

    input.write(Data(":edit date 2022-05-21\n".utf8))
    first.waitUntilExit()
    #expect(first.terminationStatus == 1)
    let rest = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
    #expect(rest.hasPrefix(":edit date 2022-05-21\n「修改 date」沒有保存：會話「owned」已被另一個 minutes 接管（\(ProcessInfo.processInfo.hostName) 上的 pid \(second.processIdentifier)，自 "))
    #expect(rest.hasSuffix(" 起），這個視窗不再寫入。請到那個視窗繼續，在那裏重做這一修改。\n"))
    #expect(!rest.contains("已修改"))

    secondInput.write(Data(":quit\n".utf8))
    second.waitUntilExit()
    #expect(second.terminationStatus == 0)
  }

  @Test func recoverRefusesWhenThereIsNothingToRecover() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("fine", "2022-05-20\n", in: workspace, date: Date())
    let result = try Binary.run(["resume", "fine", "--recover"], in: workspace, input: Data(":quit\n".utf8))
    #expect(result.status == 1)
    #expect(result.stderr == "minutes: error: 會話「fine」沒有需要還原的內容：它的檔案可以正常讀取。用 `minutes resume fine` 打開它。\n")
  }

  /// A session made before the rule for new names (its name has a `.`) still opens, exports and lists: a stricter
  /// rule for new names never makes a draft unreachable.
  @Test func aSessionNamedBeforeTheRuleStillOpens() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("old", "2022-05-20\n", in: workspace, date: Date())
    let sessions = workspace.appendingPathComponent("sessions")
    for file in try FileManager.default.contentsOfDirectory(atPath: sessions.path) where file.hasPrefix("old.") || file.hasPrefix(".old.") {
      let renamed = file.replacingOccurrences(of: "old.", with: "會議.0520.")
      try FileManager.default.moveItem(at: sessions.appendingPathComponent(file), to: sessions.appendingPathComponent(renamed))
    }
    let resumed = try Binary.run(["resume", "會議.0520"], in: workspace, input: Data(":show date\n:quit\n".utf8))
    #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
    #expect(resumed.text.contains("2022-05-20"))
    let exported = try Binary.run(["export", "會議.0520", "--draft"], in: workspace)
    #expect(exported.status == 0, "stderr: \(exported.stderr)")
    // A new session may not take such a name.
    let refused = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "新.0521"], in: workspace)
    #expect(refused.status == 1)
  }

  /// A session whose files are named in decomposed form (`cafe` and U+0301, as a copy from macOS may name them) is
  /// listed, resumed, checked and exported by its name as typed, in either form, and keeps its files; `new` with
  /// that name says it exists rather than making a second session that lists alike. A folder named like a
  /// snapshot is no session.
  @Test func aSessionNamedInDecomposedFormIsReachedByItsName() throws {
    let workspace = try Binary.temporaryWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace) }
    try draft("cafe", "2022-05-20\n", in: workspace, date: Date())
    let sessions = workspace.appendingPathComponent("sessions")
    let decomposed = "cafe\u{301}"
    for file in try FileManager.default.contentsOfDirectory(atPath: sessions.path) where file.contains("cafe.") {
      let renamed = file.replacingOccurrences(of: "cafe.", with: decomposed + ".")
      #expect(rename(sessions.appendingPathComponent(file).path, sessions.appendingPathComponent(renamed).path) == 0)
    }
    try FileManager.default.createDirectory(at: sessions.appendingPathComponent("folder.yaml"), withIntermediateDirectories: false)
    let list = try Binary.run(["list"], in: workspace)
    #expect(list.status == 0 && list.text.contains(decomposed) && !list.text.contains("folder"), "\(list.text)")
    for typed in ["caf\u{E9}", decomposed] {
      let resumed = try Binary.run(["resume", typed], in: workspace, input: Data(":show date\n:quit\n".utf8))
      #expect(resumed.status == 0 && resumed.text.contains("2022-05-20"), "\(typed.unicodeScalars): \(resumed.stderr)")
      let checked = try Binary.run(["check", typed], in: workspace)
      #expect(checked.stderr.isEmpty || !checked.stderr.contains("no session"), "\(checked.stderr)")
      let exported = try Binary.run(["export", typed, "--draft"], in: workspace)
      #expect(exported.status == 0 && exported.text.contains("5月20日"), "\(exported.stderr)")
    }
    let blocked = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "folder"], in: workspace)
    #expect(blocked.status == 1 && blocked.stderr.contains("folder.yaml 是一個資料夾，不是會話"), "\(blocked.stderr)")
    let again = try Binary.run(["new", "--template", "gov-executive.zh-Hant", "--name", "caf\u{E9}"], in: workspace)
    #expect(again.status == 1 && again.stderr.contains("minutes resume"), "\(again.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: sessions.path).map { Array($0.utf8) }
    #expect(!names.contains(Array("caf\u{E9}.yaml".utf8)) && names.contains(Array((decomposed + ".yaml").utf8)))
  }
}
