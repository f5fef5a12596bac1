import Foundation

/// A check a template declares in its `checks:` list, comparing parts of the draft with each other; a new one
/// needs no Swift change. Paths are stored addresses (`meeting.chair.name`, `attendance.present`), `*` standing
/// for every entry of a list (`items.*.directives.*.points`), and a date's `year`, `month` or `day` after a date
/// part (`meeting.date.year`). A check whose parts are not filled in finds nothing: what is missing is the
/// `required` rule's business.
///
/// ```yaml
/// checks:
///   - id: chairPresent
///     among: {value: meeting.chair.name, list: attendance.present, name: name}
///     severity: warning
///     message: 主持人「{{value}}」不在出席名單中
/// ```
public struct Check: Sendable, Hashable {
  /// What is compared.
  public enum Kind: Sendable, Hashable {
    /// The values at two paths are equal (`equal: [meeting.labelYear, meeting.date.year]`): the first is
    /// reported, `{{value}}` its value and `{{other}}` the second's.
    case equal(String, String)
    /// The text at `value` is the name of an entry of one of `lists` (its part `name`, or the entry itself; a list
    /// of names counts each): a person in one list also in another (`list: attendance.present`), or in any of
    /// several (`list: [attendance.present, attendance.movements]`: present at the roll call, or arrived later).
    /// Padded names (`王 芳`) are the same person. When the two paths start alike up to a `*`
    /// (`elections.*.elected` among `elections.*.nominations`), each entry there is compared on its own: the
    /// person elected in an election among its own nominees.
    case among(value: String, lists: [String], name: String?)
    /// The entries of each list at `list` (their part `key`, or the entries themselves) that start with a number,
    /// Arabic or Chinese (`一要…`, `3.`), count 1, 2, 3… without a gap: `{{value}}` is the number found and
    /// `{{other}}` the one expected.
    case sequence(list: String, key: String?)
    /// Every entry of `list` has its part `key` filled in (a warning on an empty optional value: a 請假 entry
    /// without a reason); with several keys (`key: [lead, points]` in YAML), at least one of them: a directive
    /// that says neither a lead nor a point. `{{value}}` is the entry's `name`, else its first text. A text is
    /// filled in when it is not empty, a list or a group when it holds something. An entry whose part named in
    /// `unless` holds one of the values listed (`"*"`: any) is let off: a motion without a seconder that died
    /// for lack of one; with `when`, only an entry whose parts named hold one of the values listed is checked:
    /// an amendment's mover once it has a disposition. A part the entry does not ask for (its own `when` or
    /// `unless`) does not count; an entry that asks for none of them is let off.
    case filled(list: String, keys: [String], when: [String: [String]] = [:], unless: [String: [String]])
    /// The part at the path is filled in: a warning on a part real minutes have but a draft may lack (the time
    /// of adjournment); `{{value}}` is empty.
    case answered(String)
    /// The times at the paths, read in the order written, never go back: called to order ≤ recesses ≤
    /// adjournment. Each step is one or more groups of paths; a group of paths with `*` is read entry by entry
    /// (`[recesses.*.began, recesses.*.ended]`: the first recess's two times, then the second's). A step of
    /// several groups (`apart:` in YAML) holds times kept in separate lists (recesses, executive sessions): each
    /// group follows what came before the step and comes before what follows it, but the groups are not
    /// compared with each other. A time not filled in is passed over; one earlier than the time before it by
    /// more than 12 hours is the next day's (a meeting past midnight: 11:40 p.m., then 12:20 a.m.). `{{value}}`
    /// is the time found (in the template's time style) and `{{other}}` the later one before it; reported at the
    /// time found. Whole dates (year, month and day) are compared the same way, without the next day's turn
    /// (`[meeting.date, nextMeeting.date]`: the next meeting comes after this one); a date without its year is
    /// passed over. One check orders times or dates, not both.
    case order([[[String]]])
    /// The sum of the counts at `sum` (a path that names a list counts its entries: those present) is at most
    /// `max`: the number of entries of a list (those present), or a number; or, for several lists
    /// (`[attendance.present, attendance.movements]`), the number of people they name, each once (by the part
    /// `roles.attendance` names for the list, else the entry's text: a member who left early is no second member).
    /// With `each`, the `sum` paths are read in each entry of that list (each election's votes). `{{value}}` is the
    /// sum, `{{other}}` the most; reported at the first count.
    case atMost(each: String?, sum: [String], max: [String])
    /// The result as announced (`Passes 4-2`) agrees with the record; see ``ResultCheck``.
    case result(ResultCheck)
    /// In each entry of `list`, the texts at `keys` are different people (`differ: {list: motions, keys: [mover,
    /// seconder]}`: no one seconds their own motion), compared as ``among(value:list:name:)`` compares names
    /// (padded names are the same person). `{{value}}` is the name; reported at the later key.
    case differ(list: String, keys: [String])
    /// When the value at `value` is one of `holds` (`"*"`: any), no entry of `list` has at `key` a value that
    /// starts with one of `values` (`conflict: {value: quorum, holds: ["false"], list: motions, key: disposition,
    /// values: [Adopted]}`: business done without a quorum). `{{value}}` is the entry's `name`, else its first
    /// text, and `{{other}}` the value at `key`; reported at the entry.
    case conflict(value: String, holds: [String], list: String, key: String, values: [String])
    /// A fact stated in a choice is not stated otherwise in a text: none of the texts at `in` has one of `words`
    /// other than the value at `value`, as a whole word followed by one of `before` (`statedOnce: {value:
    /// meeting.kind, in: [meeting.body], words: [Regular, Special], before: [meeting, session]}`: a body named
    /// "Special Meeting of the Board" for a meeting recorded as Regular; "Special Education Committee" is no
    /// kind). Words compared without case. `{{value}}` is the word found, `{{other}}` the value; reported at the
    /// text.
    case statedOnce(value: String, in: [String], words: [String], before: [String])
    /// In each entry of `list`, the name at `value` (who was elected) is one of those with the most votes among
    /// the entries of `counts` (the ballot: each entry's `name` and `votes`); an entry without counts is passed
    /// over. Names compared as ``among(value:list:name:)`` compares them. `{{value}}` is the name at `value`,
    /// `{{other}}` the names with the most votes; reported at `value`.
    case most(list: String, value: String, counts: String, name: String, votes: String)
    /// The texts at the paths that are nearly the same but not quite (one or two letters apart, letter case and
    /// spaces aside): one thing spelled two ways (`Meeting Room Polcy` beside `Meeting Room Policy`, an agenda
    /// item a motion names and the public comment names otherwise; a unit spelled two ways), which would print
    /// as two. `{{value}}` is the later spelling, `{{other}}` the first; reported at the later one's first use.
    case alike([String])
    /// Every text at `value` (a path, `*` for every entry) matches `pattern` whole (ICU syntax): a value typed
    /// otherwise than the export prints it well (`matches: {value: meeting.chair.name, regex: "(?s).*(?<!同志)"}`
    /// where the house style prints 同志 after the name). `{{value}}` is the text; reported at it. A match too
    /// costly to decide finds nothing. With `when`, only a text whose record (the entry or group that holds it)
    /// has parts holding one of the values listed is checked (`matches: {value: items.*.subject, regex:
    /// "(?s).*(?<!的匯報)", when: {kind: [聽取匯報]}}`: the subject of an item whose phrase adds 的匯報 itself).
    case matches(value: String, pattern: Part.Pattern, when: [String: [String]] = [:])
    /// In each list at `list`, every entry that has its part `key` has the same value there as the first entry that
    /// has it (`same: {list: items.*.directives, key: verb}`, under a house style that prints the first directive's
    /// verb for all: `會議強調：一、… 二、…` has no place for a second directive's 要求). `{{value}}` is the entry's
    /// value, `{{other}}` the first's; reported at the entry's `key`.
    case same(list: String, key: String)
  }

