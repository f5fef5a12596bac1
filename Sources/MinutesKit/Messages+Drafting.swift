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

  /// Said when Ctrl-C dropped the line being typed.
  var lineDropped: String { self("（已放棄這一行）", "(line dropped)") }

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

  /// Said when another `minutes` took the session over.
  func takenOver(by other: String) -> String {
    self("這個會話已被另一個 minutes 接管（\(other)），這裏的最後一個修改沒有保存。請在那裏繼續。",
         "Another minutes took this session over (\(other)); the last change here was not saved. Go on there.")
  }
}

/// The assistant's messages (see ``Assistant``), in the session's language.
extension Messages {
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
  /// Said after an entry was added.
  func added(_ shown: String) -> String { self("已添加到 \(shown)。", "Added to \(shown).") }
  /// Said after a deletion.
  func deleted(_ shown: String) -> String { self("已刪除 \(shown)。輸入 :undo 可撤銷。", "Deleted \(shown). Type :undo to bring it back.") }
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
  /// `:export FILE` wrote the file.
  func exported(to path: String) -> String { self("已匯出到 \(path)。", "Exported to \(path).") }
  /// `:export FILE` found the file there: overwrite it?
  func overwriteQuestion(_ path: String, yes: String, no: String) -> String {
    self("\(path) 已存在。要覆蓋它嗎？（\(yes)/\(no)）", "\(path) already exists. Overwrite it? (\(yes)/\(no))")
  }
  /// The prompt of that question.
  var overwritePrompt: String { self("覆蓋？> ", "Overwrite?> ") }
  /// The clerk did not say yes: nothing was written.
  func notOverwritten(_ path: String) -> String {
    self("沒有匯出，\(path) 保持原樣；要覆蓋它，請用 :export! \(path)", "Nothing exported; \(path) is as it was. To overwrite it, use :export! \(path)")
  }
  /// `:export` with errors left: the export is marked as a draft.
  func exportedAsDraft(errors: Int) -> String {
    self("注意：還有 \(errors) 個錯誤，匯出稿標為草稿（DRAFT）；輸入 :check 查看。",
         "Note: \(errors) error(s) remain, so the export is marked DRAFT; type :check to see them.")
  }
}
