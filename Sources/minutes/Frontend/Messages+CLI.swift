import MinutesKit

/// Everything the `minutes` command says in words, in Traditional Chinese and English side by side (zh-Hans is
/// made from the Traditional, see ``Messages``). Which language is chosen is said where each is used: the
/// session's or template's when one is concerned, else the environment's locale (``Messages/init(environment:)``).
extension Messages {
  // MARK: - Sessions

  /// `minutes list` in an empty workspace.
  func noSessionsYet(in directory: String) -> String {
    self("\(directory) 中還沒有會話；用 `minutes new` 開始一個。", "No sessions in \(directory) yet; start one with `minutes new`.")
  }

  /// `minutes resume` without a name in an empty workspace.
  var noSessionsInWorkspace: String {
    self("這個工作區還沒有會話；用 `minutes new` 開始一個。", "no sessions in this workspace yet; start one with `minutes new`.")
  }

  /// A session's completeness in the session picker: `12 of 14 required parts`.
  func completeness(_ summary: SessionSummary) -> String {
    guard let done = summary.requiredDone, let total = summary.requiredTotal else { return "?" }
    return self("已完成 \(done)/\(total) 項必填部分", "\(done) of \(total) required parts")
  }

  /// The session picker's question.
  func whichSession(count: Int) -> String {
    self("繼續哪個會話？（1–\(count) 或名稱）：", "Which session? (1–\(count) or a name): ")
  }

  /// The session picker's answer that is neither a number listed nor a session's name.
  func notASessionListed(_ answer: String, count: Int) -> String {
    answer.isEmpty
      ? self("請輸入 1–\(count) 的編號或會話名稱（Ctrl-D 放棄）。", "Type a number from 1 to \(count) or a session's name (Ctrl-D to give up).")
      : self("\(quote(shown(answer)))不是列出的編號，也不是會話名稱；請輸入 1–\(count) 的編號或會話名稱（Ctrl-D 放棄）。",
             "\(quote(shown(answer))) is neither a number listed nor a session's name; type a number from 1 to \(count) or a session's name (Ctrl-D to give up).")
  }

  var noSessionChosen: String {
    self("沒有選擇會話；請執行 `minutes resume NAME`。", "no session chosen; run `minutes resume NAME`.")
  }

  // MARK: - Templates

  var noTemplates: String {
    self("找不到範本；請重新安裝 minutes，或在 templates/ 加入一個。", "no templates found; reinstall minutes or add one to templates/.")
  }

  /// Marks a workspace template in the template chooser.
  var workspaceMark: String { self("  （工作區）", "  (workspace)") }

  /// The template chooser's question.
  func whichTemplate(count: Int) -> String {
    self("用哪個範本？（1–\(count) 或範本 id；Tab 可補全）：", "Which template? (1–\(count) or an id; Tab completes): ")
  }

  var noTemplateChosen: String {
    self("沒有選擇範本；請執行 `minutes new --template ID`（見 `minutes templates`）。",
         "no template chosen; run `minutes new --template ID` (see `minutes templates`).")
  }

  /// A blank answer to the template chooser.
  func typeATemplate(count: Int) -> String {
    self("請輸入 1 到 \(count) 的數字，或範本 id。", "Type a number from 1 to \(count), or a template id.")
  }

  /// An answer to the template chooser that is no template; `close` are the ids it begins.
  func noSuchTemplate(_ text: String, close: [String], count: Int) -> String {
    close.isEmpty
      ? self("沒有範本 `\(shown(text))`。請輸入 1 到 \(count) 的數字，或範本 id。", "No template `\(shown(text))`. Type a number from 1 to \(count), or an id.")
      : self("沒有範本 `\(shown(text))`；是指 \(close.joined(separator: " 或 ")) 嗎？請輸入 1 到 \(count) 的數字，或範本 id。",
             "No template `\(shown(text))`; did you mean \(close.joined(separator: " or "))? Type a number from 1 to \(count), or an id.")
  }

  // MARK: - Export, check, fmt

