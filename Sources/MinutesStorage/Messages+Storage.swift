import MinutesModel

/// The messages of session storage (see ``SessionError``), in the session's language.
extension Messages {
  /// A name that cannot name a session; the rule is the one ``SessionStore/validate(name:)`` checks.
  func invalidSessionName(_ name: String, reason: String) -> String {
    self("「\(shown(name))」不能作為會話名稱：\(nameReason(reason))。名稱只能用任何文字的字母和數字（包括中文）、「-」或「_」，且不以「-」開頭，例如 常務會議-0520。",
         "`\(shown(name))` cannot be a session name: \(nameReason(reason)). Use letters and digits of any script (CJK included), '-' or '_', not starting with '-', e.g. \(Self.englishExampleName).")
  }

  /// The session name an English message gives as an example (a Chinese one gives 常務會議-0520).
  static let englishExampleName = "board-0311"

  /// Why a name was refused (``SessionStore/validate(name:)`` says it in English).
  func nameReason(_ reason: String) -> String {
    switch reason {
    case "it is empty": return self("名稱是空的", reason)
    case "it starts with '-'": return self("名稱以「-」開頭（命令會把它當作選項）", "it starts with '-' (a command would take it for an option)")
    case "it contains spaces or control characters": return self("名稱含有空格或控制字元", reason)
    case "it is longer than 200 bytes": return self("名稱超過 200 位元組", reason)
    default:
      if reason.hasPrefix("it contains `"), reason.hasSuffix("`") {
        let character = reason.dropFirst("it contains `".count).dropLast()
        return self("名稱含有「\(Messages.visible(String(character)))」", Messages.visible(reason))
      }
      return reason
    }
  }

  /// A path given where a session name is expected.
  func pathAsSessionName(_ path: String) -> String {
    let last = (path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "")
    let stem = last.hasSuffix(".yaml") ? String(last.dropLast(5)) : last
    let isFile = last.hasSuffix(".yaml")
    let stemIsName = (try? SessionStore.validate(name: stem)) != nil && isFile
    let (chinese, english) = stemIsName ? (stem, stem) : ("常務會議-0520", Self.englishExampleName)
    // `minutes check FILE` is the way to a minutes file named by its path; a path of anything else (`--name ../x`)
    // was meant as a name.
    return self("「\(shown(path))」是一個路徑；會話以名稱指稱，例如 \(chinese)（即 sessions/\(chinese).yaml）\(isFile ? "；要檢查一個檔案，請用 `minutes check FILE`" : "")。",
                "`\(shown(path))` is a path; a session is named by its name, e.g. \(english) (the file sessions/\(english).yaml)\(isFile ? "; to check a file use `minutes check FILE`" : "").")
  }

  /// A session created under a name that is taken: how to go on with that session (`resume`, the whole command:
  /// `minutes resume NAME` unless given), or name another.
  public func sessionExists(_ name: String, resume: String? = nil) -> String {
    let resume = resume ?? "minutes resume \(name)"
    return self("已有名為「\(name)」的會話；用 `\(resume)` 繼續，或用 --name 另取一個名稱。",
                "a session named `\(name)` exists already; continue it with `\(resume)` or choose another --name.")
  }

  /// A session name not in the workspace.
  func sessionNotFound(_ name: String, available: [String]) -> String {
    available.isEmpty
      ? self("這個工作區沒有會話「\(shown(name))」（還沒有任何會話）；用 `minutes new` 開始一個。",
             "no session `\(shown(name))` in this workspace (it has none yet); start one with `minutes new`.")
      : self("沒有會話「\(shown(name))」；這裏的會話：\(available.joined(separator: "、"))。",
             "no session `\(shown(name))`; sessions here: \(available.joined(separator: ", ")).")
  }

  /// A session file that does not read.
  func sessionUnreadable(_ problem: YAMLProblem) -> String {
    // `file:line:col: error:` is the diagnostic form in every language (editors and tools read it).
    self("\(problem.place): error: \(problem.message(self))。檔案保持原樣。",
         "\(problem.place): error: \(problem.message). The file was left as it is.")
  }

  /// A session file that does not read, but can be restored.
  func sessionRecoverable(_ problem: YAMLProblem, name: String) -> String {
    sessionUnreadable(problem) + self(
      "最後一份完好的快照和日誌可以還原草稿：`minutes resume \(name) --recover`（損壞的檔案會保留在旁邊）。",
      " The last good snapshot and the journal can restore the draft: `minutes resume \(name) --recover` "
        + "(the damaged file is kept beside it).")
  }

