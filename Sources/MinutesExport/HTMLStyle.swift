import Foundation

/// The style sheets of the HTML export when a template has no `export.css`.
///
/// Chinese (`zh-Hant`, `zh-Hans`): the page of GB/T 9704-2012《党政机关公文格式》, so that a printed report or
/// 纪要 looks like an official document:
/// - §5.2.1: A4; top margin (天头) 37 mm, binding margin (订口) 28 mm, a text block (版心) of 156 mm × 225 mm,
///   hence 26 mm on the right and 35 mm at the foot;
/// - §5.2.2 and §5.2.3: 3号 (16 pt) 仿宋, 22 lines of 28 characters filling the text block (line height
///   225 mm / 22, letter spacing 156 mm / 28 less the character);
/// - §7.3.1: the title in 2号 (22 pt) 小标宋, centred; §7.3.3: paragraphs indented two characters, headings
///   of the first level (一、) in 黑体, the second (（一）) in 楷体;
/// - §7.5: page numbers `— 1 —` in 4号 (14 pt) 宋体 below the text block, 7 mm under it, right on odd pages and
///   left on even ones, one character in from the edge;
/// - §10.3 (纪要): the mark “…纪要” centred in red 小标宋, 35 mm below the top of the text block; the 出席, 请假
///   and 列席 blocks two characters in, their labels in 3号黑体 followed by a full-width colon, wrapped lines
///   aligned after the colon.
///
/// Fonts are named as offices have them (Windows: 仿宋, 黑体, 楷体, 宋体, 方正小标宋; macOS: 华文 fonts), with the
/// Noto CJK fonts of Linux distributions (Traditional or Simplified by the language) and a generic family last.
///
/// English: a plain serif page with bordered tables for the roll call and votes, and room for the signature.
///
/// On a screen, both show the page as a sheet on a grey ground; printing gives the page itself.
public enum HTMLStyle {
  /// The style sheet for `language` (a BCP 47 tag: `zh…` gives the Chinese one, anything else the English one).
  public static func sheet(language: String) -> String {
    guard language.lowercased().hasPrefix("zh") else { return english }
    let region = language.lowercased().contains("hant") || language.lowercased().contains("tw")
      || language.lowercased().contains("hk") ? "TC" : "SC"
    return chinese(region: region)
  }

