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
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      var body = Normalizer.normalize(String(line.dropFirst(indent.count)), keepingSpaces: true)
      if let quotes = template.quotes, quotes.count == 2 { body = Normalizer.pairQuotes(body, open: quotes[0], close: quotes[1]) }
      return body.isEmpty ? "" : String(indent) + body
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads `text` (without page chrome) with `template`; `nil` when the template has no text export or it
  /// cannot be read backwards (a partial in it).
  /// - Parameter maxUnparsed: how many lines may be set aside before the template is judged not to fit.
  /// - Complexity: one reading per line set aside, each at most ``TextReader/budget`` steps.
  public static func read(_ text: String, template: Template, maxUnparsed: Int = 8) -> Reading? {
    guard let source = template.export["text"], let shapes = try? MustacheShape.parse(source) else { return nil }
    let normalized = Self.normalized(text, template: template)
    var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    var numbers = Array(1...max(lines.count, 1)).prefix(lines.count).map { $0 }
    var unparsed: [Unparsed] = []
    while true {
      let joined = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
      let scalars = Array(joined.unicodeScalars)
      let reader = TextReader(text: scalars, template: template)
      var minutes = Minutes(template: template.id)
      var reproduces = false
      let read = reader.read(shapes) {
        minutes = Minutes(template: template.id, content: reader.root.record(template: template))
        minutes = (try? template.conform(minutes)) ?? minutes
        reproduces = (try? TextExporter().export(minutes, template: template)) == joined
        return reproduces
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
  /// aside, the first in the given order on a tie; `nil` when none reads a line of it.
  public static func best(_ text: String, among templates: [Template]) -> Reading? {
    var best: Reading?
    for template in templates {
      guard let reading = read(text, template: template, maxUnparsed: 3), reading.linesRead > 0 else { continue }
      if let current = best {
        let better = (reading.unparsed.count, reading.reproduces ? 0 : 1) < (current.unparsed.count, current.reproduces ? 0 : 1)
        if better { best = reading }
      } else {
        best = reading
      }
      if reading.unparsed.isEmpty, reading.reproduces { break }
    }
    return best
  }
}
