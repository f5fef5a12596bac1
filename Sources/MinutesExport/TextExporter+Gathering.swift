import Foundation
import MinutesModel
import MinutesTemplates

extension TextExporter {
  /// Adds to `root`, the export context of a draft, the groups of each of the template's `gather` declarations
  /// (``Template/Gathering``) under its name, and the entries that name no group under its `apart`.
  ///
  /// A group is a record: `key` (the value as first typed), `n`, `zh`, and each list's entries in it under the
  /// list's last key, as a list (`{{#motions}}`, `empty(motions)`, `count(motions)`); the groups come in order of
  /// first appearance, the lists read in the declared order. A name the draft already has is left as it is (the
  /// checker refuses such a declaration).
  /// - Parameters:
  ///   - root: the context built by the fold: the top-level parts by key.
  ///   - gather: the declarations.
  ///   - language: the template's language, for `zh`.
  /// - Complexity: O(n) in the number of entries of the lists gathered, each value's key computed once (one
  ///   dictionary look-up per entry).
  static func gather(into root: ContextRecord, _ gather: [Template.Gathering], language: String) {
    for gathering in gather {
      let listKeys = gathering.lists.map(Template.Gathering.groupKey(of:))
      var order: [String: Int] = [:]
      var groups: [(key: String, entries: [[ContextValue]])] = []
      var apart = Array(repeating: [ContextValue](), count: gathering.lists.count)
      for (index, path) in gathering.lists.enumerated() {
        for entry in Self.list(at: path, in: root) {
          let value = Self.field(gathering.by, of: entry).flatMap(Self.text) ?? ""
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
      let records: [ContextValue] = groups.enumerated().map { offset, group in
        let record = ContextRecord(capacity: 3 + listKeys.count)
        record["key"] = .text(group.key)
        record["n"] = .int(offset + 1)
        record["zh"] = .text(ChineseNumeral.string(offset + 1, language: language))
        for (index, listKey) in listKeys.enumerated() { record[listKey] = .list(Self.sublist(group.entries[index])) }
        return .record(record)
      }
      if root[gathering.name] == nil {
        root[gathering.name] = .list(ListContext(entries: records, text: groups.map(\.key).joined(separator: ", ")))
      }
      if let name = gathering.apart, root[name] == nil {
        let record = ContextRecord(capacity: listKeys.count)
        for (index, listKey) in listKeys.enumerated() { record[listKey] = .list(Self.sublist(apart[index])) }
        root[name] = .record(record)
      }
    }
  }

  /// The value of `name` in `entry` when it is a record.
  private static func field(_ name: String, of entry: ContextValue) -> ContextValue? {
    switch entry {
    case .record(let record): record[name]
    case .dictionary(let names): names[name].map(ContextValue.init(any:))
    default: nil
    }
  }

  /// The entries of the list at the stored address `path` (keys through groups) in a context; none when the draft
  /// has no such list.
  private static func list(at path: String, in root: ContextRecord) -> [ContextValue] {
    var current: ContextValue? = .record(root)
    for key in path.split(separator: ".").map(String.init) { current = current.flatMap { field(key, of: $0) } }
    guard case .list(let list)? = current else { return [] }
    return list.entries
  }

  /// Some entries of a list as a list of their own: a sequence for sections, `empty()`, `count()`; it prints as
  /// nothing (`{{motions}}` of a group is not the list's join).
  private static func sublist(_ entries: [ContextValue]) -> ListContext {
    ListContext(entries: entries, text: "")
  }

  /// A value of the context as text: a text, a choice's value; `nil` for nothing, and for the mark of a part not
  /// filled in, which names no group.
  private static func text(_ value: ContextValue) -> String? {
    switch value {
    case .text(let text): text
    case .choice(let choice): choice.value
    case .mark, .null: nil
    default: (value.any as? CustomStringConvertible)?.description
    }
  }
}
