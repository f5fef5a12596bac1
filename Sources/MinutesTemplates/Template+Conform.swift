import Foundation
import OrderedCollections
import MinutesModel

extension Template {
  /// The minutes with every value given the type its part declares and every record in the template's order,
  /// as they are written to files. Files are read without the template, every scalar as text; this is where
  /// `term: 10` becomes a number again while a name such as `10` stays text.
  /// - Throws: ``TemplateError/draftMismatch(template:address:reason:)`` when a key is not a part of the
  ///   template or a value has another shape (a list where text belongs).
  /// - Complexity: O(n) in the number of values of the draft: one read-only pass when the draft is conformed
  ///   already (as every draft the program saved and reads back from its cache is), else one ``fold(_:with:)``
  ///   that rebuilds it.
  ///
  /// A house-style choice the template does not have (an office's variant removed it, or the whole `house` group)
  /// is left out rather than refused: it only said how the export prints, and a draft must not become unreadable
  /// because its office changed its style.
  public func conform(_ minutes: Minutes) throws -> Minutes {
    // Rebuilding a draft that is as conform makes it would make an equal copy, and hold two drafts in memory.
    isConformed(minutes) ? minutes : try rebuiltConformed(minutes)
  }

  /// Whether `minutes` is as ``conform(_:)`` makes it (which then gives it back as it is).
  /// - Complexity: O(n) in the size of the draft, without copying it.
  public func isConformed(_ minutes: Minutes) -> Bool {
    // The house style is compared alone: what leaving out unknown choices changes is under `house`.
    withoutUnknownHouseStyle(minutes.content)["house"] == minutes.content["house"] && Self.isConformed(minutes.content, parts: parts)
  }

  /// ``conform(_:)`` by rebuilding every record, whether or not the draft is conformed already.
  package func rebuiltConformed(_ minutes: Minutes) throws -> Minutes {
    var copy = minutes
    var conform = Conform(template: id)
    if case .record(let content) = try fold(withoutUnknownHouseStyle(minutes.content), with: &conform) { copy.content = content }
    return copy
  }

  /// Whether `record` is as ``conform(_:)`` makes it: every key a part, in the parts' order, and every value of
  /// its part's shape and kind (a number as a number, a choice as one of its values or as text that is none of them
  /// in any letter case).
  static func isConformed(_ record: Record, parts: [Part]) -> Bool {
    var next = 0
    for (key, value) in record.fields {
      guard let index = parts[next...].firstIndex(where: { $0.key == key }), isConformed(value, shape: parts[index].shape)
      else { return false }
      next = index + 1
    }
    return true
  }

  private static func isConformed(_ value: Value, shape: Part.Shape) -> Bool {
    switch shape {
    case .field(let kind):
      return isConformed(value, kind: kind)
    case .group(let group):
      guard case .record(let record) = value else { return false }
      return isConformed(record, parts: group.parts)
    case .list(let list):
      guard case .list(let entries) = value else { return false }
      switch list.entries {
      case .values(let kind):
        return entries.allSatisfy { isConformed($0, kind: kind) }
      case .records(let records):
        return entries.allSatisfy { entry in
          guard case .record(let record) = entry else { return false }
          return isConformed(record, parts: records.parts)
        }
      }
    }
  }

  private static func isConformed(_ value: Value, kind: Part.Kind) -> Bool {
    switch (kind, value) {
    case (.number, .number), (.count, .number), (.yesno, .flag), (.text, .text), (.date, .text), (.time, .text): true
    case (.choice(let values, _), .text(let text)):
      values.containsText(text) || !values.contains { $0.lowercased() == text.lowercased() }
    default: false
    }
  }

  /// `content` without the house-style choices (under a top-level `house` key) that the template does not have.
  private func withoutUnknownHouseStyle(_ content: Record) -> Record {
    guard let stored = content["house"]?.record else { return content }
    let group = parts.first { $0.key == "house" }
    guard group == nil || group?.asking.isHouse == true else { return content }
    var content = content
    var kept = Record()
    for (key, value) in stored.fields where group?.child(key) != nil { kept[key] = value }
    content["house"] = kept.isEmpty ? nil : .record(kept)
    return content
  }
}

/// Conform as a fold: each value typed as its part declares, each record rebuilt in the template's order; the
/// first key that is no part, or value of another shape, throws.
private struct Conform: DraftFolder {
  typealias Failure = TemplateError
  let template: String

