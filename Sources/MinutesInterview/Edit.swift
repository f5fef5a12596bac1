import Foundation
import OrderedCollections
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// One change to a draft. Edits are values: the assistant applies them, and undo restores what came before.
public enum Edit: Hashable, Sendable {
  /// Sets the field or entry at the address to the text as typed (normalized and parsed per its part); `nil` or
  /// blank text clears an optional field.
  case set(Address, String?)
  /// Adds a new entry at the end of the list at the address, from the text (for a list of records, its first
  /// part: an item's kind, a directive's verb; or its whole line).
  case append(Address, String)
  /// Removes an entry, or clears a field.
  case delete(Address)
  /// Moves an entry to a new 1-based position in its list.
  case move(Address, to: Int)
}

/// Applies ``Edit`` values to drafts, parsing each answer the way its part needs.
///
/// The clerk's text is normalized here (see ``Normalizer``), after any splitting the part needs (a line is
/// split at its spaces first, since normalizing removes a space between two CJK characters). Marks the export
/// prints itself are removed from an answer as its part says (`trimStart`, `unwrap`, `trimEnd`): a final 。 on a
/// sentence, 《》 around a document title. Words are never touched.
public struct Editor: Sendable {
  /// The template whose parts answers are parsed for.
  public let template: Template

  /// Creates an editor for `template`.
  public init(template: Template) { self.template = template }

  private var interview: Interview { Interview(template: template) }
  private var messages: Messages { template.messages }

  /// Applies `edit` to `minutes`; returns the address of the part set or created.
  /// - Throws: ``AssistantError`` when the text does not fit the part or the address is not in the draft;
  ///   `minutes` is then unchanged.
  @discardableResult
  public func apply(_ edit: Edit, to minutes: inout Minutes) throws -> Address {
    switch edit {
    case .set(let address, let raw):
      try requireContained(address, in: minutes)
      return try set(address, raw, in: &minutes)
    case .append(let list, let raw):
      try requireContained(list.appending(.end), in: minutes)
      return try append(raw, to: list, in: &minutes)
    case .delete(let address):
      try requireContained(address, in: minutes)
      if let (list, index) = address.entry {
        minutes.remove(at: index, in: list)
      } else if isInapplicableList(address, in: minutes) || holdsWhole(address, in: minutes) {
        // A whole list or group, with all it holds (`:delete arrangements`: a meeting that made no arrangements
        // after all), as one step `:undo` takes back; also a list that no longer applies (the roll call of a
        // motion since withdrawn, which `check` names): kept, it would not be printed.
        minutes.setValue(nil, at: address)
      } else {
        _ = try set(address, nil, in: &minutes)
      }
      return address
    case .move(let address, let position):
      try requireContained(address, in: minutes)
      guard let (list, index) = address.entry else {
        throw AssistantError.notEditable(address: template.display(address), hint: messages.onlyEntriesMove)
      }
      let count = minutes.entries(of: list).count
      guard (1...count).contains(position) else {
        throw AssistantError.invalidPosition(position: String(position), count: count)
      }
      minutes.move(from: index, to: position, in: list)
      return list.appending(.index(position))
    }
  }

  /// Applies `edit` to `minutes` in place and returns what it changed, as invertible steps, with the address of
  /// the part set or created. Only the part the edit touches is copied, so the cost does not grow with the
  /// draft.
  /// - Throws: ``AssistantError``, as ``apply(_:to:)``; `minutes` is then unchanged.
  public func perform(_ edit: Edit, on minutes: inout Minutes) throws -> (address: Address, changes: [Change]) {
    switch edit {
    case .delete(let address):
      if let (list, index) = address.entry, let old = minutes.entries(of: list).element(index) {
        let result = try apply(edit, to: &minutes)
        return (result, [.remove(container: list.description, index: index, entry: old)])
      }
      return try performOnField(edit, target: address, on: &minutes)
    case .set(let address, _):
      return try performOnField(edit, target: target(of: address), on: &minutes)
    case .append(let list, _):
      let before = minutes.entries(of: list).count
      let result = try apply(edit, to: &minutes)
      let after = minutes.entries(of: list)
      let steps = (before..<after.count).map { Change.insert(container: list.description, index: $0 + 1, entry: after[$0]) }
      return (result, steps)
    case .move(let entry, let to):
      let result = try apply(edit, to: &minutes)
      guard let (list, from) = entry.entry, from != to else { return (result, []) }
      return (result, [.move(container: list.description, from: from, to: to)])
    }
  }

