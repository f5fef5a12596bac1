import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// A Chinese session never shows an English sentence: every error a clerk can reach says its message in the
/// session's language. Each error type lists one sample of every case through a `switch` without `default`, so a
/// new case does not compile until it has a sample here.
@Suite struct MessageLanguageTests {
  static let hant = Messages(language: "zh-Hant")
  static let hans = Messages(language: "zh-Hans")

  /// The English words left in `text` once what is not prose is taken out: commands and code (`:edit 2.1`,
  /// `minutes resume 會議`, `--take-over`, `` `x` ``), paths, quoted values, addresses and a few names that are
  /// the same in every language (DRAFT, YAML, UTF-8, Tab, Enter, Ctrl-D…).
  static func englishWords(in text: String) -> [String] {
    var prose = text
    let notProse = [
      #"`[^`]*`"#, #"「[^」]*」"#, #"“[^”]*”"#, #"‘[^’]*’"#, #"《[^》]*》"#,
      #"minutes (?:new|resume|list|export|fmt|check|templates)\b(?:[ ][^\s，。；、（）「」]+)*"#, #"(?<![A-Za-z0-9]):[a-z]+\b(?:[ ][^\s，。；、（）「」]+)*"#,
      // An address naming a part: `chair.title  主持人職務：…` (`:show`), `2.1.verb：…` (a finding).
      #"(?<![A-Za-z])[a-z][A-Za-z]*(?:\.[0-9A-Za-z+]+)*(?=  |：)"#,
      // An address in a list of examples: 、date、present.2。
      #"(?<=[、，（：])[a-z][A-Za-z]*(?:\.[0-9A-Za-z+]+)*(?=[、，。）；]|$)"#,
      #"--[a-z-]+"#, #":\d+:\d+: (?:error|warning):"#, #"(?:[A-Za-z]:)?/[^\s，。；、（）「」]*"#, #"\b[A-Za-z0-9_.+-]+\.(?:yaml|journal|cache|lock|txt)\b"#,
    ]
    for pattern in notProse {
      prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
    }
    let allowed: Set<String> = ["DRAFT", "YAML", "UTF", "JSON", "Tab", "Enter", "Ctrl", "Ctrl-C", "Ctrl-D", "pid", "ICU", "GB", "T", "minutes"]
    // English prose is two or more words in a row, or a capitalized word; a lone lowercase word amid Chinese is
    // a key or an address the clerk types (`回答 date`).
    var words: [String] = []
    for pattern in [#"[A-Za-z]+(?:[ ,'’-]+[A-Za-z]+)+"#, #"\b[A-Z][a-z]+\b"#] {
      var rest = prose[...]
      while let range = rest.range(of: pattern, options: .regularExpression) {
        words += rest[range].components(separatedBy: CharacterSet.letters.inverted)
          .filter { $0.count >= 2 && $0.unicodeScalars.allSatisfy(\.isASCII) && !allowed.contains($0) }
        rest = rest[range.upperBound...]
      }
    }
    var seen: Set<String> = []
    return words.filter { seen.insert($0).inserted }
  }

  @Test func theDetectorFindsEnglishAndPassesChinese() {
    #expect(Self.englishWords(in: "The draft has no 2.1.") == ["The", "draft", "has", "no"])
    #expect(Self.englishWords(in: "已撤銷：回答 date。") == [])
    #expect(Self.englishWords(in: "無法保存：Saved") == ["Saved"])
    #expect(Self.englishWords(in: "草稿中沒有 2.1。輸入 :show 查看現有的地址。").isEmpty)
    #expect(Self.englishWords(in: "「Ann Lee」不是可選項。").isEmpty)
    #expect(Self.englishWords(in: "地址如 2、date、present.2。可用 :show 檢查、:edit 地址 修改。").isEmpty)
    #expect(Self.englishWords(in: "注意：the file was left as it is，請 :save").count == 7)
  }