  /// Why `minutes export` refused a draft with errors.
  func exportRefused(_ name: String, errors: Int) -> String {
    self("「\(name)」還有 \(errors) 個錯誤；請用 `minutes resume \(name)` 修正（:check 會列出），或加上 --draft 照樣匯出。",
         "\(errors) error(s) in `\(name)`; fix them with `minutes resume \(name)` (:check lists them), or export anyway with --draft.")
  }

  /// `minutes export` could not write the export to standard output (a full disk, a closed pipe).
  func exportNotPrinted(_ reason: SystemReason) -> String {
    self("無法把匯出寫到標準輸出：\(reason.message(self))。請釋放空間，或用 -o 寫到別處。",
         "cannot write the export to standard output: \(reason.message(self)). Free some space, or write it elsewhere with -o.")
  }

  /// `minutes export -o FILE` done.
  func exported(_ name: String, to path: String) -> String {
    self("已把「\(name)」匯出到 \(Messages.visible(path))", "exported `\(name)` to \(Messages.visible(path))")
  }

  /// The last line of `minutes check`.
  func checkTotals(errors: Int, warnings: Int) -> String {
    self("\(errors) 個錯誤，\(warnings) 個警告", "\(errors) error(s), \(warnings) warning(s)")
  }

  /// `minutes fmt --check` on a file not in canonical form.
  func wouldReformat(_ path: String) -> String { self("會重新格式化 \(path)", "would reformat \(path)") }

  /// `minutes fmt` rewrote a file.
  func reformatted(_ path: String) -> String { self("已重新格式化 \(path)", "reformatted \(path)") }

  /// The headings of `minutes templates`' table.
  var templateTableHeadings: [String] { [self("範本", "ID"), self("語言", "LANGUAGE"), self("來源", "SOURCE"), self("名稱", "NAME")] }
  /// Where a template comes from, in `minutes templates`.
  func templateSource(_ source: TemplateLibrary.Source, overrides: Bool) -> String {
    switch (source, overrides) {
    case (.builtIn, _): self("內建", "built-in")
    case (.workspace, false): self("工作區", "workspace")
    case (.workspace, true): self("工作區（取代內建）", "workspace (overrides built-in)")
    }
  }
  /// A template that does not load, in `minutes templates` (its error follows the table).
  var unusableTemplate: String { self("無法使用：見下", "unusable: see below") }

  /// After `minutes new --template` named no template: what to pass instead.
  var passATemplate: String { self("用 --template 指定其中一個。", " Pass one of them with --template.") }

  /// `minutes export` of a binary format (DOCX) without `-o`, with standard output a terminal.
  func binaryToTerminal(_ name: String, format: String) -> String {
    self("\(format) 匯出是二進位檔，不能印在終端機上；請用 -o 寫入檔案，例如 minutes export \(name) --format \(format) -o \(name).\(format)",
         "a \(format) export is a binary file and cannot be printed to a terminal; write it to a file with -o, e.g. minutes export \(name) --format \(format) -o \(name).\(format)")
  }
}

// MARK: - Sharing a workspace

extension Messages {
  /// `minutes init`: what was made, what was there already, and what to do next.
  func initialized(_ folder: String, made: [String], kept: [String], git: Bool) -> String {
    var text = made.isEmpty
      ? self("\(folder) 已經是工作區，沒有新增任何檔案。", "\(folder) is a workspace already; nothing was added.")
      : self("已在 \(folder) 建立工作區：\(made.joined(separator: "、"))。", "Made a workspace in \(folder): \(made.joined(separator: ", ")).")
    if !made.isEmpty && !kept.isEmpty { text += self("保留原有的：\(kept.joined(separator: "、"))。", " Kept as they were: \(kept.joined(separator: ", ")).") }
    if git {
      text += self("\n已設為 git 倉庫（會話檔案逐項合併）。加上遠端後即可用 `minutes sync` 與其他記錄員共用：`git remote add origin URL`",
                   "\nIt is a git repository (session files merge part by part). Add a remote to share it with `minutes sync`: `git remote add origin URL`")
    }
    return text + self("\n開始起草：cd \(folder) && minutes new", "\nStart drafting: cd \(folder) && minutes new")
  }

