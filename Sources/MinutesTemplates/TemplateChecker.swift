import Foundation
internal import Mustache
internal import Yams
import MinutesModel

/// Checks what decoding a template cannot: that its parts fit together. Every problem is reported at the
/// `file:line:col` of the part or key it names.
///
/// The checks: keys are unique among siblings; at most one numbered list per record; a field that is asked has a
/// question (a list of records: its first part); a choice field has choices; `when`, `title` and `line` name
/// sibling parts; every Mustache text (questions, phrases, joins, exports) parses; patterns are valid regular
/// expressions; the roles name lists and parts the template has.
struct TemplateChecker {
  let template: Template
  let node: Node
  let file: String

  func check() throws {
    guard !template.parts.isEmpty else { throw fail([], key: "parts", "`parts` needs at least one part") }
    try check(template.parts, path: [], asked: true)
    guard let text = template.export["text"] else { throw fail([], key: "export", "missing key `export.text`") }
    do { _ = try MustacheTemplate(string: text) } catch {
      throw fail([], key: "export", "`export.text` is not valid Mustache: \(Self.describe(error))")
    }
    if let word = template.yesNo.yes.first(where: template.yesNo.no.contains) {
      throw fail([], key: "yesNo", "`\(word)` is listed both as yes and as no")
    }
    if let quotes = template.quotes, quotes.count != 2 {
      throw fail([], key: "quotes", "`quotes` is a pair of marks, opening and closing, e.g. [“, ”]")
    }
    try checkRoles()
  }

  /// Checks `parts`; `asked` is false under a list that reads whole lines, whose parts have no questions.
  /// The deepest nesting of parts a template may have: minutes are a few levels deep (item, directive, point),
  /// and every walk over a draft recurses once per level.
  static let maximumDepth = 16

  private func check(_ parts: [Part], path: [String], asked: Bool) throws {
    guard path.count < Self.maximumDepth else {
      throw fail(Array(path.prefix(Self.maximumDepth)), key: nil, "parts are nested more than \(Self.maximumDepth) levels deep; minutes need far fewer")
    }
    var seen: Set<String> = []
    for part in parts {
      let here = path + [part.key]
      guard !part.key.isEmpty, !part.key.contains("."), !part.key.contains(" "), Address.index(part.key) == nil, part.key != "+" else {
        throw fail(here, key: "key", "part key `\(part.key)` must be a word without dots or spaces, and not a number")
      }
      guard seen.insert(part.key).inserted else {
        throw fail(here, key: "key", "two parts here have the key `\(part.key)`", occurrence: 2)
      }
      if part.type == .choice, (part.choices ?? []).isEmpty {
        throw fail(here, key: "type", "`\(part.key)` is a choice but has no `choices`")
      }
      if part.isRecord, part.parts.isEmpty { throw fail(here, key: "parts", "`\(part.key)` is a group but has no `parts`") }
      if part.isList, part.isRecord, part.line == nil, let first = part.parts.first, first.isList || first.isRecord {
        throw fail(here + [first.key], key: "key", "`\(first.key)` is the first part of the list `\(part.key)`, which a new entry is started with, so it must be a field, not a list or group")
      }
      for (name, condition) in [("when", part.when), ("unless", part.unless), ("unwrapWhen", part.unwrapWhen)] {
        for (key, values) in condition ?? [:] {
          guard let sibling = parts.first(where: { $0.key == key }) else { continue }
          let allowed = sibling.type == .yesno ? ["true", "false"] : sibling.isOpen ? [] : sibling.choiceValues
          for value in values where value != "*" && !allowed.isEmpty && !allowed.contains(value) {
            throw fail(here, key: name, "`\(name)` gives `\(value)` for `\(key)`, which is not one of its values (\(allowed.joined(separator: ", ")); `*` means any)")
          }
        }
      }
      if asked, part.isAsked {
        let asked = part.isRecord ? (part.isList && part.line == nil ? part.parts.first : nil) : part
        if part.isList, part.line != nil, part.question == nil {
          throw fail(here, key: "question", "the list `\(part.key)` reads lines and needs a `question`")
        }
        if let asked, asked.question == nil, !asked.isRecord {
          throw fail(part.isList && part.isRecord ? here + [asked.key] : here, key: "question", "`\(asked.key)` is asked but has no `question` (or say `ask: false`)")
        }
      }
      for text in [part.question, part.join?.entry].compactMap({ $0 }) + (part.choices ?? []).compactMap(\.phrase) {
        do { _ = try MustacheTemplate(string: text) } catch {
          throw fail(here, key: nil, "`\(part.key)` has text that is not valid Mustache (\(Self.describe(error))): \(text)")
        }
      }
      if let pattern = part.pattern, (try? NSRegularExpression(pattern: pattern.regex)) == nil {
        throw fail(here, key: "pattern", "the `pattern` of `\(part.key)` is not a valid regular expression: \(pattern.regex)")
      }
      for (name, condition) in [("when", part.when), ("unless", part.unless), ("unwrapWhen", part.unwrapWhen)] {
        for key in (condition ?? [:]).keys where !parts.contains(where: { $0.key == key }) {
          throw fail(here, key: name, "`\(name)` names `\(key)`, which is not a part beside `\(part.key)`")
        }
      }
      if let title = part.title, part.child(title) == nil {
        throw fail(here, key: "title", "`title` names `\(title)`, which is not a part of `\(part.key)`")
      }
      for key in part.line?.parts ?? [] where part.child(key) == nil {
        throw fail(here, key: "line", "`line` names `\(key)`, which is not a part of `\(part.key)`")
      }
      if part.isRecord {
        try check(part.parts, path: here, asked: asked && part.isAsked && part.line == nil)
      }
    }
    // Bare numbers go to the numbered list of a record, looking inside inline groups: one per record.
    func numbered(_ parts: [Part]) -> [String] {
      parts.flatMap { part -> [String] in
        if part.isList { return part.isNumbered ? [part.key] : [] }
        return part.isRecord && part.isInline ? numbered(part.parts) : []
      }
    }
    if numbered(parts).count > 1 {
      throw fail(path, key: path.isEmpty ? "parts" : nil, "more than one numbered list here (\(numbered(parts).joined(separator: ", "))), counting those in inline groups; bare numbers can reach only one")
    }
  }

