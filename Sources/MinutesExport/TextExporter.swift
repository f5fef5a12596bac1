import Foundation
internal import Mustache
import MinutesModel
import MinutesTemplates

/// Renders minutes as text with the template's `export.text` Mustache template.
///
/// The template sees the draft's tree, each part under its key:
/// - text and choices as text; a choice whose template entry has a `phrase` also offers `{{key.phrase}}`, the
///   phrase rendered over the record that holds it, and every choice offers `{{#key.VALUE}}`, true when it is
///   VALUE; a choice not answered is its part's `default`, if it has one (the house style, see
///   `Template.houseStyle`);
/// - numbers as Arabic digits, with `{{key.zh}}` in Chinese numerals (10 → 十, GB/T 15835-2011 for the rest);
/// - dates as `YYYY-MM-DD`, with `.year`, `.month`, `.day`, `.zh` (2024年3月8日), `.en` (April 16, 2024) and
///   `.weekday` (Tuesday); times as `HH:MM`, with `.en` (7:02 p.m., 12:00 noon) and `.enEnd`, the same ending a
///   sentence (7:02 p.m., 12:00 noon.), so that no second period follows p.m.;
/// - yes/no as a boolean, for sections;
/// - lists as sequences, for sections; `{{key}}` prints the entries joined as the part's `join` says, and
///   `{{#empty(key)}}` tests for none. Each entry also offers `n` (1, 2…) and `zh` (一, 二…).
/// - the groups of the template's `gather` declarations (``Template/Gathering``), under their names; see
///   ``gathered(_:_:language:)``.
/// Parts not yet drafted are present but empty (an empty list), so a section around them renders nothing.
public struct TextExporter: Exporter {
  /// Plain text.
  public var format: ExportFormat { .text }

  /// Creates a text exporter.
  public init() {}

  /// Whether the context of a text export (its records, lists and values, see ``ContextValue``) is left for the
  /// process's exit to give back rather than freed object by object once the text is rendered. A command that exits
  /// once it has written its export sets it, as a compiler's driver has its front end skip freeing before exit
  /// (clang's `-disable-free`): freeing the context of a 1,000-item draft had been a tenth of `minutes export`.
  /// Off unless set; a drafting session, which exports again and again, leaves it off. Set it before any export,
  /// on the thread that exports.
  nonisolated(unsafe) public static var leavesContextsToExit = false

  /// The text of `minutes`, starting with the DRAFT line of ``ExportFormat/draftBanner(errors:_:)`` (in the
  /// template's language) when `options` say the draft has errors.
  /// - Throws: as ``export(_:template:)``.
  /// Chinese text that ``TextRenderer`` renders is handed over to be rendered as it is written
  /// (``ExportOutput/rendering(_:)``), English text as a string.
  public func export(_ minutes: Minutes, template: Template, options: ExportOptions) throws -> ExportOutput {
    let output = try Self.output(minutes, template: template, marksMissing: options.draftErrors > 0)
    guard options.draftErrors > 0 else { return output }
    let banner = ExportFormat.draftBanner(errors: options.draftErrors, unparsed: ExportFormat.unparsedLines(of: minutes), template.messages)
    switch output {
    case .utf8(let bytes): return .utf8(Data(banner.utf8) + bytes)
    case .rendering(let rendering): return .rendering(rendering.after(Data(banner.utf8)))
    default: return .text(banner + (output.text ?? ""))
    }
  }

  /// `minutes` rendered with the template's `export.text`, without a DRAFT line: the wording every other format
  /// lays out.
  /// - Throws: ``ExportError/formatNotInTemplate(format:template:)`` when the template has no text export, or a
  ///   Mustache error when it does not parse (the checker refuses such templates).
  /// - Complexity: one ``Template/fold(_:with:)`` of the draft to build the context, then the rendering.
  public func export(_ minutes: Minutes, template: Template) throws -> String {
    try Self.text(minutes, template: template)
  }

  /// `minutes` rendered with the template's `export.text`, without a DRAFT line; with `marksMissing` (a draft
  /// exported with its errors), a required field not filled in prints as the visible mark
  /// ``Messages/missingMark(_:)`` (`〔屆次〕`) rather than as nothing.
  /// - Throws: as ``export(_:template:)``.
  static func text(_ minutes: Minutes, template: Template, marksMissing: Bool = false, renderer: Renderer = .fast) throws -> String {
    try output(minutes, template: template, marksMissing: marksMissing, renderer: renderer, asString: true).text ?? ""
  }

  /// ``text(_:template:marksMissing:renderer:)`` as an export's output: unless `asString`, Chinese text rendered
  /// by ``TextRenderer`` stays its UTF-8 bytes (``ExportOutput/utf8(_:)``), not copied into a string.
  /// - Throws: as ``export(_:template:)``.
  static func output(
    _ minutes: Minutes, template: Template, marksMissing: Bool = false, renderer: Renderer = .fast, asString: Bool = false
  ) throws -> ExportOutput {
    guard let source = template.export[ExportFormat.text.rawValue] else {
      throw ExportError.formatNotInTemplate(format: ExportFormat.text.rawValue, template: template.id)
    }
    // Minutes are text, never HTML: the TEXT pragma is added when a template leaves it out, so that `&` stays `&`.
    return try rendered(source, contentType: "TEXT", minutes, template: template, marksMissing: marksMissing,
                        renderer: renderer, asString: asString)
  }

  /// `minutes` rendered with the Mustache text `source`, whose values are escaped for `contentType` (`TEXT`,
  /// `MARKDOWN` or `HTML`; see `ContentTypes`): the pragma naming it is put first unless `source` starts with it.
  /// The context is the one described above, whatever the content type; phrases and `join.entry` are rendered as
  /// text, and escaped as values where they are printed. `partials` are Mustache texts by name (`{{> text}}`),
  /// compiled as text; `extra` adds names to the top of the context, unless a part has the name already;
  /// `marksMissing` prints a required field not filled in as a visible mark (see ``text(_:template:marksMissing:)``).
  /// - Throws: a Mustache error when `source` or a partial does not parse (the checker refuses such templates).
  static func render(
    _ source: String, contentType: String, _ minutes: Minutes, template: Template, partials: [String: String] = [:],
    extra: [String: Any] = [:], marksMissing: Bool = false, renderer: Renderer = .fast
  ) throws -> String {
    try rendered(source, contentType: contentType, minutes, template: template, partials: partials, extra: extra,
                 marksMissing: marksMissing, renderer: renderer, asString: true).text ?? ""
  }

