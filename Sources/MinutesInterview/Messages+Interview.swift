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
}
