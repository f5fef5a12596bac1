import Foundation
import OrderedCollections
import MinutesModel

/// One part of the minutes' shape, as a template declares it: a field the assistant asks for, a group of parts,
/// or a list of entries. The parts of a template form a tree, and a draft is a tree of ``Value``s of that shape.
///
/// What a part *is* is its ``shape``, an enum, so that a shape that cannot be (a numbered field, a group that
/// reads lines) cannot be written; the rest of its settings are grouped by purpose: ``asking``, ``cleanUp``,
/// ``rendering`` and ``rules``. See `docs/templates.md` for every key, with examples.
public struct Part: Sendable, Hashable {
  /// The key under which the value is stored, e.g. `date`, `items`.
  @inlinable
  public var key: String {
    _read { yield storage.key }
    _modify { unique(); yield &storage.key }
  }
  /// Other names a clerk may type for it in an address, e.g. `followup`, `出席`.
  @inlinable
  public var names: [String] {
    _read { yield storage.names }
    _modify { unique(); yield &storage.names }
  }
  /// A short name shown in prompts and outlines, e.g. 日期; for a list, the name of one entry (議題).
  @inlinable
  public var label: String {
    _read { yield storage.label }
    _modify { unique(); yield &storage.label }
  }
  /// What the part is: a field, a group or a list.
  @inlinable
  public var shape: Shape {
    _read { yield storage.shape }
    _modify { unique(); yield &storage.shape }
  }
  /// How and whether the interview asks for it.
  @inlinable
  public var asking: Asking {
    _read { yield storage.asking }
    _modify { unique(); yield &storage.asking }
  }
  /// What is removed from an answer before it is stored.
  @inlinable
  public var cleanUp: CleanUp {
    _read { yield storage.cleanUp }
    _modify { unique(); yield &storage.cleanUp }
  }
  /// How the export prints it.
  @inlinable
  public var rendering: Rendering {
    _read { yield storage.rendering }
    _modify { unique(); yield &storage.rendering }
  }
  /// What a finished draft needs of it.
  @inlinable
  public var rules: Rules {
    _read { yield storage.rules }
    _modify { unique(); yield &storage.rules }
  }

  /// The settings, shared by copies until one is changed (copy on write): a part is copied wherever a walk
  /// over a draft binds it, and a copy is one reference rather than some twenty. Seen by the accessors, which are
  /// inlined into the modules that read parts at every value of a draft (the export's fold, `check`'s walk):
  /// through a call and a coroutine, reading `rules` had cost 150 instructions there. Only the accessors touch it:
  /// a change made past them would skip ``unique()`` and change every copy.
  @usableFromInline var storage: Storage

  /// The settings of a part. Never changed once shared: ``unique()`` copies it first, so that it is as safe to
  /// send between threads as the value it stands for.
  ///
  /// The properties are `@exclusivity(unchecked)`: a class's `var` is otherwise checked at run time for
  /// overlapping accesses at every read (`swift_beginAccess`, 5% of a check at 1,000 items, the walks reading
  /// parts' keys and shapes), and here every access goes through ``Part``'s accessors, a value type's, whose
  /// exclusivity the compiler enforces, on storage no other part shares when it is changed.
  @usableFromInline final class Storage: @unchecked Sendable {
    @usableFromInline @exclusivity(unchecked) var key: String
    @usableFromInline @exclusivity(unchecked) var names: [String]
    @usableFromInline @exclusivity(unchecked) var label: String
    @usableFromInline @exclusivity(unchecked) var shape: Shape {
      didSet { (kind, records, parts) = Self.derived(from: shape) }
    }
    /// ``Part/kind``, ``Part/records`` and ``Part/parts``, worked out from ``shape`` when it is set: asked of every
    /// value a check looks at, they had copied the shape out of the part each time (its arrays retained and
    /// released).
    @usableFromInline @exclusivity(unchecked) private(set) var kind: Kind?
    @usableFromInline @exclusivity(unchecked) private(set) var records: Records?
    @usableFromInline @exclusivity(unchecked) private(set) var parts: [Part]
    @usableFromInline @exclusivity(unchecked) var asking: Asking
    @usableFromInline @exclusivity(unchecked) var cleanUp: CleanUp
    @usableFromInline @exclusivity(unchecked) var rendering: Rendering
    @usableFromInline @exclusivity(unchecked) var rules: Rules