  /// `--recover` for a session that needs none or cannot be restored.
  func nothingToRecover(_ name: String, reason: String) -> String {
    let why = switch reason {
    case "its file reads fine": self("它的檔案可以正常讀取", reason)
    case "there is no copy of a good snapshot to restore it from": self("沒有完好快照的副本可用來還原", reason)
    default: reason
    }
    return self("會話「\(name)」沒有需要還原的內容：\(why)。用 `minutes resume \(name)` 打開它。",
                "nothing to recover for session `\(name)`: \(why). Open it with `minutes resume \(name)`.")
  }

  /// A file of a newer format.
  func unsupportedFormat(_ file: String, found: Int, supported: Int) -> String {
    self("\(file)：minutes 格式 \(found) 比這個版本能讀的（\(supported)）新；請更新 minutes。",
         "\(file): minutes format \(found) is newer than this version reads (\(supported)); update minutes.")
  }

  /// A session open in another `minutes`.
  func sessionLocked(_ name: String, pid: Int32, host: String, since: String) -> String {
    self("會話「\(name)」已在另一個 minutes 中打開（\(host) 上的 pid \(pid)，自 \(since) 起）。請在那裏關閉；如果那個視窗已經不在了，用 `minutes resume \(name) --take-over` 接管這個會話。",
         "session `\(name)` is open in another minutes (pid \(pid) on \(host), since \(since)). Close it there; "
           + "if that window is gone, take the session over with `minutes resume \(name) --take-over`.")
  }

  /// A write that failed (a full disk, permissions).
  func writeFailed(_ file: String, reason: SystemReason) -> String {
    self("無法保存 \(file)：\(reason.message(self))。草稿仍然打開；請釋放空間或修正權限，再輸入 :save。",
         "could not save \(file): \(reason). Your draft is still open; free some space or fix permissions, then :save.")
  }
}

extension Messages {
  /// A snapshot whose generation cannot be incremented.
  func generationExhausted(_ file: String, generation: Int) -> String {
    self("無法保存 \(file)：它的最後一行 `generation: \(generation)` 已是最大的數，下一份快照無法再編號（檔案是否被手動改過？）。檔案保持原樣，草稿仍然打開；請把這一行改成較小的數，再輸入 :save。",
         "could not save \(file): its last line `generation: \(generation)` is the largest number there is, so the next snapshot cannot be numbered (was the file changed by hand?). The file was left as it is and your draft is still open; set that line to a smaller number, then :save.")
  }
}

extension Messages {
  /// A file with git's conflict markers: each conflict's two sides with their lines (the first three conflicts,
  /// each side's first six lines), and how to resolve it.
  func conflicted(_ file: String, conflicts: [MergeConflict]) -> String {
    var text = self("\(file):\(conflicts[0].line): error: 有 \(conflicts.count) 處 git 合併衝突尚未解決；檔案未讀取，也未改動。",
                    "\(file):\(conflicts[0].line): error: \(conflicts.count) unresolved git merge conflict\(conflicts.count == 1 ? "" : "s"); the file was not read and nothing was changed.")
    for conflict in conflicts.prefix(3) {
      for side in [conflict.first, conflict.second] {
        let label = side.label.isEmpty ? "" : " \(Messages.visible(side.label))"
        let lines = side.lines.map { $0.count == 1 ? self("第 \($0.lowerBound) 行", "line \($0.lowerBound)") : self("第 \($0.lowerBound)–\($0.upperBound) 行", "lines \($0.lowerBound)–\($0.upperBound)") }
          ?? self("（無內容）", "(nothing)")
        text += "\n  " + (side == conflict.first ? "<<<<<<<" : ">>>>>>>") + label + self("，", ", ") + lines
        for line in side.text.prefix(6) { text += "\n    " + shown(line) }
        if side.text.count > 6 { text += "\n    " + self("……（另有 \(side.text.count - 6) 行）", "… (\(side.text.count - 6) more lines)") }
      }
    }
    if conflicts.count > 3 { text += "\n  " + self("……另有 \(conflicts.count - 3) 處衝突", "… \(conflicts.count - 3) more conflicts") }
    return text + "\n" + self(
      "在編輯器中打開它，在每處衝突中保留要的一邊，刪去標記行（<<<<<<<、=======、>>>>>>>），然後再打開（在同步中途則再執行 `minutes sync`）。",
      "Open it in an editor, keep the side you want in each conflict and delete the marker lines (<<<<<<<, =======, >>>>>>>), then open it again (or, in the middle of a sync, run `minutes sync` again).")
  }
}

