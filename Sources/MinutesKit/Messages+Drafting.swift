import MinutesModel

/// The drafting loop's messages (see ``DraftingSession``), in the session's language.
extension Messages {
  /// The first line of a session: what is drafted and where every change is saved.
  func drafting(_ name: String, template: String, savedTo path: String) -> String {
    self("起草「\(name)」（\(template)）。每次修改都自動保存到 \(path)。輸入 :help 查看命令。",
         "Drafting ‘\(name)’ (\(template)). Every change is saved to \(path). Type :help for the commands.")
  }

  /// Said when the session ends saved: how to go on.
  func savedToGoOn(_ command: String) -> String { self("已保存。繼續起草：", "Saved. To go on: ") + command }

  /// A list's question asked briefly, for an entry after the first (`label`: the entry's, `出席2`).
  func nextEntry(_ label: String) -> String {
    self("\(label)？（直接按 Enter 結束）", "\(label)? (press Enter when done)")
  }

  /// A list's question asked briefly for an entry the list still needs (fewer entries than its minimum):
  /// without "press Enter when done", which would be refused there.
  func neededEntry(_ label: String) -> String { self("\(label)？", "\(label)?") }

  /// Said when a refused line of a pipe or file ended the session: which line, why reading on would be wrong,
  /// and how to go on. A refused `command` (`:edit 1.verb 原則`) answered no question: the lines after it may count on
  /// what it was to do.
  func stoppedAtRefusedLine(_ number: Int, command: Bool = false, resume: String) -> String {
    // Where to give the corrected lines: the session is saved, so `new` with the same lines would find its name
    // taken; `resume` asks this very question first.
    let goOn = self("改正第 \(number) 行後，把它和之後各行交給 \(resume)，從這個問題接着讀（加 --keep-going 則略過未被採用的行照常讀下去）。",
                    "correct line \(number) and give it and the lines after it to \(resume), which goes on from this question "
                      + "(--keep-going reads on past refused lines).")
    if command {
      return self("已在第 \(number) 行停止：這一行的命令未被執行，之後各行可能是依它執行後的草稿而寫，照常讀下去可能改錯或答錯位置。此前的答案都已保存；",
        "Stopped at line \(number): its command was refused, and the lines after it may have been written for the draft as the "
        + "command would have left it, so reading on could change or answer the wrong things. The answers before it are saved; ")
        + goOn
    }
    return self("已在第 \(number) 行停止：這一行未被採用，之後各行本是依次回答後面的問題，照常讀下去會一一答錯位置。此前的答案都已保存；",
         "Stopped at line \(number): it was refused, and each line after it was written to answer the question after it, so "
         + "reading on would answer every one in the wrong place. The answers before it are saved; ") + goOn
  }

  /// Said when Ctrl-C dropped the line being typed.
  var lineDropped: String { self("（已放棄這一行）", "(line dropped)") }

  /// Said when a line held bytes that are not UTF-8: which byte, and where when the reader knows (a pipe's line
  /// number and the byte's offset in it); at a terminal, it was shown as �, and the terminal's encoding is the
  /// likely cause.
  public func notUTF8(_ line: UndecodableLine) -> String {
    let byte = String(format: "0x%02X", line.byte)
    let more = line.count > 1 ? [self("共 \(line.count) 處", "\(line.count) in all")] : []
    if let number = line.lineNumber {
      let place = line.offset.map { offset in [self("該行第 \(offset) 個位元組", "byte \(offset) of the line")] } ?? []
      let details = (place + more).joined(separator: self("；", "; "))
      let said = details.isEmpty ? "" : self("（\(details)）", " (\(details))")
      return self("第 \(number) 行含無效的 UTF-8 位元組 \(byte)\(said)，未保存；請重新輸入。",
                  "Line \(number) has an invalid UTF-8 byte \(byte)\(said); not saved, type it again.")
    }
    let details = ([self("顯示為 �", "shown as �")] + more).joined(separator: self("；", "; "))
    return self("這一行含無效的 UTF-8 位元組 \(byte)（\(details)），未保存；請重新輸入。終端的編碼多半不是 UTF-8。",
                "This line has an invalid UTF-8 byte \(byte) (\(details)); not saved, type it again. The terminal's encoding is probably not UTF-8.")
  }

