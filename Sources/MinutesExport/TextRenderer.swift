import Foundation
internal import Mustache
import MinutesTemplates

/// A Mustache text compiled for the TEXT content type and rendered over the export's context (``TextExporter``'s
/// records, lists and values) with the look-ups of swift-mustache 2.x, without its dynamic casts to protocols at
/// every name of every level: the export's own context types are recognised first, by their concrete type, and
/// only anything else goes through swift-mustache's protocols (`MustacheParent`, `MustacheSequence`,
/// `MustacheTransformable`, `MustacheCustomRepresentation`) and, last, `Mirror`, as swift-mustache does.
///
/// What it renders is what swift-mustache renders for the same text and context, byte for byte (the export's golden
/// files and `TextRendererTests`, which compare the two on random drafts of every built-in template):
/// - a name climbs the context stack to the first level that has its first component, then follows the rest from
///   there; `.` is the top of the stack, a name starting with `.` does not climb, and a value that is `NSNull`
///   stops the climb and is nothing;
/// - one transform, `fn(name)`, applies to the value found (`empty(points)`, `lowercased(kind)`); with no name
///   (`first()`, `last()`, `index()`, `even()`, `odd()`) it applies to the position in the list being iterated,
///   which a section over a record or a value leaves;
/// - a section prints its body for each entry of a sequence, once (without a new level) for `true`, once over any
///   other value that is not nothing; an inverted section prints when the sequence is empty, the value `false` or
///   nothing.
///
/// A partial (`{{> present}}`) printed within a line is put in place, and what it prints sees no position in a list
/// (`first()` is nothing in it), as swift-mustache renders it; ``init(_:partials:)`` returns `nil` for what it does
/// not render (a partial on a line of its own, which swift-mustache indents, or of more than one line, other
/// delimiters, inheritance blocks, nested transforms, a content type other than TEXT, a name swift-mustache would
/// refuse): the caller renders such a text with swift-mustache.
struct TextRenderer {
  /// A compiled piece of the text.
  private indirect enum Node {
    case text(String)
    case value(Lookup)
    case section(Lookup, inverted: Bool, body: [Node])
  }

  /// A tag's name as swift-mustache resolves it.
  private struct Lookup {
    enum Start {
      /// Climb the stack for the first name (`meeting.chair`).
      case climb
      /// Start at the top of the stack (`.`, `.name`).
      case top
      /// The position in the sequence being iterated (`first()`), for a transform.
      case position
      /// Not a look-up: a section that is a partial put in place, whose body sees no position.
      case partial
    }
    var start: Start
    /// The names to follow, `.` and empty components left out.
    var names: [String]
    var transform: String?
  }

  private let nodes: [Node]

  /// `source` compiled, with the Mustache texts `partials` by name (`{{> name}}`); `nil` when it holds what this
  /// renderer leaves to swift-mustache (see the type's description) or does not parse.
  init?(_ source: String, partials: [String: String] = [:]) {
    // Delimiter changes, blocks, the name that marks a partial put in place: left to swift-mustache. The text is
    // searched as UTF-8 bytes, as `MustacheShape` reads its tags (Foundation's `contains` and the standard
    // library's `firstRange(of:)` over characters were most of compiling a text).
    let bytes = Array(source.utf8)
    for marker in ["{{=", "{{$", "{{<", Self.partialMark] where Self.find(marker, in: bytes[...]) != nil { return nil }
    guard let inlined = Self.inlining(bytes, partials), Self.onlyTextPragmas(inlined),
      let shapes = try? MustacheShape.parse(String(decoding: inlined, as: UTF8.self)), let nodes = Self.compile(shapes)
    else { return nil }
    self.nodes = nodes
  }

  /// The name of the section a partial is put in place as.
  private static let partialMark = "?partial"

  /// Where the bytes of `needle` first start in `bytes`, if they do.
  private static func find(_ needle: String, in bytes: ArraySlice<UInt8>) -> Int? {
    let needle = Array(needle.utf8)
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    var index = bytes.startIndex
    while let start = bytes[index...].firstIndex(of: first) {
      guard start + needle.count <= bytes.endIndex else { return nil }
      if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
      index = start + 1
    }
    return nil
  }