  /// What `result:` compares: in each entry of `list`, the text at `key`, typed as the chair announced it. Its
  /// first pair of numbers (`4-2`, `4–2`, `4 to 2`) must be the counts at `votesFor` and `votesAgainst`, or,
  /// without counts, the roll call's tally (the entries of `rollCall` whose `vote` is one of `yes`, and of
  /// `no`); a word of it that starts with one of `passes` (`Passes`, `Carried`) must not stand beside a
  /// disposition that starts with one of `failed`, nor a word of `fails` beside one of `adopted` (words
  /// compared without case). `{{value}}` is the result, `{{other}}` what it disagrees with: the counts or tally
  /// (`4-1`) or the disposition.
  public struct ResultCheck: Sendable, Hashable {
    /// The path of the list whose entries are compared (`motions`, `motions.*.amendments`).
    public var list: String
    /// The key of the result as announced, in an entry (`result`).
    public var key: String
    /// The keys of the counts in favor and opposed, in an entry; optional.
    public var votesFor: String?, votesAgainst: String?
    /// The key of the roll-call list in an entry, and of the vote in its entries; optional.
    public var rollCall: String?, vote: String?
    /// The votes of the roll call that count in favor (`aye`) and opposed (`nay`).
    public var yes: [String], no: [String]
    /// The key of the disposition in an entry; optional.
    public var disposition: String?
    /// The dispositions (matched at their start) that mean adopted, and failed.
    public var adopted: [String], failed: [String]
    /// The starts of the words of an announced result that say it passed (`pass`, `carr`), and failed (`fail`).
    public var passes: [String], fails: [String]
    /// The starts of the words that say no one voted against (`unanim`): such a result disagrees with a count or
    /// roll call that has votes against (`Passes unanimously` on 5-1). Empty: not compared.
    public var unanimous: [String] = []
    /// The key of the count of abstentions in an entry, and the votes of the roll call that abstain (`abstain`);
    /// optional. A result announced with three numbers (`Passes 4-2-1`, in favor, opposed, abstaining) is
    /// compared with them too (RONR 12th ed. 48:4(5)).
    public var abstentions: String? = nil, abstain: [String] = []
  }

