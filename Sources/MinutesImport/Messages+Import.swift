import MinutesModel

extension Messages {
  /// `minutes import`: which template read the text, and how much of it.
  public func importedWith(_ template: String, name: String, lines: Int) -> String {
    self("以模板 \(template) 讀入 \(lines) 行，存為草稿 \(name)。", "Read \(lines) lines with the template \(template); saved as the session \(name).")
  }

  /// The text's house style, as the import read it: the choices that are not the template's default.
  public func importedHouseStyle(_ choices: [String]) -> String {
    choices.isEmpty
      ? self("版式：模板的預設寫法。", "House style: the template's defaults.")
      : self("版式（與預設不同的）：\(list(choices))。", "House style (where it is not the default): \(list(choices)).")
  }

  /// A line set aside: `file:line:col`, what was expected there, and whether the line was read up to there.
  public func unparsedLine(_ file: String, _ line: Importer.Unparsed) -> String {
    let wanted = expectedClause(line.expected)
    if line.readInPart {
      return self("\(file):\(line.line):\(line.column): 這一行從第 \(line.column) 字起與模板的寫法不同：能讀的已讀入，原文整行保留在 unparsed 中\(wanted)：\(quoted(line.text))",
                  "\(file):\(line.line):\(line.column): this line differs from what the template prints from column \(line.column): what could be read was, and the line is kept whole under unparsed\(wanted): \(quoted(line.text))")
    }
    return self("\(file):\(line.line):\(line.column): 讀不懂這一行，原文保留在 unparsed 中\(wanted)：\(quoted(line.text))",
                "\(file):\(line.line):\(line.column): this line could not be read and is kept under unparsed\(wanted): \(quoted(line.text))")
  }

  /// A line read as the end of the line before it (``Importer/Reading/joined``): `file:line: …`.
  public func joinedLine(_ file: String, line: Int) -> String {
    self("\(file):\(line): 讀作上一行的末尾（頁面換行把一行斷成兩行），匯出時印成一行",
         "\(file):\(line): read as the end of the line before it (a long line the page wrapped); the export prints them as one")
  }

  /// What the template expected where a reading stopped (the first four literals, a line break as ⏎), as a clause
  /// that follows the position: `; expected ‘…’ here`; empty for none.
  private func expectedClause(_ expected: [String]) -> String {
    let quoted = expected.prefix(4).map { quote($0.replacingOccurrences(of: "\n", with: "⏎")) }
    return quoted.isEmpty ? "" : self("；此處應為 \(list(Array(quoted)))", "; expected \(list(Array(quoted))) here")
  }

  /// The lines set aside, and what to do with them.
  public func unparsedAdvice(_ count: Int, session: String) -> String {
    self("有 \(count) 行讀不懂，原文保留在草稿的 unparsed 中：minutes check \(session) 會列出；用 minutes resume \(session) 把內容填到該在的地方，再 :delete unparsed。",
         "\(count == 1 ? "1 line could not be read and is" : "\(count) lines could not be read and are") kept in the draft under unparsed: minutes check \(session) lists \(count == 1 ? "it" : "them"); put \(count == 1 ? "its" : "their") content where it belongs with minutes resume \(session), then :delete unparsed.")
  }

  /// The draft read does not print the text back exactly.
  public var importNotExact: String {
    self("注意：草稿匯出的文字與原文不完全相同；請用 minutes export 比對。", "Note: the draft's export is not exactly the text read; compare them with minutes export.")
  }

  /// Where `template` stops reading a text it cannot read (``Importer/stop(of:template:)``): the line and column,
  /// what it expected there, and the line.
  public func stoppedAt(_ file: String, template: String, _ line: Importer.Unparsed) -> String {
    let wanted = expectedClause(line.expected)
    return self("\(file):\(line.line):\(line.column): 模板 \(template) 讀到這裡就讀不下去了\(wanted)：\(quoted(line.text))",
                "\(file):\(line.line):\(line.column): the template \(template) reads no further than here\(wanted): \(quoted(line.text))")
  }

  /// The template named with `--template` reads no line of the text.
  public func templateCannotRead(_ file: String, template: String) -> String {
    self("\(file)：模板 \(template) 讀不懂這份文字；不用 --template 再試一次（會試過所有模板），或先在工作區建立一個模板。",
         "\(file): the template \(template) cannot read this text; try again without --template (every template is tried), or write a workspace template first.")
  }

  /// No template reads the text at all.
  /// - Parameter setAside: the most lines a template could set aside and still be taken.
  public func noTemplateReads(_ file: String, tried: [String], setAside: Int) -> String {
    self("\(file)：沒有模板能在擱置不超過 \(setAside) 行之下讀懂這份文字（試過 \(list(tried))）；用 --template 指定模板，讀不懂的行都會保留在 unparsed 中；或先在工作區建立一個模板。",
         "\(file): no template reads this text setting aside at most \(setAside) lines (tried \(list(tried))); name one with --template to read it keeping every line it cannot read under unparsed, or write a workspace template first.")
  }
}

extension Messages {
  /// `minutes check` given a published text (`.txt`, `.md`) where a session or a minutes file is read.
  public func publishedTextNotDraft(_ file: String) -> String {
    self("\(file) 是一份發表的文字，不是草稿：先用 minutes import \(file) 讀入成草稿，再用 minutes check 草稿名稱 檢查。",
         "\(file) is a published text, not a draft: read it into one with minutes import \(file), then minutes check NAME.")
  }

