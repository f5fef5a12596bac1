import Foundation
import MinutesModel
import MinutesTemplates

/// The page and the named styles of a DOCX export: the GB/T 9704-2012 page for a Chinese template, a minutes
/// document on US Letter or A4 for an English one.
///
/// Lengths are in twentieths of a point (twips, 1 mm ≈ 56.7), font sizes in half points, as WordprocessingML
/// writes them. Every figure of the Chinese layout that GB/T 9704-2012 gives is cited by its clause below;
/// the rest are this program's choices, said as such.
struct DocxLayout: Sendable {
  /// Which of the two layouts.
  enum Kind: Sendable { case gbt9704, minutes }

  /// The layout.
  var kind: Kind
  /// The template's language (`zh-Hans`, `zh-Hant`, `en`…): the fonts and the style names.
  var language: String
  /// The page.
  var page: Page
  /// The fonts, by use.
  var fonts: Fonts

  /// The page: its size, margins and (Chinese) document grid, in twips.
  struct Page: Sendable, Hashable {
    var width: Int
    var height: Int
    var top: Int
    var right: Int
    var bottom: Int
    var left: Int
    /// From the page's top edge to the header.
    var header: Int
    /// From the page's bottom edge to the bottom of the footer.
    var footer: Int
    /// The document grid, lines and characters per page (`w:docGrid`), when the layout has one.
    var grid: Grid?

    /// The width of the text block.
    var textWidth: Int { width - left - right }
    /// The height of the text block.
    var textHeight: Int { height - top - bottom }
  }

  /// The grid of a page of `lines` lines of `characters` characters: lines on the document's line grid (Word's
  /// 文档网格, “只指定行网格”), characters by their spacing.
  ///
  /// Word can also lay characters on a grid (“指定行和字符网格”), squeezing each 16 pt character into a 15.79 pt
  /// cell, but LibreOffice puts a character wider than its cell into two cells, halving the line; tightening
  /// the characters' spacing by a quarter point gives 28 to a line in both.
  struct Grid: Sendable, Hashable {
    /// Lines per page.
    var lines: Int
    /// Characters per line.
    var characters: Int
    /// The distance from one line to the next, in twips: the text block's height over the lines, rounded down so
    /// that all of them fit.
    var linePitch: Int
    /// The spacing added to each character (`w:spacing`), in twips, zero or less: the text block's width over
    /// the characters, less the font's size, rounded down so that all of them fit.
    var characterSpacing: Int
    /// One character's pitch, in twips (a 字, GB/T 9704-2012 §3.1): the font's size plus ``characterSpacing``.
    var characterPitch: Int

    /// The grid of a text block `width` × `height` (twips) with `lines` of `characters` in a font of `fontSize`
    /// half points.
    init(lines: Int, characters: Int, width: Int, height: Int, fontSize: Int) {
      self.lines = lines
      self.characters = characters
      linePitch = height / lines
      let size = fontSize * 10
      characterSpacing = min(0, Int((Double(width) / Double(characters) - Double(size)).rounded(.down)))
      characterPitch = size + characterSpacing
    }
  }

  /// The font families the styles use. Each is named as offices have it; ``fallbacks`` lists the families that
  /// stand in for it where it is missing (`w:altName`), with one that exists on each of Windows, macOS and Linux.
  struct Fonts: Sendable, Hashable {
    /// Body text (仿宋 in Chinese).
    var body: String
    /// Titles and the 纪要 mark (小标宋).
    var title: String
    /// Heading 1 and labels (黑体).
    var heading: String
    /// Heading 2 (楷体).
    var kai: String
    /// Page numbers (宋体).
    var pageNumber: String
    /// The font for East Asian characters in an English document.
    var eastAsian: String
  }

  // MARK: - Measures

  /// Twips in `mm` millimetres, rounded.
  static func twips(mm: Double) -> Int { Int((mm / 25.4 * 1440).rounded()) }

  /// The Chinese type sizes (字号) in half points, as Word and WPS define them: 一号 26 pt, 二号 22 pt, 三号 16 pt,
  /// 四号 14 pt.
  enum Hao {
    static let one = 52
    static let two = 44
    static let three = 32
    static let four = 28
  }

  // MARK: - The layouts

  /// The layout for `template`: GB/T 9704-2012 for a Chinese template, else the minutes layout on `page`
  /// (`letter`, the default, or `a4`, from `@page` in `export.docx`).
  init(template: Template, page paper: String?) {
    language = template.language
    if template.language.hasPrefix("zh") {
      kind = .gbt9704
      page = Self.gbt9704Page
      fonts = template.language == "zh-Hant" ? Self.hantFonts : Self.hansFonts
    } else {
      kind = .minutes
      page = paper == "a4" ? Self.minutesA4 : Self.minutesLetter
      fonts = Self.englishFonts
    }
  }

