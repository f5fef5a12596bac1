import Foundation

/// A time of day, written `HH:MM` (24-hour) in minutes files.
///
/// Parsing accepts `19:02`, `7:02 pm`, `7:02 p.m.`, `7 pm`, `noon` and `midnight` (also `12 noon`, `12:00 noon`, as
/// English minutes print them) and `19時02分`; it refuses times that do not exist.
public struct MeetingTime: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The hour, 0–23.
  public let hour: Int
  /// The minute, 0–59.
  public let minute: Int

  /// Creates a time; `nil` when it does not exist.
  public init?(hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    self.hour = hour
    self.minute = minute
  }

  /// Parses a time typed by a clerk; `nil` when it is not one of the accepted forms.
  public init?(parsing raw: String) {
    var text = raw.lowercased().replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
    // Noon and midnight, alone or after 12 or 12:00 (`12:00 noon` is how `english` prints noon).
    for (word, hour) in [("noon", 12), ("midnight", 0)] where text.hasSuffix(word) {
      guard ["", "12", "12:00", "1200"].contains(text.dropLast(word.count)) else { return nil }
      self.init(hour: hour, minute: 0)
      return
    }
    var offset = 0
    if text.hasSuffix("am") || text.hasSuffix("pm") {
      offset = text.hasSuffix("pm") ? 12 : 0
      text.removeLast(2)
      guard let hour = Int(text.split(separator: ":").first ?? ""), (1...12).contains(hour) else { return nil }
      text = text.replacingOccurrences(of: String(hour), with: String(hour % 12), options: .anchored)
    }
    let fields = text.split(whereSeparator: { ":：時时點点分".contains($0) }).map(String.init)
    guard (1...2).contains(fields.count), fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      let h = Int(fields[0]), let m = fields.count == 2 ? Int(fields[1]) : 0, fields.count == 1 || fields[1].count == 2
    else { return nil }
    self.init(hour: h + offset, minute: m)
  }

  /// The stored form, `HH:MM`.
  public var description: String {
    (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
  }

  /// The English form of RONR minutes: `7:02 p.m.`, `12:00 noon`.
  public var english: String {
    if hour == 12, minute == 0 { return "12:00 noon" }
    let h = hour % 12 == 0 ? 12 : hour % 12
    return "\(h):" + (minute < 10 ? "0" : "") + "\(minute) " + (hour < 12 ? "a.m." : "p.m.")
  }

  public static func < (a: Self, b: Self) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
}
