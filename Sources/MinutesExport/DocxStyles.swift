import Foundation
import MinutesModel
import MinutesTemplates

/// A named style of a DOCX export (`w:style`): a paragraph style for each ``ParagraphRole``, the label's
/// character style and the page numbers' styles.
struct DocxStyle: Sendable, Hashable {
  /// Paragraph or character style.
  enum Kind: String, Sendable { case paragraph, character }

  /// The id paragraphs refer to (`w:pStyle`).
  var id: String
  /// The name Word shows: Word's own for its built-in styles (Title, heading 1…), which it shows in its
  /// interface's language, else the template's language.
  var name: String
  var kind: Kind = .paragraph
  /// Whether it is the default style of its kind (Normal).
  var isDefault = false
  var basedOn: String? = "Normal"
  /// The style of the paragraph Word starts after this one.
  var next: String?
  var paragraph = WordprocessingML.ParagraphProperties()
  var run = WordprocessingML.RunProperties()

  /// The `<w:style>` element.
  var xml: String {
    var x = #"<w:style w:type="\#(kind.rawValue)"\#(isDefault ? #" w:default="1""# : "") w:styleId="\#(id)">"#
    x += #"<w:name w:val="\#(WordprocessingML.escaped(name))"/>"#
    if let basedOn { x += #"<w:basedOn w:val="\#(basedOn)"/>"# }
    if let next { x += #"<w:next w:val="\#(next)"/>"# }
    x += "<w:qFormat/>"
    if kind == .paragraph { x += paragraph.xml }
    x += run.xml
    return x + "</w:style>"
  }
}

extension DocxLayout {
  /// The paragraph style of each role.
  static func styleID(_ role: ParagraphRole) -> String {
    switch role {
    case .title: "Title"
    case .subtitle: "Subtitle"
    case .mark: "MinutesMark"
    case .issue: "IssueNumber"
    case .issuer: "IssuerLine"
    case .heading1: "Heading1"
    case .heading2: "Heading2"
    case .heading3: "Heading3"
    case .heading4: "Heading4"
    case .body: "BodyText"
    case .labelled: "Labelled"
    case .numbered: "ListNumber"
    case .detail: "Detail"
    case .bullet: "ListBullet"
    case .closing: "Closing"
    case .signature: "Signature"
    case .draft: "Draft"
    }
  }

  /// The character style of a label.
  static let labelStyle = "Label"
  /// The numbering (`w:numId`) of bullets.
  static let bulletNumbering = 1
  /// How far wrapped lines of an English labelled line are indented, after the label and a tab: 1.25 in.
  static let englishLabelColumn = 1800
  /// How far an English numbered entry's text is indented, after its number and a tab: 0.25 in.
  static let englishNumberColumn = 360

  /// The document's defaults (`w:docDefaults`): the body font and size, the languages.
  var defaults: (paragraph: WordprocessingML.ParagraphProperties, run: WordprocessingML.RunProperties) {
    var run = WordprocessingML.RunProperties()
    var paragraph = WordprocessingML.ParagraphProperties()
    run.font = fonts.body
    if isChinese {
      // GB/T 9704-2012 §5.2.2: every element in 3号仿宋 unless said otherwise.
      run.size = Hao.three
      run.languages = ["en-US", language == "zh-Hant" ? "zh-TW" : "zh-CN"]
      // No space is added between Chinese and Latin letters or digits (5月20日, not 5 月 20 日).
      paragraph.autoSpace = false
    } else {
      run.eastAsianFont = fonts.eastAsian
      run.size = 22
      run.languages = ["en-US", "zh-CN"]
      paragraph.after = 120
      paragraph.line = 264
    }
    return (paragraph, run)
  }

  /// Every style of the document, Normal first.
  var styles: [DocxStyle] {
    isChinese ? chineseStyles : englishStyles
  }

  // MARK: - GB/T 9704-2012

  /// The styles of the GB/T 9704-2012 layout. On its grid (22 lines of 28 characters), one line is
  /// ``Grid/linePitch`` and one character (字) ``Grid/characterPitch``; spacing is given in grid lines, with the
  /// same length in twips for readers without the grid.
  private var chineseStyles: [DocxStyle] {
    let m = Messages(language: language)
    let grid = page.grid ?? Grid(lines: 22, characters: 28, width: page.textWidth, height: page.textHeight, fontSize: Hao.three)
    let line = grid.linePitch, character = grid.characterPitch
    func font(_ name: String, size: Int? = nil, color: String? = nil) -> WordprocessingML.RunProperties {
      var run = WordprocessingML.RunProperties()
      run.font = name
      run.size = size
      run.color = color
      return run
    }
    /// Indented two characters on its first line, wrapping flush left (§7.3.3: 每个自然段左空二字，回行顶格).
    /// Indents are whole characters in twips (not Word's character units, which are the font's size, 0.25 pt
    /// wider than a character here, and would cost the first line a character).
    func paragraphIndent(_ p: inout WordprocessingML.ParagraphProperties) {
      p.firstLine = 2 * character
      p.alignment = "both"
    }
    func spaced(before: Int = 0, after: Int = 0) -> WordprocessingML.ParagraphProperties {
      var p = WordprocessingML.ParagraphProperties()
      if before > 0 { (p.before, p.beforeLines) = (before * line, before * 100) }
      if after > 0 { (p.after, p.afterLines) = (after * line, after * 100) }
      return p
    }

    var styles: [DocxStyle] = []
    // Normal: the body's font and size, and the characters' spacing that puts 28 on a line.
    var normal = font(fonts.body, size: Hao.three)
    normal.spacing = grid.characterSpacing
    var normalParagraph = WordprocessingML.ParagraphProperties()
    normalParagraph.autoSpace = false
    styles.append(DocxStyle(id: "Normal", name: "Normal", isDefault: true, basedOn: nil, paragraph: normalParagraph, run: normal))

    // §7.3.1 标题: 2号小标宋, centred. The body follows one line below (§7.3.2 puts the addressee there; a
    // report has none).
    var title = DocxStyle(id: "Title", name: "Title", next: "BodyText", paragraph: spaced(after: 1), run: font(fonts.title, size: Hao.two))
    title.paragraph.keepNext = true
    title.paragraph.alignment = "center"
    styles.append(title)

    // A subtitle: 3号楷体, centred (this program's choice; the standard has none).
    var subtitle = DocxStyle(id: "Subtitle", name: "Subtitle", next: "BodyText", paragraph: spaced(after: 1), run: font(fonts.kai))
    subtitle.paragraph.alignment = "center"
    styles.append(subtitle)

    // §10.3 纪要格式: the mark, centred, its top 35 mm below the top of the text block, red 小标宋 (the size is
    // not given: 一号, 26 pt, this program's choice, fits 17 characters on a line).
    var mark = DocxStyle(id: "MinutesMark", name: m.styleMark, next: "IssueNumber",
                         run: font(fonts.title, size: Hao.one, color: "FF0000"))
    mark.paragraph.before = Self.twips(mm: 35)
    mark.paragraph.keepNext = true
    mark.paragraph.alignment = "center"
    styles.append(mark)

    // The issue number, centred two lines below the mark (practice; §10.3 leaves the rest to the office).
    var issue = DocxStyle(id: "IssueNumber", name: m.styleIssue, next: "IssuerLine", paragraph: spaced(before: 2))
    issue.paragraph.keepNext = true
    issue.paragraph.alignment = "center"
    styles.append(issue)

    // The issuing body one character from the left and the date one character from the right, one line below
    // the issue number, over a red rule as wide as the text block about 4 mm below (as §7.2.7 puts the rule
    // of a document's head under its number); the body starts two lines below.
    var issuer = DocxStyle(id: "IssuerLine", name: m.styleIssuer, next: "BodyText", paragraph: spaced(before: 1, after: 2))
    issuer.paragraph.tabs = [.init(alignment: "left", position: character),
                             .init(alignment: "right", position: page.textWidth - character)]
    issuer.paragraph.bottom = .init(size: 8, space: 11, color: "FF0000")
    issuer.paragraph.keepNext = true
    styles.append(issuer)

    var body = DocxStyle(id: "BodyText", name: "Body Text", next: "BodyText")
    paragraphIndent(&body.paragraph)
    styles.append(body)

    // §7.3.3: the levels' numbers in 黑体, 楷体, then 仿宋 and 仿宋, each paragraph indented two characters.
    for (level, face) in [fonts.heading, fonts.kai, fonts.body, fonts.body].enumerated() {
      var heading = DocxStyle(id: "Heading\(level + 1)", name: "heading \(level + 1)", next: "BodyText", run: font(face))
      paragraphIndent(&heading.paragraph)
      heading.paragraph.keepNext = true
      heading.paragraph.outlineLevel = level
      styles.append(heading)
    }

    // §10.3: 出席 (请假, 列席) two characters from the left, one line below the body, its label in 黑体 and a
    // full-width colon, the names in 仿宋, wrapped lines aligned after the colon. The next labelled lines follow
    // directly (contextual spacing drops the space between paragraphs of this style).
    var labelled = DocxStyle(id: "Labelled", name: m.styleLabelled, next: "Labelled", paragraph: spaced(before: 1))
    labelled.paragraph.left = 5 * character
    labelled.paragraph.hanging = 3 * character
    labelled.paragraph.contextualSpacing = true
    labelled.paragraph.alignment = "both"
    styles.append(labelled)
    styles.append(DocxStyle(id: Self.labelStyle, name: m.styleLabel, kind: .character, basedOn: nil, run: font(fonts.heading)))

    var numbered = DocxStyle(id: "ListNumber", name: "List Number")
    paragraphIndent(&numbered.paragraph)
    styles.append(numbered)
    var detail = DocxStyle(id: "Detail", name: m.styleDetail)
    detail.paragraph.left = 5 * character
    detail.paragraph.hanging = 3 * character
    styles.append(detail)
    var bullet = DocxStyle(id: "ListBullet", name: "List Bullet")
    bullet.paragraph.numbering = Self.bulletNumbering
    bullet.paragraph.left = 3 * character
    bullet.paragraph.hanging = character
    styles.append(bullet)
    var closing = DocxStyle(id: "Closing", name: "Closing")
    paragraphIndent(&closing.paragraph)
    styles.append(closing)
    // A signature or credit line: right-aligned, two characters from the right (this program's choice).
    var signature = DocxStyle(id: "Signature", name: "Signature", paragraph: spaced(before: 1))
    signature.paragraph.right = 2 * character
    signature.paragraph.alignment = "right"
    styles.append(signature)
    styles.append(DocxStyle(id: "Draft", name: m.styleDraft, next: "BodyText", run: font(fonts.heading, color: "C00000")))

    // §7.5 页码: 4号半角宋体 Arabic numerals between two 一字线 (— 1 —), odd pages one character from the right,
    // even pages one character from the left. The line is exactly 14 pt high, off the grid, so that the
    // footer's distance places it 7 mm below the text block (see ``gbt9704Page``).
    for (id, name, side) in [("PageNumberOdd", m.stylePageNumberOdd, "right"), ("PageNumberEven", m.stylePageNumberEven, "left")] {
      var numberFont = font(fonts.pageNumber, size: Hao.four)
      numberFont.spacing = 0
      var number = DocxStyle(id: id, name: name, run: numberFont)
      number.paragraph.snapToGrid = false
      number.paragraph.line = Hao.four * 10
      number.paragraph.exactLine = true
      number.paragraph.alignment = side
      if side == "right" { number.paragraph.right = Hao.four * 10 } else { number.paragraph.left = Hao.four * 10 }
      styles.append(number)
    }
    return styles
  }

  // MARK: - English minutes

  /// The styles of English minutes (this program's choices): Calibri 11 pt; the organization's name as the title
  /// and the body and meeting under it; headings with a rule under them; labels in bold with the text in a
  /// column 1.25 in from the left; a line to sign on above the secretary's name.
  private var englishStyles: [DocxStyle] {
    let m = Messages(language: language)
    func run(size: Int? = nil, bold: Bool = false, color: String? = nil) -> WordprocessingML.RunProperties {
      var run = WordprocessingML.RunProperties()
      run.size = size
      run.bold = bold
      run.color = color
      return run
    }
    var normal = run(size: 22)
    normal.font = fonts.body
    normal.eastAsianFont = fonts.eastAsian
    var styles: [DocxStyle] = [DocxStyle(id: "Normal", name: "Normal", isDefault: true, basedOn: nil, run: normal)]

    var title = DocxStyle(id: "Title", name: "Title", next: "Subtitle", run: run(size: 36, bold: true))
    title.paragraph.after = 60
    title.paragraph.keepNext = true
    styles.append(title)
    var subtitle = DocxStyle(id: "Subtitle", name: "Subtitle", next: "BodyText", run: run(size: 26, color: "404040"))
    subtitle.paragraph.after = 240
    subtitle.paragraph.contextualSpacing = true
    subtitle.paragraph.keepNext = true
    styles.append(subtitle)

    var mark = DocxStyle(id: "MinutesMark", name: m.styleMark, next: "IssueNumber", run: run(size: 36, bold: true))
    mark.paragraph.alignment = "center"
    mark.paragraph.keepNext = true
    styles.append(mark)
    var issue = DocxStyle(id: "IssueNumber", name: m.styleIssue, next: "IssuerLine")
    issue.paragraph.alignment = "center"
    issue.paragraph.keepNext = true
    styles.append(issue)
    var issuer = DocxStyle(id: "IssuerLine", name: m.styleIssuer, next: "BodyText")
    issuer.paragraph.tabs = [.init(alignment: "left", position: 0), .init(alignment: "right", position: page.textWidth)]
    issuer.paragraph.bottom = .init(size: 6, space: 4, color: "000000")
    issuer.paragraph.after = 240
    styles.append(issuer)

    styles.append(DocxStyle(id: "BodyText", name: "Body Text", next: "BodyText"))

    for level in 1...4 {
      var heading = DocxStyle(id: "Heading\(level)", name: "heading \(level)", next: "BodyText",
                              run: run(size: [26, 24, 22, 22][level - 1], bold: true))
      heading.paragraph.before = level == 1 ? 280 : 200
      heading.paragraph.after = 80
      heading.paragraph.keepNext = true
      heading.paragraph.outlineLevel = level - 1
      if level == 1 { heading.paragraph.bottom = .init(size: 4, space: 1, color: "808080") }
      styles.append(heading)
    }

    var labelled = DocxStyle(id: "Labelled", name: m.styleLabelled, next: "Labelled")
    labelled.paragraph.tabs = [.init(alignment: "left", position: Self.englishLabelColumn)]
    labelled.paragraph.left = Self.englishLabelColumn
    labelled.paragraph.hanging = Self.englishLabelColumn
    labelled.paragraph.after = 80
    styles.append(labelled)
    styles.append(DocxStyle(id: Self.labelStyle, name: m.styleLabel, kind: .character, basedOn: nil, run: run(bold: true)))

    var numbered = DocxStyle(id: "ListNumber", name: "List Number", next: "Detail")
    numbered.paragraph.tabs = [.init(alignment: "left", position: Self.englishNumberColumn)]
    numbered.paragraph.left = Self.englishNumberColumn
    numbered.paragraph.hanging = Self.englishNumberColumn
    numbered.paragraph.before = 120
    numbered.paragraph.after = 40
    numbered.paragraph.keepNext = true
    styles.append(numbered)
    var detail = DocxStyle(id: "Detail", name: m.styleDetail, next: "Detail")
    let column = Self.englishNumberColumn + Self.englishLabelColumn
    detail.paragraph.tabs = [.init(alignment: "left", position: column)]
    detail.paragraph.left = column
    detail.paragraph.hanging = Self.englishLabelColumn
    detail.paragraph.after = 40
    styles.append(detail)
    var bullet = DocxStyle(id: "ListBullet", name: "List Bullet", next: "ListBullet")
    bullet.paragraph.numbering = Self.bulletNumbering
    bullet.paragraph.left = Self.englishNumberColumn
    bullet.paragraph.hanging = Self.englishNumberColumn
    bullet.paragraph.after = 60
    styles.append(bullet)

    var closing = DocxStyle(id: "Closing", name: "Closing", next: "Signature")
    closing.paragraph.before = 360
    closing.paragraph.keepNext = true
    styles.append(closing)
    // Room to sign, then a line 3 in long above the name.
    var signature = DocxStyle(id: "Signature", name: "Signature")
    signature.paragraph.before = 720
    signature.paragraph.top = .init(size: 6, space: 4, color: "000000")
    signature.paragraph.right = max(0, page.textWidth - 4320)
    signature.paragraph.keepLines = true
    styles.append(signature)
    var draft = DocxStyle(id: "Draft", name: m.styleDraft, next: "BodyText", run: run(size: 24, bold: true, color: "C00000"))
    draft.paragraph.after = 200
    styles.append(draft)

    var footer = DocxStyle(id: "Footer", name: "footer", run: run(size: 18))
    footer.paragraph.alignment = "center"
    footer.paragraph.after = 0
    styles.append(footer)
    return styles
  }
}
