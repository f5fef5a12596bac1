import Foundation
import MinutesModel

/// The short addresses a clerk types, and the parts they name.
///
/// Short forms (numbers are 1-based):
/// - a field by its key or name, inline groups left out: `date`, `chair.title`, `arrangements.scope`, `出席.2`;
/// - bare numbers go to the numbered list of the part before them: `2` (agenda item 2), `2.1` (its directive 1),
///   `2.1.3` (that directive's point 3), `2.subject`;
/// - `+` is the end of a list, where a new entry goes: `+`, `2.+`, `present.+`.
extension Template {
  /// The part an address points at: for an entry or the end of a list, the list's part.
  public func part(at address: Address) -> Part? {
    var part = root
    for step in address.steps {
      guard case .key(let key) = step else { continue }
      guard let child = part.parts.first(where: { $0.key == key }) else { return nil }
      part = child
    }
    return part
  }

  /// The short form of `address`, as a clerk types it.
  /// - Complexity: O(steps × parts of a record); no part is copied (`check` shows one per finding, 15,000 for a
  ///   report of 1,000 items). To display many addresses, ``AddressDisplays`` works out each shape once.
  public func display(_ address: Address) -> String {
    displayPattern(of: address).display(address)
  }

  /// How `address`'s short form is made, which depends on its keys and the kinds of its steps alone: the same for
  /// every address that differs from it only in its entry numbers.
  func displayPattern(of address: Address) -> AddressDisplays.Pattern {
    var tokens: [AddressDisplays.Pattern.Token] = []
    tokens.reserveCapacity(address.steps.count)
    // The parts the next key is looked up in, and the part last stepped to, by its index among them.
    var parts = self.parts
    var current: Int?
    // The key of the numbered list of the record bare numbers are resolved in: the root, an entry, or a group
    // named in the address.
    var anchorList = Part.numberedList(in: parts)?.part.key
    for (offset, step) in address.steps.enumerated() {
      switch step {
      case .key(let key):
        if let current { parts = parts[current].parts }
        guard let index = parts.firstIndex(where: { $0.key == key }) else { return .stored }
        current = index
        // A numbered list is named by what holds it (`2` for the directives of item 2, as `:add 2` takes it);
        // the root's own numbered list, which nothing names, by its name (`item`).
        let namesNothing = offset == address.steps.count - 1 && tokens.isEmpty
        if parts[index].isNumberedList, anchorList == key, !namesNothing {
          // The entry number alone names it.
        } else if parts[index].inlineParts == nil {
          tokens.append(.text(parts[index].names.first(where: { $0.allSatisfy(\.isASCII) }) ?? key))
          if case .group(let group) = parts[index].shape { anchorList = Part.numberedList(in: group.parts)?.part.key }
        }
      case .index:
        tokens.append(.number(offset))
        anchorList = Part.numberedList(in: current.map { parts[$0].parts } ?? parts)?.part.key
      case .end:
        tokens.append(.text("+"))
      }
    }
    return .tokens(tokens)
  }

