import Foundation
import MinutesModel

/// A three-way merge of two clerks' drafts of one meeting from the draft both started from, part by part: what
/// one side changed and the other did not is taken; what both changed the same way is taken once; what both
/// changed differently is a conflict, named by its address, and nothing is chosen for the clerk.
///
/// Lists merge entry by entry while both sides keep the entries the base had in place (each may change them);
/// entries appended by either side are added after them, ours first. A side that deleted, moved or reordered
/// entries of a list the other side also changed makes the whole list a conflict: the entries' positions no
/// longer say which entry is which, and merging by position would put an answer under the wrong entry.
public enum DraftMerge {
  /// The merged content and the addresses where the two sides conflict (``Template/display(_:)`` shows them to
  /// the clerk); at each conflict, `merged` holds the side preferred, and is for showing the conflict only.
  public struct Outcome: Hashable, Sendable {
    /// The merged content.
    public var merged: Record
    /// Where both sides changed the same part differently, in the order of the content.
    public var conflicts: [Address]
  }

  /// Merges `ours` and `theirs`, both descended from `base`; where they conflict, the merged content holds
  /// `ours`, or `theirs` when `preferringTheirs`.
  public static func merge(base: Record, ours: Record, theirs: Record, preferringTheirs: Bool = false) -> Outcome {
    var conflicts: [Address] = []
    let merged = preferringTheirs
      ? merge(record: base, theirs, ours, at: .root, conflicts: &conflicts)
      : merge(record: base, ours, theirs, at: .root, conflicts: &conflicts)
    return Outcome(merged: merged, conflicts: conflicts)
  }

  private static func merge(record base: Record, _ ours: Record, _ theirs: Record, at path: Address, conflicts: inout [Address]) -> Record {
    var result = Record()
    var keys = Array(ours.fields.keys)
    keys += theirs.fields.keys.filter { ours[$0] == nil }
    for key in keys {
      if let value = merge(base[key], ours[key], theirs[key], at: path.appending(key: key), conflicts: &conflicts) { result[key] = value }
    }
    return result
  }

  /// Whether `side` holds the entries of `base` where `base` has them (each changed or not, but none deleted,
  /// moved or replaced by another of the base's entries), with entries appended after them at most.
  private static func keepsInPlace(_ side: [Value], _ base: [Value]) -> Bool {
    guard side.count >= base.count else { return false }
    return base.indices.allSatisfy { index in
      side[index] == base[index] || !base.indices.contains { $0 != index && base[$0] == side[index] }
    }
  }

  /// The merged value, `nil` when the part is unset after the merge.
  private static func merge(_ base: Value?, _ ours: Value?, _ theirs: Value?, at path: Address, conflicts: inout [Address]) -> Value? {
    if ours == theirs { return ours }
    if ours == base { return theirs }
    if theirs == base { return ours }
    switch (base, ours, theirs) {
    case (.record(let b)?, .record(let o)?, .record(let t)?):
      return .record(merge(record: b, o, t, at: path, conflicts: &conflicts))
    case (nil, .record(let o)?, .record(let t)?):
      return .record(merge(record: Record(), o, t, at: path, conflicts: &conflicts))
    case (.list(let b)?, .list(let o)?, .list(let t)?) where keepsInPlace(o, b) && keepsInPlace(t, b):
      var entries = (0..<b.count).map { index in
        merge(b[index], o[index], t[index], at: path.appending(.index(index + 1)), conflicts: &conflicts) ?? b[index]
      }
      // Entries both appended: ours, then theirs that ours does not have.
      let ourTail = Array(o.dropFirst(b.count))
      entries += ourTail + t.dropFirst(b.count).filter { !ourTail.contains($0) }
      return .list(entries)
    default:
      conflicts.append(path)
      return ours
    }
  }
}