  /// The GB/T 9704-2012 page:
  /// - A4, 210 mm × 297 mm (§5.1 幅面尺寸);
  /// - top margin (天头) 37 mm, left margin (订口) 28 mm, text block (版心) 156 mm × 225 mm (§5.2.1 页边与版心尺寸),
  ///   hence a right margin of 26 mm and a bottom margin of 35 mm;
  /// - 22 lines of 28 characters, filling the text block (§5.2.3 行数和字数): a line grid of pitch 579 twips
  ///   (28.95 pt, 225 mm ÷ 22, rounded down), and 3号 (16 pt) characters spaced −0.25 pt, 15.75 pt apart
  ///   (156 mm ÷ 28 = 15.79 pt, rounded down to the twip);
  /// - page numbers 7 mm below the text block (§7.5 页码): read here as the top of the page number's line
  ///   (exactly 14 pt high) 7 mm below the text block, so the footer's bottom is 35 − 7 − 4.94 = 23.06 mm above
  ///   the page's bottom edge.
  static let gbt9704Page: Page = {
    let width = twips(mm: 210), height = twips(mm: 297)
    let left = twips(mm: 28), top = twips(mm: 37)
    let textWidth = twips(mm: 156), textHeight = twips(mm: 225)
    let bottom = height - top - textHeight
    let grid = Grid(lines: 22, characters: 28, width: textWidth, height: textHeight, fontSize: Hao.three)
    return Page(
      width: width, height: height, top: top, right: width - left - textWidth, bottom: bottom, left: left,
      header: twips(mm: 15), footer: bottom - twips(mm: 7) - 14 * 20, grid: grid)
  }()

  /// English minutes on US Letter (8.5 in × 11 in), one-inch margins: this program's choice.
  static let minutesLetter = Page(
    width: 12240, height: 15840, top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720, grid: nil)

  /// English minutes on A4, 25 mm margins: this program's choice.
  static let minutesA4 = Page(
    width: twips(mm: 210), height: twips(mm: 297), top: twips(mm: 25), right: twips(mm: 25), bottom: twips(mm: 25),
    left: twips(mm: 25), header: 720, footer: 720, grid: nil)

  /// Simplified Chinese: the GB2312 faces offices use (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体), 黑体, 宋体.
  static let hansFonts = Fonts(
    body: "仿宋_GB2312", title: "方正小标宋简体", heading: "黑体", kai: "楷体_GB2312", pageNumber: "宋体", eastAsian: "仿宋_GB2312")

  /// Traditional Chinese: faces that cover Traditional characters (GBK: 仿宋, 楷体, 方正小标宋_GBK), 黑体, 宋体; the
  /// GB2312 faces have no Traditional characters.
  static let hantFonts = Fonts(
    body: "仿宋", title: "方正小标宋_GBK", heading: "黑体", kai: "楷体", pageNumber: "宋体", eastAsian: "仿宋")

  /// English: Calibri (Carlito on Linux has the same metrics).
  static let englishFonts = Fonts(
    body: "Calibri", title: "Calibri", heading: "Calibri", kai: "Calibri", pageNumber: "Calibri", eastAsian: "SimSun")

  /// The families that stand in for `font` where it is missing, in order (`w:altName`): the same face under its
  /// other names, then one that Windows, macOS (Songti, Kaiti, Heiti) and Linux (Noto CJK, AR PL UKai) have.
  static func fallbacks(_ font: String, traditional: Bool) -> [String] {
    let region = traditional ? "TC" : "SC"
    switch font {
    case "仿宋_GB2312": return ["仿宋", "FangSong", "STFangsong", "华文仿宋", "Songti SC", "Noto Serif CJK SC"]
    case "仿宋": return ["FangSong", "仿宋_GB2312", "STFangsong", "华文仿宋", "Songti \(region)", "Noto Serif CJK \(region)"]
    case "楷体_GB2312": return ["楷体", "KaiTi", "STKaiti", "Kaiti SC", "AR PL UKai CN"]
    case "楷体": return ["KaiTi", "楷体_GB2312", "STKaiti", "Kaiti \(region)", traditional ? "AR PL UKai TW" : "AR PL UKai CN"]
    case "黑体": return ["SimHei", "STHeiti", "Heiti \(region)", "PingFang \(region)", "Noto Sans CJK \(region)"]
    case "方正小标宋简体": return ["FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Songti SC", "Noto Serif CJK SC"]
    case "方正小标宋_GBK": return ["FZXiaoBiaoSong-B05", "华文中宋", "STZhongsong", "Songti \(region)", "Noto Serif CJK \(region)"]
    case "宋体": return ["SimSun", "STSong", "Songti \(region)", "Noto Serif CJK \(region)"]
    case "SimSun": return ["宋体", "STSong", "Songti SC", "Noto Serif CJK SC"]
    case "Calibri": return ["Carlito", "Liberation Sans", "Arial", "Helvetica"]
    default: return []
    }
  }

  /// Whether the layout's text is Chinese (East Asian hints on runs, the label split at `：`).
  var isChinese: Bool { kind == .gbt9704 }
}