    init(key: String, names: [String], label: String, shape: Shape, asking: Asking, cleanUp: CleanUp, rendering: Rendering,
         rules: Rules) {
      (self.key, self.names, self.label, self.shape) = (key, names, label, shape)
      (self.kind, self.records, self.parts) = Self.derived(from: shape)
      (self.asking, self.cleanUp, self.rendering, self.rules) = (asking, cleanUp, rendering, rules)
    }

    /// The kind of a field's value or of each entry of a list of values, the entries of a list of records, and
    /// the parts of a group or of each entry of a list of records.
    static func derived(from shape: Shape) -> (Kind?, Records?, [Part]) {
      switch shape {
      case .field(let kind): (kind, nil, [])
      case .list(let list):
        switch list.entries {
        case .values(let kind): (kind, nil, [])
        case .records(let records): (nil, records, records.parts)
        }
      case .group(let group): (nil, nil, group.parts)
      }
    }

    func copy() -> Storage {
      Storage(key: key, names: names, label: label, shape: shape, asking: asking, cleanUp: cleanUp, rendering: rendering, rules: rules)
    }
  }

  /// Makes ``storage`` this part's own before it is changed.
  @usableFromInline mutating func unique() {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
  }

  /// A part with `shape` and the given settings (each empty when not given).
  public init(key: String, names: [String] = [], label: String? = nil, shape: Shape, asking: Asking = Asking(),
              cleanUp: CleanUp = CleanUp(), rendering: Rendering = Rendering(), rules: Rules = Rules()) {
    storage = Storage(key: key, names: names, label: label ?? key, shape: shape, asking: asking, cleanUp: cleanUp,
                      rendering: rendering, rules: rules)
  }

  /// Whether two parts have the same settings (at once when they share them).
  public static func == (a: Part, b: Part) -> Bool {
    if a.storage === b.storage { return true }
    return a.key == b.key && a.names == b.names && a.label == b.label && a.shape == b.shape && a.asking == b.asking
      && a.cleanUp == b.cleanUp && a.rendering == b.rendering && a.rules == b.rules
  }