  /// `minutes sync`: what it did.
  func synced(_ report: Workspace.SyncReport) -> String {
    var parts: [String] = []
    for renamed in report.renamed {
      parts.append(self("另一位記錄員已用「\(renamed.from)」命名另一個會議，你的會議改名為「\(renamed.to)」",
                        "another clerk had made a different meeting named ‘\(renamed.from)’, so yours is now ‘\(renamed.to)’"))
    }
    parts.append(report.committed.isEmpty
      ? self("沒有要提交的會話變更", "no session changes to commit")
      : self("已提交：\(report.committed.joined(separator: "、"))", "committed: \(report.committed.joined(separator: ", "))"))
    if !report.deleted.isEmpty { parts.append(self("已提交刪除：\(report.deleted.joined(separator: "、"))", "committed as deleted: \(report.deleted.joined(separator: ", "))")) }
    if !report.others.isEmpty { parts.append(self("另提交了：\(report.others.joined(separator: "、"))", "also committed: \(report.others.joined(separator: ", "))")) }
    if report.hasRemote {
      parts.append(self("取回其他記錄員的提交 \(report.pulled) 個", "brought in \(report.pulled) commit\(report.pulled == 1 ? "" : "s") of other clerks"))
      parts.append(report.pushed ? self("已推送", "pushed") : self("未推送（--no-push）", "not pushed (--no-push)"))
    } else {
      parts.append(self("倉庫沒有遠端，未取回也未推送（`git remote add origin URL`）", "the repository has no remote, so nothing was pulled or pushed (`git remote add origin URL`)"))
    }
    let english = parts.joined(separator: "; ")
    return self("\(parts.joined(separator: "；"))。", "\(english.prefix(1).uppercased())\(english.dropFirst()).")
  }

  /// The merge driver found parts both clerks changed.
  func sessionMergeConflict(_ path: String, parts: [String]) -> String {
    parts.isEmpty
      ? self("\(path)：兩位記錄員的版本無法逐項合併；檔案中保留了兩邊（git 衝突標記）。",
             "\(path): the two clerks' copies could not be merged part by part; the file holds both (git conflict markers).")
      : self("\(path)：兩位記錄員都改了這些部分：\(parts.joined(separator: "、"))；檔案中保留了兩邊（git 衝突標記）。",
             "\(path): both clerks changed these parts: \(parts.joined(separator: ", ")); the file holds both sides (git conflict markers).")
  }
}

extension Messages {
  /// `minutes diff` when nothing changed.
  func noChanges(_ name: String, since revision: String) -> String {
    self("會話「\(name)」自 \(revision) 以來沒有改動。", "Session `\(name)` has not changed since \(revision).")
  }

  /// What separates a label from a value: `：` in Chinese, `: ` in English.
  var colon: String { isChinese ? "：" : ": " }
}

// MARK: - The roster

extension Messages {
  func rosterEmpty(_ file: String) -> String {
    self("名冊（\(file)）還沒有人；用 `minutes roster add 姓名 --title 職務` 添加，或用 `minutes roster learn --add` 從會話中學習。",
         "The roster (\(file)) has no one yet; add people with `minutes roster add NAME --title TITLE`, or learn them from the sessions with `minutes roster learn --add`.")
  }

  func rosterAdded(_ name: String, file: String) -> String {
    self("已把「\(name)」加入 \(file)。", "Added ‘\(name)’ to \(file).")
  }

  func rosterChecked(people: Int, problems: Int) -> String {
    problems == 0 ? self("名冊有 \(people) 人，沒有問題。", "The roster has \(people) \(people == 1 ? "person" : "people") and no problem.")
      : self("名冊有 \(people) 人，\(problems) 個問題。", "The roster has \(people) \(people == 1 ? "person" : "people") and \(problems) problem\(problems == 1 ? "" : "s").")
  }

  func rosterLearned(_ count: Int, added: Bool) -> String {
    if count == 0 { return self("會話中的人都已在名冊中。", "Everyone the sessions name is in the roster already.") }
    return added ? self("已把 \(count) 人加入名冊；可在 roster.yaml 中補上職務和其他寫法。", "Added \(count) \(count == 1 ? "person" : "people") to the roster; add their titles and other spellings in roster.yaml.")
      : self("名冊缺 \(count) 人；用 `minutes roster learn --add` 加入。", "\(count) \(count == 1 ? "person is" : "people are") missing from the roster; add them with `minutes roster learn --add`.")
  }
}