  /// One of every ``AssistantError``.
  static let assistantErrors: [AssistantError] = {
    let all: [AssistantError] = [
      .unknownCommand("甲"), .usage(command: "edit", usage: ":edit 地址 [新內容]"), .invalidAddress("甲乙"),
      .noSuchPart("9.1"), .noSuchEntry(address: "9", label: "議題", n: 9, count: 0, add: "item"),
      .noSuchEntry(address: "9", label: "議題", n: 9, count: 2, add: "item"), .required(label: "日期"), .notAChoice(answer: "甲", choices: ["審議", "傳達"]),
      .invalidDate("2024-02-30"), .invalidNumber("甲"), .nothingToAdd("、、"), .invalidCount("甲"), .invalidTime("25:00"), .ambiguousTime("7:40"),
      .invalidLine("甲", missing: "表決", example: "王某 贊成"), .notEditable(address: "1.+", hint: "要添加，請用 :add 1"),
      .invalidPosition(position: "9", count: 2), .nothingTo("undo"), .nothingTo("redo"), .interviewFinished,
      .extraWords(command: "save", extra: "甲.txt", usage: ":save"),
      .tooManyPieces("甲 乙 丙", pieces: 3, labels: ["姓名", "單位"], example: "王某 區長"),
      .noHouseChoice("甲", choices: []), .noHouseChoice("甲", choices: ["attendance", "chair"]),
      .commandAfterAnswer(answer: "王芳", command: ":undo"),
    ]
    // Fails to compile when a case is added without a sample above.
    for error in all {
      switch error {
      case .unknownCommand, .usage, .invalidAddress, .noSuchPart, .noSuchEntry, .required, .notAChoice, .invalidDate, .invalidNumber,
        .nothingToAdd, .invalidCount, .invalidTime, .ambiguousTime, .invalidLine, .notEditable, .invalidPosition, .nothingTo,
        .interviewFinished, .extraWords, .tooManyPieces, .noHouseChoice, .commandAfterAnswer:
        break
      }
    }
    return all
  }()

  @Test(arguments: assistantErrors)
  func everyAssistantErrorSpeaksChinese(error: AssistantError) {
    for m in [Self.hant, Self.hans] {
      let message = error.message(m)
      #expect(Self.englishWords(in: message).isEmpty, "\(m.language): \(message)")
      #expect(!message.hasPrefix("error"), "\(message)")
    }
    #expect(!Self.englishWords(in: error.message(Messages(language: "en"))).isEmpty)
  }

  /// One of every ``SessionError``, with file problems of every kind minutes itself reports.
  static let sessionErrors: [SessionError] = {
    let problems = [
      YAMLProblem(file: "/w/sessions/會議.yaml", line: 3, column: 1, message: "the file ends early", chinese: "檔案提前結束"),
      YAMLProblem(file: "/w/sessions/會議.yaml", line: 3, column: 1, message: "at `items`: expected a list",
                  chinese: "`items`：" + DraftMismatch.expectedList.chinese),
    ]
    var all: [SessionError] = problems.flatMap { [.unreadable($0), .recoverable($0, name: "會議")] }
    all += [
      .invalidName("a b", reason: "it contains spaces or control characters"), .invalidName("", reason: "it is empty"),
      .invalidName("-x", reason: "it starts with '-'"), .invalidName(".x", reason: "it contains `.`"),
      .invalidName("a;b", reason: "it contains `;`"), .pathAsName("/etc/passwd"), .pathAsName("sessions/會議.yaml"),
      .invalidName(String(repeating: "長", count: 80), reason: "it is longer than 200 bytes"),
      .exists(name: "會議"), .folderInTheWay(file: "/w/sessions/會議.yaml"), .notFound(name: "會議", available: []), .notFound(name: "會議", available: ["甲", "乙"]),
      .snapshotMissing(name: "會議"), .noSessionsFolder(path: "/w/sessions", reason: .posix(EEXIST)),
      .nothingToRecover(name: "會議", reason: "its file reads fine"),
      .nothingToRecover(name: "會議", reason: "there is no copy of a good snapshot to restore it from"),
      .unsupportedFormat(file: "/w/sessions/會議.yaml", found: 9, supported: 1),
      .locked(name: "會議", pid: 42, host: "主機", since: "2026-12-01T09:00:00Z"),
      .writeFailed(file: "/w/sessions/會議.journal", reason: .posix(ENOSPC)),
      .writeFailed(file: "/w/sessions/會議.journal", reason: .posix(EACCES)),
      .writeFailed(file: "/w/sessions/會議.journal", reason: .posix(EXDEV)),
      .generationExhausted(file: "/w/sessions/會議.yaml", generation: Int.max),
      .strayMarker(file: "/w/sessions/會議.yaml", line: 4),
      .conflicted(file: "/w/sessions/會議.yaml", conflicts: MergeConflict.find(in: "會議:\n<<<<<<< 你的\n  主持: 王某\n=======\n  主持: 李某\n>>>>>>> 拉取的\n")),
    ]
    for error in all {
      switch error {
      case .invalidName, .pathAsName, .exists, .folderInTheWay, .notFound, .snapshotMissing, .noSessionsFolder, .unreadable, .recoverable, .nothingToRecover, .unsupportedFormat, .locked,
        .writeFailed, .generationExhausted, .conflicted, .strayMarker:
        break
      }
    }
    return all
  }()

