import Foundation

import MinutesKit

/// Random drafts of a template's parts, for the property tests that compare two ways of doing one thing on drafts
/// no one designed (the export's two renderers, conforming with and without rebuilding).
public struct RandomDrafts {
  /// The texts drawn for a text field, and for a value put out of its kind.
  public var texts = ["", "劉成剛", "區政府常務會議", "10", "十", "yes", "No", "the budget", "Adopted", "adopted", "a, b", "《辦法》",
                      " ", "Jr."]
  /// Whether drafts are also drawn as a hand-edited file may hold them: now and then a value out of its kind (a
  /// number or yes/no as text, a choice in capitals, a list where one value belongs), parts in another order, a
  /// key that is no part.
  public var odd: Bool

  /// Drafts of values of their kind, or (`odd`) now and then out of it.
  public init(odd: Bool) { self.odd = odd }

  /// A record of `parts`: each part there two times in three, lists of up to three entries (one, three levels down).
  public func record(_ parts: [Part], _ random: inout SplitMix64, depth: Int = 0) -> Record {
    var record = Record()
    var chosen = parts.filter { _ in Int.random(in: 0..<3, using: &random) > 0 }
    if odd, Int.random(in: 0..<25, using: &random) == 0 { chosen.shuffle(using: &random) }
    for part in chosen { record[part.key] = value(part, &random, depth: depth) }
    if odd, Int.random(in: 0..<40, using: &random) == 0 { record["unknown"] = .text("x") }
    return record
  }

  private func value(_ part: Part, _ random: inout SplitMix64, depth: Int) -> Value {
    if odd, Int.random(in: 0..<60, using: &random) == 0 { return .list([.text("x")]) }
    switch part.shape {
    case .field(let kind): return scalar(kind, &random)
    case .group(let group): return .record(record(group.parts, &random, depth: depth + 1))
    case .list(let list):
      let count = Int.random(in: 0...(depth > 2 ? 1 : 3), using: &random)
      switch list.entries {
      case .values(let kind): return .list((0..<count).map { _ in scalar(kind, &random) })
      case .records(let records): return .list((0..<count).map { _ in .record(record(records.parts, &random, depth: depth + 1)) })
      }
    }
  }

  private func scalar(_ kind: Part.Kind, _ random: inout SplitMix64) -> Value {
    if odd, Int.random(in: 0..<15, using: &random) == 0 { return .text(texts.randomElement(using: &random)!) }
    switch kind {
    case .text: return .text(texts.randomElement(using: &random)!)
    case .number, .count: return .number(Int.random(in: 0...30, using: &random))
    case .date: return .text(["2024-03-08", "--04-09", "---13", "2026-12-31"].randomElement(using: &random)!)
    case .time: return .text(["09:30", "12:00", "19:02", "00:00"].randomElement(using: &random)!)
    case .choice(let values, _):
      let value = (values + ["other"]).randomElement(using: &random)!
      return .text(odd && Int.random(in: 0..<20, using: &random) == 0 ? value.uppercased() : value)
    case .yesno: return .flag(Bool.random(using: &random))
    }
  }
}