  /// Said after `:save`.
  func saved(to path: String) -> String { self("已保存到 \(path)。", "Saved to \(path).") }

  /// Said when `:quit` finds the draft unsaved.
  var notQuitUnsaved: String {
    self("草稿未能保存，所以沒有離開。請釋放磁碟空間或修正權限，再輸入 :quit；要放棄並另存一份，請按 Ctrl-D。",
         "The draft could not be saved, so minutes has not quit. Free some disk space or fix the permissions and :quit again; Ctrl-D leaves with a rescue copy.")
  }

  /// Where the rescue copy of an unsaved draft was written, and how to put it back.
  func rescued(to path: String, sessionFile: String, resume command: String) -> String {
    self("草稿未能保存到工作區；已另存為 \(path)。釋放空間後，把它複製為 \(sessionFile) 再 \(command)。",
         "The draft could not be saved in the workspace; a rescue copy is at \(path). Once there is space, copy it to \(sessionFile) and run \(command).")
  }

  /// Said when neither the session nor a rescue copy could be written.
  var rescueFailed: String {
    self("草稿未能保存，另存也失敗了：最後的修改已遺失。", "The draft could not be saved, nor a rescue copy written: the last changes are lost.")
  }

  /// The start of a resumed session's summary: how many required parts are done.
  func requiredDone(_ done: Int, of total: Int) -> String {
    self("已完成 \(done)/\(total) 項必填部分", "\(done) of \(total) required parts done")
  }

  /// The summary's count of the root's numbered list, e.g. `，共 3 個議題`.
  func entryCount(_ count: Int, label: String) -> String {
    self("，共 \(count) 個\(label)", ", \(count) \(label.lowercased())\(count == 1 ? "" : "s")")
  }

  /// The summary's lead-in to the missing parts.
  var missing: String { self("；尚缺：", "; missing: ") }

  /// The summary's note that more parts are missing than listed.
  func andMore(_ count: Int) -> String { self("等 \(count) 項", " and more (\(count) in all)") }

  /// Said when the snapshot was changed outside minutes while open, and kept aside before being written over.
  func changedOutside(_ file: String, keptAs path: String) -> String {
    self("注意：\(file) 在起草期間被別的程式或手動改過；那一版另存為 \(path)。",
         "Note: \(file) was changed outside minutes while it was open; that version is kept as \(path).")
  }

  /// Said when a save succeeds after an earlier one failed.
  var owedChangesSaved: String {
    self("已保存：之前未能保存的修改也已寫入。", "Saved: the changes that could not be saved before are written now.")
  }

  /// Said after a failed journal write.
  var changeKeptUnsaved: String {
    self("這一修改仍在草稿中，下次修改或 :save 時會再嘗試保存。", "The change is still in the draft; saving is tried again at the next change or :save.")
  }

  /// What was not saved because another `minutes` took the session over (see ``notSaved(_:session:_:resume:)``).
  enum Unsaved {
    /// An action, by its label (`修改 1.subject`, `:undo`).
    case action(String)
    /// A move of the interview (a skipped question, `:goto`).
    case step
    /// The changes owed since a failed write.
    case owed
  }

  /// Said instead of a change's acknowledgement when another `minutes` took the session over: what was not saved,
  /// who holds the session now or that it has since quit, and what to do (`resume`: the command that reopens the
  /// session).
  func notSaved(_ what: Unsaved, session name: String, _ loss: SessionLock.Loss, resume: String) -> String {
    let lead = switch what {
    case .action(let label): self("「\(label)」沒有保存", "‘\(label)’ was not saved")
    case .step: self("這一步沒有保存", "This step was not saved")
    case .owed: self("之前未能保存的修改仍然沒有保存", "The changes that could not be saved before are still not saved")
    }
    switch loss {
    case .heldBy(let holder):
      return lead + self(
        "：會話「\(name)」已被另一個 minutes 接管（\(described(holder))），這個視窗不再寫入。請到那個視窗繼續，在那裏重做這一修改。",
        ": another minutes took session ‘\(name)’ over (\(described(holder))), so this window no longer writes. Go on in that window and make the change there.")
    case .holderQuit(let holder):
      return lead + self(
        "：會話「\(name)」曾被另一個 minutes 接管\(quitHolder(holder))，那個 minutes 已經結束，這個視窗不再寫入。請執行 \(resume) 重新打開（那個 minutes 保存的內容都在），再重做這一修改。",
        ": another minutes took session ‘\(name)’ over\(quitHolder(holder)) and has since quit, so this window no longer writes. Run \(resume) to reopen it with what that one saved, and make the change again.")
    }
  }