  /// One of every ``LoadProblem``.
  static let loadProblems: [LoadProblem] = {
    let all: [LoadProblem] = [
      .foreign(journal: "/w/sessions/會議.journal"), .damagedLine(journal: "/w/sessions/會議.journal", line: 7),
      .tornLine(journal: "/w/sessions/會議.journal", line: 9),
      .snapshotChanged(file: "/w/sessions/會議.yaml", name: "會議", good: "/w/sessions/.會議.yaml.good"),
      .snapshotChanged(file: "/w/sessions/會議.yaml", name: "會議", good: nil),
      .cacheDamaged(cache: "/w/sessions/.會議.cache"),
      .unapplied(journal: "/w/sessions/會議.journal", line: 7, keptAs: "/w/sessions/會議.journal.unapplied-1"),
      .unapplied(journal: "/w/sessions/會議.journal", line: 7, keptAs: nil),
    ]
    for problem in all {
      switch problem {
      case .foreign, .damagedLine, .tornLine, .unapplied, .snapshotChanged, .cacheDamaged: break
      }
    }
    return all
  }()

  /// One of every ``TemplateError`` a clerk can meet while drafting (a template's own authoring errors are
  /// checked with `minutes templates check`, in the template author's words, and are not among them).
  static let templateErrors: [TemplateError] = {
    let reasons: [DraftMismatch] = [
      .notAPart(key: "itmes", parts: ["date", "items"]), .expectedList, .expectedMapping(parts: ["title", "name"]),
      .expectedSingleValue, .expectedWholeNumber, .expectedYesOrNo,
    ]
    for reason in reasons {
      switch reason {
      case .notAPart, .expectedList, .expectedMapping, .expectedSingleValue, .expectedWholeNumber, .expectedYesOrNo: break
      }
    }
    var all: [TemplateError] = reasons.map { .draftMismatch(template: "gov-executive.zh-Hant", address: "items", reason: $0) }
    all += [
      .notFound(id: "甲", available: ["gov-executive.zh-Hant"]),
      .unsupportedFormat(file: "/w/templates/甲.yaml", found: 9, supported: 2),
      .unreadable(file: "/w/templates/甲.yaml", reason: .posix(EACCES)),
      .extensionCycle(ids: ["甲", "乙", "甲"]),
    ]
    for error in all {
      switch error {
      case .notFound, .invalid, .unsupportedFormat, .unreadable, .draftMismatch, .extensionCycle: break
      }
    }
    return all
  }()

