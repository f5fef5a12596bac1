import Foundation
import MinutesModel

/// One part of the minutes' shape, as a template declares it: a field the assistant asks for, a group of parts,
/// or a list of entries. The parts of a template form a tree, and a draft is a tree of ``Value``s of that shape.
///
/// A part is
/// - a **field** (`type` text, number, date, time, choice or yesno): one value, asked with `question`;
/// - a **group** (`parts` without `list`): a record of parts, e.g. `chair` with `title` and `name`;
/// - a **list** (`list: true`): entries of its `type`, or records of its `parts`.
///
/// See `docs/templates.md` for every key, with examples.
public struct Part: Sendable, Hashable {
  /// The key under which the value is stored, e.g. `date`, `items`.
  public var key: String
  /// Other names a clerk may type for it in an address, e.g. `followup`, `出席`.
  public var names: [String]
  /// A short name shown in prompts and outlines, e.g. 日期; for a list, the name of one entry (議題).
  public var label: String
  /// The question; a Mustache template that may use the entry numbers along the way (see ``counter``) and `n`,
  /// the number of the entry asked. For a list of records, the question of a new entry is its first part's,
  /// unless the list reads whole lines (``line``).
  public var question: String?
  /// The kind of value of a field, or of each entry of a list of values.
  public var type: PartType
  /// Whether a draft is incomplete without it; for a list, whether it needs at least one entry.
  public var required: Bool
  /// For a list: the fewest entries a finished draft has (`required: true` means 1).
  public var min: Int?
  /// The allowed answers, offered with Tab; each may carry a `phrase` for the export.
  public var choices: [Choice]?
  /// Whether answers outside ``choices`` are accepted (the choices are then only suggestions).
  public var isOpen: Bool
  /// The parts of a group, or of each entry of a list of records.
  public var parts: [Part]
  /// Whether the part holds a list of entries.
  public var isList: Bool
  /// Whether bare numbers in an address go to this list: `2` is entry 2 of the numbered list of the root,
  /// `2.1` entry 1 of the numbered list of that entry. At most one numbered list per record.
  public var isNumbered: Bool
  /// For a group: whether its parts are addressed without its key (`date` rather than `meeting.date`).
  public var isInline: Bool
  /// For a list of records: the key of the part that stands for the whole entry (shown in outlines, edited by
  /// `:edit 2`); the first part when not given.
  public var title: String?
  /// The name of this list's entry number in questions (`{{item}}`); the key when not given.
  public var counter: String?
  /// Asked only when the sibling parts named hold one of the values given, e.g. `{kind: [審議]}`.
  public var when: [String: [String]]?
  /// Not asked when the sibling parts named hold one of the values given, e.g. `{verb: [原則同意]}`.
  public var unless: [String: [String]]?
  /// For a list of records: each entry is typed on one line and split into these parts (see ``LineFormat``).
  public var line: LineFormat?
  /// For a list of values: one answer may hold several entries, separated by any of these characters.
  public var split: String?
  /// How the entries of a list are joined in the export and on the input line (see ``Join``).
  public var join: Join?
  /// Pairs of marks removed from around an answer because the export prints them, e.g. `[《, 》]`.
  public var unwrap: [[String]]
  /// Removes the ``unwrap`` marks only when the sibling parts named hold one of the values given (the kinds
  /// whose phrase prints the marks itself), e.g. `{kind: [審議]}`; always when not given.
  public var unwrapWhen: [String: [String]]?
  /// Characters removed from the end of an answer because the export prints its own, e.g. `。；，`.
  public var trimEnd: String
  /// Characters removed from the start of an answer, e.g. `，`.
  public var trimStart: String
  /// A pattern a text answer must match to pass `minutes check` (a declared rule).
  public var pattern: Pattern?
  /// Whether the interview asks for it; parts that are only edited by command (or filled by others) say false.
  public var isAsked: Bool

  /// The kind of a field's value.
  public enum PartType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free text (normalized).
    case text
    /// A positive whole number; Chinese numerals are accepted (十 → 10).
    case number
    /// A count: a whole number, zero or more (votes).
    case count
    /// A calendar date, stored `YYYY-MM-DD`.
    case date
    /// A time of day, stored `HH:MM` (24-hour).
    case time
    /// One of ``choices`` (or any text, when ``isOpen``).
    case choice
    /// Yes or no, typed with the template's words (``Template/YesNo``).
    case yesno
    /// A record of ``parts`` (a group, or the entries of a list of records).
    case group
  }

  /// An allowed answer.
  public struct Choice: Sendable, Hashable {
    /// The answer as typed and stored.
    public var value: String
    /// What the answer says in the export: a Mustache template over the entry that holds it, available there
    /// as `{{key.phrase}}` (e.g. 會議審議了《{{subject}}》).
    public var phrase: String?
  }

  /// How a line typed for a list of records is split into its parts.
  ///
  /// The line is split at `separator` (a space means any run of spaces); each part but the last takes one
  /// piece, the last takes the rest. A list part among them splits its piece further by its own ``split``.
  public struct LineFormat: Sendable, Hashable {
    /// Where the line is split: `" "` (any spaces) or a mark such as `,`.
    public var separator: String
    /// The keys of the parts, in the order typed.
    public var parts: [String]
    /// An example line, shown when a line cannot be split.
    public var example: String
  }

  /// How the entries of a list are joined.
  public struct Join: Sendable, Hashable {
    /// Between entries (、).
    public var separator: String
    /// Between entries when each entry's list has one value (the seed report: 區人大代表秦雪、政協委員賀超).
    public var single: String?
    /// For a list of records, each entry rendered: a Mustache template over the entry.
    public var entry: String?

    /// A join by `separator` (by `single` when each entry's own list has one value), rendering entries with
    /// `entry`.
    public init(separator: String, single: String? = nil, entry: String? = nil) {
      (self.separator, self.single, self.entry) = (separator, single, entry)
    }
  }

  /// A pattern that a text answer must match.
  public struct Pattern: Sendable, Hashable {
    /// A regular expression (ICU syntax) that must match the whole answer.
    public var regex: String
    /// The finding's message when it does not.
    public var message: String
    /// `error` or `warning`.
    public var severity: Severity
  }

  /// Whether the part is a group or a list of records.
  public var isRecord: Bool { type == .group }

  /// The part with this key or name among ``parts``.
  public func child(_ key: String) -> Part? { parts.first { $0.key == key || $0.names.contains(key) } }

  /// The numbered list among ``parts`` (looking inside inline groups), with the keys on the way to it.
  public var numberedList: (path: [String], part: Part)? { Self.numberedList(in: parts) }

  static func numberedList(in parts: [Part]) -> (path: [String], part: Part)? {
    for part in parts {
      if part.isList, part.isNumbered { return ([part.key], part) }
      if !part.isList, part.isRecord, part.isInline, let found = numberedList(in: part.parts) {
        return ([part.key] + found.path, found.part)
      }
    }
    return nil
  }

  /// The key of the part that stands for a whole entry of this list of records.
  public var titleKey: String? { title ?? parts.first?.key }

  /// The fewest entries of this list in a finished draft.
  public var minimumCount: Int { min ?? (required ? 1 : 0) }

  /// The allowed values, for a choice field.
  public var choiceValues: [String] { choices?.map(\.value) ?? [] }
}