  /// Hashes every setting, as ``==`` compares them.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(names)
    hasher.combine(label)
    hasher.combine(shape)
    hasher.combine(asking)
    hasher.combine(cleanUp)
    hasher.combine(rendering)
    hasher.combine(rules)
  }

  // MARK: - Shapes

  /// What a part is.
  public enum Shape: Sendable, Hashable {
    /// One value of a kind (`type` text, number, count, date, time, choice or yesno), asked with its question.
    case field(Kind)
    /// A record of parts (`parts` without `list`), e.g. `chair` with `title` and `name`.
    case group(Group)
    /// Entries of a kind, or records of parts (`list: true`).
    case list(List)
  }

  /// The kind of a value: of a field, or of each entry of a list of values.
  public enum Kind: Sendable, Hashable {
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
    /// One of `values`, offered with Tab; any text as well when `isOpen` (the values are then suggestions).
    case choice(_ values: [String], isOpen: Bool)
    /// Yes or no, typed with the template's words (``Template/YesNo``).
    case yesno
  }

  /// The parts of a group.
  public struct Group: Sendable, Hashable {
    /// The parts, in interview order.
    public var parts: [Part]
    /// Whether its parts are addressed without its key (`date` rather than `meeting.date`).
    public var isInline: Bool

    /// A group of `parts`, inline or not.
    public init(parts: [Part], isInline: Bool = false) { (self.parts, self.isInline) = (parts, isInline) }
  }

  /// A list and its entries.
  public struct List: Sendable, Hashable {
    /// Whether bare numbers in an address go to this list: `2` is entry 2 of the numbered list of the root,
    /// `2.1` entry 1 of the numbered list of that entry. At most one numbered list per record.
    public var isNumbered: Bool
    /// What each entry is.
    public var entries: Entries

    /// A list of `entries`, numbered or not.
    public init(isNumbered: Bool = false, entries: Entries) { (self.isNumbered, self.entries) = (isNumbered, entries) }
  }

  /// What the entries of a list are.
  public enum Entries: Sendable, Hashable {
    /// Values of a kind, each asked on its own (or several in one answer, see ``CleanUp/split``).
    case values(Kind)
    /// Records of parts.
    case records(Records)
  }

  /// The entries of a list of records.
  public struct Records: Sendable, Hashable {
    /// The parts of each entry; the first is asked when an entry is added, unless the list reads lines.
    public var parts: [Part]
    /// When given, each entry is typed on one line and split into these parts (see ``LineFormat``).
    public var line: LineFormat?
    /// The key of the part that stands for the whole entry (shown in outlines, edited by `:edit 2`); the first
    /// part when not given.
    public var title: String?

    /// The part a new entry is started with, asked first (an item's kind, a directive's verb); `nil` when
    /// entries are typed as lines, whose parts are not asked one by one.
    public var firstPart: Part? { line == nil ? parts.first : nil }

    /// Entries of `parts`, typed as lines when `line` is given, titled by `title`.
    public init(parts: [Part], line: LineFormat? = nil, title: String? = nil) {
      (self.parts, self.line, self.title) = (parts, line, title)
    }
  }

  // MARK: - Settings by purpose

  /// How the interview asks for a part.
  public struct Asking: Sendable, Hashable {
    /// The question; a Mustache template that may use the entry numbers along the way (see ``counter``) and
    /// `n`, the number of the entry asked. For a list of records, the question of a new entry is its first
    /// part's, unless the list reads whole lines.
    public var question: String?
    /// The name of this list's entry number in questions (`{{item}}`); the key when not given.
    public var counter: String?
    /// Whether the interview asks for it (`ask`); parts that are only edited by command (or filled by others)
    /// say false.
    public var isAsked: Bool
    /// Asked only when the sibling parts named hold one of the values given, e.g. `{kind: [審議]}` (`"*"`: any
    /// value). A part that does not apply (this, or ``unless``; see ``Template/applies(_:among:in:)``) is not
    /// asked, not required and not exported: a value kept from before is not printed, and `check` warns of it.
    public var when: [String: [String]]?
    /// Not asked when one of the sibling parts named holds one of the values given for it, e.g. `{verb: [原則同意]}`,
    /// `{disposition: [Withdrawn], voteKind: [voice]}` (either rules the part out).
    public var unless: [String: [String]]?
    /// Whether the answer is a person's name (`person: true`), beside those the template's roles name (the chair,
    /// attendance, movers…): Tab completes the roster's names, and a near miss of one is offered in its form.
    public var takesPerson: Bool
    /// Whether this group holds the house-style choices (`house: true`, a top-level group of choices, each with a
    /// `default`): how the office prints its minutes (where attendance goes, how points are set out), never asked
    /// in the interview but shown when a session starts, listed by `:house`, set by `:edit house.KEY VALUE` or
    /// `minutes new --house KEY=VALUE`, and taken over by `minutes new --from` (see ``Template/houseStyle``).
    public var isHouse: Bool

    /// Asking settings; by default asked, with no question of its own and no conditions.
    public init(question: String? = nil, counter: String? = nil, isAsked: Bool = true,
                when: [String: [String]]? = nil, unless: [String: [String]]? = nil, takesPerson: Bool = false,
                isHouse: Bool = false) {
      (self.question, self.counter, self.isAsked, self.when, self.unless) = (question, counter, isAsked, when, unless)
      (self.takesPerson, self.isHouse) = (takesPerson, isHouse)
    }
  }

  /// What is removed from an answer, and how one answer is split, before it is stored.
  public struct CleanUp: Sendable, Hashable {
    /// Pairs of marks removed from around an answer because the export prints them, e.g. `[《, 》]`.
    public var unwrap: [[String]]
    /// Removes the ``unwrap`` marks only when the sibling parts named hold one of the values given (the kinds
    /// whose phrase prints the marks itself), e.g. `{kind: [審議]}`; always when not given.
    public var unwrapWhen: [String: [String]]?
    /// Characters removed from the end of an answer because the export prints its own, e.g. `。；，`.
    public var trimEnd: String
    /// Characters removed from the start of an answer, e.g. `，`.
    public var trimStart: String
    /// For a list of values: one answer may hold several entries, separated by any of these characters.
    public var split: String?
    /// Whether a space between CJK characters is kept as typed (`keepSpaces: true`: names, a credit line),
    /// rather than removed (see ``Normalizer``): `主持人：甲 匯報人：乙` stays two names, `王 芳` prints as typed.
    public var keepSpaces: Bool
    /// The key of a sibling choice (`trailing: status`) whose value an answer must not end with, in that
    /// sibling's own ``unwrap`` marks, since the export prints it after: the title `東湖區物業管理辦法（討論稿）`
    /// pasted whole becomes `東湖區物業管理辦法` once the status is 討論稿 (whichever is given first). A title that
    /// ends with another bracket (`決議（草案）` with the status 討論稿) is the document's name, and kept.
    public var trailing: String?

    /// Clean-up settings; by default nothing is removed or split, and spaces between CJK characters go.
    public init(unwrap: [[String]] = [], unwrapWhen: [String: [String]]? = nil, trimEnd: String = "",
                trimStart: String = "", split: String? = nil, keepSpaces: Bool = false, trailing: String? = nil) {
      (self.unwrap, self.unwrapWhen, self.trimEnd, self.trimStart, self.split) = (unwrap, unwrapWhen, trimEnd, trimStart, split)
      (self.keepSpaces, self.trailing) = (keepSpaces, trailing)
    }
  }

  /// How the export prints a part.
  public struct Rendering: Sendable, Hashable {
    /// How the entries of a list are joined in the export and on the input line (see ``Join``).
    public var join: Join?
    /// What each choice says in the export, by choice value, in the template's order: a Mustache template over
    /// the entry that holds it, available there as `{{key.phrase}}` (e.g. 會議審議了《{{subject}}》).
    public var phrases: OrderedDictionary<String, String>
    /// What the export takes for the part when the draft has no value (`default`): a house-style choice the
    /// clerk left as the template or the office's variant sets it. The draft itself is not changed.
    public var defaultValue: String?
    /// How a published answer of the part begins (`begins: [要]` on the points of a directive): not a rule for
    /// the clerk, but what tells `minutes import` where a point starts when a text could be read more than one
    /// way (`會議指出，全區上下要….要….` has a lead sentence before its points). Empty: any beginning.
    public var begins: [String] = []
    /// How a published answer of the part ends (`ends: [下一步, 近期]` on the scope of the arrangements), for
    /// `minutes import` as ``begins``: a span that ends otherwise is not read as the part. Empty: any ending.
    public var ends: [String] = []
    /// Words an answer of the part never begins with, because they begin the next part of its line
    /// (`neverBegins: [出差, 参加, 带队]` on the unit of a 纪要's absent person, whose reason begins so): a piece of
    /// a line that begins so goes to the next part (`杨帆 带队赴深圳招商` is a name and a reason), and
    /// `minutes import` does not read such a span as the part (`杨帆（带队赴深圳招商）` is read with a reason).
    public var neverBegins: [String] = []

    /// The phrase of the choice `value`, if it has one.
    public func phrase(of value: String) -> String? { phrases[value] }

    /// Rendering settings; by default no join, no phrases and no default.
    public init(join: Join? = nil, phrases: OrderedDictionary<String, String> = [:], defaultValue: String? = nil) {
      (self.join, self.phrases, self.defaultValue) = (join, phrases, defaultValue)
    }
  }

  /// What a finished draft needs of a part (the rules `minutes check` applies).
  public struct Rules: Sendable, Hashable {
    /// Whether a draft is incomplete without it; for a list, whether it needs at least one entry.
    public var required: Bool
    /// For a list: the fewest entries a finished draft has (`required: true` means 1).
    public var min: Int?
    /// A pattern a text answer must match.
    public var pattern: Pattern?

    /// Rules; by default none.
    public init(required: Bool = false, min: Int? = nil, pattern: Pattern? = nil) {
      (self.required, self.min, self.pattern) = (required, min, pattern)
    }
  }

  /// An allowed answer as a template writes it: its value, and what it says in the export.
  public struct Choice: Sendable, Hashable {
    /// The answer as typed and stored.
    public var value: String
    /// What the answer says in the export (see ``Rendering/phrases``).
    public var phrase: String?
  }

  /// How a line typed for a list of records is split into its parts.
  ///
  /// The line is split at `separator` (a space means any run of spaces); each part but the last takes one
  /// piece, the last takes the rest. A list part among them splits its piece further by its own
  /// ``CleanUp/split``.
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

  // MARK: - Questions in words

  /// The parts under this one: a group's, or each entry's of a list of records; none for a field or a list of
  /// values.
  @inlinable
  public var parts: [Part] { storage.parts }

  /// The kind of a field; `nil` for a group or a list. Read from the part's storage, copying the kind alone (a
  /// `switch` over ``shape`` that binds its case copied the whole shape out first, its arrays retained and
  /// released): for the walks that ask it of every value of a draft.
  @inlinable
  public var fieldKind: Kind? {
    if case .field(let kind) = storage.shape { return kind }
    return nil
  }

  /// What the entries of a list are; `nil` for a field or a group. Read as ``fieldKind`` is, copying the entries
  /// alone.
  @inlinable
  public var listEntries: Entries? {
    if case .list(let list) = storage.shape { return list.entries }
    return nil
  }

  /// Whether the part is a list, told from the shape's case alone.
  @inlinable
  public var isList: Bool {
    if case .list = storage.shape { return true }
    return false
  }

  /// The entries of a list of records; `nil` for any other shape.
  @inlinable
  public var records: Records? { storage.records }

  /// The parts of each entry, for a list of records; `nil` for any other shape.
  public var entryParts: [Part]? { records?.parts }

  /// How a line is split, for a list of records that reads whole lines; `nil` otherwise.
  public var lineFormat: LineFormat? { records?.line }

  /// The kind of value the clerk types: a field's, or each entry's of a list of values; `nil` for a group or a
  /// list of records.
  @inlinable
  public var kind: Kind? { storage.kind }

  /// Whether this is a list whose entries bare numbers in an address reach.
  public var isNumberedList: Bool {
    if case .list(let list) = shape { return list.isNumbered }
    return false
  }

  /// The parts of a group addressed without its key; `nil` for any other shape.
  public var inlineParts: [Part]? {
    if case .group(let group) = shape, group.isInline { return group.parts }
    return nil
  }

  /// The part with this key or name among ``parts``.
  public func child(_ key: String) -> Part? { parts.first { $0.key == key || $0.names.contains(key) } }

  /// The numbered list among ``parts`` (looking inside inline groups), with the keys on the way to it.
  public var numberedList: (path: [String], part: Part)? { Self.numberedList(in: parts) }

  static func numberedList(in parts: [Part]) -> (path: [String], part: Part)? {
    for part in parts {
      if part.isNumberedList { return ([part.key], part) }
      if let inner = part.inlineParts, let found = numberedList(in: inner) { return ([part.key] + found.path, found.part) }
    }
    return nil
  }

  /// The key of the part that stands for a whole entry of this list of records.
  public var titleKey: String? { records.flatMap { $0.title ?? $0.parts.first?.key } }

  /// The fewest entries of this list in a finished draft.
  public var minimumCount: Int { rules.min ?? (rules.required ? 1 : 0) }

  /// The allowed values of a choice (a field, or the entries of a list of values); none for other kinds.
  public var choiceValues: [String] {
    if case .choice(let values, _)? = kind { return values }
    return []
  }
}