  private func performOnField(_ edit: Edit, target: Address, on minutes: inout Minutes) throws -> (address: Address, changes: [Change]) {
    if let (list, index) = target.entry {
      let old = minutes.entries(of: list).element(index)
      let result = try apply(edit, to: &minutes)
      guard let old, let new = minutes.entries(of: list).element(index), new != old else { return (result, []) }
      return (result, [
        .remove(container: list.description, index: index, entry: old),
        .insert(container: list.description, index: index, entry: new),
      ])
    }
    let old = minutes.value(at: target)
    let result = try apply(edit, to: &minutes)
    var changes: [Change] = []
    if case .set = edit {
      for (text, before) in dropRepeatedStatus(around: target, in: &minutes) where text != target && minutes.value(at: text) != before {
        changes.append(.field(address: text.description, old: before, new: minutes.value(at: text)))
      }
    }
    let new = minutes.value(at: target)
    if old != new { changes.insert(.field(address: target.description, old: old, new: new), at: 0) }
    return (result, changes)
  }

  /// After `target` was set: a text with `trailing: CHOICE` beside it (the title of a document) that ends with the
  /// choice's value in the choice's marks (`辦法（討論稿）` beside the status 討論稿) drops that end, so that the
  /// value is not printed twice. `target` is either of the two; the text changed is the title, and each title
  /// changed is returned with its value before. A title that ends with another bracket (`決議（草案）` beside
  /// 討論稿) is the document's own name, and kept.
  private func dropRepeatedStatus(around target: Address, in minutes: inout Minutes) -> [(Address, Value?)] {
    guard let key = target.steps.last.flatMap({ if case .key(let key) = $0 { key } else { nil } }) else { return [] }
    let isTop = target.parent.steps.isEmpty
    let siblings = isTop ? template.parts : template.part(at: target.parent)?.parts ?? []
    var changed: [(Address, Value?)] = []
    for title in siblings {
      guard let choiceKey = title.cleanUp.trailing, title.key == key || choiceKey == key,
        let choice = siblings.first(where: { $0.key == choiceKey })
      else { continue }
      let titleAddress = target.parent.appending(key: title.key)
      guard case .text(let text)? = minutes.value(at: titleAddress),
        case .text(let value)? = minutes.value(at: target.parent.appending(key: choiceKey))
      else { continue }
      guard let end = Self.repeatedEnd(of: text, value: value, marks: choice.cleanUp.unwrap) else { continue }
      changed.append((titleAddress, minutes.value(at: titleAddress)))
      minutes.setValue(.text(String(text.dropLast(end.count))), at: titleAddress)
    }
    return changed
  }

  /// The end of `text` that repeats `value` in one of `marks` (the pairs of a choice's `unwrap`: `（討論稿）`),
  /// when `text` has more before it; `nil` otherwise.
  public static func repeatedEnd(of text: String, value: String, marks: [[String]]) -> String? {
    for pair in marks where pair.count == 2 {
      let end = pair[0] + value + pair[1]
      if text.hasSuffix(end), text.count > end.count { return end }
    }
    return nil
  }

  /// The address a `set` really changes: for an entry of a list of records that does not read lines, its title.
  private func target(of address: Address) -> Address {
    // An entry asked part by part (one that has a first part) is set by its title.
    guard address.entry != nil, let part = template.part(at: address), part.records?.firstPart != nil, let key = part.titleKey
    else { return address }
    return address.appending(key: key)
  }

