import Foundation
import MinutesExport
import MinutesModel
import MinutesNormalization
import MinutesTemplates

/// Reads a published minutes text into a draft of a template: the template's text export read backwards (see
/// ``TextReader``), so that any template, a workspace's included, imports with no code of its own.
///
/// The text is first made what the export prints (``normalized(_:template:)``: LF line ends, NFC, half-width
/// marks next to Chinese made full-width, one final newline); page chrome is removed before that by
/// ``PageChrome``. A reading is kept only when the draft read exports the very text read: `export(import(text))
/// == normalize(text)`, byte for byte. Lines the template cannot read are set aside, one at a time from the first
/// that stops the reading, and reported with their line and column and what the template expected there.
public enum Importer {
  /// What an import read.
  public struct Reading: Sendable {
    /// The draft, conformed to its template; its house choices are those the text showed (unset where the
    /// default printed it).
    public var minutes: Minutes
    /// The template it was read with.
    public var template: Template
    /// The lines that could not be read, in the text's order; empty when all of it was.
    public var unparsed: [Unparsed]
    /// Whether the draft's export is the text read, byte for byte, once the unparsed lines are taken out.
    public var reproduces: Bool
    /// How many lines of the normalized text were read.
    public var linesRead: Int
  }

  /// A line of the text that the template could not read, kept as it was.
  public struct Unparsed: Sendable, Hashable {
    /// Its line in the text given to ``read(_:template:)`` (1-based, after page chrome was removed) and the
    /// column (1-based, in characters) where the reading stopped on it.
    public var line: Int
    public var column: Int
    /// The line's text.
    public var text: String
    /// What the template expected at that column (literal text it prints there), possibly empty.
    public var expected: [String]
  }

  /// `text` as the text export prints it: CRLF and CR made LF, Unicode NFC, controls and invisible characters
  /// removed, straight quotes paired as the template says, white space at the end of each line removed and
  /// within it made one space (GB/T 15834-2011 widths for marks next to Chinese, as ``Normalizer`` does for an
  /// answer), blank lines at the end removed and one final newline put.
  public static func normalized(_ text: String, template: Template) -> String {
    lines(text, template: template).map(\.text).joined(separator: "\n") + "\n"
  }

  /// The lines of `text` normalized as ``normalized(_:template:)`` says, each with its number in `text`; blank
  /// lines at either end left out, and every blank line where the template's text export prints none (a Chinese
  /// report copied from a page with a blank line between paragraphs).
  static func lines(_ text: String, template: Template) -> [(number: Int, text: String)] {
    var lines = PageChrome.lines(text).enumerated().map { offset, line -> (number: Int, text: String) in
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      var body = Normalizer.normalize(String(line.dropFirst(indent.count)), keepingSpaces: true)
      if let quotes = template.quotes, quotes.count == 2 { body = Normalizer.pairQuotes(body, open: quotes[0], close: quotes[1]) }
      return (offset + 1, body.isEmpty ? "" : String(indent) + body)
    }
    while lines.last?.text.isEmpty == true { lines.removeLast() }
    while lines.first?.text.isEmpty == true { lines.removeFirst() }
    if template.export["text"].map(template.inliningPartials)?.trimmingCharacters(in: .newlines).contains("\n\n") == false {
      lines.removeAll { $0.text.isEmpty }
    }
    return lines
  }

  /// Reads `text` (without page chrome) with `template`; `nil` when the template has no text export or it
  /// cannot be read backwards (a partial in it).
  /// - Parameter maxUnparsed: how many lines may be set aside before the template is judged not to fit.
  /// - Complexity: one reading per line set aside, each at most ``TextReader/budget`` steps.
  /// - Parameter budget: the most steps one reading may take (see ``TextReader``).
  public static func read(_ text: String, template: Template, maxUnparsed: Int = 8, budget: Int = 4_000_000) -> Reading? {
    guard let source = template.export["text"].map(template.inliningPartials),
      let shapes = try? MustacheShape.parse(source)
    else { return nil }
    let numbered = Self.lines(text, template: template)
    var lines = numbered.map(\.text)
    var numbers = numbered.map(\.number)
    var unparsed: [Unparsed] = []
    while true {
      let joined = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
      let scalars = Array(joined.unicodeScalars)
      let reader = TextReader(text: scalars, template: template, budget: budget)
      var minutes = Minutes(template: template.id)
      var reproduces = false
      let read = DeepStack.run {
        reader.read(shapes) {
          minutes = Minutes(template: template.id, content: reader.record())
          minutes = (try? template.conform(minutes)) ?? minutes
          let exported = try? TextExporter().export(minutes, template: template)
          reproduces = exported == joined
          return reproduces
        }
      }
      if read {
        return Reading(minutes: minutes, template: template, unparsed: unparsed, reproduces: reproduces, linesRead: lines.count)
      }
      // The line where the reading got furthest is set aside, and the rest read again.
      guard unparsed.count < maxUnparsed, !lines.isEmpty else { return Reading(
        minutes: Minutes(template: template.id), template: template,
        unparsed: unparsed + zip(numbers, lines).map { Unparsed(line: $0, column: 1, text: $1, expected: []) },
        reproduces: false, linesRead: 0)
      }
      let (line, column) = position(of: reader.furthest.position, in: scalars)
      let index = min(line, lines.count - 1)
      unparsed.append(Unparsed(line: numbers[index], column: column + 1, text: lines[index], expected: reader.furthest.expected.sorted()))
      lines.remove(at: index)
      numbers.remove(at: index)
    }
  }

