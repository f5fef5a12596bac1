import Foundation
import MinutesModel
import MinutesTemplates
import MinutesInterview

/// Where Tab finds the names of people at the prompts that take a person (attendance, the chair, a motion's
/// mover and seconder, a roll-call vote). The draft is one source (``DraftPeople``); a roster can be another.
/// A source does no input or output of its own beyond reading what it was given.
public protocol PeopleSource: Sendable {
  /// The names this source knows for a draft `minutes` of `template`, in the order they should be offered,
  /// each once.
  func names(in minutes: Minutes, template: Template) -> [String]
}

/// The people already named in the draft: the chair, everyone in an attendance list, every mover, seconder
/// and roll-call member, in the order they appear in the draft.
public struct DraftPeople: PeopleSource {
  /// The people of the draft.
  public init() {}

  public func names(in minutes: Minutes, template: Template) -> [String] {
    let roles = template.roles
    var found: [String] = []
    func add(_ value: Value?) {
      switch value {
      case .text(let text)?: found.append(text)
      case .list(let entries)?: entries.forEach(add)
      default: break
      }
    }
    if let chair = roles.chair { PeopleSlots.values(at: chair, in: minutes).forEach(add) }
    for category in roles.attendance {
      for entry in PeopleSlots.values(at: category.list + ".*", in: minutes) {
        add(entry.record.map { $0[category.name] } ?? entry)
      }
    }
    if let motions = roles.motions {
      for motion in PeopleSlots.values(at: motions.list + ".*", in: minutes) {
        guard let record = motion.record else { continue }
        add(record[motions.mover])
        if let seconder = motions.seconder { add(record[seconder]) }
        if let rollCall = motions.rollCall {
          for vote in record[rollCall.list]?.list ?? [] { add(vote.record?[rollCall.member]) }
        }
      }
    }
    var seen: Set<String> = []
    return found.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}

/// Which questions of a template take a person, from its `roles`.
enum PeopleSlots {
  /// The stored values at `path` (dotted keys, `*` for every entry of a list) in `minutes`.
  static func values(at path: String, in minutes: Minutes) -> [Value] {
    var values: [Value] = [.record(minutes.content)]
    for step in path.split(separator: ".").map(String.init) {
      values = values.flatMap { value -> [Value] in
        if step == "*" { return value.list ?? [] }
        return value.record?[step].map { [$0] } ?? []
      }
    }
    return values
  }

  /// `address` with every entry number (and the end of a list) written `*`, as roles name paths.
  static func pattern(of address: Address) -> String {
    address.steps.map { step in
      switch step {
      case .key(let key): key
      case .index, .end: "*"
      }
    }.joined(separator: ".")
  }

  /// Whether the question at `slot` takes a person's name as its whole answer (the chair, a mover, a seconder,
  /// an entry of a list of names, an action item's owner, a part declared `person: true`).
  static func isPerson(_ slot: Address, in template: Template) -> Bool {
    let roles = template.roles
    let here = pattern(of: slot)
    if here == roles.chair { return true }
    if !slot.isEnd, template.part(at: slot)?.asking.takesPerson == true { return true }
    if let actions = template.carry?.actions {
      // An action item's owner: asked at the end of the list when it is an entry's first part.
      if here == actions.list + ".*." + actions.owner { return true }
      if slot.isEnd, here == actions.list + ".*", template.part(at: slot)?.records?.firstPart?.key == actions.owner { return true }
    }
    if let motions = roles.motions {
      if here == motions.list + ".*." + motions.mover { return true }
      if let seconder = motions.seconder, here == motions.list + ".*." + seconder { return true }
    }
    return roles.attendance.contains { category in
      here == category.list + ".*" && template.part(at: slot)?.lineFormat == nil
    }
  }

