import Foundation
import MinutesModel
import MinutesTemplates

/// The parts of a DOCX package (Office Open XML, ECMA-376 Part 2): the main document, its styles, settings, fonts,
/// numbering and footers, the relationships between them, the content types and the document's properties.
struct DocxParts {
  let layout: DocxLayout
  let paragraphs: [StyledParagraph]
  /// The document's title, for its properties.
  let title: String

  private typealias ML = WordprocessingML

  /// Every part, by its path in the package, in the order they are written (`[Content_Types].xml` first).
  var all: [(path: String, xml: String)] {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes),
      ("_rels/.rels", packageRelationships),
      ("docProps/core.xml", coreProperties),
      ("docProps/app.xml", appProperties),
      ("word/document.xml", document),
      ("word/_rels/document.xml.rels", documentRelationships),
      ("word/styles.xml", styles),
      ("word/settings.xml", settings),
      ("word/fontTable.xml", fontTable),
      ("word/numbering.xml", numbering),
      ("word/footer1.xml", footer(odd: true)),
    ]
    if layout.isChinese { parts.append(("word/footer2.xml", footer(odd: false))) }
    return parts
  }

  // MARK: - The document

  /// `word/document.xml`: one `w:p` per paragraph, then the section's page.
  var document: String {
    var x = ML.declaration
    x += #"<w:document xmlns:w="\#(ML.main)" xmlns:r="\#(ML.relationships)"><w:body>"# + "\n"
    // One paragraph a line (whitespace between elements is ignored), so that the part reads and diffs well.
    for paragraph in paragraphs { x += self.paragraph(paragraph) + "\n" }
    return x + section + "\n</w:body></w:document>\n"
  }

  /// A paragraph: its style, and its runs. Runs carry no formatting of their own beyond the label's character
  /// style and, in Chinese, the East Asian hint (so that “”, — and … take the Chinese font's full width).
  func paragraph(_ paragraph: StyledParagraph) -> String {
    var properties = ML.ParagraphProperties()
    properties.style = DocxLayout.styleID(paragraph.role)
    var text = ML.RunProperties()
    text.eastAsianHint = layout.isChinese
    var label = text
    label.style = DocxLayout.labelStyle
    var runs = ""
    switch paragraph.role {
    case .labelled, .detail:
      if let (head, rest) = split(label: paragraph.text) {
        if layout.isChinese {
          // The style aligns wrapped lines after a label of three characters (出席：); another length moves them.
          let width = head.count
          if width != 3, paragraph.role == .labelled, let grid = layout.page.grid {
            properties.left = (2 + width) * grid.characterPitch
            properties.hanging = width * grid.characterPitch
          }
          runs = ML.run(head, label) + ML.run(rest, text)
        } else {
          runs = ML.run(head, label) + ML.run("\t" + rest, text)
        }
      } else {
        runs = ML.run(paragraph.text, text)
      }
    case .numbered where !layout.isChinese:
      if let match = paragraph.text.prefixMatch(of: #/^([0-9]+[.)]) +/#) {
        runs = ML.run(String(match.1) + "\t" + paragraph.text[match.range.upperBound...], text)
      } else {
        runs = ML.run(paragraph.text, text)
      }
    case .issuer:
      runs = ML.run("\t" + paragraph.text, text)
    default:
      runs = ML.run(paragraph.text, text)
    }
    return "<w:p>\(properties.xml)\(runs)</w:p>"
  }

  /// A labelled line's label, up to and with its colon (`出席：`; `Present:` without the space after it), and the
  /// rest; `nil` when it has none.
  private func split(label text: String) -> (String, String)? {
    if layout.isChinese {
      guard let colon = text.firstIndex(of: "：") else { return nil }
      return (String(text[...colon]), String(text[text.index(after: colon)...]))
    }
    guard let colon = text.range(of: ": ") else { return nil }
    return (String(text[..<colon.lowerBound]) + ":", String(text[colon.upperBound...]))
  }

  /// The section's page: footers (odd and even pages apart in Chinese, §7.5), size, margins, grid.
  private var section: String {
    let page = layout.page
    var x = "<w:sectPr>"
    x += #"<w:footerReference w:type="default" r:id="rIdFooterOdd"/>"#
    if layout.isChinese { x += #"<w:footerReference w:type="even" r:id="rIdFooterEven"/>"# }
    x += #"<w:pgSz w:w="\#(page.width)" w:h="\#(page.height)"/>"#
    x += #"<w:pgMar w:top="\#(page.top)" w:right="\#(page.right)" w:bottom="\#(page.bottom)" w:left="\#(page.left)" "#
      + #"w:header="\#(page.header)" w:footer="\#(page.footer)" w:gutter="0"/>"#
    x += #"<w:cols w:space="425"/>"#
    if let grid = page.grid {
      x += #"<w:docGrid w:type="lines" w:linePitch="\#(grid.linePitch)"/>"#
    }
    return x + "</w:sectPr>"
  }

  /// A footer: the page number, `— 1 —` in Chinese (§7.5), on the right of odd pages and the left of even ones;
  /// centred in English.
  func footer(odd: Bool) -> String {
    var x = ML.declaration + #"<w:ftr xmlns:w="\#(ML.main)" xmlns:r="\#(ML.relationships)"><w:p>"#
    var properties = ML.ParagraphProperties()
    if layout.isChinese {
      properties.style = odd ? "PageNumberOdd" : "PageNumberEven"
      var dash = ML.RunProperties()
      dash.eastAsianHint = true
      x += properties.xml + ML.run("— ", dash) + ML.pageField() + ML.run(" —", dash)
    } else {
      properties.style = "Footer"
      x += properties.xml + ML.pageField()
    }
    return x + "</w:p></w:ftr>"
  }

  // MARK: - Styles, settings, fonts, numbering

  /// `word/styles.xml`: the defaults, then every style.
  var styles: String {
    let defaults = layout.defaults
    var x = ML.declaration + #"<w:styles xmlns:w="\#(ML.main)">"# + "\n"
    x += "<w:docDefaults><w:rPrDefault>\(defaults.run.xml)</w:rPrDefault>"
    x += "<w:pPrDefault>\(defaults.paragraph.xml)</w:pPrDefault></w:docDefaults>\n"
    for style in layout.styles { x += style.xml + "\n" }
    x += #"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#
      + #"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#
    return x + "\n</w:styles>\n"
  }

  /// `word/settings.xml`: odd and even pages' footers apart (Chinese), the default tab stop, the languages.
  var settings: String {
    var x = ML.declaration + #"<w:settings xmlns:w="\#(ML.main)">"#
    // In the order of the schema (CT_Settings), which Word holds to.
    x += #"<w:zoom w:percent="100"/>"#
    x += #"<w:defaultTabStop w:val="\#(layout.isChinese ? 420 : 720)"/>"#
    if layout.isChinese { x += "<w:evenAndOddHeaders/>" }
    x += #"<w:characterSpacingControl w:val="doNotCompress"/>"#
    x += #"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
    x += #"<w:themeFontLang w:val="en-US" w:eastAsia="\#(layout.language == "zh-Hant" ? "zh-TW" : "zh-CN")"/>"#
    return x + "</w:settings>"
  }

  /// `word/fontTable.xml`: each family the styles name, with the families that stand in for it (`w:altName`).
  var fontTable: String {
    let f = layout.fonts
    var names: [String] = []
    for name in [f.body, f.title, f.heading, f.kai, f.pageNumber, f.eastAsian] where !names.contains(name) { names.append(name) }
    var x = ML.declaration + #"<w:fonts xmlns:w="\#(ML.main)">"#
    for name in names {
      let chinese = name.unicodeScalars.contains { $0.value >= 0x3000 }
      x += #"<w:font w:name="\#(ML.escaped(name))">"#
      let fallbacks = DocxLayout.fallbacks(name, traditional: layout.language == "zh-Hant")
      if !fallbacks.isEmpty { x += #"<w:altName w:val="\#(ML.escaped(fallbacks.joined(separator: ",")))"/>"# }
      x += chinese
        ? #"<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>"#
        : #"<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>"#
      x += "</w:font>"
    }
    return x + "</w:fonts>"
  }

  /// `word/numbering.xml`: the bullets of ``ParagraphRole/bullet``.
  var numbering: String {
    let indent = layout.isChinese ? (layout.page.grid?.characterPitch ?? 316) : DocxLayout.englishNumberColumn
    let left = layout.isChinese ? 3 * indent : indent
    return ML.declaration + #"<w:numbering xmlns:w="\#(ML.main)">"#
      + #"<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>"#
      + #"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>"#
      + #"<w:pPr><w:ind w:left="\#(left)" w:hanging="\#(indent)"/></w:pPr></w:lvl></w:abstractNum>"#
      + #"<w:num w:numId="\#(DocxLayout.bulletNumbering)"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
  }

  // MARK: - The package

  private static let contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml"

  /// `[Content_Types].xml`.
  var contentTypes: String {
    var overrides = [
      ("/word/document.xml", "\(Self.contentType).document.main+xml"),
      ("/word/styles.xml", "\(Self.contentType).styles+xml"),
      ("/word/settings.xml", "\(Self.contentType).settings+xml"),
      ("/word/fontTable.xml", "\(Self.contentType).fontTable+xml"),
      ("/word/numbering.xml", "\(Self.contentType).numbering+xml"),
      ("/word/footer1.xml", "\(Self.contentType).footer+xml"),
      ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
      ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    if layout.isChinese { overrides.insert(("/word/footer2.xml", "\(Self.contentType).footer+xml"), at: 6) }
    var x = ML.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    x += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    x += #"<Default Extension="xml" ContentType="application/xml"/>"#
    for (part, type) in overrides { x += #"<Override PartName="\#(part)" ContentType="\#(type)"/>"# }
    return x + "</Types>"
  }

  /// `_rels/.rels`: the main document and the properties.
  var packageRelationships: String {
    relationships([
      ("rIdDocument", "officeDocument/2006/relationships/officeDocument", "word/document.xml"),
      ("rIdCore", "package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
      ("rIdApp", "officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
    ])
  }

  /// `word/_rels/document.xml.rels`: the document's styles, settings, fonts, numbering and footers.
  var documentRelationships: String {
    var targets = [
      ("rIdStyles", "officeDocument/2006/relationships/styles", "styles.xml"),
      ("rIdSettings", "officeDocument/2006/relationships/settings", "settings.xml"),
      ("rIdFonts", "officeDocument/2006/relationships/fontTable", "fontTable.xml"),
      ("rIdNumbering", "officeDocument/2006/relationships/numbering", "numbering.xml"),
      ("rIdFooterOdd", "officeDocument/2006/relationships/footer", "footer1.xml"),
    ]
    if layout.isChinese { targets.append(("rIdFooterEven", "officeDocument/2006/relationships/footer", "footer2.xml")) }
    return relationships(targets)
  }

  private func relationships(_ targets: [(id: String, type: String, target: String)]) -> String {
    var x = ML.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for (id, type, target) in targets {
      x += #"<Relationship Id="\#(id)" Type="http://schemas.openxmlformats.org/\#(type)" Target="\#(target)"/>"#
    }
    return x + "</Relationships>"
  }

  /// `docProps/core.xml`: the title and language (no dates, so that the same draft gives the same document).
  var coreProperties: String {
    ML.declaration
      + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
      + #"xmlns:dc="http://purl.org/dc/elements/1.1/">"#
      + "<dc:title>\(ML.escaped(title))</dc:title><dc:language>\(ML.escaped(layout.language))</dc:language>"
      + "</cp:coreProperties>"
  }

  /// `docProps/app.xml`: the program that wrote it.
  var appProperties: String {
    ML.declaration
      + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
      + "<Application>minutes</Application></Properties>"
  }
}
