import Foundation
import OrderedCollections
import MinutesModel
import MinutesTemplates

/// A draft and its template put into the other script of Chinese characters for an export (`--script`), with
/// the characters a clerk should confirm.
///
/// What the clerk typed goes through ICU's transform (`Hant-Hans` or `Hans-Hant`), a value at a time so that
/// ICU sees each word whole. The template's own wording (its choices, phrases, labels and export) is taken from
/// its **counterpart**, the template of the same name in the other script (`gov-executive.zh-Hans` for
/// `gov-executive.zh-Hant`), when there is one of the same shape: a choice is then the counterpart's choice at
/// the same place in its list (審議 → 审议), and the export renders with the counterpart's prose. Without one,
/// the template's wording goes through ICU as well (outside its Mustache tags).
///
/// ICU converts a character the same way wherever it stands unless one of its word rules applies (头发 →
/// 頭髮). A character with more than one counterpart in the other script (后 → 後 or 后, 干 → 幹, 乾 or 干; see
/// `Scripts/script-variants.py`) that ICU converted as it converts it alone is one it could not decide: each
/// such place is in ``uncertain``, for the clerk to confirm.
public struct ScriptConversion: Sendable {
  /// The draft in the target script.
  public var minutes: Minutes
  /// The template to export with: the counterpart, or the template with its wording converted, its
  /// ``Template/language`` the target script's.
  public var template: Template
  /// The script converted to.
  public var script: Script
  /// The id of the counterpart whose wording the export uses; `nil` when the template's own wording was
  /// converted by ICU.
  public var counterpart: String?
  /// The id of the template the draft was written with.
  public var sourceTemplate: String
  /// Each place where ICU could not decide, in the draft's order, then the template's wording.
  public var uncertain: [UncertainCharacter]
  /// Whether the draft was converted: false when its template was in ``script`` already.
  public var isConverted: Bool

  /// `minutes`, written with `template`, converted into `script`, with `counterpart`'s wording when it is the
  /// other script's template of the same shape (see ``ScriptConversion``); when `template` is in `script`
  /// already, the draft is left as it is.
  /// - Throws: ``ExportError/scriptNeedsChinese(template:)`` when `template` is not in Chinese.
  /// - Complexity: one ``Template/fold(_:with:)`` of the draft, and one ICU transform per text value.
  public init(_ minutes: Minutes, template: Template, to script: Script, counterpart: Template? = nil) throws {
    guard let from = Script(language: template.language) else { throw ExportError.scriptNeedsChinese(template: template.id) }
    self.script = script
    sourceTemplate = template.id
    isConverted = from != script
    guard isConverted else {
      (self.minutes, self.template, self.counterpart, uncertain) = (minutes, template, nil, [])
      return
    }
    var converter = Converter(script: script, source: template)
    if let counterpart, counterpart.language == script.language, Self.sameShape(template.parts, counterpart.parts) {
      converter.target = counterpart
      self.template = counterpart
      self.counterpart = counterpart.id
    } else {
      self.template = converter.converting(template)
      self.counterpart = nil
    }
    let wording = converter.uncertain
    converter.uncertain = []
    let content = template.fold(minutes.content, with: &converter).record ?? minutes.content
    var converted = Minutes(template: self.counterpart ?? template.id, content: content)
    converted.format = minutes.format
    self.minutes = converted
    // The template's wording is said once for each character, however often its exports (text, DOCX…) print it.
    var seen = Set<String>()
    uncertain = (wording + converter.uncertain.filter { $0.address == nil }).filter {
      seen.insert("\($0.character)\($0.chosen)").inserted
    }
    uncertain = converter.uncertain.filter { $0.address != nil } + uncertain
  }

  /// Whether two templates' parts have the same shape: the same keys in the same order, the same shapes, and
  /// as many choices at each place, so that a draft of one is a draft of the other.
  static func sameShape(_ a: [Part], _ b: [Part]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).allSatisfy { a, b in
      guard a.key == b.key, a.choiceValues.count == b.choiceValues.count else { return false }
      switch (a.shape, b.shape) {
      case (.field, .field): return sameKind(a.kind, b.kind)
      case (.group, .group): return sameShape(a.parts, b.parts)
      case (.list(let x), .list(let y)):
        switch (x.entries, y.entries) {
        case (.values, .values): return sameKind(a.kind, b.kind)
        case (.records, .records): return sameShape(a.parts, b.parts)
        default: return false
        }
      default: return false
      }
    }
  }

  private static func sameKind(_ a: Part.Kind?, _ b: Part.Kind?) -> Bool {
    switch (a, b) {
    case (.choice?, .choice?): true
    default: a == b
    }
  }
}

