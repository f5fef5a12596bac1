import Foundation
internal import Mustache
import MinutesModel
import MinutesTemplates
import MinutesNormalization

/// The guided interview over a template: which parts a draft has, in what order they are asked, which are
/// missing, and how each is asked. Pure functions of the template and the draft.
///
/// The interview walks *slots*: every field of the draft in template order, every entry of a list of values,
/// and after each list the end slot (``Address/Step/end``) where a new entry is added. A slot is answered when it
/// has a value; end slots never are, so the interview always offers to add one more entry, and a blank answer
/// moves on. Parts whose `when` does not hold (a document status for an item that is not a document) are not
/// asked.
public struct Interview: Sendable {
  /// The template whose questions are asked.
  public let template: Template

  /// Creates the interview of `template`.
  public init(template: Template) { self.template = template }

  /// Why `address` names nothing in `minutes`: ``AssistantError/noSuchEntry(address:label:n:count:add:)`` for an
  /// entry past the end of its list (`:goto 1` before any motion), with how many there are and the `:add` that
  /// makes one; else ``AssistantError/noSuchPart(_:)``.
  public func absence(of address: Address, in minutes: Minutes) -> AssistantError {
    let shown = template.display(address)
    var prefix = Address.root
    for step in address.steps {
      if case .index(let n) = step, let part = template.part(at: prefix) {
        let count = minutes.entries(of: prefix).count
        if n > count {
          let add = template.display(prefix.appending(.end)).split(separator: ".").dropLast().joined(separator: ".")
          return .noSuchEntry(address: shown, label: part.label, n: n, count: count, add: add.isEmpty ? (part.names.first ?? part.key) : add)
        }
      }
      prefix = prefix.appending(step)
    }
    return .noSuchPart(shown)
  }

  // MARK: - Slots

  /// Every slot of `minutes`, in interview order.
  /// - Complexity: O(n) in the number of parts of the draft.
  public func slots(in minutes: Minutes) -> [Address] {
    var slots: [Address] = []
    visitSlots(in: minutes) { address, _, _ in slots.append(address) }
    return slots
  }

  /// Calls `body` for every slot of `minutes` in interview order, with what the slot requires and whether the
  /// draft lacks it (see ``Template/walk(_:slot:value:)``, the one walk that says which parts are asked, required
  /// and missing).
  /// - Complexity: O(n) in the number of parts of the draft.
  public func visitSlots(in minutes: Minutes, _ body: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void) {
    template.walk(minutes, slot: body)
  }

  /// The first unanswered slot after `address`, or `nil` when the interview is over.
  public func next(after address: Address, in minutes: Minutes) -> Address? {
    let all = slots(in: minutes)
    guard let index = all.firstIndex(of: address) else { return all.first { !isAnswered($0, in: minutes) } }
    return all[(index + 1)...].first { !isAnswered($0, in: minutes) }
  }

  /// The first unanswered slot, or `nil` when every slot is answered.
  public func firstQuestion(in minutes: Minutes) -> Address? {
    slots(in: minutes).first { !isAnswered($0, in: minutes) }
  }

  /// The required parts of `minutes`: its required fields and the end slot of each list that needs entries.
  public func requiredParts(in minutes: Minutes) -> [Address] {
    var required: [Address] = []
    visitSlots(in: minutes) { slot, requires, _ in if requires != nil { required.append(slot) } }
    return required
  }

  /// How many required parts are filled in, out of how many.
  public func progress(in minutes: Minutes) -> (done: Int, total: Int) {
    var (done, total) = (0, 0)
    visitSlots(in: minutes) { _, requires, isMissing in
      guard requires != nil else { return }
      total += 1
      if !isMissing { done += 1 }
    }
    return (done, total)
  }

  /// The required parts still missing, in interview order: empty required fields, and the end slot of each list
  /// with fewer entries than it needs.
  public func missing(in minutes: Minutes) -> [Address] {
    var missing: [Address] = []
    visitSlots(in: minutes) { slot, _, isMissing in if isMissing { missing.append(slot) } }
    return missing
  }

  /// Whether `address` names something the draft has: a part of an existing record (set or not), an existing
  /// entry, or the end of a list whose owner exists.
  public func contains(_ address: Address, in minutes: Minutes) -> Bool {
    guard template.part(at: address) != nil else { return false }
    var prefix = Address.root
    for step in address.steps {
      if case .index(let n) = step, minutes.entries(of: prefix).count < n { return false }
      prefix = prefix.appending(step)
    }
    return true
  }

  /// Whether the slot at `address` has a value; end slots never do.
  public func isAnswered(_ address: Address, in minutes: Minutes) -> Bool {
    !address.isEnd && minutes.value(at: address) != nil
  }

  // MARK: - Values

  /// The current value at `address` as the clerk would type it, or `nil` when empty or absent. An entry of a
  /// list of records shows its title part, or its whole line when the list reads lines.
  public func value(at address: Address, in minutes: Minutes) -> String? {
    guard !address.isEnd, let part = template.part(at: address), let value = minutes.value(at: address) else {
      return nil
    }
    if address.listEntry != nil, let records = part.records {
      guard let record = value.record else { return nil }
      if let line = records.line { return Self.lineText(record, part: part, line: line) }
      guard let key = part.titleKey, let title = part.child(key) else { return nil }
      return record[key].flatMap { display($0, part: title) }
    }
    return display(value, part: part)
  }

