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
  /// only that part and what is under it. A part that is not asked (`ask: false`: a credit line, a joint
  /// meeting, an item's 主持人) shows where it stands when it has a value, as `:edit` gave it; the house style is
  /// `:house`'s to show.
  public func lines(of minutes: Minutes, under address: Address? = nil) -> [String] {
    let template = interview.template
    let m = template.messages
    let separator = m.labelSeparator
    let house = Set(template.houseStyle.map(\.address))
    var lines: [String] = []
    template.walk(minutes, slot: { slot, _, _ in
      if slot.isEnd { return }
      if let address, !address.contains(slot) { return }
      let label = interview.label(of: slot, in: minutes)
      let shown = template.display(slot)
      if let value = interview.value(at: slot, in: minutes) {
        lines.append("\(shown)  \(label)\(separator)\(value)")
      } else if template.part(at: slot)?.rules.required == true {
        lines.append("\(shown)  \(label)\(separator)\(m.notFilledIn)")
      }
    }, value: { value, part, at in
      guard !part.asking.isAsked, !house.contains(at), address?.contains(at) ?? true else { return }
      // A field, or a list of values shown whole at its first entry (an item's 汇报人: 韩雪 刘振宇).
      let shownAt: Address
      switch part.shape {
      case .field: shownAt = at
      case .list(let list) where at.steps.last == .index(1):
        guard case .values = list.entries else { return }
        shownAt = at.parent
      default: return
      }
      guard let text = interview.value(at: shownAt, in: minutes) else { return }
      lines.append("\(template.display(shownAt))  \(interview.label(of: shownAt, in: minutes))\(separator)\(text)")
    })
    // Values kept for parts that no longer apply are not asked, so not among the slots: shown after, marked.
    let kept = template.inapplicableValues(in: minutes).compactMap { found -> String? in
      if let address, !address.contains(found.address) { return nil }
      let value = minutes.value(at: found.address).map { Self.shown($0, m) } ?? ""
      return "\(template.display(found.address))  \(interview.label(of: found.address, in: minutes))\(separator)\(value)  \(m.keptNotPrinted)"
    }
    return lines + kept
  }

  /// A value kept for a part that does not apply, on one line: a list's entries joined.
  private static func shown(_ value: Value, _ m: Messages) -> String {
    if let list = value.list { return "\(list.count): " + list.map { $0.record.map { $0.fields.values.compactMap(\.scalarText).joined(separator: ", ") } ?? $0.scalarText ?? "" }.joined(separator: "; ") }
    return value.scalarText ?? ""
  }
}