  /// ``render(_:contentType:_:template:partials:extra:marksMissing:renderer:)`` as an export's output: unless
  /// `asString`, Chinese TEXT rendered by ``TextRenderer`` is its UTF-8 as written, its redundant end marks dropped
  /// in place (``ExportOutput/utf8(_:)``); anything else is a string (``ExportOutput/text(_:)``).
  private static func rendered(
    _ source: String, contentType: String, _ minutes: Minutes, template: Template, partials: [String: String] = [:],
    extra: [String: Any] = [:], marksMissing: Bool = false, renderer: Renderer, asString: Bool
  ) throws -> ExportOutput {
    _ = ContentTypes.registered
    let mark: ((Part) -> String)? = marksMissing ? { [messages = template.messages] in messages.missingMark($0.label) } : nil
    let escape: (String) -> String = switch contentType {
    case "MARKDOWN": { MarkdownText.escape($0) }
    case "HTML": { HTMLExporter.escape($0) }
    default: { $0 }
    }
    var context = Context(rendering: Rendering(
      renderer: renderer, language: template.language, styles: template.styles, missingMark: mark,
      missingBlank: template.messages.missingBlank, needed: marksMissing ? neededByRoles(template) : [],
      neededByChecks: marksMissing ? neededByChecks(template) : [:], escape: escape,
      adoption: template.roles.motions.map { (key: $0.disposition, words: $0.adopted) }),
      defersLists: renderer == .fast)
    let root = template.fold(minutes.content, with: &context)
    if !template.gather.isEmpty, case .record(let names) = root {
      gather(into: names, template.gather, language: template.language)
    }
    if !extra.isEmpty, case .record(let names) = root {
      for (name, value) in extra where names[name] == nil { names.append(name, ContextValue(any: value)) }
    }
    defer { if leavesContextsToExit, case .record(let record) = root { _ = Unmanaged.passRetained(record) } }
    let english = template.language.hasPrefix("en")
    let rendered: String
    if contentType == "TEXT", let fast = renderer.compile(source, partials: template.partials.merging(partials) { $1 }) {
      // Room for twice the draft's text at once: grown by doubling, the text of a long draft had been written
      // twice over into pages each new to the process (a fifth of exporting 1,000 items went to the kernel's
      // page faults).
      let expected: @Sendable () -> Int = { [content = minutes.content] in 2 * textSize(.record(content)) + 4096 }
      if !asString && !english {
        return .rendering(TextRendering(fast, over: root, expected: expected) { dropRedundantChineseMarks($0) })
      }
      rendered = fast.render(root, expected: expected())
    } else {
      // The partials are compiled by swift-mustache only for the texts it renders (compiling them for every
      // export had cost 2 ms of a short one); the template checker refuses partials that do not parse.
      var library = MustacheLibrary()
      for (name, partial) in partials { library.register(try compile(partial, contentType: "TEXT"), named: name) }
      // The template's own partials, escaped as the text that prints them is.
      for (name, partial) in template.partials where partials[name] == nil {
        library.register(try compile(partial, contentType: contentType), named: name)
      }
      rendered = try compile(source, contentType: contentType).render(root.any, library: library)
    }
    return .text(english ? sentenceEnds(rendered) : chineseSentenceEnds(rendered))
  }

  /// The bytes of the text in `value`, to size the rendering by.
  private static func textSize(_ value: Value) -> Int {
    switch value {
    case .text(let text): text.utf8.count
    case .number, .flag: 8
    case .list(let entries): entries.reduce(0) { $0 + textSize($1) }
    case .record(let record): record.fields.values.reduce(0) { $0 + textSize($1) }
    }
  }

  /// Chinese text with a mark dropped where the sentence before it has ended already: the 。 or the ； that joins
  /// points after ！ or ？ (`確保年底前全部完工！。`, `確保群眾生命安全！；要…`), and the 。 after a closing quote that
  /// follows 。, ！ or ？ (`要牢記“人民至上、生命至上。”。`): a sentence takes one end mark (GB/T 15834-2011 §4.1–4.3).
  /// Such a mark is the template's, put after a value (a clerk's own would be as redundant); no word is changed.
  /// - Complexity: one pass over the UTF-8 bytes; the text is copied only when a mark is dropped.
  static func chineseSentenceEnds(_ text: String) -> String {
    var text = text
    guard !text.withUTF8(redundantChineseMarks).isEmpty else { return text }
    var bytes = Array(text.utf8)
    let kept = bytes.withUnsafeMutableBufferPointer { dropRedundantChineseMarks($0) }
    // Whole marks dropped from a string's UTF-8 leave it well-formed.
    return bytes.withUnsafeBufferPointer { String(joinedUTF8: UnsafeBufferPointer(rebasing: $0[..<kept])) }
  }

  /// ``chineseSentenceEnds(_:)`` on UTF-8 `bytes` in place: the marks it drops are dropped, the bytes after each
  /// moved back over it. Returns how many bytes are left (the first ones).
  /// - Complexity: one pass over the bytes, and one move of those after the first mark dropped.
  static func dropRedundantChineseMarks(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
    let dropped = redundantChineseMarks(in: UnsafeBufferPointer(bytes))
    guard let base = bytes.baseAddress, var end = dropped.first?.lowerBound else { return bytes.count }
    for (index, range) in dropped.enumerated() {
      let next = index + 1 < dropped.count ? dropped[index + 1].lowerBound : bytes.count
      (base + end).update(from: base + range.upperBound, count: next - range.upperBound)
      end += next - range.upperBound
    }
    return end
  }

  /// Which marks a Chinese text export leaves out at a place (see ``marksLeftOut(in:before:)``).
  package enum LeftOut { case both, fullStop }

  /// The marks ``chineseSentenceEnds(_:)`` leaves out at `index` of `text`, after what is before it: 。 and ； after
  /// ！ or ？ (``LeftOut/both``), 。 after a closing quote (” ’ 」 』) that follows ！, ？ or 。 (``LeftOut/fullStop``);
  /// `nil` elsewhere. The same rule on scalars, for the import, which reads the marks as absent there (the byte
  /// scan below is the export's; `ExportTests` holds the two to one reading).
  /// - Complexity: O(1): a switch on scalar values (the import asks it at every place of a report's lines).
  @inline(__always)
  package static func marksLeftOut(in text: [Unicode.Scalar], before index: Int) -> LeftOut? {
    guard index >= 1 else { return nil }
    switch text[index - 1].value {
    case 0xFF01, 0xFF1F: return .both
    case 0x201D, 0x2019, 0x300D, 0x300F:
      guard index >= 2 else { return nil }
      switch text[index - 2].value {
      case 0x3002, 0xFF01, 0xFF1F: return .fullStop
      default: return nil
      }
    default: return nil
    }
  }

  /// The marks of ``redundantChineseMarks(in:)``, in UTF-8 (three bytes each); 。 and ； themselves are compared in
  /// place there.
  private static let fullStop: [[UInt8]] = [[0xE3, 0x80, 0x82]]
  private static let exclamationOrQuestion: [[UInt8]] = [[0xEF, 0xBC, 0x81], [0xEF, 0xBC, 0x9F]]
  private static let sentenceEnd = exclamationOrQuestion + fullStop
  /// ” ’ 」 』.
  private static let closingQuotes: [[UInt8]] = [[0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99], [0xE3, 0x80, 0x8D], [0xE3, 0x80, 0x8F]]