/// The messages of what loading a session found (see ``LoadProblem``).
extension Messages {
  /// A journal of another snapshot.
  func foreignJournal(_ journal: String) -> String {
    self("\(journal) 不屬於這份快照，沒有套用", "\(journal) does not belong to the snapshot; it was not applied")
  }

  /// A damaged line of a journal.
  func damagedJournalLine(_ journal: String, line: Int) -> String {
    self("\(journal):\(line)：這一行已損壞；之前的修改已還原，這一行和之後的修改沒有套用（日誌會另存一份）",
         "\(journal):\(line): damaged line; the edits before it were restored, it and the ones after it were not (the journal is kept aside)")
  }

  /// A journal's last line cut short by a stop while it was written.
  func tornJournalLine(_ journal: String, line: Int) -> String {
    self("\(journal):\(line)：最後一行不完整（minutes 在保存一個修改時停止了，那個修改的提示沒有回來）；這個修改沒有還原，請檢查最後一個回答（日誌會另存一份）",
         "\(journal):\(line): the last line is incomplete (minutes stopped while saving an edit, before its prompt came back); that edit was not restored, so check your last answer (the journal is kept aside)")
  }

  /// A snapshot whose checksum does not match: changed since minutes wrote it.
  func snapshotChanged(_ file: String, name: String, good: String?) -> String {
    let restore = good.map { _ in
      self("如果不是您改的，用 `minutes resume \(name) --recover` 還原 minutes 上次保存的版本（改過的檔案會保留在旁邊）；在改過的檔案上繼續起草時，上次保存的版本另存為 `\(name).yaml.good.saved-…`",
           "if you did not change it, restore what minutes last saved with `minutes resume \(name) --recover` (the changed file is kept beside it); drafting on from the changed file keeps what minutes last saved as `\(name).yaml.good.saved-…`")
    } ?? self("沒有上次保存的副本可以還原", "there is no copy of what minutes last saved to restore")
    return self("\(file)：檔案在 minutes 上次保存後被改過（校驗和不符），按現在的內容讀取；\(restore)",
                "\(file): the file was changed since minutes last saved it (its checksum does not match); it was read as it is now; \(restore)")
  }

  /// A cache that failed its checksum.
  func cacheDamaged(_ cache: String) -> String {
    self("\(cache)：快取已損壞，沒有使用；草稿從快照讀取，快取會在下次保存時重建",
         "\(cache): the cache is damaged and was not used; the draft was read from the snapshot, and the cache is rebuilt at the next save")
  }

  /// A journal edit that does not fit the draft.
  func unappliedJournal(_ journal: String, line: Int, keptAs kept: String?) -> String {
    let copy = kept.map { self("，日誌另存為 \($0)", ", and the journal is kept as \($0)") } ?? ""
    return self("\(journal):\(line)：這一修改與草稿不符（檔案是否被手動改過？）；之前的修改已還原", "\(journal):\(line): the edit does not fit the draft (was the file changed by hand?); the edits before it were restored") + copy
  }
}

/// The notice of a lock taken over (see ``SessionLock``), for the program that opens the session.
extension Messages {
  /// Said when the session `name` was taken over from `holder` (a process that is gone, or `--take-over`).
  public func tookOver(session name: String, from holder: SessionLock.Holder) -> String {
    if holder == .unknown {
      return self("會話「\(name)」的鎖檔案無法讀取（空白或損壞），已換成這裏的。",
                  "the lock of session `\(name)` named no holder (empty or damaged); it was replaced by this one.")
    }
    return self("已從 \(holder.host) 上的 pid \(holder.pid)（自 \(holder.since) 起）接管會話「\(name)」。",
         "took over session `\(name)` from pid \(holder.pid) on \(holder.host) (since \(holder.since)).")
  }

  /// The headings of `minutes list`'s table.
  var sessionTableHeadings: [String] {
    [self("名稱", "NAME"), self("範本", "TEMPLATE"), self("會議日期", "DATE"), self("完成度", "COMPLETE"),
     self("最後修改", "LAST CHANGE")]
  }
  /// A session whose file cannot be read, in `minutes list`.
  var unreadableSession: String { self("無法讀取", "unreadable") }
  /// Required parts filled in, out of how many.
  func completeness(done: Int, total: Int) -> String {
    self("必填 \(done)/\(total)", "\(done) of \(total) required parts")
  }
}
