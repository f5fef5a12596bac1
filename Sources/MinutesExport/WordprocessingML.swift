import Foundation

/// The pieces of WordprocessingML (ECMA-376 Part 1) that the DOCX export writes: paragraph and run properties in
/// the order the schema requires, and text made safe for XML.
enum WordprocessingML {
  /// The main namespace, `w:`.
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  /// The relationships namespace, `r:`.
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  /// The XML declaration every part starts with.
  static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

  /// `text` escaped for element content and attribute values; characters XML 1.0 does not allow (controls other
  /// than tab, line feed and carriage return; unpaired surrogates cannot occur in a Swift string) are dropped.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A border of a paragraph: a single line `size` eighths of a point wide, `space` points from the text.
  struct Border: Sendable, Hashable {
    var size: Int
    var space: Int
    var color: String
  }

  /// A tab stop: `left` or `right`, at `position` twips from the paragraph's left indent.
  struct Tab: Sendable, Hashable {
    var alignment: String
    var position: Int
  }

  /// Paragraph properties (`w:pPr`), written in the schema's order. Lengths in twips; `…Lines` in hundredths of a
  /// grid line, which Word prefers to the twips where the document has a line grid.
  struct ParagraphProperties: Sendable, Hashable {
    var style: String?
    var keepNext = false
    var keepLines = false
    var numbering: Int?
    var top: Border?
    var bottom: Border?
    var tabs: [Tab] = []
    /// `false` turns off the space Word adds between East Asian text and Latin letters (`w:autoSpaceDE`) and
    /// digits (`w:autoSpaceDN`).
    var autoSpace: Bool?
    var snapToGrid: Bool?
    var before: Int?
    var beforeLines: Int?
    var after: Int?
    var afterLines: Int?
    /// Line spacing: in 240ths of a line when `exactLine` is false, else in twips, exactly.
    var line: Int?
    var exactLine = false
    var left: Int?
    var right: Int?
    var firstLine: Int?
    var hanging: Int?
    var contextualSpacing = false
    var alignment: String?
    var outlineLevel: Int?

