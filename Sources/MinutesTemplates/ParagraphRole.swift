import Foundation

/// What a paragraph of a styled export (DOCX) is: the title, a heading, body text, an attendance line… A template
/// names it at the start of a line of `export.docx` (`@heading1 {{zh}}、{{kind.phrase}}`); a line without a tag
/// gets the role its look suggests (see `docs/templates.md`, "The DOCX export"). Each role is one named
/// paragraph style of the document, so that a clerk restyles every paragraph of a kind at once in Word.
public enum ParagraphRole: String, CaseIterable, Sendable, Hashable {
  /// The document's title: GB/T 9704-2012 §7.3.1 (2号小标宋, centred), or the organization's name at the top of
  /// English minutes.
  case title
  /// A line under the title: the body and the meeting in English minutes.
  case subtitle
  /// The 纪要 mark, `XXXXX纪要` (GB/T 9704-2012 §10.3: centred, red 小标宋, 35 mm below the top of the text block).
  case mark
  /// The issue number under the 纪要 mark, `第N期`.
  case issue
  /// The issuing body and the date on one line, split at `{{tab}}`: the body one character from the left, the
  /// date one character from the right, over a red rule.
  case issuer
  /// A first-level heading: `一、…` (黑体), or a section of English minutes.
  case heading1
  /// A second-level heading: `（一）…` (楷体).
  case heading2
  /// A third-level heading: `1.…` (仿宋).
  case heading3
  /// A fourth-level heading: `（1）…` (仿宋).
  case heading4
  /// Body text: each paragraph indented two characters (GB/T 9704-2012 §7.3.3).
  case body
  /// A labelled line, `出席：…` or `Present: …`: the label up to the first colon in 黑体 (bold in English), and
  /// wrapped lines aligned after it (GB/T 9704-2012 §10.3).
  case labelled
  /// An entry numbered in its text, `1. Moved by …`: wrapped lines aligned after the number.
  case numbered
  /// A labelled line that belongs to the numbered entry above it (`Disposition: Adopted.` under a motion).
  case detail
  /// An entry of a bulleted list; a leading `- ` of its text becomes the bullet.
  case bullet
  /// The line before the signature, `Respectfully submitted,`.
  case closing
  /// The signer's name and office, over a line to sign on.
  case signature
  /// The DRAFT line of an export whose draft still has errors (not written in templates).
  case draft

  /// The roles a template may name in `export.docx` (all but ``draft``).
  public static var taggable: [ParagraphRole] { allCases.filter { $0 != .draft } }
}

/// A template's `export.docx` as written: Mustache text whose lines may start with a paragraph role,
/// `@heading1 …`, and one optional `@page letter` line choosing the paper.
///
/// Each tag is replaced by a marker that no clerk types (private-use characters) and that survives the Mustache
/// rendering, so that the role is read back from each line rendered, however many lines a section makes of it;
/// a value that starts with `@` is never read as a tag.
public struct StyledSource: Sendable, Hashable {
  /// The Mustache text with each tag replaced by its marker (and the `@page` line removed).
  public var mustache: String
  /// The paper named by an `@page` line (`letter` or `a4`), if any.
  public var page: String?

  /// The papers `@page` may name.
  public static let pages = ["letter", "a4"]

  /// Why a line of `export.docx` is not understood.
  public struct Problem: Error, Hashable, Sendable {
    /// The line of the source, from 0.
    public var line: Int
    /// What is wrong, naming what is allowed.
    public var message: String
  }

  /// Reads `source`, replacing tags with markers; `allowsPage` is false for a Chinese template, which is always
  /// laid out on the A4 page of GB/T 9704-2012.
  /// - Throws: ``Problem`` for an unknown role, an `@page` that names no paper, a second `@page`, or an `@page`
  ///   where none is allowed.
  public init(parsing source: String, allowsPage: Bool = true) throws(Problem) {
    var lines: [String] = []
    var page: String?
    for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let (name, rest) = Self.tag(line) else {
        lines.append(String(line))
        continue
      }
      if name == "page" {
        guard allowsPage else {
          throw Problem(line: number, message: "`@page` is for English templates; a Chinese one is laid out on the A4 page of GB/T 9704-2012")
        }
        let paper = rest.trimmingCharacters(in: .whitespaces).lowercased()
        guard Self.pages.contains(paper) else {
          throw Problem(line: number, message: "`@page` names the paper: \(Self.pages.joined(separator: " or ")), not `\(rest)`")
        }
        guard page == nil else { throw Problem(line: number, message: "`@page` is given twice") }
        page = paper
        continue
      }
      guard let role = ParagraphRole(rawValue: name), role != .draft else {
        throw Problem(line: number, message: "unknown paragraph style `@\(name)`; the styles are "
                      + ParagraphRole.taggable.map { "@" + $0.rawValue }.joined(separator: ", ") + ", and `@page`")
      }
      lines.append(Self.marker(role) + rest)
    }
    mustache = lines.joined(separator: "\n")
    self.page = page
  }

  /// The marker put in place of the tag of `role`.
  public static func marker(_ role: ParagraphRole) -> String { "\u{E000}\(role.rawValue)\u{E001}" }

  /// The role marked at the start of a rendered `line`, and the line without its marker; `nil` when it has none.
  public static func role(of line: Substring) -> (ParagraphRole, Substring)? {
    guard line.first == "\u{E000}", let end = line.firstIndex(of: "\u{E001}") else { return nil }
    guard let role = ParagraphRole(rawValue: String(line[line.index(after: line.startIndex)..<end])) else { return nil }
    return (role, line[line.index(after: end)...])
  }

  /// The tag name at the start of a source line (`@name`, then spaces or the end of the line) and the rest of
  /// the line after the spaces; `nil` when the line does not start with a tag.
  private static func tag(_ line: Substring) -> (String, String)? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "@" else { return nil }
    let name = trimmed.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
    guard !name.isEmpty else { return nil }
    let after = trimmed.dropFirst(1 + name.count)
    guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
    return (String(name), String(after.drop { $0 == " " || $0 == "\t" }))
  }
}