// MARK: - Meetings that follow on, and their action items

extension Messages {
  /// `minutes new --from NAME --template ID` with another template than the previous meeting's.
  func followOnTemplateDiffers(_ id: String, previous: String, meeting: String) -> String {
    self("「\(meeting)」用的範本是 \(previous)，不是 \(id)；接續的會議用同一範本：去掉 --template，或改用 --template \(previous)。",
         "‘\(meeting)’ was drafted with \(previous), not \(id); a meeting that follows on uses the same template: leave out --template, or give --template \(previous).")
  }

  /// What `minutes new --from` took over: the counts, the parts by label, and each open action item with the
  /// meeting it came from. Lines, each ending in a line break.
  /// `minutes new --house SETTING` where the setting names no choice of the template's house style, or none of
  /// its values, or gives no value: what is wrong, what was probably meant (``Spelling/nearest(to:among:)``), and
  /// what the choices and values are.
  func badHouseSetting(_ setting: String, template: Template) -> String {
    let choices = template.houseStyle
    guard !choices.isEmpty else {
      return self("--house \(shown(setting))：範本 \(template.id) 沒有版式選擇。", "--house \(shown(setting)): the template \(template.id) has no house-style choices.")
    }
    let pieces = setting.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    if let choice = template.houseChoice(named: pieces[0]) {
      let key = choice.part.key, values = choice.part.choiceValues
      let written = values.map { "\(key)=\($0)" }
      guard pieces.count == 2, !pieces[1].isEmpty else {
        return self("--house \(shown(setting)) 沒有給出選項。請寫成 \(written.joined(separator: " 或 "))。",
                    "--house \(shown(setting)) gives no value. Write \(written.joined(separator: " or ")).")
      }
      let guess = Spelling.nearest(to: pieces[1], among: values)
      return self("--house \(shown(setting))：\(key) 沒有「\(shown(pieces[1]))」這個選項\(guess.map { "；是不是 \(key)=\($0)？" } ?? "。")可選：\(values.joined(separator: "、"))。",
                  "--house \(shown(setting)): \(key) has no value ‘\(shown(pieces[1]))’\(guess.map { "; did you mean \(key)=\($0)?" } ?? ".") The values are \(values.joined(separator: ", ")).")
    }
    let all = choices.map { "\($0.part.key)=" + $0.part.choiceValues.joined(separator: "|") }
    let guess = Spelling.nearest(to: pieces[0], among: choices.map(\.part.key))
    return self("--house \(shown(setting)) 不是這個範本的版式選擇\(guess.map { "；是不是 \($0)？" } ?? "。")請寫成 項目=選項，可選：\(all.joined(separator: "，"))",
                "--house \(shown(setting)) is not a house-style choice of this template\(guess.map { "; did you mean \($0)?" } ?? ".") Write CHOICE=VALUE, one of: \(all.joined(separator: ", "))")
  }

  /// `minutes new --house` given the same choice (`choice`, as a clerk types its address) twice, with two values.
  func houseSettingTwice(_ choice: String, _ first: String, _ second: String) -> String {
    self("--house 對 \(choice) 給了兩個選項（\(shown(first)) 和 \(shown(second))）；只留下要用的那一個。",
         "--house gives \(choice) twice, as \(shown(first)) and as \(shown(second)); keep the one you mean.")
  }

  /// Said when a session of a template with a house style starts: the choices as they stand, and how to change them.
  func houseStyleNotice(_ choices: [Template.HouseChoice], in minutes: Minutes) -> String {
    let listed = choices.map { "\($0.part.label) \($0.value(in: minutes) ?? "")" }
    return self("版式：\(listed.joinedText(separator: "，"))。輸入 :house 查看各項的寫法並修改（只影響匯出的樣子）。",
                "House style: \(listed.joinedText(separator: ", ")). Type :house to see what each prints and change it (it changes only how the export prints).")
  }

