import Foundation
internal import Mustache
import MinutesModel
import MinutesTemplates

/// A Mustache text compiled for the TEXT content type and rendered over the export's context (``TextExporter``'s
/// records, lists and values, a ``ContextValue``) with the look-ups of swift-mustache 2.x, without its dynamic casts
/// to protocols at every name of every level: the export's own kinds are told apart by their case, a record's names
/// by their fingerprints, and only a value of another type (``ContextValue/other(_:)``) goes through
/// swift-mustache's protocols (`MustacheParent`, `MustacheSequence`, `MustacheTransformable`,
/// `MustacheCustomRepresentation`) and, last, `Mirror`, as swift-mustache does.
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
  /// A compiled piece of the text: what it is, and where in its ``Program`` what it holds is. It holds no reference,
  /// so that going through a text's nodes retains and releases nothing (as an enum of texts, look-ups and bodies,
  /// every node rendered was retained and released, and its case's payload with it).
  private struct Node {
    enum Kind { case text, value, section, invertedSection }
    let kind: Kind
    /// Where a text's bytes start in ``Program/texts``; a value's or a section's look-up's place in
    /// ``Program/lookups``.
    let item: Int
    /// Where the next node that is not in this one's body is: a section's body is the nodes just after its own,
    /// in the text's order (a section in it followed by its own body); for a text or a value, the next node.
    let end: Int
    /// How many bytes a text has; 0 for the others.
    var count = 0
  }

  /// A compiled text: its nodes, in the text's order, and what they hold.
  private struct Program {
    var nodes: [Node] = []
    /// The literal texts' UTF-8, one after another: a text node's ``Node/item`` is where its bytes start, and
    /// ``Node/count`` how many there are.
    var texts: [UInt8] = []
    var lookups: [Lookup] = []
    /// ``lookups`` as references that are not counted, which ``lookups`` keeps alive: handed to
    /// ``TextRenderer/resolve(_:stack:position:)`` without a retain and a release at every tag.
    var unretained: [Unmanaged<Lookup>] = []

    /// Adds the look-up of `name`, numbered by its place among the look-ups; that place, or `nil` when the name is
    /// one this renderer leaves to swift-mustache.
    mutating func add(_ name: MustacheShape.Name) -> Int? {
      var slot = lookups.count
      guard let lookup = TextRenderer.lookup(name, slot: &slot) else { return nil }
      lookups.append(lookup)
      unretained.append(Unmanaged.passUnretained(lookup))
      return lookups.count - 1
    }

    /// `body` with the program read in place (see ``Reading``).
    func reading<Result>(_ body: (Reading) -> Result) -> Result {
      nodes.withUnsafeBufferPointer { nodes in
        texts.withUnsafeBufferPointer { texts in
          unretained.withUnsafeBufferPointer { lookups in body(Reading(nodes: nodes, texts: texts, lookups: lookups)) }
        }
      }
    }
  }

  /// A rendering's view of a ``Program``, valid while the program is read (``Program/reading(_:)``): its arrays'
  /// elements, read in place. Passed down the rendering as it is, it holds nothing that is counted.
  private struct Reading {
    let nodes: UnsafeBufferPointer<Node>
    let texts: UnsafeBufferPointer<UInt8>
    let lookups: UnsafeBufferPointer<Unmanaged<Lookup>>

    /// The last of the nodes of `body` that is not in a section among them (the last piece the body is made of);
    /// `nil` for an empty body.
    func lastPiece(of body: Range<Int>) -> Int? {
      var (index, last): (Int, Int?) = (body.lowerBound, nil)
      while index < body.upperBound { (last, index) = (index, nodes[index].end) }
      return last
    }

    /// Whether the text node `node` ends in a line feed that is a character of its own, as `hasSuffix("\n")` has it
    /// (after a carriage return, the two are one character, `\r\n`).
    func endsInLineFeed(_ node: Node) -> Bool {
      let bytes = text(node)
      return bytes.last == 0x0A && (bytes.count < 2 || bytes[bytes.count - 2] != 0x0D)
    }

    /// The bytes of the text node `node`.
    func text(_ node: Node) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: texts[node.item..<node.item + node.count])
    }
  }

  /// A tag's name as swift-mustache resolves it. A class, so that a rendering hands it to ``resolve(_:stack:position:)``
  /// as one reference, uncounted (``Program/unretained``); as a struct, its two arrays and its transform were each
  /// retained and released at every tag rendered.
  private final class Lookup {
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
    let start: Start
    /// The names to follow, `.` and empty components left out.
    let names: [String]
    /// The fingerprint of each of ``names``, for looking them up in records.
    let prints: [ContextRecord.Fingerprint]
    let transform: String?
    /// The transform of a position (`first()`), read once here rather than by its name at every entry of a list:
    /// `nil` for any other look-up, or a name no position offers.
    let positional: Position.Transform?
    /// The look-up's place among those of its text (0, 1…), where a rendering keeps what it found at the root
    /// (``Stack/rootFinds``).
    let slot: Int

    init(start: Start, names: [String], transform: String?, slot: Int) {
      (self.start, self.names, self.transform, self.slot) = (start, names, transform, slot)
      prints = names.map(ContextRecord.Fingerprint.init)
      positional = start == .position ? transform.flatMap(Position.Transform.init) : nil
    }
  }

  private let program: Program
  /// How many look-ups the text has (each ``Lookup/slot`` is below it).
  private var lookups: Int { program.lookups.count }

  /// `source` compiled, with the Mustache texts `partials` by name (`{{> name}}`); `nil` when it holds what this
  /// renderer leaves to swift-mustache (see the type's description) or does not parse.
  init?(_ source: String, partials: [String: String] = [:]) {
    // Delimiter changes, blocks, the name that marks a partial put in place: left to swift-mustache. The text is
    // searched as UTF-8 bytes, as `MustacheShape` reads its tags (Foundation's `contains` and the standard
    // library's `firstRange(of:)` over characters were most of compiling a text).
    let bytes = Array(source.utf8)
    for marker in ["{{=", "{{$", "{{<", Self.partialMark] where Self.find(marker, in: bytes[...]) != nil { return nil }
    guard let inlined = Self.inlining(bytes, partials), Self.onlyTextPragmas(inlined),
      let shapes = try? MustacheShape.parse(utf8: inlined)
    else { return nil }
    var program = Program()
    guard Self.compile(shapes, into: &program) else { return nil }
    self.program = program
  }

  /// The name of the section a partial is put in place as.
  private static let partialMark = "?partial"

  /// Where the bytes of `needle` first start in `bytes`, if they do.
  private static func find(_ needle: String, in bytes: ArraySlice<UInt8>) -> Int? {
    var needle = needle
    return needle.withUTF8 { find($0, in: bytes) }
  }

  /// ``find(_:in:)`` for the bytes of the needle.
  private static func find(_ needle: UnsafeBufferPointer<UInt8>, in bytes: ArraySlice<UInt8>) -> Int? {
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
      while let tag = Template.partialTag(in: text, from: position) {
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
    while let open = find(pair(UInt8(ascii: "{")), from: start, in: source) {
      guard let close = find(pair(UInt8(ascii: "}")), from: open + 2, in: source) else { return false }
      let inner = source[(open + 2)..<close]
      if inner.contains(UInt8(ascii: "\n")) { return false }
      if inner.first == UInt8(ascii: "%"), !isTextPragma(inner.dropFirst()) { return false }
      start = close + 2
    }
    return true
  }

  /// The two bytes `byte` `byte`, as one number (`{{`, `}}`).
  private static func pair(_ byte: UInt8) -> UInt16 { UInt16(byte) << 8 | UInt16(byte) }

  /// Where the two bytes of `pair` next start in `bytes` at or after `from`.
  private static func find(_ pair: UInt16, from: Int, in bytes: [UInt8]) -> Int? {
    guard from < bytes.count else { return nil }
    var previous = bytes[from]
    for index in (from + 1)..<max(from + 1, bytes.count) {
      let byte = bytes[index]
      if UInt16(previous) << 8 | UInt16(byte) == pair { return index - 1 }
      previous = byte
    }
    return nil
  }

  /// Whether a pragma's text (after `%`) is `CONTENT_TYPE: TEXT`, blanks (Foundation's `whitespaces`: tabs and
  /// Unicode's space separators) around either side of the colon allowed.
  private static func isTextPragma(_ text: ArraySlice<UInt8>) -> Bool {
    guard text.allSatisfy({ $0 < 0x80 }) else {
      let pragma = String(decoding: text, as: UTF8.self).split(separator: ":", maxSplits: 1)
        .map { $0.trimmingCharacters(in: .whitespaces) }
      return pragma == ["CONTENT_TYPE", "TEXT"]
    }
    guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { return false }
    func trimmed(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
      let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
      guard let first = part.firstIndex(where: { !isBlank($0) }), let last = part.lastIndex(where: { !isBlank($0) }) else { return [] }
      return part[first...last]
    }
    return trimmed(text[..<colon]).elementsEqual("CONTENT_TYPE".utf8) && trimmed(text[(colon + 1)...]).elementsEqual("TEXT".utf8)
  }

  /// The nodes of `shapes` added to `program`, their look-ups numbered on from its last; `false` when a name is
  /// one this renderer leaves to swift-mustache.
  private static func compile(_ shapes: [MustacheShape], into program: inout Program) -> Bool {
    for shape in shapes {
      let index = program.nodes.count
      switch shape {
      case .text(let scalars):
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = String(view)
        program.nodes.append(Node(kind: .text, item: program.texts.count, end: index + 1, count: text.utf8.count))
        program.texts += text.utf8
      case .value(let name):
        guard let item = program.add(name) else { return false }
        program.nodes.append(Node(kind: .value, item: item, end: index + 1))
      case .section(let name, let inverted, let body):
        guard let item = program.add(name) else { return false }
        program.nodes.append(Node(kind: inverted ? .invertedSection : .section, item: item, end: index + 1))
        guard compile(body, into: &program) else { return false }
        // The body's nodes follow the section's, up to here.
        program.nodes[index] = Node(kind: program.nodes[index].kind, item: program.nodes[index].item, end: program.nodes.count)
      }
    }
    return true
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

  /// The look-up of `name`, in place `slot`, which is then moved on by one.
  private static func lookup(_ name: MustacheShape.Name, slot: inout Int) -> Lookup? {
    defer { slot += 1 }
    let dotted = name.path == ["."] ? "." : name.path.joined(separator: ".")
    guard isName(dotted), name.function.map(isName) ?? true else { return nil }
    if let function = name.function {
      guard !function.isEmpty else { return nil }
      if dotted.isEmpty { return Lookup(start: .position, names: [], transform: function, slot: slot) }
    } else if dotted.isEmpty {
      return nil
    }
    if dotted == partialMark, name.function == nil { return Lookup(start: .partial, names: [], transform: nil, slot: slot) }
    // The path's names, `.` and empty ones left out (as splitting `dotted` at its dots, omitting empty pieces).
    let names = name.path == ["."] ? [] : name.path.filter { !$0.isEmpty }
    return Lookup(start: dotted == "." || dotted.hasPrefix(".") ? .top : .climb, names: names, transform: name.function, slot: slot)
  }

  /// The text rendered over `root`, a context of any type (a hand-made one; see ``ContextValue/init(any:)``).
  func render(_ root: Any) -> String { render(ContextValue(any: root)) }

  /// The text rendered over `root`, with room made at once for `expected` bytes (a guess: the text grows past it
  /// as it must, and room never written is never touched).
  func render(_ root: ContextValue, expected: Int = 0) -> String {
    var output = Output(capacity: expected)
    var stack = Stack(root, lookups: lookups)
    program.reading { Self.render($0, $0.nodes.indices, stack: &stack, position: nil, into: &output) }
    return output.text()
  }

  /// The UTF-8 of the text rendered over `root`, as ``render(_:expected:)``, handed over as the bytes written, not
  /// copied: `edit` may change them in place first, and returns how many of them to keep (the first ones). The
  /// bytes are the UTF-8 of whole strings one after another, so well-formed; what `edit` keeps must stay so.
  /// (Made into a string, the text of a long export had been copied once more, into pages new to the process: a
  /// twelfth of exporting 5,000 items.)
  func renderUTF8(_ root: ContextValue, expected: Int = 0, edit: (UnsafeMutableBufferPointer<UInt8>) -> Int = { $0.count }) -> Data {
    var output = Output(capacity: expected)
    var stack = Stack(root, lookups: lookups)
    program.reading { Self.render($0, $0.nodes.indices, stack: &stack, position: nil, into: &output) }
    return output.data(edit: edit)
  }

  /// The UTF-8 of the text rendered over `root`, handed to `emit` a piece at a time as it is rendered, in pieces of
  /// about `piece` bytes that each end after an ASCII byte (so whole scalars, and no piece starts within a
  /// mark's sentence: see ``TextExporter/redundantChineseMarks(in:)``, which looks back only over non-ASCII marks).
  /// `edit` changes each piece in place first and returns how many of its bytes to keep (the first ones), as for
  /// ``renderUTF8(_:expected:edit:)``. A text with no ASCII byte for longer than `piece` is handed over in longer
  /// pieces. The text is never held whole: a 5,000-item export's 12 MB had been written into pages new to the
  /// process, each zeroed by the kernel first (a seventh of the export).
  func renderUTF8(
    _ root: ContextValue, piece: Int, edit: (UnsafeMutableBufferPointer<UInt8>) -> Int = { $0.count },
    emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    withoutActuallyEscaping(edit) { edit in
      withoutActuallyEscaping(emit) { emit in
        var output = Output(capacity: piece + piece / 2)
        output.pieces = Output.Pieces(size: piece, edit: edit, emit: emit)
        var stack = Stack(root, lookups: lookups)
        program.reading { Self.render($0, $0.nodes.indices, stack: &stack, position: nil, into: &output) }
        output.emitRest()
      }
    }
  }

  /// The text rendered so far, as UTF-8 bytes in a buffer of its own (from `malloc`, grown by `realloc`), so that
  /// the finished text is handed over as `Data` without a copy; or, with ``pieces``, handed on a piece at a time.
  /// Appending a string's bytes is a copy, where appending it to a string also looked at what it holds (a
  /// twentieth of rendering an export).
  private struct Output: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Where the text goes a piece at a time, when it is not kept whole.
    var pieces: Pieces?
    /// How many of the first bytes are known to hold no ASCII byte (none of them can end a piece).
    private var searched = 0

    /// The pieces of ``TextRenderer/renderUTF8(_:piece:edit:emit:)``.
    struct Pieces {
      /// The bytes from which a piece is handed on.
      let size: Int
      let edit: (UnsafeMutableBufferPointer<UInt8>) -> Int
      let emit: (UnsafeBufferPointer<UInt8>) -> Void
    }

    init(capacity: Int) {
      self.capacity = max(capacity, 64)
      guard let base = malloc(self.capacity) else { fatalError("out of memory for \(self.capacity) bytes of export") }
      self.base = base.assumingMemoryBound(to: UInt8.self)
    }

    /// Whether ``base`` was handed over with the text (``data(edit:)``), so is not freed here.
    private var handedOver = false

    deinit { if !handedOver { free(base) } }

    static func += (output: inout Output, text: String) {
      // Read in place: copied into a `var` for `withUTF8`, every text printed was retained and released once more.
      guard text.utf8.withContiguousStorageIfAvailable({ output.append($0) }) == nil else { return }
      var text = text
      text.withUTF8 { output.append($0) }
    }

    /// Hands on the bytes up to the last ASCII byte (through ``Pieces/edit``), and keeps the rest for the next
    /// piece; nothing when there is no ASCII byte.
    private mutating func emitPiece() {
      guard let pieces else { return }
      var cut = count
      while cut > searched && base[cut - 1] >= 0x80 { cut -= 1 }
      // Not looked through again: a long run with no ASCII byte would be, at every string appended.
      guard cut > searched else { return searched = count }
      let kept = min(max(pieces.edit(UnsafeMutableBufferPointer(start: base, count: cut)), 0), cut)
      pieces.emit(UnsafeBufferPointer(start: base, count: kept))
      base.update(from: base + cut, count: count - cut)
      count -= cut
      // What is left came after the last ASCII byte.
      searched = count
    }

    /// Hands on all that is left (through ``Pieces/edit``).
    mutating func emitRest() {
      guard let pieces, count > 0 else { return }
      let kept = min(max(pieces.edit(UnsafeMutableBufferPointer(start: base, count: count)), 0), count)
      pieces.emit(UnsafeBufferPointer(start: base, count: kept))
      count = 0
    }

    fileprivate mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
      if let pieces, count >= pieces.size { emitPiece() }
      if bytes.count > capacity - count {
        // Doubled, as an array grows: a text of n bytes is copied O(n) times in all.
        let grown = max(capacity * 2, count + bytes.count)
        guard let moved = realloc(base, grown) else { fatalError("out of memory for \(grown) bytes of export") }
        (base, capacity) = (moved.assumingMemoryBound(to: UInt8.self), grown)
      }
      (base + count).update(from: source, count: bytes.count)
      count += bytes.count
    }

    /// The text: the bytes of whole strings one after another, so well-formed UTF-8 (one copy).
    consuming func text() -> String {
      String(joinedUTF8: UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes, after `edit` (which returns how many to keep), as `Data` that frees them: not copied.
    consuming func data(edit: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> Data {
      let kept = min(max(edit(UnsafeMutableBufferPointer(start: base, count: count)), 0), count)
      guard kept > 0 else { return Data() }
      // The buffer is the data's to free now (`discard self` cannot be, with ``pieces``' closures).
      handedOver = true
      return Data(bytesNoCopy: base, count: kept, deallocator: .free)
    }
  }

  /// The levels a rendering looks names up in, the root first and the innermost section's value last, and what the
  /// root gave the look-ups that climbed to it.
  private struct Stack {
    private(set) var levels: [ContextValue]
    /// What a look-up that climbed past every level above the root found there (after its other names), by its
    /// ``Lookup/slot``: `nil` until it is kept, then what was found (which may be nothing). Made when the first is
    /// kept.
    ///
    /// What the root gives does not change while it is rendered, so a name of the house style
    /// (`house.points.sentences`), asked for in every directive of every agenda item, is followed from the root once
    /// rather than each time. What is kept is only what a record root gives through values whose children are fixed
    /// (see ``TextRenderer/follow(_:from:isSettled:)``), and only where a section has put a level above the root: a
    /// tag rendered with the root alone on the stack is rendered once.
    private var rootFinds: [ContextValue??] = []
    /// How many look-ups the text has.
    private let lookups: Int

    init(_ root: ContextValue, lookups: Int) {
      (levels, self.lookups) = ([root], lookups)
    }

    /// What the root gave the look-up in `slot`, if it was kept.
    func rootFind(_ slot: Int) -> ContextValue?? { rootFinds.isEmpty ? nil : rootFinds[slot] }

    /// Keeps what the root gave the look-up in `slot` (what `rootFind(slot)` then returns).
    mutating func keep(_ found: ContextValue?, at slot: Int) {
      if rootFinds.isEmpty { rootFinds = Array(repeating: nil, count: lookups) }
      rootFinds[slot] = .some(found)
    }

    mutating func append(_ value: ContextValue) { levels.append(value) }
    mutating func removeLast() { levels.removeLast() }
  }

  /// Where the iteration of a sequence stands, for `first()`, `last()`, `index()`, `even()`, `odd()`.
  private struct Position {
    var index: Int
    var isLast: Bool

    /// What a position offers, as swift-mustache's sequence transforms.
    enum Transform {
      case first, last, index, even, odd

      init?(_ name: String) {
        switch name {
        case "first": self = .first
        case "last": self = .last
        case "index": self = .index
        case "even": self = .even
        case "odd": self = .odd
        default: return nil
        }
      }
    }

    func value(_ transform: Transform) -> ContextValue {
      switch transform {
      case .first: .bool(index == 0)
      case .last: .bool(isLast)
      case .index: .int(index)
      case .even: .bool(index & 1 == 0)
      case .odd: .bool(index & 1 == 1)
      }
    }
  }

  /// The nodes of `body` (whole pieces: a section's own body goes with it) rendered in order, read through `reading`.
  private static func render(
    _ reading: Reading, _ body: Range<Int>, stack: inout Stack, position: Position?, into output: inout Output
  ) {
    var index = body.lowerBound
    while index < body.upperBound {
      let node = reading.nodes[index]
      switch node.kind {
      case .text:
        output.append(reading.text(node))
      case .value:
        let value = reading.lookups[node.item]._withUnsafeGuaranteedRef { resolve($0, stack: &stack, position: position) }
        if let value { output += printed(value) }
      case .section, .invertedSection:
        let lookup = reading.lookups[node.item]
        let inner = index + 1..<node.end
        if lookup._withUnsafeGuaranteedRef({ $0.start == .partial }) {
          render(reading, inner, stack: &stack, position: nil, into: &output)
        } else {
          let value = lookup._withUnsafeGuaranteedRef { resolve($0, stack: &stack, position: position) }
          if node.kind == .invertedSection {
            renderInverted(value, reading, inner, stack: &stack, position: position, into: &output)
          } else {
            renderSection(value, reading, inner, stack: &stack, position: position, into: &output)
          }
        }
      }
      index = node.end
    }
  }

  private static func renderSection(
    _ value: ContextValue?, _ reading: Reading, _ body: Range<Int>, stack: inout Stack, position: Position?,
    into output: inout Output
  ) {
    guard let value else { return }
    switch value {
    case .flag(let flag):
      // A yes/no not answered prints its mark in place of the section (swift-mustache renders what a lambda
      // returns).
      output += flag.text
      if let last = reading.lastPiece(of: body), reading.nodes[last].kind == .text, reading.endsInLineFeed(reading.nodes[last]) {
        output += "\n"
      }
      return
    case .bool(let flag):
      if flag { render(reading, body, stack: &stack, position: position, into: &output) }
      return
    case .list(let list):
      return renderEntries(count: list.count, list.entry, reading, body, stack: &stack, into: &output)
    case .other(let other):
      if let entries = sequenceEntries(other) {
        return renderEntries(count: entries.count, { entries[$0] }, reading, body, stack: &stack, into: &output)
      }
      if let flag = other as? Bool {
        if flag { render(reading, body, stack: &stack, position: position, into: &output) }
        return
      }
      if isNull(other) { return }
    default:
      break
    }
    stack.append(value)
    render(reading, body, stack: &stack, position: nil, into: &output)
    stack.removeLast()
  }

  /// `body` rendered for each of `count` entries, `entry(index)` on top of the stack, in order.
  private static func renderEntries(
    count: Int, _ entry: (Int) -> ContextValue, _ reading: Reading, _ body: Range<Int>, stack: inout Stack,
    into output: inout Output
  ) {
    for index in 0..<count {
      stack.append(entry(index))
      render(reading, body, stack: &stack, position: Position(index: index, isLast: index == count - 1), into: &output)
      stack.removeLast()
    }
  }

  private static func renderInverted(
    _ value: ContextValue?, _ reading: Reading, _ body: Range<Int>, stack: inout Stack, position: Position?,
    into output: inout Output
  ) {
    guard let value else { return render(reading, body, stack: &stack, position: position, into: &output) }
    switch value {
    case .list(let list):
      guard list.count == 0 else { return }
    case .bool(let flag):
      if !flag { render(reading, body, stack: &stack, position: position, into: &output) }
      return
    case .other(let other):
      if let entries = sequenceEntries(other) {
        guard entries.isEmpty else { return }
      } else if let flag = other as? Bool {
        if !flag { render(reading, body, stack: &stack, position: position, into: &output) }
        return
      } else {
        if isNull(other) { render(reading, body, stack: &stack, position: position, into: &output) }
        return
      }
    default:
      return
    }
    // An empty sequence: its body sees the sequence, with no position.
    stack.append(value)
    render(reading, body, stack: &stack, position: nil, into: &output)
    stack.removeLast()
  }

  // MARK: - Look-ups, as swift-mustache's `getChild`

  private static func resolve(_ lookup: Lookup, stack: inout Stack, position: Position?) -> ContextValue? {
    var found: ContextValue?
    switch lookup.start {
    case .position:
      // A transform of the position (`first()`): no other name starts here.
      guard let position, let transform = lookup.positional else { return nil }
      return position.value(transform)
    case .partial:
      return nil
    case .top:
      let top = stack.levels[stack.levels.count - 1]
      if let first = lookup.names.first {
        var isSettled = true
        found = child(of: top, named: first, lookup.prints[0]).flatMap { follow(lookup, from: $0, isSettled: &isSettled) }
      } else {
        found = top
      }
    case .climb:
      let (first, print) = (lookup.names[0], lookup.prints[0])
      var level = stack.levels.count
      var reachedRoot = true
      var isSettled = true
      while level > 1 {
        level -= 1
        if let child = child(of: stack.levels[level], named: first, print) {
          found = follow(lookup, from: child, isSettled: &isSettled)
          reachedRoot = false
          break
        }
      }
      // No level above the root has the name: what the root gives, kept when it can be (see ``Stack``).
      if reachedRoot {
        if let known = stack.rootFind(lookup.slot) {
          found = known
        } else {
          found = child(of: stack.levels[0], named: first, print).flatMap { follow(lookup, from: $0, isSettled: &isSettled) }
          if isSettled, stack.levels.count > 1, case .record = stack.levels[0] { stack.keep(found, at: lookup.slot) }
        }
      }
    }
    guard var value = found else { return nil }
    switch value {
    case .null: return nil
    case .other(let other):
      if let custom = other as? MustacheCustomRepresentation {
        guard let represented = custom.representation else { return nil }
        value = ContextValue(any: represented)
      }
    default: break
    }
    guard let transform = lookup.transform else { return value }
    return transformed(value, transform)
  }

  /// The value the names of `lookup` after the first lead to from `object`; `isSettled` is set to `false` when a
  /// value looked into may give another child when asked again during the rendering: a list (its fields by
  /// reflection, a deferred list's entries made as they are read, which a kept find would hold for the whole
  /// rendering) or a value read through swift-mustache's protocols, whose code is not ours. The records such a
  /// look-up passes through are made before the rendering and not changed during it (a record made during it, an
  /// entry of a deferred list, is reached only through its list); the other values are values.
  private static func follow(_ lookup: Lookup, from object: ContextValue, isSettled: inout Bool) -> ContextValue? {
    var current = object
    for index in lookup.names.indices.dropFirst() {
      switch current {
      case .list, .other: isSettled = false
      default: break
      }
      guard let next = child(of: current, named: lookup.names[index], lookup.prints[index]) else { return nil }
      current = next
    }
    return current
  }

  /// The child `name` (whose fingerprint is `print`) of `object`: the export's own types by their case, then
  /// swift-mustache's protocols, then `Mirror`.
  private static func child(of object: ContextValue, named name: String, _ print: ContextRecord.Fingerprint) -> ContextValue? {
    switch object {
    case .record(let record): return record[print, name]
    case .null, .text, .int, .bool, .flag: return nil
    case .list(let list): return mirrored(list, named: name)
    case .other(var other):
      if let custom = other as? MustacheCustomRepresentation {
        guard let represented = custom.representation else { return nil }
        other = represented
      }
      if let parent = other as? MustacheParent { return parent.child(named: name).map(ContextValue.init(any:)) }
      return mirrored(other, named: name)
    default: return parentChild(of: object, named: name)
    }
  }

  /// The child `name` of `object` when it is a `MustacheParent` to swift-mustache (a record, a choice, an entry, a
  /// number, a date, a time, a mark); `nil` for any other value.
  static func parentChild(of object: ContextValue, named name: String) -> ContextValue? {
    switch object {
    case .record(let record): return record[name]
    case .dictionary(let names): return names[name].map(ContextValue.init(any:))
    case .choice(let choice):
      if name == "phrase" { return choice.phrase.flatMap { $0.isEmpty ? nil : .text($0) } }
      return name == choice.value ? .bool(true) : nil
    case .element(let element): return element.typedChild(named: name)
    case .number(let number): return number.child(named: name).map(ContextValue.init(any:))
    case .date(let date): return date.child(named: name).map(ContextValue.init(any:))
    case .time(let time): return time.child(named: name).map(ContextValue.init(any:))
    case .mark(let mark): return mark.child(named: name).map(ContextValue.init(any:))
    case .other(let other): return (other as? MustacheParent)?.child(named: name).map(ContextValue.init(any:))
    case .list, .text, .int, .bool, .flag, .null: return nil
    }
  }

  /// The stored property `name` of `object`, as `Mirror` finds it (an optional's value, or nothing).
  private static func mirrored(_ object: Any, named name: String) -> ContextValue? {
    guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
    let value = Mirror(reflecting: matched.value)
    guard value.displayStyle == .optional else { return ContextValue(any: matched.value) }
    return value.children.first.map { ContextValue(any: $0.value) }
  }

  private static func transformed(_ value: ContextValue, _ name: String) -> ContextValue? {
    switch value {
    case .list(let list): list.typedTransform(name)
    case .choice(let choice): choice.value.transform(name).map(ContextValue.init(any:))
    case .mark(let mark): .mark(mark)
    case .text(let text): text.transform(name).map(ContextValue.init(any:))
    case .element, .number, .date, .time, .bool, .null, .flag: nil
    case .record(let record): record.dictionary.transform(name).map(ContextValue.init(any:))
    case .dictionary(let names): names.transform(name).map(ContextValue.init(any:))
    case .int(let int): int.transform(name).map(ContextValue.init(any:))
    case .other(let other): (other as? MustacheTransformable)?.transform(name).map(ContextValue.init(any:))
    }
  }

  /// The entries of `value` when it is a sequence a section iterates (an array).
  private static func sequenceEntries(_ value: Any) -> [ContextValue]? {
    guard let sequence = value as? any MustacheSequence else { return nil }
    return entries(of: sequence)
  }

  private static func entries(of sequence: some Sequence) -> [ContextValue] { sequence.map { ContextValue(any: $0) } }

  /// Whether `value` is a null a section skips (swift-mustache's `MustacheCustomRenderable.isNull`).
  private static func isNull(_ value: Any) -> Bool {
    (value as? MustacheCustomRenderable)?.isNull == true
  }

  /// A value as `{{name}}` prints it in TEXT: `String(describing:)` of it, or what swift-mustache prints for a type
  /// of its own (`MustacheCustomRenderable`, an optional), without the reflection `String(describing:)` costs for
  /// the export's own types (an entry of a list of values prints as its value).
  static func printed(_ value: ContextValue) -> String {
    switch value {
    case .text(let text): return text
    case .element(let element): return printed(element.value)
    case .choice(let choice): return choice.value
    case .list(let list): return list.text
    case .int(let int): return String(int)
    case .mark(let mark): return mark.text
    case .flag(let flag): return flag.text
    case .bool(let bool): return bool ? "true" : "false"
    case .number(let number): return number.description
    case .date(let date): return date.description
    case .time(let time): return time.description
    case .null: return String(describing: ContextRecord.nothing)
    case .record, .dictionary: return String(describing: value.any)
    case .other(let other):
      if let renderable = other as? MustacheCustomRenderable { return renderable.renderText }
      guard let optional = other as? AnyOptionalValue else { return String(describing: other) }
      return String(describing: optional.wrappedAny ?? other)
    }
  }
}

/// An optional in an `Any`, as swift-mustache prints it: its value, or `nil` when it has none.
private protocol AnyOptionalValue { var wrappedAny: Any? { get } }
extension Optional: AnyOptionalValue { var wrappedAny: Any? { self } }
