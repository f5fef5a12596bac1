import Foundation

/// Runs a reading on a thread of its own with a deep stack.
///
/// ``TextReader`` reads by continuation: each shape matched calls the next, so the stack grows with what is read
/// until a list entry is kept. A text of many short shapes (English motions, each a mover, a seconder, a vote and
/// a result) goes thousands of calls deep, past the 8 MiB a process's main thread has. The stack asked for here is
/// reserved address space; only the pages a reading touches take memory.
enum DeepStack {
  /// The stack of a reading's thread, in bytes: 1 GiB.
  static let size = 1 << 30

  /// `body`'s result, computed on a thread with a stack of ``size`` bytes; the caller waits for it.
  static func run<Result>(_ body: () -> Result) -> Result {
    withoutActuallyEscaping(body) { body in
      let box = Box(body)
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        box.result = box.body?()
        // The work is let go before the caller goes on: it must not outlive the call.
        box.body = nil
        done.signal()
      }
      thread.stackSize = size
      thread.start()
      done.wait()
      return box.result!
    }
  }

  /// The work and its result, handed to the reading's thread and back; the semaphore orders the two accesses.
  private final class Box<Result>: @unchecked Sendable {
    var body: (() -> Result)?
    var result: Result?
    init(_ body: @escaping () -> Result) { self.body = body }
  }
}
