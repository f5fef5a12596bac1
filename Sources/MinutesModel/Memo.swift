import Foundation

/// Values computed once per process and shared between threads: ``value(for:make:)`` makes a key's value the first
/// time it is asked for (a failure is not kept) and returns the same value after. For what is slow to make and asked
/// for again and again: a built-in template decoded, a Chinese numeral spelled by ICU, a message's words converted to
/// Simplified characters.
package final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Key: Value] = [:]

  package init() {}

  /// The value kept for `key`, or the one `make` makes, then kept. Two threads asking at once may both make it;
  /// one of the two is kept.
  /// - Throws: what `make` throws; nothing is kept then.
  package func value(for key: Key, make: () throws -> Value) rethrows -> Value {
    if let value = lock.withLock({ values[key] }) { return value }
    let value = try make()
    lock.withLock { values[key] = value }
    return value
  }
}
