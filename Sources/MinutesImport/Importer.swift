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
    /// Whether the draft's export is the text read, byte for byte, once the unparsed lines are taken out: never
    /// when a line was read in part (``Unparsed/readInPart``; the export prints it as mended) or put in.
    public var reproduces: Bool
    /// How many lines of the normalized text were read.
    public var linesRead: Int
    /// The lines read as the end of the line before them, in the text's order (their numbers in the text given to
    /// ``read(_:template:)``): a long line a page wrapped (`Present: Ana Ruiz, Yvette` / `Marchetti`). The export
    /// prints each pair as one line, so a reading with any does not reproduce the text.
    public var joined: [Int] = []
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
    /// Whether the line was read in part: up to `column`, ended there as the template goes on, or broken there
    /// into two lines (see ``read(_:template:maxUnparsed:budget:mending:)``). A line not read in part was left out.
    public var readInPart = false
  }

  /// `text` as the text export prints it: CRLF and CR made LF, Unicode NFC, controls and invisible characters
  /// removed, straight quotes paired as the template says, white space at the end of each line removed and
  /// within it made one space (GB/T 15834-2011 widths for marks next to Chinese, as ``Normalizer`` does for an
  /// answer), blank lines at the end removed and one final newline put.
  public static func normalized(_ text: String, template: Template) -> String {
    lines(text, template: template).map(\.text).joined(separator: "\n") + "\n"
  }

  /// The lines of `text` normalized as ``normalized(_:template:)`` says, each with its number in `text` (from 1);
  /// blank lines at either end left out, and every blank line where the template's text export prints none (a
  /// Chinese report copied from a page with a blank line between paragraphs). A number is then not a line's place
  /// among these: ``Unparsed/line`` is the number.
  public static func lines(_ text: String, template: Template) -> [(number: Int, text: String)] {
    var lines = PageChrome.lines(text).enumerated().map { offset, line -> (number: Int, text: String) in
      let indent = line.prefix { $0 == " " || $0 == "\t" }
      var body = Normalizer.normalize(Self.widenedGaps(String(line.dropFirst(indent.count))), keepingSpaces: true)
      if let quotes = template.quotes, quotes.count == 2 { body = Normalizer.pairQuotes(body, open: quotes[0], close: quotes[1]) }
      return (offset + 1, body.isEmpty ? "" : String(indent) + body)
    }
    while lines.last?.text.isEmpty == true { lines.removeLast() }
    while lines.first?.text.isEmpty == true { lines.removeFirst() }
    if template.export["text"].map({ Self.printsBlankLine(template.inliningPartials($0)) }) == false {
      lines.removeAll { $0.text.isEmpty }
    }
    return lines
  }

  /// Whether the text export `source` (its partials put in place) prints a blank line: a line end right after
  /// another, newlines at either end left out.
  static func printsBlankLine(_ source: String) -> Bool {
    let scalars = source.unicodeScalars
    let isNewline = { (scalar: Unicode.Scalar) in CharacterSet.newlines.contains(scalar) }
    guard let first = scalars.firstIndex(where: { !isNewline($0) }), let last = scalars.lastIndex(where: { !isNewline($0) })
    else { return false }
    // By bytes: Foundation's `contains` folds every character of the template's text it passes.
    return source[first...last].includes("\n\n")
  }

  /// `line` with each gap typed after a Chinese character — a tab, or two spaces or more, before more words — as
  /// the one ideographic space (U+3000) a Chinese document sets there: a 纪要's issuing office and its date typed
  /// on one line apart by spaces (`澄江县人民政府办公室  2025年2月21日`, a trial's) are then two lines published as one,
  /// as they are apart by U+3000 (see ``Mending/wideSpace(in:)``). Normalizing would make the gap one space, which
  /// parts nothing.
  static func widenedGaps(_ line: String) -> String {
    // Byte searches: Foundation's `contains` folds every character cluster it passes (a twentieth of an import).
    guard line.utf8.contains(UInt8(ascii: "\t")) || line.includes("  ") else { return line }
    var result = ""
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      guard character == " " || character == "\t" else {
        result.append(character)
        index = line.index(after: index)
        continue
      }
      let end = line[index...].firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
      let gap = line[index..<end]
      let afterChinese = result.last.map { !$0.isASCII } ?? false
      result += afterChinese && end < line.endIndex && (gap.utf8.contains(UInt8(ascii: "\t")) || gap.count >= 2) ? "\u{3000}" : String(gap)
      index = end
    }
    return result
  }

  /// Reads `text` (without page chrome) with `template`; `nil` when the template has no text export or it
  /// cannot be read backwards (a partial in it).
  ///
  /// Where a reading stops, the line it stopped on is set aside (kept whole in ``Reading/unparsed``) and the text
  /// read again with the line mended, in the way that reads furthest (the first that reads the whole text):
  /// - left out, as a line the template does not print (a footer, a remark);
  /// - read on where the template's words come back after the words it does not print (`Members present:` where
  ///   it prints `Present:`, `on January 14, 2025` where it prints `on Tuesday, January 14, 2025`);
  /// - ended where it stopped, as the template goes on (`adjourned at 9:32 PM` read as an adjournment with no
  ///   time, where the template prints `9:32 p.m.`);
  /// - broken there into two lines (a 纪要's issuing office and its date on one line, apart by a wide space, as
  ///   GB/T 9704-2012 §7.4.3 sets them; the template prints them on two);
  /// - with a line the template always prints and the text lacks put in before it (at most ``putInsAtMost``; the
  ///   reading then does not reproduce the text);
  /// - joined with the next line, as one a page wrapped (``Reading/joined``; not in a Chinese text, whose wrapping
  ///   ``PageChrome`` joins): tried first, and taken as soon as the reading gets past the two, where the reading
  ///   wanted more of the line at its end or the next line goes on in lowercase; else as the other mends are.
  /// A line mended is reported once, with the column where the reading first stopped on it
  /// (``Unparsed/readInPart``); one mended too often (``mendsPerLine``) is left out. When mending takes more than
  /// ``mendingReadings`` readings, the text is read again leaving lines out only.
  /// - Parameter maxUnparsed: how many lines may be set aside before the template is judged not to fit.
  /// - Parameter budget: the most steps one reading may take (see ``TextReader``).
  /// - Parameter mending: whether a line is mended; without, a line set aside is only left out.
  /// - Complexity: at most ``mendingReadings`` readings, then `maxUnparsed + 1` leaving lines out; each at most
  ///   `budget` steps.
  public static func read(
    _ text: String, template: Template, maxUnparsed: Int = 8, budget: Int = 4_000_000, mending: Bool = true, pageWidth: Int? = nil
  ) -> Reading? {
    guard let shapes = Self.shapes(of: template) else { return nil }
    let numbered = Self.lines(text, template: template)
    var reading = Mending(lines: numbered.map(\.text), numbers: numbered.map(\.number))
    reading.choiceValues = Self.choiceValues(in: template.parts)
    // A Chinese page's wrapping is joined before the text is read (``PageChrome``): a line there ends where the
    // page did, which the reader cannot tell from where a line of the report ends.
    reading.joinsLines = !template.language.hasPrefix("zh")
    if reading.joinsLines {
      reading.pageWidth = pageWidth ?? PageChrome.pageWidth(of: reading.lines)
      reading.lineStarts = Self.lineStarts(in: shapes)
    }
    var attempt = Attempt(reading.lines, shapes: shapes, template: template, budget: budget)
    var readings = 1
    // The readings that ended in joining a wrapped line, which do not count towards ``mendingReadings``.
    var joinReadings = 0
    while readings - joinReadings <= (mending ? mendingReadings : maxUnparsed + 1) {
      if attempt.read {
        // The export prints the lines read, mended or not: it reproduces the text only where they are the text's
        // own lines, but for those kept under unparsed (CI's fuzzing found a line read otherwise said reproduced).
        let kept = Set(reading.unparsed.map(\.line))
        let ownLines = reading.lines == numbered.filter { !kept.contains($0.number) }.map(\.text)
        return Reading(
          minutes: attempt.minutes, template: template, unparsed: reading.unparsed,
          reproduces: attempt.reproduces && ownLines && reading.putIns == 0 && reading.blankLinesLeftOut == 0
            && !reading.unparsed.contains(where: \.readInPart) && reading.joined.isEmpty,
          linesRead: reading.lines.count - reading.extraLines + reading.joined.count, joined: reading.joined.sorted())
      }
      guard reading.unparsed.count < maxUnparsed || reading.isMended(attempt.stop.line), !reading.lines.isEmpty else { break }
      let stop = attempt.stop
      var best: (text: Mending, attempt: Attempt, progress: (Int, Int))?
      // The line left out, when the text then reads whole: taken unless the line read on where the template's
      // words come back reads it whole too, which reads the line's own words (`出席人员：…` read on at `：` as the
      // 出席 list the template prints, where leaving it out read none of the names). Not the other mends, whose
      // words are the template's (a line ended as `会议` would be a paragraph made up).
      var leftOutReadsWhole: (text: Mending, attempt: Attempt)?
      for (way, mended) in reading.mendings(at: stop, leavingOutOnly: !mending).enumerated() {
        let tried = Attempt(mended.lines, shapes: shapes, template: template, budget: budget)
        readings += 1
        if tried.read {
          if mended.last == .leftOut, mending {
            leftOutReadsWhole = (mended, tried)
            continue
          }
          if leftOutReadsWhole == nil || mended.last == .resumed || mended.last == .wrapped {
            best = (mended, tried, (Int.max, 0))
            break
          }
          continue
        }
        if leftOutReadsWhole != nil { continue }
        // A line joined to the one before it, when the reading then gets past the two: a long line a page wrapped,
        // taken at once (a PDF's ragged margin breaks many lines, each one step here).
        if mended.last == .wrapped, let second = mended.joined.last, mended.progress(of: tried.stop).0 > second {
          best = (mended, tried, mended.progress(of: tried.stop))
          joinReadings += way + 1
          break
        }
        // Further means a later line of the text as published, or further along the same one. A line left out
        // (the first way) whose reading then stops at the very start of the next line went no further: the
        // template wanted a line there.
        let leftOutInVain = mended.last == .leftOut && tried.stop.line == stop.line && tried.stop.column == 0
        let progress = leftOutInVain ? reading.progress(of: stop) : mended.progress(of: tried.stop)
        // As far as leaving the line out, joining it keeps its words: taken then.
        if best.map({ progress > $0.progress || progress == $0.progress && mended.last.isJoin && !$0.text.last.isJoin }) ?? true {
          best = (mended, tried, progress)
        }
      }
      if best.map({ $0.progress != (Int.max, 0) }) ?? true, let whole = leftOutReadsWhole {
        best = (whole.text, whole.attempt, (Int.max, 0))
      }
      guard let best else { return nil }
      (reading, attempt) = (best.text, best.attempt)
    }
    // A mend can read a line into a shape that fails lines later, where leaving lines out reads more.
    return mending
      ? read(text, template: template, maxUnparsed: maxUnparsed, budget: budget, mending: false, pageWidth: pageWidth)
      : notRead(numbered, template: template)
  }

  /// The template's text export, its partials put in place, as the reader reads it backwards; `nil` when it has
  /// none or it does not parse.
  private static func shapes(of template: Template) -> [MustacheShape]? {
    template.export["text"].map(template.inliningPartials).flatMap { try? MustacheShape.parse($0) }
  }

  /// The words the template starts a line with (`Excused: `, `Respectfully submitted,`): what follows a line
  /// break in its text, up to the next tag, a section's tag between them or not (`\n{{#arrivals}}Arrivals and
  /// departures: `). A line that starts so was not broken off the line before by the page.
  static func lineStarts(in shapes: [MustacheShape]) -> [String] {
    var starts: Set<String> = []
    // Whether the text last printed, in the template's order, ended a line.
    var atLineStart = true
    func collect(_ shapes: [MustacheShape]) {
      for shape in shapes {
        switch shape {
        case .text(let scalars):
          var view = String.UnicodeScalarView()
          view.append(contentsOf: scalars)
          let pieces = String(view).split(separator: "\n", omittingEmptySubsequences: false)
          for start in atLineStart ? pieces[...] : pieces.dropFirst() {
            let words = start.drop { $0 == " " }
            if words.count >= 2 { starts.insert(String(words)) }
          }
          atLineStart = pieces.last?.isEmpty ?? atLineStart
        case .value:
          atLineStart = false
        case .section(_, _, let body):
          collect(body)
        }
      }
    }
    collect(shapes)
    return starts.sorted()
  }

  /// The values of every choice among `parts` and the parts under them: what a reading that stops may expect
  /// there, but are a clerk's answers, not the template's words, so never put into a line to mend it.
  static func choiceValues(in parts: [Part]) -> Set<String> {
    var values: Set<String> = []
    for part in parts {
      if case .choice(let choices, _)? = part.kind { values.formUnion(choices) }
      values.formUnion(choiceValues(in: part.parts))
    }
    return values
  }

  /// Where `template` stops reading `text` (without page chrome) as it is, no line set aside: the line (numbered
  /// as in `text`), the column and what the template expected there; `nil` when it reads the whole text, or has no
  /// text export it can read backwards. What a refused import names, so that the clerk knows which line to look at.
  /// - Complexity: one reading of the text.
  public static func stop(of text: String, template: Template) -> Unparsed? {
    guard let shapes = Self.shapes(of: template) else { return nil }
    let numbered = Self.lines(text, template: template)
    guard !numbered.isEmpty else { return nil }
    let attempt = Attempt(numbered.map(\.text), shapes: shapes, template: template, budget: 4_000_000)
    guard !attempt.read, attempt.stop.line < numbered.count else { return nil }
    let line = numbered[attempt.stop.line]
    return Unparsed(line: line.number, column: attempt.stop.column + 1, text: line.text, expected: attempt.stop.expected)
  }

  /// A reading of none of `numbered`: every line kept unparsed.
  private static func notRead(_ numbered: [(number: Int, text: String)], template: Template) -> Reading {
    Reading(
      minutes: Minutes(template: template.id), template: template,
      unparsed: numbered.map { Unparsed(line: $0.number, column: 1, text: $0.text, expected: []) }, reproduces: false, linesRead: 0)
  }

  /// How many times one line may be mended (ended or broken where a reading stopped on it) before it is left out.
  static let mendsPerLine = 6

  /// The longest line mended, in UTF-8 bytes (about 2,600 Chinese characters, longer than any paragraph of a
  /// report): a longer one is left out, since each way of mending it is a reading of it.
  static let mendableBytes = 8_000

  /// How many lines the template prints and the text lacks may be put in.
  static let putInsAtMost = 3

  /// How many readings mending may take in all before the text is read again leaving lines out only: a line
  /// mended into a shape that fails later can send the mends round in circles.
  static let mendingReadings = 64

  /// One reading of the text's lines: whether it read them whole, the draft it read, and where it stopped.
  private struct Attempt {
    var read = false
    var reproduces = false
    var minutes: Minutes
    /// Where the reading got furthest: the 0-based line and column (in characters), and the literals expected.
    var stop: (line: Int, column: Int, expected: [String])

    init(_ lines: [String], shapes: [MustacheShape], template: Template, budget: Int) {
      let joined = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
      let scalars = Array(joined.unicodeScalars)
      let reader = TextReader(text: scalars, template: template, budget: budget)
      var minutes = Minutes(template: template.id)
      // The first whole reading, the reader's likeliest: the one taken when none prints the text back (a time
      // in another style than the template's never does), rather than the last the reader tried.
      var first: Minutes?
      var reproduces = false
      read = DeepStack.run {
        reader.read(shapes) {
          minutes = Minutes(template: template.id, content: reader.record())
          minutes = (try? template.conform(minutes)) ?? minutes
          if first == nil { first = minutes }
          let exported = try? TextExporter().export(minutes, template: template)
          reproduces = exported == joined
          return reproduces
        }
      }
      if read, !reproduces, let first { minutes = first }
      self.minutes = minutes
      self.reproduces = reproduces
      let furthest = reader.furthest
      let (line, column) = Importer.position(of: furthest.position, in: scalars)
      stop = (min(line, max(lines.count - 1, 0)), column, furthest.expected)
    }
  }

  /// The text's lines as they are read, with the lines set aside so far: each line's number in the text given,
  /// and for a line mended, where its original is in `unparsed`.
  private struct Mending {
    /// Where a reading stopped: the 0-based line and column (in characters), and the literals expected there.
    typealias Stop = (line: Int, column: Int, expected: [String])

    var lines: [String]
    var numbers: [Int]
    /// For each line mended, the index in `unparsed` of the line it was mended from (none for a line the template
    /// prints and the text lacks, put in), and how often it was mended.
    var mended: [(unparsed: Int?, times: Int)?]
    var unparsed: [Unparsed] = []
    /// Lines a line was broken into beyond the first, and lines put in: not lines of the text.
    var extraLines = 0
    /// How many lines the text lacks were put in.
    var putIns = 0
    /// How many blank lines the template does not print were left out (a blank line is no content to keep).
    var blankLinesLeftOut = 0
    /// The values of the template's choices (``Importer/choiceValues(in:)``): never put into a line.
    var choiceValues: Set<String> = []
    /// What the last mend did, for the ways that keep a line's words to be taken over leaving it out.
    var last: Mend = .other
    /// The lines joined to the line before them (their numbers in the text).
    var joined: [Int] = []
    /// Where each line joined to another starts in it, by the number of the line it was joined to: the column
    /// (in characters) and the joined line's number. A reading that stops past the start got that far into the
    /// joined line (``progress(of:)``).
    var joinedAt: [Int: [(column: Int, number: Int)]] = [:]
    /// Whether a line may be joined to the line before it: not in a Chinese text (see
    /// ``Importer/read(_:template:maxUnparsed:budget:mending:)``).
    var joinsLines = true
    /// The width of the page the text was copied from, in scalars, when its lines look broken at one (``PageChrome/pageWidth(of:)``):
    /// a line that the next line's first word would have made wider than this was broken by the page. `nil` for a
    /// text whose lines are its paragraphs.
    var pageWidth: Int?
    /// The words the template starts a line with (``Importer/lineStarts(in:)``).
    var lineStarts: [String] = []

    /// What a mend did to the line a reading stopped on.
    enum Mend {
      /// Left it out (the first way tried, but for a wrapped line).
      case leftOut
      /// Read it on where the template's words came back (``resumption(of:in:)``): it keeps the line's own words,
      /// and is taken over leaving the line out when both read the text whole.
      case resumed
      /// Joined it with the line next to it: it keeps every word, and is taken over leaving the line out when the
      /// two read as far.
      case joined
      /// Joined it with the next line where the reading wanted more of it (it stopped at its end, or the next line
      /// goes on in lowercase), or with the line before where the page broke it (``brokeByPage(_:)``): a long line
      /// a page wrapped, taken as soon as the reading gets past the two.
      case wrapped
      /// Any other: ended, broken, put in before.
      case other

      var isJoin: Bool { self == .joined || self == .wrapped }
    }

    init(lines: [String], numbers: [Int]) {
      self.lines = lines
      self.numbers = numbers
      mended = Array(repeating: nil, count: lines.count)
    }

    func isMended(_ line: Int) -> Bool { line < mended.count && mended[line] != nil }

    /// How far a reading that stopped at `stop` got: the stop's line as numbered in the text, then its column; on a
    /// line joined from two, the second's number and the column in it past the join.
    func progress(of stop: Stop) -> (Int, Int) {
      guard stop.line < numbers.count else { return (Int.max, 0) }
      if let join = joinedAt[numbers[stop.line]]?.last(where: { $0.column <= stop.column }) {
        return (join.number, stop.column - join.column)
      }
      return (numbers[stop.line], stop.column)
    }

    private func mayMend(_ line: Int) -> Bool { mended[line].map { $0.times < Importer.mendsPerLine } ?? true }

    /// The ways to mend the line a reading stopped on, left out first (see ``Importer/read(_:template:maxUnparsed:budget:mending:)``).
    func mendings(at stop: Stop, leavingOutOnly: Bool) -> [Mending] {
      var ways = [leavingOut(stop)]
      // A blank line the template does not print is left out, and that is all: there is nothing in it to mend.
      if stop.line < lines.count, Normalizer.isBlank(lines[stop.line]) { return ways }
      guard !leavingOutOnly, mayMend(stop.line), lines[stop.line].utf8.count <= Importer.mendableBytes else { return ways }
      let line = lines[stop.line]
      let head = String(line.prefix(stop.column))
      let rest = line.dropFirst(stop.column)
      // A long line a page wrapped: the reading stopped at the end of the line, wanting more of it there, or anywhere on
      // it when the next line goes on in lowercase (`- Nadia Brennan: Execute the water main` / `repairs. Due: …`,
      // where the reading wanted `Due:` on the line), or at the start of the next, which the template does not
      // begin a line with. Joined, as the export prints it: first after leaving out, since it keeps every word and
      // makes none up; stopped elsewhere on the line (a list of names that must end with it), last.
      let goesOn = stop.line + 1 < lines.count && lines[stop.line + 1].first.map { $0.isASCII && $0.isLowercase } == true
      // At the end of a line where the template goes on to the next (`\nGuests: `), the line may well be whole.
      let wrapped = rest.isEmpty && !stop.expected.contains { $0.hasPrefix("\n") } || goesOn
      let joinedToNext = joining(stop.line)
      // Before leaving the line out: a reading that stops at each of a page's wrapped lines would otherwise take two
      // readings of the text for each, one of them in vain.
      if wrapped, var joinedToNext {
        joinedToNext.last = .wrapped
        ways.insert(joinedToNext, at: 0)
      }
      // The line before, broken off by the page here (`Present: Ana Ortiz, Dana Reyes, Priya` / `Shah`, where the
      // reading took the `S` for `Staff: `), or this line going on in lowercase, stopped at its start (`…; Ravi` /
      // `expects both fixed by Thursday.`): joined to it first, as a line that wanted more; at a line's start, last.
      let goesOnHere = stop.column == 0 && lines[stop.line].first.map { $0.isASCII && $0.isLowercase } == true
      let wrapsHere = stop.line > 0 && (goesOnHere || brokeByPage(stop.line - 1))
      var joinedToPrevious = (stop.column == 0 || wrapsHere) && stop.line > 0 ? joining(stop.line - 1) : nil
      if wrapsHere, var joined = joinedToPrevious {
        joined.last = .wrapped
        ways.insert(joined, at: wrapped && joinedToNext != nil ? 1 : 0)
        joinedToPrevious = nil
      }

      // The literals that end the line first: ending it is the likelier mend. Not a choice's value, which would
      // be an answer made up (`3月18日15:00，` ended as `3月18日上午`: a trial's report was given a morning meeting),
      // nor the rest of one begun just before the stop (`approved as presented`, stopped after the `as ` that
      // `as distributed` and `as corrected` share, is no `as distributed`).
      let literals = stop.expected.filter { literal in
        !choiceValues.contains { $0 == literal || ($0.hasSuffix(literal) && head.hasSuffix($0.dropLast(literal.count))) }
      }
        .sorted { ($0.hasPrefix("\n") ? 0 : 1, $0) < ($1.hasPrefix("\n") ? 0 : 1, $1) }
      var seen: Set<[String]> = [[line]]
      func add(_ replacement: [String], setAside: Bool = true, resumed: Bool = false) {
        // No line of the text ends in a space (see `lines(_:template:)`), nor may a line mended.
        let replacement = replacement.map { String($0.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed()) }
        guard seen.insert(replacement).inserted else { return }
        var way = replacing(stop, line: stop.line, with: replacement, setAside: setAside)
        if resumed { way.last = .resumed }
        ways.append(way)
      }
      for literal in literals.prefix(3) {
        let parts = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The rest goes on as the literal ends, the words between left out: `on January 14` where `on Tuesday,
        // January 14` is printed, `Members present:` where `Present:` is. First: it keeps the most of the line.
        if parts.count == 1, let resumed = Self.resumption(of: parts[0], in: rest) { add([head + parts[0] + rest[resumed...]], resumed: true) }
        // A line the template prints and the text lacks (an adjournment not recorded), put in before this one
        // or before the rest of it.
        if putIns < Importer.putInsAtMost {
          if stop.column == 0, parts.count == 1, !seen.contains([parts[0], line]) {
            seen.insert([parts[0], line])
            ways.append(puttingIn(parts[0], before: stop.line))
          } else if parts.count > 1, parts.dropFirst().contains(where: { !$0.isEmpty }) {
            add([head + parts[0]] + parts.dropFirst().dropLast() + [parts.last! + rest], setAside: false)
          }
        }
        // Ended as the literal goes on, the rest of the line left out; not with words the line already has
        // (`…called the meeting to order at 7:05 PM` read as one name, ` called the meeting to order at ` after).
        if parts[0].count < 2 || !head.contains(parts[0]) { add([head + parts[0]]) }
      }
      let trimmed = rest.drop { $0 == " " || $0 == "\u{3000}" }
      if !trimmed.isEmpty, !head.isEmpty { add([head, String(trimmed)]) }

      // Two lines published as one, apart by a wide space (an issuing office and its date): the line the reading
      // stopped on, or the one before it, whose value may have taken the next line's text.
      for index in [stop.line, stop.line - 1] where index >= 0 && mayMend(index) {
        guard lines[index].utf8.count <= Importer.mendableBytes, let gap = Self.wideSpace(in: lines[index]) else { continue }
        let column = lines[index].distance(from: lines[index].startIndex, to: gap.lowerBound)
        let parts = [String(lines[index][..<gap.lowerBound]), String(lines[index][gap.upperBound...])]
        ways.append(replacing((index, column, []), line: index, with: parts, setAside: true))
      }
      if let joinedToPrevious { ways.append(joinedToPrevious) }
      if !wrapped, let joinedToNext { ways.append(joinedToNext) }
      return ways
    }

    /// Where `rest` goes on after the end of `literal`: after the longest end of it (at least half of it, and two
    /// characters) that `rest` holds; `nil` when it holds none.
    static func resumption(of literal: String, in rest: Substring) -> Substring.Index? {
      // A mark alone (`，` after a date, where the text has a time the template has no place for: `3月18日15:00，`)
      // comes back within a few characters, or is some other mark.
      if literal.count == 1, let mark = literal.first, mark.isPunctuation {
        return rest.prefix(Self.markResumesWithin).firstIndex(of: mark).map { rest.index(after: $0) }
      }
      let least = max(2, (literal.count + 1) / 2)
      guard literal.count >= least else { return nil }
      for length in stride(from: literal.count, through: least, by: -1) {
        if let found = rest.range(of: literal.suffix(length)) { return found.upperBound }
      }
      return nil
    }

    /// How far into the rest of a line a mark the template prints may come back (``resumption(of:in:)``).
    static let markResumesWithin = 12

    /// The first space in `line` that parts two lines published as one: an ideographic space (U+3000), or a
    /// space between two characters that are not ASCII (Chinese text has no spaces of its own).
    static func wideSpace(in line: String) -> Range<String.Index>? {
      var previous: Character?
      for index in line.indices {
        let character = line[index]
        if character == "\u{3000}", previous != nil, line.index(after: index) < line.endIndex { return index..<line.index(after: index) }
        if character == " ", let previous, !previous.isASCII {
          let next = line.index(after: index)
          if next < line.endIndex, !line[next].isASCII, line[next] != "\u{3000}" { return index..<next }
        }
        previous = character
      }
      return nil
    }

    /// Whether the page broke line `index` before the next: the text's lines look broken at a width
    /// (``pageWidth``), the next line's first word would have made line `index` wider than it (greedy wrapping moves
    /// a word to the next line only then, so a line that had room for it ended where its author did).
    func brokeByPage(_ index: Int) -> Bool {
      guard joinsLines, let pageWidth, index + 1 < lines.count else { return false }
      let word = lines[index + 1].unicodeScalars.prefix { $0 != " " }.count
      return word > 0 && lines[index].unicodeScalars.count + 1 + word > pageWidth
    }

    /// Line `index` with the line after it joined to its end (``PageChrome/joining(_:_:)``); `nil` when there is
    /// no such line, either is blank or mended, the two are longer than a line mended may be, or the line after
    /// starts as the template starts a line (`Excused: Wendell Hart` under a roll call as wide as the page,
    /// `Arrivals and departures: …` under a list of guests: lines of their own).
    private func joining(_ index: Int) -> Mending? {
      guard joinsLines, index + 1 < lines.count, mended[index] == nil, mended[index + 1] == nil,
        !Normalizer.isBlank(lines[index]), !Normalizer.isBlank(lines[index + 1]),
        !lineStarts.contains(where: lines[index + 1].hasPrefix),
        lines[index].utf8.count + lines[index + 1].utf8.count <= Importer.mendableBytes
      else { return nil }
      var joined = self
      joined.last = .joined
      let line = PageChrome.joining(lines[index], lines[index + 1])
      joined.lines[index] = line
      joined.joined.append(numbers[index + 1])
      // The join's column, and those of lines joined to the second before, now further along the first.
      let column = line.count - lines[index + 1].trimmedSpaces.count
      let carried = (joinedAt[numbers[index + 1]] ?? []).map { (column: $0.column + column, number: $0.number) }
      joined.joinedAt[numbers[index], default: []] += [(column, numbers[index + 1])] + carried
      joined.lines.remove(at: index + 1)
      joined.numbers.remove(at: index + 1)
      joined.mended.remove(at: index + 1)
      return joined
    }

    /// The line stopped on left out, and set aside whole.
    private func leavingOut(_ stop: Stop) -> Mending {
      var next = self
      next.last = .leftOut
      if let record = mended[stop.line] {
        if let index = record.unparsed { next.unparsed[index].readInPart = false }
      } else if Normalizer.isBlank(lines[stop.line]) {
        // An extra blank line between sections holds nothing the clerk must put anywhere: it is not kept under
        // unparsed (a trial's team notes with a few were eight errors of empty lines).
        next.blankLinesLeftOut += 1
      } else {
        next.unparsed.append(Unparsed(line: numbers[stop.line], column: stop.column + 1, text: lines[stop.line], expected: stop.expected))
      }
      next.lines.remove(at: stop.line)
      next.numbers.remove(at: stop.line)
      next.mended.remove(at: stop.line)
      return next
    }

    /// `line` put in before line `index`: a line the template prints and the text lacks.
    private func puttingIn(_ line: String, before index: Int) -> Mending {
      var next = self
      next.last = .other
      next.putIns += 1
      next.lines.insert(line, at: index)
      next.numbers.insert(numbers[index], at: index)
      next.mended.insert((nil, 1), at: index)
      next.extraLines += 1
      return next
    }

    /// Line `line` replaced by `replacements`, and set aside whole when `setAside` (once: a line mended again is
    /// not set aside again); without, the lines beyond the first are lines put in.
    private func replacing(_ stop: Stop, line: Int, with replacements: [String], setAside: Bool) -> Mending {
      var next = self
      next.last = .other
      var records: [(unparsed: Int?, times: Int)?]
      if setAside {
        var record = mended[line].map { ($0.unparsed, $0.times + 1) } ?? (nil, 1)
        if mended[line] == nil {
          record.0 = next.unparsed.count
          next.unparsed.append(Unparsed(line: numbers[line], column: stop.column + 1, text: lines[line], expected: stop.expected, readInPart: true))
        }
        records = Array(repeating: record, count: replacements.count)
      } else {
        // The line read on as it was; the lines put in after it are no lines of the text, never set aside.
        next.putIns += 1
        records = [mended[line]] + Array(repeating: (nil, 1), count: replacements.count - 1)
      }
      next.lines.replaceSubrange(line...line, with: replacements)
      next.numbers.replaceSubrange(line...line, with: Array(repeating: numbers[line], count: replacements.count))
      next.mended.replaceSubrange(line...line, with: records)
      next.extraLines += replacements.count - 1
      return next
    }
  }

  /// The 0-based line and column (in characters) of scalar `offset` in `scalars`.
  fileprivate static func position(of offset: Int, in scalars: [Unicode.Scalar]) -> (line: Int, column: Int) {
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
  /// none reads a line of it. Each template is tried leaving out at most 3 lines, then, when none reads the
  /// text so, setting aside at most `maxUnparsed`, each mended where it can be (see
  /// ``read(_:template:maxUnparsed:budget:mending:)``): mending tries several readings a line, and a text that
  /// reads with a line or two left out is the usual case.
  public static func best(_ text: String, among templates: [Template], maxUnparsed: Int = bestSetsAside, pageWidth: Int? = nil) -> Reading? {
    if let reading = best(text, among: templates, setting: 3, mending: false, pageWidth: pageWidth) { return reading }
    return best(text, among: templates, setting: maxUnparsed, mending: true, pageWidth: pageWidth)
  }

  /// A published text without its page chrome (``PageChrome/strip(_:keepingCredits:)``), read by `read`: a credit
  /// line in brackets (`（撰稿人：…　審稿人：…）`) is kept for a template that prints one, that is when the reading
  /// with it sets aside no more lines than the reading without it and reads the rest as that one does (a template
  /// with no credit could take it as one more paragraph of the last item, and its attendance with it); otherwise
  /// it is removed as a footer.
  /// `read` is also given the width of the page the text was broken at (``PageChrome/pageWidth(of:)`` of its lines
  /// as published, before the chrome's wrapped lines are joined), for ``read(_:template:maxUnparsed:budget:mending:pageWidth:)``.
  /// `stripped`, when given, is `PageChrome.strip(text)`, made already by the caller.
  /// - Returns: the reading (`nil` when `read` reads nothing) and the stripping it read.
  public static func readPublished(
    _ text: String, stripped: (text: String, notes: [PageChrome.Note], origins: [Int])? = nil,
    _ read: (_ body: String, _ pageWidth: Int?) -> Reading?
  ) -> (reading: Reading?, stripped: (text: String, notes: [PageChrome.Note], origins: [Int])) {
    let pageWidth = PageChrome.pageWidth(of: PageChrome.lines(text).map(String.init))
    let withoutCredits = stripped ?? PageChrome.strip(text)
    // A text with no credit line is stripped alike either way: it is stripped once (each stripping walks the
    // whole text).
    let withCredits = PageChrome.hasCreditLine(text) ? PageChrome.strip(text, keepingCredits: true) : withoutCredits
    let without = read(withoutCredits.text, pageWidth)
    guard withCredits.text != withoutCredits.text, let with = read(withCredits.text, pageWidth), with.linesRead > 0 else {
      return (without, withoutCredits)
    }
    guard let without, without.linesRead > 0 else { return (with, withCredits) }
    let readsTheRestAlike = without.minutes.content.fields.allSatisfy { key, value in with.minutes.content[key] == value }
    return readsTheRestAlike && with.unparsed.count <= without.unparsed.count ? (with, withCredits) : (without, withoutCredits)
  }

  /// The most lines a template may set aside and still be taken by ``best(_:among:maxUnparsed:)``.
  public static let bestSetsAside = 20

  private static func best(_ text: String, among templates: [Template], setting maxUnparsed: Int, mending: Bool, pageWidth: Int?) -> Reading? {
    var best: (reading: Reading, rank: (Int, Int, Int))?
    for template in templates {
      guard let reading = read(text, template: template, maxUnparsed: maxUnparsed, mending: mending, pageWidth: pageWidth), reading.linesRead > 0
      else { continue }
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
    reading.template.walk(reading.minutes, slot: { _, _, isMissing in if isMissing { count += 1 } })
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
