import Foundation
internal import Yams

// Reading a built-in template's compiled tree (``CompiledTemplates``) into a ``Template`` without `Codable`.
//
// Decoding through `Codable`, each type's `init(from:)` asks the Swift runtime for the metadata of its
// `KeyedDecodingContainer<CodingKeys>` and of the standard library's generic decoders (`Array<Part>`…), and the
// runtime checks each one's conformances by scanning every conformance record of the program (6,565 in the static
// build) the first time: 15M instructions, a third of the time to the first prompt, for one template. Read key
// by key here, in place (``CompiledNode``), a template costs a million and a half, most of it making its parts.
// The tree's YAML passed every check of `init(from:)` when the program was built, so these readers make none of
// them again; `CompiledTemplateTests` checks that both readings give the same template for every built-in one, and
// for every template file of the tests.

/// The keys and values of a mapping of a compiled tree, read as `init(from:)` reads a keyed container: the first
/// of a repeated key counts; a key holding a null scalar is absent.
struct CompiledFields {
  /// The mapping's keys and values, in order: a key is looked for from the first, so the first of a repeated key
  /// counts (a mapping of a template holds a few dozen keys at most; hashing each name had cost more than
  /// comparing them).
  private let pairs: [(key: CompiledNode, value: CompiledNode)]

  /// The fields of `node`.
  /// - Throws: `DecodingError` when `node` is not a mapping.
  init(_ node: CompiledNode) throws {
    pairs = try node.pairs()
  }

  /// The value at `key`, unless absent or null.
  func node(_ key: String) -> CompiledNode? {
    // Compared as bytes, lengths first (``CompiledNode/hasText(_:)``), which is `==` for the keys asked: they are
    // ASCII without an upper-case K, and no other text is canonically equivalent to such a text (the Kelvin sign,
    // U+212A, is `K`).
    for (name, value) in pairs where name.hasText(key) { return value.isNull ? nil : value }
    return nil
  }

  func contains(_ key: String) -> Bool { node(key) != nil }

  /// The text at `key`, which must be there.
  func string(_ key: String) throws -> String {
    guard let node = node(key) else { throw Self.missing(key) }
    return try Self.string(node)
  }

  func string(ifPresent key: String) throws -> String? { try node(key).map(Self.string) }
  func strings(_ key: String) throws -> [String] {
    guard let node = node(key) else { throw Self.missing(key) }
    return try Self.strings(node)
  }

  func strings(ifPresent key: String) throws -> [String]? { try node(key).map(Self.strings) }

  func int(_ key: String) throws -> Int {
    guard let node = node(key) else { throw Self.missing(key) }
    // A plain decimal is read as Yams reads it, without its constructor: that removes `_` with Foundation's
    // `replacingOccurrences`, whose first use in a process (through NSString) was a twentieth of the first prompt.
    // Quoted, it is no number to Yams' `Int.construct` (which sees the style, lost in the compact form's scalar).
    guard !node.isQuoted else { throw Self.mismatch("a number", node) }
    if let text = node.string, let value = CompiledNode.plainDecimal(text) { return value }
    guard let scalar = node.yamsScalar, let value = Int.construct(from: scalar) else { throw Self.mismatch("a number", node) }
    return value
  }

  func int(ifPresent key: String) throws -> Int? { contains(key) ? try int(key) : nil }

  func bool(ifPresent key: String) throws -> Bool? {
    guard let node = node(key) else { return nil }
    // The yes and no a template writes, read as Yams' `Bool.construct` reads them, without making a Yams scalar
    // and its tag for each (two-thirds of a million instructions for a template's few hundred parts).
    if node.kind == UInt8(ascii: "b"), let text = node.string, let value = CompiledNode.plainBool(text) {
      return value
    }
    guard let scalar = node.yamsScalar, let value = Bool.construct(from: scalar) else { throw Self.mismatch("yes or no", node) }
    return value
  }

  /// The mapping at `key` of texts to lists of texts (`when: {kind: [審議]}`).
  func stringLists(ifPresent key: String) throws -> [String: [String]]? {
    try node(key).map { try Self.dictionary($0, Self.strings) }
  }

  func stringMap(ifPresent key: String) throws -> [String: String]? {
    try node(key).map { try Self.dictionary($0, Self.string) }
  }

  /// The entries of the sequence at `key`, each read by `read`.
  func list<T>(ifPresent key: String, _ read: (CompiledNode) throws -> T) throws -> [T]? {
    try node(key).map { try Self.entries($0).map(read) }
  }

  func list<T>(_ key: String, _ read: (CompiledNode) throws -> T) throws -> [T] { try required(key, list(ifPresent: key, read)) }

  /// The fields of the mapping at `key`.
  func fields(ifPresent key: String) throws -> CompiledFields? { try node(key).map(CompiledFields.init) }

