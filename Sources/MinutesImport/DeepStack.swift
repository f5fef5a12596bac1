import Foundation

/// Runs a reading on a thread of its own with a deep stack.
///
/// ``TextReader`` reads by continuation: each shape matched calls the next, so the stack grows with what is read
/// until a list entry is kept. A text of many short shapes (English motions, each a mover, a seconder, a vote and
/// a result) goes thousands of calls deep, past the 8 MiB a process's main thread has. The stack asked for here is
/// reserved address space; only the pages a reading touches take memory.
///
/// Where the address space is limited (`ulimit -v`), a stack of at most a quarter of the limit is asked for
/// (of ``sizes``, the smallest at least), so that the reading's own memory still fits beside it; a stack that cannot
/// be had is asked for smaller, and when none can be made the reading runs on the caller's own thread. (A thread
/// that was never started had left the caller waiting for ever.)
enum DeepStack {
  /// The stack of a reading's thread, in bytes: 1 GiB.
  static let size = 1 << 30

  /// The stacks asked for, in turn, until a thread is made: 1 GiB, 256 MiB, 64 MiB.
  static let sizes = [size, 256 << 20, 64 << 20]

  /// `body`'s result, computed on a thread with a stack of ``size`` bytes (or the first of ``sizes`` that can be
  /// had; else on this thread); the caller waits for it.
  static func run<Result>(_ body: () -> Result) -> Result {
    withoutActuallyEscaping(body) { body in
      let box = Box(body)
      for size in stackSizes where runOnThread(box, stackSize: size) {
        // The work is let go before the caller goes on: it must not outlive the call.
        box.body = nil
        return box.result!
      }
      box.body = nil
      return body()
    }
  }

  /// The stacks to ask for, in turn: ``sizes``, less those over a quarter of the address-space limit (not the last).
  static var stackSizes: [Int] {
    var limit = rlimit()
    guard getrlimit(RLIMIT_AS_RESOURCE, &limit) == 0, limit.rlim_cur != rlim_t.max else { return sizes }  // not limited
    let room = Int(clamping: limit.rlim_cur / 4)
    let fitting = sizes.filter { $0 <= room }
    return fitting.isEmpty ? [sizes[sizes.count - 1]] : fitting
  }

  #if canImport(Glibc)
  private static let RLIMIT_AS_RESOURCE = __rlimit_resource_t(RLIMIT_AS.rawValue)
  #else
  private static let RLIMIT_AS_RESOURCE = RLIMIT_AS
  #endif

  /// Runs `box`'s work on a new thread with a stack of `stackSize` bytes and waits for it; `false` when the
  /// thread cannot be made (nothing has run).
  private static func runOnThread<Result>(_ box: Box<Result>, stackSize: Int) -> Bool {
    let job = Job { box.result = box.body?() }
    var attributes = pthread_attr_t()
    guard pthread_attr_init(&attributes) == 0 else { return false }
    defer { pthread_attr_destroy(&attributes) }
    guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
    let context = Unmanaged.passRetained(job).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let status = pthread_create(&thread, &attributes, { context in
      Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().work()
      return nil
    }, context)
    guard status == 0 else {
      Unmanaged<Job>.fromOpaque(context).release()
      return false
    }
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    if let thread { pthread_join(thread, nil) }
    #endif
    return true
  }

  /// The work a thread runs.
  private final class Job: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
  }

  /// The work and its result, handed to the reading's thread and back; joining the thread orders the two accesses.
  private final class Box<Result>: @unchecked Sendable {
    var body: (() -> Result)?
    var result: Result?
    init(_ body: @escaping () -> Result) { self.body = body }
  }
}
