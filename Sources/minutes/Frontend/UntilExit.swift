import Foundation

/// What a command has finished with but need not free, kept until the process exits (which gives back its memory
/// at once). Freeing a large draft object by object — `minutes check` and `export` of 5,000 agenda items hold some
/// 100,000 strings, arrays and dictionaries, and 75,000 findings — was a tenth of the command, spent after its
/// output was written; as compilers do (clang's `-disable-free`), a command that is about to exit hands its largest
/// values here instead. Only for a command's last step: nothing kept here is ever freed.
enum UntilExit {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var kept: [Any] = []

  /// Keeps `values` until the process exits.
  static func keep(_ values: Any...) {
    lock.withLock { kept.append(contentsOf: values) }
  }
}