  /// The byte ranges, in order, of the marks ``chineseSentenceEnds(_:)`` drops from the UTF-8 `bytes`.
  static func redundantChineseMarks(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    func isOne(of marks: [[UInt8]], at index: Int) -> Bool {
      index >= 0 && marks.contains { bytes[index] == $0[0] && bytes[index + 1] == $0[1] && bytes[index + 2] == $0[2] }
    }
    var dropped: [Range<Int>] = []
    // Found by their last byte, 82 or 9B, which no other byte of these marks is; then told by the two bytes before
    // it, compared in place (80 E3 for 。, BC EF for ；): a Han ideograph ends in 82 or 9B as often, and looking it
    // up among the marks' arrays had been 4% of an export.
    func look(at last: Int) {
      let byte = bytes[last]
      let isFullStop = byte == 0x82 && bytes[last - 1] == 0x80 && bytes[last - 2] == 0xE3
      guard isFullStop || (byte == 0x9B && bytes[last - 1] == 0xBC && bytes[last - 2] == 0xEF) else { return }
      let start = last - 2
      if isOne(of: exclamationOrQuestion, at: start - 3)
        || (isFullStop && isOne(of: closingQuotes, at: start - 3) && isOne(of: sentenceEnd, at: start - 6))
      {
        dropped.append(start..<last + 1)
      }
    }
    // Only a byte that is 82 or 9B is looked at, each found by the C library's `memchr` (which reads 32 bytes or
    // more at a time): a mark's last byte is in one Han ideograph of 30 or so, and reading the text eight bytes at
    // a time had been 54M instructions of exporting 5,000 items (12 MB), a twentieth of it.
    guard let base = bytes.baseAddress, bytes.count > 2 else { return dropped }
    func next(_ byte: UInt8, from start: Int) -> Int {
      guard start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
      return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }
    var (fullStopEnd, semicolonEnd) = (next(0x82, from: 2), next(0x9B, from: 2))
    while min(fullStopEnd, semicolonEnd) < bytes.count {
      if fullStopEnd < semicolonEnd {
        look(at: fullStopEnd)
        fullStopEnd = next(0x82, from: fullStopEnd + 1)
      } else {
        look(at: semicolonEnd)
        semicolonEnd = next(0x9B, from: semicolonEnd + 1)
      }
    }
    return dropped
  }

