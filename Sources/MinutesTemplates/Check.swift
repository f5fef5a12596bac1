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
    /// The text at `value` is the name of an entry of `list` (its part `name`, or the entry itself; a list of
    /// names counts each): a person in one list also in another. Padded names (`王 芳`) are the same person.
    case among(value: String, list: String, name: String?)
    /// The entries of each list at `list` (their part `key`, or the entries themselves) that start with a number,
    /// Arabic or Chinese (`一要…`, `3.`), count 1, 2, 3… without a gap: `{{value}}` is the number found and
    /// `{{other}}` the one expected.
    case sequence(list: String, key: String?)
    /// Every entry of `list` has its part `key` filled in (a warning on an empty optional value: a 請假 entry
    /// without a reason); `{{value}}` is the entry's `name`, else its first text. An entry whose part named in
    /// `unless` holds one of the values listed (`"*"`: any) is let off: a motion without a seconder that died
    /// for lack of one.
    case filled(list: String, key: String, unless: [String: [String]])
    /// The part at the path is filled in: a warning on a part real minutes have but a draft may lack (the time
    /// of adjournment); `{{value}}` is empty.
    case answered(String)
    /// The times at the paths, read in the order written, never go back: called to order ≤ recesses ≤
    /// executive sessions ≤ adjournment. Each element is a group of paths; a group of paths with `*` is read
    /// entry by entry (`[recesses.*.began, recesses.*.ended]`: the first recess's two times, then the second's).
    /// A time not filled in is passed over. `{{value}}` is the time found (in the template's time style) and
    /// `{{other}}` the later one before it; reported at the time found.
    case order([[String]])
    /// The sum of the counts at `sum` is at most `max`: the number of entries of a list (those present), or a
    /// number. With `each`, the `sum` paths are read in each entry of that list (each election's votes).
    /// `{{value}}` is the sum, `{{other}}` the most; reported at the first count.
    case atMost(each: String?, sum: [String], max: String)
    /// The result as announced (`Passes 4-2`) agrees with the record; see ``ResultCheck``.
    case result(ResultCheck)
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
  }

  /// The check's name: its findings have the rule id `check.ID`.
  public var id: String
  /// What is compared.
  public var kind: Kind
  /// How serious a finding is; an error unless the template says `warning`.
  public var severity: Severity
  /// The finding's message, in the template's language; `{{value}}` and `{{other}}` are replaced as the kind says.
  public var message: String

  /// The finding's message with `value` and `other` put in.
  public func message(value: String, other: String = "") -> String {
    message.replacingOccurrences(of: "{{value}}", with: value).replacingOccurrences(of: "{{other}}", with: other)
  }
}

extension Check: Decodable {
  private enum CodingKeys: String, CodingKey, CaseIterable {
    case id, equal, among, sequence, filled, answered, order, atMost, result, severity, message
  }
  private enum Keys: String, CodingKey, CaseIterable {
    case value, list, name, key, unless, each, sum, max, votesFor, votesAgainst, rollCall, vote, yes, no, disposition
    case adopted, failed, passes, fails
  }

  /// One element of `order`: a path, or a group of paths read entry by entry.
  private enum OrderElement: Decodable {
    case one(String), group([String])
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let path = try? c.decode(String.self) { self = .one(path) } else { self = .group(try c.decode([String].self)) }
    }
    var paths: [String] {
      switch self {
      case .one(let path): [path]
      case .group(let paths): paths
      }
    }
  }

  /// Reads one check: its `id`, `message` and optional `severity`, and exactly one of `equal`, `among`,
  /// `sequence`, `filled`, `answered`, `order`, `atMost` and `result`.
  public init(from decoder: any Decoder) throws {
    try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    message = try c.decode(String.self, forKey: .message)
    severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
    var kinds: [Kind] = []
    if let paths = try c.decodeIfPresent([String].self, forKey: .equal) {
      guard paths.count == 2 else {
        throw DecodingError.dataCorruptedError(forKey: .equal, in: c, debugDescription: "`equal` names two paths")
      }
      kinds.append(.equal(paths[0], paths[1]))
    }
    if c.contains(.among) {
      let a = try c.nestedContainer(keyedBy: Keys.self, forKey: .among)
      kinds.append(.among(value: try a.decode(String.self, forKey: .value), list: try a.decode(String.self, forKey: .list),
                          name: try a.decodeIfPresent(String.self, forKey: .name)))
    }
    if c.contains(.sequence) {
      let s = try c.nestedContainer(keyedBy: Keys.self, forKey: .sequence)
      kinds.append(.sequence(list: try s.decode(String.self, forKey: .list), key: try s.decodeIfPresent(String.self, forKey: .key)))
    }
    if c.contains(.filled) {
      let f = try c.nestedContainer(keyedBy: Keys.self, forKey: .filled)
      kinds.append(.filled(list: try f.decode(String.self, forKey: .list), key: try f.decode(String.self, forKey: .key),
                           unless: try f.decodeIfPresent([String: [String]].self, forKey: .unless) ?? [:]))
    }
    if let path = try c.decodeIfPresent(String.self, forKey: .answered) { kinds.append(.answered(path)) }
    if let elements = try c.decodeIfPresent([OrderElement].self, forKey: .order) { kinds.append(.order(elements.map(\.paths))) }
    if c.contains(.atMost) {
      let a = try c.nestedContainer(keyedBy: Keys.self, forKey: .atMost)
      kinds.append(.atMost(each: try a.decodeIfPresent(String.self, forKey: .each), sum: try a.decode([String].self, forKey: .sum),
                           max: try a.decode(String.self, forKey: .max)))
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
        adopted: try words(.adopted), failed: try words(.failed), passes: try words(.passes), fails: try words(.fails))))
    }
    guard kinds.count == 1, let kind = kinds.first else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c,
        debugDescription: "a check has exactly one of `equal`, `among`, `sequence`, `filled`, `answered`, `order`, `atMost` and `result`")
    }
    self.kind = kind
  }
}