  func carriedOver(_ followOn: FollowOn, from meeting: String, template: Template) -> String {
    guard template.carry != nil else {
      return self("模板「\(template.id)」沒有聲明 carry，不從上一次會議帶入任何內容：這次會議從空白開始。",
                  "Template ‘\(template.id)’ declares no carry, so nothing is carried over from \(meeting): this meeting starts empty.") + "\n"
    }
    // A group without a label of its own is named by its first part's (`presiding`: Presiding officer).
    let labels = followOn.parts.compactMap { Address(stored: $0).flatMap(template.part(at:)) }
      .map { $0.label == $0.key ? $0.parts.first?.label ?? $0.label : $0.label }
    let items = followOn.actions.count
    let named = labels.isEmpty ? "" : self("（\(labels.joined(separator: "、"))）", " (\(labels.joined(separator: ", ")))")
    // A template that carries no action items (a report, a 纪要) says nothing of them.
    var text = template.carry?.actions == nil
      ? self("從「\(meeting)」帶入 \(followOn.parts.count) 個部分\(named)。",
             "Carried over from \(meeting): \(followOn.parts.count) part\(followOn.parts.count == 1 ? "" : "s")\(named).") + "\n"
      : self(
      "從「\(meeting)」帶入 \(followOn.parts.count) 個部分\(named)和 \(items) 個未完成的行動事項（\(followOn.closed) 個已在該次結束，不帶入）。",
      "Carried over from \(meeting): \(followOn.parts.count) part\(followOn.parts.count == 1 ? "" : "s")\(named) and \(items) open action item\(items == 1 ? "" : "s") (\(followOn.closed) closed there, not carried).") + "\n"
    for item in followOn.actions {
      // A hand-edited file may hold escape codes or line breaks: written out, they cannot act on the terminal.
      let owner = item.owner.isEmpty ? self("（無負責人）", "(no owner)") : Messages.visible(item.owner)
      let (task, from) = (Messages.visible(item.task), Messages.visible(item.from))
      let due = item.due.map { self("，期限 \(Messages.visible($0))", ", due \(Messages.visible($0))") } ?? ""
      let unknown = item.unknownStatus.map {
        self("；狀態「\(Messages.visible($0))」不是模板的選項，按未完成帶入", "; its status ‘\(Messages.visible($0))’ is not one of the template’s, so it is carried as open")
      } ?? ""
      text += self("  - \(owner)：\(task)（首見於「\(from)」\(due)\(unknown)）", "  - \(owner): \(task) (from \(from)\(due)\(unknown))") + "\n"
    }
    if items > 0 {
      text += self("每個帶入的行動事項都會問：已完成、再延續還是取消。用 :show 查看帶入的內容，:edit 修改。",
                   "Each carried item will be asked: done, carried again, or dropped. :show lists what was carried; :edit changes it.") + "\n"
    }
    return text
  }
}

extension Messages {
  /// `minutes actions --owner ""`.
  var actionsOwnerEmpty: String {
    self("--owner 需要一個姓名，如 --owner 王芳。", "--owner needs a name, e.g. --owner 'Dana Reyes'.")
  }

  /// A session `minutes actions` could not open and passed over.
  func actionsSessionUnreadable(_ name: String) -> String {
    self("會話「\(name)」無法讀取，其行動事項未列出；用 `minutes check \(name)` 查看原因。",
         "session ‘\(name)’ cannot be read, so its action items are not listed; `minutes check \(name)` says why.")
  }

  /// The heading of the `minutes actions` table.
  var actionsHeading: [String] {
    [self("負責人", "Owner"), self("事項", "Task"), self("期限", "Due"), self("狀態", "Status"), self("首見於", "First recorded"),
     self("最後延續於", "Last carried")]
  }

  /// An action's status in the table, overdue said.
  func actionStatus(_ action: WorkspaceAction) -> String {
    if action.isOverdue { return self("未完成（逾期）", "open, overdue") }
    switch action.status {
    case "open": return self("未完成", "open")
    case "done": return self("已完成", "done")
    case "dropped": return self("已取消", "dropped")
    default: return action.status
    }
  }

