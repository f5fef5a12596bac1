import Foundation

/// Checks a draft for what a clerk would otherwise catch only by rereading: missing required parts, people
/// listed twice or in two attendance categories, unbalanced marks, punctuation of mixed widths, characters of
/// the other script.
///
/// Rules and their sources:
/// - `required`: the template's required parts (the template's `required` flags).
/// - `attendance.twoCategories`, `attendance.duplicate`, `attendance.chairListed`: a person is in one attendance
///   category once; the chair is not repeated among those present (the seed report's practice; RONR 12th ed.
///   48:4 for the roll of a meeting).
/// - `marks.unbalanced`: 《》 “” 「」 （）() come in pairs (GB/T 15834-2011 §4.8–4.9).
/// - `punctuation.halfWidth`: half-width `, ; : ? ! ( )` next to CJK text (GB/T 15834-2011 §4; normally fixed on
///   input, so it appears only in files edited by hand).
/// - `script.mixed`: in a `zh-Hant` template, a character that ICU's `Hans-Hant` transform would change (and in
///   `zh-Hans`, `Hant-Hans`). A warning only: the wording is never changed (GB/T 15834 applies to marks, not words).
public struct Validator: Sendable {
  /// The template whose rules and language apply.
  public let template: Template

  /// Creates a validator for `template`.
  public init(template: Template) { self.template = template }

  /// Every finding for `minutes`: errors first, then warnings, each in draft order.
  /// - Complexity: O(n) in the size of the draft.
  public func findings(in minutes: Minutes) -> [Finding] {
    var findings: [Finding] = []
    let interview = Interview(template: template)
    for address in interview.missing(in: minutes) {
      let label = interview.label(of: address, in: minutes)
      findings.append(Finding(.error, rule: "required", address: address.description,
                              message: "缺少必填部分「\(label)」", hint: ":goto \(address)"))
    }
    findings += attendanceFindings(minutes)
    for (address, text) in texts(of: minutes, interview: interview) {
      if let mark = Self.unbalancedMark(in: text) {
        findings.append(Finding(.error, rule: "marks.unbalanced", address: address.description,
                                message: "「\(mark)」不成對", hint: ":edit \(address)"))
      }
      if Normalizer.normalize(text) != text, text.contains(where: { Normalizer.fullWidthPunctuation[$0] != nil }) {
        findings.append(Finding(.warning, rule: "punctuation.halfWidth", address: address.description,
                                message: "中文旁有半形標點", hint: ":edit \(address)"))
      }
      if let characters = otherScript(in: text) {
        findings.append(Finding(.warning, rule: "script.mixed", address: address.description,
                                message: "可能是另一種字體的字：\(characters)", hint: ":edit \(address)"))
      }
    }
    return findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
  }

  // MARK: - Attendance

  private func attendanceFindings(_ minutes: Minutes) -> [Finding] {
    var findings: [Finding] = []
    var seen: [String: (list: Address.AttendanceList, address: Address)] = [:]
    let people: [(Address.AttendanceList, Int, [String])] =
      minutes.attendance.present.enumerated().map { (.present, $0.offset + 1, $0.element.names) }
      + minutes.attendance.inAttendance.enumerated().map { (.inAttendance, $0.offset + 1, $0.element.names) }
      + minutes.attendance.absent.enumerated().map { (.absent, $0.offset + 1, [$0.element.name]) }
    for (list, index, names) in people {
      let address = Address.attendance(list, index)
      for name in names {
        if let earlier = seen[name] {
          let twice = earlier.list == list
          findings.append(Finding(
            .error, rule: twice ? "attendance.duplicate" : "attendance.twoCategories", address: address.description,
            message: twice ? "「\(name)」在\(list.chineseName)中列了兩次（另見 \(earlier.address)）"
              : "「\(name)」同時列在\(earlier.list.chineseName)（\(earlier.address)）和\(list.chineseName)中",
            hint: ":edit \(address)"))
        } else {
          seen[name] = (list, address)
        }
        if list == .present, name == minutes.meeting.chair.name {
          findings.append(Finding(.warning, rule: "attendance.chairListed", address: address.description,
                                  message: "主持人「\(name)」不必再列入出席", hint: ":edit \(address)"))
        }
      }
    }
    return findings
  }

  // MARK: - Text rules

  /// Every text of the draft with its address, in draft order.
  private func texts(of minutes: Minutes, interview: Interview) -> [(Address, String)] {
    interview.slots(in: minutes).compactMap { slot in
      switch slot {
      case .end, .meeting(.date), .meeting(.term), .meeting(.number), .otherMatters: return nil
      default: return interview.value(at: slot, in: minutes).map { (slot, $0) }
      }
    }
  }

  /// The first mark in `text` whose partner is missing, if any.
  static func unbalancedMark(in text: String) -> Character? {
    let pairs: [Character: Character] = ["《": "》", "“": "”", "「": "」", "（": "）", "(": ")", "『": "』"]
    let closers = Dictionary(uniqueKeysWithValues: pairs.map { ($1, $0) })
    var open: [Character] = []
    for character in text {
      if pairs[character] != nil {
        open.append(character)
      } else if let opener = closers[character] {
        guard open.last == opener else { return character }
        open.removeLast()
      }
    }
    return open.first
  }

  /// The characters of `text` that belong to the other script of the template's language, joined, if any.
  private func otherScript(in text: String) -> String? {
    let transform: StringTransform
    switch template.language {
    case "zh-Hant": transform = StringTransform("Hans-Hant")
    case "zh-Hans": transform = StringTransform("Hant-Hans")
    default: return nil
    }
    guard text.applyingTransform(transform, reverse: false) != text else { return nil }
    var found: [Character] = []
    for character in text where Normalizer.isCJK(character) && !found.contains(character) {
      if let converted = String(character).applyingTransform(transform, reverse: false), converted != String(character) {
        found.append(character)
      }
    }
    return found.isEmpty ? nil : String(found)
  }
}