  /// Said when `:quit`, `:save` or the end of input finds the session taken over by another `minutes` with nothing
  /// unsaved here: who holds it now or that it has since quit, and what to do.
  func takenOverNothingUnsaved(session name: String, _ loss: SessionLock.Loss, resume: String) -> String {
    switch loss {
    case .heldBy(let holder):
      self("會話「\(name)」已被另一個 minutes 接管（\(described(holder))）；這裏的修改在那之前都已保存，這個視窗不再寫入。請到那個視窗繼續。",
           "Another minutes took session ‘\(name)’ over (\(described(holder))); every change made here before was saved, and this window no longer writes. Go on in that window.")
    case .holderQuit(let holder):
      self("會話「\(name)」曾被另一個 minutes 接管\(quitHolder(holder))，那個 minutes 已經結束；這裏的修改在那之前都已保存，這個視窗不再寫入。要繼續，請執行 \(resume)。",
           "Another minutes took session ‘\(name)’ over\(quitHolder(holder)) and has since quit; every change made here before was saved, and this window no longer writes. To go on, run \(resume).")
    }
  }

  /// A lock's holder in words: `h 上的 pid 42，自 09:00 起`, `pid 42 on h, since 09:00`.
  private func described(_ holder: SessionLock.Holder) -> String {
    self("\(holder.host) 上的 pid \(holder.pid)，自 \(holder.since) 起", "pid \(holder.pid) on \(holder.host), since \(holder.since)")
  }

  /// The holder that took a session over and has since quit, in parentheses; when its lock is gone, that.
  private func quitHolder(_ holder: SessionLock.Holder?) -> String {
    guard let holder else { return self("（它的鎖已不在）", " (its lock is gone)") }
    return self("（\(described(holder))）", " (\(described(holder)))")
  }
}

/// The assistant's messages (see ``Assistant``), in the session's language.
extension Messages {
  /// What was removed from a line before it was used, each item written out (`\u{1B}[2J`), at most three of
  /// a kind: `已從這一行刪除：終端控制序列 \u{1B}[2J、\u{1B}[31m；控制字元 \u{7}。其餘照常採用。`
  func removedFromLine(_ removed: Normalizer.Removed) -> String {
    self("已從這一行刪除：", "Removed from this line: ") + removedItems(removed) + self("。其餘照常採用。", ". The rest is used as typed.")
  }

  /// A line that held only control characters or escape sequences, refused.
  func onlyControls(_ removed: Normalizer.Removed) -> String {
    self("這一行只有", "This line held only ") + removedItems(removed)
      + self("，沒有別的內容，未採用；請重新輸入。", "; nothing was taken. Type it again.")
  }

  /// The kinds of thing removed, each with up to three examples written out and a count of the rest.
  private func removedItems(_ removed: Normalizer.Removed) -> String {
    func examples(_ items: [String]) -> String {
      let shown = items.prefix(3).map(Messages.visible)
      let rest = items.count - shown.count
      return list(shown) + (rest > 0 ? self(" 等共 \(items.count) 個", " and \(rest) more") : "")
    }
    func scalars(_ items: [Unicode.Scalar]) -> [String] { items.map { String($0) } }
    var kinds: [String] = []
    let escapes = removed.escapeSequences, controls = removed.controlCharacters, invisibles = removed.invisibleCharacters
    if !escapes.isEmpty {
      kinds.append(self("終端控制序列 ", escapes.count == 1 ? "the terminal escape sequence " : "the terminal escape sequences ") + examples(escapes))
    }
    if !controls.isEmpty {
      kinds.append(self("控制字元 ", controls.count == 1 ? "the control character " : "the control characters ") + examples(scalars(controls)))
    }
    if !invisibles.isEmpty {
      kinds.append(self("不可見字元 ", invisibles.count == 1 ? "the invisible character " : "the invisible characters ") + examples(scalars(invisibles)))
    }
    return kinds.joined(separator: self("；", "; "))
  }

