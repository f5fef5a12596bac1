import Foundation
import Mustache

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

  // MARK: - Slots

  /// Every slot of `minutes`, in interview order.
  /// - Complexity: O(n) in the number of parts of the draft.
  public func slots(in minutes: Minutes) -> [Address] {
    var slots: [Address] = []
    visitSlots(in: minutes) { address, _, _ in slots.append(address) }
    return slots
  }

  /// Calls `body` for every slot of `minutes` in interview order, with what the slot requires (`nil`: nothing;
  /// for a field, 0: a value; for the end of a list, the fewest entries) and whether the draft lacks it. The one
  /// walk that says which parts are asked, required and missing: slots, progress, the missing parts and the
  /// validator's `required` rule all come from it.
  /// - Complexity: O(n) in the number of parts of the draft.
  public func visitSlots(in minutes: Minutes, _ body: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void) {
    walk(template.parts, minutes.content, at: .root, asked: true, slot: body, value: nil)
  }

  /// As ``visitSlots(in:_:)``, and in the same pass `value` for every value of the draft, asked or not, with its
  /// part: an entry of a list (a record, or a value) or a field's value. One walk serves the validator's rules
  /// of missing parts and of values.
  func visit(_ minutes: Minutes, slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void,
             value: (_ value: Value, _ part: Part, _ address: Address) -> Void) {
    withoutActuallyEscaping(value) { value in
      walk(template.parts, minutes.content, at: .root, asked: true, slot: slot, value: value)
    }
  }

  /// Walks `parts` of `record` in interview order. `asked` is false under a part that is not asked (`ask: false`,
  /// a `when` that does not hold) and inside a list that reads whole lines: its slots are not visited, its
  /// values are (when `value` is given).
  private func walk(_ parts: [Part], _ record: Record?, at address: Address, asked: Bool,
                    slot: (_ slot: Address, _ requires: Int?, _ isMissing: Bool) -> Void,
                    value: ((_ value: Value, _ part: Part, _ address: Address) -> Void)?) {
    for part in parts {
      let isAsked = asked && part.isAsked && Self.applies(part, in: record)
      guard isAsked || value != nil else { continue }
      let here = address.appending(key: part.key)
      if part.isList {
        let entries = record?[part.key]?.list ?? []
        for (offset, entry) in entries.enumerated() {
          let entryAddress = here.appending(.index(offset + 1))
          value?(entry, part, entryAddress)
          if part.isRecord, part.line == nil {
            walk(part.parts, entry.record, at: entryAddress, asked: isAsked, slot: slot, value: value)
          } else {
            if isAsked { slot(entryAddress, nil, false) }
            if part.isRecord { walk(part.parts, entry.record, at: entryAddress, asked: false, slot: slot, value: value) }
          }
        }
        if isAsked {
          let minimum = part.minimumCount
          slot(here.appending(.end), minimum > 0 ? minimum : nil, entries.count < minimum)
        }
      } else if part.isRecord {
        walk(part.parts, record?[part.key]?.record, at: here, asked: isAsked, slot: slot, value: value)
      } else {
        let held = record?[part.key]
        if isAsked { slot(here, part.required ? 0 : nil, part.required && held == nil) }
        if let held { value?(held, part, here) }
      }
    }
  }

  /// Whether a part applies in the record that holds it: its `when` holds and its `unless` does not.
  static func applies(_ part: Part, in record: Record?) -> Bool {
    holds(part.when, in: record) && (part.unless.map { !holds($0, in: record) } ?? true)
  }

  /// Whether every key of `condition` holds one of its values in `record`.
  static func holds(_ condition: [String: [String]]?, in record: Record?) -> Bool {
    guard let condition else { return true }
    return condition.allSatisfy { key, values in
      guard let value = record?[key] else { return false }
      return values.contains("*") || value.scalarText.map(values.contains) == true
    }
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
    if part.isList, address.listEntry != nil, part.isRecord {
      guard let record = value.record else { return nil }
      if let line = part.line { return Self.lineText(record, part: part, line: line) }
      guard let key = part.titleKey, let title = part.child(key) else { return nil }
      return record[key].flatMap { display($0, part: title) }
    }
    return display(value, part: part)
  }

  /// A scalar as the clerk types it: a flag as the template's first yes or no word.
  func display(_ value: Value, part: Part) -> String? {
    switch value {
    case .flag(let flag): flag ? template.yesNo.yes.first : template.yesNo.no.first
    case .list(let values): values.compactMap(\.scalarText).joined(separator: part.join?.separator ?? "、")
    case .record: nil
    default: value.scalarText
    }
  }

  /// An entry of a list that reads lines, written back as such a line.
  static func lineText(_ record: Record, part: Part, line: Part.LineFormat) -> String {
    let separator = line.separator == " " ? " " : line.separator + " "
    return line.parts.compactMap { key -> String? in
      guard let value = record[key] else { return nil }
      if let values = value.list {
        let join = part.child(key)?.join?.separator ?? part.child(key)?.split?.first.map(String.init) ?? " "
        return values.compactMap(\.scalarText).joined(separator: join)
      }
      return value.scalarText
    }.joined(separator: separator)
  }

  /// The questions of a new draft in interview order, one line each with its address and label, indented by
  /// depth; each list's first entry stands for all of them. What `minutes templates show --questions` prints.
  public func outline() -> [String] {
    var lines: [String] = []
    func walk(_ parts: [Part], at address: Address, depth: Int) {
      for part in parts where part.isAsked {
        let here = address.appending(key: part.key)
        let indent = String(repeating: "  ", count: depth)
        let required = part.required ? (template.messages.isChinese ? "（必填）" : " (required)") : ""
        if part.isList, part.isRecord, part.line == nil {
          lines.append("\(indent)\(template.display(here.appending(.index(1))))  \(part.label)\(required)")
          walk(part.parts, at: here.appending(.index(1)), depth: depth + 1)
        } else if part.isRecord, !part.isList {
          walk(part.parts, at: here, depth: depth)
        } else {
          let shown = template.display(part.isList ? here.appending(.index(1)) : here)
          let question = self.question(at: part.isList ? here.appending(.index(1)) : here, in: Minutes(template: template.id))
          lines.append("\(indent)\(shown)  \(part.label)\(required)  \(question)")
        }
      }
    }
    walk(template.parts, at: .root, depth: 0)
    return lines
  }

  // MARK: - Asking

  /// The part whose question is asked at `address`: the field itself, the list for its entries, and for the end
  /// of a list of records that does not read lines, the first part of a new entry.
  public func askedPart(at address: Address) -> Part? {
    guard let part = template.part(at: address) else { return nil }
    if address.isEnd, part.isRecord, part.line == nil { return part.parts.first }
    return part
  }

  /// The question for `address`, from the template.
  public func question(at address: Address, in minutes: Minutes) -> String {
    guard let source = askedPart(at: address)?.question else { return label(of: address, in: minutes) + "？" }
    guard let mustache = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source) else { return source }
    var context: [String: Any] = [:]
    let numbers = self.numbers(of: address, in: minutes)
    for (list, n) in numbers { context[list.counter ?? list.key] = n }
    context["n"] = numbers.last?.number
    return mustache.render(context)
  }

  /// A short prompt naming where the clerk is, e.g. `議題2 指示1 要點3`.
  public func label(of address: Address, in minutes: Minutes) -> String {
    let numbers = self.numbers(of: address, in: minutes)
    // 議題2 in Chinese; Item 2 in English.
    let space = template.messages.isChinese ? "" : " "
    var words = numbers.map { "\($0.list.label)\(space)\($0.number)" }
    if let asked = askedPart(at: address), !(asked.isList && address.listEntry != nil) { words.append(asked.label) }
    return words.joined(separator: " ")
  }

  /// The answers offered with Tab at `address`.
  public func choices(at address: Address) -> [String] {
    guard let part = askedPart(at: address) else { return [] }
    switch part.type {
    case .yesno: return template.yesNo.yes + template.yesNo.no
    default: return part.choiceValues
    }
  }

  /// The lists along `address` with the 1-based entry number in each; for an end slot, the number the new
  /// entry will get.
  func numbers(of address: Address, in minutes: Minutes) -> [(list: Part, number: Int)] {
    var result: [(Part, Int)] = []
    var part = template.root
    var prefix = Address.root
    for step in address.steps {
      switch step {
      case .key(let key):
        guard let child = part.parts.first(where: { $0.key == key }) else { return result }
        part = child
      case .index(let n): result.append((part, n))
      case .end: result.append((part, minutes.entries(of: prefix).count + 1))
      }
      prefix = prefix.appending(step)
    }
    return result
  }
}
