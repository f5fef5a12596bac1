import Foundation
import MinutesTemplates

/// One paragraph of a styled export: what it is (its ``ParagraphRole``, hence its paragraph style) and its text.
/// A tab in the text (`{{tab}}`) is kept: an issuer line splits there.
public struct StyledParagraph: Sendable, Hashable {
  /// What the paragraph is.
  public var role: ParagraphRole
  /// Its text, as rendered (a bullet's `- ` removed).
  public var text: String

  /// Creates a paragraph.
  public init(_ role: ParagraphRole, _ text: String) {
    self.role = role
    self.text = text
  }
}

extension StyledParagraph {
  /// The paragraphs of `rendered`, the text of a template's `export.docx` (or of its `export.text`): one per line
  /// that is not blank (blank lines only separate; the styles space the paragraphs). A line marked with a role
  /// (`@heading1` in the template, see ``StyledSource``) takes it; any other line the role its look suggests, by
  /// the rules for the template's `language`:
  ///
  /// - Chinese: `一、…` heading 1, `（一）…` heading 2, `1.…` heading 3, `（1）…` heading 4 (GB/T 9704-2012 §7.3.3's
  ///   numbering of levels); `出席：`, `列席：`, `请假：`, `缺席：` (and `…人员：`) labelled lines; the rest body text.
  /// - English: the first line the title and the short lines under it, up to the first blank line, subtitles;
  ///   `- ` or `• ` a bullet; `Label: text` (a capitalized label of a few words) a labelled line, or a detail
  ///   when it follows a numbered entry; a short line without final punctuation after a blank line a heading;
  ///   `1. …` a numbered entry; a line ending in a comma after a blank line a closing (`Respectfully
  ///   submitted,`), and the line after it the signature; the rest body text.
  /// - Complexity: O(*n*) in the length of `rendered`.
  public static func paragraphs(of rendered: String, language: String) -> [StyledParagraph] {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let chinese = language.hasPrefix("zh")
    var paragraphs: [StyledParagraph] = []
    var afterBlank = false
    var inTitleBlock = !chinese
    for (index, line) in lines.enumerated() {
      if let (role, rest) = StyledSource.role(of: line) {
        let text = role == .bullet ? Self.withoutBullet(rest) : String(rest)
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { paragraphs.append(StyledParagraph(role, text)) }
        afterBlank = false
        inTitleBlock = false
        continue
      }
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty else {
        afterBlank = true
        inTitleBlock = false
        continue
      }
      let text = String(line)
      if chinese {
        paragraphs.append(StyledParagraph(chineseRole(of: text), text))
      } else {
        let next = lines.dropFirst(index + 1).first.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        let role = englishRole(of: text, previous: paragraphs.last?.role, afterBlank: afterBlank,
                               inTitleBlock: &inTitleBlock, isFirst: paragraphs.isEmpty, nextIsText: next)
        paragraphs.append(StyledParagraph(role, role == .bullet ? withoutBullet(text[...]) : text))
      }
      afterBlank = false
    }
    return paragraphs
  }

  // MARK: - Chinese

  /// GB/T 9704-2012 §7.3.3: the levels are numbered `一、`, `（一）`, `1.`, `（1）`.
  ///
  /// The expressions are made once a process (`static let`): a regex made anew compiles anew at its first match, and
  /// made for every paragraph they had been a third of a DOCX export.
  nonisolated(unsafe) private static let chineseHeadings: [(Regex<Substring>, ParagraphRole)] = {
    [
      (#/^[一二三四五六七八九十百千〇零]+、/#, .heading1),
      (#/^（[一二三四五六七八九十百千〇零]+）/#, .heading2),
      (#/^[0-9]+[.．](?![0-9])/#, .heading3),
      (#/^（[0-9]+）/#, .heading4),
    ]
  }()

  /// The labels of the attendance blocks of a 纪要 (GB/T 9704-2012 §10.3), Simplified and Traditional.
  nonisolated(unsafe) private static let chineseLabel: Regex<(Substring, Substring, Substring?)> = #/^(出席|列席|请假|請假|缺席)(人员|人員)?：/#

  private static func chineseRole(of line: String) -> ParagraphRole {
    for (pattern, role) in chineseHeadings where line.prefixMatch(of: pattern) != nil { return role }
    if line.prefixMatch(of: chineseLabel) != nil { return .labelled }
    return .body
  }

  // MARK: - English

  /// `Label: text`, a capitalized label of a few words (`Call to order`, `Roll-call vote`).
  nonisolated(unsafe) private static let englishLabel: Regex<Substring> = #/^[A-Z][A-Za-z'’ -]{0,30}: \S/#
  /// `1. `, `2) `.
  nonisolated(unsafe) private static let englishNumber: Regex<Substring> = #/^[0-9]+[.)] /#

  private static func englishRole(
    of line: String, previous: ParagraphRole?, afterBlank: Bool, inTitleBlock: inout Bool, isFirst: Bool, nextIsText: Bool
  ) -> ParagraphRole {
    let labelled = line.prefixMatch(of: englishLabel) != nil
    let bullet = line.hasPrefix("- ") || line.hasPrefix("• ")
    let short = line.count <= 80 && !(line.last.map { ".,;:!?".contains($0) } ?? false)
    if inTitleBlock {
      if short && !labelled && !bullet { return isFirst ? .title : .subtitle }
      inTitleBlock = false
    }
    if bullet { return .bullet }
    if labelled {
      return !afterBlank && (previous == .numbered || previous == .detail) ? .detail : .labelled
    }
    if afterBlank && nextIsText && short && line.count <= 60 { return .heading1 }
    if line.prefixMatch(of: englishNumber) != nil { return .numbered }
    if afterBlank && nextIsText && line.hasSuffix(",") { return .closing }
    if previous == .closing && !afterBlank { return .signature }
    return .body
  }

  /// A bullet's text without its `- ` or `• `.
  private static func withoutBullet(_ text: Substring) -> String {
    for marker in ["- ", "• "] where text.hasPrefix(marker) { return String(text.dropFirst(marker.count)) }
    return String(text)
  }
}
