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
    do { try Self.compile(text) } catch {
      throw fail([], key: "export", "`export.text` is not valid Mustache: \(Self.describe(error))")
    }
    try checkExportKeys()
    try checkPartials()
    if let docx = template.export["docx"] { try checkDocx(docx) }
    if let word = template.yesNo.yes.first(where: template.yesNo.no.contains) {
      throw fail([], key: "yesNo", "`\(word)` is listed both as yes and as no")
    }
    // `[]` keeps straight quotes as typed: how a variant turns off the pairing of the template it extends.
    if let quotes = template.quotes, quotes.count != 2, !quotes.isEmpty {
      throw fail([], key: "quotes", "`quotes` is a pair of marks, opening and closing, e.g. [“, ”], or [] to keep straight quotes as typed")
    }
    try checkRoles()
    try checkCarry()
    try checkGather()
  }

  /// `gather` (``Template/Gathering``): its names are Mustache words that no top-level part and no other
  /// declaration has; each of its `lists` is a list of records reached through groups only (a list inside a
  /// list has entries in many places, not one list to gather), with a field `by`; the lists' last keys differ
  /// and are not `key`, `n` or `zh`, which a group offers itself.
  private func checkGather() throws {
    var names = Set(template.parts.map(\.key))
    func word(_ name: String, _ what: String) throws {
      guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
        throw fail([], key: "gather", "`gather` \(what) `\(name)`, but it is printed as `{{#\(name)}}`, so it is written in ASCII letters, digits and `_`")
      }
      guard names.insert(name).inserted else {
        throw fail([], key: "gather", "`gather` \(what) `\(name)`, which a top-level part or another `gather` has already; choose another name")
      }
    }
    for gathering in template.gather {
      try word(gathering.name, "names its groups")
      if let apart = gathering.apart { try word(apart, "names the entries apart") }
      guard !gathering.lists.isEmpty else {
        throw fail([], key: "gather", "`gather` `\(gathering.name)` gathers no `lists`; name at least one list of records, e.g. [motions]")
      }
      var keys: Set<String> = []
      for path in gathering.lists {
        var parts = template.parts
        var found: Part?
        let steps = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for (offset, key) in steps.enumerated() {
          guard let part = parts.first(where: { $0.key == key || $0.names.contains(key) }) else { found = nil; break }
          if offset < steps.count - 1 {
            guard case .group = part.shape else { found = nil; break }
            parts = part.parts
          } else {
            found = part
          }
        }
        guard let list = found, list.records != nil else {
          throw fail([], key: "gather", "`gather` `\(gathering.name)` names `\(path)`, which is not a list of records of this template outside any list")
        }
        guard let by = list.child(gathering.by), case .field = by.shape else {
          throw fail([], key: "gather", "`gather` `\(gathering.name)` gathers by `\(gathering.by)`, which is not a field of the entries of `\(path)`")
        }
        let key = Template.Gathering.groupKey(of: path)
        guard !["key", "n", "zh"].contains(key), keys.insert(key).inserted else {
          throw fail([], key: "gather", "`gather` `\(gathering.name)` offers two lists, or a list and its own name, as `\(key)` in a group; gather lists whose last keys differ and are not `key`, `n` or `zh`")
        }
      }
    }
  }

  /// `carry` names parts the template has: its `parts` any part, its `actions` a list of records and parts of
  /// its entries, with a choice for the status.
  private func checkCarry() throws {
    guard let carry = template.carry else { return }
    for path in carry.parts where Address(stored: path).flatMap(template.part(at:)) == nil {
      throw fail([], key: "carry", "`carry.parts` names `\(path)`, which is not a part of this template")
    }
    guard let actions = carry.actions else { return }
    guard let list = Address(stored: actions.list).flatMap(template.part(at:)), list.records != nil else {
      throw fail([], key: "carry", "`carry.actions.list` names `\(actions.list)`, which is not a list of records of this template")
    }
    let keys = [actions.owner, actions.task, actions.status, actions.from] + [actions.due, actions.since].compactMap { $0 }
    for key in keys where list.child(key) == nil {
      throw fail([], key: "carry", "`carry.actions` names `\(key)`, which is not a part of `\(actions.list)`")
    }
    if let date = actions.date, Address(stored: date).flatMap(template.part(at:)) == nil {
      throw fail([], key: "carry", "`carry.actions.date` names `\(date)`, which is not a part of this template")
    }
  }

  /// Every key of `export` is one minutes knows, and its layouts (`markdown`, `html`) parse as Mustache.
  private func checkExportKeys() throws {
    let exportNode = node["export"]
    func at(_ key: String, _ message: String) -> TemplateError {
      let mark = exportNode?.mapping?.first { $0.key.string == key }?.key.mark ?? exportNode?.mark
      return .invalid(YAMLProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }
    for key in template.export.keys.sorted() where !Template.exportKeys.contains(key) {
      throw at(key, "at `export.\(key)`: unknown key `\(key)`; known keys here: \(Template.exportKeys.joined(separator: ", "))")
    }
    for key in ["markdown", "html"] {
      guard let source = template.export[key] else { continue }
      // As written, so that a parse error's line and column are the author's (the exporter puts its pragma first).
      do { try Self.compile(source) } catch {
        throw at(key, "`export.\(key)` is not valid Mustache: \(Self.describe(error))")
      }
    }
  }

  /// `partials`: each is valid Mustache, and every `{{> name}}` of an export or a partial names one (`text` too
  /// in the DOCX layout, which prints the text export so), so that nothing prints as nothing unnoticed; a partial
  /// that prints itself, however indirectly, is refused.
  private func checkPartials() throws {
    let node = self.node.mapping?.first { $0.key.string == "partials" }
    func at(_ name: String?, _ message: String) -> TemplateError {
      let mark = name.flatMap { name in node?.value.mapping?.first { $0.key.string == name }?.key.mark } ?? node?.key.mark
      return .invalid(YAMLProblem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }
    for (name, source) in template.partials.sorted(by: { $0.key < $1.key }) {
      do { try Self.compile(source) } catch {
        throw at(name, "`partials.\(name)` is not valid Mustache: \(Self.describe(error))")
      }
    }
    var sources = template.export.filter { $0.key != "css" }.map { ("export.\($0.key)", $0.value) }
    sources += template.partials.map { ("partials.\($0.key)", $0.value) }
    for (place, source) in sources.sorted(by: { $0.0 < $1.0 }) {
      for name in Template.partialNames(in: source) where template.partials[name] == nil && !(place == "export.docx" && name == "text") {
        throw at(nil, "`\(place)` prints the partial `\(name)`, which `partials` does not have")
      }
    }
    for name in template.partials.keys.sorted() {
      var seen: Set<String> = [name]
      var next = Template.partialNames(in: template.partials[name] ?? "")
      var depth = 0
      while !next.isEmpty {
        depth += 1
        if next.contains(name) || depth > Template.partialDepth {
          throw at(name, "the partial `\(name)` prints itself (through `{{> …}}`), or partials more than \(Template.partialDepth) deep")
        }
        next = next.filter { seen.insert($0).inserted }.flatMap { Template.partialNames(in: template.partials[$0] ?? "") }
      }
    }
  }

  /// The deepest nesting of Mustache sections (`{{#…}}`, `{{^…}}`) a template text may have: an export is a few
  /// sections deep, and swift-mustache's parser recurses once per level, so thousands of levels would run the
  /// stack out (a crash, not an error).
  static let maximumSectionDepth = 64

  /// Why a Mustache text nests its sections too deep.
  struct TooDeep: Error, CustomStringConvertible {
    let depth: Int
    var description: String { "sections are nested more than \(TemplateChecker.maximumSectionDepth) deep" }
  }

  /// Compiles `text` as swift-mustache would, after refusing sections nested deeper than
  /// ``maximumSectionDepth`` (counted without parsing, so that no input reaches the recursive parser too deep).
  /// - Throws: ``TooDeep``, or swift-mustache's error.
  static func compile(_ text: String) throws {
    // One pass over the bytes: `{{#` and `{{^` open a section, `{{/` closes one.
    var depth = 0
    var (previous, beforePrevious): (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      if beforePrevious == UInt8(ascii: "{"), previous == UInt8(ascii: "{") {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
          depth += 1
          if depth > maximumSectionDepth { throw TooDeep(depth: depth) }
        case UInt8(ascii: "/"): depth = max(0, depth - 1)
        default: break
        }
      }
      (beforePrevious, previous) = (previous, byte)
    }
    _ = ContentTypes.registered
    _ = try MustacheTemplate(string: text)
  }

  /// Checks `parts`; `asked` is false under a list that reads whole lines, whose parts have no questions.
  /// The deepest nesting of parts a template may have: minutes are a few levels deep (item, directive, point),
  /// and every walk over a draft recurses once per level.
  static let maximumDepth = 16

  /// The keys of `parts`, the parts of one record: each one step of a stored address (`items.2.topic`), which
  /// reads back as that key, not as an entry number (`3`), a number an address refuses (`0`, `-1`, `+1`), the end
  /// of a list (`+`) or two steps; and no two alike.
  private func checkKeys(_ parts: [Part], path: [String]) throws {
    var seen: Set<String> = []
    for part in parts {
      let here = path + [part.key]
      guard !part.key.contains(" "), Address(stored: part.key)?.steps == [.key(part.key)] else {
        throw fail(here, key: "key", "part key `\(part.key)` must be a word without dots or spaces, and not a number")
      }
      guard seen.insert(part.key).inserted else {
        throw fail(here, key: "key", "two parts here have the key `\(part.key)`", occurrence: 2)
      }
    }
  }

  /// A short address (`:add 出席`, `:goto 出席`) finds the first part of a record with the word as its key or one of
  /// its `names`, looking inside inline groups (``Template/find(_:in:)``): a word two parts answer to would reach the
  /// first, and a clerk's entries would go to the wrong list. Two sibling keys alike are left to the key check.
  private func checkShortNames(_ parts: [Part], path: [String]) throws {
    var named: [String: [String]] = [:]
    func visit(_ parts: [Part], _ prefix: [String]) throws {
      var keys: Set<String> = []
      for part in parts {
        let here = prefix + [part.key]
        let isSiblingKey = !keys.insert(part.key).inserted
        for word in [part.key] + part.names where !(isSiblingKey && word == part.key) {
          if let first = named[word], first != here {
            throw fail(here, key: word == part.key ? "key" : "names",
                       "`\(word)` names both `\(first.joined(separator: "."))` and `\(here.joined(separator: "."))`, which a short address (`:add \(word)`, `:goto \(word)`) cannot tell apart: give one of them another name")
          }
          named[word] = here
        }
        if let inline = part.inlineParts { try visit(inline, here) }
      }
    }
    try visit(parts, path)
  }

  private func check(_ parts: [Part], path: [String], asked: Bool) throws {
    guard path.count < Self.maximumDepth else {
      throw fail(Array(path.prefix(Self.maximumDepth)), key: nil, "parts are nested more than \(Self.maximumDepth) levels deep; minutes need far fewer")
    }
    if path.isEmpty { try checkKeys(parts, path: path) }
    try checkShortNames(parts, path: path)
    for part in parts {
      let here = path + [part.key]
      // A part's own parts' keys, before what names them (`line`, `title`): a key written twice is said as such,
      // not as the key the second was meant to be missing from `line`.
      try checkKeys(part.parts, path: here)
      if case .choice(let values, _)? = part.kind, values.isEmpty {
        throw fail(here, key: "type", "`\(part.key)` is a choice but has no `choices`")
      }
      // A group, or a list of records (whose kind of value is none), needs parts.
      if part.kind == nil, part.parts.isEmpty { throw fail(here, key: "parts", "`\(part.key)` is a group but has no `parts`") }
      // `line` and `title` belong to a list of records; written on another shape, they are still checked.
      let written = written(here)
      let line = part.lineFormat?.parts ?? written.line
      if let first = part.records?.firstPart {
        if case .field = first.shape {} else {
          throw fail(here + [first.key], key: "key", "`\(first.key)` is the first part of the list `\(part.key)`, which a new entry is started with, so it must be a field, not a list or group")
        }
      }
      if let trailing = part.cleanUp.trailing {
        guard case .field(.text) = part.shape, let sibling = parts.first(where: { $0.key == trailing }),
          case .field(.choice) = sibling.shape, sibling.cleanUp.unwrap.contains(where: { $0.count == 2 })
        else {
          throw fail(here, key: "trailing", "`trailing: \(trailing)` names no sibling choice with `unwrap` marks: the text drops its end where it repeats that choice's value in those marks")
        }
      }
      let conditions = [("when", part.asking.when), ("unless", part.asking.unless), ("unwrapWhen", part.cleanUp.unwrapWhen)]
      for (name, condition) in conditions {
        for (key, values) in condition ?? [:] {
          guard let sibling = parts.first(where: { $0.key == key }) else { continue }
          let allowed: [String]
          switch sibling.kind {
          case .yesno?: allowed = ["true", "false"]
          case .choice(let values, let isOpen)?: allowed = isOpen ? [] : values
          default: allowed = []
          }
          for value in values where value != "*" && !allowed.isEmpty && !allowed.contains(value) {
            throw fail(here, key: name, "`\(name)` gives `\(value)` for `\(key)`, which is not one of its values (\(allowed.joined(separator: ", ")); `*` means any)")
          }
        }
      }
      if asked, part.asking.isAsked {
        let question = part.asking.question
        switch part.shape {
        case .group:
          break
        case .list(let list):
          if line != nil, question == nil {
            throw fail(here, key: "question", "the list `\(part.key)` reads lines and needs a `question`")
          }
          if case .records(let records) = list.entries {
            // A new entry is started with its first part's question.
            if let first = records.firstPart, first.asking.question == nil {
              throw fail(here + [first.key], key: "question", "`\(first.key)` is asked but has no `question` (or say `ask: false`)")
            }
          } else if question == nil {
            throw fail(here, key: "question", "`\(part.key)` is asked but has no `question` (or say `ask: false`)")
          }
        case .field:
          if question == nil { throw fail(here, key: "question", "`\(part.key)` is asked but has no `question` (or say `ask: false`)") }
        }
      }
      for text in [part.asking.question, part.rendering.join?.entry].compactMap({ $0 }) + Array(part.rendering.phrases.values) {
        do { try Self.compile(text) } catch {
          throw fail(here, key: nil, "`\(part.key)` has text that is not valid Mustache (\(Self.describe(error))): \(text)")
        }
      }
      if part.rendering.defaultValue != nil, !{ if case .field(.choice) = part.shape { true } else { false } }() {
        throw fail(here, key: "default", "`default` is what the export takes for a choice not answered; `\(part.key)` is no choice, so it would never be used")
      }
      if let value = part.rendering.defaultValue, case .field(.choice(let values, let isOpen)) = part.shape, !isOpen,
        !values.contains(value) {
        throw fail(here, key: "default", "the `default` of `\(part.key)`, `\(value)`, is not one of its choices (\(values.joined(separator: ", ")))")
      }
      if part.asking.isHouse {
        guard path.isEmpty, case .group = part.shape else {
          throw fail(here, key: "house", "`house: true` marks a top-level group of house-style choices; `\(part.key)` is not one")
        }
        for choice in part.parts {
          guard case .field(.choice(let values, false)) = choice.shape, !values.isEmpty, choice.rendering.defaultValue != nil else {
            throw fail(here + [choice.key], key: nil, "the house-style group `\(part.key)` holds only choices (`choices`, not `open`) with a `default`; `\(choice.key)` is not one")
          }
          // The export tests a value as `{{#house.KEY.VALUE}}`, and a Mustache name takes only these characters.
          for value in values where value.isEmpty || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw fail(here + [choice.key], key: "choices", "a house-style value is tested in the export as `{{#\(part.key).\(choice.key).VALUE}}`, so it is written in ASCII letters, digits, `-` and `_` (say what it prints in its `phrase`); `\(value)` is not")
          }
        }
      }
      if let pattern = part.rules.pattern, (try? NSRegularExpression(pattern: pattern.regex)) == nil {
        throw fail(here, key: "pattern", "the `pattern` of `\(part.key)` is not a valid regular expression: \(pattern.regex)")
      }
      for (name, condition) in conditions {
        for key in (condition ?? [:]).keys where !parts.contains(where: { $0.key == key }) {
          throw fail(here, key: name, "`\(name)` names `\(key)`, which is not a part beside `\(part.key)`")
        }
      }
      if let title = part.records?.title ?? written.title, part.child(title) == nil {
        throw fail(here, key: "title", "`title` names `\(title)`, which is not a part of `\(part.key)`")
      }
      for key in line ?? [] where part.child(key) == nil {
        throw fail(here, key: "line", "`line` names `\(key)`, which is not a part of `\(part.key)`")
      }
      // The parts of a group or of each entry; not asked one by one when the entry is typed as a line.
      if !part.parts.isEmpty {
        try check(part.parts, path: here, asked: asked && part.asking.isAsked && line == nil)
      }
    }
    // Bare numbers go to the numbered list of a record, looking inside inline groups: one per record.
    func numbered(_ parts: [Part]) -> [String] {
      parts.flatMap { part -> [String] in
        if part.isNumberedList { return [part.key] }
        return part.inlineParts.map(numbered) ?? []
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
      guard let address = Address(stored: stored), let part = template.part(at: address), case .list = part.shape else {
        throw fail([], key: "roles", "`roles.\(role)` names `\(path)`, which is not a list of this template")
      }
      return part
    }
    if let chair = roles.chair, Address(stored: chair).flatMap(template.part(at:)) == nil {
      throw fail([], key: "roles", "`roles.chair` names `\(chair)`, which is not a part of this template")
    }
    for category in roles.attendance {
      let part = try list(category.list, "attendance")
      if part.records != nil, part.child(category.name) == nil {
        throw fail([], key: "roles", "`roles.attendance` names `\(category.name)`, which is not a part of `\(category.list)`")
      }
    }
    if let motions = roles.motions {
      let part = try list(motions.list, "motions")
      let keys = [motions.mover, motions.disposition] + [motions.seconder, motions.votesFor, motions.votesAgainst, motions.abstentions].compactMap { $0 }
      for key in keys where part.child(key) == nil {
        throw fail([], key: "roles", "`roles.motions` names `\(key)`, which is not a part of `\(motions.list)`")
      }
      if let rollCall = motions.rollCall {
        guard let calls = part.child(rollCall.list), case .list = calls.shape, calls.child(rollCall.member) != nil, calls.child(rollCall.vote) != nil else {
          throw fail([], key: "roles", "`roles.motions.rollCall` names parts `\(motions.list)` does not have")
        }
      }
    }
  }

  /// `export.docx`: its paragraph tags name known styles (`@page` only in an English template), and it is valid
  /// Mustache. A tag's problem is reported at its line.
  private func checkDocx(_ source: String) throws {
    let styled: StyledSource
    do {
      styled = try StyledSource(parsing: source, allowsPage: !template.language.hasPrefix("zh"))
    } catch {
      let key = node["export"]?.mapping?.first { $0.key.string == "docx" }
      var (line, column) = (key?.key.mark?.line ?? 1, key?.key.mark?.column ?? 1)
      // A block scalar (`docx: |`) starts on the line after its indicator, indented under its key.
      if case .scalar(let scalar)? = key?.value, scalar.style == .literal || scalar.style == .folded {
        line += 1 + error.line
        column += 2
      }
      throw TemplateError.invalid(YAMLProblem(file: file, line: line, column: column, message: "`export.docx`: \(error.message)"))
    }
    do { try Self.compile(styled.mustache) } catch {
      throw fail([], key: "export", "`export.docx` is not valid Mustache: \(Self.describe(error))")
    }
  }

  /// What the YAML of the part at `path` writes for `line` (its parts) and `title`. Only a list of records keeps
  /// them; written on another shape, they are still checked against the parts, as they always were.
  private func written(_ path: [String]) -> (line: [String]?, title: String?) {
    let part = node(at: path, occurrence: 1)
    return (part?["line"]?["parts"]?.sequence?.compactMap(\.string), part?["title"]?.string)
  }

  /// The YAML of the part with the key path `path`; `occurrence` picks among parts with the same key at its end.
  private func node(at path: [String], occurrence: Int) -> Node? {
    var current: Node? = node
    for (offset, partKey) in path.enumerated() {
      let matches = current?["parts"]?.sequence?.filter { $0["key"]?.string == partKey } ?? []
      let wanted = offset == path.count - 1 ? occurrence : 1
      current = matches.count >= wanted ? matches[wanted - 1] : matches.first
    }
    return current
  }

  /// An error at the part with the key path `path` (or the top level), at its key `key` when it has one.
  /// `occurrence` picks among parts with the same key at the end of `path` (2: the duplicate).
  private func fail(_ path: [String], key: String?, _ message: String, occurrence: Int = 1) -> TemplateError {
    let current = node(at: path, occurrence: occurrence)
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
