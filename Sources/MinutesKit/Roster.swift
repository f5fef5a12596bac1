import Foundation
import MinutesModel
import MinutesStorage
import MinutesTemplates

/// The office's people (`roster.yaml` in the workspace): for completing names at the prompts that ask for people
/// and for checking their spelling. Readable and editable by hand:
///
/// ```yaml
/// people:
///   - name: 王小明
///     titles: [區委常委, 副區長]      # in rank order, highest first
///     bodies: [區政府常務會議]
///     spellings: [王曉明]            # other spellings met in minutes, taken as this person
/// ```
public struct Roster: Hashable, Sendable {
  /// One person.
  public struct Person: Hashable, Sendable, Codable {
    /// The name as minutes should print it.
    public var name: String
    /// The person's titles, highest rank first (`區委常委` before `副區長`).
    public var titles: [String]
    /// The bodies the person sits on.
    public var bodies: [String]
    /// Other spellings of the name (a former transliteration, a variant character).
    public var spellings: [String]

    /// A person with these details.
    public init(name: String, titles: [String] = [], bodies: [String] = [], spellings: [String] = []) {
      (self.name, self.titles, self.bodies, self.spellings) = (name, titles, bodies, spellings)
    }

    private enum CodingKeys: String, CodingKey { case name, titles, bodies, spellings }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      titles = try c.decodeIfPresent([String].self, forKey: .titles) ?? []
      bodies = try c.decodeIfPresent([String].self, forKey: .bodies) ?? []
      spellings = try c.decodeIfPresent([String].self, forKey: .spellings) ?? []
    }
  }

  /// The people, in the file's order.
  public var people: [Person]

  /// A roster of these people.
  public init(people: [Person] = []) { self.people = people }

  private struct File: Decodable { var people: [Person]? }

  /// The roster in `text`; `file` names it in errors.
  /// - Throws: ``RosterError/unreadable(_:)`` with the line and column.
  public static func parse(_ text: String, file: String) throws -> Roster {
    do {
      if text.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") || $0.allSatisfy(\.isWhitespace) }) {
        return Roster()
      }
      return Roster(people: try YAMLCoding.decode(File.self, from: text, file: file).people ?? [])
    } catch let problem as YAMLProblem {
      throw RosterError.unreadable(problem)
    }
  }

  /// The workspace's roster file.
  public static func file(in workspace: URL) -> URL { workspace.appendingPathComponent("roster.yaml") }

  /// The roster of the workspace at `url`; empty when it has no `roster.yaml`.
  /// - Throws: ``RosterError``.
  public static func load(in workspace: URL) throws -> Roster { try load(inWorkspaceAt: workspace.path) }

  /// The roster of the workspace at the path `workspace`, as ``load(in:)`` reads it; its file's path made from the
  /// text (see ``SessionStore/directoryPath``).
  /// - Throws: ``RosterError``.
  public static func load(inWorkspaceAt workspace: String) throws -> Roster {
    let path = Folder.path(of: "roster.yaml", in: workspace)
    guard let data = FileManager.default.contents(atPath: path) else { return Roster() }
    do {
      return try parse(YAMLCoding.text(data, file: path), file: path)
    } catch let problem as YAMLProblem {
      throw RosterError.unreadable(problem)
    }
  }

  /// The person whose name or other spelling is `name`, if any.
  public func person(named name: String) -> Person? {
    people.first { $0.name == name || $0.spellings.contains(name) }
  }

  /// Every name a prompt can complete: each person's name, in the file's order.
  public var names: [String] { people.map(\.name) }

  /// What is wrong in a roster read from `text` (as `file`): the same name twice, an other spelling that is
  /// another person's name or spelling, an empty name. Each at its `file:line:col`.
  public func problems(text: String, file: String) -> [RosterProblem] {
    var problems: [RosterProblem] = []
    var seen: [String: String] = [:]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The line of the n-th occurrence of `value` after a `name:` or in a list, for the location alone.
    func place(of value: String, occurrence: Int = 0) -> (line: Int, column: Int) {
      var count = 0
      for (index, line) in lines.enumerated() where !line.drop(while: \.isWhitespace).hasPrefix("#") {
        guard let range = line.range(of: value) else { continue }
        if count == occurrence { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        count += 1
      }
      return (0, 0)
    }
    var occurrences: [String: Int] = [:]
    for (index, person) in people.enumerated() {
      let name = person.name.trimmingCharacters(in: .whitespaces)
      if name.isEmpty {
        problems.append(RosterProblem(file: file, line: 0, column: 0, kind: .emptyName))
        continue
      }
      let at = place(of: person.name, occurrence: occurrences[person.name, default: 0])
      occurrences[person.name, default: 0] += 1
      if let earlier = seen[person.name] {
        problems.append(RosterProblem(file: file, line: at.line, column: at.column, kind: .twice(person.name, earlier: earlier)))
      }
      seen[person.name] = person.name
      for spelling in person.spellings {
        let spelledAt = place(of: spelling, occurrence: occurrences[spelling, default: 0])
        occurrences[spelling, default: 0] += 1
        // Said once, at the later of the two.
        if let other = people[..<index].first(where: { $0.name != person.name && ($0.name == spelling || $0.spellings.contains(spelling)) }) {
          problems.append(RosterProblem(file: file, line: spelledAt.line, column: spelledAt.column,
                                        kind: .spellingOfTwo(spelling, person.name, other.name)))
        }
      }
    }
    return problems
  }

  /// The roster's file with `person` added at its end, keeping everything the clerk wrote (comments, order).
  public static func adding(_ person: Person, to text: String) -> String {
    var text = text
    if let range = text.range(of: "people: []") { text.replaceSubrange(range, with: "people:") }
    if !text.contains("people:") { text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "people:\n" }
    if !text.hasSuffix("\n") { text += "\n" }
    let quoted = { (value: String) in Self.flowScalar(value) }
    text += "  - name: \(quoted(person.name))\n"
    for (key, values) in [("titles", person.titles), ("bodies", person.bodies), ("spellings", person.spellings)] where !values.isEmpty {
      text += "    \(key): [\(values.map(quoted).joined(separator: ", "))]\n"
    }
    return text
  }

  /// `value` as a YAML scalar that reads back as the same text, in a flow list too: plain when it can be,
  /// else double-quoted with escapes.
  static func flowScalar(_ value: String) -> String {
    // Plain only for names of letters and numbers (a space, `.`, `-`, `、` or `·` inside): anything else could
    // start a YAML indicator or read as another type, and is quoted.
    let plain = value.first.map { $0.isLetter } == true && value.last.map { $0.isLetter || $0.isNumber } == true
      && value.allSatisfy { $0.isLetter || $0.isNumber || " .-、·".contains($0) }
      && !["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(value.lowercased())
    if plain { return value }
    var escaped = ""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { escaped += String(format: "\\x%02X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
      }
    }
    return "\"\(escaped)\""
  }
}

/// Something wrong in a roster, at its place in the file.
public struct RosterProblem: Hashable, Sendable {
  /// What is wrong.
  public enum Kind: Hashable, Sendable {
    /// A person without a name.
    case emptyName
    /// The same name on two people (one line is enough: the other is the same person).
    case twice(String, earlier: String)
    /// A spelling listed for two people: completion could not tell whom it means.
    case spellingOfTwo(String, String, String)
  }

  /// The file, its 1-based line and column (0 when unknown).
  public var file: String, line: Int, column: Int
  /// What is wrong.
  public var kind: Kind

  /// `file:line:col: error: …` in the language of `m`.
  public func message(_ m: Messages) -> String {
    let place = line > 0 ? "\(file):\(line):\(column)" : file
    let text: String = switch kind {
    case .emptyName: m("有一個人沒有姓名（name）", "a person has no name")
    case .twice(let name, _): m("「\(name)」列了兩次；刪去一個（兩個都是同一個人）", "‘\(name)’ is listed twice; remove one (both are the same person)")
    case .spellingOfTwo(let spelling, let a, let b):
      m("「\(spelling)」同時是「\(a)」和「\(b)」的寫法，補全時無法分辨；只留在其中一人下", "‘\(spelling)’ is a spelling of both ‘\(a)’ and ‘\(b)’, so completion cannot tell them apart; keep it under one")
    }
    return "\(place): error: \(text)"
  }
}

/// Why the roster could not be read or changed.
public enum RosterError: LocalizedError, LocalizedMinutesError, Hashable, Sendable {
  /// `roster.yaml` is not a readable roster: `file:line:col` and what.
  case unreadable(YAMLProblem)
  /// The person is in the roster already.
  case exists(String)
  /// A name, title, body or spelling that is empty or holds a line break or a control character.
  case invalidValue(String)
  /// A spelling given for a new person is another person's name or spelling.
  case spellingTaken(String, by: String)
  /// Writing the roster failed; it is as it was.
  case cannotWrite(String, reason: SystemReason)

  public var errorDescription: String? { message(Messages(language: "en")) }

  /// What went wrong and what to do, in the language of `m`.
  public func message(_ m: Messages) -> String {
    switch self {
    case .unreadable(let problem):
      m("\(problem.place): error: \(problem.message(m))。名冊保持原樣；請改正後再試（格式見 `minutes roster --help`）。",
        "\(problem.place): error: \(problem.message). The roster was left as it is; correct it and try again (its form: `minutes roster --help`).")
    case .exists(let name): m("「\(name)」已在名冊中。", "‘\(name)’ is in the roster already.")
    case .invalidValue(let value):
      m("「\(Messages.visible(value))」不能寫入名冊：不能是空的，也不能含換行或控制字元。", "‘\(Messages.visible(value))’ cannot go in the roster: it must not be empty or hold a line break or a control character.")
    case .spellingTaken(let spelling, let other):
      m("「\(spelling)」已是「\(other)」的寫法；同一寫法不能屬於兩個人。", "‘\(spelling)’ is already a spelling of ‘\(other)’; one spelling cannot belong to two people.")
    case .cannotWrite(let file, let reason): m("無法寫入 \(file)：\(reason.message(m))；名冊保持原樣。", "could not write \(file): \(reason.message(m)); the roster is as it was.")
    }
  }
}

extension Workspace {
  /// The names of people in the workspace's sessions that the roster does not know (by name or spelling), each
  /// with the titles it was given there, in the order first met: the chair and the attendance lists, as the
  /// templates' roles say.
  public func peopleMissing(from roster: Roster) -> [Roster.Person] {
    var found: [Roster.Person] = []
    var seen = Set(roster.people.flatMap { [$0.name] + $0.spellings })
    for name in store.names() {
      guard let draft = try? openSession(name) else { continue }
      for person in Self.people(in: draft.minutes, template: draft.template) where seen.insert(person.name).inserted {
        found.append(person)
      }
    }
    return found
  }

  /// The people a draft names where its template's roles say people are, with their titles when the draft gives
  /// them (a `title` part beside the names; `區委常委、副區長` is two titles, in the order given).
  static func people(in minutes: Minutes, template: Template) -> [Roster.Person] {
    var people: [Roster.Person] = []
    let roles = template.roles
    if let chair = roles.chair.flatMap(Address.init(stored:)), let name = minutes.value(at: chair)?.text {
      let title = Address(stored: chair.description.replacingOccurrences(of: ".name", with: ".title")).flatMap { minutes.value(at: $0)?.text }
      people.append(Roster.Person(name: name, titles: title.map(titles) ?? []))
    }
    for category in roles.attendance {
      guard let list = Address(stored: category.list) else { continue }
      for entry in minutes.entries(of: list) {
        let value = entry.record?[category.name] ?? entry
        let title = entry.record?["title"]?.text
        for name in value.list?.compactMap(\.text) ?? value.text.map({ [$0] }) ?? [] {
          people.append(Roster.Person(name: name, titles: title.map(titles) ?? []))
        }
      }
    }
    return people.filter { !$0.name.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// The titles in a title part: `區委常委、副區長` is two.
  private static func titles(_ text: String) -> [String] {
    text.split(separator: "、").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }
}

/// The roster completes names at the prompts that ask for people, after the people already in the draft.
extension Roster: PeopleSource {
  public func names(in minutes: Minutes, template: Template) -> [String] { names }
}


// MARK: - Near misses

extension Roster {
  /// A name typed at a prompt for a person that the roster does not have, but that is close to a roster name.
  public struct NearMiss: Hashable, Sendable {
    /// Why the typed name is taken for a roster name.
    public enum Reason: Hashable, Sendable {
      /// It is one of the person's other spellings (a homophone an input method produced, a variant character).
      case otherSpelling
      /// It differs from the name by one character: one replaced (same length), one added or one left out, two
      /// neighbours swapped, or only in letter case.
      case oneCharacterOff
    }

    /// The name as typed.
    public var typed: String
    /// The roster names it is close to: one when the roster's form can be offered, several when it is close to
    /// more than one person (none is then offered).
    public var names: [String]
    /// Why.
    public var reason: Reason

    /// The roster's form to offer, when exactly one person is meant.
    public var offer: String? { names.count == 1 ? names[0] : nil }
  }

  /// Whether `typed` is a near miss of a roster name, and of which: `nil` when it is a roster name (then it is
  /// that person, never another of the same surname: `王強` typed is 王強 even beside 王芳), or close to none.
  ///
  /// A roster person's other spelling is a near miss of that person's name. Otherwise a name one character off
  /// one or more roster names is a near miss of those (see ``NearMiss/Reason/oneCharacterOff``); a name of one
  /// character (a surname alone), and Latin names of fewer than three letters or pairs shorter than four, are
  /// never taken as near misses (too many names are one letter apart).
  /// - Complexity: O(p·n) for p people and names of n characters.
  public func nearMiss(of typed: String) -> NearMiss? {
    let typed = typed.trimmingCharacters(in: .whitespaces)
    guard !typed.isEmpty, !people.contains(where: { $0.name == typed }) else { return nil }
    if let person = people.first(where: { $0.spellings.contains(typed) }) {
      return NearMiss(typed: typed, names: [person.name], reason: .otherSpelling)
    }
    // Names whose length is more than one character off are passed over before any comparison.
    let length = typed.count
    let close = people.map(\.name).filter { abs($0.count - length) <= 1 && Self.isOneCharacterOff(typed, $0) }
    guard !close.isEmpty else { return nil }
    return NearMiss(typed: typed, names: close, reason: .oneCharacterOff)
  }

  /// Whether `a` and `b` differ by one character (one replaced, added or left out, or two neighbours swapped) or
  /// only in letter case, and
  /// are long enough for that to mean a slip rather than another name.
  static func isOneCharacterOff(_ a: String, _ b: String) -> Bool {
    let x = Array(a.lowercased()), y = Array(b.lowercased())
    let longest = max(x.count, y.count)
    let isLatin = (x + y).allSatisfy { $0.isASCII }
    guard longest >= (isLatin ? 4 : 2), min(x.count, y.count) >= (isLatin ? 3 : 2) else { return false }
    if x == y { return a != b }
    if x.count == y.count {
      let differ = x.indices.filter { x[$0] != y[$0] }
      // One replaced, or two neighbours swapped (`Reyse` for `Reyes`).
      return differ.count == 1 || (differ.count == 2 && differ[1] == differ[0] + 1 && x[differ[0]] == y[differ[1]] && x[differ[1]] == y[differ[0]])
    }
    guard abs(x.count - y.count) == 1 else { return false }
    let (short, long) = x.count < y.count ? (x, y) : (y, x)
    var (i, j, skipped) = (0, 0, false)
    while i < short.count, j < long.count {
      if short[i] == long[j] {
        i += 1
        j += 1
      } else if skipped {
        return false
      } else {
        skipped = true
        j += 1
      }
    }
    return true
  }
}

// MARK: - Rank order of attendance groups

extension Roster {
  /// The rank of each title the roster knows, 0 the highest: titles in the order they first appear, reading the
  /// people in the file's order and each person's titles highest first (a roster written in the house's order
  /// gives the house's ranks: 區委常委 before 副區長 before 管委會副主任).
  public var titleRanks: [String: Int] {
    var ranks: [String: Int] = [:]
    for title in people.flatMap(\.titles) where ranks[title] == nil { ranks[title] = ranks.count }
    return ranks
  }

  /// The order the house style gives attendance groups headed by `titles` (each as typed: `區委常委、副區長` is
  /// two titles): by the rank of each group's highest title, a group of more titles first among groups of the
  /// same highest title. `nil` when the groups are in that order already, or when fewer than two of them have a
  /// title the roster knows; else the groups' indices in that order (groups with no known title last, in their
  /// order).
  public func rankOrder(of titles: [String]) -> [Int]? {
    let ranks = titleRanks
    let keys = titles.map { text -> (Int, Int)? in
      let known = text.split(separator: "、").compactMap { ranks[$0.trimmingCharacters(in: .whitespaces)] }
      return known.min().map { ($0, -known.count) }
    }
    guard keys.compactMap({ $0 }).count >= 2 else { return nil }
    let order = titles.indices.sorted { a, b in
      switch (keys[a], keys[b]) {
      case let (x?, y?): return x != y ? x < y : a < b
      case (_?, nil): return true
      case (nil, _?): return false
      case (nil, nil): return a < b
      }
    }
    // Only the groups the roster ranks must be out of order among themselves to say so.
    let ranked = titles.indices.filter { keys[$0] != nil }
    return order.filter { keys[$0] != nil } == ranked ? nil : order
  }
}