  private func requireContained(_ address: Address, in minutes: Minutes) throws {
    guard interview.contains(address, in: minutes) else { throw interview.absence(of: address, in: minutes) }
  }

  // MARK: - Setting

  private func set(_ address: Address, _ raw: String?, in minutes: inout Minutes) throws -> Address {
    guard let part = template.part(at: address) else { throw AssistantError.noSuchPart(template.display(address)) }
    let shown = template.display(address)
    let label = interview.label(of: address, in: minutes)
    let text = raw.flatMap { Normalizer.isBlank($0) ? nil : $0 }
    if address.isEnd {
      throw AssistantError.notEditable(address: shown, hint: messages.endOfList(template.display(address.parent)))
    }
    switch part.shape {
    case .list(let list):
      guard let (container, index) = address.entry else {
        throw AssistantError.notEditable(address: shown, hint: messages.wholeList(shown))
      }
      // An entry asked part by part is set by its title; a line or a value is parsed whole.
      if case .records(let records) = list.entries, records.firstPart != nil, let key = part.titleKey {
        return try set(address.appending(key: key), raw, in: &minutes)
      }
      guard let text else { throw AssistantError.required(label: label) }
      let entry = try parseEntries(text, part: part, at: address, in: minutes).first ?? .text("")
      minutes.remove(at: index, in: container)
      minutes.insert(entry, at: index, in: container)
      return address
    case .group(let group):
      let example = template.display(address.appending(key: group.parts.first?.key ?? ""))
      throw AssistantError.notEditable(address: shown, hint: messages.editAPart(example))
    case .field:
      break
    }
    guard let text else {
      if isStructural(address) {
        let entry = template.display(address.parent)
        throw AssistantError.notEditable(address: shown, hint: messages.deleteWholeEntry(entry))
      }
      if part.rules.required { throw AssistantError.required(label: label) }
      minutes.setValue(nil, at: address)
      return address
    }
    var value = try parse(Normalizer.normalize(text, keepingSpaces: part.cleanUp.keepSpaces), as: part,
                          in: minutes.value(at: address.parent)?.record)
    if case .time? = part.kind, let time = try bareTime(Normalizer.normalize(text), at: address, in: minutes) {
      value = .text(time.description)
    }
    let isNew = minutes.value(at: address) == nil
    minutes.setValue(value, at: address)
    if isNew { reorder(around: address, in: &minutes) }
    return address
  }

  /// Puts the records that hold `address`, just set anew, in the template's order: a new key goes at the end of
  /// its record (and so may a record or a list made on the way), and the files are written in the template's
  /// order (a draft so ordered is what `Template.conform(_:)` gives back as it is, which the index kept with a
  /// session vouches for when it is opened again).
  private func reorder(around address: Address, in minutes: inout Minutes) {
    for depth in stride(from: address.steps.count - 1, through: 0, by: -1) {
      reorder(Address(steps: Array(address.steps.prefix(depth))), in: &minutes)
    }
  }

