import Foundation
import MinutesModel

/// What a copy of published minutes carries besides the minutes, recognised and removed before a text is read,
/// each removal reported with its line: a headline and a `來源：… 發布時間：…` line above the body, a site footer
/// (address, telephone, ICP number, copyright), pinyin a converter site put after characters (`區(qū)`, even
/// inside stock phrases: `其他事項(xiàng)。`), `▲` photo captions, `(完)`, lines of `|` alone, a wiki export's hard
/// wrapping, `[[links]]` and `\$` escapes, a Markdown heading over the text. Mojibake (`??`, U+FFFD) is reported
/// and never repaired: what the characters were is not known.
public enum PageChrome {
  /// One thing removed or found.
  public struct Note: Sendable, Hashable {
    /// The line in the text as given (1-based).
    public var line: Int
    /// What it is.
    public var kind: Kind
    /// The text removed (or, for mojibake, the line it is on).
    public var text: String
  }

  /// The kinds of page chrome.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A headline, or a Markdown heading, above the body.
    case headline
    /// A `來源：… 發布時間：…` line (source, date published, views).
    case source
    /// A site's footer: address, telephone, ICP number, copyright, host.
    case footer
    /// Pinyin in brackets after a character.
    case pinyin
    /// A photo caption starting with ▲.
    case caption
    /// `(完)` closing a news item.
    case end
    /// A line of `|` alone (a table's remains).
    case rule
    /// A line broken where the page was narrow, joined again.
    case wrap
    /// `[[target|label]]` made its label, `\$` made `$`.
    case markup
    /// `??` or U+FFFD where characters were lost (reported, not removed).
    case mojibake
    /// Control or invisible characters (NUL, U+200B…) in a line: removed with the rest of the clean-up an answer
    /// gets, and reported, since the text then differs from the file.
    case control
    /// A page's number on a line of its own, where a PDF's page broke: `Page 1 of 2`, `- 2 -`, `— 2 —` (GB/T
    /// 9704-2012 §7.5 sets a page number between two dashes), `第 2 頁，共 5 頁`.
    case page
    /// A banner over a copy that is not the minutes' text: `DRAFT`, `DRAFT – Subject to Board Approval`, the DRAFT
    /// line of a draft exported with errors, `Posted 2025-03-04`.
    case banner
    /// A running header or footer where a PDF's page broke: a line of the text's title block repeated further
    /// down, alone or with more after a dash or a bar (`Ashby Planning Advisory Committee – February 19, 2025`), or
    /// a line that ends in a page's number after a wide gap or a dash (`Library Board Minutes    Page 2 of 4`).
    case running
  }

  /// `text` without its page chrome, what was removed (and the mojibake found) in line order, and for each line
  /// left the number of its line in `text` (1-based), so that a report on it can name the line given.
  /// - Complexity: O(n) in the length of `text`.
  ///
  /// With `keepingCredits`, a credit line in brackets (`（撰稿人：何佳穎　審稿人：吳承翰）`, `（記者 王某）`,
  /// `（作者：…）`) is kept as the report's own (a template may print one), not removed as a site's footer.
  public static func strip(_ text: String, keepingCredits: Bool = false) -> (text: String, notes: [Note], origins: [Int]) {
    let isFooterLine = { (line: String) in Self.isFooterLine(line) && !(keepingCredits && isCreditLine(line)) }
    var lines = Self.lines(text).enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
    var notes: [Note] = []
    func remove(_ index: Int, _ kind: Kind) {
      notes.append(Note(line: lines[index].number, kind: kind, text: lines[index].text))
      lines.remove(at: index)
    }

    // Above the body: a source line, and every line above it (the headline).
    if let source = lines.prefix(12).firstIndex(where: { isSourceLine($0.text) }) {
      for _ in 0..<source { if !lines[0].text.trimmedSpaces.isEmpty { remove(0, .headline) } else { lines.remove(at: 0) } }
      remove(0, .source)
    }
    // A Markdown heading on the first line.
    if let first = lines.firstIndex(where: { !$0.text.trimmedSpaces.isEmpty }), lines[first].text.hasPrefix("# ") {
      remove(first, .headline)
    }
    // The footer: from the first footer line on, when everything after it is footer or blank (looked for from
    // the end, each line once).
    var tail = lines.endIndex
    while tail > lines.startIndex {
      let text = lines[tail - 1].text
      // Passed too: a rule of `|` and a `(完)` between the report and its footer (each removed by its own rule).
      let trimmed = text.trimmedSpaces
      let passed = trimmed.isEmpty || trimmed.allSatisfy { $0 == "|" || $0 == "｜" || $0 == " " } || ["(完)", "（完）"].contains(String(trimmed))
        || isPageNumber(text) || isBanner(text)
      guard passed || isFooterLine(text) || isSourceLine(text) else { break }
      tail -= 1
    }
    if let start = lines[tail...].firstIndex(where: { isFooterLine($0.text) }) {
      while lines.count > start {
        let text = lines[start].text
        if text.trimmedSpaces.isEmpty {
          lines.remove(at: start)
        } else {
          remove(start, isPageNumber(text) ? .page : isBanner(text) ? .banner : .footer)
        }
      }
    }
    // Running headers and footers: after the title block, which they repeat.
    let (title, end) = titleBlock(lines.map(\.text))
    var later = end
    while later < lines.count {
      if isRunning(lines[later].text, title: title) { remove(later, .running) } else { later += 1 }
    }
    var index = 0
    while index < lines.count {
      let line = String(lines[index].text.trimmedSpaces)
      if line.hasPrefix("▲") {
        remove(index, .caption)
        continue
      }
      if !line.isEmpty, line.allSatisfy({ $0 == "|" || $0 == " " || $0 == "｜" }) {
        remove(index, .rule)
        continue
      }
      if ["(完)", "（完）"].contains(line) {
        remove(index, .end)
        continue
      }
      if isPageNumber(line) {
        remove(index, .page)
        continue
      }
      if isBanner(line) {
        remove(index, .banner)
        continue
      }
      for end in ["(完)", "（完）"] where line.hasSuffix(end) {
        notes.append(Note(line: lines[index].number, kind: .end, text: end))
        lines[index].text = String(line.dropLast(end.count).trimmedSpaces)
      }
      let (unannotated, pinyin) = removingPinyin(lines[index].text)
      if !pinyin.isEmpty {
        notes.append(Note(line: lines[index].number, kind: .pinyin, text: pinyin.joined(separator: " ")))
        lines[index].text = unannotated
      }
      let (plain, markup) = removingMarkup(lines[index].text)
      if !markup.isEmpty {
        notes.append(Note(line: lines[index].number, kind: .markup, text: markup.joined(separator: " ")))
        lines[index].text = plain
      }
      if lines[index].text.includes("??") || lines[index].text.includes("\u{FFFD}") {
        notes.append(Note(line: lines[index].number, kind: .mojibake, text: lines[index].text))
      }
      // A byte-order mark that starts the file is its encoding's, not the text's.
      let scalars = lines[index].text.unicodeScalars.dropFirst(lines[index].number == 1 && lines[index].text.hasPrefix("\u{FEFF}") ? 1 : 0)
      if hasControl(lines[index].text), scalars.contains(where: Self.isControl) {
        notes.append(Note(line: lines[index].number, kind: .control, text: String(String.UnicodeScalarView(scalars.filter { !Self.isControl($0) }))))
      }
      index += 1
    }
    lines = joiningWrapped(lines, notes: &notes)
    notes.sort { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
    return (lines.map(\.text).joined(separator: "\n"), notes, lines.map(\.number))
  }

  /// The lines of `text`, apart at LF, CRLF or CR; a final line break ends the last line, which is then empty.
  /// - Complexity: O(n) in the UTF-8 length of `text` (its bytes are looked at, not its characters: a line
  ///   break always ends a character).
  package static func lines(_ text: String) -> [Substring] {
    let utf8 = text.utf8
    // The breaks' byte offsets, over the bytes in place where the string has them together (a native string, as
    // a file read is): the view's subscript, index by index, cost most of an import's first pass.
    let breaks = utf8.withContiguousStorageIfAvailable(lineBreaks) ?? Array(utf8).withUnsafeBufferPointer(lineBreaks)
    var lines: [Substring] = []
    lines.reserveCapacity(breaks.count + 1)
    var start = utf8.startIndex
    var offset = 0
    for (lineEnd, next) in breaks {
      let end = utf8.index(start, offsetBy: lineEnd - offset)
      lines.append(text[start..<end])
      start = utf8.index(end, offsetBy: next - lineEnd)
      offset = next
    }
    lines.append(text[start...])
    return lines
  }

  /// Where each line of `bytes` (UTF-8) ends and the next begins, as offsets: a line ends at LF, CRLF or CR.
  private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> [(end: Int, next: Int)] {
    var breaks: [(end: Int, next: Int)] = []
    guard let base = bytes.baseAddress else { return breaks }
    // A text with no CR (nearly every one) is split at its LFs, found by `memchr`, which looks at many bytes at once.
    if memchr(base, 0x0D, bytes.count) == nil {
      var start = 0
      while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
        let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        breaks.append((end, end + 1))
        start = end + 1
      }
      return breaks
    }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == 0x0A || byte == 0x0D else { continue }
      let end = index - 1
      if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
      breaks.append((end, index))
    }
    return breaks
  }

  /// `來源：區政府辦公室 發布時間：2024-09-13`, `来源：`, `發布日期：`, `Source: … Published: …`: a line that starts
  /// with one of these labels and its colon, or a short one with `發布時間：` in it. The words without the colon are
  /// a report's own (`…逐条标明政策文件的发布时间和有效期；`, a trial's directive).
  static func isSourceLine(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    if sourceMarkers.contains(where: { marker in
      text.hasPrefix(marker) && (marker.hasSuffix(":") || marker.hasSuffix("：") || Self.colonFollows(text.dropFirst(marker.count)))
    }) {
      return true
    }
    guard text.prefix(120).count < 120 else { return false }
    return ["發布時間", "发布时间"].contains { label in
      var rest = text[...]
      while let found = rest.range(of: label) {
        if Self.colonFollows(rest[found.upperBound...]) { return true }
        rest = rest[found.upperBound...]
      }
      return false
    }
  }

  /// Whether `text` starts with a colon, of either width, after spaces.
  private static func colonFollows(_ text: Substring) -> Bool {
    let first = text.first { $0 != " " && $0 != "\u{3000}" }
    return first == "：" || first == ":"
  }

  /// The labels a source line starts with.
  private static let sourceMarkers = ["來源：", "来源：", "來源:", "来源:", "發布時間", "发布时间", "發布日期", "发布日期", "瀏覽次數", "浏览次数", "Source:", "Published:"]

  /// Whether `scalar` is a control (but a tab) or an invisible format character that the clean-up of the text
  /// removes: C0 and C1 controls, DEL, zero-width spaces and joiners, word joiners, byte-order marks.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2060, 0xFEFF: true
    default: false
    }
  }

  /// Whether `text` has a scalar ``isControl(_:)`` finds, told from its UTF-8 bytes: a report's line is a
  /// paragraph of thousands of characters, and nearly every one has none.
  static func hasControl(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(hasControl) ?? Array(text.utf8).withUnsafeBufferPointer(hasControl)
  }

  /// ``hasControl(_:)`` over UTF-8 `bytes`. The scalars' encodings: U+0000–U+001F (but the tab) and U+007F are
  /// their byte; U+0080–U+009F `C2 80`–`C2 9F`; U+200B–U+200F `E2 80 8B`–`E2 80 8F`; U+2060 `E2 81 A0`; U+FEFF
  /// `EF BB BF`. `C2`, `E2` and `EF` only ever start a scalar.
  private static func hasControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    for index in 0..<count {
      switch bytes[index] {
      case 0x09: continue
      case 0x00...0x1F, 0x7F: return true
      case 0xC2:
        if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
      case 0xE2:
        guard index + 2 < count else { continue }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if (second == 0x80 && (0x8B...0x8F).contains(third)) || (second == 0x81 && third == 0xA0) { return true }
      case 0xEF:
        if index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return true }
      default: continue
      }
    }
    return false
  }


  /// Whether a line of `text` is a credit line (``isCreditLine(_:)``): where none is, the text is stripped alike
  /// with and without `keepingCredits`.
  public static func hasCreditLine(_ text: String) -> Bool {
    lines(text).contains { isCreditLine(String($0)) }
  }

  /// A line of a site's footer.
  /// Whether `line` is a credit in brackets, the whole line: `（撰稿人：…　審稿人：…）`, `（記者 …）`, `（作者：…）`.
  static func isCreditLine(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    guard (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")")) else { return false }
    return creditMarkers.contains { text.includes($0) }
  }

  /// The words a report's own credit line begins its names with.
  private static let creditMarkers = ["撰稿", "審稿", "审稿", "攝影", "摄影", "記者", "记者", "作者", "編輯", "编辑"]

  /// Whether `line` is a page's number alone: `Page 2`, `Page 2 of 5`, `Page 2 of 5 Pages`, `page 2/5`, `Page | 2`,
  /// `2 | Page`, `2 of 5`, `- 2 -`, `— 2 —`, `－ 2 －`, `·2·`, `第2頁`, `第 2 页 共 5 页`, `第2頁，共5頁`, `第2页/共5页`
  /// (digits of either width). A number alone (`2`) is not: a list may number its entries so.
  static func isPageNumber(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    guard !text.isEmpty, text.utf8.count <= 72, text.contains(where: \.isNumber) else { return false }
    return pageNumberPatterns.contains { text.wholeMatch(of: $0) != nil }
  }

  nonisolated(unsafe) private static let pageNumberPatterns: [Regex<Substring>] = [
    /(?i)page\s*\|?\s*\d+(?:\s*(?:of|\/)\s*\d+(?:\s*pages)?)?/,
    /(?i)\d+\s*(?:\|\s*page|of\s+\d+(?:\s*pages)?)/,
    /[-–—－·•]+\s*\d+\s*[-–—－·•]+/,
    /第\s*\d+\s*[頁页](?:\s*[，,\/／]?\s*共\s*\d+\s*[頁页])?/,
    /共\s*\d+\s*[頁页]\s*[，,]?\s*第\s*\d+\s*[頁页]/,
  ]

  /// The title block of a text's lines: its first lines that are not blank, a banner or a page's number (three at
  /// most, up to the first line of more than 80 characters), those of 8 characters or more, trimmed; and the
  /// index of the line after the block.
  static func titleBlock(_ lines: [String]) -> (lines: [String], end: Int) {
    var block: [String] = []
    var end = 0
    for (index, line) in lines.enumerated() {
      let text = String(line.trimmedSpaces)
      if text.isEmpty || isBanner(text) || isPageNumber(text) { continue }
      if text.count > 80 || block.count == 3 { break }
      block.append(text)
      end = index + 1
    }
    return (block.filter { $0.count >= 8 }, end)
  }

  /// Whether `line` is a running header or footer (``Kind/running``) of a text whose title block is `title`: the
  /// body's name as the title block gives it (one of its lines, two of them on one line, or one with a word or two
  /// before it: `Ashby Planning Advisory Committee` under `Town of Ashby` / `Planning Advisory Committee`), alone or
  /// with a date or the like after a dash or a bar.
  static func isRunning(_ line: String, title: [String]) -> Bool {
    let text = String(line.trimmedSpaces)
    // Counting at most 121 characters: a report's paragraphs are thousands (`count` walks them all).
    guard !text.isEmpty, text.prefix(121).count <= 120 else { return false }
    // The pattern only for a line that has a line of the title block in it.
    if title.contains(where: { text.includes($0) }) {
      var name = Substring(text)
      if let separator = text.firstMatch(of: /\s+[–—|-]\s+/) {
        name = text[..<separator.range.lowerBound]
        guard text[separator.range.upperBound...].count <= 60 else { return false }
      }
      let pairs = zip(title, title.dropFirst()).map { $0 + " " + $1 }
      if title.contains(String(name)) || pairs.contains(String(name)) { return true }
      for heading in title where name.hasSuffix(heading) {
        let before = name.dropLast(heading.count)
        if before.count <= 16, before.last == " " { return true }
      }
    }
    // Only a line that ends in a digit with `page` shortly before it is matched against the pattern.
    guard text.last?.isNumber == true, String(text.suffix(18)).lowercased().includes("page") else { return false }
    return text.wholeMatch(of: /.{4,100}?(?:\s{2,}|\t|\s[–—|-]\s)(?i:page)\s*\d+(?:\s*(?:of|\/)\s*\d+)?/) != nil
  }

  /// Whether `line` is a banner over a copy: `DRAFT` alone; `DRAFT` in capitals then a dash, a colon or `草稿`
  /// (`DRAFT – Subject to Board Approval`, `DRAFT — 2 error(s) remain; not final.`, `DRAFT 草稿：尚有 2 個錯誤…`);
  /// `Draft – subject to approval`, `Draft: not yet approved`, `DRAFT MINUTES`, `Draft Minutes – Not Yet Approved`;
  /// `Subject to Board Approval` alone, `These minutes are subject to approval by the Board of Trustees.`,
  /// `UNOFFICIAL UNTIL APPROVED`; `Posted 2025-03-04`,
  /// `Posted on: March 5, 2025`, `Posted 3/14/2025 at 4:15 PM` (a date after it, nothing else). A sentence that
  /// starts with the word (`Draft minutes of January 8 were approved.`) is the minutes' own.
  static func isBanner(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    // Most lines are not looked at further: a banner starts with D, U, S, P or T, and is short.
    guard let first = text.utf8.first, [UInt8(ascii: "D"), UInt8(ascii: "U"), UInt8(ascii: "S"), UInt8(ascii: "P"), UInt8(ascii: "T")].contains(first & 0xDF),
      text.utf8.count <= 160, text.count <= 80
    else { return false }
    return bannerPatterns.contains { text.wholeMatch(of: $0) != nil }
  }

  nonisolated(unsafe) private static let bannerPatterns: [Regex<Substring>] = [
    /(?i)(?:unapproved\s+)?draft(?:\s+minutes)?/,
    /(?i)(?:these|the)\s+minutes\s+(?:are|remain)\s+(?:subject\s+to|pending)(?:\s+\S+){0,6}\s+approval(?:\s+by(?:\s+\S+){1,6})?\.?/,
    /(?i)unofficial(?:\s+minutes)?\s+until\s+approved\.?/,
    /DRAFT\s*(?:[–—:\-]|草稿).*/,
    /(?i)draft(?:\s+minutes)?\s*[–—:\-]\s*(?:subject\s+to|not\s+(?:yet\s+)?(?:final|approved)|pending|for\s+(?:review|approval|discussion)).*/,
    /(?i)(?:subject\s+to|pending)(?:\s+\S+){0,3}\s+approval\.?/,
    /(?i)posted(?:\s+on)?\s*:?\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]+\.?\s+\d{4})(?:[\s,]+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?\.?/,
  ]

  /// Whether `line` is a line of a site's footer: one of ``footerMarkers`` within its first few characters
  /// (`地址：…  電話：…`, `遼ICP備12345678號`, `（撰稿人：…）`, `Copyright © 2025 …`). A marker further in is the
  /// minutes' own words (`- Bram Kuipers: Add "© 2025 Lanternfish Software" to the footer.`, a trial's action item).
  static func isFooterLine(_ line: String) -> Bool {
    let text = line.trimmedSpaces
    guard !text.isEmpty else { return false }
    let head = text.prefix(footerMarkerWithin + 8)
    return footerMarkers.contains { marker in
      guard let found = head.range(of: marker) else { return false }
      return head.distance(from: head.startIndex, to: found.lowerBound) < footerMarkerWithin
    }
  }

  /// How many characters may come before a footer's marker: a province's abbreviation before `ICP`, a bracket
  /// before `撰稿`, `Copyright` before `©`.
  static let footerMarkerWithin = 12

  /// The words of a site's footer, the credits under a news item (撰稿, 攝影…) among them; those that end with a
  /// colon in both widths.
  private static let footerMarkers: [String] = [
    "ICP", "版權所有", "版权所有", "主辦單位", "主办单位", "承辦單位", "承办单位", "網站標識碼", "网站标识码", "公網安備", "公网安备",
    "聯繫電話", "联系电话", "聯繫我們", "联系我们", "郵編", "邮编", "Copyright", "©", "技術支持", "技术支持",
    "備案號", "备案号", "責任編輯", "责任编辑", "打印本頁", "打印本页", "關閉窗口", "关闭窗口", "撰稿", "審稿", "审稿", "攝影", "摄影",
  ] + ["地址", "電話", "电话", "主辦", "主办", "承辦", "承办"].flatMap { [$0 + "：", $0 + ":"] }

  /// `line` without pinyin in brackets after Han characters (`區(qū)`, `事項（xiàng）`), and the pinyin removed. A
  /// bracket counts as pinyin when it holds lowercase Latin letters only, at least one with a tone mark.
  static func removingPinyin(_ line: String) -> (String, [String]) {
    // Pinyin has a tone mark, precomposed or combining: a line with none (nearly every line) is left at once.
    guard line.includes("(") || line.includes("（"), line.unicodeScalars.contains(where: { (0xE0...0x30C).contains($0.value) && toneScalars.contains($0) }) else { return (line, []) }
    var result = ""
    var removed: [String] = []
    var characters = Array(line)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "(" || character == "（", let previous = result.last, isHan(previous) {
        let close: Character = character == "(" ? ")" : "）"
        if let end = characters[(index + 1)...].prefix(12).firstIndex(of: close) {
          let inside = String(characters[(index + 1)..<end])
          if !inside.isEmpty, inside.allSatisfy({ $0.isLowercase && $0.isLetter }), inside.contains(where: { toneMarked.contains($0) }) {
            removed.append(inside)
            index = end + 1
            continue
          }
        }
      }
      result.append(character)
      index += 1
    }
    characters = []
    return (result, removed)
  }

  private static let toneMarked: Set<Character> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
  /// The scalars a tone mark is written with: the marked vowels, and the combining marks of a decomposed one.
  private static let toneScalars: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".unicodeScalars).union(["\u{300}", "\u{301}", "\u{304}", "\u{30C}"])

  static func isHan(_ character: Character) -> Bool {
    character.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) } ?? false
  }

  /// `line` with wiki links made their labels (`[[Board/2024|the board]]` → `the board`, `[[Budget]]` →
  /// `Budget`) and Markdown escapes of `$ * _ # [ ]` made the characters; and what was changed.
  static func removingMarkup(_ line: String) -> (String, [String]) {
    guard line.includes("[[") || line.includes("\\") else { return (line, []) }
    var changed: [String] = []
    var text = line
    while let open = text.range(of: "[["), let close = text.range(of: "]]", range: open.upperBound..<text.endIndex) {
      let inside = String(text[open.upperBound..<close.lowerBound])
      let label = inside.split(separator: "|", maxSplits: 1).last.map(String.init) ?? inside
      changed.append("[[\(inside)]]")
      text.replaceSubrange(open.lowerBound..<close.upperBound, with: label)
    }
    for mark in ["$", "*", "_", "#", "[", "]"] where text.contains("\\" + mark) {
      changed.append("\\" + mark)
      text = text.replacingOccurrences(of: "\\" + mark, with: mark)
    }
    return (text, changed)
  }

  /// How much narrower than the page's width a line it broke may be, in scalars: the longest word a ragged right
  /// margin moves to the next line, in an English text.
  public static let raggedMargin = 12

  /// The width of the page `lines` were broken at, in scalars (a text copied from a PDF or a narrow window): the
  /// widest at which lines crowd against a ragged right margin, a fifth of the lines that are not blank (and at
  /// least three) within ``raggedMargin`` of it, and few (a tenth) wider (words too long to break, a web address).
  /// `nil` when there is none: a text whose lines are its paragraphs, of any length.
  /// - Complexity: O(*n* log *n*) in the number of lines.
  public static func pageWidth(of lines: [String]) -> Int? {
    let widths = lines.map { $0.unicodeScalars.count }.filter { $0 > 0 }.sorted(by: >)
    let (crowd, wider) = (max(3, (widths.count + 4) / 5), widths.count / 10)
    var near = widths.startIndex
    for (above, width) in widths.enumerated() where above <= wider && width >= 20 {
      // The lines from this one down to `near` are within the margin of it.
      while near < widths.endIndex, widths[near] >= width - raggedMargin { near += 1 }
      if near - above >= crowd { return width }
    }
    return nil
  }

  /// The lines with those a narrow page broke joined again: when at least three Chinese lines are about as wide
  /// as the widest (within two characters) and none of them ends a paragraph (``endsParagraph(_:)``), each such
  /// line is joined with the next (``joining(_:_:)``). A typeset Chinese page is justified, its full lines one
  /// width. Not an English line: a ragged margin puts a whole line within two of the widest (`Present: …, Priya
  /// Shah` over `Excused: …`), and the importer joins those where its reading shows a page broke them
  /// (``Importer/read(_:template:maxUnparsed:budget:mending:pageWidth:)``).
  static func joiningWrapped(_ lines: [(number: Int, text: String)], notes: inout [Note]) -> [(number: Int, text: String)] {
    // Widths in scalars: as good as characters for telling lines of one width, and not a grapheme walk of the page.
    let widths = lines.map { $0.text.unicodeScalars.count }
    guard let widest = widths.max(), widest >= 20 else { return lines }
    let wrapped = lines.indices.filter { index in
      widths[index] >= widest - 2 && index + 1 < lines.count && lines[index].text.contains(where: isHan)
        && !endsParagraph(lines[index].text) && !lines[index + 1].text.trimmedSpaces.isEmpty
    }
    guard wrapped.count >= 3 else { return lines }
    var result: [(number: Int, text: String)] = []
    var joining = false
    let isWrapped = Set(wrapped)
    for (index, line) in lines.enumerated() {
      if joining, var last = result.popLast() {
        last.text = Self.joining(last.text, line.text)
        result.append(last)
        notes.append(Note(line: line.number, kind: .wrap, text: line.text))
      } else {
        result.append(line)
      }
      joining = isWrapped.contains(index)
    }
    return result
  }

  /// `line` with `next`, the rest of it that a page wrapped, joined to its end: apart by a space, but by none next
  /// to a Chinese character or full-width mark on either side (Chinese runs on), or after a hyphen (a word broken
  /// at it): `insert` + `“$35,000”`, `88 Orchard` + `Street`, `會議要求，相` + `關部門要…`.
  static func joining(_ line: String, _ next: String) -> String {
    let next = next.trimmedSpaces
    guard let last = line.last, let first = next.first else { return line + next }
    let chinese = { (character: Character) in
      character.unicodeScalars.first.map { (0x2E80...0x9FFF).contains($0.value) || (0xF900...0xFFEF).contains($0.value) } == true
    }
    return line + (last == "-" || chinese(last) || chinese(first) ? "" : " ") + next
  }

  /// Whether a line may end a paragraph, so that a line as wide as the page's that ends so is not joined with the
  /// next: English after `.`, `!`, `?`, `:`, `)` or `”`; Chinese only after a full stop (`。！？`), with the
  /// closing marks after it (`。”`, `。）`): a Chinese paragraph ends with one, and a typeset line may end in `；`,
  /// `：`, `，` or `）` in the middle of a sentence (GB/T 15834-2011 §5.1.7 keeps these off the start of a line).
  static func endsParagraph(_ text: String) -> Bool {
    var end = text.trimmedSpaces
    guard let last = end.last else { return true }
    guard end.contains(where: isHan) else { return [".", "!", "?", ":", ")", "”"].contains(last) }
    while let mark = end.last, ["”", "’", "）", "」", "』", "》"].contains(mark) { end = end.dropLast() }
    return end.last.map { ["。", "！", "？", "…", ".", "!", "?"].contains($0) } ?? true
  }

}
