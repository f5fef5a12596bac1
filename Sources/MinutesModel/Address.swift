import Foundation

/// A place in a draft, as a path from the root of the minutes: keys of parts and 1-based entry numbers.
///
/// This is the *stored* form, written in journals and session files, and independent of any template:
/// `meeting.date`, `items.2.directives.1.points.3`, and for the end of a list, where a new entry goes,
/// `items.2.directives.+`. The short form a clerk types (`date`, `2.1.3`, `2.+`) is the template's business:
/// see ``Template/address(parsing:)`` and ``Template/display(_:)``.
public struct Address: Hashable, Sendable, CustomStringConvertible {
  /// One step of a path.
  public enum Step: Hashable, Sendable {
    /// The part with this key in a record.
    case key(String)
    /// The entry with this 1-based number in a list.
    case index(Int)
    /// The end of a list: where a new entry is added.
    case end
  }

  /// The steps from the root.
  public var steps: [Step]

  /// The address of the root.
  public static let root = Address(steps: [])

  /// An address with these steps.
  public init(steps: [Step]) { self.steps = steps }

  /// Parses the stored form; `nil` when a step is empty or a number is not positive.
  public init?(stored text: String) {
    guard !text.isEmpty else {
      self.init(steps: [])
      return
    }
    var steps: [Step] = []
    for token in text.split(separator: ".", omittingEmptySubsequences: false) {
      if token == "+" {
        steps.append(.end)
      } else if let n = Self.index(String(token)) {
        steps.append(.index(n))
      } else if !token.isEmpty, Int(token) == nil {
        steps.append(.key(String(token)))
      } else {
        return nil  // an empty step, or a number that is not a positive entry number (0, -1)
      }
    }
    self.init(steps: steps)
  }

  /// The stored form, e.g. `items.2.directives.1.points.3`.
  public var description: String {
    // `joinedText`, not `joined`: see ``Swift/Array/joinedText(separator:)``.
    steps.map { step in
      switch step {
      case .key(let key): key
      case .index(let n): String(n)
      case .end: "+"
      }
    }.joinedText(separator: ".")
  }

  /// This address followed by `step`.
  public func appending(_ step: Step) -> Address { Address(steps: steps + [step]) }

  /// This address followed by `key`.
  public func appending(key: String) -> Address { appending(.key(key)) }

  /// The address without its last step (the root stays the root).
  public var parent: Address { Address(steps: Array(steps.dropLast())) }

  /// Whether this is the end of a list.
  public var isEnd: Bool { steps.last == .end }

  /// When this address is an entry of a list (or the end of one): the list, and the entry's number (for the
  /// end, `nil`).
  public var listEntry: (list: Address, index: Int?)? {
    switch steps.last {
    case .index(let n): (parent, n)
    case .end: (parent, nil)
    default: nil
    }
  }

  /// When this address is an entry of a list: the list and the entry's 1-based number.
  public var entry: (list: Address, index: Int)? {
    if case .index(let n)? = steps.last { (parent, n) } else { nil }
  }

  /// The 1-based entry numbers along the path.
  public var numbers: [Int] {
    steps.compactMap { if case .index(let n) = $0 { n } else { nil } }
  }

  /// Whether `other` is this address or under it.
  public func contains(_ other: Address) -> Bool {
    other.steps.count >= steps.count && Array(other.steps.prefix(steps.count)) == steps
  }

  /// The address with the entry number of `list` passed through `transform` where the path goes through it;
  /// `nil` when `transform` drops the entry. Keeps an address on the same part after entries before it are
  /// deleted or moved.
  public func remapped(in list: Address, _ transform: (Int) -> Int?) -> Address? {
    guard steps.count > list.steps.count, Array(steps.prefix(list.steps.count)) == list.steps,
      case .index(let n) = steps[list.steps.count]
    else { return self }
    guard let m = transform(n) else { return nil }
    var copy = self
    copy.steps[list.steps.count] = .index(m)
    return copy
  }

  package static func index(_ text: String) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), n >= 1 else { return nil }
    return n
  }
}