/// One place where ICU could not decide how to write a character in the other script.
public struct UncertainCharacter: Hashable, Sendable {
  /// The character as written, e.g. 后.
  public var character: Character
  /// What ICU wrote, e.g. 後.
  public var chosen: Character
  /// The other counterparts it may stand for, e.g. [后].
  public var alternatives: [Character]
  /// The short address of the part it is in (`2.1.3`, `present.2`); `nil` for the template's own wording.
  public var address: String?
  /// The text around it as written, with `…` where it was cut: `…今后三年…`.
  public var context: String

  /// A place in a draft or a template where ICU could not decide.
  public init(character: Character, chosen: Character, alternatives: [Character], address: String?, context: String) {
    (self.character, self.chosen, self.alternatives, self.address, self.context) = (character, chosen, alternatives, address, context)
  }
}

/// Converts the draft's values (a fold) and a template's wording, collecting what ICU could not decide.
struct Converter: DraftFolder {
  let script: Script
  let source: Template
  /// The counterpart whose choices replace the source's, when there is one.
  var target: Template?
  var uncertain: [UncertainCharacter] = []
  /// Whether the wording converted now is said in ``uncertain``: not that of the house-style choices, whose phrases
  /// are examples `:house` shows (`出席：罗景川（市长）…`), not prose the export prints.
  private var reportsWording = true
  /// Each character converted alone, as ICU does it without a word around it.
  private var alone: [Character: Character] = [:]

  init(script: Script, source: Template) {
    (self.script, self.source) = (script, source)
  }

  // MARK: - The draft

  mutating func value(_ value: Value, of kind: Part.Kind, part: Part, at address: Address, entry: Int?) -> Value {
    guard case .text(let text) = value else { return value }
    switch kind {
    case .date, .time, .number, .count, .yesno: return value
    case .choice(let values, _):
      if let index = values.firstIndex(of: text) {
        // One of the template's own words: the counterpart's choice at the same place, or the same word as the
        // converted template has it (its uncertain characters are the template's, said once).
        if let target, let choices = target.part(at: address)?.choiceValues, index < choices.count { return .text(choices[index]) }
        return .text(convert(text, address: nil))
      }
      return .text(convert(text, address: source.display(address)))
    case .text:
      return .text(convert(text, address: source.display(address)))
    }
  }

  func record(_ record: Record, parts: [Part], results: [Value?], at address: Address, entry: Int?) -> Value {
    var converted = record
    for (part, result) in zip(parts, results) {
      if let result { converted[part.key] = result }
    }
    return .record(converted)
  }

  func list(_ entries: [Value], results: [Value], of part: Part, at address: Address) -> Value { .list(results) }

  /// A value out of shape is kept as it is: the export reads it as it always did.
  func misshapen(_ value: Value, part: Part, at address: Address, entry: Int?) -> Value { value }

  // MARK: - Text