  private func checkRoles() throws {
    let roles = template.roles
    func list(_ path: String, _ role: String) throws -> Part {
      let stored = path.replacingOccurrences(of: ".*.", with: ".1.")
      guard let address = Address(stored: stored), let part = template.part(at: address), part.isList else {
        throw fail([], key: "roles", "`roles.\(role)` names `\(path)`, which is not a list of this template")
      }
      return part
    }
    if let chair = roles.chair, Address(stored: chair).flatMap(template.part(at:)) == nil {
      throw fail([], key: "roles", "`roles.chair` names `\(chair)`, which is not a part of this template")
    }
    for category in roles.attendance {
      let part = try list(category.list, "attendance")
      if part.isRecord, part.child(category.name) == nil {
        throw fail([], key: "roles", "`roles.attendance` names `\(category.name)`, which is not a part of `\(category.list)`")
      }
    }
    if let motions = roles.motions {
      let part = try list(motions.list, "motions")
      let keys = [motions.mover, motions.disposition] + [motions.votesFor, motions.votesAgainst, motions.abstentions].compactMap { $0 }
      for key in keys where part.child(key) == nil {
        throw fail([], key: "roles", "`roles.motions` names `\(key)`, which is not a part of `\(motions.list)`")
      }
      if let rollCall = motions.rollCall {
        guard let calls = part.child(rollCall.list), calls.isList, calls.child(rollCall.member) != nil, calls.child(rollCall.vote) != nil else {
          throw fail([], key: "roles", "`roles.motions.rollCall` names parts `\(motions.list)` does not have")
        }
      }
    }
  }

  /// An error at the part with the key path `path` (or the top level), at its key `key` when it has one.
  /// `occurrence` picks among parts with the same key at the end of `path` (2: the duplicate).
  private func fail(_ path: [String], key: String?, _ message: String, occurrence: Int = 1) -> TemplateError {
    var current: Node? = node
    for (offset, partKey) in path.enumerated() {
      let matches = current?["parts"]?.sequence?.filter { $0["key"]?.string == partKey } ?? []
      let wanted = offset == path.count - 1 ? occurrence : 1
      current = matches.count >= wanted ? matches[wanted - 1] : matches.first
    }
    let mark = (key.flatMap { k in current?.mapping?.first { $0.key.string == k }?.key.mark }) ?? current?.mark
    return .invalid(YAMLProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
  }
}

extension TemplateChecker {
  /// A Mustache parse error in words: where in the text, and what (`line 3, column 12: a section is not closed`).
  static func describe(_ error: any Error) -> String {
    guard let parse = error as? MustacheTemplate.ParserError else { return "\(error)" }
    let what: String
    switch parse.error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: what = "a section is closed with another name than it was opened with"
    case .unfinishedName?: what = "a tag is not finished (`{{` without `}}`)"
    case .expectedSectionEnd?: what = "a section is not closed (`{{#x}}` without `{{/x}}`)"
    case .invalidSetDelimiter?: what = "the set-delimiter tag is badly formed"
    case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: what = "the pragma `{{% … }}` is not understood"
    default: what = "\(parse.error)"
    }
    return "line \(parse.context.lineNumber), column \(parse.context.columnNumber) of the text: \(what)"
  }
}
