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

  /// A line set aside: `file:line:col` and what was expected there.
  public func unparsedLine(_ file: String, _ line: Importer.Unparsed) -> String {
    let expected = line.expected.prefix(4).map { quote($0.replacingOccurrences(of: "\n", with: "⏎")) }
    let wanted = expected.isEmpty ? "" : self("；此處應為 \(list(Array(expected)))", "; expected \(list(Array(expected))) here")
    return self("\(file):\(line.line):\(line.column): 讀不懂這一行，原文保留在 unparsed 中\(wanted)：\(line.text)",
                "\(file):\(line.line):\(line.column): this line could not be read and is kept under unparsed\(wanted): \(line.text)")
  }

  /// The lines set aside, and what to do with them.
  public func unparsedAdvice(_ count: Int, session: String) -> String {
    self("有 \(count) 行讀不懂，原文保留在草稿的 unparsed 中：minutes check \(session) 會列出；用 minutes resume \(session) 把內容填到該在的地方，再 :delete unparsed。",
         "\(count) line\(count == 1 ? "" : "s") could not be read and are kept in the draft under unparsed: minutes check \(session) lists them; put their content where it belongs with minutes resume \(session), then :delete unparsed.")
  }

  /// The draft read does not print the text back exactly.
  public var importNotExact: String {
    self("注意：草稿匯出的文字與原文不完全相同；請用 minutes export 比對。", "Note: the draft's export is not exactly the text read; compare them with minutes export.")
  }

  /// No template reads the text at all.
  public func noTemplateReads(_ file: String, tried: [String]) -> String {
    self("\(file)：沒有模板讀得懂這份文字（試過 \(list(tried))）；用 --template 指定模板，或先在工作區建立一個模板。",
         "\(file): no template can read this text (tried \(list(tried))); name one with --template, or write a workspace template first.")
  }
}

extension Messages {
  /// The file to import cannot be read.
  public func importUnreadable(_ file: String, reason: String) -> String {
    self("讀不到 \(file)：\(reason)", "cannot read \(file): \(reason)")
  }

  /// The file to import is not UTF-8 text.
  public func importNotUTF8(_ file: String) -> String {
    self("\(file) 不是 UTF-8 文字；請先另存為 UTF-8（如 iconv -f GB18030 -t UTF-8）再匯入。",
         "\(file) is not UTF-8 text; save it as UTF-8 first (e.g. iconv -f WINDOWS-1252 -t UTF-8), then import it.")
  }
}