  /// The prompt's word while a value is edited.
  var editPrompt: String { self("修改", "edit") }
  /// The prompt's count of open errors.
  func errorCount(_ errors: Int) -> String { self("（\(errors) 個錯誤）", "(\(errors) error\(errors == 1 ? "" : "s")) ") }
  /// The prompt once the interview is over.
  var commandPrompt: String { self("命令", "command") }

  /// The undo label of an answer.
  func answerLabel(_ shown: String) -> String { self("回答 \(shown)", "answer \(shown)") }
  /// The undo label of an edit.
  func editLabel(_ shown: String) -> String { self("修改 \(shown)", "edit \(shown)") }
  /// The undo label of an entry added.
  func addLabel(_ shown: String) -> String { self("添加到 \(shown)", "add to \(shown)") }
  /// The undo label of a deletion.
  func deleteLabel(_ shown: String) -> String { self("刪除 \(shown)", "delete \(shown)") }
  /// The undo label of a move.
  func moveLabel(_ shown: String) -> String { self("移動 \(shown)", "move \(shown)") }

  /// Said after an edit.
  func changed(_ shown: String) -> String { self("已修改 \(shown)。", "Changed \(shown).") }
  func unchanged(_ shown: String) -> String { self("\(shown) 沒有改動。", "\(shown) is unchanged.") }
  /// After a change to the part labelled `cause`, the parts `labels` of the same record no longer apply: kept,
  /// not printed.
  func noLongerPrinted(_ labels: [String], because cause: String) -> String {
    self("「\(cause)」改了之後，\(labels.map { "「\($0)」" }.joined(separator: "、"))不再適用：仍保存，但不會印出（:check 會列出；不要的用 :delete 刪除）",
         "With ‘\(cause)’ changed, \(labels.map { "‘\($0)’" }.joined(separator: ", ")) no longer \(labels.count == 1 ? "applies" : "apply"): kept, but not printed (:check lists \(labels.count == 1 ? "it" : "them"); :delete what is not wanted)")
  }
  /// `:house` of a template with none.
  var noHouseStyle: String {
    self("這個範本沒有版式選擇：匯出的樣子由範本決定。", "This template has no house-style choices: its export decides how the minutes print.")
  }
  /// The first line of `:house`.
  func houseHeading(example choice: Template.HouseChoice) -> String {
    let other = choice.part.choiceValues.first { $0 != choice.value(in: Minutes(template: "")) } ?? choice.part.choiceValues.first ?? ""
    return self("本機關的版式選擇（改一項：:house 項目 選項，如 :house \(choice.part.key) \(other)；只影響匯出的樣子）：",
                "The office's house style (to change one: :house CHOICE VALUE, e.g. :house \(choice.part.key) \(other); it changes only how the export prints):")
  }
  /// A line of `:house`: the choice, its value, the values it takes.
  func houseLine(_ choice: Template.HouseChoice, value: String, isDefault: Bool) -> String {
    let values = choice.part.choiceValues
    let mark = isDefault ? self("（預設）", " (the default)") : ""
    return self("  \(choice.part.key)（\(choice.part.label)）：\(value)\(mark)；可選 \(values.joined(separator: "、"))",
                "  \(choice.part.key) (\(choice.part.label)): \(value)\(mark); one of \(values.joined(separator: ", "))")
  }
  /// What a value of a house-style choice prints, after the value in `:house CHOICE`.
  func houseOptionSays(_ phrase: String) -> String { self("：\(phrase)", ": \(phrase)") }
  /// The undo label of `:house CHOICE VALUE`.
  func houseLabel(_ label: String) -> String { self("版式「\(label)」", "house style ‘\(label)’") }
  /// After `:house CHOICE VALUE`.
  func houseChanged(_ label: String, to value: String) -> String {
    self("版式「\(label)」改為「\(value)」；匯出時照此排版（:undo 可撤銷）。", "House style ‘\(label)’ is now ‘\(value)’; the export prints so (:undo takes it back).")
  }