  /// The check's name: its findings have the rule id `check.ID`.
  public var id: String
  /// What is compared.
  public var kind: Kind
  /// How serious a finding is; an error unless the template says `warning`.
  public var severity: Severity
  /// The check runs only when each path named holds one of the values listed (`"*"`: any), e.g.
  /// `when: {house.date: [year]}`: a date without its year is worth a warning only where the house style prints
  /// the year. A house-style choice not set counts as its `default`. Empty: always.
  public var when: [String: [String]] = [:]
  /// The finding's message, in the template's language; `{{value}}` and `{{other}}` are replaced as the kind says.
  public var message: String

  /// The finding's message with `value` and `other` put in. A text put between quotation marks that holds
  /// quotation marks of the same kind has them turned to the inner kind, so that they do not nest as they are:
  /// “to add “by June 30””  → “to add ‘by June 30’” (The Chicago Manual of Style, 17th ed., 6.9), 「要「穩」」 →
  /// 「要『穩』」 (教育部《重訂標點符號手冊》, 引號).
  public func message(value: String, other: String = "") -> String {
    var text = message
    for (name, put) in [("{{value}}", value), ("{{other}}", other)] {
      for quotes in Self.nestedQuotes where text.contains(quotes.outer.0 + name + quotes.outer.1) {
        text = text.replacingOccurrences(
          of: quotes.outer.0 + name + quotes.outer.1,
          with: quotes.outer.0 + Self.inner(put, quotes) + quotes.outer.1)
      }
      text = text.replacingOccurrences(of: name, with: put)
    }
    return text
  }

  /// Quotation marks and the kind used inside them.
  private static let nestedQuotes: [(outer: (String, String), inner: (Character, Character))] = [
    (("“", "”"), ("‘", "’")), (("「", "」"), ("『", "』")), (("\"", "\""), ("'", "'")),
  ]

  /// `text` with the outer kind of quotation marks turned to the inner kind.
  private static func inner(_ text: String, _ quotes: (outer: (String, String), inner: (Character, Character))) -> String {
    let (open, close) = (Character(quotes.outer.0), Character(quotes.outer.1))
    guard text.contains(open) || text.contains(close) else { return text }
    return String(text.map { $0 == open ? quotes.inner.0 : $0 == close ? quotes.inner.1 : $0 })
  }
}