  /// English text with the period a template puts after a value dropped where the value already ends its
  /// sentence: after `?` or `!` (`Said the plant is too loud!.`), after a closing quote that follows one
  /// (`“as written.”.`; not a bracket: `(at 7:00 p.m.).` keeps both), and after an abbreviation's own period (`6:00 p.m..`, `Jr..`); an ellipsis keeps
  /// its three dots. What the clerk typed is not changed, only the template's mark beside it.
  static func sentenceEnds(_ text: String) -> String {
    guard ["..", "?.", "!.", "”.", "\".", "’."].contains(where: { text.includes($0) })
    else { return text }
    var result = text.replacing(/\.{4}(?!\.)/, with: "...")
    result = result.replacing(/([^.])\.\.(?!\.)/) { "\($0.output.1)." }
    result = result.replacing(/([?!])\.(?!\.)/) { "\($0.output.1)" }
    // Not after a bracket: `(scheduled for 7:00 p.m.).` needs its own period.
    result = result.replacing(/([.?!])([”’"]+)\.(?!\.)/) { "\($0.output.1)\($0.output.2)" }
    return result
  }

  /// `source` compiled with the pragma of `contentType` first, unless it starts with it; on a line of its own, so
  /// that it is a standalone tag and a section tag on the first line stays standalone.
  private static func compile(_ source: String, contentType: String) throws -> MustacheTemplate {
    let pragma = "{{% CONTENT_TYPE: \(contentType)}}"
    return try MustacheTemplate(string: source.hasPrefix(pragma) ? source : pragma + "\n" + source)
  }

  /// The body of a markup export in `format`: the template's own layout for it (`export.markdown`,
  /// `export.html`) rendered in `contentType` with ``layoutNames(_:template:)``, or else `derived` of the text
  /// export.
  /// - Throws: as ``text(_:template:)``, or a Mustache error when the layout does not parse.
  static func layout(
    _ format: ExportFormat, contentType: String, _ minutes: Minutes, template: Template, marksMissing: Bool = false,
    derived: (String) -> String
  ) throws -> String {
    guard let source = template.export[format.rawValue] else {
      return derived(try text(minutes, template: template, marksMissing: marksMissing))
    }
    return try render(source, contentType: contentType, minutes, template: template,
                      extra: try layoutNames(minutes, template: template, marksMissing: marksMissing), marksMissing: marksMissing)
  }

  /// The fields that are not `required` but that the role rules report missing as errors (a motion's mover and
  /// disposition, `motion.noMover`, `motion.noDisposition`): a draft exported with its errors marks them as it
  /// marks a required field (`Moved by [Moved by], that …`, `Disposition: [Disposition].`), never
  /// `Moved by , that`.
  static func neededByRoles(_ template: Template) -> Set<Part> {
    guard let roles = template.roles.motions, let list = listPart(roles.list, in: template) else { return [] }
    return Set([roles.mover, roles.disposition].compactMap(list.child))
  }

  /// The part of the list at `path` (`motions`, `items.*.directives`: keys or names, a `*` for each entry), as
  /// roles and checks name lists; `nil` when the template has none there.
  private static func listPart(_ path: String, in template: Template) -> Part? {
    var (parts, list): ([Part], Part?) = (template.parts, nil)
    for key in path.split(separator: ".").map(String.init) where key != "*" {
      guard let part = parts.first(where: { $0.key == key || $0.names.contains(key) }) else { return nil }
      (parts, list) = (part.parts, part)
    }
    return list
  }

  /// The fields an error-severity `filled` check asks for (``Check/Kind/filled(list:keys:when:unless:)``), each
  /// with the checks that name it: a draft exported with its errors marks the first field such a check asks of an
  /// entry that lacks all of them (`會議指出，〔引言〕。` for a directive with neither lead nor points,
  /// `“…”. [Disposition].` for an amendment), never `會議指出，。`. A check with a `when` of its own (a house
  /// style) is left out, as a list key is: a list prints nothing for a mark.
  static func neededByChecks(_ template: Template) -> [Part: [Check]] {
    var needed: [Part: [Check]] = [:]
    for check in template.checks where check.severity == .error && check.when.isEmpty {
      guard case .filled(let path, let keys, _, _) = check.kind, let list = listPart(path, in: template) else { continue }
      for key in keys {
        guard let part = list.parts.first(where: { $0.key == key }), case .field = part.shape else { continue }
        needed[part, default: []].append(check)
      }
    }
    return needed
  }

  /// What a layout of the text export (`export.markdown`, `export.html`) sees besides the draft: `textLines`, the
  /// lines of the text export that are not blank, trimmed, so that a layout can keep the text's wording
  /// (`{{#textLines}}<p>{{.}}</p>{{/textLines}}`) rather than repeat it.
  /// - Throws: as ``text(_:template:)``.
  static func layoutNames(_ minutes: Minutes, template: Template, marksMissing: Bool = false) throws -> [String: Any] {
    ["textLines": paragraphs(try text(minutes, template: template, marksMissing: marksMissing))]
  }

  /// The lines of `text` that are not blank, trimmed of spaces.
  static func paragraphs(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Which renderer renders a TEXT text: ``TextRenderer`` where it can (``fast``), or swift-mustache alone
  /// (``mustache``, for comparing the two in `TextRendererTests`).
  enum Renderer: Sendable {
    case fast, mustache

    /// `source` compiled by ``TextRenderer`` with `partials`, or `nil` when it is left to swift-mustache.
    func compile(_ source: String, partials: [String: String] = [:]) -> TextRenderer? {
      self == .fast ? TextRenderer(source, partials: partials) : nil
    }
  }

  /// A small TEXT template (a phrase, `join.entry`) compiled once: by ``TextRenderer`` where it can, else by
  /// swift-mustache.
  enum CompiledText {
    case fast(TextRenderer)
    case mustache(MustacheTemplate)

    /// `source` compiled by `renderer` where it can, or `nil` when it is not Mustache.
    init?(_ source: String, renderer: Renderer) {
      if let renderer = renderer.compile(source) {
        self = .fast(renderer)
      } else if let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source) {
        self = .mustache(template)
      } else {
        return nil
      }
    }

    /// The text rendered over `context`.
    func render(_ context: ContextValue) -> String {
      switch self {
      case .fast(let renderer): renderer.render(context)
      case .mustache(let template): template.render(context.any)
      }
    }
  }

  /// What one export shares: the template's language, and the small templates (phrases, `join.entry`) compiled
  /// once each rather than once per entry.
  final class Rendering {
    let language: String
    /// The mark a required field not filled in prints as (a draft exported with its errors), by its part; `nil`
    /// when such a field prints as nothing.
    let missingMark: ((Part) -> String)?
    /// What a part of a date not filled in (`{{date.month}}`) prints as where ``missingMark`` is set.
    let missingBlank: String
    /// How the text's content type escapes a value (Markdown's backslashes, HTML's entities): a ``MissingFlag``'s
    /// mark is escaped here, as swift-mustache does not escape what a section's lambda returns.
    let escape: (String) -> String
    /// The fields not `required` that are marked all the same when missing (see ``neededByRoles(_:)``).
    let needed: Set<Part>
    /// The fields marked when missing where a check asks for them (see ``neededByChecks(_:)``).
    let neededByChecks: [Part: [Check]]
    private var compiled: [String: CompiledText?] = [:]
    /// The key of a motion's disposition and the dispositions that mean adopted (`roles.motions`), for
    /// `{{#adopted(list)}}`; `nil` when the template declares no motions.
    let adoption: (key: String, words: [String])?

    /// How dates and times print (`{{date.en}}`, `{{time.en}}`): the template's ``Template/styles``.
    let styles: Template.Styles

    /// Which renderer compiles the phrases and `join.entry`.
    let renderer: Renderer

    init(
      renderer: Renderer = .fast, language: String, styles: Template.Styles = .default, missingMark: ((Part) -> String)? = nil,
      missingBlank: String = "[ ]", needed: Set<Part> = [], neededByChecks: [Part: [Check]] = [:], escape: @escaping (String) -> String = { $0 },
      adoption: (key: String, words: [String])? = nil
    ) {
      self.missingBlank = missingBlank
      self.escape = escape
      self.renderer = renderer
      self.adoption = adoption
      self.language = language
      self.styles = styles
      self.missingMark = missingMark
      self.needed = needed
      self.neededByChecks = neededByChecks
    }

    /// Whether a check of ``neededByChecks`` marks `part`, not filled in in `record` (of `parts`): the check finds
    /// the entry lacking, and `part` is the first field among the keys it asks for.
    func checkNeeds(_ part: Part, among parts: [Part], in record: Record) -> Bool {
      guard let checks = neededByChecks[part] else { return false }
      return checks.contains { check in
        guard let asked = check.unfilledKeys(in: record, parts: parts) else { return false }
        return Check.firstField(among: asked, parts: parts) == part.key
      }
    }

    /// What the records of some parts share, with the address of the parts' elements and whether the records are
    /// entries of a list (``RecordShape``), in the order first asked for: a template has a few dozen arrays of parts
    /// at most, and comparing a word with each is cheaper than hashing it (the dictionary this was took 390
    /// instructions a record; this takes 250).
    private var shapes: [(key: UInt, shape: RecordShape)] = []

    /// The shape of a record of `parts`, an entry of a list when `entry`: made once for each array of parts a
    /// template holds, which every record of that list or group is folded with.
    func shape(of parts: [Part], entry: Bool) -> RecordShape {
      let address = parts.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
      let key = address << 1 | (entry ? 1 : 0)
      // The shape holds its parts, so that no other array is at their address while this export lasts; the
      // parts are compared all the same (at once, when the arrays share their elements).
      for known in shapes where known.key == key && known.shape.parts == parts { return known.shape }
      let shape = RecordShape(parts, entry: entry)
      shapes.append((key, shape))
      return shape
    }

    /// The numerals `zh` of the entries of lists (一, 二…), by number, made as first asked for
    /// (``ChineseNumeral/string(_:language:)``): a long list's numbers past 99 are spelled once each, not once
    /// for each list they number.
    private var numerals: [String] = []

    /// The numeral of `n` in the template's ``language`` (see ``numerals``).
    func numeral(_ n: Int) -> String {
      if n >= 0, n < numerals.count { return numerals[n] }
      // Numbers below zero or past ``numeralsKept`` (a list longer than any draft's) are spelled apart, not
      // remembered.
      guard n >= 0, n <= Self.numeralsKept else { return ChineseNumeral.string(n, language: language) }
      while numerals.count <= n { numerals.append(ChineseNumeral.string(numerals.count, language: language)) }
      return numerals[n]
    }

    /// The largest number ``numeral(_:)`` remembers.
    private static let numeralsKept = 100_000

    /// `source` compiled in TEXT mode; `nil` when it is not Mustache (the checker refuses such templates).
    func template(_ source: String) -> CompiledText? {
      if let known = compiled[source] { return known }
      let template = CompiledText(source, renderer: renderer)
      compiled[source] = template
      return template
    }
  }

  /// What every record of some parts shares in its context: the names (the parts' keys, then an entry's `n` and
  /// `zh`), and what ``Context/record(_:parts:results:at:entry:)`` asks of each part, read from the parts once.
  final class RecordShape {
    /// What a part is to a record's context: a group (whose `default`s stand in for a record not begun), a
    /// choice (which offers its phrase), or anything else.
    enum Role { case group, choice, other }

    let parts: [Part]
    let layout: ContextRecord.Layout
    /// Whether each part has a `when` or an `unless`.
    let conditional: [Bool]
    let anyConditional: Bool
    let roles: [Role]
    /// Whether ``layout``'s names end with `n` and `zh`: an entry's, when no part has either key.
    let numbered: Bool
    /// The phrase of each choice's values compiled, by the part's place, then by the value's UTF-8 in the order
    /// first asked for: for the values that have a phrase, and the first ``valuesKept`` that have none, the phrase is
    /// looked up and its source hashed once, not once per record. The values are told apart by their bytes, not
    /// hashed: a lookup through a dictionary, hashing a Chinese value (審議), took 1,100 instructions at every agenda
    /// item, this about 570. Values that differ in their bytes alone (a decomposed `é`) are each kept, with the same
    /// phrase.
    private var phrases: [[(value: String, compiled: CompiledText?)]]

    /// The phrase of the choice `value` of the part at `index`, compiled by `rendering`; `nil` when it has none.
    func phrase(of value: String, at index: Int, _ rendering: Rendering) -> CompiledText? {
      if let known = phrases[index].first(where: { $0.value.hasSameUTF8(as: value) }) { return known.compiled }
      let compiled = parts[index].rendering.phrase(of: value).flatMap(rendering.template)
      // Values without a phrase are remembered up to a few: a choice answered with free text may hold thousands of
      // values, which would each be compared with all the others.
      if compiled != nil || phrases[index].count(where: { $0.compiled == nil }) < Self.valuesKept {
        phrases[index].append((value, compiled))
      }
      return compiled
    }

    /// How many values of one part without a phrase ``phrase(of:at:_:)`` remembers.
    private static let valuesKept = 32

    init(_ parts: [Part], entry: Bool) {
      self.parts = parts
      phrases = Array(repeating: [], count: parts.count)
      let keys = parts.map(\.key)
      numbered = entry && !keys.contains("n") && !keys.contains("zh")
      layout = ContextRecord.Layout(numbered ? keys + ["n", "zh"] : keys)
      conditional = parts.map { $0.asking.when != nil || $0.asking.unless != nil }
      anyConditional = conditional.contains(true)
      roles = parts.map { part in
        switch part.shape {
        case .group: .group
        case .field(.choice): .choice
        default: .other
        }
      }
    }
  }

  /// The rendering context as a fold: a record's context is its parts by key, a list's a ``ListContext``, a
  /// value's what its kind offers, as described above.
  struct Context: DraftFolder {
    /// The context is made from values alone: no address is read.
    static var readsAddresses: Bool { false }

    let rendering: Rendering
    /// Whether lists of records are folded as they are read (``deferredList(_:of:at:folding:)``): for
    /// ``Renderer/fast``. swift-mustache, the renderer the tests hold ``TextRenderer`` to, reads a context folded
    /// whole, as the fold makes it plainly.
    let defersLists: Bool

    /// A record's parts by key; then each choice with a phrase, rendered over the record's other parts; then,
    /// for an entry of a list, `n` and `zh`.
    func record(_ record: Record, parts: [Part], results: [ContextValue?], at address: Address, entry: Int?) -> ContextValue {
      let shape = rendering.shape(of: parts, entry: entry != nil)
      // A value kept where its part no longer applies (the seconder of a motion since marked as having died for
      // lack of a second) is not printed: the draft says the two cannot go together, and `check` warns of it.
      var inapplicable: [Int] = []
      if shape.anyConditional {
        for index in parts.indices where shape.conditional[index] && record[parts[index].key] != nil {
          if !Template.applies(parts[index], among: parts, in: record) { inapplicable.append(index) }
        }
      }
      var values: [ContextValue] = []
      values.reserveCapacity(shape.layout.names.count)
      for index in parts.indices {
        // A part not filled in is present but empty, so that `{{key}}` prints nothing rather than a part of the
        // same name further out (an item without a `topic` must not print the meeting's).
        values.append(inapplicable.contains(index) ? Self.empty(parts[index]) : results[index] ?? missing(parts[index], among: parts, in: record))
      }
      // The parts' keys are the layout's first names: a template's parts have keys of their own. The values are
      // handed over, not shared: an entry's `n` and `zh` are then added in place, where a shared array had been
      // copied into a new one (1.6 MB of an export of 5,000 items).
      let context = ContextRecord(shape.layout, values: consume values)
      for index in parts.indices where shape.roles[index] != .other && !inapplicable.contains(index) {
        let part = parts[index]
        if shape.roles[index] == .group {
          if record[part.key] == nil, let defaults = defaults(part) { context.replace(at: index, with: .record(defaults)) }
          continue
        }
        guard let value = record[part.key]?.text ?? part.rendering.defaultValue else { continue }
        // The phrase sees the record as it is so far: its parts, the choices before this one, no `n` or `zh`.
        let phrase = shape.phrase(of: value, at: index, rendering).map { TextExporter.nestingTitles($0.render(.record(context))) }
        context.replace(at: index, with: .choice(ChoiceContext(value: value, phrase: phrase)))
      }
      if let entry {
        if shape.numbered {
          context.append("n", .int(entry))
          context.append("zh", .text(rendering.numeral(entry)))
        } else {
          number(context, entry)
        }
      }
      return .record(context)
    }

    /// A list of records whose entries are folded when the export reads them, each time it reads them: a section
    /// that goes through the items renders each item's context, then lets it go, so that the context of a long draft
    /// is never held whole (6 MB of a 5,000-item export's peak, each page of it new to the process).
    func deferredList(
      _ entries: [Value], of part: Part, at address: Address, folding fold: @escaping (Int) -> ContextValue
    ) -> ContextValue? {
      .list(ListContext(count: entries.count, adopted: adopted(entries), folding: fold) {
        joined(entries, elements: entries.indices.map(fold), part: part)
      })
    }

    func list(_ entries: [Value], results: [ContextValue], of part: Part, at address: Address) -> ContextValue {
      // A list of values numbers its entries as they are read (each is ``value(_:of:part:at:entry:)``'s, whole).
      let numbering: String? = if case .values? = part.listEntries { rendering.language } else { nil }
      return .list(ListContext(entries: results, numbering: numbering, adopted: adopted(entries)) {
        joined(entries, elements: results, part: part)
      })
    }

    /// Whether an entry of a list of records has, under the motions' disposition key, a disposition that starts
    /// with one of the words that mean adopted (`roles.motions`): an amendment adopted, for `as amended`.
    private func adopted(_ entries: [Value]) -> Bool {
      guard let adoption = rendering.adoption else { return false }
      return entries.contains { entry in
        guard case .record(let record) = entry, let disposition = record[adoption.key]?.text else { return false }
        return adoption.words.contains { disposition.hasPrefix($0) }
      }
    }

    /// A field's value as its kind offers it; an entry of a list of values also offers `n` and `zh`, as the
    /// ``Element`` its list makes it when it is read (see ``list(_:results:of:at:)``).
    func value(_ value: Value, of kind: Part.Kind, part: Part, at address: Address, entry: Int?) -> ContextValue {
      scalar(value, kind: kind)
    }

    /// As the export always read a value out of shape: an entry of a list of records that is no record as an
    /// entry with no parts filled in; a record where a list of records belongs as an entry; anything else as
    /// its text.
    mutating func misshapen(_ value: Value, part: Part, at address: Address, entry: Int?) -> ContextValue {
      if let entry {
        let context = ContextRecord(capacity: part.parts.count + 2)
        for part in part.parts { context[part.key] = Self.empty(part) }
        number(context, entry)
        return .record(context)
      }
      if part.kind == nil, case .record(let record) = value {
        return Template.fold(record, parts: part.parts, at: address, with: &self)
      }
      return scalar(value, kind: part.kind)
    }

    /// What a part not filled in offers: in a draft exported with its errors, a required field or list that applies
    /// (its `when` holds), or a field a declared check finds missing (``neededByChecks(_:)``), prints as its
    /// ``Rendering/missingMark``, and a group not begun offers its required
    /// fields so (`{{chair.name}}`); a required yes/no, which decides which of two sections prints, offers a
    /// ``MissingFlag``: its section prints the mark instead of its text, its inverted section nothing (`Quorum:
    /// [Quorum] (5 of 7 members)`, not `A quorum was not present`). Anything else offers ``empty(_:)``.
    private func missing(_ part: Part, among parts: [Part], in record: Record) -> ContextValue {
      guard let mark = rendering.missingMark, Template.applies(part, among: parts, in: record) else { return Self.empty(part) }
      switch part.shape {
      case .field(.yesno) where part.rules.required || rendering.needed.contains(part):
        return .flag(MissingFlag(text: rendering.escape(mark(part))))
      case .field(let kind) where kind != .yesno
        && (part.rules.required || rendering.needed.contains(part) || rendering.checkNeeds(part, among: parts, in: record)):
        return .mark(MissingMark(text: mark(part), blank: kind == .date ? rendering.missingBlank : nil))
      case .list where part.minimumCount > 0:
        // A required list with no entries: `{{items}}` prints its mark (研究了〔议题〕等事项), and its sections, as
        // `empty(items)`, still see no entry.
        return .list(ListContext(entries: [], text: mark(part)))
      case .group:
        let context = ContextRecord(capacity: part.parts.count)
        for child in part.parts { context[child.key] = missing(child, among: part.parts, in: Record()) }
        // A group holding a mark (a field's, a required list's, a group's) prints it: `Present: [Present]` under the
        // roll call, not a heading with nothing under it.
        let holdsMark = context.values.contains { value in
          switch value {
          case .mark, .record: true
          case .list(let list): !list.text.isEmpty
          default: false
          }
        }
        return holdsMark ? .record(context) : Self.empty(part)
      default:
        return Self.empty(part)
      }
    }

    /// What a group with no record offers when parts in it have a `default` (the house style of a draft that
    /// left it as it is): those defaults as choices; `nil` when none has one.
    private func defaults(_ group: Part) -> ContextRecord? {
      let context = ContextRecord()
      for part in group.parts {
        if case .group = part.shape, let inner = defaults(part) { context[part.key] = .record(inner) }
        if case .field(.choice) = part.shape, let value = part.rendering.defaultValue {
          let phrase = part.rendering.phrase(of: value).flatMap(rendering.template).map { TextExporter.nestingTitles($0.render(.record(ContextRecord()))) }
          context[part.key] = .choice(ChoiceContext(value: value, phrase: phrase))
        }
      }
      return context.isEmpty ? nil : context
    }

    /// What a part not filled in offers: an empty list, or nothing.
    private static func empty(_ part: Part) -> ContextValue {
      if part.isList { return .list(ListContext(entries: [], text: "")) }
      return .null
    }

    /// An entry of a list of records offers its number, `n` (1, 2…) and `zh` (一, 二…).
    private func number(_ context: ContextRecord, _ n: Int) {
      context["n"] = .int(n)
      context["zh"] = .text(rendering.numeral(n))
    }

    /// The context of one value of `kind` (of a field, or an entry of a list of values); `kind` is `nil` for a
    /// value out of place where a group or a list of records belongs.
    private func scalar(_ value: Value, kind: Part.Kind?) -> ContextValue {
      let language = rendering.language
      switch (kind, value) {
      case (.number?, .number(let n)), (.count?, .number(let n)): return .number(NumberContext(n: n, language: language))
      case (.date?, .text(let text)):
        return PartialDate(parsing: text).map { .date(DateContext(date: $0, style: rendering.styles.date)) } ?? .text(text)
      case (.time?, .text(let text)):
        return MeetingTime(parsing: text).map { .time(TimeContext(time: $0, style: rendering.styles.time)) } ?? .text(text)
      case (_, .flag(let flag)): return .bool(flag)
      default: return .text(value.scalarText ?? "")
      }
    }

    /// The entries of a list joined as its part's `join` says: values by `separator`; records each rendered with
    /// `entry` (or their title), by `separator`, or by `single` when every entry's own lists have one value each
  /// (a list an entry lacks has none).
    private func joined(_ entries: [Value], elements: [ContextValue], part: Part) -> String {
      let join = part.rendering.join ?? Part.Join(separator: "", single: nil, entry: nil)
      guard part.records != nil else { return elements.map { TextRenderer.printed($0) }.joined(separator: join.separator) }
      let entry = join.entry.flatMap(rendering.template)
      let rendered: [String] = elements.enumerated().map { offset, element in
        if let entry { return entry.render(element) }
        return part.titleKey.flatMap { entries[offset].record?[$0]?.scalarText } ?? ""
      }
      // A list part an entry lacks holds no value: a group named by its role alone (有關部門負責同志) is not a
      // group of one, so groups with it are joined by `separator`, not run together by `single`.
      let lists = (part.records?.parts ?? []).filter { if case .list = $0.shape { true } else { false } }.map(\.key)
      let allSingle = entries.allSatisfy { entry in
        guard let record = entry.record else { return true }
        return record.fields.values.allSatisfy { $0.list.map { $0.count == 1 } ?? true }
          && lists.allSatisfy { record[$0] != nil }
      }
      return rendered.joined(separator: allSingle ? (join.single ?? join.separator) : join.separator)
    }
  }
}

extension TextExporter {
  /// `text` with every title mark pair inside another written as the single marks 〈〉: a phrase that puts a
  /// subject in 《》 (`審議了《{{subject}}》`) and a subject that names a document itself (`關於印發《辦法》的通知`)
  /// give `《關於印發〈辦法〉的通知》`, never `《關於印發《辦法》的通知》` (GB/T 15834-2011 §4.15.3: 书名号里边还要用书名号时，
  /// 外面一层用双书名号，里边一层用单书名号). Marks that do not pair are left as they are (`marks.unbalanced` reports
  /// them): a text where one does not pair is returned unchanged, as is one without a nested pair.
  /// - Complexity: O(n) in the length of `text`.
  package static func nestingTitles(_ text: String) -> String {
    // First by the bytes of 《 and 》 (E3 80 8A, E3 80 8B): only a text where one pair opens inside another can
    // change (`String.contains(_:)`, then reading every phrase scalar by scalar, had been a tenth of building an
    // item's context).
    var utf8 = text
    let nests = utf8.withUTF8 { bytes in
      var depth = 0
      var index = 0
      while index + 2 < bytes.count {
        guard bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x8A || bytes[index + 2] == 0x8B else {
          index += 1
          continue
        }
        depth += bytes[index + 2] == 0x8A ? 1 : -1
        // A 》 that closes nothing leaves the text as it is, as below.
        if depth < 0 { return false }
        if depth > 1 { return true }
        index += 3
      }
      return false
    }
    guard nests else { return text }
    var scalars = Array(text.unicodeScalars)
    // The positions of the 《 still open, and which of them were made 〈.
    var open: [(index: Int, inner: Bool)] = []
    var changed = false
    for index in scalars.indices {
      switch scalars[index] {
      case "《":
        let inner = !open.isEmpty
        open.append((index, inner))
        if inner { scalars[index] = "〈"; changed = true }
      case "》":
        guard let last = open.popLast() else { return text }
        if last.inner { scalars[index] = "〉" }
      default:
        continue
      }
    }
    guard changed, open.isEmpty else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}

/// A required field not filled in, in a draft exported with its errors: prints as its mark (`〔屆次〕`), and so
/// does every part of it a template asks for (`{{term.zh}}`, `{{date.month}}`), so that the gap shows where the
/// value goes.
/// A required yes/no not answered, in a draft exported with its errors. swift-mustache sees it as a lambda
/// (its ``representation``) that returns its mark (`[Quorum]`): it prints the mark for `{{#quorum}}…{{/quorum}}`
/// in place of the section's text, followed by a line break when that text ends with one (a section on lines of
/// its own), nothing for `{{^quorum}}…{{/quorum}}` (a lambda is neither false nor empty), and the mark for
/// `{{quorum}}`. ``TextRenderer`` knows the type and renders it the same way from ``text``.
struct MissingFlag: MustacheCustomRepresentation {
  /// The mark, escaped as the text's content type escapes values.
  var text: String
  var representation: Any? { MustacheLambda { [text] body in body.hasSuffix("\n") ? text + "\n" : text } }
}

struct MissingMark: MustacheParent, MustacheTransformable, CustomStringConvertible {
  var text: String
  /// For a date, what its `year`, `month` and `day` print as (`〔　〕`); its other forms (`zh`, `en`, `full`)
  /// print the mark.
  var blank: String? = nil
  var description: String { text }
  /// A form a value offers (`{{date.zh}}`, `{{time.en}}`, `{{kind.phrase}}`, `{{n}}`) prints the mark; any other
  /// name is not the mark's: in `{{#mover}}…{{seconder}}…{{/mover}}` the seconder is the record's, not the
  /// mover's mark.
  func child(named name: String) -> Any? {
    if let blank, ["year", "month", "day"].contains(name) { return MissingMark(text: blank) }
    return Self.forms.contains(name) ? self : nil
  }
  /// The names the values of fields offer (``DateContext``, ``TimeContext``, ``NumberContext``,
  /// ``ChoiceContext``'s `phrase`, an entry's `n`, `zh` and `value`).
  private static let forms: Set<String> = [
    "year", "month", "day", "zh", "en", "full", "weekday", "enEnd", "hour", "minute", "n", "value", "phrase",
  ]
  /// `lowercased(kind)` of a part not filled in is its mark as it is (`The [Kind of meeting] meeting`), never
  /// nothing.
  func transform(_ name: String) -> Any? { self }
}

/// A list in the export context: a sequence for sections, its joined text for `{{key}}`; `empty(list)`,
/// `count(list)`, `first(list)`, `last(list)`, and `adopted(list)`: whether an entry (an amendment) has a
/// disposition that means adopted, as `roles.motions` says (the key `disposition`, the words `adopted`).
///
/// To swift-mustache it is a sequence of its entries as `Any` (``ContextValue/any``), and `Mirror` sees two
/// children: `elements`, those entries as an array, and `adopted`.
final class ListContext: MustacheSequence, MustacheTransformable, CustomStringConvertible, CustomReflectable {
  /// Where the entries come from.
  private enum Source {
    /// Kept as they are.
    case kept([ContextValue])
    /// A list of values, each kept alone and read as the ``Element`` that offers `n` (its place, from 1) and `zh`
    /// in `language`. Made as the entries are read, not kept: an element held for every point of a draft of 5,000
    /// items had been 6 MB of its export's memory, each byte written once and read once.
    case numbered([ContextValue], language: String)
    /// A list of records folded as it is read: each entry's context, made each time it is asked for.
    case folded(count: Int, (Int) -> ContextValue)
  }
  private let source: Source
  let adopted: Bool
  /// What `{{key}}` prints: the entries joined. Worked out when first printed: most templates go through the
  /// entries (`{{#points}}…{{/points}}`), and joining every list of a draft of 5,000 items was a twentieth of its
  /// export. A context is rendered on one thread.
  private var made: String?
  private var make: (() -> String)?
  var text: String {
    if let made { return made }
    let text = make?() ?? ""
    (made, make) = (text, nil)
    return text
  }

  init(entries: [ContextValue], text: String, adopted: Bool = false) {
    (source, self.adopted, made) = (.kept(entries), adopted, text)
  }

  /// A list whose `entries` are read as they are, or, with `numbering`, each as an ``Element`` of that language
  /// numbered from 1; its text is `joining`'s, worked out when first printed.
  init(entries: [ContextValue], numbering: String? = nil, adopted: Bool = false, joining: @escaping () -> String) {
    source = numbering.map { .numbered(entries, language: $0) } ?? .kept(entries)
    (self.adopted, make) = (adopted, joining)
  }

  /// A list of `count` entries, the entry at `index` made by `folding(index)` whenever it is read.
  init(count: Int, adopted: Bool, folding: @escaping (Int) -> ContextValue, joining: @escaping () -> String) {
    (source, self.adopted, make) = (.folded(count: count, folding), adopted, joining)
  }

  /// How many entries there are.
  var count: Int {
    switch source {
    case .kept(let entries), .numbered(let entries, _): entries.count
    case .folded(let count, _): count
    }
  }

  /// The entries, in order.
  var entries: [ContextValue] {
    if case .kept(let entries) = source { return entries }
    return (0..<count).map(entry)
  }

  /// The entry at `index` (from 0).
  func entry(_ index: Int) -> ContextValue {
    switch source {
    case .kept(let entries): entries[index]
    case .numbered: .element(MinutesExport.Element(list: self, index: index, n: index + 1))
    case .folded(_, let fold): fold(index)
    }
  }

  /// The value at `index` (from 0) as the list holds it: a list of values' entry without its number.
  fileprivate func value(at index: Int) -> ContextValue {
    switch source {
    case .kept(let entries), .numbered(let entries, _): entries[index]
    case .folded(_, let fold): fold(index)
    }
  }

  /// The language a list of values numbers its entries in (`zh`); `en` for any other list.
  fileprivate var numberingLanguage: String {
    if case .numbered(_, let language) = source { return language }
    return "en"
  }

  /// A list of `elements` of any type (a hand-made context).
  convenience init(elements: [Any], text: String, adopted: Bool = false) {
    self.init(entries: elements.map(ContextValue.init(any:)), text: text, adopted: adopted)
  }

  /// The entries as swift-mustache reads them.
  var elements: [Any] { entries.map(\.any) }
  func makeIterator() -> IndexingIterator<[Any]> { elements.makeIterator() }
  var customMirror: Mirror { Mirror(self, children: ["elements": elements, "adopted": adopted]) }
  var description: String { text }
  func transform(_ name: String) -> Any? { typedTransform(name)?.any }

  /// ``transform(_:)`` as a value of the context.
  func typedTransform(_ name: String) -> ContextValue? {
    switch name {
    case "empty": .bool(count == 0)
    case "count": .int(count)
    case "first": count == 0 ? nil : entry(0)
    case "last": count == 0 ? nil : entry(count - 1)
    case "adopted": .bool(adopted)
    default: nil
    }
  }
}

/// An entry of a list of values: prints as its value, and offers `n` and `zh`.
///
/// It names its list and its place in it rather than holding its value, so that it is as small as the context's
/// other values and a ``ContextValue`` holds it in place: held apart, each point of a draft had been an allocation
/// of its own when its section was rendered (75,000 of them in an export of 5,000 items).
struct Element: MustacheParent, CustomStringConvertible {
  private let list: ListContext
  private let index: Int
  let n: Int

  /// The entry at `index` (from 0) of `list`, a list of values numbered in a language (`ListContext.Source.numbered`,
  /// whose entries are read only here), numbered `n`.
  fileprivate init(list: ListContext, index: Int, n: Int) {
    (self.list, self.index, self.n) = (list, index, n)
  }

  /// An entry of no list, numbered `n` in `language` (a hand-made context).
  init(value: ContextValue, n: Int, language: String) {
    self.init(list: ListContext(entries: [value], numbering: language) { "" }, index: 0, n: n)
  }

  /// An entry whose value is of any type (a hand-made context).
  init(value: Any, n: Int, language: String) {
    self.init(value: ContextValue(any: value), n: n, language: language)
  }

  /// What the entry holds.
  var value: ContextValue { list.value(at: index) }
  /// The language its `zh` is in.
  var language: String { list.numberingLanguage }

  var description: String { String(describing: value.any) }
  func child(named name: String) -> Any? { typedChild(named: name)?.any }

  /// ``child(named:)`` as a value of the context.
  func typedChild(named name: String) -> ContextValue? {
    switch name {
    case "n": .int(n)
    case "zh": .text(ChineseNumeral.string(n, language: language))
    case "value": value
    default: TextRenderer.parentChild(of: value, named: name)
    }
  }
}

/// A choice with its rendered phrase, if its template entry has one; the text transforms (`lowercased()`…) apply
/// to its value, and `{{#key.VALUE}}…{{/key.VALUE}}` prints only when the choice is VALUE (`{{^…}}` when it is not).
/// An empty phrase is none: `{{#key.phrase}} {{key.phrase}}{{/key.phrase}}` prints its space only before words.
struct ChoiceContext: MustacheParent, MustacheTransformable, CustomStringConvertible {
  var value: String
  var phrase: String?
  var description: String { value }
  func child(named name: String) -> Any? {
    if name == "phrase" { return phrase?.isEmpty == false ? phrase : nil }
    return name == value ? true : nil
  }
  func transform(_ name: String) -> Any? { value.transform(name) }
}

/// A number: Arabic digits, or `zh`.
struct NumberContext: MustacheParent, CustomStringConvertible {
  var n: Int
  var language: String
  var description: String { String(n) }
  func child(named name: String) -> Any? {
    switch name {
    case "zh": ChineseNumeral.string(n, language: language)
    case "n": n
    default: nil
    }
  }
}

/// A date and its printed forms; a date given without its year or month (``PartialDate``) offers no `year` or
/// `month` (a section over it prints nothing), and `zh` and `en` print the parts given (`9月13日`, `13日`).
struct DateContext: MustacheParent, CustomStringConvertible {
  var date: PartialDate
  /// The template's date style, for `.en` and `.full` of a whole date.
  var style: Template.DateStyle = .monthDayYear
  var description: String { date.description }
  func child(named name: String) -> Any? {
    switch name {
    case "year": date.year
    case "month": date.month
    case "day": date.day
    case "zh": (date.year.map { "\($0)年" } ?? "") + (date.month.map { "\($0)月" } ?? "") + "\(date.day)日"
    // A whole date in the template's style; a date without its year or month as given (`September 13`, `13`).
    case "en": date.whole.map(style.format) ?? (date.month.map { "\(Self.months[$0 - 1]) " } ?? "") + "\(date.day)"
    case "full": date.whole.map(style.formatWithWeekday) ?? (date.month.map { "\(Self.months[$0 - 1]) " } ?? "") + "\(date.day)"
    case "weekday": date.whole.map(Template.DateStyle.weekday) ?? ""
    default: nil
    }
  }

  static let months = Template.DateStyle.months
}

/// A time and its printed forms.
struct TimeContext: MustacheParent, CustomStringConvertible {
  var time: MeetingTime
  /// The template's time style, for `.en` and `.enEnd`.
  var style: Template.TimeStyle = .periods
  var description: String { time.description }
  func child(named name: String) -> Any? {
    let english = style.format(time)
    switch name {
    case "en": return english
    case "enEnd": return english.hasSuffix(".") ? english : english + "."
    case "hour": return time.hour
    case "minute": return time.minute
    default: return nil
    }
  }
}