  /// Whether the period that ends `text` belongs to it rather than ending its sentence, so that `trimEnd` keeps
  /// it: an abbreviation's (`6:00 p.m.`, `U.S.`, `Lucinda Moreau, Jr.`, `Acme Inc.`) or an ellipsis (`…on Quarry
  /// Road...`). The English export drops the template's period after it (``TextExporter``).
  static func keepsFinalPeriod(_ text: String) -> Bool {
    guard text.hasSuffix(".") else { return false }
    if text.hasSuffix("...") { return true }
    if text.wholeMatch(of: /(?s).*(?:^|[\s(])(?:\p{L}\.){2,}/) != nil { return true }
    let word = text.split(whereSeparator: { $0.isWhitespace || $0 == "(" }).last.map(String.init) ?? ""
    return abbreviations.contains(word.lowercased())
  }

  /// Words written with a period of their own, lower-cased.
  private static let abbreviations: Set<String> = [
    "jr.", "sr.", "inc.", "ltd.", "co.", "corp.", "llc.", "st.", "ave.", "blvd.", "rd.", "dr.", "mr.", "mrs.", "ms.", "no.",
    "etc.", "vs.", "esq.", "bros.", "dept.", "govt.", "approx.", "est.",
  ]

  /// Why `:edit ADDRESS` cannot open `address` for a new value, before the clerk types one: a whole list (its
  /// entries are edited one by one, or added to) or a group (its parts are); `nil` when it can.
  public func refusalToEdit(_ address: Address) -> AssistantError? {
    guard case .key? = address.steps.last, let part = template.part(at: address) else { return nil }
    let shown = template.display(address)
    switch part.shape {
    case .list: return .notEditable(address: shown, hint: messages.wholeList(shown))
    case .group(let group):
      return .notEditable(address: shown, hint: messages.editAPart(template.display(address.appending(key: group.parts.first?.key ?? ""))))
    case .field: return nil
    }
  }

  /// Whether `address` names a whole list or group (not an entry, not a field) that holds something.
  public func holdsWhole(_ address: Address, in minutes: Minutes) -> Bool {
    guard case .key? = address.steps.last, let part = template.part(at: address), minutes.value(at: address) != nil
    else { return false }
    switch part.shape {
    case .list, .group: return true
    case .field: return false
    }
  }

  /// Whether `address` is a whole list, filled in, whose part does not apply in the record that holds it (see
  /// ``Template/applies(_:among:in:)``).
  func isInapplicableList(_ address: Address, in minutes: Minutes) -> Bool {
    guard case .key? = address.steps.last, let part = template.part(at: address), case .list = part.shape,
      minutes.value(at: address) != nil
    else { return false }
    let siblings = address.steps.count > 1 ? template.part(at: address.parent)?.parts ?? [] : template.parts
    return !Template.applies(part, among: siblings, in: minutes.value(at: address.parent)?.record ?? minutes.content)
  }

  /// Whether `address` is the part that makes an entry what it is (an item's kind, a directive's verb): asked
  /// first when the entry is added, it can be changed, and the entry deleted, but it cannot be emptied alone.
  func isStructural(_ address: Address) -> Bool {
    guard case .key(let key)? = address.steps.last, address.parent.entry != nil,
      let first = template.part(at: address.parent)?.records?.firstPart
    else { return false }
    return first.key == key
  }

  /// Puts the parts of the record at `address` back in the template's order after a new one was set.
  private func reorder(_ address: Address, in minutes: inout Minutes) {
    guard let record = minutes.value(at: address)?.record, let part = template.part(at: address) else { return }
    let order = part.parts.map(\.key)
    guard !record.fields.keys.elementsEqual(order.filter { record.fields[$0] != nil }) else { return }
    var sorted = OrderedDictionary<String, Value>()
    for key in order { if let value = record[key] { sorted[key] = value } }
    if address.steps.isEmpty {
      minutes.content = Record(sorted)
    } else {
      minutes.setValue(.record(Record(sorted)), at: address)
    }
  }

  // MARK: - Lists

  private func append(_ raw: String, to list: Address, in minutes: inout Minutes) throws -> Address {
    guard let part = template.part(at: list), case .list(let shape) = part.shape else {
      throw AssistantError.noSuchPart(template.display(list))
    }
    let text = Normalizer.normalize(raw, keepingSpaces: part.cleanUp.keepSpaces)
    guard !text.isEmpty else { throw AssistantError.required(label: interview.label(of: list.appending(.end), in: minutes)) }
    let count = minutes.entries(of: list).count
    // A new record is started with its first part; a line, or values, are parsed whole.
    var line: Part.LineFormat?
    if case .records(let records) = shape.entries {
      if let first = records.firstPart {
        let value = try parse(text, as: first)
        minutes.insert(.record([first.key: value]), at: count + 1, in: list)
        if count == 0 { reorder(around: list, in: &minutes) }
        return list.appending(.index(count + 1)).appending(key: first.key)
      }
      line = records.line
    }
    // A line is split at its spaces before it is normalized (see ``Editor``).
    let entries = try parseEntries(line.map { _ in raw } ?? text, part: part, at: list, in: minutes)
    // `,,,` splits into nothing: that is no entry, as a blank answer is none.
    guard !entries.isEmpty else { throw AssistantError.nothingToAdd(raw) }
    for (offset, entry) in entries.enumerated() { minutes.insert(entry, at: count + 1 + offset, in: list) }
    if count == 0 { reorder(around: list, in: &minutes) }
    return list.appending(.index(count + entries.count))
  }

  /// The entries one answer for a list holds: a record from a line, or the values split at the list's `split`.
  /// A bare time among a line's parts (`9:40, 9:55` for a recess) is read by the meeting's period as a time
  /// field's is (``bareTime(_:at:in:)``), `address` being where the entry goes in `minutes`.
  private func parseEntries(_ text: String, part: Part, at address: Address, in minutes: Minutes) throws -> [Value] {
    if let line = part.lineFormat { return [.record(try parseLine(text, part: part, line: line, at: address, in: minutes))] }
    return try Self.values(of: text, for: part).map { try parse($0, as: part) }
  }

  /// The values `text` holds for the list `part`: split at its `split` marks, normalized, blanks left out.
  private static func values(of text: String, for part: Part) -> [String] {
    let pieces = part.cleanUp.split.map { marks in text.split(whereSeparator: { marks.contains($0) }).map(String.init) } ?? [text]
    return pieces.map { Normalizer.normalize($0, keepingSpaces: part.cleanUp.keepSpaces) }.filter { !$0.isEmpty }
  }

  /// Whether `part`'s pattern, of any severity, does not match a value `piece` holds for it (each value of a
  /// list); `false` for a part without a pattern.
  private static func patternRefuses(_ piece: String, _ part: Part) -> Bool {
    guard let pattern = part.rules.pattern else { return false }
    return values(of: piece, for: part).contains { pattern.match($0) != .match }
  }

  /// The suffixes of an English name written after a comma (`Luis Ortega, Jr.`), in lower case.
  static let nameSuffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "esq.", "esq", "ph.d.", "phd", "m.d.", "md"]

