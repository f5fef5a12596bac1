import Foundation

extension Template {
  /// A declaration that gathers the entries of several lists by a part they share, for the export: minutes that
  /// print, per agenda item, its heading, then the public comment on it, then its motions, though the clerk drafts
  /// the comments and the motions as two lists, each entry naming its item.
  ///
  /// ```yaml
  /// gather:
  ///   - name: agendaItems          # {{#agendaItems}}…{{/agendaItems}}: one group per item
  ///     by: item                   # the part of each entry that names its group
  ///     lists: [motions, publicComment]
  ///     apart: offAgenda           # optional: {{#offAgenda}}…{{/offAgenda}}, the entries that name none
  /// ```
  ///
  /// Every export's context then offers `name`, a list of groups in order of first appearance (the lists read in
  /// the order `lists` gives them, each from its first entry to its last). A group offers `key` (the value as
  /// first typed), `n` and `zh` (its number, 1, 2…), and under the last key of each list (`motions`,
  /// `publicComment`) the entries of that list that name it, in their order, each as the list offers it (its
  /// parts, its own `n`). Two values name the same group when they are equal once letter case and runs of spaces
  /// are ignored (`Elm Street rezoning` and `elm street  Rezoning`). `apart`, when given, is one record holding,
  /// under the same keys, the entries whose `by` is empty. The draft is not changed: the lists are still offered
  /// whole under their own keys.
  public struct Gathering: Sendable, Hashable, Decodable {
    /// The name the groups are offered under at the top of the export's context: a word, not a top-level part.
    public var name: String
    /// The key of the part, in each list's entries, whose value names the entry's group (e.g. `item`).
    public var by: String
    /// The lists gathered, as stored addresses of lists of records outside any list (`motions`,
    /// `business.motions`), in the order their entries are read for the groups' order; their last keys differ.
    public var lists: [String]
    /// The name of the record of the entries that name no group, when the template wants them; a word, not a
    /// top-level part, not ``name``.
    public var apart: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, by, lists, apart }

    /// Creates a declaration; see the properties.
    public init(name: String, by: String, lists: [String], apart: String? = nil) {
      self.name = name
      self.by = by
      self.lists = lists
      self.apart = apart
    }

    /// Reads it from a template file, refusing keys it does not know (see `docs/templates.md`).
    public init(from decoder: any Decoder) throws {
      try TemplateKeys.check(decoder, known: CodingKeys.allCases.map(\.rawValue))
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      by = try c.decode(String.self, forKey: .by)
      lists = try c.decode([String].self, forKey: .lists)
      apart = try c.decodeIfPresent(String.self, forKey: .apart)
    }

    /// The key a list is offered under in a group: the last key of its address (`motions` for
    /// `business.motions`).
    public static func groupKey(of list: String) -> String {
      list.split(separator: ".").last.map(String.init) ?? list
    }

    /// What two values of ``by`` are compared by: the value in lower case with its runs of white space made one
    /// space and its ends trimmed; `""` for a value of only spaces (an entry that names no group).
    /// - Complexity: O(n) in the length of `value`.
    public static func groupingKey(_ value: String) -> String {
      value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
  }
}
