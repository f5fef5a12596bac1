/// The outline `:show` prints: every part of the draft with its address, label and value.
public struct Outline: Sendable {
  /// The interview whose labels and values are shown.
  public let interview: Interview

  /// Creates an outline over `interview`.
  public init(interview: Interview) { self.interview = interview }

  /// One line per part: `address  label：value`; required parts not yet filled show `(未填)`. With `address`,
  /// only that part and what is under it.
  public func lines(of minutes: Minutes, under address: Address? = nil) -> [String] {
    let prefix = address?.description
    return interview.slots(in: minutes).compactMap { slot -> String? in
      if case .end = slot { return nil }
      if let prefix, !(slot.description == prefix || slot.description.hasPrefix(prefix + ".")) { return nil }
      let label = interview.label(of: slot, in: minutes)
      if let value = interview.value(at: slot, in: minutes) { return "\(slot)  \(label)：\(value)" }
      guard interview.template.field(interview.fieldID(of: slot)).required else { return nil }
      return "\(slot)  \(label)：（未填）"
    }
  }
}