  /// The file to import cannot be read.
  public func importUnreadable(_ file: String, reason: String) -> String {
    self("讀不到 \(file)：\(reason)", "cannot read \(file): \(reason)")
  }

  /// The file to import is not UTF-8 text.
  public func importNotUTF8(_ file: String) -> String {
    self("\(file) 不是 UTF-8 文字；請先另存為 UTF-8（簡體中文網頁多為 GB18030：iconv -f GB18030 -t UTF-8；繁體多為 Big5：iconv -f BIG5 -t UTF-8）再匯入。",
         "\(file) is not UTF-8 text; save it as UTF-8 first, then import it (a Chinese page is usually GB18030 or Big5: iconv -f GB18030 -t UTF-8; a Western one WINDOWS-1252).")
  }
}

extension Messages {
  /// What page chrome was removed from the text before it was read, one line each (`file:line: …`).
  public func chromeNote(_ file: String, _ note: PageChrome.Note) -> String {
    let what: String
    switch note.kind {
    case .headline: what = self("刪去標題", "removed the headline")
    case .source: what = self("刪去來源行", "removed the source line")
    case .footer: what = self("刪去網站頁腳", "removed the site footer")
    case .pinyin: what = self("刪去拼音註音", "removed pinyin annotations")
    case .caption: what = self("刪去圖片說明", "removed a photo caption")
    case .end: what = self("刪去「完」", "removed the end mark")
    case .rule: what = self("刪去分隔線", "removed a rule line")
    case .page: what = self("刪去頁碼", "removed a page number")
    case .banner: what = self("刪去草稿或發布標示", "removed a draft or posting banner")
    case .running: what = self("刪去每頁重複的頁眉或頁腳", "removed a running header or footer")
    case .wrap: what = self("接回斷行", "joined a wrapped line")
    case .markup: what = self("去掉標記", "removed markup")
    case .control:
      return self("\(file):\(note.line): 刪去控制字元或不可見字元（如 NUL、零寬空格），這一行讀作：\(quoted(note.text))",
                  "\(file):\(note.line): removed control or invisible characters (NUL, zero-width spaces…); the line reads: \(quoted(note.text))")
    case .mojibake:
      return self("\(file):\(note.line): 注意：這一行有 ?? 或 �，原來的字已經遺失，沒有猜測修補；請對照原件改正：\(quoted(note.text))",
                  "\(file):\(note.line): note: this line has ?? or �, where characters were lost; they are not guessed: correct them from the original: \(quoted(note.text))")
    }
    return "\(file):\(note.line): \(what)：\(quoted(note.text))".replacingOccurrences(of: isChinese ? "：" : "：", with: isChinese ? "：" : ": ")
  }
}

extension Messages {
  /// The first line of a variant `--learn` writes.
  public func learnedComment(_ source: String) -> String {
    self("由 minutes import --learn 從 \(source) 讀出的版式：本工作區之後的 minutes new 都照此起草。",
         "The house style minutes import --learn read from \(source): every later minutes new in this workspace drafts in it.")
  }

  /// `--learn` shows the variant before writing it.
  public func learnPreview(_ path: String) -> String {
    self("將寫入 \(path)：", "This would be written to \(path):")
  }

  /// The question before writing.
  public var learnQuestion: String { self("寫入嗎？（是/否）", "Write it? (yes/no)") }

  /// Written.
  public func learnWritten(_ path: String) -> String {
    self("已寫入 \(path)；之後的 minutes new 會照這個版式起草（:house 仍可逐次更改）。",
         "Wrote \(path); later sessions start in this house style (:house still changes it for one session).")
  }

  /// Not written.
  public var learnNotWritten: String { self("沒有寫入。", "Nothing was written.") }

  /// The text was in the template's defaults.
  public var nothingToLearn: String {
    self("這份文字的版式就是模板的預設寫法，沒有要記下的。", "The text is in the template's default house style: there is nothing to learn.")
  }

  /// The workspace has a template of that id already.
  public func learnExists(_ path: String) -> String {
    self("\(path) 已經存在，沒有改寫；要照新的版式，請在其中把 house 各項的 default 改掉。",
         "\(path) exists already and was not changed; to take the new house style, change the defaults of its house choices there.")
  }
}

extension Messages {
  /// The file holds nothing to read.
  public func nothingToImport(_ file: String, chromeOnly: Bool) -> String {
    chromeOnly
      ? self("\(file) 只有網頁的標題、來源、頁腳之類，沒有會議紀要的正文。", "\(file) holds only a page's chrome (headline, source line, footer), no minutes.")
      : self("\(file) 是空的。", "\(file) is empty.")
  }
}

extension Messages {
  /// The draft read has errors (a required part the text does not print).
  public func importedWithErrors(_ count: Int, session: String) -> String {
    self("草稿有 \(count) 個錯誤（原文沒有寫出的必填部分等）：minutes check \(session) 列出；用 minutes resume \(session) 補上。",
         "The draft has \(count) error\(count == 1 ? "" : "s") (required parts the text does not print, or the like): minutes check \(session) lists them; fill them in with minutes resume \(session).")
  }
}

extension Messages {
  /// A line of the file read, as a message quotes it after its `file:line:col`: cut at ``lineShownLength``.
  fileprivate func quoted(_ line: String) -> String { cut(line, limit: Self.lineShownLength) }
}
