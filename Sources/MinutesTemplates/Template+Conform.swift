import Foundation
import OrderedCollections
import MinutesModel

extension Template {
  /// The minutes with every value given the type its part declares and every record in the template's order,
  /// as they are written to files. Files are read without the template, every scalar as text; this is where
  /// `term: 10` becomes a number again while a name such as `10` stays text.
  /// - Throws: ``TemplateError/draftMismatch(template:address:message:)`` when a key is not a part of the
  ///   template or a value has another shape (a list where text belongs).
  public func conform(_ minutes: Minutes) throws -> Minutes {
    var copy = minutes
    copy.content = try conform(minutes.content, to: root.parts, at: .root)
    return copy
  }

  private func conform(_ record: Record, to parts: [Part], at address: Address) throws -> Record {
    for key in record.fields.keys where !parts.contains(where: { $0.key == key }) {
      throw mismatch(address.appending(key: key), "`\(key)` is not a part of this template; its parts here are \(parts.map(\.key).joined(separator: ", "))")
    }
    var fields: OrderedDictionary<String, Value> = [:]
    for part in parts {
      guard let value = record[part.key] else { continue }
      fields[part.key] = try conform(value, to: part, at: address.appending(key: part.key))
    }
    return Record(fields)
  }

  private func conform(_ value: Value, to part: Part, at address: Address) throws -> Value {
    switch part.shape {
    case .field(let kind):
      return try conform(value, to: kind, at: address)
    case .group(let group):
      return try conform(value, toRecordOf: group.parts, at: address)
    case .list(let list):
      guard case .list(let entries) = value else { throw mismatch(address, "expected a list") }
      return .list(try entries.enumerated().map { offset, entry in
        let here = address.appending(.index(offset + 1))
        switch list.entries {
        case .values(let kind): return try conform(entry, to: kind, at: here)
        case .records(let records): return try conform(entry, toRecordOf: records.parts, at: here)
        }
      })
    }
  }

  private func conform(_ value: Value, toRecordOf parts: [Part], at address: Address) throws -> Value {
    guard case .record(let record) = value else {
      throw mismatch(address, "expected a mapping of \(parts.map(\.key).joined(separator: ", "))")
    }
    return .record(try conform(record, to: parts, at: address))
  }

  private func conform(_ value: Value, to kind: Part.Kind, at address: Address) throws -> Value {
    switch (kind, value) {
    case (_, .list), (_, .record):
      throw mismatch(address, "expected a single value")
    case (.number, .number), (.count, .number):
      return value
    case (.number, _), (.count, _):
      guard let text = value.scalarText, let n = Int(text) ?? ChineseNumeral.parse(text) else {
        throw mismatch(address, "expected a whole number")
      }
      return .number(n)
    case (.yesno, .flag):
      return value
    case (.yesno, _):
      switch value.scalarText?.lowercased() {
      case "true", "yes": return .flag(true)
      case "false", "no": return .flag(false)
      default: throw mismatch(address, "expected true or false")
      }
    case (.choice(let values, _), _):
      // A choice written by hand in another letter case is the choice, as the interview takes it.
      let text = value.scalarText ?? ""
      return .text(values.first { $0 != text && $0.lowercased() == text.lowercased() } ?? text)
    case (.text, _), (.date, _), (.time, _):
      return .text(value.scalarText ?? "")
    }
  }

  private func mismatch(_ address: Address, _ message: String) -> TemplateError {
    .draftMismatch(template: id, address: address.description, message: message)
  }
}