  /// A scalar as the clerk types it: a flag as the template's first yes or no word; a date without its year as
  /// ``PartialDate/typed(language:)`` writes it (`9月13日`, not the stored `--09-13`).
  func display(_ value: Value, part: Part) -> String? {
    switch value {
    case .flag(let flag): return flag ? template.yesNo.yes.first : template.yesNo.no.first
    case .text(let text) where part.kind == .date: return PartialDate.typed(text, language: template.language)
    case .list(let values): return values.compactMap(\.scalarText).joined(separator: part.rendering.join?.separator ?? "、")
    case .record: return nil
    default: return value.scalarText
    }
  }

  /// An entry of a list that reads lines, written back as such a line.
  static func lineText(_ record: Record, part: Part, line: Part.LineFormat) -> String {
    let separator = line.separator == " " ? " " : line.separator + " "
    return line.parts.compactMap { key -> String? in
      guard let value = record[key] else { return nil }
      if let values = value.list {
        let sub = part.child(key)
        let join = sub?.rendering.join?.separator ?? sub?.cleanUp.split?.first.map(String.init) ?? " "
        return values.compactMap(\.scalarText).joined(separator: join)
      }
      return value.scalarText
    }.joined(separator: separator)
  }

  /// The questions of a new draft in interview order, one line each with its address and label, indented by
  /// depth; each list's first entry stands for all of them. What `minutes templates show --questions` prints.
  public func outline() -> [String] {
    var lines: [String] = []
    template.walkShape { part, here, depth in
      guard part.asking.isAsked else { return false }
      let indent = String(repeating: "  ", count: depth)
      let required = part.rules.required ? template.messages.requiredMark : ""
      // The slot asked: the field itself, or a list's first entry.
      let asked: Address
      switch part.shape {
      case .group:
        return true
      case .list(let list):
        // A list of records asked part by part: its first entry's parts stand for every entry's.
        if case .records(let records) = list.entries, records.firstPart != nil {
          lines.append("\(indent)\(template.display(here.appending(.index(1))))  \(part.label)\(required)")
          return true
        }
        asked = here.appending(.index(1))
      case .field:
        asked = here
      }
      let question = self.question(at: asked, in: Minutes(template: template.id), markingUnanswered: true)
      lines.append("\(indent)\(template.display(asked))  \(part.label)\(required)  \(question)")
      return false
    }
    return lines
  }

  // MARK: - Asking

  /// The part whose question is asked at `address` (see ``Template/askedPart(at:)``).
  public func askedPart(at address: Address) -> Part? { template.askedPart(at: address) }

  /// A short prompt naming where the clerk is, e.g. `議題2 指示1 要點3` (see ``Template/label(of:in:)``).
  public func label(of address: Address, in minutes: Minutes) -> String { template.label(of: address, in: minutes) }

  /// The question for `address`, from the template. Its Mustache sees each list's counter (`{{item}}`), `n`
  /// (the innermost list's number), `needed`, true when the entry asked is one its list cannot do without
  /// (see ``isNeeded(_:in:)``), so that a question says "press Enter to finish" only where Enter finishes:
  /// `{{^needed}}；直接按 Enter 表示議題已全部輸入{{/needed}}`, and the text answers of the record that holds
  /// the part, by key (`{{task}}`); a counter or `needed` wins over an answer of the same key. With
  /// `markingUnanswered` (the questions listed before any answer, `templates show --questions`), a part of that
  /// record not answered prints as its mark (``Messages/missingMark(_:)``: `Did [Secretary] act as secretary…`),
  /// never as nothing (`Did  act as secretary…`).
  public func question(at address: Address, in minutes: Minutes, markingUnanswered: Bool = false) -> String {
    guard let source = askedPart(at: address)?.asking.question else { return label(of: address, in: minutes) + "？" }
    // A question without a tag is its own rendering (`{{` opens every tag, and the text pragma escapes nothing).
    guard source.includes("{{") else { return source }
    guard let mustache = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source) else { return source }
    var context: [String: Any] = [:]
    let numbers = template.numbers(of: address, in: minutes)
    for (list, n) in numbers { context[list.asking.counter ?? list.key] = n }
    context["n"] = numbers.last?.number
    context["needed"] = isNeeded(address, in: minutes)
    // The entry's other answers, by key, for a question about one of its parts (`{{task}}`); the counters win.
    if let record = minutes.value(at: address.parent)?.record {
      for (key, value) in record.fields where context[key] == nil { if let text = value.text { context[key] = text } }
    }
    if markingUnanswered {
      for part in template.part(at: address.parent)?.parts ?? [] where context[part.key] == nil {
        context[part.key] = template.messages.missingMark(part.label)
      }
    }
    return mustache.render(context)
  }

  /// Whether `address` asks for a new entry of a list that has fewer entries than its minimum (the first agenda
  /// item): there, a blank answer does not end the list but is refused, and the question must not offer it.
  public func isNeeded(_ address: Address, in minutes: Minutes) -> Bool {
    guard address.steps.contains(.end), let last = template.numbers(of: address, in: minutes).last else { return false }
    return last.number <= last.list.minimumCount
  }

  /// The answers offered with Tab at `address`.
  public func choices(at address: Address) -> [String] {
    guard let part = askedPart(at: address) else { return [] }
    switch part.kind {
    case .yesno?: return template.yesNo.yes + template.yesNo.no
    default: return part.choiceValues
    }
  }
}