extension Part: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case key, names, label, question, type, required, min, choices, open, parts, list, numbered, inline, title
    case counter, when, unless, line, split, join, unwrap, unwrapWhen, trimEnd, trimStart, pattern, ask
  }

  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    key = try c.decode(String.self, forKey: .key)
    names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
    label = try c.decodeIfPresent(String.self, forKey: .label) ?? key
    question = try c.decodeIfPresent(String.self, forKey: .question)
    parts = try c.decodeIfPresent([Part].self, forKey: .parts) ?? []
    choices = try c.decodeIfPresent([Choice].self, forKey: .choices)
    let defaultType: PartType = !parts.isEmpty ? .group : choices != nil ? .choice : .text
    if let name = try c.decodeIfPresent(String.self, forKey: .type) {
      guard let known = PartType(rawValue: name) else {
        throw DecodingError.dataCorruptedError(
          forKey: .type, in: c,
          debugDescription: "unknown type `\(name)`; the types are \(PartType.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      type = known
    } else {
      type = defaultType
    }
    required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
    min = try c.decodeIfPresent(Int.self, forKey: .min)
    isOpen = try c.decodeIfPresent(Bool.self, forKey: .open) ?? false
    isList = try c.decodeIfPresent(Bool.self, forKey: .list) ?? false
    isNumbered = try c.decodeIfPresent(Bool.self, forKey: .numbered) ?? false
    isInline = try c.decodeIfPresent(Bool.self, forKey: .inline) ?? false
    title = try c.decodeIfPresent(String.self, forKey: .title)
    counter = try c.decodeIfPresent(String.self, forKey: .counter)
    when = try c.decodeIfPresent([String: [String]].self, forKey: .when)
    unless = try c.decodeIfPresent([String: [String]].self, forKey: .unless)
    line = try c.decodeIfPresent(LineFormat.self, forKey: .line)
    split = try c.decodeIfPresent(String.self, forKey: .split)
    join = try c.decodeIfPresent(Join.self, forKey: .join)
    unwrap = try c.decodeIfPresent([[String]].self, forKey: .unwrap) ?? []
    unwrapWhen = try c.decodeIfPresent([String: [String]].self, forKey: .unwrapWhen)
    trimEnd = try c.decodeIfPresent(String.self, forKey: .trimEnd) ?? ""
    trimStart = try c.decodeIfPresent(String.self, forKey: .trimStart) ?? ""
    pattern = try c.decodeIfPresent(Pattern.self, forKey: .pattern)
    isAsked = try c.decodeIfPresent(Bool.self, forKey: .ask) ?? true
  }
}

extension Part.Choice: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case value, phrase }

  /// A choice is written as its value alone, or as a mapping with `value` and `phrase`.
  public init(from decoder: any Decoder) throws {
    if let value = try? decoder.singleValueContainer().decode(String.self) {
      self.init(value: value, phrase: nil)
      return
    }
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(value: try c.decode(String.self, forKey: .value), phrase: try c.decodeIfPresent(String.self, forKey: .phrase))
  }
}

extension Part.LineFormat: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case separator, parts, example }

  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? " "
    parts = try c.decode([String].self, forKey: .parts)
    example = try c.decodeIfPresent(String.self, forKey: .example) ?? ""
  }
}

extension Part.Join: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case separator, single, entry }

  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? ""
    single = try c.decodeIfPresent(String.self, forKey: .single)
    entry = try c.decodeIfPresent(String.self, forKey: .entry)
  }
}

extension Part.Pattern: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable { case regex, message, severity }

  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    regex = try c.decode(String.self, forKey: .regex)
    message = try c.decode(String.self, forKey: .message)
    severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
  }
}

/// Refuses keys a template format does not know, so that a misspelt key is an error that names it rather than
/// a setting silently ignored.
enum TemplateKeys {
  static func check(_ decoder: any Decoder, known: [String]) throws {
    guard let c = try? decoder.container(keyedBy: AnyKey.self) else { return }
    for key in c.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(.init(
        codingPath: decoder.codingPath + [key],
        debugDescription: "unknown key `\(key.stringValue)`; known keys here: \(known.joined(separator: ", "))"))
    }
  }
}