extension Check: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, equal, among, sequence, filled, answered, order, atMost, result, differ, conflict, statedOnce, most, alike, matches, same, when, severity, message
  }
  private enum Keys: String, CodingKey, CaseIterable {
    case value, list, name, key, unless, each, sum, max, votesFor, votesAgainst, rollCall, vote, yes, no, disposition
    case adopted, failed, passes, fails, unanimous, abstentions, abstain, keys, holds, values, `in`, words, before, counts, votes, regex, when
  }

  /// One step of `order`: a path, a group of paths read entry by entry, or `apart:` groups not compared with
  /// each other.
  private enum OrderElement: Decodable {
    case one(String), group([String]), apart([[String]])
    private enum Key: String, CodingKey { case apart }
    init(from decoder: any Decoder) throws {
      if let keyed = try? decoder.container(keyedBy: Key.self), keyed.contains(.apart) {
        self = .apart(try keyed.decode([[String]].self, forKey: .apart))
        return
      }
      let c = try decoder.singleValueContainer()
      if let path = try? c.decode(String.self) { self = .one(path) } else { self = .group(try c.decode([String].self)) }
    }
    var groups: [[String]] {
      switch self {
      case .one(let path): [[path]]
      case .group(let paths): [paths]
      case .apart(let groups): groups
      }
    }
  }

  /// A path, or a non-empty list of paths, at `key`.
  private static func paths(_ container: KeyedDecodingContainer<Keys>, _ key: Keys) throws -> [String] {
    if let path = try? container.decode(String.self, forKey: key) { return [path] }
    let paths = try container.decode([String].self, forKey: key)
    guard !paths.isEmpty else {
      throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "`\(key.rawValue)` names a path, or a list of paths")
    }
    return paths
  }

  /// Reads one check: its `id`, `message`, optional `severity` and `when`, and exactly one of `equal`, `among`,
  /// `sequence`, `filled`, `answered`, `order`, `atMost`, `result`, `differ`, `conflict`, `statedOnce`, `most`, `alike`, `matches` and `same`.
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    message = try c.decode(String.self, forKey: .message)
    severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
    when = try c.decodeIfPresent([String: [String]].self, forKey: .when) ?? [:]
    var kinds: [Kind] = []
    if let paths = try c.decodeIfPresent([String].self, forKey: .equal) {
      guard paths.count == 2 else {
        throw DecodingError.dataCorruptedError(forKey: .equal, in: c, debugDescription: "`equal` names two paths")
      }
      kinds.append(.equal(paths[0], paths[1]))
    }
    if c.contains(.among) {
      let a = try c.nestedContainer(keyedBy: Keys.self, forKey: .among)
      kinds.append(.among(value: try a.decode(String.self, forKey: .value), lists: try Self.paths(a, .list),
                          name: try a.decodeIfPresent(String.self, forKey: .name)))
    }
    if c.contains(.sequence) {
      let s = try c.nestedContainer(keyedBy: Keys.self, forKey: .sequence)
      kinds.append(.sequence(list: try s.decode(String.self, forKey: .list), key: try s.decodeIfPresent(String.self, forKey: .key)))
    }
    if c.contains(.filled) {
      let f = try c.nestedContainer(keyedBy: Keys.self, forKey: .filled)
      kinds.append(.filled(list: try f.decode(String.self, forKey: .list), keys: try Self.paths(f, .key),
                           when: try f.decodeIfPresent([String: [String]].self, forKey: .when) ?? [:],
                           unless: try f.decodeIfPresent([String: [String]].self, forKey: .unless) ?? [:]))
    }
    if let path = try c.decodeIfPresent(String.self, forKey: .answered) { kinds.append(.answered(path)) }
    if let elements = try c.decodeIfPresent([OrderElement].self, forKey: .order) { kinds.append(.order(elements.map(\.groups))) }
    if c.contains(.atMost) {
      let a = try c.nestedContainer(keyedBy: Keys.self, forKey: .atMost)
      kinds.append(.atMost(each: try a.decodeIfPresent(String.self, forKey: .each), sum: try a.decode([String].self, forKey: .sum),
                           max: try Self.paths(a, .max)))
    }
    if c.contains(.result) {
      let r = try c.nestedContainer(keyedBy: Keys.self, forKey: .result)
      func words(_ key: Keys) throws -> [String] { try r.decodeIfPresent([String].self, forKey: key) ?? [] }
      kinds.append(.result(ResultCheck(
        list: try r.decode(String.self, forKey: .list), key: try r.decode(String.self, forKey: .key),
        votesFor: try r.decodeIfPresent(String.self, forKey: .votesFor),
        votesAgainst: try r.decodeIfPresent(String.self, forKey: .votesAgainst),
        rollCall: try r.decodeIfPresent(String.self, forKey: .rollCall), vote: try r.decodeIfPresent(String.self, forKey: .vote),
        yes: try words(.yes), no: try words(.no), disposition: try r.decodeIfPresent(String.self, forKey: .disposition),
        adopted: try words(.adopted), failed: try words(.failed), passes: try words(.passes), fails: try words(.fails),
        unanimous: try words(.unanimous), abstentions: try r.decodeIfPresent(String.self, forKey: .abstentions),
        abstain: try words(.abstain))))
    }
    if c.contains(.differ) {
      let d = try c.nestedContainer(keyedBy: Keys.self, forKey: .differ)
      let keys = try d.decode([String].self, forKey: .keys)
      guard keys.count >= 2 else {
        throw DecodingError.dataCorruptedError(forKey: .keys, in: d, debugDescription: "`differ` names two keys or more")
      }
      kinds.append(.differ(list: try d.decode(String.self, forKey: .list), keys: keys))
    }
    if c.contains(.conflict) {
      let x = try c.nestedContainer(keyedBy: Keys.self, forKey: .conflict)
      kinds.append(.conflict(value: try x.decode(String.self, forKey: .value), holds: try x.decode([String].self, forKey: .holds),
                             list: try x.decode(String.self, forKey: .list), key: try x.decode(String.self, forKey: .key),
                             values: try x.decode([String].self, forKey: .values)))
    }
    if c.contains(.statedOnce) {
      let o = try c.nestedContainer(keyedBy: Keys.self, forKey: .statedOnce)
      kinds.append(.statedOnce(value: try o.decode(String.self, forKey: .value), in: try o.decode([String].self, forKey: .in),
                               words: try o.decode([String].self, forKey: .words), before: try o.decode([String].self, forKey: .before)))
    }
    if c.contains(.most) {
      let o = try c.nestedContainer(keyedBy: Keys.self, forKey: .most)
      kinds.append(.most(list: try o.decode(String.self, forKey: .list), value: try o.decode(String.self, forKey: .value),
                         counts: try o.decode(String.self, forKey: .counts), name: try o.decode(String.self, forKey: .name),
                         votes: try o.decode(String.self, forKey: .votes)))
    }
    if let paths = try c.decodeIfPresent([String].self, forKey: .alike) { kinds.append(.alike(paths)) }
    if c.contains(.matches) {
      let m = try c.nestedContainer(keyedBy: Keys.self, forKey: .matches)
      let regex = try m.decode(String.self, forKey: .regex)
      guard (try? NSRegularExpression(pattern: regex)) != nil else {
        throw DecodingError.dataCorruptedError(forKey: .regex, in: m, debugDescription: "`regex` is not a valid regular expression: \(regex)")
      }
      kinds.append(.matches(value: try m.decode(String.self, forKey: .value), pattern: Part.Pattern(regex: regex, message: message),
                            when: try m.decodeIfPresent([String: [String]].self, forKey: .when) ?? [:]))
    }
    if c.contains(.same) {
      let o = try c.nestedContainer(keyedBy: Keys.self, forKey: .same)
      kinds.append(.same(list: try o.decode(String.self, forKey: .list), key: try o.decode(String.self, forKey: .key)))
    }
    guard kinds.count == 1, let kind = kinds.first else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c,
        debugDescription: "a check has exactly one of `equal`, `among`, `sequence`, `filled`, `answered`, `order`, `atMost`, `result`, `differ`, `conflict`, `statedOnce`, `most`, `alike`, `matches` and `same`")
    }
    self.kind = kind
  }
}
