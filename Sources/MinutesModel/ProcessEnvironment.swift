#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Variables of the process's environment, read one by one with the C library's `getenv`.
///
/// Foundation's `ProcessInfo.processInfo.environment` copies every variable into a new dictionary at each call:
/// 0.7M instructions the first time, a twelfth of a new session's start, for the two or three names read.
package enum ProcessEnvironment {
  /// The values of the variables `names` that are set (empty ones included), by name.
  package static func values(_ names: [String]) -> [String: String] {
    var values: [String: String] = [:]
    for name in names {
      if let value = getenv(name) { values[name] = String(cString: value) }
    }
    return values
  }
}