  /// After an answer that also changed another part (`trailing`: the title that ended with the status given).
  func alsoSet(_ label: String, _ value: String, because given: String) -> String {
    self("「\(label)」隨之改為「\(value)」，「\(given)」另外印出，不印兩次；要照原樣留在「\(label)」中印出，請 :undo 後把「\(given)」留空。",
         "‘\(label)’ is now ‘\(value)’: ‘\(given)’ prints on its own, not twice. To keep it in ‘\(label)’ as it was, :undo and leave ‘\(given)’ empty.")
  }

  /// After `:house CHOICE VALUE` naming the value the choice has already.
  func houseAlready(_ label: String, _ value: String) -> String {
    self("版式「\(label)」已是「\(value)」，沒有改動。", "House style ‘\(label)’ is ‘\(value)’ already; nothing changed.")
  }

  /// `:show LIST` of a list with no entries.
  func emptyList(_ label: String, _ shown: String) -> String {
    self("「\(label)」（\(shown)）還是空的，沒有任何條目。輸入 :add \(shown) 添加。",
         "‘\(label)’ (\(shown)) is empty: nothing has been entered. Type :add \(shown) to add to it.")
  }
  /// `:show ADDRESS` of a part not filled in (an optional one, which the outline leaves out).
  func nothingIn(_ label: String, _ shown: String) -> String {
    self("「\(label)」（\(shown)）還沒有填寫。輸入 :edit \(shown) 填寫。",
         "‘\(label)’ (\(shown)) is not filled in. Type :edit \(shown) to fill it in.")
  }
  /// `:show GROUP` of a group with nothing in it: `label` names it (or its questions), `shown` is its address.
  func nothingInGroup(_ label: String, _ shown: String) -> String {
    self("「\(label)」（\(shown)）還沒有填寫。輸入 :goto \(shown) 從這裏填寫。",
         "‘\(label)’ (\(shown)) is not filled in. Type :goto \(shown) to fill it in.")
  }
  /// Said after an entry was added.
  func added(_ shown: String) -> String { self("已添加到 \(shown)。", "Added to \(shown).") }
  /// One line taken as several entries of a list of values, each quoted.
  func takenAsEntries(_ quoted: [String]) -> String {
    self("這一行記為 \(quoted.count) 項：\(quoted.joined(separator: "、"))。", "Taken as \(quoted.count) entries: \(quoted.joined(separator: ", ")).")
  }
  /// Said after a deletion.
  func deleted(_ shown: String) -> String {
    // No space before a quotation mark in Chinese (已刪除「議題2 指示1 要點」), as before an address (已刪除 2.1).
    let space = shown.hasPrefix("「") || shown.hasPrefix("“") ? "" : " "
    return self("已刪除\(space)\(shown)。輸入 :undo 可撤銷。", "Deleted \(shown). Type :undo to bring it back.")
  }
  /// Said after a move.
  func moved(_ shown: String, to position: Int) -> String {
    self("已把 \(shown) 移到第 \(position) 位。", "Moved \(shown) to position \(position).")
  }
  /// Said after `:undo`.
  func undone(_ label: String) -> String { self("已撤銷：\(label)。", "Undone: \(label).") }
  /// Said after `:redo`.
  func redone(_ label: String) -> String { self("已重做：\(label)。", "Redone: \(label).") }