  /// `value`, read at `key`, which must be there.
  func required<T>(_ key: String, _ value: T?) throws -> T {
    guard let value else { throw Self.missing(key) }
    return value
  }

  // MARK: Nodes

  static func string(_ node: CompiledNode) throws -> String {
    guard let string = node.string else { throw mismatch("a text", node) }
    return string
  }

  static func strings(_ node: CompiledNode) throws -> [String] { try entries(node).map(string) }

  static func entries(_ node: CompiledNode) throws -> [CompiledNode] { try node.entries() }

  static func dictionary<T>(_ node: CompiledNode, _ read: (CompiledNode) throws -> T) throws -> [String: T] {
    var dictionary: [String: T] = [:]
    for (key, value) in try node.pairs() {
      guard let name = key.string, dictionary[name] == nil else { continue }
      dictionary[name] = try read(value)
    }
    return dictionary
  }

  private static func missing(_ key: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: [], debugDescription: "no value for `\(key)`"))
  }

  static func mismatch(_ expected: String, _ node: CompiledNode) -> DecodingError {
    .dataCorrupted(.init(codingPath: [], debugDescription: "expected \(expected), found `\(node.string ?? "a collection")`"))
  }
}

extension Template {
  /// The template of a tree composed by Yams, read as a compiled one (``init(compiled:)-(CompiledNode)``).
  /// - Throws: `DecodingError` should the tree not be a template's.
  init(compiled node: Node) throws {
    self = try CompiledTemplates.withTree(composedBy: node) { try Template(compiled: $0) }
  }

  /// The template of a compiled tree, as ``init(from:)`` reads it from its YAML.
  /// - Throws: `DecodingError` should the tree not be a template's (a compiled tree always is).
  init(compiled node: CompiledNode) throws {
    let c = try CompiledFields(node)
    format = try c.int("format")
    id = try c.string("id")
    name = try c.string("name")
    language = try c.string("language")
    extends = try c.string(ifPresent: "extends")
    parts = try c.list("parts", Part.init(compiled:))
    yesNo = try c.fields(ifPresent: "yesNo").map { YesNo(yes: try $0.strings("yes"), no: try $0.strings("no")) }
      ?? YesNo(yes: ["yes"], no: ["no"])
    quotes = try c.strings(ifPresent: "quotes")
    roles = try c.fields(ifPresent: "roles").map(Roles.init(compiled:)) ?? Roles(chair: nil, attendance: [], motions: nil)
    checks = try c.list(ifPresent: "checks", Check.init(compiled:)) ?? []
    export = try c.required("export", c.stringMap(ifPresent: "export"))
    partials = try c.stringMap(ifPresent: "partials") ?? [:]
    carry = try c.fields(ifPresent: "carry").map(Carry.init(compiled:))
    styles = try c.fields(ifPresent: "styles").map(Styles.init(compiled:)) ?? .default
    gather = try c.list(ifPresent: "gather") { node in
      let g = try CompiledFields(node)
      return Gathering(name: try g.string("name"), by: try g.string("by"), lists: try g.strings("lists"),
                       apart: try g.string(ifPresent: "apart"))
    } ?? []
    if !parts.contains(where: { $0.key == Self.unparsedKey }) { parts.append(Self.unparsedPart(language: language)) }
  }
}

extension Part {
  /// The part of a compiled tree's mapping, as ``init(from:)`` reads it.
  init(compiled node: CompiledNode) throws {
    let c = try CompiledFields(node)
    var d = Declared(key: try c.string("key"))
    d.names = try c.strings(ifPresent: "names") ?? []
    d.label = try c.string(ifPresent: "label")
    d.question = try c.string(ifPresent: "question")
    d.parts = try c.list(ifPresent: "parts", Part.init(compiled:)) ?? []
    d.choices = try c.list(ifPresent: "choices", Choice.init(compiled:))
    d.type = try c.string(ifPresent: "type")
    d.required = try c.bool(ifPresent: "required") ?? false
    d.min = try c.int(ifPresent: "min")
    d.isOpen = try c.bool(ifPresent: "open") ?? false
    d.isList = try c.bool(ifPresent: "list") ?? false
    d.isNumbered = try c.bool(ifPresent: "numbered") ?? false
    d.isInline = try c.bool(ifPresent: "inline") ?? false
    d.title = try c.string(ifPresent: "title")
    d.counter = try c.string(ifPresent: "counter")
    d.when = try c.stringLists(ifPresent: "when")
    d.unless = try c.stringLists(ifPresent: "unless")
    d.line = try c.fields(ifPresent: "line").map { l in
      LineFormat(separator: try l.string(ifPresent: "separator") ?? " ", parts: try l.strings("parts"),
                 example: try l.string(ifPresent: "example") ?? "")
    }
    d.split = try c.string(ifPresent: "split")
    d.join = try c.fields(ifPresent: "join").map { j in
      Join(separator: try j.string(ifPresent: "separator") ?? "", single: try j.string(ifPresent: "single"),
           entry: try j.string(ifPresent: "entry"))
    }
    d.unwrap = try c.list(ifPresent: "unwrap", CompiledFields.strings) ?? []
    d.unwrapWhen = try c.stringLists(ifPresent: "unwrapWhen")
    d.trimEnd = try c.string(ifPresent: "trimEnd") ?? ""
    d.trimStart = try c.string(ifPresent: "trimStart") ?? ""
    d.keepSpaces = try c.bool(ifPresent: "keepSpaces") ?? false
    d.pattern = try c.fields(ifPresent: "pattern").map(Pattern.init(compiled:))
    d.isHouse = try c.bool(ifPresent: "house") ?? false
    d.isAsked = try c.bool(ifPresent: "ask")
    d.takesPerson = try c.bool(ifPresent: "person") ?? false
    d.defaultValue = try c.string(ifPresent: "default")
    d.trailing = try c.string(ifPresent: "trailing")
    d.begins = try c.strings(ifPresent: "begins") ?? []
    d.ends = try c.strings(ifPresent: "ends") ?? []
    d.neverBegins = try c.strings(ifPresent: "neverBegins") ?? []
    self.init(d)
  }
}

