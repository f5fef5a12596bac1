import Foundation

/// One invertible step on a draft, as kept in a session's journal and on the undo stack.
///
/// Every step names only the part it touches (a field, or one entry of one list), so its size and the cost of
/// applying it do not grow with the size of the draft. Addresses are in their stored form (``Address``), so a
/// journal can be replayed without the template.
public enum Change: Codable, Hashable, Sendable {
  /// A field goes from `old` to `new` (`nil` is empty).
  case field(address: String, old: Value?, new: Value?)
  /// `entry` is inserted at the 1-based `index` of the list at `container`.
  case insert(container: String, index: Int, entry: Value)
  /// `entry`, at the 1-based `index` of the list at `container`, is removed.
  case remove(container: String, index: Int, entry: Value)
  /// The entry at `from` of the list at `container` moves to `to`.
  case move(container: String, from: Int, to: Int)

  /// Whether the step changes nothing: a field set to what it held (an empty part left empty, a value typed
  /// again). A move to where the entry is, too.
  public var changesNothing: Bool {
    switch self {
    case .field(_, let old, let new): old == new
    case .move(_, let from, let to): from == to
    case .insert, .remove: false
    }
  }

  /// The step that undoes this one.
  public var inverse: Change {
    switch self {
    case .field(let address, let old, let new): .field(address: address, old: new, new: old)
    case .insert(let container, let index, let entry): .remove(container: container, index: index, entry: entry)
    case .remove(let container, let index, let entry): .insert(container: container, index: index, entry: entry)
    case .move(let container, let from, let to): .move(container: container, from: to, to: from)
    }
  }
}

/// Why a journal step could not be applied to a draft (the journal does not belong to this snapshot).
public struct ChangeMismatch: Error, Hashable, Sendable {
  /// The step.
  public var change: Change
}

extension Minutes {
  /// Applies `change`. A field step applies only over the value it was made from, and a removal only of the
  /// entry it removed: a journal never overwrites a hand edit unseen.
  /// - Throws: ``ChangeMismatch`` when the draft does not hold what the step expects.
  public mutating func apply(_ change: Change) throws {
    let applied: Bool
    switch change {
    case .field(let text, let old, let new):
      guard let address = Address(stored: text), !address.isEnd, Self.same(value(at: address), old) else {
        throw ChangeMismatch(change: change)
      }
      applied = setValue(new, at: address)
    case .insert(let text, let index, let entry):
      guard let list = Address(stored: text) else { throw ChangeMismatch(change: change) }
      applied = insert(entry, at: index, in: list)
    case .remove(let text, let index, let entry):
      guard let list = Address(stored: text), Self.same(entries(of: list).element(index), entry) else {
        throw ChangeMismatch(change: change)
      }
      applied = remove(at: index, in: list)
    case .move(let text, let from, let to):
      guard let list = Address(stored: text) else { throw ChangeMismatch(change: change) }
      applied = move(from: from, to: to, in: list)
    }
    if !applied { throw ChangeMismatch(change: change) }
  }

  /// Whether the draft holds what a step expects, reading scalars as text (see ``Value/matches(_:)``).
  private static func same(_ held: Value?, _ expected: Value?) -> Bool {
    switch (held, expected) {
    case (nil, nil): true
    case (let a?, let b?): a.matches(b)
    default: false
    }
  }
}

extension Array {
  /// The element at 1-based position `n`, if there is one.
  package func element(_ n: Int) -> Element? { n >= 1 && n <= count ? self[n - 1] : nil }
}