  /// Said when the last question was asked with a required part still missing.
  func backToMissing(_ label: String) -> String {
    self("問題已問完，但還缺必填部分「\(label)」，現在回到那裏。", "That was the last question, but ‘\(label)’ is still missing; back to it.")
  }
  /// Why `:goto` cannot go to a part without a question.
  func noQuestionHint(_ shown: String) -> String {
    self("這一部分沒有問題可問；請用 :edit \(shown)", "there is no question for this part; use :edit \(shown)")
  }
  /// Why `:edit` cannot edit the end of a list.
  func useAddHint(_ list: String) -> String { self("要添加，請用 :add \(list)", "to add an entry, use :add \(list)") }

  /// `:check` with no errors.
  var noErrors: String { self("必填部分都已填寫，沒有錯誤。", "Every required part is filled in; no errors.") }
  /// The heading of `:check`'s errors.
  func errorsHeading(_ count: Int) -> String { self("錯誤（\(count) 項）：", "Errors (\(count)):") }
  var noErrorsYet: String { self("到目前為止沒有錯誤。", "No errors so far.") }
  func toComeHeading(_ count: Int) -> String {
    self("還要問到的（\(count) 項，問到時回答即可）：", "Still to be asked (\(count); answer them when the interview reaches them):")
  }
  /// The heading of `:check`'s warnings.
  func warningsHeading(_ count: Int) -> String { self("提醒（\(count) 項）：", "Warnings (\(count)):") }

  /// The first line of `:help`.
  var helpIntro: String {
    self("回答問題後按 Enter；選填的問題直接按 Enter 跳過。命令以 : 或 ： 開頭：",
         "Answer each question and press Enter; press Enter alone to skip an optional one. Commands start with a colon:")
  }
  /// The last line of `:help`: example addresses.
  func helpAddresses(_ example: String) -> String {
    self("地址：\(example)。Tab 補全命令和選項。", "Addresses: \(example). Tab completes commands and choices.")
  }
  /// Between a list's label and its number in an example address (none in Chinese).
  var labelNumberSpace: String { self("", " ") }
  /// Between the `:add` examples.
  var addSeparator: String { self("、:add ", ", :add ") }
  /// Between the examples of `:help`.
  var exampleSeparator: String { self("，", ", ") }

  /// `:export` without a file, for a format that is no text (DOCX): it cannot be printed.
  func exportNeedsFile(_ format: String) -> String {
    self("\(format) 匯出是二進位檔，不能印在畫面上；請給檔名，例如 :export 紀要.\(format)",
         "a \(format) export is a binary file and cannot be printed here; give a file, e.g. :export minutes.\(format)")
  }
  /// `--format` (of `minutes export` or `:export`) names another format than the extension of the file chooses:
  /// the file is written in the format named, which a program opening it by its extension will not expect.
  public func formatAgainstExtension(_ format: String, file: String, extensionFormat: String) -> String {
    self("以 \(format) 格式寫入 \(Messages.visible(file))，但這個副檔名通常是 \(extensionFormat) 格式。",
         "writing \(format) to \(Messages.visible(file)), whose extension is for \(extensionFormat)")
  }
  /// `:export FILE` wrote the file.
  func exported(to path: String) -> String { self("已匯出到 \(Messages.visible(path))。", "Exported to \(Messages.visible(path)).") }
  /// `:export FILE` found the file there: overwrite it?
  func overwriteQuestion(_ path: String, yes: String, no: String) -> String {
    self("\(Messages.visible(path)) 已存在。要覆蓋它嗎？（\(yes)/\(no)）", "\(Messages.visible(path)) already exists. Overwrite it? (\(yes)/\(no))")
  }
  /// The prompt of that question.
  var overwritePrompt: String { self("覆蓋？> ", "Overwrite?> ") }
  /// The clerk did not say yes: nothing was written.
  func notOverwritten(_ path: String) -> String {
    self("沒有匯出，\(Messages.visible(path)) 保持原樣；要覆蓋它，請用 :export! \(Messages.visible(path))", "Nothing exported; \(Messages.visible(path)) is as it was. To overwrite it, use :export! \(Messages.visible(path))")
  }
  /// `:export` with errors left: the export is marked as a draft.
  func exportedAsDraft(errors: Int) -> String {
    self("注意：還有 \(errors) 個錯誤，匯出稿標為草稿（DRAFT）；輸入 :check 查看。",
         "Note: \(errors) error(s) remain, so the export is marked DRAFT; type :check to see them.")
  }
}

