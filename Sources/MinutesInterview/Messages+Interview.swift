import MinutesModel

/// The words of the interview, the outline and the editor, in the template's language: one place to read and
/// translate them, out of the logic that says them.
extension Messages {
  // MARK: - Interview and outline

  /// After a required part's label in the outline of questions: （必填）, (required).
  var requiredMark: String { self("（必填）", " (required)") }

  /// Between a label and its value in an outline line: ：, `: `.
  var labelSeparator: String { self("：", ": ") }

  /// In place of the value of a required part not filled in.
  var notFilledIn: String { self("（未填）", "(not filled in)") }
  /// Marks a value `:show` lists that is kept for a part that no longer applies.
  var keptNotPrinted: String { self("（不再適用：保存但不印出）", "(no longer applies: kept, not printed)") }

  // MARK: - Editing: hints of what can be edited instead

  /// `:move` named something that is not an entry of a list.
  var onlyEntriesMove: String { self("只有列表中的一項可以移動", "only an entry of a list can be moved") }

  /// `:edit` named the end of the list `list`, where entries are added, not edited.
  func endOfList(_ list: String) -> String {
    self("這是列表的末尾；要添加，請用 :add \(list)", "this is the end of a list; to add an entry, use :add \(list)")
  }

  /// `:edit` named the whole list `list`.
  func wholeList(_ list: String) -> String {
    self("這是整個列表；要添加，請用 :add \(list)；要修改其中一項，請用 :edit \(list).1",
         "this is the whole list; to add, use :add \(list); to change an entry, use :edit \(list).1")
  }

  /// `:edit` named a group; `example` is the address of its first part.
  func editAPart(_ example: String) -> String {
    self("請修改其中的一項，如 :edit \(example)", "edit one of its parts, e.g. :edit \(example)")
  }

  /// The part that makes an entry what it is cannot be emptied alone; the entry `entry` is deleted whole.
  func deleteWholeEntry(_ entry: String) -> String {
    self("要刪除整項，請用 :delete \(entry)", "to remove the whole entry, use :delete \(entry)")
  }

  /// Every command with its usage line and what it does, in the order `:help` lists them (see ``Command``).
  var commandReference: [(name: String, usage: String, summary: String)] {
    [
      ("help", self(":help [命令]", ":help [command]"), self("列出命令，或顯示一個命令的用法", "list the commands, or show how to use one")),
      ("show", self(":show [地址]", ":show [address]"), self("顯示整份草稿及各部分的地址，或只顯示一部分，如 :show 2", "show the draft with the address of every part, or one part, e.g. :show 2")),
      ("goto", self(":goto 地址", ":goto address"), self("跳到某一部分，從那裏繼續問答，如 :goto 2.1.3", "go to a part and go on with the questions from there, e.g. :goto 2.1")),
      ("add", self(":add 列表 [內容]", ":add list [text]"), self("添加一項到列表（見下面的地址）；有內容時立即添加", "add an entry to a list (see the addresses below); with text, at once")),
      ("edit", self(":edit 地址 [新內容]", ":edit address [text]"), self("修改；不給新內容時，把現有內容放到輸入行上修改；加 --editor 則在編輯器中修改", "change a part; without text, its value is put on the line to edit; with --editor, in your editor")),
      ("delete", self(":delete 地址", ":delete address"), self("刪除一項，或清空一個選填欄位", "remove an entry, or clear an optional field")),
      ("move", self(":move 地址 位置", ":move address position"), self("在同一列表中移動，如 :move 3 1 把第3項移到第1位", "move an entry within its list, e.g. :move 3 1")),
      ("undo", ":undo", self("撤銷上一個修改", "undo the last change")),
      ("redo", ":redo", self("重做撤銷的修改", "redo what was undone")),
      ("check", ":check", self("檢查草稿：缺少的必填部分和其他問題", "check the draft: missing required parts and other problems")),
      ("save", ":save", self("保存（每次修改後都已自動保存）", "save (every change is saved already)")),
      ("export", self(":export [檔案] [選項]", ":export [file] [options]"),
       self("匯出：印出，或寫入檔案（格式依副檔名，或用 --format 指定）；--script hans 或 hant 轉為簡體字或繁體字；檔案已存在時先問，:export! 檔案 直接覆蓋",
            "export: print it, or write it to a file (in the format of its extension, or --format name); --script hans or hant writes Simplified or Traditional characters; asks before overwriting a file, :export! file does not")),
      ("house", self(":house [項目 [選項]]", ":house [choice [value]]"),
       self("本機關的版式選擇（出席名單的位置、要點的寫法等）：列出全部，顯示一項，或改一項，如 :house attendance start",
            "the office's house-style choices (where attendance goes, how points are set out…): list them, show one, or change one, e.g. :house attendance start")),
      ("quit", ":quit", self("保存並離開（Ctrl-D 亦可）", "save and leave (Ctrl-D too)")),
    ]
  }
}
