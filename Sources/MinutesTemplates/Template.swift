import Foundation
internal import Mustache
import MinutesModel

/// A structured template: the shape of the minutes (``parts``), the questions the assistant asks and the
/// choices it offers, what is required, the roles the built-in checks need, and the prose of the export.
/// Loaded from a YAML file a clerk can read and write (see `docs/templates.md` and ``TemplateLibrary``).
public struct Template: Sendable {
  /// The newest template format this version reads.
  public static let currentFormat = 2

  /// The template format version.
  public var format: Int
  /// The id used on the command line, e.g. `gov-executive.zh-Hant`.
  public var id: String
  /// A human name for the template.
  public var name: String
  /// The BCP 47 language tag of its prose and messages: `zh-Hant`, `zh-Hans` or `en`.
  public var language: String
  /// The id of the template this one extends, if any (already merged in when loaded).
  public var extends: String?
  /// The parts of the minutes, in interview order.
  public var parts: [Part]
  /// The words that answer yes or no.
  public var yesNo: YesNo
  /// The quotation marks straight quotes `"…"` become, opening and closing, e.g. `[“, ”]` (GB/T 15834-2011
  /// §4.8 引号 for horizontal Chinese text; a house may print 「」); `nil` or `[]` (a variant turning off its parent's)
  /// leaves straight quotes as typed.
  public var quotes: [String]?
  /// The parts the built-in checks look at (see ``Roles``).
  public var roles: Roles
  /// The checks the template declares, comparing parts with each other (see ``Check``); none by default.
  public var checks: [Check] = []
  /// The export templates, by key (one of ``exportKeys``): Mustache templates over the draft for `text`
  /// (required), `markdown`, `html` and `docx` (see `TextExporter`, `MarkdownExporter`, `HTMLExporter`,
  /// `DocxExporter`), and `css`, the style sheet of the HTML export.
  public var export: [String: String]
  /// Mustache texts by name that the exports print with `{{> name}}` (`partials`): wording a text export repeats
  /// (the attendance sentences, printed at the end, at the start or inline), written once. Import reads an export
  /// with its partials put in place (``inliningPartials(_:)``). None by default.
  public var partials: [String: String] = [:]
  /// What a meeting that follows on takes over from this one (`minutes new --from`); `nil` when nothing is.
  public var carry: Carry?
  /// How the export prints times and dates (`styles`; see ``Styles``): ``Styles/default`` when not given.
  public var styles: Styles
  /// The lists whose entries the export gathers by a part they share (`gather`; see ``Gathering``): entries of
  /// motions and public comment by their agenda item. None by default.
  public var gather: [Gathering] = []
  /// A digest of the texts the template was read from (its file and those it extends; for a built-in template,
  /// its id, the program holding its text): two templates with the same digest were read from the same texts, so
  /// what is worked out from a template and kept on disk (a draft's index) can be told to be still true of it. 0
  /// for a template made otherwise than by ``TemplateLibrary``. 64-bit FNV-1a; no defence against tampering.
  public internal(set) var sourceDigest: UInt64 = 0

  /// The start of ``digest(of:from:)``: FNV-1a's offset basis.
  static let digestSeed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// 64-bit FNV-1a of `text`'s UTF-8, continuing from `digest`.
  static func digest(of text: String, from digest: UInt64) -> UInt64 {
    var hash = digest
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// The keys `export` may have: `text`, `markdown`, `html` (Mustache texts) and `css` (a style sheet).
  public static let exportKeys = ["text", "markdown", "html", "docx", "css"]

  /// The keys of `export` that lay out the text export's wording in another format. A template that `extends`
  /// another and writes its own `export.text` does not inherit these from its parent: they would print the
  /// parent's wording (``TemplateLibrary``).
  public static let layoutExportKeys = ["markdown", "html"]

  /// The answers that mean yes and no.
  public struct YesNo: Decodable, Sendable, Hashable {
    /// Words meaning yes; the first is shown for a yes.
    public var yes: [String]
    /// Words meaning no; the first is shown for a no.
    public var no: [String]

    private enum CodingKeys: String, CodingKey, CaseIterable { case yes, no }

    init(yes: [String], no: [String]) {
      self.yes = yes
      self.no = no
    }

    /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
    public init(from decoder: any Decoder) throws {
      try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
      let c = try decoder.container(keyedBy: CodingKeys.self)
      yes = try c.decode([String].self, forKey: .yes)
      no = try c.decode([String].self, forKey: .no)
    }
  }

  /// The root of the shape, as a group part.
  public var root: Part {
    Part(key: "", label: name, shape: .group(Part.Group(parts: parts)))
  }

  /// The messages of the assistant and the checks, in the template's language.
  public var messages: Messages { Messages(language: language) }
}

/// Which parts of a template the built-in checks look at. Every role is optional: a check runs only where its
/// template declares what it needs. Paths are stored addresses (``Address``); `*` stands for every entry of a list.
public struct Roles: Sendable, Hashable {
  /// The chair's name, e.g. `meeting.chair.name`.
  public var chair: String?
  /// The attendance categories, in order (出席, 列席, 請假; present, absent, excused, guests).
  public var attendance: [Category]
  /// Where the motions are and what their parts mean, for the motion checks (RONR 12th ed. 48:4–5).
  public var motions: Motions?