  /// `text` in the target script; each character ICU could not decide is added to ``uncertain`` at `address`
  /// (`nil`: the template's wording) when `report`.
  mutating func convert(_ text: String, address: String?, report: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: Self.isHan) else { return text }
    let converted = text.applyingTransform(script.transform, reverse: false) ?? text
    guard report else { return converted }
    let before = Array(text), after = Array(converted)
    // ICU's Chinese transforms map one character to one; should that ever not hold, nothing can be placed.
    guard before.count == after.count else { return converted }
    let table = script.undecidable
    for (offset, character) in before.enumerated() {
      guard let counterparts = table[character] else { continue }
      let chosen = after[offset]
      // A word rule chose another form than the character alone gets: ICU decided by the word.
      guard chosen == convertAlone(character) else { continue }
      let others = counterparts.filter { $0 != chosen }
      guard !others.isEmpty else { continue }
      uncertain.append(UncertainCharacter(
        character: character, chosen: chosen, alternatives: others, address: address,
        context: Self.context(of: offset, in: before)))
    }
    return converted
  }

  private mutating func convertAlone(_ character: Character) -> Character {
    if let known = alone[character] { return known }
    let converted = String(character).applyingTransform(script.transform, reverse: false)?.first ?? character
    alone[character] = converted
    return converted
  }

  /// Up to 8 characters either side of `offset` on its line, with `…` where the text goes on.
  static func context(of offset: Int, in characters: [Character], radius: Int = 8) -> String {
    var start = offset, end = offset + 1
    while start > max(0, offset - radius), !characters[start - 1].isNewline { start -= 1 }
    while end < min(characters.count, offset + radius + 1), !characters[end].isNewline { end += 1 }
    let cutBefore = start > 0 && !characters[start - 1].isNewline
    let cutAfter = end < characters.count && !characters[end].isNewline
    return (cutBefore ? "…" : "") + String(characters[start..<end]) + (cutAfter ? "…" : "")
  }

  /// Whether `scalar` is a CJK ideograph (the transforms change nothing else).
  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    default: false
    }
  }

  // MARK: - The template's wording

  /// `template` with its wording in the target script: its name, labels, questions, choices and their phrases,
  /// joins, yes/no words and exports (Mustache tags left as they are); its language the target's. The uncertain
  /// characters of the prose an export prints (exports, phrases, joins) are added to ``uncertain`` without an
  /// address; a choice's are said where the draft uses it.
  mutating func converting(_ template: Template) -> Template {
    var converted = template
    converted.language = script.language
    converted.name = convert(template.name, address: nil, report: false)
    converted.parts = template.parts.map { converting($0) }
    converted.yesNo.yes = template.yesNo.yes.map { convert($0, address: nil, report: false) }
    converted.yesNo.no = template.yesNo.no.map { convert($0, address: nil, report: false) }
    // The text export first, so that a character to confirm is shown in its words rather than a layout's.
    for format in template.export.keys.sorted(by: { ($0 == "text" ? "" : $0) < ($1 == "text" ? "" : $1) }) {
      converted.export[format] = template.export[format].map { mustache($0) }
    }
    for name in template.partials.keys.sorted() { converted.partials[name] = template.partials[name].map { mustache($0) } }
    return converted
  }

  private mutating func converting(_ part: Part) -> Part {
    var part = part
    part.label = convert(part.label, address: nil, report: false)
    part.names = part.names.map { convert($0, address: nil, report: false) }
    part.asking.question = part.asking.question.map { mustache($0, report: false) }
    // Conditions name choices as stored, which the draft's conversion converts too: a value kept for a part whose
    // condition no longer matches would not be exported.
    if let when = part.asking.when { part.asking.when = convertingCondition(when) }
    if let unless = part.asking.unless { part.asking.unless = convertingCondition(unless) }
    if let unwrapWhen = part.cleanUp.unwrapWhen { part.cleanUp.unwrapWhen = convertingCondition(unwrapWhen) }
    if var pattern = part.rules.pattern {
      pattern.message = convert(pattern.message, address: nil, report: false)
      part.rules.pattern = pattern
    }
    if var join = part.rendering.join {
      join.separator = convert(join.separator, address: nil)
      join.single = join.single.map { convert($0, address: nil) }
      join.entry = join.entry.map { mustache($0) }
      part.rendering.join = join
    }
    var phrases = OrderedDictionary<String, String>()
    let reports = reportsWording
    if part.asking.isHouse { reportsWording = false }
    defer { reportsWording = reports }
    for (value, phrase) in part.rendering.phrases {
      let key = convert(value, address: nil, report: false)
      if phrases[key] == nil { phrases[key] = mustache(phrase, report: reportsWording) }
    }
    part.rendering.phrases = phrases
    part.shape = converting(part.shape)
    return part
  }

  /// A `when`, `unless` or `unwrapWhen` with its values converted as the draft's choices are (`"*"` kept).
  private mutating func convertingCondition(_ condition: [String: [String]]) -> [String: [String]] {
    condition.mapValues { values in values.map { $0 == "*" ? $0 : convert($0, address: nil, report: false) } }
  }

  private mutating func converting(_ shape: Part.Shape) -> Part.Shape {
    switch shape {
    case .field(let kind): return .field(converting(kind))
    case .group(var group):
      group.parts = group.parts.map { converting($0) }
      return .group(group)
    case .list(var list):
      switch list.entries {
      case .values(let kind): list.entries = .values(converting(kind))
      case .records(var records):
        records.parts = records.parts.map { converting($0) }
        if var line = records.line {
          line.example = convert(line.example, address: nil, report: false)
          records.line = line
        }
        list.entries = .records(records)
      }
      return .list(list)
    }
  }

  private mutating func converting(_ kind: Part.Kind) -> Part.Kind {
    guard case .choice(let values, let isOpen) = kind else { return kind }
    // A choice's uncertain characters are said where the draft uses it.
    return .choice(values.map { convert($0, address: nil, report: false) }, isOpen: isOpen)
  }

  /// A Mustache template with the text between its tags converted, the tags (`{{#items}}`) left as they are.
  mutating func mustache(_ source: String, report: Bool = true) -> String {
    var result = "", rest = source[...]
    while let open = rest.range(of: "{{") {
      result += convert(String(rest[..<open.lowerBound]), address: nil, report: report)
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        rest = rest[open.lowerBound...]
        break
      }
      // A triple mustache `{{{name}}}` ends with one more brace.
      var end = close.upperBound
      if rest[open.upperBound...].hasPrefix("{"), end < rest.endIndex, rest[end] == "}" { end = rest.index(after: end) }
      result += rest[open.lowerBound..<end]
      rest = rest[end...]
    }
    return result + convert(String(rest), address: nil, report: report)
  }
}
