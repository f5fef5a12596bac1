import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// ``Template/conform(_:)`` returns a draft that is conformed already as it is, without rebuilding it: the same
/// draft, or the same error, as rebuilding it (``Template/rebuiltConformed(_:)``) gives, over random drafts of
/// every built-in template whose values are of their kind, out of it (numbers and yes/no as text, a choice in
/// another letter case, a list where one value belongs), in another order, or under keys that are no parts.
@Suite struct ConformShortcutTests {
  static let texts = ["", "劉成剛", "10", "yes", "No", "TRUE", "十", "the budget", "Adopted", "adopted"]

  @Test(arguments: TestSupport.builtInTemplates)
  func aConformedDraftIsReturnedAsRebuildingWouldReturnIt(template id: String) throws {
    let template = try TestSupport.template(id: id)
    var random = SplitMix64(seed: id.utf8.reduce(0xC0F0_0001) { $0 &* 31 &+ UInt64($1) })
    var (shortcuts, differing) = (0, 0)
    for n in 0..<400 {
      let minutes = Minutes(template: template.id, content: Self.record(template.parts, &random, depth: 0))
      let rebuilt = Result { try template.rebuiltConformed(minutes) }
      let conformed = Result { try template.conform(minutes) }
      if Template.isConformed(minutes.content, parts: template.parts), (try? template.conform(minutes)) == minutes { shortcuts += 1 }
      switch (conformed, rebuilt) {
      case (.success(let a), .success(let b)) where a == b: continue
      case (.failure(let a), .failure(let b)) where "\(a)" == "\(b)": continue
      default:
        differing += 1
        if differing <= 3 { Issue.record("draft \(n): conform \(conformed), rebuilt \(rebuilt)") }
      }
    }
    #expect(differing == 0)
    // Both ways were taken: the shortcut is no test if no draft takes it, nor the rebuilding if every one does.
    #expect(shortcuts > 20 && shortcuts < 380, "\(shortcuts) of 400 conformed already")
  }

  /// A conformed draft (a rebuilt one) takes the shortcut and is returned equal.
  @Test(arguments: TestSupport.builtInTemplates)
  func theExampleConformedIsConformedAlready(template id: String) throws {
    let (template, minutes) = try TestSupport.example(id)
    let conformed = try template.rebuiltConformed(minutes)
    #expect(Template.isConformed(conformed.content, parts: template.parts))
    #expect(try template.conform(conformed) == conformed)
  }

  static func record(_ parts: [Part], _ random: inout SplitMix64, depth: Int) -> Record {
    var record = Record()
    var chosen = parts.filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
    // Now and then in another order, or with a key that is no part.
    if Int.random(in: 0..<25, using: &random) == 0 { chosen.shuffle(using: &random) }
    for part in chosen {
      if let value = value(part, &random, depth: depth) { record[part.key] = value }
    }
    if Int.random(in: 0..<40, using: &random) == 0 { record["unknown"] = .text("x") }
    return record
  }

  static func value(_ part: Part, _ random: inout SplitMix64, depth: Int) -> Value? {
    if Int.random(in: 0..<60, using: &random) == 0 { return .list([.text("x")]) }
    switch part.shape {
    case .field(let kind): return scalar(kind, &random)
    case .group(let group): return .record(record(group.parts, &random, depth: depth + 1))
    case .list(let list):
      let count = Int.random(in: 0...(depth > 2 ? 1 : 3), using: &random)
      switch list.entries {
      case .values(let kind): return .list((0..<count).compactMap { _ in scalar(kind, &random) })
      case .records(let records): return .list((0..<count).map { _ in .record(record(records.parts, &random, depth: depth + 1)) })
      }
    }
  }

  static func scalar(_ kind: Part.Kind, _ random: inout SplitMix64) -> Value? {
    if Int.random(in: 0..<30, using: &random) == 0 { return .text(texts.randomElement(using: &random)!) }
    switch kind {
    case .text, .date, .time: return .text(texts.randomElement(using: &random)!)
    case .number, .count: return .number(Int.random(in: 0...30, using: &random))
    case .choice(let values, _):
      let value = (values + ["other"]).randomElement(using: &random)!
      return .text(Int.random(in: 0..<20, using: &random) == 0 ? value.uppercased() : value)
    case .yesno: return .flag(Bool.random(using: &random))
    }
  }
}
