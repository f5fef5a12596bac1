import Foundation
import MinutesModel

extension Template {
  /// A house-style choice: how the office prints its minutes, made once per session (see ``Part/Asking/isHouse``).
  public struct HouseChoice: Sendable, Hashable {
    /// Its stored address, `house.KEY` (the house group's key, then the choice's).
    public var address: Address
    /// The choice's part: its `label`, `choices` (each with a `phrase` saying what it prints) and `default`.
    public var part: Part

    /// The value the export takes for it in `minutes`: the clerk's, else the template's `default`.
    public func value(in minutes: Minutes) -> String? {
      minutes.value(at: address)?.text ?? part.rendering.defaultValue
    }
  }

  /// The house-style choices of the template, in its order: the choice fields of its top-level groups marked
  /// `house: true` (none for most templates).
  ///
  /// ```yaml
  /// - key: house
  ///   house: true
  ///   parts:
  ///     - key: attendance
  ///       label: 出席名單的位置
  ///       default: 文末
  ///       choices:
  ///         - {value: 文末, phrase: 會議最後一段：「……出席會議。」}
  ///         - {value: 開頭, phrase: 緊接第一句：「……出席會議。」}
  /// ```
  public var houseStyle: [HouseChoice] {
    parts.filter(\.asking.isHouse).flatMap { group in
      group.parts.compactMap { part -> HouseChoice? in
        guard case .field(.choice) = part.shape else { return nil }
        return HouseChoice(address: Address(steps: [.key(group.key), .key(part.key)]), part: part)
      }
    }
  }

  /// `minutes` with each house-style choice it leaves unset set to its `default`: the style it prints in now,
  /// kept in the draft. A draft read from a published text is so, as the style is the text's: a variant written
  /// later with other defaults (`minutes import --learn` from another report) does not change how it prints.
  public func pinningHouseStyle(_ minutes: Minutes) -> Minutes {
    var minutes = minutes
    for choice in houseStyle where minutes.value(at: choice.address) == nil {
      if let value = choice.part.rendering.defaultValue { minutes.setValue(.text(value), at: choice.address) }
    }
    return minutes
  }

  /// The house-style choice `key` (`attendance`, or `house.attendance`), matched in any letter case.
  public func houseChoice(named key: String) -> HouseChoice? {
    houseStyle.first { choice in
      let name = key.lowercased()
      return choice.part.key.lowercased() == name || choice.address.description.lowercased() == name
    }
  }
}