  /// `minutes actions` with nothing to list: why, and what to try.
  func noActions(total: Int, filter: ActionItems.Filter, owners: [String]) -> String {
    if total == 0 {
      return self("這個工作區的會話沒有行動事項（只有宣告了 carry.actions 的範本有，如 board-meeting.en）。",
                  "The sessions of this workspace have no action items (only templates that declare carry.actions have them, such as board-meeting.en).")
    }
    if let owner = filter.owner {
      let list = owners.joined(separator: isChinese ? "、" : ", ")
      return self("沒有符合條件的「\(owner)」的行動事項；負責人有：\(list)。", "No action items of ‘\(owner)’ match; the owners are: \(list).")
    }
    if filter.onlyOverdue { return self("沒有逾期的行動事項（共 \(total) 個）。", "No action item is overdue (of \(total)).") }
    return self("沒有未完成的行動事項（共 \(total) 個，都已完成或取消）。", "No open action items (all \(total) are done or dropped).")
  }
}

// MARK: - Command lines refused

extension Messages {
  /// A command line refused (``UsageProblem``); in English, ArgumentParser's own words, but for a command that
  /// does not exist, which it calls an unexpected argument.
  func usage(_ problem: UsageProblem) -> String {
    switch problem {
    case .unknownOption(let option, let suggestion?):
      return self("沒有 \(option) 這個選項；是不是 \(suggestion)？", "Unknown option '\(option)'. Did you mean '\(suggestion)'?")
    case .unknownOption(let option, nil):
      return self("沒有 \(option) 這個選項；可用的選項見下面的用法。", "Unknown option '\(option)'")
    case .missingValue(let option):
      return self("選項 \(option) 缺少值；請把值寫在它後面。", "Missing value for '\(option)'")
    case .unexpectedValue(let option, let value):
      return self("選項 \(option) 不帶值，卻寫了\(quote(value))；只寫 \(option) 即可。",
                  "The option '\(option)' does not take any value, but '\(value)' was specified.")
    case .unknownCommand(let word, let suggestion?):
      return self("沒有\(quote(word))這個命令；是不是 `minutes \(suggestion)`？", "Unknown command '\(word)'. Did you mean 'minutes \(suggestion)'?")
    case .unknownCommand(let word, nil):
      return self("沒有\(quote(word))這個命令；命令列表見 `minutes --help`。", "Unknown command '\(word)'; see 'minutes --help' for the commands.")
    case .unexpectedArguments(let words):
      let quoted = words.map { quote($0) }.joined()
      return words.count == 1
        ? self("多了參數\(quoted)，這個命令不接受；用法見下（含空格的值請加引號）。", "Unexpected argument '\(words[0])'")
        : self("多了 \(words.count) 個參數\(quoted)，這個命令不接受；用法見下（含空格的值請加引號）。",
               "\(words.count) unexpected arguments: '\(words.joined(separator: "', '"))'")
    case .missingArgument(let names) where names.count == 1:
      return self("缺少參數 \(names[0])；用法見下。", "Missing expected argument '\(names[0])'")
    case .missingArgument(let names):
      return self("缺少參數：\(names.joined(separator: "、")) 須有一個；用法見下。", "Missing one of: '\(names.joined(separator: "', '"))'")
    case .invalidValue(let value, let option, let rest):
      let said = rest.drop { $0 == ":" || $0 == "." || $0 == " " }
      return self("\(quote(value))不是 \(option) 可用的值\(said.isEmpty ? "" : "（\(String(said))）")。",
                  "The value '\(value)' is invalid for '\(option)'\(rest)")
    case .other(let message):
      return message
    }
  }

  /// A line ArgumentParser prints after the error of a command line refused, in this language: `Usage: …`
  /// (`用法：…`), `  See 'minutes new --help' for more information.`; `nil` for its `Help:  …` line in Chinese,
  /// which quotes the option's English help (the usage names the option already). Other lines as they are.
  func usageLine(_ line: String) -> String? {
    guard isChinese else { return line }
    if line.hasPrefix("Help:") { return nil }
    if let match = line.wholeMatch(of: /Usage: (.*)/) { return self("用法：\(String(match.1))", line) }
    if let match = line.wholeMatch(of: /(\s*)See '(.*)' for (?:more information|detailed help)\./) {
      return self("\(String(match.1))說明見 `\(String(match.2))`。", line)
    }
    return line
  }
}