  /// Parses a short address; `nil` when it names nothing in this template's shape. Whether the draft has the
  /// entry is another question (see ``Interview/contains(_:in:)``).
  public func address(parsing raw: String) -> Address? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty else { return nil }
    var steps: [Address.Step] = []
    // The record the next token is looked up in; `nil` after a value or the end of a list.
    var record: Part? = root
    // A list named by the previous token, waiting for its entry number.
    var list: Part?
    for token in text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
      let step: Address.Step? = token == "+" ? .end : Address.index(token).map(Address.Step.index)
      if let step {
        if list == nil {
          guard let record, let (path, numbered) = record.numberedList else { return nil }
          steps += path.map(Address.Step.key)
          list = numbered
        }
        steps.append(step)
        record = step != .end && list!.records != nil ? list : nil
        list = nil
        continue
      }
      guard list == nil, let current = record, let (path, child) = Self.find(token, in: current.parts) else { return nil }
      steps += path.map(Address.Step.key)
      switch child.shape {
      case .list: (list, record) = (child, nil)
      case .group: record = child
      case .field: record = nil
      }
    }
    return Address(steps: steps)
  }

  /// The part named `name` among `parts`, looking inside inline groups; with the keys on the way.
  static func find(_ name: String, in parts: [Part]) -> (path: [String], part: Part)? {
    if let direct = parts.first(where: { $0.key == name || $0.names.contains(name) }) { return ([direct.key], direct) }
    for group in parts {
      if let inner = group.inlineParts, let found = find(name, in: inner) { return ([group.key] + found.path, found.part) }
    }
    return nil
  }

  /// The list a clerk means after `:add`: a list by name (`present`), or the numbered list of a part (`2` is
  /// the directives of item 2; `arrangements` its topics); `item` and the root's list names, too.
  public func list(parsing raw: String) -> Address? {
    let text = raw.trimmingCharacters(in: .whitespaces)
    if text.isEmpty || text == "+" { return root.numberedList.map { Address(steps: $0.path.map(Address.Step.key)) } }
    guard let address = address(parsing: text), let part = part(at: address) else { return nil }
    if case .list = part.shape {
      if address.listEntry == nil { return address }
      if address.listEntry?.index == nil { return address.parent }
    }
    // A record (a group, an entry): its numbered list; a field has none.
    guard let (path, _) = part.numberedList else { return nil }
    return Address(steps: address.steps + path.map(Address.Step.key))
  }

  /// The meeting's date as stored (`YYYY-MM-DD`, or without its year): the value of the date field outside lists
  /// whose key is `date`, else of the first date field outside lists (a 纪要 gives the date it was issued first,
  /// then the meeting's).
  public func meetingDate(of minutes: Minutes) -> String? {
    var dates: [(key: String, address: Address)] = []
    walkShape { part, address, _ in
      switch part.shape {
      case .field(.date): dates.append((part.key, address))
      case .group: return true
      case .field, .list: break
      }
      return false
    }
    return (dates.first { $0.key == "date" } ?? dates.first).flatMap { minutes.value(at: $0.address)?.text }
  }
}

/// The short forms of many addresses of one template (every finding of `minutes check`: 75,000 at 5,000 agenda
/// items), each as ``Template/display(_:)`` makes it, the parts looked up once for each shape of address (its keys
/// and kinds of steps; `items.*.directives.*.points.*`) rather than for every address.
public struct AddressDisplays: Sendable {
  /// How a short form is made from an address of one shape.
  enum Pattern: Sendable {
    /// A token of the short form: a name, or the number of the address's step at this offset.
    enum Token: Sendable {
      case text(String)
      case number(Int)
    }
    /// The tokens, joined by `.`.
    case tokens([Token])
    /// The address names no part: its stored form.
    case stored

    func display(_ address: Address) -> String {
      guard case .tokens(let tokens) = self else { return address.description }
      var text = ""
      for (offset, token) in tokens.enumerated() {
        if offset > 0 { text += "." }
        switch token {
        case .text(let name): text += name
        case .number(let step):
          if case .index(let n) = address.steps[step] { text += String(n) }
        }
      }
      return text
    }
  }

  /// The template.
  public let template: Template
  /// The patterns by shape: the address with its entry numbers set to 0.
  private var patterns: [Address: Pattern] = [:]

  /// The short forms of addresses of `template`.
  public init(template: Template) { self.template = template }

  /// The short form of `address`: ``Template/display(_:)`` of it.
  /// - Complexity: O(steps), after the first address of its shape.
  public mutating func callAsFunction(_ address: Address) -> String {
    var shape = address
    for (offset, step) in shape.steps.enumerated() where step != .index(0) {
      if case .index = step { shape.steps[offset] = .index(0) }
    }
    if let pattern = patterns[shape] { return pattern.display(address) }
    let pattern = template.displayPattern(of: address)
    patterns[shape] = pattern
    return pattern.display(address)
  }
}