  /// One of every ``ExportError`` and ``WorkspaceError``.
  static let exportErrors: [any Error] = {
    let exports: [ExportError] = [
      .formatNotInTemplate(format: "text", template: "甲"), .intoSessions(file: "/w/sessions/甲.txt"),
      .isFolder(file: "/w/out"),
      .writeFailed(file: "/w/out.txt", reason: .posix(ENOSPC)),
      .folderMissing(file: "/w/no/out.txt", folder: "/w/no"),
      .fileExists(file: "/w/紀要.txt"), .unknownFormat("甲", available: ["text"]),
      .unknownExtension(file: "/w/紀要.pdf", extension: "pdf"), .unknownScript("甲"),
      .scriptNeedsChinese(template: "board-meeting.en"),
      .invalidStyledExport(template: "甲", message: "`@乙`"), .packageFailed(reason: "甲"),
    ]
    for error in exports {
      switch error {
      case .formatNotInTemplate, .isFolder, .folderMissing, .writeFailed, .intoSessions, .fileExists, .unknownFormat,
           .unknownExtension, .unknownScript, .scriptNeedsChinese, .invalidStyledExport, .packageFailed: break
      }
    }
    let workspace: [WorkspaceError] = [
      .unreadableFile("/w/甲.yaml", reason: .missing), .unreadableFile("/w/甲", reason: .folder),
      .unreadableFile("/w/甲.yaml", reason: .permissions),
      .exportRefused(errors: []),
      .sessionOpen(file: "/w/sessions/甲.yaml", name: "甲", holder: SessionLock.Holder(pid: 42, host: "主機", since: "2026-12-01T09:00:00Z")),
    ]
    for error in workspace {
      switch error {
      case .unreadableFile, .exportRefused, .sessionOpen: break
      }
    }
    let sharing: [SharingError] = [
      .cannotWrite("/w/roster.yaml", reason: .posix(EACCES)), .notARepository("/w/甲"), .noGit, .sessionsOpen(["甲", "乙"]),
      .gitFailed(command: "git push", output: "甲"), .conflicts([SyncConflict(path: "sessions/甲.yaml", kind: .bothChanged), SyncConflict(path: "sessions/乙.yaml", kind: .deletedByOther),
                  SyncConflict(path: "sessions/丙.yaml", kind: .deletedByYou), SyncConflict(path: "sessions/丁.yaml", kind: .bothAdded)]),
      .unresolved(["sessions/甲.yaml"]), .unknownRevision("甲"), .unreadableSession("sessions/甲.yaml", error: .strayMarker(file: "/w/sessions/甲.yaml", line: 3)), .noFolder("/w/甲"),
    ]
    for error in sharing {
      switch error {
      case .cannotWrite, .notARepository, .noGit, .sessionsOpen, .gitFailed, .conflicts, .unresolved, .unknownRevision,
        .unreadableSession, .noFolder: break
      }
    }
    let roster: [RosterError] = [
      .unreadable(YAMLProblem(file: "/w/roster.yaml", line: 2, column: 5, message: "missing key `people[0].name`", chinese: "缺少鍵 `people[0].name`")),
      .exists("王小明"), .invalidValue(""), .spellingTaken("王曉明", by: "王小明"), .cannotWrite("/w/roster.yaml", reason: .posix(EACCES)),
    ]
    for error in roster {
      switch error {
      case .unreadable, .exists, .invalidValue, .spellingTaken, .cannotWrite: break
      }
    }
    return exports + workspace + sharing + roster
  }()

  static let everyError: [any Error] = assistantErrors + sessionErrors + loadProblems + templateErrors + exportErrors

  @Test(arguments: everyError.indices)
  func everyErrorSpeaksTheSessionsLanguage(index: Int) {
    let error = Self.everyError[index]
    for m in [Self.hant, Self.hans] {
      let message = error.message(m)
      #expect(Self.englishWords(in: message).isEmpty, "\(m.language): \(message)")
    }
    #expect(!Self.englishWords(in: error.message(Messages(language: "en"))).isEmpty, "\(error)")
  }
}
