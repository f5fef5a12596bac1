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
    /// without a reason); `{{value}}` is the entry's `name`, else its first text.
    case filled(list: String, key: String)
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
  private enum CodingKeys: String, CodingKey, CaseIterable { case id, equal, among, sequence, filled, severity, message }
  private enum Keys: String, CodingKey, CaseIterable { case value, list, name, key }

  /// Reads one check: its `id`, `message` and optional `severity`, and exactly one of `equal`, `among`,
  /// `sequence` and `filled`.
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
      kinds.append(.filled(list: try f.decode(String.self, forKey: .list), key: try f.decode(String.self, forKey: .key)))
    }
    guard kinds.count == 1, let kind = kinds.first else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: c, debugDescription: "a check has exactly one of `equal`, `among`, `sequence` and `filled`")
    }
    self.kind = kind
  }
}