extension Part: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case key, names, label, question, type, required, min, choices, open, parts, list, numbered, inline, title
    case counter, when, unless, line, split, join, unwrap, unwrapWhen, trimEnd, trimStart, pattern, ask, keepSpaces, person
    case house, `default`, begins, ends, neverBegins, trailing
  }

  /// The names of `type`, and `group`, which makes a record of `parts`.
  private static let typeNames = ["text", "number", "count", "date", "time", "choice", "yesno", "group"]

  /// Reads a part as `docs/templates.md` describes it. Every key is read (and its errors reported) whatever the
  /// shape; a key that does not apply to the shape (`numbered` on a field, `inline` on a list) is ignored, as
  /// it always was. `line` and `title` on other shapes than a list of records are refused by the checker.
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    var declared = Declared(key: try c.decode(String.self, forKey: .key))
    declared.names = try c.decodeIfPresent([String].self, forKey: .names) ?? []
    declared.label = try c.decodeIfPresent(String.self, forKey: .label)
    declared.question = try c.decodeIfPresent(String.self, forKey: .question)
    declared.parts = try c.decodeIfPresent([Part].self, forKey: .parts) ?? []
    declared.choices = try c.decodeIfPresent([Choice].self, forKey: .choices)
    if let name = try c.decodeIfPresent(String.self, forKey: .type) {
      guard Self.typeNames.contains(name) else {
        throw DecodingError.dataCorruptedError(
          forKey: .type, in: c,
          debugDescription: "unknown type `\(name)`; the types are \(Self.typeNames.joined(separator: ", "))")
      }
      declared.type = name
    }
    declared.required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
    declared.min = try c.decodeIfPresent(Int.self, forKey: .min)
    declared.isOpen = try c.decodeIfPresent(Bool.self, forKey: .open) ?? false
    declared.isList = try c.decodeIfPresent(Bool.self, forKey: .list) ?? false
    declared.isNumbered = try c.decodeIfPresent(Bool.self, forKey: .numbered) ?? false
    declared.isInline = try c.decodeIfPresent(Bool.self, forKey: .inline) ?? false
    declared.title = try c.decodeIfPresent(String.self, forKey: .title)
    declared.counter = try c.decodeIfPresent(String.self, forKey: .counter)
    declared.when = try c.decodeIfPresent([String: [String]].self, forKey: .when)
    declared.unless = try c.decodeIfPresent([String: [String]].self, forKey: .unless)
    declared.line = try c.decodeIfPresent(LineFormat.self, forKey: .line)
    declared.split = try c.decodeIfPresent(String.self, forKey: .split)
    declared.join = try c.decodeIfPresent(Join.self, forKey: .join)
    declared.unwrap = try c.decodeIfPresent([[String]].self, forKey: .unwrap) ?? []
    declared.unwrapWhen = try c.decodeIfPresent([String: [String]].self, forKey: .unwrapWhen)
    declared.trimEnd = try c.decodeIfPresent(String.self, forKey: .trimEnd) ?? ""
    declared.trimStart = try c.decodeIfPresent(String.self, forKey: .trimStart) ?? ""
    declared.keepSpaces = try c.decodeIfPresent(Bool.self, forKey: .keepSpaces) ?? false
    declared.pattern = try c.decodeIfPresent(Pattern.self, forKey: .pattern)
    declared.isHouse = try c.decodeIfPresent(Bool.self, forKey: .house) ?? false
    declared.isAsked = try c.decodeIfPresent(Bool.self, forKey: .ask)
    declared.takesPerson = try c.decodeIfPresent(Bool.self, forKey: .person) ?? false
    declared.defaultValue = try c.decodeIfPresent(String.self, forKey: .default)
    declared.trailing = try c.decodeIfPresent(String.self, forKey: .trailing)
    declared.begins = try c.decodeIfPresent([String].self, forKey: .begins) ?? []
    declared.ends = try c.decodeIfPresent([String].self, forKey: .ends) ?? []
    declared.neverBegins = try c.decodeIfPresent([String].self, forKey: .neverBegins) ?? []
    self.init(declared)
  }
}