  /// Where an answer typed at `slot` names people: the range of each name in `text` (trimmed of spaces), for a
  /// question that takes a person (several names where its part splits answers) or a line with a person's part
  /// (`Aisha Bello, remote`, `Margaret Okafor, aye`); none at any other question.
  static func nameRanges(in text: String, at slot: Address, in template: Template) -> [Range<String.Index>] {
    guard let part = template.part(at: slot) else { return [] }
    func trimmed(_ range: Range<String.Index>) -> Range<String.Index>? {
      var (lower, upper) = (range.lowerBound, range.upperBound)
      while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
      while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
      return lower < upper ? lower..<upper : nil
    }
    func pieces(of range: Range<String.Index>, splitAt marks: String?) -> [Range<String.Index>] {
      guard let marks, !marks.isEmpty else { return trimmed(range).map { [$0] } ?? [] }
      var found: [Range<String.Index>] = []
      var start = range.lowerBound
      var at = range.lowerBound
      while at < range.upperBound {
        if marks.contains(text[at]) {
          if let piece = trimmed(start..<at) { found.append(piece) }
          start = text.index(after: at)
        }
        at = text.index(after: at)
      }
      if let piece = trimmed(start..<range.upperBound) { found.append(piece) }
      return found
    }
    if let line = part.lineFormat, slot.isEnd || slot.entry != nil {
      guard let key = personKey(inLineOf: slot, in: template), let position = line.parts.firstIndex(of: key),
            line.separator != " " || position == line.parts.count - 1 else { return [] }
      // Each part but the last takes one piece, the last the rest (see ``Part/LineFormat``); a line of one piece is
      // the person's when the parts before are optional (`王某、李某`, a group of 出席 without its title).
      var start = text.startIndex
      for _ in 0..<position {
        guard let cut = text[start...].range(of: line.separator) else {
          let optionalBefore = line.parts[..<position].allSatisfy { part.child($0)?.rules.required != true }
          guard start == text.startIndex, optionalBefore else { return [] }
          break
        }
        start = cut.upperBound
      }
      let end = position == line.parts.count - 1 ? text.endIndex : (text[start...].range(of: line.separator)?.lowerBound ?? text.endIndex)
      return pieces(of: start..<end, splitAt: part.child(key)?.cleanUp.split)
    }
    guard isPerson(slot, in: template) else { return [] }
    return pieces(of: text.startIndex..<text.endIndex, splitAt: part.cleanUp.split)
  }

  /// The key, in the parts of a line typed for the list entry at `slot`, that takes a person (`name` of
  /// `Aisha Bello, remote`, `member` of a roll-call vote); `nil` when none does.
  static func personKey(inLineOf slot: Address, in template: Template) -> String? {
    let roles = template.roles
    let here = pattern(of: slot)
    if let category = roles.attendance.first(where: { here == $0.list + ".*" }) { return category.name }
    if let motions = roles.motions, let rollCall = motions.rollCall, here == motions.list + ".*." + rollCall.list + ".*" {
      return rollCall.member
    }
    return nil
  }
}

/// File paths for Tab after `:export`: the names in the folder typed so far, relative to a base folder (the
/// workspace, as `:export FILE` reads them). Hidden files are offered only when the name typed starts with a dot;
/// a folder is offered with a `/` after it.
public enum FilePathCompletion {
  /// The completions of `typed` (a path as typed: relative to `base`, absolute, or from a home folder, as
  /// ``url(of:relativeTo:home:)`` reads it), each the whole replacement for `typed`, sorted. `home` is the folder
  /// `~` names (``homeFolder``: the clerk's); `~` alone is offered as `~/`, as a shell completes it, before any
  /// name in `base` that starts with `~`.
  public static func completions(of typed: String, relativeTo base: URL, home: String = homeFolder) -> [String] {
    if typed == "~" {
      var isFolder: ObjCBool = false
      let homeIsFolder = FileManager.default.fileExists(atPath: home, isDirectory: &isFolder) && isFolder.boolValue
      return (homeIsFolder ? ["~/"] : []) + completions(of: "./~", relativeTo: base, home: home).map { String($0.dropFirst(2)) }
    }
    let slash = typed.lastIndex(of: "/")
    let folderPart = slash.map { String(typed[...$0]) } ?? ""
    let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let folder = url(of: folderPart.isEmpty ? "." : folderPart, relativeTo: base, home: home)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    // The workspace's sessions folder, where every export is refused, is not offered.
    let sessions = folderPart.isEmpty ? base.appendingPathComponent("sessions").standardizedFileURL.path : nil
    return names.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
      .filter { sessions == nil || folder.appendingPathComponent($0).standardizedFileURL.path != sessions }.sorted().map { name in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
      return folderPart + name + (isDirectory.boolValue ? "/" : "")
    }
  }