extension Part.Choice {
  /// A choice written as its value alone, or as a mapping with `value` and `phrase`.
  init(compiled node: CompiledNode) throws {
    if let value = node.string {
      self.init(value: value, phrase: nil)
      return
    }
    let c = try CompiledFields(node)
    self.init(value: try c.string("value"), phrase: try c.string(ifPresent: "phrase"))
  }
}

extension Part.Pattern {
  init(compiled c: CompiledFields) throws {
    self.init(regex: try c.string("regex"), message: try c.string("message"),
              severity: try c.string(ifPresent: "severity").map(Severity.init(compiled:)) ?? .error)
  }
}

extension Severity {
  init(compiled name: String) throws {
    guard let severity = Severity(rawValue: name) else {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown severity `\(name)`"))
    }
    self = severity
  }
}

extension Roles {
  init(compiled c: CompiledFields) throws {
    chair = try c.string(ifPresent: "chair")
    attendance = try c.list(ifPresent: "attendance") { node in
      let a = try CompiledFields(node)
      return Category(list: try a.string("list"), name: try a.string("name"), present: try a.bool(ifPresent: "present") ?? false,
                      withoutChair: try a.bool(ifPresent: "withoutChair") ?? false, partly: try a.bool(ifPresent: "partly") ?? false)
    } ?? []
    motions = try c.fields(ifPresent: "motions").map { m in
      Motions(
        list: try m.string("list"), mover: try m.string("mover"), seconder: try m.string(ifPresent: "seconder"),
        disposition: try m.string("disposition"), adopted: try m.strings(ifPresent: "adopted") ?? [],
        failed: try m.strings(ifPresent: "failed") ?? [], votesFor: try m.string(ifPresent: "votesFor"),
        votesAgainst: try m.string(ifPresent: "votesAgainst"), abstentions: try m.string(ifPresent: "abstentions"),
        rollCall: try m.fields(ifPresent: "rollCall").map { r in
          RollCall(list: try r.string("list"), member: try r.string("member"), vote: try r.string("vote"),
                   votesFor: try r.strings(ifPresent: "votesFor") ?? [], votesAgainst: try r.strings(ifPresent: "votesAgainst") ?? [],
                   abstentions: try r.strings(ifPresent: "abstentions") ?? [])
        })
    }
  }
}

extension Carry {
  init(compiled c: CompiledFields) throws {
    parts = try c.strings(ifPresent: "parts") ?? []
    actions = try c.fields(ifPresent: "actions").map { a in
      Actions(list: try a.string("list"), owner: try a.string("owner"), task: try a.string("task"), due: try a.string(ifPresent: "due"),
              status: try a.string("status"), open: try a.strings(ifPresent: "open") ?? [], from: try a.string("from"),
              since: try a.string(ifPresent: "since"), date: try a.string(ifPresent: "date"))
    }
  }
}

extension Template.Styles {
  init(compiled c: CompiledFields) throws {
    self = .default
    if let name = try c.string(ifPresent: "time") {
      guard let style = Template.TimeStyle(rawValue: name) else { throw CompiledFields.unknown("time style", name) }
      time = style
    }
    if let name = try c.string(ifPresent: "date") {
      guard let style = Template.DateStyle(rawValue: name) else { throw CompiledFields.unknown("date style", name) }
      date = style
    }
  }
}

extension CompiledFields {
  static func unknown(_ what: String, _ name: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: [], debugDescription: "unknown \(what) `\(name)`"))
  }
}