extension Part {
  /// A part's keys as a template writes them, read from a template file (``init(from:)``) or from a built-in
  /// template's compiled tree (``init(compiled:)``), before they are put together as a part (``init(_:)``).
  struct Declared {
    var key: String
    var names: [String] = [], label: String?, question: String?, parts: [Part] = [], choices: [Choice]?
    /// One of ``typeNames`` when given.
    var type: String?
    var required = false, min: Int?, isOpen = false, isList = false, isNumbered = false, isInline = false
    var title: String?, counter: String?, when: [String: [String]]?, unless: [String: [String]]?, line: LineFormat?
    var split: String?, join: Join?, unwrap: [[String]] = [], unwrapWhen: [String: [String]]?
    var trimEnd = "", trimStart = "", keepSpaces = false, pattern: Pattern?, isHouse = false, isAsked: Bool?
    var takesPerson = false, defaultValue: String?, trailing: String?
    var begins: [String] = [], ends: [String] = [], neverBegins: [String] = []
  }

  /// The part `declared` describes. Every key is read whatever the shape; a key that does not apply to the shape
  /// (`numbered` on a field, `inline` on a list) is ignored, as it always was.
  init(_ declared: Declared) {
    let d = declared
    let type = d.type ?? (!d.parts.isEmpty ? "group" : d.choices != nil ? "choice" : "text")
    let kind: Kind
    switch type {
    case "number": kind = .number
    case "count": kind = .count
    case "date": kind = .date
    case "time": kind = .time
    case "choice": kind = .choice((d.choices ?? []).map(\.value), isOpen: d.isOpen)
    case "yesno": kind = .yesno
    default: kind = .text
    }
    let shape: Shape
    switch (type == "group", d.isList) {
    case (true, true):
      shape = .list(List(isNumbered: d.isNumbered, entries: .records(Records(parts: d.parts, line: d.line, title: d.title))))
    case (true, false): shape = .group(Group(parts: d.parts, isInline: d.isInline))
    case (false, true): shape = .list(List(isNumbered: d.isNumbered, entries: .values(kind)))
    case (false, false): shape = .field(kind)
    }
    let asking = Asking(question: d.question, counter: d.counter, isAsked: d.isAsked ?? !d.isHouse, when: d.when,
                        unless: d.unless, takesPerson: d.takesPerson, isHouse: d.isHouse)
    let cleanUp = CleanUp(unwrap: d.unwrap, unwrapWhen: d.unwrapWhen, trimEnd: d.trimEnd, trimStart: d.trimStart,
                          split: d.split, keepSpaces: d.keepSpaces, trailing: d.trailing)
    var rendering = Rendering(join: d.join, phrases: Self.phrases(of: d.choices ?? []), defaultValue: d.defaultValue)
    rendering.begins = d.begins
    rendering.ends = d.ends
    rendering.neverBegins = d.neverBegins
    self.init(key: d.key, names: d.names, label: d.label ?? d.key, shape: shape, asking: asking, cleanUp: cleanUp,
              rendering: rendering, rules: Rules(required: d.required, min: d.min, pattern: d.pattern))
  }
}