  /// An attendance category: a list of people.
  public struct Category: Sendable, Hashable {
    /// The list, e.g. `attendance.present`.
    public var list: String
    /// The key, in each entry, of the name or list of names.
    public var name: String
    /// Whether the people in it are present (and may vote).
    public var present: Bool
    /// Whether the chair is left out of it (the Chinese report names the chair in its first sentence only).
    public var withoutChair: Bool
    /// Whether the people in it came or went during the meeting (late arrivals, early departures; RONR 12th ed.
    /// 48:4(3)): with `present`, each counts as present for the motion rules, once whatever other list names them
    /// too, and being named in another list as well is no duplicate.
    public var partly = false
  }

  /// The motions of a template and the meaning of their parts.
  public struct Motions: Sendable, Hashable {
    /// The list of motions, e.g. `motions` or `items.*.motions`.
    public var list: String
    /// The key of the mover.
    public var mover: String
    /// The key of the seconder, where the template has one.
    public var seconder: String?
    /// The key of the disposition (adopted, failed…).
    public var disposition: String
    /// Dispositions that mean the motion was adopted.
    public var adopted: [String]
    /// Dispositions that mean the motion failed.
    public var failed: [String]
    /// The keys of the vote counts, where the template has them.
    public var votesFor: String?
    /// The key of the votes against.
    public var votesAgainst: String?
    /// The key of the abstentions.
    public var abstentions: String?
    /// The roll call of a motion, where the template has one.
    public var rollCall: RollCall?
  }

  /// A recorded roll-call vote.
  public struct RollCall: Sendable, Hashable {
    /// The key of the roll-call list in a motion.
    public var list: String
    /// The key of the member's name in an entry.
    public var member: String
    /// The key of the member's vote in an entry.
    public var vote: String
    /// Votes that count for the motion (aye).
    public var votesFor: [String]
    /// Votes that count against it (nay).
    public var votesAgainst: [String]
    /// Votes that count as abstentions.
    public var abstentions: [String]
  }
}

/// Equal when every part, rule, role and export is: how the tests compare a built-in template compiled at build
/// time with its YAML parsed.
extension Template: Hashable {}

extension Template {
  /// How deep a partial that prints another partial is followed (see ``inliningPartials(_:)``).
  public static let partialDepth = 8

  /// `source` with each `{{> name}}` of one of ``partials`` replaced by that partial's text, and so on in what was
  /// put in (at most ``partialDepth`` deep): the text the export prints from, as one Mustache text. A name that
  /// is no partial of the template is left as it is (the checker refuses such a template).
  /// - Complexity: O(n) in the text's UTF-8 bytes for each depth followed: a byte scan, no expression (with the
  ///   standard library's `Regex` and Foundation's `contains`, the three times an import inlined a report
  ///   template's text were 25.6M instructions, about 3 ms: a sixteenth of importing a report of 10 items).
  public func inliningPartials(_ source: String) -> String {
    guard !partials.isEmpty else { return source }
    var text = Array(source.utf8)
    for _ in 0..<Self.partialDepth {
      var result: [UInt8] = []
      var position = 0
      while let tag = Self.partialTag(in: text, from: position) {
        if result.isEmpty { result.reserveCapacity(text.count) }
        result += text[position..<tag.range.lowerBound]
        if let partial = partials[tag.name] { result += partial.utf8 } else { result += text[tag.range] }
        position = tag.range.upperBound
      }
      guard position > 0 else { break }
      result += text[position...]
      text = result
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The names of the partials `source` prints (`{{> name}}`), in order.
  public static func partialNames(in source: String) -> [String] {
    let bytes = Array(source.utf8)
    var names: [String] = [], position = 0
    while let tag = partialTag(in: bytes, from: position) {
      names.append(tag.name)
      position = tag.range.upperBound
    }
    return names
  }

  /// The first `{{> name}}` in `bytes` (valid UTF-8) at or after the byte `from`, as the expression
  /// `\{\{>\s*([^}\s]+)\s*\}\}` finds it, `\s` being Unicode's White_Space: the tag's bytes and the name.
  /// - Complexity: O(n) in the bytes from `from`: the tag's first byte is found with `firstIndex(of:)`.
  package static func partialTag(in bytes: [UInt8], from: Int) -> (range: Range<Int>, name: String)? {
    func skipSpace(_ index: inout Int) {
      while index < bytes.count, case let (scalar, length) = scalar(at: index, in: bytes), scalar.properties.isWhitespace { index += length }
    }
    let brace = UInt8(ascii: "{"), close = UInt8(ascii: "}")
    var start = from
    while start + 2 < bytes.count, let open = bytes[start...].firstIndex(of: brace) {
      guard open + 2 < bytes.count else { return nil }
      guard bytes[open + 1] == brace, bytes[open + 2] == UInt8(ascii: ">") else {
        start = open + 1
        continue
      }
      var index = open + 3
      skipSpace(&index)
      let nameStart = index
      while index < bytes.count, bytes[index] != close, case let (scalar, length) = scalar(at: index, in: bytes),
        !scalar.properties.isWhitespace {
        index += length
      }
      let nameEnd = index
      skipSpace(&index)
      if nameEnd > nameStart, index + 1 < bytes.count, bytes[index] == close, bytes[index + 1] == close {
        return (open..<index + 2, String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))
      }
      start = open + 1
    }
    return nil
  }

  /// The scalar whose UTF-8 bytes start at `index` of `bytes` (valid UTF-8), and their count.
  private static func scalar(at index: Int, in bytes: [UInt8]) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
    for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }
}

extension Template: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case format, id, name, language, extends, parts, yesNo, quotes, roles, checks, export, partials, carry, styles, gather
  }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(Int.self, forKey: .format)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    language = try c.decode(String.self, forKey: .language)
    extends = try c.decodeIfPresent(String.self, forKey: .extends)
    parts = try c.decode([Part].self, forKey: .parts)
    yesNo = try c.decodeIfPresent(YesNo.self, forKey: .yesNo) ?? YesNo(yes: ["yes"], no: ["no"])
    quotes = try c.decodeIfPresent([String].self, forKey: .quotes)
    roles = try c.decodeIfPresent(Roles.self, forKey: .roles) ?? Roles(chair: nil, attendance: [], motions: nil)
    checks = try c.decodeIfPresent([Check].self, forKey: .checks) ?? []
    export = try c.decode([String: String].self, forKey: .export)
    partials = try c.decodeIfPresent([String: String].self, forKey: .partials) ?? [:]
    carry = try c.decodeIfPresent(Carry.self, forKey: .carry)
    styles = try c.decodeIfPresent(Styles.self, forKey: .styles) ?? .default
    gather = try c.decodeIfPresent([Gathering].self, forKey: .gather) ?? []
    if !parts.contains(where: { $0.key == Self.unparsedKey }) { parts.append(Self.unparsedPart(language: language)) }
  }
}