    /// The `<w:pPr>` element, or nothing when no property is set.
    var xml: String {
      var x = ""
      if let style { x += #"<w:pStyle w:val="\#(style)"/>"# }
      if keepNext { x += "<w:keepNext/>" }
      if keepLines { x += "<w:keepLines/>" }
      if let numbering { x += #"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\#(numbering)"/></w:numPr>"# }
      if top != nil || bottom != nil {
        x += "<w:pBdr>"
        if let top { x += Self.border("top", top) }
        if let bottom { x += Self.border("bottom", bottom) }
        x += "</w:pBdr>"
      }
      if !tabs.isEmpty {
        x += "<w:tabs>" + tabs.map { #"<w:tab w:val="\#($0.alignment)" w:pos="\#($0.position)"/>"# }.joined() + "</w:tabs>"
      }
      if let autoSpace {
        x += #"<w:autoSpaceDE w:val="\#(autoSpace ? 1 : 0)"/><w:autoSpaceDN w:val="\#(autoSpace ? 1 : 0)"/>"#
      }
      if let snapToGrid { x += #"<w:snapToGrid w:val="\#(snapToGrid ? 1 : 0)"/>"# }
      let spacing = Self.attributes([
        ("w:before", before), ("w:beforeLines", beforeLines), ("w:after", after), ("w:afterLines", afterLines),
        ("w:line", line),
      ])
      if !spacing.isEmpty {
        x += "<w:spacing\(spacing)" + (line == nil ? "" : exactLine ? #" w:lineRule="exact""# : #" w:lineRule="auto""#) + "/>"
      }
      let indent = Self.attributes([
        ("w:left", left), ("w:right", right), ("w:hanging", hanging), ("w:firstLine", firstLine),
      ])
      if !indent.isEmpty { x += "<w:ind\(indent)/>" }
      if contextualSpacing { x += "<w:contextualSpacing/>" }
      if let alignment { x += #"<w:jc w:val="\#(alignment)"/>"# }
      if let outlineLevel { x += #"<w:outlineLvl w:val="\#(outlineLevel)"/>"# }
      return x.isEmpty ? "" : "<w:pPr>\(x)</w:pPr>"
    }

    private static func border(_ side: String, _ border: Border) -> String {
      #"<w:\#(side) w:val="single" w:sz="\#(border.size)" w:space="\#(border.space)" w:color="\#(border.color)"/>"#
    }

    private static func attributes(_ pairs: [(String, Int?)]) -> String {
      pairs.compactMap { name, value in value.map { #" \#(name)="\#($0)""# } }.joined()
    }
  }

  /// Run properties (`w:rPr`), written in the schema's order; `size` in half points.
  struct RunProperties: Sendable, Hashable {
    var style: String?
    /// One family for every script (`w:ascii`, `w:hAnsi`, `w:eastAsia`, `w:cs`).
    var font: String?
    /// The family for East Asian characters only, when it differs from `font`.
    var eastAsianFont: String?
    /// `w:hint="eastAsia"`: characters that could be either (quotation marks “”, dashes —) are East Asian.
    var eastAsianHint = false
    var bold = false
    var color: String?
    /// Spacing added after each character, in twips (`w:spacing`).
    var spacing: Int?
    var size: Int?
    /// The language tags of Latin and East Asian text (`w:val`, `w:eastAsia`), e.g. `en-US` and `zh-CN`.
    var languages: [String]?

    /// The `<w:rPr>` element, or nothing when no property is set.
    var xml: String {
      var x = ""
      if let style { x += #"<w:rStyle w:val="\#(style)"/>"# }
      if font != nil || eastAsianFont != nil || eastAsianHint {
        var fonts = ""
        if let font {
          let name = escaped(font)
          fonts += #" w:ascii="\#(name)" w:eastAsia="\#(escaped(eastAsianFont ?? font))" w:hAnsi="\#(name)" w:cs="\#(name)""#
        } else if let eastAsianFont {
          fonts += #" w:eastAsia="\#(escaped(eastAsianFont))""#
        }
        if eastAsianHint { fonts += #" w:hint="eastAsia""# }
        x += "<w:rFonts\(fonts)/>"
      }
      if bold { x += "<w:b/><w:bCs/>" }
      if let color { x += #"<w:color w:val="\#(color)"/>"# }
      if let spacing { x += #"<w:spacing w:val="\#(spacing)"/>"# }
      if let size { x += #"<w:sz w:val="\#(size)"/><w:szCs w:val="\#(size)"/>"# }
      if let languages, languages.count == 2 { x += #"<w:lang w:val="\#(languages[0])" w:eastAsia="\#(languages[1])"/>"# }
      return x.isEmpty ? "" : "<w:rPr>\(x)</w:rPr>"
    }
  }

  /// A run of `text` with `properties`: each tab a `<w:tab/>`, the rest `<w:t>` kept as typed (spaces too).
  static func run(_ text: String, _ properties: RunProperties = RunProperties()) -> String {
    var x = "<w:r>" + properties.xml
    for (index, piece) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { x += "<w:tab/>" }
      if !piece.isEmpty { x += #"<w:t xml:space="preserve">\#(escaped(String(piece)))</w:t>"# }
    }
    return x + "</w:r>"
  }

  /// A `PAGE` field: the page's number, shown as `placeholder` until the reader updates it.
  static func pageField(_ properties: RunProperties = RunProperties(), placeholder: String = "1") -> String {
    let rPr = properties.xml
    return "<w:r>\(rPr)<w:fldChar w:fldCharType=\"begin\"/></w:r>"
      + "<w:r>\(rPr)<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
      + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"separate\"/></w:r>"
      + "<w:r>\(rPr)<w:t>\(placeholder)</w:t></w:r>"
      + "<w:r>\(rPr)<w:fldChar w:fldCharType=\"end\"/></w:r>"
  }
}