  /// The GB/T 9704-2012 page, with Noto CJK `region` (`SC` or `TC`) as the Linux fallback.
  static func chinese(region: String) -> String {
    let fangsong = #""FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋", "Noto Serif CJK \#(region)", "Source Han Serif \#(region)", serif"#
    let xiaobiaosong = #""FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "STZhongsong", "华文中宋", "Noto Serif CJK \#(region)", "Source Han Serif \#(region)", serif"#
    let heiti = #""SimHei", "黑体", "STHeiti", "华文黑体", "Heiti \#(region)", "Noto Sans CJK \#(region)", "Source Han Sans \#(region)", sans-serif"#
    let kaiti = #""KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "DFKai-SB", "標楷體", "STKaiti", "华文楷体", "AR PL UKai \#(region == "TC" ? "TW" : "CN")", "Noto Serif CJK \#(region)", serif"#
    let songti = #""SimSun", "宋体", "PMingLiU", "新細明體", "STSong", "华文宋体", "Noto Serif CJK \#(region)", "Source Han Serif \#(region)", serif"#
    return """
      /* GB/T 9704-2012: A4, text block 156 mm × 225 mm (§5.2.1), 3号仿宋, 22 lines of 28 characters (§5.2.2–5.2.3). */
      @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
      /* §7.5: page numbers in 4号宋体 between em dashes, 7 mm below the text block, one character in. */
      @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt \(songti); vertical-align: top; padding-top: 7mm; margin-right: 1em; } }
      @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt \(songti); vertical-align: top; padding-top: 7mm; margin-left: 1em; } }
      html { background: #fff; color: #000; }
      body { margin: 0; font-family: \(fangsong); font-size: 16pt; line-height: calc(225mm / 22); letter-spacing: calc(156mm / 28 - 16pt); font-synthesis: none; }
      main { width: 156mm; margin: 0 auto; }
      p { margin: 0; text-indent: 2em; text-align: justify; }
      /* §7.3.1: the title in 2号小标宋, centred, with a blank line under it. */
      h1 { margin: 0 0 calc(225mm / 22); font-family: \(xiaobiaosong); font-size: 22pt; font-weight: bold; line-height: calc(225mm / 22 * 1.5); letter-spacing: 0; text-align: center; }
      /* §7.3.3: the first level of headings (一、) in 黑体, the second (（一）) in 楷体, indented as paragraphs. */
      h2 { margin: 0; font-family: \(heiti); font-size: 16pt; font-weight: normal; text-indent: 2em; }
      h3 { margin: 0; font-family: \(kaiti); font-size: 16pt; font-weight: normal; text-indent: 2em; }
      /* §10.3: the 纪要 mark, red 小标宋, centred, 35 mm below the top of the text block. */
      h1.mark { margin-top: 35mm; color: #e60000; font-size: 26pt; }
      .issue { text-indent: 0; text-align: center; }
      .issuer { display: flex; justify-content: space-between; padding: 0 1em; text-indent: 0; }
      hr.rule { margin: 4mm 0 calc(225mm / 22); border: 0; border-top: 2px solid #e60000; }
      /* §10.3: 出席, 请假, 列席: two characters in, the label in 黑体 and a full-width colon, wrapped lines aligned after it. */
      .roll { margin-top: calc(225mm / 22); }
      .roll p { padding-left: 5em; text-indent: -3em; text-align: left; }
      .roll .label { font-family: \(heiti); }
      .credit { text-indent: 0; }
      .draft { margin: 0 0 1em; padding: 0.2em 0.5em; border: 2px solid #c00; color: #c00; text-indent: 0; font-family: \(heiti); }
      table { border-collapse: collapse; margin: 0 auto; text-indent: 0; }
      th, td { border: 1px solid #000; padding: 0 0.5em; font-weight: normal; text-align: left; }
      th { font-family: \(heiti); }
      @media screen {
        html { background: #e6e6e6; }
        main { box-sizing: content-box; margin: 24px auto; padding: 37mm 26mm 35mm 28mm; min-height: 225mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.3); }
      }

      """
  }

  /// The English page.
  static let english = """
    @page { size: auto; margin: 1in; }
    html { background: #fff; color: #000; }
    body { margin: 0; font-family: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.45; }
    main { max-width: 6.5in; margin: 0 auto; }
    h1 { margin: 0 0 0.15em; font-size: 18pt; text-align: center; }
    .subtitle { margin: 0; text-align: center; }
    .subtitle:last-of-type { margin-bottom: 1.2em; }
    h2 { margin: 1.3em 0 0.4em; padding-bottom: 0.1em; border-bottom: 1px solid #888; font-size: 13pt; break-after: avoid; }
    h3 { margin: 1em 0 0.3em; font-size: 12pt; break-after: avoid; }
    p { margin: 0 0 0.6em; }
    ul, ol { margin: 0 0 0.6em; padding-left: 1.5em; }
    li { margin-bottom: 0.3em; }
    table { border-collapse: collapse; margin: 0.3em 0 0.8em; }
    th, td { border: 1px solid #888; padding: 0.15em 0.6em; text-align: left; vertical-align: top; }
    thead th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    tr { break-inside: avoid; }
    .label { font-weight: bold; }
    .signature { margin-top: 2.5em; break-inside: avoid; }
    .signature .line { width: 3in; margin-top: 2.5em; border-top: 1px solid #000; }
    .draft { margin: 0 0 1em; padding: 0.3em 0.6em; border: 2px solid #c00; color: #c00; font-weight: bold; }
    @media screen {
      html { background: #e6e6e6; }
      main { margin: 24px auto; padding: 1in; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.3); }
    }

    """
}
