import Foundation
import MinutesModel

/// What changed between two versions of a draft, part by part: each answer added, removed or changed, at its
/// address. Lists are compared entry by entry when they have as many entries; otherwise their entries are matched
/// by a shortest edit script (`difference(from:)`), so that an entry added in the middle shows as one addition
/// rather than a change of every entry after it.
public enum DraftDiff {
  /// One changed answer.
  public struct Change: Hashable, Sendable {
    /// Added, removed or changed.
    public enum Kind: Hashable, Sendable { case added, removed, changed }
    /// What happened to it.
    public var kind: Kind
    /// Where the answer is (in the newer version for additions and changes, the older for removals).
    public var address: Address
    /// The answer before (`nil` when added).
    public var old: String?
    /// The answer after (`nil` when removed).
    public var new: String?
  }

  /// The answers that differ from `old` to `new`, in the order of the draft; empty when none.
  public static func changes(from old: Record, to new: Record) -> [Change] {
    var changes: [Change] = []
    compare(.record(old), .record(new), at: .root, into: &changes)
    return changes
  }

  private static func compare(_ old: Value?, _ new: Value?, at address: Address, into changes: inout [Change]) {
    if old == new { return }
    switch (old, new) {
    case (.record(let a)?, .record(let b)?):
      var keys = Array(b.fields.keys)
      keys += a.fields.keys.filter { b[$0] == nil }
      for key in keys { compare(a[key], b[key], at: address.appending(key: key), into: &changes) }
    case (.list(let a)?, .list(let b)?) where a.count == b.count:
      for index in a.indices { compare(a[index], b[index], at: address.appending(.index(index + 1)), into: &changes) }
    case (.list(let a)?, .list(let b)?):
      var removed: [Int: Value] = [:], inserted: [Int: Value] = [:]
      for step in b.difference(from: a) {
        switch step {
        case .remove(let offset, let entry, _): removed[offset] = entry
        case .insert(let offset, let entry, _): inserted[offset] = entry
        }
      }
      for offset in removed.keys.sorted() { leaves(of: removed[offset]!, at: address.appending(.index(offset + 1)), as: .removed, into: &changes) }
      for offset in inserted.keys.sorted() { leaves(of: inserted[offset]!, at: address.appending(.index(offset + 1)), as: .added, into: &changes) }
    case (let old?, let new?) where old.isScalar && new.isScalar:
      changes.append(Change(kind: .changed, address: address, old: old.scalarText, new: new.scalarText))
    default:
      if let old { leaves(of: old, at: address, as: .removed, into: &changes) }
      if let new { leaves(of: new, at: address, as: .added, into: &changes) }
    }
  }

  /// Each answer inside `value`, as added or removed.
  private static func leaves(of value: Value, at address: Address, as kind: Change.Kind, into changes: inout [Change]) {
    switch value {
    case .record(let record):
      for (key, child) in record.fields { leaves(of: child, at: address.appending(key: key), as: kind, into: &changes) }
    case .list(let entries):
      for (index, entry) in entries.enumerated() { leaves(of: entry, at: address.appending(.index(index + 1)), as: kind, into: &changes) }
    case .text, .number, .flag:
      changes.append(Change(kind: kind, address: address, old: kind == .removed ? value.scalarText : nil,
                            new: kind == .added ? value.scalarText : nil))
    }
  }
}