  private func parseLine(_ raw: String, part: Part, line: Part.LineFormat, at address: Address, in minutes: Minutes) throws -> Record {
    let pieces: [String]
    // The pieces as typed, before trimming: the last part takes the rest of the line as typed (`Jordan Vale, Vale,
    // Ortiz & Kim LLP`: the affiliation keeps the space after its own comma).
    let typed: [String]
    if line.separator == " " {
      pieces = raw.split(whereSeparator: \.isWhitespace).map(String.init)
      typed = pieces
    } else {
      // `Luis Ortega, Jr., remote`: a name's suffix after its comma belongs to the piece before it, not to the next
      // part (it was refused as no attendance mode).
      typed = raw.components(separatedBy: line.separator).reduce(into: []) { merged, piece in
        if let last = merged.last, line.separator == ",", Self.nameSuffixes.contains(piece.trimmingCharacters(in: .whitespaces).lowercased()),
          !last.trimmingCharacters(in: .whitespaces).isEmpty
        {
          merged[merged.count - 1] = last + "," + piece
        } else {
          merged.append(piece)
        }
      }
      pieces = typed.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    // More pieces between spaces than the line has parts: its last part would take the rest, and the normalizer
    // would drop the spaces between Chinese names, the only boundaries between them (`王建华 李秀英` would be one
    // person with the unit 李秀英). Refused, unless that part keeps its spaces.
    if line.separator == " ", pieces.count > line.parts.count,
      let last = line.parts.last.flatMap(part.child), !last.cleanUp.keepSpaces
    {
      let labels = line.parts.map { part.child($0)?.label ?? $0 }
      throw AssistantError.tooManyPieces(raw, pieces: pieces.count, labels: labels, example: line.example)
    }
    // Which part each piece is for: each part in turn takes one piece, the last the rest. An optional part gives
    // its piece to the next part when the piece begins with a word the part never begins with (`杨帆 带队赴深圳招商`
    // is a name and a reason, not a name and a unit: the template's `neverBegins`), and when the pieces left are
    // no more than the required parts after it (`王某、李某` for a group of 出席 whose title is optional is its
    // names), and when its pattern refuses the piece (`王 芳、李明`: no title 王). A piece so handed on must match
    // the pattern of the part it goes to, else the line is refused as one that lacks that part: `副區長劉成剛`, typed
    // without its space, is no name.
    var assigned: [(key: String, piece: String)] = []
    var handedOn = false
    var next = 0
    for (offset, key) in line.parts.enumerated() where next < pieces.count {
      let isLast = offset == line.parts.count - 1
      guard let sub = part.child(key) else {
        next += 1
        continue
      }
      if !isLast, !sub.rules.required {
        let requiredAfter = line.parts[(offset + 1)...].filter { part.child($0)?.rules.required == true }.count
        if pieces.count - next <= requiredAfter {
          handedOn = true
          continue
        }
        if sub.rendering.neverBegins.contains(where: { pieces[next].hasPrefix($0) }) { continue }
        // Nor is it a piece its pattern refuses, warning or error: `王 芳、李明` is a group of names, the first
        // two-character one padded with a space, not the title 王 (a title has two characters or more).
        if Self.patternRefuses(pieces[next], sub) {
          handedOn = true
          continue
        }
      }
      let piece = isLast
        ? typed[next...].joined(separator: line.separator == " " ? " " : line.separator).trimmingCharacters(in: .whitespaces)
        : pieces[next]
      if handedOn, Self.patternRefuses(piece, sub) {
        throw AssistantError.invalidLine(raw, missing: sub.label, example: line.example)
      }
      handedOn = false
      assigned.append((key, piece))
      next += 1
    }
    // A required part left empty (`, remote`, `,,,`) is said before any other part is read.
    for key in line.parts {
      guard let sub = part.child(key), sub.rules.required else { continue }
      let piece = assigned.first { $0.key == key }?.piece ?? ""
      if Normalizer.normalize(piece).trimmingCharacters(in: CharacterSet(charactersIn: "、，,")).isEmpty {
        throw AssistantError.invalidLine(raw, missing: sub.label, example: line.example)
      }
    }
    var record = OrderedDictionary<String, Value>()
    for (key, piece) in assigned {
      guard let sub = part.child(key) else { continue }
      switch sub.shape {
      case .list:
        let values = try parseEntries(piece, part: sub, at: address, in: minutes)
        if !values.isEmpty { record[key] = .list(values) }
      case .field, .group:
        let text = Normalizer.normalize(piece, keepingSpaces: sub.cleanUp.keepSpaces)
        guard !text.isEmpty else { continue }
        record[key] = try parse(text, as: sub)
        if case .time? = sub.kind, let time = try bareTime(text, at: address, in: minutes) { record[key] = .text(time.description) }
      }
    }
    for sub in part.parts where sub.rules.required && record[sub.key] == nil {
      throw AssistantError.invalidLine(raw, missing: sub.label, example: line.example)
    }
    var sorted = OrderedDictionary<String, Value>()
    for sub in part.parts { if let value = record[sub.key] { sorted[sub.key] = value } }
    return Record(sorted)
  }

  // MARK: - Parsing answers

  /// The choice of `part` whose phrase opens with `text`, as the minutes print it: the phrase's words before its
  /// first tag, less a title mark or bracket that opens the value (`會議審議並原則通過了《{{subject}}》` opens with
  /// `會議審議並原則通過了`), either whole or without the words most phrases of the part start with (`會議`), so
  /// that `審議並原則通過了` and `聽取了` are the choices `審議並原則通過` and `聽取匯報` (one phrase that opens
  /// otherwise, `會前，{{organizer}}組織學習了…`, does not stop them). Where two phrases open alike
  /// (`會議研究了{{subject}}` and `會議研究了{{subject}}等事宜`), the one that prints nothing after its value is
  /// meant. `nil` when no phrase, or more than one, opens so.
  static func choice(openedBy text: String, in part: Part) -> String? {
    let phrases = part.rendering.phrases
    let openers: [(value: String, opener: String)] = phrases.compactMap { value, phrase in
      var opener = Substring(phrase.components(separatedBy: "{{")[0])
      while let last = opener.last, "《〈“「『（(".contains(last) { opener.removeLast() }
      return opener.isEmpty ? nil : (value, String(opener))
    }
    guard !openers.isEmpty else { return nil }
    // The words most openers start with (`會議`): the longest prefix that at least half of them (and two) have,
    // and have more than.
    var shared = ""
    let needed = max(2, (openers.count + 1) / 2)
    for (_, opener) in openers {
      for length in stride(from: opener.count - 1, to: shared.count, by: -1) {
        let prefix = String(opener.prefix(length))
        let having = openers.filter { $0.opener.hasPrefix(prefix) }
        if having.count >= needed, !having.contains(where: { $0.opener == prefix }) {
          shared = prefix
          break
        }
      }
    }
    let matching = openers.filter {
      $0.opener == text || (!shared.isEmpty && $0.opener.hasPrefix(shared) && String($0.opener.dropFirst(shared.count)) == text)
    }
    if matching.count == 1 { return matching[0].value }
    let plainest = matching.filter { phrases[$0.value]?.hasSuffix("}}") == true }
    return plainest.count == 1 ? plainest[0].value : nil
  }

  /// A time typed without a.m. or p.m. whose hour could be either (`7:40`, not `07:40` or `19:40`), read by the
  /// meeting's period: the time the meeting started (the template's first time field outside lists, `called
  /// to order`), whose later times are at or after it. Of 7:40 and 19:40, the first that is not before the start
  /// is taken (7:40 in a meeting begun at 7:00, 19:40 in one begun at 7:00 p.m.); `nil` when `text` is no such
  /// time.
  /// - Throws: ``AssistantError/ambiguousTime(_:)`` when the meeting's start is not known (this is the start, or it
  ///   is not filled in yet) or both readings fall before it: the clerk is asked to say which.
  ///
  /// `12:20` is noon's, after a start before it; after a later start (a meeting begun at 7:00 p.m.) it could be
  /// 12:20 a.m., past midnight, and the clerk is asked rather than given noon.
  func bareTime(_ text: String, at address: Address, in minutes: Minutes) throws -> MeetingTime? {
    guard let match = text.wholeMatch(of: /([1-9]|1[012]):([0-5][0-9])/), let hour = Int(match.1), let minute = Int(match.2)
    else { return nil }
    if hour == 12 {
      guard let noon = MeetingTime(hour: 12, minute: minute) else { return nil }
      guard let start = meetingStart(excluding: address, in: minutes) else { return nil }
      if noon >= start { return noon }
      throw AssistantError.ambiguousTime(text)
    }
    guard let morning = MeetingTime(hour: hour, minute: minute), let evening = MeetingTime(hour: hour + 12, minute: minute)
    else { return nil }
    guard let start = meetingStart(excluding: address, in: minutes) else { throw AssistantError.ambiguousTime(text) }
    if morning >= start { return morning }
    if evening >= start { return evening }
    throw AssistantError.ambiguousTime(text)
  }

  /// The time the meeting started: the value of the template's first time field outside lists, unless that is
  /// `address` itself; `nil` when it is not filled in.
  private func meetingStart(excluding address: Address, in minutes: Minutes) -> MeetingTime? {
    func first(_ parts: [Part], at base: Address) -> Address? {
      for part in parts {
        let here = base.appending(key: part.key)
        switch part.shape {
        case .field(.time): return here
        case .group(let group): if let found = first(group.parts, at: here) { return found }
        default: continue
        }
      }
      return nil
    }
    guard let start = first(template.parts, at: Address(steps: [])), start != address,
      let text = minutes.value(at: start)?.text
    else { return nil }
    return MeetingTime(parsing: text)
  }

  /// Parses normalized `text` as a value of `part`'s type, after removing the marks its part says.
  func parse(_ text: String, as part: Part, in record: Record? = nil) throws -> Value {
    let cleanUp = part.cleanUp
    let unwraps = cleanUp.unwrapWhen.map { Template.holds($0, in: record) } ?? true
    var text = text
    switch part.kind {
    case .text?, .choice?:
      if let quotes = template.quotes, quotes.count == 2 { text = Normalizer.pairQuotes(text, open: quotes[0], close: quotes[1]) }
    default:
      break
    }
    // A final mark outside a pair goes first (《標題》。), then the pair, then a final mark inside it.
    while let first = text.first, cleanUp.trimStart.contains(first), text.count > 1 { text.removeFirst() }
    while let last = text.last, cleanUp.trimEnd.contains(last), text.count > 1, !Self.keepsFinalPeriod(text) { text.removeLast() }
    for pair in cleanUp.unwrap where pair.count == 2 && unwraps {
      if text.hasPrefix(pair[0]), text.hasSuffix(pair[1]), text.count > pair[0].count + pair[1].count {
        text = String(text.dropFirst(pair[0].count).dropLast(pair[1].count))
      }
    }
    while let last = text.last, cleanUp.trimEnd.contains(last), text.count > 1, !Self.keepsFinalPeriod(text) { text.removeLast() }
    switch part.kind {
    case .text?, nil:
      // A record answered whole (a list of records without a title) is kept as its text.
      return .text(text)
    case .number?:
      guard let n = ChineseNumeral.parse(text) else { throw AssistantError.invalidNumber(text) }
      return .number(n)
    case .count?:
      let digits = text.halfWidthForms
      guard let n = Int(digits) ?? ChineseNumeral.parse(text), n >= 0 else { throw AssistantError.invalidCount(text) }
      return .number(n)
    case .date?:
      let halfWidth = text.halfWidthForms
      // A date as reports give it: whole, without the year, or the day alone (stored so, never guessed).
      guard let date = PartialDate(parsing: halfWidth) else { throw AssistantError.invalidDate(text) }
      return .text(date.description)
    case .time?:
      guard let time = MeetingTime(parsing: text) else { throw AssistantError.invalidTime(text) }
      return .text(time.description)
    case .choice(let values, let isOpen)?:
      if values.contains(text) { return .text(text) }
      // `failed` is `Failed`: a choice typed in other letter case is the choice, stored as the template writes it.
      if let choice = values.first(where: { $0.lowercased() == text.lowercased() }) { return .text(choice) }
      // `審議並原則通過了` (or `會議審議並原則通過了`) is the choice whose phrase opens so: typed as the minutes print it.
      if let choice = Self.choice(openedBy: text, in: part) { return .text(choice) }
      // `审议` in a Traditional report (`審議` in a Simplified one), typed with the other script's input method: the
      // choice, stored as the template writes it.
      if let counterpart = ScriptVariants.transform(into: template.language).flatMap({ text.applyingTransform($0, reverse: false) }),
        counterpart != text
      {
        if values.contains(counterpart) { return .text(counterpart) }
        if let choice = Self.choice(openedBy: counterpart, in: part) { return .text(choice) }
      }
      guard isOpen else { throw AssistantError.notAChoice(answer: text, choices: values) }
      return .text(text)
    case .yesno?:
      if template.yesNo.yes.contains(where: { $0.lowercased() == text.lowercased() }) { return .flag(true) }
      if template.yesNo.no.contains(where: { $0.lowercased() == text.lowercased() }) { return .flag(false) }
      throw AssistantError.notAChoice(answer: text, choices: template.yesNo.yes + template.yesNo.no)
    }
  }
}
