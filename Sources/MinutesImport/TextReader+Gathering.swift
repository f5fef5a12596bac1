import MinutesModel
import MinutesTemplates

/// Reading back what `gather` printed (``Template/Gathering``): the groups (`{{#agendaItems}}`, each with its
/// `key` and the entries of each list that name it) and the record of the entries that name none
/// (`{{#offAgenda}}`) are read as parts of their own, a list of records and a group, whose entries are then put
/// back in the lists they came from, each naming its group. Lists at the top of the draft only (`motions`, not
/// `business.motions`).
extension TextReader {
  /// The parts a template's `gather` declarations print under, to read them as parts of the draft: for each
  /// declaration whose lists are top-level lists of records, a list named as it is, whose entries hold `key` and
  /// those lists, and, when it has `apart`, a group of those lists.
  static func gatheredParts(of template: Template) -> [Part] {
    template.gather.flatMap { gathering -> [Part] in
      let lists = gathering.lists.compactMap { path in template.parts.first { $0.key == path && $0.entryParts != nil } }
      guard lists.count == gathering.lists.count, !template.parts.contains(where: { $0.key == gathering.name }) else { return [] }
      let key = Part(key: "key", shape: .field(.text))
      var parts = [Part(key: gathering.name, shape: .list(.init(entries: .records(.init(parts: [key] + lists)))))]
      if let apart = gathering.apart, !template.parts.contains(where: { $0.key == apart }) {
        parts.append(Part(key: apart, shape: .group(.init(parts: lists))))
      }
      return parts
    }
  }

  /// The draft read: the root's record, with the groups read put back in the lists they gather (each entry naming
  /// its group's key under `by`), then the entries read apart; the lists printed on their own (in another layout)
  /// come first.
  func record() -> Record {
    var record = root.record(template: template)
    for gathering in template.gather {
      let listKeys = gathering.lists
      var gathered: [String: [Value]] = [:]
      if case .list(let groups)? = record[gathering.name] {
        for case .record(let group) in groups {
          let key = group["key"]
          for list in listKeys {
            guard case .list(let entries)? = group[list] else { continue }
            for case .record(var entry) in entries {
              if let key { entry[gathering.by] = key }
              gathered[list, default: []].append(.record(entry))
            }
          }
        }
      }
      record[gathering.name] = nil
      if let apart = gathering.apart {
        if case .record(let lists)? = record[apart] {
          for list in listKeys {
            if case .list(let entries)? = lists[list] { gathered[list, default: []] += entries }
          }
        }
        record[apart] = nil
      }
      for (list, entries) in gathered where !entries.isEmpty {
        let before: [Value] = if case .list(let own)? = record[list] { own } else { [] }
        record[list] = .list(before + entries)
      }
    }
    return record
  }
}