extension Part {
  /// The phrase of each value of `choices` that has one, in their order: the first choice of a value speaks for it,
  /// as the export has always looked it up.
  /// - Complexity: O(n²) in the number of choices up to 16, O(n) beyond. (A set and a dictionary grown for each
  ///   part had been a tenth of reading a built-in template, whose parts have a few choices each, most without a
  ///   phrase.)
  static func phrases(of choices: [Choice]) -> OrderedDictionary<String, String> {
    guard choices.contains(where: { $0.phrase != nil }) else { return [:] }
    var values: [String] = [], phrases: [String] = []
    var seen: Set<String> = []
    for (index, choice) in choices.enumerated() {
      let isFirst = choices.count <= 16
        ? !choices[..<index].contains { $0.value == choice.value } : seen.insert(choice.value).inserted
      guard isFirst, let phrase = choice.phrase else { continue }
      values.append(choice.value)
      phrases.append(phrase)
    }
    return OrderedDictionary(uncheckedUniqueKeys: values, values: phrases)
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

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
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

  /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    separator = try c.decodeIfPresent(String.self, forKey: .separator) ?? ""
    single = try c.decodeIfPresent(String.self, forKey: .single)
    entry = try c.decodeIfPresent(String.self, forKey: .entry)
  }
}

/// Refuses keys a template format does not know, so that a misspelt key is an error that names it rather than
/// a setting silently ignored.
enum TemplateKeys {
  static func check(_ decoder: any Decoder, known: @autoclosure () -> [String]) throws {
    guard let c = try? decoder.container(keyedBy: AnyKey.self) else { return }
    let known = known()
    for key in c.allKeys where !known.contains(key.stringValue) {
      throw DecodingError.dataCorrupted(.init(
        codingPath: decoder.codingPath + [key],
        debugDescription: "unknown key `\(key.stringValue)`; known keys here: \(known.joined(separator: ", "))"))
    }
  }
}