extension Template {
  /// The key of the list every template has last, not asked and not exported: the lines of an imported text
  /// that could not be read (`minutes import`), kept as they were until the clerk puts their content where it
  /// belongs; `check` reports each as an error (`import.unparsed`).
  public static let unparsedKey = "unparsed"

  /// The list of unparsed lines, labelled in `language`.
  static func unparsedPart(language: String) -> Part {
    Part(key: unparsedKey, label: Messages(language: language).unparsedLabel,
         shape: .list(Part.List(entries: .values(.text))), asking: Part.Asking(isAsked: false))
  }
}

extension Roles: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case chair, attendance, motions }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    chair = try c.decodeIfPresent(String.self, forKey: .chair)
    attendance = try c.decodeIfPresent([Category].self, forKey: .attendance) ?? []
    motions = try c.decodeIfPresent(Motions.self, forKey: .motions)
  }
}

extension Roles.Category: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case list, name, present, withoutChair, partly }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    list = try c.decode(String.self, forKey: .list)
    name = try c.decode(String.self, forKey: .name)
    present = try c.decodeIfPresent(Bool.self, forKey: .present) ?? false
    withoutChair = try c.decodeIfPresent(Bool.self, forKey: .withoutChair) ?? false
    partly = try c.decodeIfPresent(Bool.self, forKey: .partly) ?? false
  }
}

extension Roles.Motions: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case list, mover, seconder, disposition, adopted, failed, votesFor, votesAgainst, abstentions, rollCall
  }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    list = try c.decode(String.self, forKey: .list)
    mover = try c.decode(String.self, forKey: .mover)
    seconder = try c.decodeIfPresent(String.self, forKey: .seconder)
    disposition = try c.decode(String.self, forKey: .disposition)
    adopted = try c.decodeIfPresent([String].self, forKey: .adopted) ?? []
    failed = try c.decodeIfPresent([String].self, forKey: .failed) ?? []
    votesFor = try c.decodeIfPresent(String.self, forKey: .votesFor)
    votesAgainst = try c.decodeIfPresent(String.self, forKey: .votesAgainst)
    abstentions = try c.decodeIfPresent(String.self, forKey: .abstentions)
    rollCall = try c.decodeIfPresent(Roles.RollCall.self, forKey: .rollCall)
  }
}

extension Roles.RollCall: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case list, member, vote, votesFor, votesAgainst, abstentions
  }

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    list = try c.decode(String.self, forKey: .list)
    member = try c.decode(String.self, forKey: .member)
    vote = try c.decode(String.self, forKey: .vote)
    votesFor = try c.decodeIfPresent([String].self, forKey: .votesFor) ?? []
    votesAgainst = try c.decodeIfPresent([String].self, forKey: .votesAgainst) ?? []
    abstentions = try c.decodeIfPresent([String].self, forKey: .abstentions) ?? []
  }
}