  /// The 0-based line and column (in characters) of scalar `offset` in `scalars`.
  private static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
    var line = 0, start = 0
    for index in 0..<min(offset, scalars.count) where scalars[index] == "\n" {
      line += 1
      start = index + 1
    }
    let column = String(String.UnicodeScalarView(scalars[start..<min(offset, scalars.count)])).count
    return (line, column)
  }

  /// The template of `templates` that reads `text` best: one that reproduces it with the fewest lines set
  /// aside, then with the fewest required parts left empty, the first in the given order on a tie; `nil` when
  /// none reads a line of it. Each template is tried setting aside at most 3 lines, then, when none reads the
  /// text so, at most `maxUnparsed`.
  public static func best(_ text: String, among templates: [Template], maxUnparsed: Int = bestSetsAside) -> Reading? {
    if let reading = best(text, among: templates, setting: 3) { return reading }
    return best(text, among: templates, setting: maxUnparsed)
  }

  /// A published text without its page chrome (``PageChrome/strip(_:keepingCredits:)``), read by `read`: a credit
  /// line in brackets (`（撰稿人：…　審稿人：…）`) is kept for a template that prints one, that is when the reading
  /// with it sets aside no more lines than the reading without it and reads the rest as that one does (a template
  /// with no credit could take it as one more paragraph of the last item, and its attendance with it); otherwise
  /// it is removed as a footer.
  /// - Returns: the reading (`nil` when `read` reads nothing) and the stripping it read.
  public static func readPublished(
    _ text: String, _ read: (String) -> Reading?
  ) -> (reading: Reading?, stripped: (text: String, notes: [PageChrome.Note], origins: [Int])) {
    let withoutCredits = PageChrome.strip(text)
    let withCredits = PageChrome.strip(text, keepingCredits: true)
    let without = read(withoutCredits.text)
    guard withCredits.text != withoutCredits.text, let with = read(withCredits.text), with.linesRead > 0 else {
      return (without, withoutCredits)
    }
    guard let without, without.linesRead > 0 else { return (with, withCredits) }
    let readsTheRestAlike = without.minutes.content.fields.allSatisfy { key, value in with.minutes.content[key] == value }
    return readsTheRestAlike && with.unparsed.count <= without.unparsed.count ? (with, withCredits) : (without, withoutCredits)
  }

  /// The most lines a template may set aside and still be taken by ``best(_:among:maxUnparsed:)``.
  public static let bestSetsAside = 20

  private static func best(_ text: String, among templates: [Template], setting maxUnparsed: Int) -> Reading? {
    var best: (reading: Reading, rank: (Int, Int, Int))?
    for template in templates {
      guard let reading = read(text, template: template, maxUnparsed: maxUnparsed), reading.linesRead > 0 else { continue }
      // Then the fewest required parts left empty: a variant that prints no attendance reads `常務會議。副區長…出席會議`
      // too, with a chair title that swallows the name, where the template that prints it leaves nothing out.
      let rank = (reading.unparsed.count, reading.reproduces ? 0 : 1, missing(in: reading))
      if best.map({ rank < $0.rank }) ?? true { best = (reading, rank) }
      if rank == (0, 0, 0) { break }
    }
    return best?.reading
  }

  /// How many required parts the draft read leaves empty (what `check` reports as missing).
  private static func missing(in reading: Reading) -> Int {
    var count = 0
    reading.template.walk(reading.minutes, slot: { _, _, isMissing in if isMissing { count += 1 } }, value: nil)
    return count
  }
}

extension Importer {
  /// A workspace variant of `template` (`templates/ID.yaml`, the same id, extending the built-in) whose house
  /// choices default to those `minutes` has: what `minutes import --learn` writes, so that every later session
  /// of the workspace drafts in the house style of the text read (docs/templates.md §5.4, §5.5). `nil` when
  /// `minutes` has every house choice at the template's default: there is nothing to learn.
  public static func learnedVariant(of template: Template, from minutes: Minutes, source: String) -> String? {
    let learned = template.houseStyle.compactMap { choice -> (String, String)? in
      guard let value = minutes.value(at: choice.address)?.text, value != choice.part.rendering.defaultValue else { return nil }
      return (choice.part.key, value)
    }
    guard !learned.isEmpty, let group = template.houseStyle.first?.address.steps.first, case .key(let houseKey) = group else { return nil }
    let m = template.messages
    var yaml = "# \(m.learnedComment(source))\n"
    yaml += "format: \(Template.currentFormat)\nid: \(template.id)\nextends: \(template.id)\n"
    yaml += "name: \(yamlScalar(template.name))\nlanguage: \(template.language)\nparts:\n  - key: \(houseKey)\n    parts:\n"
    for (key, value) in learned { yaml += "      - key: \(key)\n        default: \(yamlScalar(value))\n" }
    return yaml
  }

  /// `text` as a YAML scalar: plain where that reads back the same, else double-quoted.
  static func yamlScalar(_ text: String) -> String {
    let plain = !text.isEmpty && text.allSatisfy { !":#{}[],&*!|>'\"%@`\n".contains($0) } && !text.hasPrefix(" ") && !text.hasSuffix(" ")
      && !["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased()) && Double(text) == nil
    if plain { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
