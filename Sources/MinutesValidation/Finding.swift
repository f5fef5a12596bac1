import MinutesModel
import MinutesTemplates
import MinutesNormalization
/// One problem the validator found in a draft.
///
/// As JSON (`minutes check --json`) a finding is an object with the keys `severity` (`error` or `warning`),
/// `rule` (a stable id such as `attendance.twoCategories`), `address` (e.g. `present.2`, or `""` for the whole
/// draft), `message` and `hint`.
public struct Finding: Codable, Hashable, Sendable {
  /// How serious a finding is (declared by the template for its own rules).
  public typealias Severity = MinutesTemplates.Severity

  /// How serious it is.
  public var severity: Severity
  /// The rule's stable id.
  public var rule: String
  /// Where in the draft, as a clerk types it.
  public var address: String
  /// What is wrong, in the template's language.
  public var message: String
  /// The command that fixes it.
  public var hint: String

  /// Creates a finding.
  public init(_ severity: Severity, rule: String, address: String, message: String, hint: String) {
    self.severity = severity
    self.rule = rule
    self.address = address
    self.message = message
    self.hint = hint
  }

  /// The line `:check` and `minutes check` print, in the template's language and punctuation:
  /// `錯誤 2.1.3：message（hint）` in Chinese, `error 2.1.3: message (hint)` in English (`--json` keeps the
  /// severity's stable name).
  /// Without its severity (`withSeverity: false`), as `:check` lists the questions still to come: `2.1.3：…`.
  public func line(_ m: Messages, withSeverity: Bool = true) -> String {
    // Built piece by piece, not as a message's wording: `minutes check` prints one line per finding, and the
    // punctuation is the same in both scripts.
    var line = withSeverity ? m.severity(severity) : ""
    if !address.isEmpty { line += (line.isEmpty ? "" : " ") + address }
    if m.isChinese {
      line += "：" + message + "（" + hint + "）"
    } else {
      line += ": " + message + " (" + hint + ")"
    }
    return line
  }
}
