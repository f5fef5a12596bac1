/// How serious a rule's finding is: what a template declares for its own rules (`pattern.severity`) and what the
/// validator reports.
public enum Severity: String, Codable, Hashable, Sendable, Comparable {
  /// Must be fixed before the minutes are exported.
  case error
  /// Worth a look; does not stop an export.
  case warning

  public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
}
