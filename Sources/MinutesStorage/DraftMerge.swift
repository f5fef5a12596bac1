import Foundation
import MinutesModel

/// A three-way merge of two clerks' drafts of one meeting from the draft both started from, part by part: what
/// one side changed and the other did not is taken; what both changed the same way is taken once; what both
/// changed differently is a conflict, named by its address, and nothing is chosen for the clerk.
///
/// Lists merge entry by entry while both sides keep the entries the base had (each may change them); entries
/// appended by one side only are added after them. Two sides that both appended different entries, or changed
/// the length of the list otherwise (a deletion, a move), conflict on the whole list: the entries' positions no
/// longer say which entry is which.
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
    case (.list(let b)?, .list(let o)?, .list(let t)?) where o.count >= b.count && t.count >= b.count:
      var entries = (0..<b.count).map { index in
        merge(b[index], o[index], t[index], at: path.appending(.index(index + 1)), conflicts: &conflicts) ?? b[index]
      }
      let ourTail = o.dropFirst(b.count), theirTail = t.dropFirst(b.count)
      if ourTail.isEmpty || theirTail.isEmpty || ourTail == theirTail {
        entries += ourTail.isEmpty ? theirTail : ourTail
      } else {
        conflicts.append(path.appending(.index(b.count + 1)))
        entries += ourTail
      }
      return .list(entries)
    default:
      conflicts.append(path)
      return ours
    }
  }
}