  func enter(_ record: Record, parts: [Part], at address: Address) throws(TemplateError) {
    for key in record.fields.keys where !parts.contains(where: { $0.key == key }) {
      throw mismatch(address.appending(key: key), .notAPart(key: key, parts: parts.map(\.key)))
    }
  }

  func record(_ record: Record, parts: [Part], results: [Value?], at address: Address, entry: Int?) -> Value {
    var fields: OrderedDictionary<String, Value> = [:]
    for (part, result) in zip(parts, results) {
      if let result { fields[part.key] = result }
    }
    return .record(Record(fields))
  }

  func list(_ entries: [Value], results: [Value], of part: Part, at address: Address) -> Value { .list(results) }

  func misshapen(_ value: Value, part: Part, at address: Address, entry: Int?) throws(TemplateError) -> Value {
    if entry == nil, case .list = part.shape { throw mismatch(address, .expectedList) }
    throw mismatch(address, .expectedMapping(parts: part.parts.map(\.key)))
  }

  func value(_ value: Value, of kind: Part.Kind, part: Part, at address: Address, entry: Int?) throws(TemplateError) -> Value {
    switch (kind, value) {
    case (_, .list), (_, .record):
      throw mismatch(address, .expectedSingleValue)
    case (.number, .number), (.count, .number):
      return value
    case (.number, _), (.count, _):
      guard let text = value.scalarText, let n = Int(text) ?? ChineseNumeral.parse(text) else {
        throw mismatch(address, .expectedWholeNumber)
      }
      return .number(n)
    case (.yesno, .flag):
      return value
    case (.yesno, _):
      switch value.scalarText?.lowercased() {
      case "true", "yes": return .flag(true)
      case "false", "no": return .flag(false)
      default: throw mismatch(address, .expectedYesOrNo)
      }
    case (.choice(let values, _), _):
      // A choice written by hand in another letter case is the choice, as the interview takes it.
      let text = value.scalarText ?? ""
      if values.contains(text) { return .text(text) }  // as written: no letter case to compare (most of conforming)
      let lowercased = text.lowercased()
      return .text(values.first { $0.lowercased() == lowercased } ?? text)
    case (.text, _), (.date, _), (.time, _):
      return .text(value.scalarText ?? "")
    }
  }

  private func mismatch(_ address: Address, _ reason: DraftMismatch) -> TemplateError {
    .draftMismatch(template: template, address: address.description, reason: reason)
  }
}

/// How a draft read from a file does not have the shape its template declares.
public enum DraftMismatch: Hashable, Sendable {
  /// A key that is not a part of the template there; with the parts there are.
  case notAPart(key: String, parts: [String])
  /// A single value or mapping where a list belongs.
  case expectedList
  /// Something else where a mapping of these parts belongs.
  case expectedMapping(parts: [String])
  /// A list or mapping where one value belongs.
  case expectedSingleValue
  /// Text that is no whole number where a number belongs.
  case expectedWholeNumber
  /// Text that is neither true nor false where a yes or no belongs.
  case expectedYesOrNo

  /// What is wrong, in English.
  public var english: String {
    switch self {
    case .notAPart(let key, let parts): "`\(key)` is not a part of this template; its parts here are \(parts.joined(separator: ", "))"
    case .expectedList: "expected a list"
    case .expectedMapping(let parts): "expected a mapping of \(parts.joined(separator: ", "))"
    case .expectedSingleValue: "expected a single value"
    case .expectedWholeNumber: "expected a whole number"
    case .expectedYesOrNo: "expected true or false"
    }
  }

  /// What is wrong, in Traditional Chinese (see ``Messages/Wording``).
  public var chinese: Messages.Wording {
    switch self {
    case .notAPart(let key, let parts): "`\(key)` 不是這個範本的部分；這裏的部分是 \(parts.map { "`\($0)`" }.joined(separator: "、"))"
    case .expectedList: "應為列表"
    case .expectedMapping(let parts): "應為含 \(parts.map { "`\($0)`" }.joined(separator: "、")) 的映射"
    case .expectedSingleValue: "應為單一的值"
    case .expectedWholeNumber: "應為整數"
    case .expectedYesOrNo: "應為 `true` 或 `false`"
    }
  }
}