// MARK: - Pastes and the editor

extension Messages {
  /// The undo label of a paste of `count` lines into the list `shown`.
  func pasteLabel(_ count: Int, _ shown: String) -> String {
    self("貼上 \(count) 行到 \(shown)", "paste of \(count) lines into \(shown)")
  }

  /// Said when the pasted lines became entries of a list, from `first` to `last`.
  func pastedAsEntries(_ count: Int, entries: Int, first: String, last: String) -> String {
    self("貼上的 \(count) 行已成為 \(entries) 項：\(first) 至 \(last)；:undo 可一次撤回整次貼上。",
         "The \(count) pasted lines became \(entries) entries, \(first) to \(last); :undo takes the whole paste back.")
  }

  /// Said when several lines (pasted, or from the editor) were joined into one paragraph.
  /// Said when pasted lines that broke sentences were joined again before becoming entries.
  func wrappedLinesJoined(_ count: Int, into entries: Int) -> String {
    self("貼上的 \(count) 行中有句子斷成了幾行（行末沒有句末標點），已接回成 \(entries) 句。",
         "Some of the \(count) pasted lines broke a sentence (no mark at their end): they were joined into \(entries).")
  }

  func linesJoined(_ count: Int) -> String {
    self("這 \(count) 行已合為一段。", "The \(count) lines were joined into one paragraph.")
  }

  /// Said when a paste of several lines came where one line is asked (`label`): nothing was answered.
  /// Said when one line of a paste taken as entries was refused, and so the whole paste was.
  func pasteLineRefused(_ line: Int, of count: Int, _ reason: String) -> String {
    self("貼上的第 \(line) 行（共 \(count) 行）：\(reason)整次貼上都沒有採用；請改正後再貼上，或逐行輸入。",
         "Line \(line) of the \(count) pasted lines: \(reason) None of the lines was taken; correct it and paste again, or type the entries one at a time.")
  }

  func pasteRefused(_ count: Int, label: String?) -> String {
    let part = label.map { self("「\($0)」只收一行", "‘\($0)’ takes one line") } ?? self("這裡只收一行", "this takes one line")
    return self("貼上的內容有 \(count) 行，\(part)，所以一行也沒有採用。請一次貼上一行，或用 :edit 地址 --editor 在編輯器中編寫。",
                "The paste held \(count) lines, but \(part), so none of it was used. Paste one line at a time, or write it in your editor with :edit ADDRESS --editor.")
  }

  /// Said when the editor was left without saving.
  var editorUnchanged: String {
    self("編輯器沒有保存就退出了，內容未修改。", "The editor was left without saving; nothing changed.")
  }

  /// Said when the editor could not be run or failed.
  func editorFailed(_ editor: String, status: Int32) -> String {
    self("編輯器「\(editor)」未能正常執行（結束狀態 \(status)），內容未修改。請用環境變數 VISUAL 或 EDITOR 指定編輯器。",
         "The editor ‘\(editor)’ did not run properly (exit status \(status)); nothing changed. Set VISUAL or EDITOR to the editor to use.")
  }

  /// The answer a question already holds, said where the line cannot be put on the input line to edit (a pipe):
  /// the next line replaces it; at a question (`:goto`), an empty one keeps it (`emptyKeeps`), where an empty
  /// line for `:edit ADDRESS` clears an optional part, as deleting the text on a terminal's line does.
  func currentAnswer(_ value: String, emptyKeeps: Bool) -> String {
    emptyKeeps
      ? self("現在是：\(value)（輸入的下一行取代它；空行保留原樣）", "Now: \(value) (the next line replaces it; an empty line keeps it)")
      : self("現在是：\(value)（輸入的下一行取代它）", "Now: \(value) (the next line replaces it)")
  }

  /// Said when `:edit ADDRESS --editor` is typed where there is no terminal (a pipe).
  var editorNeedsTerminal: String {
    self("只有在終端中才能打開編輯器；請輸入 :edit 地址 新內容。",
         "The editor opens only at a terminal; type :edit ADDRESS NEW-TEXT instead.")
  }
}

