import Foundation
import MinutesModel
import MinutesTemplates

extension TextExporter {
  /// `root`, the export context of a draft, with the groups of each of the template's `gather` declarations
  /// (``Template/Gathering``) added under its name, and the entries that name no group under its `apart`.
  ///
  /// A group is a record: `key` (the value as first typed), `n`, `zh`, and each list's entries in it under the
  /// list's last key, as a list (`{{#motions}}`, `empty(motions)`, `count(motions)`); the groups come in order of
  /// first appearance, the lists read in the declared order. A name the draft already has is left as it is (the
  /// checker refuses such a declaration).
  /// - Parameters:
  ///   - root: the context built by the fold: the top-level parts by key.
  ///   - gather: the declarations.
  ///   - language: the template's language, for `zh`.
  /// - Returns: `root` with the names added.
  /// - Complexity: O(n) in the number of entries of the lists gathered, each value's key computed once (one
  ///   dictionary look-up per entry).
  static func gathered(_ root: [String: Any], _ gather: [Template.Gathering], language: String) -> [String: Any] {
    var root = root
    for gathering in gather {
      let listKeys = gathering.lists.map(Template.Gathering.groupKey(of:))
      var order: [String: Int] = [:]
      var groups: [(key: String, entries: [[Any]])] = []
      var apart = Array(repeating: [Any](), count: gathering.lists.count)
      for (index, path) in gathering.lists.enumerated() {
        for entry in Self.list(at: path, in: root) {
          let value = (entry as? [String: Any])?[gathering.by].flatMap(Self.text) ?? ""
          let key = Template.Gathering.groupingKey(value)
          guard !key.isEmpty else {
            apart[index].append(entry)
            continue
          }
          let group: Int
          if let known = order[key] {
            group = known
          } else {
            group = groups.count
            order[key] = group
            groups.append((value.trimmingCharacters(in: .whitespaces), Array(repeating: [], count: gathering.lists.count)))
          }
          groups[group].entries[index].append(entry)
        }
      }
      let records: [Any] = groups.enumerated().map { offset, group in
        var record: [String: Any] = ["key": group.key, "n": offset + 1, "zh": ChineseNumeral.string(offset + 1, language: language)]
        for (index, listKey) in listKeys.enumerated() { record[listKey] = Self.sublist(group.entries[index]) }
        return record
      }
      if root[gathering.name] == nil {
        root[gathering.name] = ListContext(elements: records, text: groups.map(\.key).joined(separator: ", "))
      }
      if let name = gathering.apart, root[name] == nil {
        var record: [String: Any] = [:]
        for (index, listKey) in listKeys.enumerated() { record[listKey] = Self.sublist(apart[index]) }
        root[name] = record
      }
    }
    return root
  }

  /// The entries of the list at the stored address `path` (keys through groups) in a context; none when the draft
  /// has no such list.
  private static func list(at path: String, in root: [String: Any]) -> [Any] {
    var current: Any? = root
    for key in path.split(separator: ".").map(String.init) { current = (current as? [String: Any])?[key] }
    return (current as? ListContext)?.elements ?? []
  }

  /// Some entries of a list as a list of their own: a sequence for sections, `empty()`, `count()`; it prints as
  /// nothing (`{{motions}}` of a group is not the list's join).
  private static func sublist(_ entries: [Any]) -> ListContext {
    ListContext(elements: entries, text: "")
  }

  /// A value of the context as text: a text, a choice's value; `nil` for nothing, and for the mark of a part not
  /// filled in, which names no group.
  private static func text(_ value: Any) -> String? {
    switch value {
    case let text as String: text
    case let choice as ChoiceContext: choice.value
    case is MissingMark, is NSNull: nil
    case let other as CustomStringConvertible: other.description
    default: nil
    }
  }
}