extension Check {
  /// A check of a compiled tree, as ``init(from:)`` reads it: exactly one kind.
  init(compiled node: CompiledNode) throws {
    let c = try CompiledFields(node)
    id = try c.string("id")
    message = try c.string("message")
    severity = try c.string(ifPresent: "severity").map(Severity.init(compiled:)) ?? .error
    when = try c.stringLists(ifPresent: "when") ?? [:]
    /// A path, or a list of paths.
    func paths(_ fields: CompiledFields, _ key: String) throws -> [String] {
      if let node = fields.node(key), node.string != nil { return [try CompiledFields.string(node)] }
      return try fields.strings(key)
    }
    var kinds: [Kind] = []
    if let paths = try c.strings(ifPresent: "equal") {
      guard paths.count == 2 else { throw CompiledFields.unknown("`equal` of \(paths.count) paths in check", id) }
      kinds.append(.equal(paths[0], paths[1]))
    }
    if let a = try c.fields(ifPresent: "among") {
      kinds.append(.among(value: try a.string("value"), lists: try paths(a, "list"), name: try a.string(ifPresent: "name")))
    }
    if let s = try c.fields(ifPresent: "sequence") {
      kinds.append(.sequence(list: try s.string("list"), key: try s.string(ifPresent: "key")))
    }
    if let f = try c.fields(ifPresent: "filled") {
      kinds.append(.filled(list: try f.string("list"), keys: try paths(f, "key"),
                           when: try f.stringLists(ifPresent: "when") ?? [:], unless: try f.stringLists(ifPresent: "unless") ?? [:]))
    }
    if let path = try c.string(ifPresent: "answered") { kinds.append(.answered(path)) }
    if let steps = try c.list(ifPresent: "order", Self.orderStep) { kinds.append(.order(steps)) }
    if let a = try c.fields(ifPresent: "atMost") {
      kinds.append(.atMost(each: try a.string(ifPresent: "each"), sum: try a.strings("sum"), max: try paths(a, "max")))
    }
    if let r = try c.fields(ifPresent: "result") {
      func words(_ key: String) throws -> [String] { try r.strings(ifPresent: key) ?? [] }
      kinds.append(.result(ResultCheck(
        list: try r.string("list"), key: try r.string("key"), votesFor: try r.string(ifPresent: "votesFor"),
        votesAgainst: try r.string(ifPresent: "votesAgainst"), rollCall: try r.string(ifPresent: "rollCall"),
        vote: try r.string(ifPresent: "vote"), yes: try words("yes"), no: try words("no"),
        disposition: try r.string(ifPresent: "disposition"), adopted: try words("adopted"), failed: try words("failed"),
        passes: try words("passes"), fails: try words("fails"), unanimous: try words("unanimous"),
        abstentions: try r.string(ifPresent: "abstentions"), abstain: try words("abstain"))))
    }
    if let d = try c.fields(ifPresent: "differ") { kinds.append(.differ(list: try d.string("list"), keys: try d.strings("keys"))) }
    if let x = try c.fields(ifPresent: "conflict") {
      kinds.append(.conflict(value: try x.string("value"), holds: try x.strings("holds"), list: try x.string("list"),
                             key: try x.string("key"), values: try x.strings("values")))
    }
    if let o = try c.fields(ifPresent: "statedOnce") {
      kinds.append(.statedOnce(value: try o.string("value"), in: try o.strings("in"), words: try o.strings("words"),
                               before: try o.strings("before")))
    }
    if let o = try c.fields(ifPresent: "most") {
      kinds.append(.most(list: try o.string("list"), value: try o.string("value"), counts: try o.string("counts"),
                         name: try o.string("name"), votes: try o.string("votes")))
    }
    if let paths = try c.strings(ifPresent: "alike") { kinds.append(.alike(paths)) }
    if let m = try c.fields(ifPresent: "matches") {
      kinds.append(.matches(value: try m.string("value"), pattern: Part.Pattern(regex: try m.string("regex"), message: message),
                            when: try m.stringLists(ifPresent: "when") ?? [:]))
    }
    if let o = try c.fields(ifPresent: "same") { kinds.append(.same(list: try o.string("list"), key: try o.string("key"))) }
    guard kinds.count == 1, let kind = kinds.first else { throw CompiledFields.unknown("check", id) }
    self.kind = kind
  }

  /// One step of `order`: a path, a group of paths, or `apart:` groups.
  private static func orderStep(_ node: CompiledNode) throws -> [[String]] {
    if node.isMapping, let apart = try CompiledFields(node).list(ifPresent: "apart", CompiledFields.strings) {
      return apart
    }
    if node.string != nil { return [[try CompiledFields.string(node)]] }
    return [try CompiledFields.strings(node)]
  }
}