// MARK: - Near misses of roster names

extension Messages {
  /// A name typed that the roster has in another form (one character off, or another spelling of it).
  func nearMiss(_ typed: String, name: String) -> String {
    self("「\(Messages.visible(typed))」不在名冊中；名冊有「\(name)」。", "‘\(Messages.visible(typed))’ is not in the roster; the roster has ‘\(name)’.")
  }

  /// After an `:edit` that typed a near miss: the command that takes the roster's form.
  func nearMissEditHint(_ command: String) -> String {
    self("要改用名冊的寫法：\(Messages.visible(command))", "To take the roster's form: \(Messages.visible(command))")
  }

  /// A name typed that is one character off several roster names: none is offered.
  func nearMissOfSeveral(_ typed: String, names: [String]) -> String {
    self("「\(Messages.visible(typed))」不在名冊中，與名冊的 \(names.map { "「\($0)」" }.joined(separator: "、")) 都只差一個字；照打的保存，請核對。",
         "‘\(Messages.visible(typed))’ is not in the roster and is one character off \(names.map { "‘\($0)’" }.joined(separator: " and ")); it is kept as typed: check it.")
  }

  /// The question after near misses: take the roster's form?
  func nearMissQuestion(yes: String, no: String) -> String {
    self("改用名冊的寫法嗎？（\(yes) 或 y 改用名冊的，\(no) 或 n 保留打的）", "Use the roster's form? (\(yes) to use it, \(no) to keep what you typed)")
  }

  /// The prompt of that question.
  func nearMissPrompt(yes: String, no: String) -> String { "\(yes)/\(no)> " }

  /// An answer to it that is neither yes nor no.
  func nearMissYesOrNo(yes: String, no: String) -> String {
    self("請回答 \(yes) 或 y（改用名冊的寫法），\(no) 或 n（保留打的）；輸入命令則放棄這個答案。",
         "Answer \(yes) (use the roster's form) or \(no) (keep what you typed); a command leaves the answer untaken.")
  }

  /// The roster's form was taken.
  func nearMissTaken(_ text: String) -> String { self("已改用名冊的寫法：\(Messages.visible(text))", "Taken in the roster's form: \(Messages.visible(text))") }

  /// The name was kept as typed.
  func nearMissKept(_ text: String) -> String { self("已照打的保存：\(Messages.visible(text))", "Kept as typed: \(Messages.visible(text))") }

  /// A command was typed at a near miss's question: the name was kept as typed first; `edit` takes the roster's
  /// form.
  func nearMissKeptForCommand(_ text: String, edit: String) -> String {
    self("已照打的保存：\(Messages.visible(text))；要改用名冊的寫法：\(edit)", "Kept as typed: \(Messages.visible(text)); to take the roster's form: \(edit)")
  }

  /// Read from a pipe with `--keep-going`, the line after a near miss's question (line `number`) answered
  /// neither yes nor no: the name was kept as typed, and the line answers the next question.
  func nearMissKeptUnanswered(_ text: String, line number: Int) -> String {
    self("第 \(number) 行不是 y 或 n，名字照打的保存：\(Messages.visible(text))；這一行用來回答下一個問題",
         "Line \(number) is not yes or no: the name is kept as typed (\(Messages.visible(text))), and the line answers the next question")
  }
}

// MARK: - Rank order of attendance groups

extension Messages {
  /// An attendance list whose groups are not in the rank order of the roster's titles: the order suggested, and
  /// the first move towards it. Nothing is moved.
  func rankOrder(list: String, suggested: [String], move: String?) -> String {
    let steps = move.map { self("先用 \($0) 調整。", "Start with \($0).") } ?? ""
    return self("\(list)的各組未按名冊的職務排序；按職務應為：\(suggested.joined(separator: "；"))。\(steps)",
                "The groups of \(list) are not in the rank order of the roster's titles; by rank: \(suggested.joined(separator: "; ")). \(steps)")
  }
}
