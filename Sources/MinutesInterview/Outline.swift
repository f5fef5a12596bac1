import MinutesModel
import MinutesTemplates
import MinutesNormalization
/// The outline `:show` prints: every part of the draft with its address, label and value.
public struct Outline: Sendable {
  /// The interview whose labels and values are shown.
  public let interview: Interview

  /// Creates an outline over `interview`.
  public init(interview: Interview) { self.interview = interview }

  /// One line per part: `address  label：value`; required parts not yet filled show `（未填）`. With `address`,
  /// only that part and what is under it.
  public func lines(of minutes: Minutes, under address: Address? = nil) -> [String] {
    let template = interview.template
    let m = template.messages
    let separator = m.labelSeparator
    return interview.slots(in: minutes).compactMap { slot -> String? in
      if slot.isEnd { return nil }
      if let address, !address.contains(slot) { return nil }
      let label = interview.label(of: slot, in: minutes)
      let shown = template.display(slot)
      if let value = interview.value(at: slot, in: minutes) { return "\(shown)  \(label)\(separator)\(value)" }
      guard template.part(at: slot)?.rules.required == true else { return nil }
      return "\(shown)  \(label)\(separator)\(m.notFilledIn)"
    }
  }
}