  /// Whether `bytes` (a whole number of UTF-8 scalars) are spaces and tabs only.
  private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// The scalar whose UTF-8 bytes start at `index` of `bytes` (valid UTF-8), and their count.
  private static func scalar(at index: Int, in bytes: [UInt8]) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
    for offset in 1..<length where index + offset < bytes.count { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The first `{{> name}}` in `bytes` at or after `from`, as the expression `\{\{>\s*([^}\s]+)\s*\}\}` finds it
  /// (`\s` is Unicode's White_Space): the tag's bytes and the name.
  private static func partialTag(in bytes: [UInt8], from: Int) -> (range: Range<Int>, name: String)? {
    func skipSpace(_ index: inout Int) {
      while index < bytes.count, case let (scalar, length) = scalar(at: index, in: bytes), scalar.properties.isWhitespace { index += length }
    }
    var start = from
    while let open = find("{{>", in: bytes[start...]) {
      var index = open + 3
      skipSpace(&index)
      let nameStart = index
      while index < bytes.count, bytes[index] != UInt8(ascii: "}"), case let (scalar, length) = scalar(at: index, in: bytes),
        !scalar.properties.isWhitespace {
        index += length
      }
      let nameEnd = index
      skipSpace(&index)
      if nameEnd > nameStart, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") {
        return (open..<index + 2, String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))
      }
      start = open + 1
    }
    return nil
  }

  /// `source` with each partial put in place as a section named ``partialMark`` around its text (at most
  /// ``Template/partialDepth`` deep); `nil` when a partial is not one of `partials`, is on a line of its own (where
  /// swift-mustache indents it), is more than one line or a single tag (whose standalone rule the place would
  /// change), or holds the mark.
  private static func inlining(_ source: [UInt8], _ partials: [String: String]) -> [UInt8]? {
    var text = source
    for _ in 0...Template.partialDepth {
      guard find("{{>", in: text[...]) != nil else { return text }
      var result: [UInt8] = []
      result.reserveCapacity(text.count)
      // Whether the last line of `result` so far is spaces and tabs only.
      var resultEndsBlank = true
      var position = 0
      while let tag = partialTag(in: text, from: position) {
        let before = text[position..<tag.range.lowerBound]
        let openingIsBlank = before.lastIndex(of: UInt8(ascii: "\n")).map { isBlank(before[($0 + 1)...]) }
          ?? (resultEndsBlank && isBlank(before))
        let closing = text[tag.range.upperBound...].prefix { $0 != UInt8(ascii: "\n") }
        if openingIsBlank && isBlank(closing) { return nil }
        guard let partial = partials[tag.name].map({ Array($0.utf8)[...] }), !partial.contains(UInt8(ascii: "\n")),
          find(partialMark, in: partial) == nil, !isSingleTag(partial)
        else { return nil }
        result += before
        result += Array("{{#\(partialMark)}}".utf8) + partial + Array("{{/\(partialMark)}}".utf8)
        resultEndsBlank = false
        position = tag.range.upperBound
      }
      result += text[position...]
      text = result
    }
    return nil
  }

  /// Whether a partial's text is a single tag: it starts with `{{` and holds no other (counted as
  /// `components(separatedBy: "{{")` would: without overlaps).
  private static func isSingleTag(_ partial: ArraySlice<UInt8>) -> Bool {
    guard partial.starts(with: Array("{{".utf8)) else { return false }
    return find("{{", in: partial[(partial.startIndex + 2)...]) == nil
  }

  /// Whether every pragma in `source` is the TEXT content type, and no tag runs over a line.
  private static func onlyTextPragmas(_ source: [UInt8]) -> Bool {
    var start = 0
    while let open = find("{{", in: source[start...]) {
      guard let close = find("}}", in: source[(open + 2)...]) else { return false }
      let inner = source[(open + 2)..<close]
      if inner.contains(UInt8(ascii: "\n")) { return false }
      if inner.first == UInt8(ascii: "%") {
        let pragma = String(decoding: inner.dropFirst(), as: UTF8.self).split(separator: ":", maxSplits: 1)
          .map { $0.trimmingCharacters(in: .whitespaces) }
        guard pragma == ["CONTENT_TYPE", "TEXT"] else { return false }
      }
      start = close + 2
    }
    return true
  }

  private static func compile(_ shapes: [MustacheShape]) -> [Node]? {
    var nodes: [Node] = []
    for shape in shapes {
      switch shape {
      case .text(let scalars):
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        nodes.append(.text(String(view)))
      case .value(let name):
        guard let lookup = lookup(name) else { return nil }
        nodes.append(.value(lookup))
      case .section(let name, let inverted, let body):
        guard let lookup = lookup(name), let body = compile(body) else { return nil }
        nodes.append(.section(lookup, inverted: inverted, body: body))
      }
    }
    return nodes
  }

  /// Whether `name` holds only the characters swift-mustache allows in a name (its parser's
  /// `sectionNameCharsWithoutBrackets`: ASCII letters and digits, `.-_?*`), by its bytes (a `Set<Character>`
  /// hashed every character, most of compiling an export's text).
  private static func isName(_ name: String) -> Bool {
    name.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
        true
      default: false
      }
    }
  }

  private static func lookup(_ name: MustacheShape.Name) -> Lookup? {
    let dotted = name.path == ["."] ? "." : name.path.joined(separator: ".")
    guard isName(dotted), name.function.map(isName) ?? true else { return nil }
    if let function = name.function {
      guard !function.isEmpty else { return nil }
      if dotted.isEmpty { return Lookup(start: .position, names: [], transform: function) }
    } else if dotted.isEmpty {
      return nil
    }
    if dotted == partialMark, name.function == nil { return Lookup(start: .partial, names: [], transform: nil) }
    let names = dotted.split(separator: ".").map(String.init)
    return Lookup(start: dotted == "." || dotted.hasPrefix(".") ? .top : .climb, names: names, transform: name.function)
  }

  /// The text rendered over `root`.
  func render(_ root: Any) -> String {
    var output = ""
    var stack: [Level] = [Level(root)]
    Self.render(nodes, stack: &stack, position: nil, into: &output)
    return output
  }

  /// A level of the context stack. A record (the usual level) is taken out of its `Any` once, when it is pushed:
  /// its names were looked up through a cast of the level at every name that climbed past it (the casts were a
  /// tenth of an export).
  private enum Level {
    case record([String: Any])
    case other(Any)

    init(_ value: Any) {
      self = TextRenderer.kind(value) == .record ? .record(value as! [String: Any]) : .other(value)
    }

    /// The level as the value it was pushed as.
    var value: Any {
      switch self {
      case .record(let names): names
      case .other(let value): value
      }
    }

    /// ``TextRenderer/child(of:named:)`` of the level.
    func child(named name: String) -> Any? {
      switch self {
      case .record(let names): names[name]
      case .other(let value): TextRenderer.child(of: value, named: name)
      }
    }
  }

  /// Where the iteration of a sequence stands, for `first()`, `last()`, `index()`, `even()`, `odd()`.
  private struct Position {
    var index: Int
    var isLast: Bool

    func transform(_ name: String) -> Any? {
      switch name {
      case "first": index == 0
      case "last": isLast
      case "index": index
      case "even": index & 1 == 0
      case "odd": index & 1 == 1
      default: nil
      }
    }
  }

  private static func render(_ nodes: [Node], stack: inout [Level], position: Position?, into output: inout String) {
    for node in nodes {
      switch node {
      case .text(let text):
        output += text
      case .value(let lookup):
        if let value = resolve(lookup, stack: stack, position: position) { output += printed(value) }
      case .section(let lookup, _, let body) where lookup.start == .partial:
        render(body, stack: &stack, position: nil, into: &output)
      case .section(let lookup, let inverted, let body):
        let value = resolve(lookup, stack: stack, position: position)
        if inverted {
          renderInverted(value, body, stack: &stack, position: position, into: &output)
        } else {
          renderSection(value, body, stack: &stack, position: position, into: &output)
        }
      }
    }
  }

  private static func renderSection(_ value: Any?, _ body: [Node], stack: inout [Level], position: Position?, into output: inout String) {
    guard let value else { return }
    // A yes/no not answered prints its mark in place of the section (swift-mustache renders what a lambda returns).
    if kind(value) == .flag {
      output += printed(value)
      if case .text(let text) = body.last, text.hasSuffix("\n") { output += "\n" }
      return
    }
    if let entries = sequence(value) {
      for (index, entry) in entries.enumerated() {
        stack.append(Level(entry))
        render(body, stack: &stack, position: Position(index: index, isLast: index == entries.count - 1), into: &output)
        stack.removeLast()
      }
      return
    }
    if let flag = flag(value) {
      if flag { render(body, stack: &stack, position: position, into: &output) }
      return
    }
    if isNull(value) { return }
    stack.append(Level(value))
    render(body, stack: &stack, position: nil, into: &output)
    stack.removeLast()
  }

  private static func renderInverted(_ value: Any?, _ body: [Node], stack: inout [Level], position: Position?, into output: inout String) {
    guard let value else { return render(body, stack: &stack, position: position, into: &output) }
    if let entries = sequence(value) {
      guard entries.isEmpty else { return }
      stack.append(Level(value))
      render(body, stack: &stack, position: nil, into: &output)
      stack.removeLast()
      return
    }
    if let flag = flag(value) {
      if !flag { render(body, stack: &stack, position: position, into: &output) }
      return
    }
    if isNull(value) { render(body, stack: &stack, position: position, into: &output) }
  }

  // MARK: - Look-ups, as swift-mustache's `getChild`

  private static func resolve(_ lookup: Lookup, stack: [Level], position: Position?) -> Any? {
    var found: Any?
    switch lookup.start {
    case .position:
      found = position.map { $0 as Any }
    case .partial:
      return nil
    case .top:
      let top = stack[stack.count - 1]
      if let first = lookup.names.first {
        found = top.child(named: first).flatMap { follow(lookup.names.dropFirst(), from: $0) }
      } else {
        found = top.value
      }
    case .climb:
      let first = lookup.names[0]
      for level in stack.reversed() {
        if let child = level.child(named: first) {
          found = follow(lookup.names.dropFirst(), from: child)
          break
        }
      }
    }
    guard var value = found else { return nil }
    let kind = kind(value)
    if kind == .null { return nil }
    if kind == .other, let custom = value as? MustacheCustomRepresentation {
      guard let represented = custom.representation else { return nil }
      value = represented
    }
    guard let transform = lookup.transform else { return value }
    return transformed(value, transform)
  }

  private static func follow(_ names: ArraySlice<String>, from object: Any) -> Any? {
    var current = object
    for name in names {
      guard let next = child(of: current, named: name) else { return nil }
      current = next
    }
    return current
  }

  /// The export's own context types, told apart by their type's identity (a pointer comparison) rather than by a
  /// cascade of casts; anything else is ``Known/other``.
  private enum Known {
    case record, list, text, choice, number, int, bool, element, date, time, mark, flag, null, position, other
  }

  /// The kind of `value`: its type compared with each of the export's own, the most frequent first (a few pointer
  /// comparisons cost less than hashing the type for a dictionary, which was a tenth of rendering).
  private static func kind(_ value: Any) -> Known {
    let type = type(of: value)
    if type == [String: Any].self { return .record }
    if type == String.self { return .text }
    if type == Element.self { return .element }
    if type == ListContext.self { return .list }
    if type == ChoiceContext.self { return .choice }
    if type == NSNull.self { return .null }
    if type == Bool.self { return .bool }
    if type == Int.self { return .int }
    if type == NumberContext.self { return .number }
    if type == DateContext.self { return .date }
    if type == TimeContext.self { return .time }
    if type == MissingMark.self { return .mark }
    if type == MissingFlag.self { return .flag }
    if type == Position.self { return .position }
    return .other
  }

  /// The child `name` of `object`: the export's own types first, then swift-mustache's protocols, then `Mirror`.
  private static func child(of object: Any, named name: String) -> Any? {
    switch kind(object) {
    case .record: return (object as! [String: Any])[name]
    case .choice: return (object as! ChoiceContext).child(named: name)
    case .element: return (object as! Element).child(named: name)
    case .number: return (object as! NumberContext).child(named: name)
    case .date: return (object as! DateContext).child(named: name)
    case .time: return (object as! TimeContext).child(named: name)
    case .mark: return (object as! MissingMark).child(named: name)
    case .null, .text, .int, .bool, .position, .flag: return nil
    case .list, .other: break
    }
    var object: Any = object
    if let custom = object as? MustacheCustomRepresentation {
      guard let represented = custom.representation else { return nil }
      object = represented
    }
    if let parent = object as? MustacheParent { return parent.child(named: name) }
    guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
    let value = Mirror(reflecting: matched.value)
    guard value.displayStyle == .optional else { return matched.value }
    return value.children.first?.value
  }

  /// Whether `value` is one of the export's own context types, none of which has a custom representation.
  private static func isKnown(_ value: Any) -> Bool { kind(value) != .other }

  private static func transformed(_ value: Any, _ name: String) -> Any? {
    switch kind(value) {
    case .position: return (value as! Position).transform(name)
    case .list: return (value as! ListContext).transform(name)
    case .choice: return (value as! ChoiceContext).transform(name)
    case .mark: return (value as! MissingMark).transform(name)
    case .text: return (value as! String).transform(name)
    case .element, .number, .date, .time, .bool, .null, .flag: return nil
    case .record, .int, .other: return (value as? MustacheTransformable)?.transform(name)
    }
  }

  /// The entries of `value` when it is a sequence a section iterates (the export's lists, arrays).
  private static func sequence(_ value: Any) -> [Any]? {
    switch kind(value) {
    case .list: return (value as! ListContext).elements
    case .other:
      guard let sequence = value as? any MustacheSequence else { return nil }
      return entries(of: sequence)
    default: return nil
    }
  }

  /// `value` as a yes or no, when it is one.
  private static func flag(_ value: Any) -> Bool? {
    switch kind(value) {
    case .bool: value as! Bool
    case .other: value as? Bool
    default: nil
    }
  }

  private static func entries(of sequence: some Sequence) -> [Any] { sequence.map { $0 as Any } }

  /// Whether `value` is a null a section skips (swift-mustache's `MustacheCustomRenderable.isNull`).
  private static func isNull(_ value: Any) -> Bool {
    if isKnown(value) { return false }
    return (value as? MustacheCustomRenderable)?.isNull == true
  }

  /// A value as `{{name}}` prints it in TEXT: `String(describing:)` of it, or what swift-mustache prints for a type
  /// of its own (`MustacheCustomRenderable`, an optional), without the reflection `String(describing:)` costs for
  /// the export's own types (an entry of a list of values prints as its value).
  static func printed(_ value: Any) -> String {
    switch kind(value) {
    case .text: return value as! String
    case .element: return printed((value as! Element).value)
    case .choice: return (value as! ChoiceContext).value
    case .list: return (value as! ListContext).text
    case .int: return String(value as! Int)
    case .mark: return (value as! MissingMark).text
    case .flag: return (value as! MissingFlag).text
    case .other: break
    default: return String(describing: value)
    }
    if let renderable = value as? MustacheCustomRenderable { return renderable.renderText }
    guard let optional = value as? AnyOptionalValue else { return String(describing: value) }
    return String(describing: optional.wrappedAny ?? value)
  }
}

/// An optional in an `Any`, as swift-mustache prints it: its value, or `nil` when it has none.
private protocol AnyOptionalValue { var wrappedAny: Any? { get } }
extension Optional: AnyOptionalValue { var wrappedAny: Any? { self } }
