import Foundation
import MinutesExport
import MinutesModel
import MinutesTemplates

/// Reads a text back into a draft by walking the template's text export (``MustacheShape``) against it: literal
/// text must be there as it is; a value is read from the span the rest of the template leaves for it; a section
/// is taken or skipped, a list read entry by entry. Where more than one reading is possible it backtracks, in an
/// order that prefers the likelier one (an optional value left unset, a list read as long as it goes on), and
/// keeps a trail of every change to the draft so that a step back undoes it.
///
/// The template is the grammar: a phrase (`會議審議了《{{subject}}》`), a join (`、`), a house-style section
/// (`{{#house.label.short}}`) is read with the same declaration that prints it, so that a workspace template is
/// read with no code of its own. What the text shows of the house style (which sections printed) becomes the
/// draft's house choices.
///
/// Values never span a line; a reading that backtracks more than ``budget`` steps gives up.
final class TextReader {
  typealias Next = (Int) -> Bool

  let text: [Unicode.Scalar]
  let template: Template
  let root: DraftFrame
  /// The most steps a reading may take before it gives up (a text the template cannot read, tried every way).
  let budget: Int
  private(set) var steps = 0
  /// The furthest position a literal of the template (or the text's end, where the template ends) was looked for,
  /// and the literals looked for there: where a text that cannot be read stops making sense.
  var furthest: (position: Int, expected: [String]) {
    (furthestPosition, furthestLiterals.filter { !$0.isEmpty }.map { String(String.UnicodeScalarView($0)) }.sorted())
  }
  private var furthestPosition = 0
  private var furthestLiterals: Set<[Unicode.Scalar]> = []

  private var trail: [() -> Void] = []
  /// The step at which the reading last got further into the text.
  private var progressedAt = 0
  /// How many steps a reading may take without getting further into the text.
  static let stallLimit = 60_000
  private var shapes: [String: [MustacheShape]] = [:]
  private let lineEnds: [Int]
  /// The text as a string, and where each scalar starts in its UTF-8 (one more at the end): a span is made a
  /// string by slicing it, its bytes copied as they are, not scalar by scalar, nor validated as UTF-8 again (a
  /// string made of bytes is checked to be UTF-8: a twentieth of an import, the reader making one for each place a
  /// value could end).
  private let whole: String
  private let byteOffsets: [Int]
  /// For each position of the text, the first at or after it where a literal of the template (or a join's
  /// separator) could start, or where a Chinese export left out a mark that starts one (the text's length where
  /// none can): where a value followed by neither may end. Found in one pass, so that the ends of such a value
  /// cost what there are of them, not the length of its line.
  private let nextLiteralStart: [Int32]
  private let personKeys: Set<String>
  /// The keys of the parts that hold a person's name: the chair and attendance, and every part asked as a person
  /// (a mover, a seconder): an English name is read as a run of capitalized words.
  private let nameKeys: Set<String>
  private let chinese: Bool
  /// The English names the text gives at least twice, as the whole or the end of a run of capitalized words of
  /// two words or more (`Yolanda Marsh` of `Board President Yolanda Marsh`, the roll call and the signature).
  private let namesGivenTwice: Set<[Unicode.Scalar]>
  /// The keys of the template's lists.
  private let listKeys: Set<String>
  /// The first scalar of the separator of each list of values joined in the export, by key.
  private let joins: [String: Unicode.Scalar]