  /// The file a path typed at the prompt names (`:export FILE`): relative to `base`, absolute, or in a home folder
  /// as a shell reads it (no shell reads what is typed at the prompt, so `~/report.txt` had named a folder `~` in
  /// the workspace): `~` and `~/…` in the clerk's (`home`), `~user` and `~user/…` in that user's when the system
  /// knows the user; anything else starting with `~` (`~draft.txt`) is a name in `base`.
  public static func url(of typed: String, relativeTo base: URL, home: String = homeFolder) -> URL {
    let isFolder = typed.hasSuffix("/")
    if typed.hasPrefix("~") {
      let user = typed.dropFirst().prefix { $0 != "/" }
      let rest = typed.dropFirst(1 + user.count)
      if let home = user.isEmpty ? home : FileManager.default.homeDirectory(forUser: String(user))?.path {
        return URL(fileURLWithPath: home + rest, isDirectory: isFolder).standardizedFileURL
      }
    }
    if typed.hasPrefix("/") { return URL(fileURLWithPath: typed, isDirectory: isFolder).standardizedFileURL }
    return base.appendingPathComponent(typed, isDirectory: isFolder).standardizedFileURL
  }

  /// The clerk's home folder: `HOME`, as a shell takes it, else the user's entry in the system's accounts.
  public static var homeFolder: String {
    if let home = ProcessEnvironment.values(["HOME"])["HOME"], home.hasPrefix("/") { return home }
    return FileManager.default.homeDirectoryForCurrentUser.path
  }
}

extension Assistant {
  /// The addresses of the draft a clerk can type after `:show`, `:goto`, `:edit`, `:delete` or `:move`, each
  /// with every shorter address above it (`2.1.3`, `2.1`, `2`), in the order of the draft; with `ends`, the ends
  /// of lists too (`present.+`, for `:goto`); with `head`, only the parts under it.
  func addresses(includingEnds ends: Bool, under head: Address? = nil) -> [String] {
    var seen: Set<String> = []
    var found: [String] = []
    for slot in interview.slots(in: minutes) where (ends || !slot.isEnd) && (head?.contains(slot) ?? true) {
      let shown = template.display(slot)
      // The addresses above it, each parsed once (most are shared: `present` above every `present.N`); the
      // slot's own address is one by construction.
      let tokens = shown.split(separator: ".").map(String.init)
      for length in 1..<max(1, tokens.count) {
        let candidate = tokens.prefix(length).joined(separator: ".")
        guard seen.insert(candidate).inserted, template.address(parsing: candidate) != nil else { continue }
        found.append(candidate)
      }
      if seen.insert(shown).inserted { found.append(shown) }
    }
    return found
  }

  /// Completions of the address being typed: each address that starts with `typed`, cut after the step being
  /// typed (`pre` → `present`; `present.` → `present.1`, `present.2`), as a shell completes one folder at a time.
  func addressCompletions(of typed: String, includingEnds ends: Bool) -> [String] {
    var seen: Set<String> = []
    // `present.` or `2.1.`: only the parts under what is typed before the last dot are looked at.
    let head = typed.lastIndex(of: ".").flatMap { template.address(parsing: String(typed[..<$0])) }
    return addresses(includingEnds: ends, under: head).filter { $0.hasPrefix(typed) }.compactMap { address in
      let rest = address.dropFirst(typed.count)
      let cut = rest.firstIndex(of: ".").map { String(address[..<$0]) } ?? address
      return seen.insert(cut).inserted ? cut : nil
    }
  }

  /// After a command name: the address of `:show`, `:goto`, `:edit`, `:delete`, `:move`, or the file of
  /// `:export` (relative to `base`, else the current folder); each candidate the whole line so far. `nil` when the command takes neither there.
  func argumentCompletions(for prefix: String, files base: URL?) -> [String]? {
    let words = prefix.dropFirst().split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    guard words.count >= 2, let name = words.first?.lowercased() else { return nil }
    let typed = words[words.count - 1]
    let start = String(prefix.dropLast(typed.count))
    switch name {
    case "show", "s", "edit", "e", "delete", "del", "d", "move", "m", "goto", "g":
      guard words.count == 2 else { return nil }
      return addressCompletions(of: typed, includingEnds: name.hasPrefix("g")).map { start + $0 }
    case "export", "x", "export!", "x!", "export！", "x！":
      guard !typed.hasPrefix("-"), words[words.count - 2] != "--format", words[words.count - 2] != "--script" else {
        return nil
      }
      let folder = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      return FilePathCompletion.completions(of: typed, relativeTo: folder).map { start + $0 }
    default:
      return nil
    }
  }

  /// The names of people offered with Tab, from every source, each once.
  func peopleNames() -> [String] {
    var seen: Set<String> = []
    return peopleSources.flatMap { $0.names(in: minutes, template: template) }.filter { seen.insert($0).inserted }
  }
}