  init(text: [Unicode.Scalar], template: Template, budget: Int = 20_000_000) {
    self.text = text
    self.template = template
    self.budget = budget
    root = DraftFrame(parts: template.parts + Self.gatheredParts(of: template))
    lineEnds = text.indices.filter { text[$0] == "\n" }
    var byteOffsets = [Int](repeating: 0, count: text.count + 1)
    var length = 0
    for (index, scalar) in text.enumerated() {
      byteOffsets[index] = length
      length += UTF8.width(scalar)
    }
    byteOffsets[text.count] = length
    // Encoded here, then checked once as a whole (appending the scalars to a string's scalar view took the slow,
    // generic way: a tenth of an import).
    let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
      for (index, scalar) in text.enumerated() {
        var offset = byteOffsets[index]
        UTF8.encode(scalar) { byte in
          buffer[offset] = byte
          offset += 1
        }
      }
      count = length
    }
    whole = String(decoding: bytes, as: UTF8.self)
    self.byteOffsets = byteOffsets
    var starts: Set<Unicode.Scalar> = ["\n"]
    func collect(_ shapes: [MustacheShape]) {
      for shape in shapes {
        switch shape {
        case .text(let scalars): if let first = scalars.first { starts.insert(first) }
        case .section(_, _, let body): collect(body)
        case .value: continue
        }
      }
    }
    var sources = template.export["text"].map { [template.inliningPartials($0)] } ?? []
    func phrases(_ parts: [Part]) {
      for part in parts {
        sources += part.rendering.phrases.values
        if let entry = part.rendering.join?.entry { sources.append(entry) }
        if let separator = part.rendering.join?.separator, let first = separator.unicodeScalars.first { starts.insert(first) }
        if let single = part.rendering.join?.single, let first = single.unicodeScalars.first { starts.insert(first) }
        phrases(part.parts)
      }
    }
    phrases(template.parts)
    for source in sources { if let parsed = try? MustacheShape.parse(source) { collect(parsed) } }
    // The starts of the basic plane in a table (a set's hashing of every scalar was a third of making a reader).
    var basicStarts = [Bool](repeating: false, count: 0x10000)
    for start in starts where start.value < 0x10000 { basicStarts[Int(start.value)] = true }
    // In a Chinese text, also where the export left out a 。 or ； after a value's own sentence end (`…工作？二要…`
    // for `…工作？；二要…`; see ``markLeftOut(_:at:)``).
    let leavesMarksOut = template.language.hasPrefix("zh") && (starts.contains("。") || starts.contains("；"))
    var nextStarts = [Int32](repeating: Int32(text.count), count: text.count + 1)
    for index in stride(from: text.count - 1, through: 0, by: -1) {
      let value = text[index].value
      let isStart = value < 0x10000 ? basicStarts[Int(value)] : starts.contains(text[index])
      nextStarts[index] = isStart || (leavesMarksOut && TextExporter.marksLeftOut(in: text, before: index) != nil) ? Int32(index) : nextStarts[index + 1]
    }
    nextLiteralStart = nextStarts
    var keys = Set<String>()
    if let chair = template.roles.chair?.split(separator: ".").last { keys.insert(String(chair)) }
    for category in template.roles.attendance { keys.insert(category.name) }
    personKeys = keys
    func collectNames(_ parts: [Part]) {
      for part in parts {
        if part.asking.takesPerson { keys.insert(part.key) }
        collectNames(part.parts)
      }
    }
    collectNames(template.parts)
    nameKeys = keys
    chinese = template.language.hasPrefix("zh")
    var runs: [[Unicode.Scalar]: Int] = [:]
    if !chinese {
      for index in text.indices where Self.isUppercase(text[index]) && (index == 0 || !text[index - 1].properties.isAlphabetic) {
        guard let end = Self.capitalizedRun(in: text, from: index), text[index..<end].contains(" ") else { continue }
        runs[Array(text[index..<end]), default: 0] += 1
      }
    }
    namesGivenTwice = Set(runs.filter { $0.value >= 2 }.keys)
    var lists = Set<String>()
    func collectLists(_ parts: [Part]) {
      for part in parts {
        if case .list = part.shape { lists.insert(part.key) }
        collectLists(part.parts)
      }
    }
    collectLists(template.parts)
    listKeys = lists
    var joins: [String: Unicode.Scalar] = [:]
    func collectJoins(_ parts: [Part]) {
      for part in parts {
        if case .list(let list) = part.shape, case .values = list.entries,
          let separator = part.rendering.join?.separator.unicodeScalars.first
        {
          joins[part.key] = separator
        }
        collectJoins(part.parts)
      }
    }
    collectJoins(template.parts)
    self.joins = joins
  }

  // MARK: - Reading

  /// Reads the whole text with `shapes` (the text export's tree); `true` when every character was read.
  func read(_ shapes: [MustacheShape], accept: () -> Bool = { true }) -> Bool {
    // The first line's likeliest readings (its house style, its values) are tried first, each for the whole
    // text; then none.
    let readings = firstLineReadings(shapes)
    for reading in readings {
      reset()
      prebind(reading, into: root)
      if search(shapes, accept: accept, found: { true }) { return true }
    }
    reset()
    return search(shapes, accept: accept) { true }
  }

  /// Sets the values of the groups of `record` (not its lists) in `frame`, as read already.
  private func prebind(_ record: Record, into frame: DraftFrame) {
    for (key, value) in record.fields {
      guard let part = frame.part(key) else { continue }
      switch (part.shape, value) {
      case (.group(let group), .record(let inner)):
        prebind(inner, into: groupFrame(frame, part, group.parts))
      case (.field, _):
        set(frame, key, .value(value))
      default:
        continue
      }
    }
  }

  /// The readings of the first line that the template explains most by its own words, likeliest first: the
  /// values of its groups (the meeting's date, chair, label…) and the house style it shows. Up to
  /// ``candidates`` readings of the first line are tried, and the three whose literals and closed choices cover
  /// most of it, leaving out no required value, are kept (`鎮政府十八屆12次常務會議` is the short label with the body 鎮政府, not the full one with
  /// a body `鎮政府十八屆12次`). Empty when the text has no line.
  private func firstLineReadings(_ shapes: [MustacheShape]) -> [Record] {
    guard let firstLine = lineEnds.first else { return [] }
    let house = template.parts.first { $0.key == "house" }
    var readings: [Record] = []
    var best: [Record: Int] = [:]
    var found = 0
    defer { stopAt = nil }
    func reading() -> Record {
      var record = Record()
      for part in template.parts {
        guard case .group(let group) = part.shape, case .group(let frame)? = root.slots[part.key] else { continue }
        var inner = frame.record(template: template)
        if part.key == house?.key {
          for choice in group.parts where inner[choice.key] == nil {
            if let value = frame.choice(shownFor: choice) { inner[choice.key] = .text(value) }
          }
        }
        if !inner.isEmpty { record[part.key] = .record(inner) }
      }
      return record
    }
    /// Whether the siblings read say `part` does not apply (`unless: {title: [主要負責同志]}` on the chair's
    /// name, where the title read is one of them).
    func skipped(_ part: Part, _ frame: DraftFrame?) -> Bool {
      guard let frame, let unless = part.asking.unless, !unless.isEmpty else { return false }
      return unless.contains { key, values in
        guard case .value(let value)? = frame.slots[key], let text = value.scalarText else { return false }
        return values.contains("*") || values.contains(text)
      }
    }
    /// The required fields of the groups read that are not read: a reading that leaves one out explains less.
    func missing(_ parts: [Part], _ frame: DraftFrame?) -> Int {
      parts.reduce(0) { count, part in
        switch part.shape {
        case .field: count + (part.rules.required && frame?.slots[part.key] == nil && !skipped(part, frame) ? 1 : 0)
        case .group(let group):
          if case .group(let inner)? = frame?.slots[part.key] { count + missing(group.parts, inner) } else { count }
        case .list: count
        }
      }
    }
    /// The Chinese titles read beside a name that do not end as titles do (`李明` for the chair of 李明遠鎮長).
    func untitled(_ frame: DraftFrame) -> Int {
      var count = 0
      if chinese, case .value(let title)? = frame.slots["title"], let text = title.text,
        frame.parts.contains(where: { personKeys.contains($0.key) }), !Self.endsLikeTitle(Array(text.unicodeScalars)[...])
      {
        count += 1
      }
      for slot in frame.slots.values { if case .group(let inner) = slot { count += untitled(inner) } }
      return count
    }
    /// The Chinese titles read with the name beside them left unread (`陳春青區長` as the chair's title, where the
    /// house style prints the name first): a reading that reads the name explains more; a title alone (縣長主持召開)
    /// has no other reading.
    func unnamed(_ frame: DraftFrame) -> Int {
      var count = 0
      if chinese, case .value? = frame.slots["title"],
        frame.parts.contains(where: { part in
          guard personKeys.contains(part.key), case .field = part.shape else { return false }
          return frame.slots[part.key] == nil && !skipped(part, frame)
        })
      {
        count += 1
      }
      for slot in frame.slots.values { if case .group(let inner) = slot { count += unnamed(inner) } }
      return count
    }
    stopAt = firstLine
    onPrefix = { [unowned self] in
      let read = reading()
      let covered = self.covered - 1_000 * missing(template.parts, root) - 10 * untitled(root) - unnamed(root)
      if let known = best[read] {
        best[read] = max(known, covered)
      } else {
        best[read] = covered
        readings.append(read)
      }
      found += 1
      // Each reading found is progress: the stall limit is for a whole text that cannot be read.
      progressedAt = steps
      return found >= Self.candidates || steps >= min(Self.prefixBudget, budget / 2)
    }
    _ = match(shapes[...], 0, Env(frames: [root])) { _ in false }
    onPrefix = nil
    // The best three, the likeliest first (the order found on a tie). Each reading's score is looked up once: a
    // look-up hashes the whole reading.
    let scores = readings.map { best[$0]! }
    return readings.indices.sorted { (scores[$1], $0) < (scores[$0], $1) }.prefix(3).map { readings[$0] }
  }

  /// How many readings of the first line are compared, and in how many steps at most.
  static let candidates = 20_000
  static let prefixBudget = 400_000

  /// Where a reading of the first line stops, and what is done with it there.
  private var stopAt: Int?
  private var onPrefix: (() -> Bool)?

  private func search(_ shapes: [MustacheShape], accept: () -> Bool, found: () -> Bool) -> Bool {
    let env = Env(frames: [root])
    return match(shapes[...], 0, env) { [self] end in
      guard end == text.count else {
        // The template ended where the text goes on: the text's end was expected there.
        expected([], at: end)
        return false
      }
      guard settled(root) else { return false }
      // A reading that does not print the text back (a join read with the wrong separator) is backtracked, a
      // few times at most.
      verifications += 1
      guard accept() || verifications > verificationLimit else { return false }
      return found()
    }
  }

  /// The reader as it was before any reading: nothing read, nothing on the trail, no step counted.
  private func reset() {
    undo(to: 0)
    steps = 0
    progressedAt = 0
    (furthestPosition, furthestLiterals) = (0, [])
    verifications = 0
    covered = 0
  }

  /// How many characters of the text the template's own words (literals and closed choices) account for on
  /// the reading being tried.
  private var covered = 0

  /// How many complete readings are compared with the text (each an export) before the last one is taken as it
  /// is: 64, fewer for a small budget.
  private var verificationLimit: Int { min(64, max(2, budget / 100_000)) }
  private var verifications = 0

  /// Whether every value a section said is set was read.
  private func settled(_ frame: DraftFrame) -> Bool {
    for (key, facts) in frame.facts where facts.contains(.set) && frame.slots[key] == nil {
      // A choice with a default is set by its default.
      if frame.part(key)?.rendering.defaultValue == nil { return false }
    }
    for slot in frame.slots.values {
      switch slot {
      case .group(let inner): if !settled(inner) { return false }
      case .records(let entries): if !entries.allSatisfy(settled) { return false }
      default: continue
      }
    }
    return true
  }

  // MARK: - The trail

  private func set(_ frame: DraftFrame, _ key: String, _ slot: DraftFrame.Slot?) {
    let old = frame.slots[key]
    trail.append { frame.slots[key] = old }
    frame.slots[key] = slot
  }

  private func note(_ frame: DraftFrame, _ key: String, _ fact: DraftFrame.Fact) {
    let old = frame.facts[key]
    trail.append { frame.facts[key] = old }
    frame.facts[key, default: []].append(fact)
  }

  /// Appends an entry to the list `key` of `frame` in place (a record for a list of records, an unread value for
  /// a list of values), the trail undoing it by removing the last entry: the trail is undone last change first, so
  /// the entry is the last when it is. (Setting the list anew copied it for each entry: quadratic in a long list.)
  private func append(to frame: DraftFrame, _ key: String, record: @autoclosure () -> DraftFrame) {
    let appended = DraftFrame.changeEntries(of: &frame.slots[key], records: { $0.append(record()) }, values: { $0.append(nil) })
    guard appended else { return }
    trail.append { DraftFrame.changeEntries(of: &frame.slots[key], records: { $0.removeLast() }, values: { $0.removeLast() }) }
  }

  /// Sets entry `index` of the list of values `key` in place, the trail putting back what it was.
  private func setEntry(of frame: DraftFrame, _ key: String, _ index: Int, to value: Value?) {
    var old: Value?
    DraftFrame.changeEntries(of: &frame.slots[key], values: { values in
      guard index < values.count else { return }
      old = values[index]
      values[index] = value
    })
    trail.append {
      DraftFrame.changeEntries(of: &frame.slots[key], values: { values in if index < values.count { values[index] = old } })
    }
  }

  private func undo(to mark: Int) {
    while trail.count > mark { trail.removeLast()() }
  }

  // MARK: - Where the reading is

  /// The frames of the records the reading is in (innermost last), what `{{.}}` is, and the entry of the
  /// innermost sequence.
  struct Env {
    var frames: [DraftFrame]
    var dot: Dot? = nil
    var loop: Loop? = nil
    /// What the template prints after each section the reading is in, innermost last.
    var after: [ArraySlice<MustacheShape>] = []
  }

  /// The words the template may print first after the innermost section of `env` (through sections that may
  /// print nothing, and out of the sections around it): where a list of free lines stops (`出席：` after the
  /// paragraphs of a 纪要's last item). Only words of two characters or more, on the line they start.
  private func wordsAfter(_ env: Env) -> [[Unicode.Scalar]] {
    var words: [[Unicode.Scalar]] = []
    /// Adds the first words of `shapes`; whether they may print nothing at all.
    func first(_ shapes: ArraySlice<MustacheShape>, depth: Int) -> Bool {
      guard depth < 8 else { return false }
      for shape in shapes {
        switch shape {
        case .text(let literal):
          let line = Array(literal.prefix { $0 != "\n" })
          if line.count >= 2 { words.append(line) }
          if !line.isEmpty { return false }
        case .value:
          return false
        case .section(_, _, let body):
          _ = first(body[...], depth: depth + 1)
        }
      }
      return true
    }
    for rest in env.after.reversed() where !first(rest, depth: 0) { break }
    return words
  }

  /// Boxed (`indirect`): an `Env` is copied at every step, and a `Part` is many references to retain.
  indirect enum Dot {
    /// A value pushed by a section over it (`{{#lead}}…{{.}}…`).
    case field(DraftFrame, Part, String?)
    /// An entry of a list of values.
    case element(DraftFrame, Part, Int)
  }

  struct Loop {
    var index: Int
    /// Whether this is the last entry; `nil` where the reading does not know it yet.
    var isLast: Bool?
  }

  /// What a name stands for where the reading is.
  enum Target {
    case field(DraftFrame, Part, String?)
    case list(DraftFrame, Part)
    case group(DraftFrame, Part)
    case element(DraftFrame, Part, Int, String?)
    case literal(String)
    case missing
  }

  private func resolve(_ path: [String], _ env: Env) -> Target {
    guard let first = path.first else { return .missing }
    if first == "." {
      switch env.dot {
      case .field(let frame, let part, let accessor)?: return .field(frame, part, accessor)
      case .element(let frame, let part, let index)?: return .element(frame, part, index, path.count > 1 ? path[1] : nil)
      case nil: return .missing
      }
    }
    if case .element(let frame, let part, let index)? = env.dot {
      switch first {
      case "n": return .literal(String(index + 1))
      case "zh": return .literal(ChineseNumeral.string(index + 1, language: template.language))
      case "value": return .element(frame, part, index, path.count > 1 ? path[1] : nil)
      default: break
      }
    }
    for frame in env.frames.reversed() {
      if let part = frame.part(first) { return descend(frame, part, path.dropFirst()) }
      if let entry = frame.entry, path.count == 1 {
        if first == "n" { return .literal(String(entry)) }
        if first == "zh" { return .literal(ChineseNumeral.string(entry, language: template.language)) }
      }
    }
    return .missing
  }

  private func descend(_ frame: DraftFrame, _ part: Part, _ rest: ArraySlice<String>) -> Target {
    switch part.shape {
    case .group(let group):
      guard let next = rest.first else { return .group(frame, part) }
      let inner = groupFrame(frame, part, group.parts)
      guard let child = inner.part(next) else { return .missing }
      return descend(inner, child, rest.dropFirst())
    case .list:
      return rest.isEmpty ? .list(frame, part) : .missing
    case .field:
      return rest.count > 1 ? .missing : .field(frame, part, rest.first)
    }
  }

  private func groupFrame(_ frame: DraftFrame, _ part: Part, _ parts: [Part]) -> DraftFrame {
    if case .group(let inner)? = frame.slots[part.key] { return inner }
    let inner = DraftFrame(parts: parts)
    set(frame, part.key, .group(inner))
    return inner
  }

  // MARK: - Matching

  private func match(_ shapes: ArraySlice<MustacheShape>, _ position: Int, _ env: Env, _ next: Next) -> Bool {
    steps += 1
    // Past the budget, or long without getting further into the text (every way of reading what is read so
    // far is being tried against a line that no way reads), the reading gives up.
    guard steps < budget, steps - progressedAt < Self.stallLimit else { return false }
    guard let shape = shapes.first else { return next(position) }
    let rest = shapes.dropFirst()
    switch shape {
    case .text(var literal):
      if !literalAt(position, literal) {
        // The mark the export leaves out after a value's own sentence end (`…工作！` for `…工作！；`, `…“穩中求進。”`
        // at a paragraph's end for `…“穩中求進。”。`) is not looked for there.
        guard let rest = markLeftOut(literal, at: position), literalAt(position, rest) else { return false }
        literal = rest
      }
      if let stopAt, position + literal.count > stopAt, position <= stopAt {
        covered += stopAt - position
        defer { covered -= stopAt - position }
        return onPrefix?() ?? false
      }
      covered += literal.count
      if match(rest, position + literal.count, env, next) { return true }
      covered -= literal.count
      return false
    case .value(let name):
      return value(name, before: Self.following(rest, after: env.after, pastSection: env.loop == nil), position, env) { [self] end in match(rest, end, env, next) }
    case .section(let name, let inverted, let body):
      var inside = env
      inside.after.append(rest)
      return section(name, inverted: inverted, body: body, position, inside) { [self] end in match(rest, end, env, next) }
    }
  }

  /// `literal` without its first mark, where a Chinese text export leaves that mark out after what the text has
  /// before `position` (``TextExporter/marksLeftOut(in:before:)``); `nil` where it prints it.
  private func markLeftOut(_ literal: [Unicode.Scalar], at position: Int) -> [Unicode.Scalar]? {
    guard chinese, let leftOut = TextExporter.marksLeftOut(in: text, before: position), let mark = literal.first else { return nil }
    return mark == "。" || (mark == "；" && leftOut == .both) ? Array(literal.dropFirst()) : nil
  }

  /// The text of scalars `range` as a string.
  private func span(_ range: Range<Int>) -> String {
    let utf8 = whole.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: byteOffsets[range.lowerBound])
    let end = utf8.index(start, offsetBy: byteOffsets[range.upperBound] - byteOffsets[range.lowerBound])
    return String(Substring(utf8[start..<end]))
  }

  private func literalAt(_ position: Int, _ literal: [Unicode.Scalar]) -> Bool {
    // Where the text parts from the literal is where the reading stops making sense: `Approval of minutes (sic)`
    // stops after `minutes`, the line end expected there.
    var same = 0
    while same < literal.count, position + same < text.count, text[position + same] == literal[same] { same += 1 }
    if same == literal.count { return true }
    expected(same == 0 ? literal : Array(literal[same...]), at: position + same)
    return false
  }

  /// Notes that `literal` was looked for at `position` and not found there (the empty literal: the text's end).
  private func expected(_ literal: [Unicode.Scalar], at position: Int) {
    if position > furthestPosition {
      (furthestPosition, furthestLiterals) = (position, [literal])
      progressedAt = steps
    } else if position == furthestPosition {
      furthestLiterals.insert(literal)
    }
  }

  private func literal(_ string: String, _ position: Int, _ next: Next) -> Bool {
    let scalars = Array(string.unicodeScalars)
    guard literalAt(position, scalars) else { return false }
    return next(position + scalars.count)
  }

  private func shape(_ source: String) -> [MustacheShape] {
    if let known = shapes[source] { return known }
    let parsed = (try? MustacheShape.parse(source)) ?? []
    shapes[source] = parsed
    return parsed
  }

  // MARK: - Values

  private func value(_ name: MustacheShape.Name, before following: MustacheShape?, _ position: Int, _ env: Env, _ next: Next) -> Bool {
    if let function = name.function {
      switch function {
      case "count":
        // The count of a list, which the final comparison with the export checks: its digits are passed over.
        var end = position
        while end < text.count, ("0"..."9").contains(text[end]) { end += 1 }
        return end > position && next(end)
      case "lowercased", "uppercased", "capitalized":
        guard case .field(let frame, let part, nil) = resolve(name.path, env) else { return false }
        return field(frame, part, nil, transform: function, before: following, position, next)
      default:
        return false
      }
    }
    switch resolve(name.path, env) {
    case .missing: return next(position)
    case .literal(let string): return literal(string, position, next)
    case .group: return false
    case .list(let frame, let part): return joined(frame, part, position, next, before: following)
    case .field(let frame, let part, let accessor):
      if accessor == "phrase" { return phrase(frame, part, position, next) }
      return field(frame, part, accessor, transform: nil, before: following, position, next)
    case .element(let frame, let part, let index, let accessor):
      return element(frame, part, index, accessor, before: following, position, next)
    }
  }

  /// A field's value printed through `accessor`: compared where it is read already, else read from each span
  /// the template leaves for it, shortest first, and last left unset (printing nothing).
  private func field(
    _ frame: DraftFrame, _ part: Part, _ accessor: String?, transform: String?, before following: MustacheShape?,
    _ position: Int, _ next: Next
  ) -> Bool {
    if let printed = printed(frame, part, accessor) {
      return literal(transformed(printed, transform), position, next)
    }
    if frame.facts[part.key]?.contains(.unset) == true { return next(position) }
    if part.kind == .date, let accessor, frame.facts[part.key]?.contains(.not(accessor)) == true { return next(position) }
    let mark = trail.count
    if case .field(.choice(let values, let open)) = part.shape, accessor == nil {
      // A choice is one of its values (the longest first, so that 傳達學習 is not read as 傳達), or any text
      // when it is open.
      for value in values.sorted(by: { $0.count > $1.count }) where frame.allows(part, value) {
        let shown = Array(transformed(value, transform).unicodeScalars)
        guard literalAt(position, shown) else { continue }
        set(frame, part.key, .value(.text(value)))
        covered += shown.count
        if next(position + shown.count) { return true }
        covered -= shown.count
        undo(to: mark)
      }
      if !open { return next(position) }
    }
    // A part that declares how it ends is read as far as it goes (全區下一步, not 全區).
    let candidates = ends(from: position, before: following, key: part.key)
    for end in part.rendering.ends.isEmpty ? candidates : candidates.sorted(by: >) {
      let span = span(position..<end)
      guard transform == nil || transformed(span, transform) == span,
        let slot = parse(span, at: position..<end, frame: frame, part: part, accessor: accessor)
      else { continue }
      // Other words for an open choice are its own (`專案會議`), never words of a label or a joint meeting before
      // one of its values (`第五十七次常務會議` is 常務會議 after a label the template prints; `…暨區政府常務會議`)
      // nor the end of one (`會議` of 專題會議). A kind of its own may end as a value does: 院長辦公會議 is no
      // 辦公會議 after words 院長. English words are apart: `councilmembers` is a word of its own, not `council`
      // before `members`.
      if case .field(.choice(let values, true)) = part.shape, accessor == nil,
        values.contains(where: { value in
          guard span != value else { return false }
          if value.hasSuffix(span) { return true }
          guard chinese, span.hasSuffix(value) else { return false }
          return span.dropLast(value.count).last.map { Self.labelEnds.contains($0) } ?? false
        })
      {
        continue
      }
      set(frame, part.key, slot)
      if printed(frame, part, accessor) == span, next(end) { return true }
      undo(to: mark)
    }
    // A time written in another style than the template prints (`7:02 PM`, `19:02` where it prints `7:02 p.m.`)
    // is still the time: read when no span reads as the template prints it, before the part is left unset. The
    // draft prints it in the template's style, so the import says its export is not exactly the text. The
    // longest span that is a time first: `8:30 PM`, not `8:30` before words ` PM to discuss…`.
    if part.kind == .time, transform == nil, [nil, "en", "enEnd"].contains(accessor) {
      for end in candidates.sorted(by: >) {
        guard let slot = parse(span(position..<end), at: position..<end, frame: frame, part: part, accessor: accessor) else { continue }
        set(frame, part.key, slot)
        if next(end) { return true }
        undo(to: mark)
      }
    }
    // Not read: printed as nothing, unless a section around it printed, which says it is set, or it is a part its
    // entry requires (the title of a group of 出席, read as nothing where a name took its words).
    if frame.facts[part.key]?.contains(.set) == true { return false }
    if frame.entry != nil, part.rules.required, part.asking.when == nil, part.asking.unless == nil { return false }
    return next(position)
  }

  private func transformed(_ text: String, _ transform: String?) -> String {
    switch transform {
    case "lowercased": text.lowercased()
    case "uppercased": text.uppercased()
    case "capitalized": text.capitalized
    default: text
    }
  }

  /// What a field prints through `accessor` once read; `nil` while it is not read. A choice not read prints its
  /// default only once the reading is over, so that the text can still choose it.
  private func printed(_ frame: DraftFrame, _ part: Part, _ accessor: String?) -> String? {
    switch frame.slots[part.key] {
    case .value(let value)?:
      return TextExporter.printed(value, kind: part.kind, accessor: accessor, language: template.language, styles: template.styles) ?? ""
    case .date(let year, let month, let day)?:
      switch accessor {
      case "year": return year.map(String.init)
      case "month": return month.map(String.init)
      case "day": return day.map(String.init)
      default:
        guard let day, let date = PartialDate(year: year, month: month, day: day) else { return nil }
        return TextExporter.printed(.text(date.description), kind: .date, accessor: accessor, language: template.language, styles: template.styles)
      }
    default:
      return nil
    }
  }

  /// The value `span` gives a field through `accessor`, merged with what is read of it already (a date's parts);
  /// `nil` when it is no such value.
  private func parse(_ span: String, at range: Range<Int>, frame: DraftFrame, part: Part, accessor: String?) -> DraftFrame.Slot? {
    guard let kind = part.kind else { return nil }
    // An entry's optional title beside names (a group of 出席 printed as names alone: `王某、李某、張某等參加會議`)
    // ends as titles do, else the names are read without one: `王某、李某` is no title of 張某.
    if chinese, part.key == "title", !part.rules.required, frame.entry != nil,
      frame.parts.contains(where: { personKeys.contains($0.key) }), !Self.endsLikeTitle(Array(span.unicodeScalars)[...])
    {
      return nil
    }
    return parse(span, at: range, kind: kind, part: part, accessor: accessor, current: frame.slots[part.key])
  }

  private func parse(
    _ span: String, at range: Range<Int>, kind: Part.Kind, part: Part, accessor: String?, current: DraftFrame.Slot?
  ) -> DraftFrame.Slot? {
    switch kind {
    case .text, .choice:
      guard accessor == nil, plausible(span, at: range, part) else { return nil }
      if case .choice(let values, let open) = kind, !open, !values.contains(span) { return nil }
      return .value(.text(span))
    case .number, .count:
      guard span.unicodeScalars.count <= 12 else { return nil }
      let number: Int?
      switch accessor {
      case nil, "n": number = span.allSatisfy(\.isASCII) ? Int(span) : nil
      case "zh": number = span.allSatisfy({ !$0.isASCII }) ? ChineseNumeral.parse(span) : nil
      default: number = nil
      }
      return number.map { .value(.number($0)) }
    case .date:
      var (year, month, day): (Int?, Int?, Int?) = (nil, nil, nil)
      if case .date(let y, let m, let d)? = current { (year, month, day) = (y, m, d) }
      switch accessor {
      case "year":
        guard year == nil, span.count == 4, let n = Int(span) else { return nil }
        year = n
      case "month":
        guard month == nil, span.count <= 2, let n = Int(span), (1...12).contains(n) else { return nil }
        month = n
      case "day":
        guard day == nil, span.count <= 2, let n = Int(span), (1...31).contains(n) else { return nil }
        day = n
      default:
        guard current == nil, span.unicodeScalars.count <= Self.longestDate, let date = Self.date(span) else { return nil }
        return .value(.text(date.description))
      }
      return .date(year: year, month: month, day: day)
    case .time:
      // A time is short (`12:30 p.m.`): a longer span is not parsed at all, so that a long line is not parsed
      // once for each place it could end.
      guard span.unicodeScalars.count <= Self.longestTime, let time = Self.time(span) else { return nil }
      return .value(.text(time.description))
    case .yesno:
      return nil
    }
  }

  /// Whether `span`, the text's scalars `range`, could be a clerk's answer for `part`: no blanks around it, nothing
  /// its clean-up would have trimmed, no separator its list is split by.
  private func plausible(_ span: String, at range: Range<Int>, _ part: Part) -> Bool {
    // By scalars: a span can be long (a whole point), and its characters are not walked to look at its ends.
    guard let first = span.unicodeScalars.first, let last = span.unicodeScalars.last,
      !Self.isWhitespace(first), !Self.isWhitespace(last)
    else { return false }
    // The part's settings are read once: each read of `rendering` copies it (a tenth of an import's time, when it
    // was read for each test; the reader tries a span for each place it could end).
    let (rendering, cleanUp) = (part.rendering, part.cleanUp)
    if cleanUp.trimEnd.unicodeScalars.contains(last) || cleanUp.trimStart.unicodeScalars.contains(first) { return false }
    let scalars = span.unicodeScalars
    if !rendering.begins.isEmpty, !rendering.begins.contains(where: { scalars.starts(with: $0.unicodeScalars) }) { return false }
    if rendering.neverBegins.contains(where: { scalars.starts(with: $0.unicodeScalars) }) { return false }
    // Nor holds, after a `；`, a word it begins with: `要…；要…` is two points, whichever way the house joins them
    // (a house that numbers them prints a single point as it is, and would read the two as one).
    if chinese, !rendering.begins.isEmpty, holdsSemicolon(range),
      rendering.begins.contains(where: { span.includes("；" + $0) })
    {
      return false
    }
    if !rendering.ends.isEmpty, !rendering.ends.contains(where: { scalars.reversed().starts(with: $0.unicodeScalars.reversed()) }) {
      return false
    }
    // Nor one its part's pattern refuses (declared an error): the template says what such a value never is (a
    // body's name never holds a 。 or a ；, so it does not swallow the attendance printed after the header).
    if let pattern = part.rules.pattern, pattern.severity == .error, pattern.match(span) == .noMatch { return false }
    // An open choice (a meeting's kind: 常務會議, 院长办公会议) is a few words, never a sentence nor a clause:
    // `常務會議。副區長…出席會議` is the kind and the attendance after it, not a kind, and so is `…等参加会议；…列席会议`
    // (a clerk's trial: read as the kind, the attendance joined by ； was lost, and check said nothing).
    if case .field(.choice(_, isOpen: true)) = part.shape, scalars.contains(where: Self.clauseMarks.contains) { return false }
    // A Chinese name has two to four characters (a space may pad a two-character one: 王 芳); a longer one is
    // written with a middle dot (阿不都·熱合曼).
    // An English name starts with a capital (`pro tem Ana Ortiz` is no name: `pro tem` ends the office before it).
    // Nor ends in a mark that separates (`Rebecca Hollis,` where the template prints no comma after a name).
    if !chinese, nameKeys.contains(part.key), first.properties.isLowercase || ",;:".unicodeScalars.contains(last) { return false }
    // A Chinese title has two characters or more (`黃` is no title of `黃啟文、林志成等參加會議`), holds no `，` (a
    // chain of titles is joined by `、`), and no group before `和`: a title and a name then 和
    // (`區長助理袁立新和區政府辦公室主任` is two groups, the last after 和), where a title's own 和 follows no name
    // (`區住房和城鄉建設局局長`).
    if chinese, part.key == "title" {
      if scalars.count < 2 || scalars.contains(where: { "，,；;。".unicodeScalars.contains($0) }) { return false }
      // Nor the words that end a group's sentence (`出席會議`, `列席`): `副区长李静、王国栋出席会议并讲话，…列席会议`, in a
      // form no house style prints, was read as one group of 列席 titled `副区长李静、王国栋出席会议`, exit 0 (a clerk's
      // trial); the line is now set aside and reported.
      if Self.attendanceVerbs.contains(where: { span.includes($0) }) { return false }
      let characters = Array(scalars)
      for index in characters.indices where characters[index] == "和" {
        let before = characters[..<index]
        if (2...4).contains(where: { before.count > $0 && Self.endsLikeTitle(before.dropLast($0)) }) { return false }
      }
    }
    // By scalars: the span tried may be the rest of a long line, tried again for every way of reading before it.
    if chinese, personKeys.contains(part.key), !scalars.contains("·"), !scalars.allSatisfy(\.isASCII) {
      var letters = 0
      for scalar in scalars where !Self.isWhitespace(scalar) {
        letters += 1
        if letters > 4 { return false }
      }
      guard letters >= 2 else { return false }
      // Nor ends in 等, which follows the last name of a list cut short (`王某、李某等參加會議`), nor holds a mark
      // that parts names or groups (`，區住房` of `副區長王建國，區住房和城鄉建設局局長李明德`).
      if span.hasSuffix("等") || scalars.contains(where: Self.nameStops.contains) { return false }
      // Nor the words after a group (`席会议` of `…主任葛素云出席会议`, read as a name when no house style printed the
      // line: a clerk's trial), which no name holds.
      if Self.attendanceVerbs.contains(where: { span.includes($0) }) || span.includes("会议") || span.includes("會議") { return false }
      // Nor begins with a title's last word: `助理彭海` of `區長助理彭海` is the end of the title 區長助理 and a name.
      if Self.titleEndingScalars.contains(where: { $0.count >= 2 && scalars.starts(with: $0) }) { return false }
    }
    // Nor opens a parenthesis it does not close, or closes one it did not open: `Annette Beauchamp (resident` is
    // no entry of `Guests: …, Annette Beauchamp (resident, Orchard Lane)`, whose list is joined by `, ` (a
    // clerk's answer with such a mark is the error `marks.unbalanced`).
    return !hasUnbalancedParenthesis(range)
  }

  /// The words that say a group attended, which no title holds (a 纪要 heads its lines with 出席 and 列席; the
  /// reports' `……出席會議`, `……列席會議`, `……參加會議`), in both scripts.
  static let attendanceVerbs = ["出席", "列席", "参加会议", "參加會議"]

  /// Whether the text's scalars `range` hold a `；`: found among the text's `；`s, rather than by scanning the span
  /// (each span a reader tries was scanned whole: 3% of an import).
  private func holdsSemicolon(_ range: Range<Int>) -> Bool {
    var (low, high) = (0, semicolons.count)
    while low < high {
      let middle = (low + high) / 2
      if semicolons[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    return low < semicolons.count && semicolons[low] < range.upperBound
  }

  /// Where the text has a `；`, in order.
  private lazy var semicolons: [Int] = text.indices.filter { text[$0] == "；" }

  /// Whether the text's scalars `range` have a `(` or `（` not closed, or a `)` or `）` not opened. The reader tries the spans from one place
  /// shortest first (each place a value could end), so the scan of the last span from the same start is carried
  /// on rather than begun again: the spans from one start cost one scan of the longest, where each was scanned
  /// whole (a twentieth of an import).
  func hasUnbalancedParenthesis(_ range: Range<Int>) -> Bool {
    if parenthesisScan.start != range.lowerBound || parenthesisScan.end > range.upperBound {
      parenthesisScan = (range.lowerBound, range.lowerBound, 0)
    }
    var (end, depth) = (parenthesisScan.end, parenthesisScan.depth)
    while depth >= 0, end < range.upperBound {
      switch text[end] {
      case "(", "（": depth += 1
      case ")", "）": depth -= 1
      default: break
      }
      end += 1
    }
    // A close with no open stops the scan: every longer span from this start has it too.
    parenthesisScan = (range.lowerBound, end, depth)
    return depth != 0
  }

  /// Where ``hasUnbalancedParenthesis(_:)`` last scanned: from `start` to `end`, the depth there
  /// (negative once a parenthesis closed that was not open).
  private var parenthesisScan = (start: -1, end: -1, depth: 0)

  /// Whether `scalar` has Unicode's White_Space property (PropList.txt, a list that is stable: 25 scalars), told
  /// without looking the property up: the reader asks it of every character of the spans it tries.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// The longest spans read as a time (`12:30 p.m.`, `下午3時30分`) and as a date (`Wednesday, September 30, 2025`).
  static let longestTime = 16
  static let longestDate = 40

  /// A date as an export prints it: `2024-05-14`, `May 14, 2024`, `Tuesday, May 14, 2024`, `14 May 2024`,
  /// `05/14/2024`, `2024年5月14日`, `5月14日`.
  static func date(_ span: String) -> PartialDate? {
    if let date = PartialDate(parsing: span) { return date }
    var words = span.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
    if let first = words.first, ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].contains(first) {
      words.removeFirst()
    }
    guard words.count == 3 else {
      if words.count == 1, let numeric = Self.numericDate(words[0]) { return numeric }
      return nil
    }
    let months = Template.DateStyle.months
    if let month = months.firstIndex(of: words[0]), let day = Int(words[1]), let year = Int(words[2]) {
      return MeetingDate(year: year, month: month + 1, day: day).map(PartialDate.init)
    }
    if let month = months.firstIndex(of: words[1]), let day = Int(words[0]), let year = Int(words[2]) {
      return MeetingDate(year: year, month: month + 1, day: day).map(PartialDate.init)
    }
    return nil
  }

  private static func numericDate(_ word: String) -> PartialDate? {
    let parts = word.split(separator: "/").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return MeetingDate(year: parts[2], month: parts[0], day: parts[1]).map(PartialDate.init)
  }

  /// A time as an export prints it: `19:02`, `7:02 p.m.`, `7:02pm`, `12:00 noon`, `12:00 midnight`.
  static func time(_ span: String) -> MeetingTime? {
    let lowered = span.lowercased()
    if lowered.hasSuffix("noon") { return MeetingTime(parsing: String(span.dropLast(4)).trimmingCharacters(in: .whitespaces) + " p.m.") }
    if lowered.hasSuffix("midnight") { return MeetingTime(hour: 0, minute: 0) }
    return MeetingTime(parsing: span)
  }

  /// The ends of the spans a value starting at `position` may have, in the order to try them: within the line;
  /// before the literal that follows it in the template, when one does; else where a literal of the template
  /// could start. Two values printed side by side (`{{title}}{{names}}`) in a Chinese template are split where a
  /// title ends and a name of the usual length begins (the template's `roles` say which parts are names).
  private func ends(from position: Int, before following: MustacheShape?, key: String) -> [Int] {
    let candidates = candidateEnds(from: position, before: following, key: key)
    // A value before a name (`{{office}} {{name}}`) likeliest ends where a name the text gives elsewhere begins:
    // the first such name, and of the names that end together the shortest: `Board President` before `Yolanda
    // Marsh`, not `Board` before `President Yolanda Marsh` (which `Presiding: Village President Harold Quist` may
    // give twice too); `Chair pro tem` before `Ana Ortiz, in the absence of Chair Wendell Hart`.
    if !chinese, !namesGivenTwice.isEmpty, !nameKeys.contains(key), case .text(let literal)? = following {
      let named = candidates.compactMap { end -> (end: Int, nameEnd: Int)? in
        givesName(at: end + literal.count) ? capitalizedRun(from: end + literal.count).map { (end, $0) } : nil
      }
      if !named.isEmpty {
        let first = named.sorted { ($0.nameEnd, -$0.end) < ($1.nameEnd, -$1.end) }.map(\.end)
        return first + candidates.filter { !first.contains($0) }
      }
    }
    // An English name is likeliest the run of capitalized words that starts here (`Wesley Tan` of `Amendment by
    // Wesley Tan to phase in…`), where the template's next words do not say where it ends.
    guard !chinese, nameKeys.contains(key), let run = capitalizedRun(from: position), let index = candidates.firstIndex(of: run) else {
      return candidates
    }
    return [run] + candidates[..<index] + candidates[(index + 1)...]
  }

  /// Whether a name the text gives at least twice starts at `position` and runs to the end of its run.
  private func givesName(at position: Int) -> Bool {
    guard position < text.count, Self.isUppercase(text[position]), let end = capitalizedRun(from: position) else { return false }
    return namesGivenTwice.contains(Array(text[position..<end]))
  }

  /// The end of the run of capitalized words (`Ana Ortiz`, `J. R. Baptiste-Lowe`) that starts at `position`;
  /// `nil` when no capitalized word starts there.
  private func capitalizedRun(from position: Int) -> Int? { Self.capitalizedRun(in: text, from: position) }

  /// `scalar.properties.isUppercase`, answered without Unicode's property tables for ASCII and for the CJK blocks,
  /// where no scalar is uppercase (a published Chinese text is read for capitalized names by every English
  /// template tried on it, scalar by scalar). `TextReaderTests` compares the two over every scalar.
  static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x80: return (0x41...0x5A).contains(scalar.value)
    case 0x2E80...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF20: return false
    default: return scalar.properties.isUppercase
    }
  }

  private static func capitalizedRun(in text: [Unicode.Scalar], from position: Int) -> Int? {
    var index = position
    var end: Int?
    while index < text.count, Self.isUppercase(text[index]) {
      while index < text.count, text[index].properties.isAlphabetic || ".'’-".unicodeScalars.contains(text[index]) { index += 1 }
      end = index
      guard index + 1 < text.count, text[index] == " ", Self.isUppercase(text[index + 1]) else { break }
      index += 1
    }
    return end
  }

  private func candidateEnds(from position: Int, before following: MustacheShape?, key: String) -> [Int] {
    let lineEnd = self.lineEnd(after: position)
    guard position < lineEnd else { return [] }
    switch following {
    case .text(let literal)?:
      guard let first = literal.first else { return Array(position + 1...lineEnd) }
      if first == "\n" { return [lineEnd] }
      var ends: [Int] = []
      var index = position + 1
      while index < lineEnd {
        if text[index] == first, literalFits(index, literal) {
          ends.append(index)
        } else if let rest = markLeftOut(literal, at: index), literalFits(index, rest) {
          // Where the export left the literal's first mark out (after `！`, or `。”`).
          ends.append(index)
        }
        index += 1
      }
      // The same at the line's end: `…“穩中求進。”` ends its paragraph where the template prints `。` and a line end.
      if let rest = markLeftOut(literal, at: lineEnd), rest.first.map({ $0 == "\n" }) ?? true, literalFits(lineEnd, rest) {
        ends.append(lineEnd)
      }
      return ends
    case .value(let name)? where name.function == nil:
      let all = besideValue(from: position, lineEnd: lineEnd)
      let nextKey = name.path.last ?? ""
      let (leftIsName, rightIsName) = (personKeys.contains(key), personKeys.contains(nextKey))
      if !leftIsName, !rightIsName, let separator = joins[nextKey] {
        return byEntryLength(all, from: position, lineEnd: lineEnd, separator: separator)
      }
      guard chinese else { return all }
      // Where the value on the right stops (a name stops at a mark), for each end: one pass from the right.
      let horizon = min(lineEnd, all[all.count - 1] + Self.longestBesideValue)
      var stops = [Int](repeating: horizon, count: horizon - position + 1)
      var stop = horizon
      for index in stride(from: horizon - 1, to: position, by: -1) {
        if Self.nameStops.contains(text[index]) { stop = index }
        stops[index - position] = stop
      }
      let ranks = Dictionary(uniqueKeysWithValues: all.map { end in
        (end, rank(end, stop: end <= horizon ? stops[end - position] : end, from: position, leftIsName: leftIsName, rightIsName: rightIsName))
      })
      return all.sorted { ranks[$0]!.lexicographicallyPrecedes(ranks[$1]!) }
    case .section(_, _, let body)? where Self.startsWithValue(body):
      // A section that starts with a value (`{{#term}}{{term.zh}}屆{{/term}}`) may start anywhere.
      return besideValue(from: position, lineEnd: lineEnd)
    default:
      var ends: [Int] = []
      var index = Int(nextLiteralStart[position + 1])
      while index < lineEnd {
        ends.append(index)
        index = Int(nextLiteralStart[index + 1])
      }
      return ends + [lineEnd]
    }
  }

  /// The most characters a value printed right before another value (or a section that starts with one) is
  /// read as, short of the rest of its line: only the template's own words say where a longer one ends.
  static let longestBesideValue = 256

  /// The ends of a value printed right before another: every position up to ``longestBesideValue`` characters
  /// on, then the end of the line.
  private func besideValue(from position: Int, lineEnd: Int) -> [Int] {
    let last = min(lineEnd, position + Self.longestBesideValue)
    return Array(position + 1...last) + (last < lineEnd ? [lineEnd] : [])
  }

  /// What follows a value, for where it may end: the next shape, or, past sections that may print nothing and
  /// start with words of their own, the value after them (`{{body}}{{#number}}第{{number}}次{{/number}}{{kind}}`:
  /// without a number, the body ends where the kind begins, anywhere).
  ///
  /// A value that ends its section is followed by what the starts of the template's words allow, unless
  /// `pastSection` (the section is no entry of a list, which may start again): then by what follows the section
  /// (`{{#chair.title}}…主持召開{{shortBody}}{{/chair.title}}{{#number}}…{{/number}}{{kind}}`: the short body ends
  /// where the kind begins, 學院 of 學院院長辦公會議, not at the next word of the template's own).
  static func following(_ rest: ArraySlice<MustacheShape>, after: [ArraySlice<MustacheShape>] = [], pastSection: Bool = false) -> MustacheShape? {
    guard let first = rest.first else {
      guard pastSection, let outer = after.last(where: { !$0.isEmpty }) else { return nil }
      return following(outer)
    }
    if case .section = first {} else { return first }
    // Past the sections that may print nothing, here and then out of the sections around (`{{kind}}` after the
    // label's sections).
    for slice in [rest] + after.reversed() {
      for shape in slice {
        switch shape {
        case .section: continue
        case .value: return shape
        case .text: return rest.first ?? shape
        }
      }
    }
    return rest.first
  }

  /// Whether `shapes` print a value before any text of their own.
  static func startsWithValue(_ shapes: [MustacheShape]) -> Bool {
    switch shapes.first {
    case .value?: true
    case .section(_, _, let body)?: startsWithValue(body) || startsWithValue(Array(shapes.dropFirst()))
    default: false
    }
  }

  private func literalFits(_ index: Int, _ literal: [Unicode.Scalar]) -> Bool {
    guard index + literal.count <= text.count else { return false }
    for offset in literal.indices where text[index + offset] != literal[offset] { return false }
    return true
  }

  private func lineEnd(after position: Int) -> Int {
    var low = 0, high = lineEnds.count
    while low < high {
      let middle = (low + high) / 2
      if lineEnds[middle] < position { low = middle + 1 } else { high = middle }
    }
    return low < lineEnds.count ? lineEnds[low] : text.count
  }

  /// How likely a split of two Chinese values printed side by side at `end` is (lower first): a title ends in a
  /// word titles end in (長, 主任, 委員…), and a name has three characters, or two, or four.
  /// `stop` is where the value on the right stops (the first of ``nameStops`` from `end`).
  private func rank(_ end: Int, stop: Int, from position: Int, leftIsName: Bool, rightIsName: Bool) -> [Int] {
    let left = text[position..<end]
    let right = text[end..<stop]
    func nameRank(_ length: Int) -> Int { [3: 0, 2: 1, 4: 2][length] ?? 3 }
    if rightIsName {
      return [Self.endsLikeTitle(left) ? 0 : 1, nameRank(right.count), left.count]
    }
    if leftIsName {
      // The name first (王磊代區長): the title is the longest that starts as titles do (代, 副, 區…).
      return [right.first.map { Self.titleStarts.contains($0) } == true ? 0 : 1, Self.endsLikeTitle(right) ? 0 : 1, -right.count, nameRank(left.count)]
    }
    return [left.count]
  }

  /// The ends of a value printed right before a list joined by `separator` (`會議就{{scope}}{{topics}}等…`): the
  /// list's first entry taken about as long as its other entries are (their lower median), then the shorter value.
  private func byEntryLength(_ ends: [Int], from position: Int, lineEnd: Int, separator: Unicode.Scalar) -> [Int] {
    let cuts = (position..<lineEnd).filter { text[$0] == separator }
    guard cuts.count >= 2 else { return ends }
    let lengths = zip(cuts, cuts.dropFirst()).map { $1 - $0 - 1 }.sorted()
    let median = lengths[(lengths.count - 1) / 2]
    return ends.sorted { a, b in
      let (da, db) = (abs(cuts[0] - a - median), abs(cuts[0] - b - median))
      return da != db ? da < db : a < b
    }
  }

  /// How Chinese titles end (區長, 副主任, 委員, 區委常委, 人大代表, 有關部門負責同志, 區領導, 總工程師…), in both scripts.
  static let titleEndings: [String] = [
    "長", "长", "主任", "委員", "委员", "常委", "代表", "書記", "书记", "同志", "主席", "經理", "经理", "總監", "总监",
    "成員", "成员", "幹部", "干部", "助理", "專員", "专员", "顧問", "顾问", "教授", "老師", "老师",
    "律師", "律师", "記者", "记者", "負責人", "负责人", "人員", "人员", "官", "主管", "委員會", "委员会", "調研員", "调研员",
    "巡視員", "巡视员", "督導", "督导", "領導", "领导", "師", "师",
  ]

  /// Whether `scalars` end as a title does, and are more than the ending alone (`長` is no title, `區長` is).
  private static func endsLikeTitle(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    titleEndingScalars.contains { ending in
      scalars.count >= ending.count && scalars.suffix(ending.count).elementsEqual(ending) && (scalars.count > ending.count || ending.count >= 2)
    }
  }
  private static let titleEndingScalars = titleEndings.map { Array($0.unicodeScalars) }
  /// How Chinese titles start (代區長, 副區長, 區委書記, 常務副市長, 黨組書記…), in both scripts.
  static let titleStarts: Set<Unicode.Scalar> = Set("代副區区縣县市鎮镇鄉乡省黨党委常主書书秘局院校總总部處处廳厅".unicodeScalars)

  /// The marks that end a sentence, which no entry of a list printed inline holds.
  static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？"]
  /// The marks that end a sentence or a clause, which no open choice (a meeting's kind) holds.
  static let clauseMarks: Set<Unicode.Scalar> = sentenceEnds.union(["；", "，"])

  /// The characters that end the words a label or a joint meeting puts before a meeting's kind (`第3次`, `十屆`,
  /// `2024年`, `暨`, `和`, digits and Chinese numerals): an open kind whose words before a known kind end so is
  /// that kind after them.
  static let labelEnds: Set<Character> = Set("次屆届期年暨和及0123456789一二三四五六七八九十百零〇")

  static let nameStops: Set<Unicode.Scalar> = Set("、，,；;。\n（(".unicodeScalars)

  /// A choice's phrase, rendered over the record that holds the choice: each value with a phrase is tried in
  /// turn where the choice is not read yet.
  private func phrase(_ frame: DraftFrame, _ part: Part, _ position: Int, _ next: Next) -> Bool {
    let env = Env(frames: [frame])
    if case .value(let value)? = frame.slots[part.key] {
      guard let phrase = part.rendering.phrase(of: value.scalarText ?? ""), !phrase.isEmpty else { return next(position) }
      return match(shape(phrase)[...], position, env, next)
    }
    if frame.slots[part.key] == nil, frame.facts[part.key]?.contains(.unset) != true {
      let mark = trail.count
      for (value, phrase) in part.rendering.phrases where !phrase.isEmpty && frame.allows(part, value) {
        set(frame, part.key, .value(.text(value)))
        if match(shape(phrase)[...], position, env, next) { return true }
        undo(to: mark)
      }
    }
    return next(position)
  }

  /// An entry of a list of values (`{{.}}` in a section over the list).
  private func element(
    _ frame: DraftFrame, _ part: Part, _ index: Int, _ accessor: String?, before following: MustacheShape?,
    _ position: Int, _ next: Next
  ) -> Bool {
    // The entry alone is taken out: a copy of the list held here would make setting the entry copy it.
    func entry() -> Value?? {
      guard case .values(let values)? = frame.slots[part.key], index < values.count else { return nil }
      return .some(values[index])
    }
    guard let current = entry(), let kind = part.kind else { return false }
    if let value = current {
      let printed = TextExporter.printed(value, kind: kind, accessor: accessor, language: template.language, styles: template.styles) ?? ""
      return literal(printed, position, next)
    }
    let mark = trail.count
    for end in ends(from: position, before: following, key: part.key) {
      let span = span(position..<end)
      guard case .value(let value)? = parse(span, at: position..<end, kind: kind, part: part, accessor: accessor, current: nil),
        TextExporter.printed(value, kind: kind, accessor: accessor, language: template.language, styles: template.styles) == span
      else { continue }
      setEntry(of: frame, part.key, index, to: value)
      if next(end) { return true }
      undo(to: mark)
    }
    return false
  }

  /// A list printed joined (`{{present}}`): its values split at its `join` separator, or its records read each
  /// with `join.entry` (or as their title), the entries apart by `separator` or `single`.
  private func joined(_ frame: DraftFrame, _ part: Part, _ position: Int, _ next: Next, before following: MustacheShape?) -> Bool {
    let join = part.rendering.join ?? Part.Join(separator: "")
    let separators = [join.separator] + (join.single.map { [$0] } ?? []).filter { $0 != join.separator }
    switch (part.shape, frame.slots[part.key]) {
    case (_, .values(let values)?):
      let printed = values.compactMap { $0 }.map {
        TextExporter.printed($0, kind: part.kind, accessor: nil, language: template.language, styles: template.styles) ?? ""
      }
      return literal(printed.joined(separator: join.separator), position, next)
    case (_, .records(let entries)?):
      return boundEntries(entries, part: part, join: join, separators: separators, 0, position, next)
    case (.list(let list), nil):
      if frame.facts[part.key]?.contains(.entries(false)) == true || frame.facts[part.key]?.contains(.unset) == true {
        return next(position)
      }
      // Within an entry of a list, a list the entry requires is printed with it (the names of a group of 出席):
      // an entry read without it, its title taking the names, is no entry the clerk could have typed.
      let needsEntries = frame.facts[part.key]?.contains(.entries(true)) == true || (frame.entry != nil && part.rules.required)
      // A list followed on its line by the template's words (`{{present}}出席會議。`) is read only on a line
      // that has them.
      if case .text(let literal)? = following, let first = literal.first, first != "\n" {
        let words = Array(literal.prefix { $0 != "\n" })
        let lineEnd = self.lineEnd(after: position)
        guard (position..<lineEnd).contains(where: { text[$0] == first && literalFits($0, words) }) else {
          return needsEntries ? false : next(position)
        }
      }
      let mark = trail.count
      switch list.entries {
      case .values(let kind):
        set(frame, part.key, .values([]))
        if joinedValues(frame, part, kind: kind, separator: join.separator, position, next, before: following) { return true }
      case .records(let records):
        set(frame, part.key, .records([]))
        let entry = shape(join.entry ?? "{{\(part.titleKey ?? "")}}")
        if joinedRecords(frame, part, records.parts, entry: entry, separators: separators, 0, position, next) { return true }
      }
      undo(to: mark)
      return needsEntries ? false : next(position)
    default:
      return false
    }
  }

  private func joinedValues(
    _ frame: DraftFrame, _ part: Part, kind: Part.Kind, separator: String, _ position: Int, _ next: Next,
    before following: MustacheShape?
  ) -> Bool {
    guard case .values(let values)? = frame.slots[part.key] else { return false }
    let separatorScalars = Array(separator.unicodeScalars)
    let lineEnd = self.lineEnd(after: position)
    guard position < lineEnd else { return false }
    let mark = trail.count
    // The entry ends before a separator, or where the list may end.
    var ends = Set(self.ends(from: position, before: following, key: part.key))
    if !separatorScalars.isEmpty {
      for index in position + 1..<lineEnd where literalFits(index, separatorScalars) { ends.insert(index) }
    }
    // An entry holds no separator outside parentheses: no end past the first one (found once, not looked for in
    // every span).
    let furthest = max(position, ends.max() ?? position)
    let firstSeparator = separatorScalars.isEmpty ? nil : firstOutsideParentheses(separatorScalars, in: position..<furthest)
    for end in ends.sorted() {
      if let firstSeparator, end >= firstSeparator + separatorScalars.count { break }
      let span = span(position..<end)
      guard case .value(let value)? = parse(span, at: position..<end, kind: kind, part: part, accessor: nil, current: nil) else { continue }
      set(frame, part.key, .values(values + [value]))
      if !separatorScalars.isEmpty, literalFits(end, separatorScalars),
        joinedValues(frame, part, kind: kind, separator: separator, end + separatorScalars.count, next, before: following)
      {
        return true
      }
      if next(end) { return true }
      undo(to: mark)
    }
    return false
  }

  /// Where `literal` first fits in `range` outside parentheses (`(…)`, `（…）`, counted from the range's start);
  /// `nil` when it does not.
  private func firstOutsideParentheses(_ literal: [Unicode.Scalar], in range: Range<Int>) -> Int? {
    var depth = 0
    for index in range {
      switch text[index] {
      case "(", "（": depth += 1
      case ")", "）": depth = max(0, depth - 1)
      default: if depth == 0, literalFits(index, literal) { return index }
      }
    }
    return nil
  }

  private func joinedRecords(
    _ frame: DraftFrame, _ part: Part, _ parts: [Part], entry: [MustacheShape], separators: [String], _ index: Int,
    _ position: Int, _ next: Next, used: [String] = []
  ) -> Bool {
    guard case .records(let entries)? = frame.slots[part.key] else { return false }
    let mark = trail.count
    let record = DraftFrame(parts: parts, entry: index + 1)
    set(frame, part.key, .records(entries + [record]))
    let separator = separators.first.map { Array($0.unicodeScalars) } ?? []
    let found = match(entry[...], position, Env(frames: [record])) { [self] end in
      // An entry holds no end of a sentence, nor the separator between entries (`，`) outside parentheses (within
      // them it is the entry's own: `Annette Beauchamp (resident, Orchard Lane)`): a group of 出席 is never
      // `常務副區長司馬青雲，副區長`, nor runs on into the next sentence.
      guard end > position, !(position..<end).contains(where: { Self.sentenceEnds.contains(text[$0]) }) else { return false }
      if !separator.isEmpty, let cut = firstOutsideParentheses(separator, in: position..<end), cut + separator.count <= end {
        return false
      }
      for separator in separators where !separator.isEmpty {
        let scalars = Array(separator.unicodeScalars)
        if literalFits(end, scalars),
          joinedRecords(frame, part, parts, entry: entry, separators: separators, index + 1, end + scalars.count, next, used: used + [separator])
        {
          return true
        }
      }
      // The entries apart as the export parts them: by `single` when each has one value in each of its lists, else
      // by `separator` (a reading that mixes them prints otherwise, and is not tried further).
      if separators.count > 1, !used.isEmpty, case .records(let all)? = frame.slots[part.key] {
        let lists = parts.filter { if case .list = $0.shape { true } else { false } }.map(\.key)
        let allSingle = all.allSatisfy { entry in
          lists.allSatisfy { key in if case .values(let values)? = entry.slots[key] { values.count == 1 } else { false } }
        }
        let expected = allSingle ? separators[1] : separators[0]
        guard used.allSatisfy({ $0 == expected }) else { return false }
      }
      return next(end)
    }
    if found { return true }
    undo(to: mark)
    return false
  }

  private func boundEntries(
    _ entries: [DraftFrame], part: Part, join: Part.Join, separators: [String], _ index: Int, _ position: Int, _ next: Next
  ) -> Bool {
    guard index < entries.count else { return next(position) }
    let entry = shape(join.entry ?? "{{\(part.titleKey ?? "")}}")
    return match(entry[...], position, Env(frames: [entries[index]])) { [self] end in
      if index == entries.count - 1 { return next(end) }
      for separator in separators {
        let scalars = Array(separator.unicodeScalars)
        if literalFits(end, scalars), boundEntries(entries, part: part, join: join, separators: separators, index + 1, end + scalars.count, next) {
          return true
        }
      }
      return false
    }
  }

  // MARK: - Sections

  private func section(
    _ name: MustacheShape.Name, inverted: Bool, body: [MustacheShape], _ position: Int, _ env: Env, _ next: Next
  ) -> Bool {
    // Prints the body when `shown`: a branch the reading takes.
    func branchIn(_ shown: Bool, _ inner: Env) -> Bool {
      shown ? match(body[...], position, inner, next) : next(position)
    }
    func branch(_ shown: Bool) -> Bool { branchIn(shown, env) }
    if let function = name.function {
      switch function {
      case "first":
        guard let loop = env.loop else { return branch(inverted) }
        return branch((loop.index == 0) != inverted)
      case "last":
        guard let isLast = env.loop?.isLast else { return false }
        return branch(isLast != inverted)
      case "empty", "count", "adopted":
        guard case .list(let frame, let part) = resolve(name.path, env) else { return branch(function == "empty" ? !inverted : inverted) }
        return listTest(frame, part, function: function, inverted: inverted, branch)
      default:
        guard case .field(let frame, let part, _) = resolve(name.path, env) else { return branch(inverted) }
        return truth(frame, part, nil, inverted: inverted, body: body, at: position, branch)
      }
    }
    switch resolve(name.path, env) {
    case .missing: return branch(inverted)
    case .literal(let string): return branch(string.isEmpty == inverted)
    case .element(let frame, let part, let index, _):
      guard case .values(let values)? = frame.slots[part.key], index < values.count else { return false }
      return branch((values[index] != nil) != inverted)
    case .group(let frame, let part):
      guard case .group(let group) = part.shape else { return false }
      if inverted {
        if case .group(let inner)? = frame.slots[part.key], !inner.slots.isEmpty { return next(position) }
        return branch(true)
      }
      let mark = trail.count
      let inner = groupFrame(frame, part, group.parts)
      var entered = env
      entered.frames.append(inner)
      entered.dot = nil
      if match(body[...], position, entered, next) { return true }
      undo(to: mark)
      return false
    case .list(let frame, let part):
      if inverted { return listTest(frame, part, function: "empty", inverted: false, branch) }
      return loop(frame, part, body: body, position, env, next)
    case .field(let frame, let part, let accessor):
      var inner = env
      if accessor == nil || accessor == "phrase" { inner.dot = .field(frame, part, accessor) }
      // On the first line, a house style other than the default is a reading of its own only where its section
      // prints something there: taken with nothing to print (`{{#house.attendance.inline}}` before a first
      // line's end, where no attendance is), it shows nothing the default does not, and would crowd the likelier
      // readings out of those kept. A choice already taken on the line is what it is wherever it shows nothing
      // (`{{#house.combine.semicolon}}{{#empty(present)}}…` after the 列席 it joined).
      let unseen = stopAt != nil && !inverted && part.rendering.defaultValue.map { $0 != accessor } == true && accessor != "phrase"
        && frame.slots[part.key] == nil
      return truth(frame, part, accessor, inverted: inverted, body: body, at: position) { shown in
        guard unseen, shown else { return branchIn(shown, inner) }
        return match(body[...], position, inner) { end in end > position && next(end) }
      }
    }
  }

  /// A section over a list's test: `empty(list)`, `count(list)` (set when it has entries), `adopted(list)`.
  private func listTest(_ frame: DraftFrame, _ part: Part, function: String, inverted: Bool, _ branch: (Bool) -> Bool) -> Bool {
    var count: Int?
    switch frame.slots[part.key] {
    case .records(let entries)?: count = entries.count
    case .values(let values)?: count = values.count
    default: count = nil
    }
    if function == "adopted" {
      // Whether an amendment was adopted: noted, for the draft to say so where no disposition read does (see
      // DraftFrame); the final comparison with the export decides, and both are tried.
      let mark = trail.count
      for shown in [true, false] {
        note(frame, part.key, .adopted(shown != inverted))
        if branch(shown) { return true }
        undo(to: mark)
      }
      return false
    }
    let emptyMeansShown = (function == "empty") != inverted
    if let count { return branch((count == 0) == emptyMeansShown) }
    if frame.facts[part.key]?.contains(.entries(false)) == true || frame.facts[part.key]?.contains(.unset) == true {
      return branch(emptyMeansShown)
    }
    if frame.facts[part.key]?.contains(.entries(true)) == true { return branch(!emptyMeansShown) }
    let mark = trail.count
    // The body printed first: the text is likelier to hold it than not.
    note(frame, part.key, .entries(!emptyMeansShown))
    if branch(true) { return true }
    undo(to: mark)
    note(frame, part.key, .entries(emptyMeansShown))
    if branch(false) { return true }
    undo(to: mark)
    return false
  }

  /// A section over a field: `{{#lead}}`, `{{#date.year}}`, `{{#house.label.short}}`, `{{#verb.phrase}}`,
  /// `{{#otherMatters}}`; decided where the field is read, else both ways, the body first.
  private func truth(
    _ frame: DraftFrame, _ part: Part, _ accessor: String?, inverted: Bool, body: [MustacheShape], at position: Int,
    _ branch: (Bool) -> Bool
  ) -> Bool {
    let isChoice: Bool
    if case .field(.choice) = part.shape { isChoice = true } else { isChoice = false }
    let value: Value? = {
      if case .value(let value)? = frame.slots[part.key] { return value }
      return nil
    }()
    // What is known.
    if let known = known(frame, part, accessor, value: value, isChoice: isChoice) { return branch(known != inverted) }
    let mark = trail.count
    // An optional value is read as not set wherever the text allows it: `{{#lead}}` is taken only when what
    // follows cannot be read without it.
    // A house choice is read as its default wherever the text allows it: a section over another value is tried
    // not taken first (a report that prints no attendance shows nothing of where it would go).
    var order = [true, false]
    if isChoice, part.rendering.defaultValue != nil, let accessor, accessor != "phrase" {
      let isDefault = accessor == part.rendering.defaultValue
      if isDefault == inverted { order = [false, true] }
      // Unless the words the section prints first are on this line (`出席會議。` where attendance is printed
      // at the start): what the first line did not show is then likelier shown here, and reading the other way
      // first can lose itself in the line before it comes back.
      if order == [false, true], !inverted, firstWordsOnThisLine(body, from: position) {
        order = [true, false]
      }
    } else if !isChoice || accessor == nil, part.kind != .yesno, !(part.kind == .date && accessor != nil),
      case .value? = body.first
    {
      // A section that starts with the value itself (`{{#lead}}{{lead}}。{{/lead}}`) could take any words, and
      // is read as not set first; one introduced by its own words (`{{#term}}第{{term.zh}}屆{{/term}}`) is read
      // where those words are.
      order = inverted ? [true, false] : [false, true]
    }
    for shown in order {
      let holds = shown != inverted
      if assume(frame, part, accessor, holds: holds, isChoice: isChoice), branch(shown) { return true }
      undo(to: mark)
    }
    return false
  }

  /// The first literal `shapes` print, past the values and into the sections before it, up to its line's end;
  /// `nil` when they print none.
  static func firstWords(_ shapes: [MustacheShape]) -> [Unicode.Scalar]? {
    for shape in shapes {
      switch shape {
      case .text(let literal):
        let words = Array(literal.prefix { $0 != "\n" })
        if !words.isEmpty { return words }
      case .section(_, _, let body): if let words = firstWords(body) { return words }
      case .value: continue
      }
    }
    return nil
  }

  /// Whether the words `body` prints first are on the line of `position`: its first literal, when it has two
  /// characters or more; else the first words of any of its branches that have (`{{present}}` joined one way or
  /// another, then `出席會議` or `參加會議`).
  private func firstWordsOnThisLine(_ body: [MustacheShape], from position: Int) -> Bool {
    if let words = Self.firstWords(body), words.count >= 2 { return onThisLine(words, from: position) }
    return Self.firstWordsOfEachBranch(body[...]).contains { $0.count >= 2 && onThisLine($0, from: position) }
  }

  /// The first literal of each way through `shapes` (each section taken or skipped, values passed over), up to
  /// its line's end.
  static func firstWordsOfEachBranch(_ shapes: ArraySlice<MustacheShape>) -> [[Unicode.Scalar]] {
    var found: [[Unicode.Scalar]] = []
    for shape in shapes {
      switch shape {
      case .text(let literal):
        let words = Array(literal.prefix { $0 != "\n" })
        if !words.isEmpty {
          found.append(words)
          return found
        }
      case .value:
        continue
      case .section(_, _, let body):
        found += firstWordsOfEachBranch(body[...])
      }
    }
    return found
  }

  /// Whether `words` are in the text on the line of `position`, at or after it.
  private func onThisLine(_ words: [Unicode.Scalar], from position: Int) -> Bool {
    let end = lineEnd(after: position)
    guard end - position >= words.count else { return false }
    return (position...(end - words.count)).contains { literalFits($0, words) }
  }

  private func known(_ frame: DraftFrame, _ part: Part, _ accessor: String?, value: Value?, isChoice: Bool) -> Bool? {
    let facts = frame.facts[part.key] ?? []
    if let value {
      if part.kind == .yesno { return value.flag == true || value.text == "true" }
      if isChoice, let accessor {
        let text = value.scalarText ?? ""
        if accessor == "phrase" { return part.rendering.phrase(of: text)?.isEmpty == false }
        return text == accessor
      }
      return (printed(frame, part, accessor) ?? "").isEmpty == false
    }
    if case .date(let year, let month, _)? = frame.slots[part.key] {
      switch accessor {
      case "year": if year != nil { return true }
      case "month": if month != nil { return true }
      default: return true
      }
    }
    if facts.contains(.unset) { return false }
    if isChoice, let accessor, accessor != "phrase", facts.contains(.not(accessor)) { return false }
    if isChoice, accessor == "phrase" {
      if facts.contains(.phrase(true)) { return true }
      if facts.contains(.phrase(false)) { return false }
    }
    return nil
  }

  /// Records what a section taken or skipped says of a field not read: `false` where that cannot be.
  private func assume(_ frame: DraftFrame, _ part: Part, _ accessor: String?, holds: Bool, isChoice: Bool) -> Bool {
    if part.kind == .yesno {
      // A yes/no section taken says yes; skipped, no where the part is required, else nothing.
      if holds { set(frame, part.key, .value(.flag(true))) } else if part.rules.required { set(frame, part.key, .value(.flag(false))) } else { note(frame, part.key, .unset) }
      return true
    }
    if isChoice, let accessor, accessor != "phrase" {
      if holds {
        guard frame.allows(part, accessor), part.choiceValues.contains(accessor) else { return false }
        set(frame, part.key, .value(.text(accessor)))
      } else {
        note(frame, part.key, .not(accessor))
        // Not every value: a choice holds one (`{{#house.presentVerb.attended}}出席會議{{/…}}` and its other values in
        // turn print one of them, never none).
        if !part.choiceValues.contains(where: { frame.allows(part, $0) }) { return false }
      }
      return true
    }
    if accessor == "phrase" {
      note(frame, part.key, .phrase(holds))
      return true
    }
    if part.kind == .date, let accessor, accessor == "year" || accessor == "month" {
      // A date's part shown is read in the body; not shown, the date has none (checked when it is read).
      if !holds { note(frame, part.key, .not(accessor)) }
      return true
    }
    note(frame, part.key, holds ? .set : .unset)
    return true
  }

  // MARK: - Lists

  /// A section over a list: its entries, one body each; entries already read are compared, else read as long as
  /// the text goes on. A list whose body is whole lines and does not ask for `last()` is read an entry at a
  /// time, each kept once read (so that a long list needs no deep backtracking), and given back from the end
  /// only if what follows needs it.
  private func loop(_ frame: DraftFrame, _ part: Part, body: [MustacheShape], _ position: Int, _ env: Env, _ next: Next) -> Bool {
    let records = part.entryParts
    switch frame.slots[part.key] {
    case .records(let entries)?:
      return bound(entries.count, frame, part, body: body, 0, position, env, next)
    case .values(let values)?:
      return bound(values.count, frame, part, body: body, 0, position, env, next)
    default:
      break
    }
    if frame.facts[part.key]?.contains(.entries(false)) == true || frame.facts[part.key]?.contains(.unset) == true {
      return next(position)
    }
    let usesLast = uses("last", body)
    // Inside another list's entry, only a body that ends in its own line end: the comparison of the whole reading
    // with the text may need another reading of an entry there (a committee's motions under their item).
    let endsItsLine = Self.entriesEndLines(body)
    let lines = !usesLast && (env.loop == nil ? endsItsLine : { if case .text(let last)? = body.last { last.last == "\n" } else { false } }())
    // A list printed within a line and followed there by the template's words (`{{#present}}…{{/present}}出席會議`,
    // the groups joined by 和) is read only on a line that has them, as a list printed joined is.
    if !lines, !endsItsLine, case .text(let literal)? = env.after.last.flatMap({ Self.following($0) }),
      let first = literal.first, first != "\n", !onThisLine(Array(literal.prefix { $0 != "\n" }), from: position)
    {
      return frame.facts[part.key]?.contains(.entries(true)) == true ? false : next(position)
    }
    let mark = trail.count
    set(frame, part.key, records == nil ? .values([]) : .records([]))
    let needsEntries = frame.facts[part.key]?.contains(.entries(true)) == true
    if lines {
      // Where what follows the list begins in the text's own words, the list is likeliest to end.
      let stops = wordsAfter(env)
      /// Reads entries while they go on, each kept once read; their ends and trail marks, and where the first
      /// entry in the words of what follows starts (its index).
      func collect() -> (positions: [Int], marks: [Int], cut: Int?) {
        var positions = [position]
        var marks: [Int] = []
        var cut: Int?
        while true {
          let start = positions[positions.count - 1]
          if cut == nil, positions.count > 1, stops.contains(where: { literalFits(start, $0) }) { cut = positions.count - 1 }
          let entryMark = trail.count
          let inner = appendEntry(frame, part, env, index: positions.count - 1, isLast: nil)
          var end: Int?
          if match(body[...], start, inner, { [self] found in
            guard found > start, filled(frame, part, index: positions.count - 1) else { return false }
            end = found
            return true
          }), let end {
            positions.append(end)
            marks.append(entryMark)
          } else {
            undo(to: entryMark)
            return (positions, marks, cut)
          }
        }
      }
      var (positions, marks, cut) = collect()
      // A stop where the entries stopped anyway changes nothing.
      if let cut, cut < marks.count, cut > 0 || !needsEntries {
        undo(to: marks[cut])
        if next(positions[cut]) { return true }
        undo(to: mark)
        set(frame, part.key, records == nil ? .values([]) : .records([]))
        (positions, marks, _) = collect()
      }
      // Then the entries are given back from the last, as long as what follows cannot be read.
      for kept in stride(from: positions.count - 1, through: 0, by: -1) {
        if kept < marks.count { undo(to: marks[kept]) }
        if kept == 0, needsEntries { break }
        if next(positions[kept]) { return true }
      }
      undo(to: mark)
      // A body that ends its line only through sections (a house choice's two forms) may have had a choice taken
      // in an entry kept before the one that shows it (`會議傳達學習了…。` prints the same in both forms): it is
      // then read again with every entry open to a step back.
      guard !Self.endsLine(body[...]) else { return false }
      set(frame, part.key, records == nil ? .values([]) : .records([]))
    }
    func step(_ index: Int, _ start: Int, mayStop: Bool) -> Bool {
      let entryMark = trail.count
      for isLast in usesLast ? [false, true] : [nil] as [Bool?] {
        let inner = appendEntry(frame, part, env, index: index, isLast: isLast)
        let found = match(body[...], start, inner) { [self] end in
          guard end > start, filled(frame, part, index: index) else { return false }
          if isLast == true { return next(end) }
          return step(index + 1, end, mayStop: isLast == nil)
        }
        if found { return true }
        undo(to: entryMark)
      }
      guard mayStop, !(index == 0 && needsEntries) else { return false }
      return next(start)
    }
    if step(0, position, mayStop: true) { return true }
    undo(to: mark)
    return false
  }

  /// Entries already read, compared one by one.
  private func bound(
    _ count: Int, _ frame: DraftFrame, _ part: Part, body: [MustacheShape], _ index: Int, _ position: Int, _ env: Env, _ next: Next
  ) -> Bool {
    guard index < count else { return next(position) }
    let inner = entryEnv(frame, part, env, index: index, isLast: index == count - 1)
    return match(body[...], position, inner) { [self] end in bound(count, frame, part, body: body, index + 1, end, env, next) }
  }

  private func appendEntry(_ frame: DraftFrame, _ part: Part, _ env: Env, index: Int, isLast: Bool?) -> Env {
    append(to: frame, part.key, record: DraftFrame(parts: part.entryParts ?? [], entry: index + 1))
    return entryEnv(frame, part, env, index: index, isLast: isLast)
  }

  private func entryEnv(_ frame: DraftFrame, _ part: Part, _ env: Env, index: Int, isLast: Bool?) -> Env {
    var inner = env
    inner.loop = Loop(index: index, isLast: isLast)
    switch frame.slots[part.key] {
    case .records(let entries)?:
      inner.frames.append(entries[index])
      inner.dot = nil
    default:
      inner.dot = .element(frame, part, index)
    }
    return inner
  }

  /// Whether every entry of a list whose body is `body` ends a line. An entry prints something, so a body whose
  /// sections may each print nothing ends a line where every form it prints does
  /// (`{{^house.points.headings}}…\n{{/…}}{{#house.points.headings}}…\n{{/…}}`).
  static func entriesEndLines(_ body: [MustacheShape]) -> Bool { endsLine(body[...], before: true) }

  /// Whether every way through `shapes` prints a line end last, `before` saying whether what precedes them does
  /// (for when they print nothing): a section at the end ends a line when its body does and so do the shapes
  /// before it, for when it is left out. A list whose body ends lines is read an entry at a time.
  static func endsLine(_ shapes: ArraySlice<MustacheShape>, before: Bool = false) -> Bool {
    switch shapes.last {
    case nil: return before
    case .text(let literal)?: return literal.last == "\n"
    case .value?: return false
    case .section(_, _, let body)?:
      let without = endsLine(shapes.dropLast(), before: before)
      return without && endsLine(body[...], before: without)
    }
  }

  /// Whether entry `index` of a list of values was read (a list of records' entries are whatever was read).
  private func filled(_ frame: DraftFrame, _ part: Part, index: Int) -> Bool {
    guard case .values(let values)? = frame.slots[part.key] else { return true }
    return index < values.count && values[index] != nil
  }

  /// Whether `shapes` ask for `function` (`last()`) of the sequence they are in: not inside a section over
  /// another list, which has its own.
  private func uses(_ function: String, _ shapes: [MustacheShape]) -> Bool {
    shapes.contains { shape in
      switch shape {
      case .text: false
      case .value(let name): name.function == function
      case .section(let name, _, let body):
        name.function == function || (!(name.function == nil && listKeys.contains(name.path.last ?? "")) && uses(function, body))
      }
    }
  }
}
