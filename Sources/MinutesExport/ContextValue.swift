import Foundation
internal import Mustache

/// A value of a text export's context (see ``TextExporter``), as its Mustache text sees it: the export's own kinds
/// by case, so that ``TextRenderer`` tells them apart and looks names up without a cast or a hash; anything else (a
/// layout's `textLines`, a hand-made context) as ``dictionary(_:)`` or ``other(_:)``, read through swift-mustache's
/// protocols as swift-mustache reads it.
///
/// swift-mustache itself renders ``any``, the same context as the `Any` values it reads (records as
/// `[String: Any]`), for the texts ``TextRenderer`` leaves to it.
enum ContextValue {
  /// A record: the parts of a record of the draft by key, an entry's `n` and `zh`, a group of a `gather`.
  case record(ContextRecord)
  /// A list: a sequence for sections, its joined text for `{{key}}`.
  case list(ListContext)
  case text(String)
  indirect case choice(ChoiceContext)
  case number(NumberContext)
  case int(Int)
  case bool(Bool)
  /// An entry of a list of values (held in place: see ``Element``).
  case element(Element)
  indirect case date(DateContext)
  case time(TimeContext)
  /// A required field not filled in, in a draft exported with its errors.
  indirect case mark(MissingMark)
  /// A required yes/no not answered, in a draft exported with its errors.
  case flag(MissingFlag)
  /// A part not filled in: stops a name's climb and prints nothing.
  case null
  /// A record made by hand as a dictionary (a test's context, names added by a caller).
  case dictionary([String: Any])
  /// Any other value, read through swift-mustache's protocols and `Mirror`.
  indirect case other(Any)

  /// `value` as the case its type is: the export's own types by their type's identity (a pointer comparison),
  /// `[String: Any]` as a ``dictionary(_:)``, anything else as ``other(_:)``.
  init(any value: Any) {
    let type = type(of: value)
    if type == String.self {
      self = .text(value as! String)
    } else if type == [String: Any].self {
      self = .dictionary(value as! [String: Any])
    } else if type == ListContext.self {
      self = .list(value as! ListContext)
    } else if type == ContextRecord.self {
      self = .record(value as! ContextRecord)
    } else if type == Element.self {
      self = .element(value as! Element)
    } else if type == ChoiceContext.self {
      self = .choice(value as! ChoiceContext)
    } else if type == NSNull.self {
      self = .null
    } else if type == Bool.self {
      self = .bool(value as! Bool)
    } else if type == Int.self {
      self = .int(value as! Int)
    } else if type == NumberContext.self {
      self = .number(value as! NumberContext)
    } else if type == DateContext.self {
      self = .date(value as! DateContext)
    } else if type == TimeContext.self {
      self = .time(value as! TimeContext)
    } else if type == MissingMark.self {
      self = .mark(value as! MissingMark)
    } else if type == MissingFlag.self {
      self = .flag(value as! MissingFlag)
    } else if type == ContextValue.self {
      self = value as! ContextValue
    } else {
      self = .other(value)
    }
  }

  /// The value as swift-mustache reads it: a record as `[String: Any]` (the same dictionary each time it is
  /// asked, until the record changes), nothing as `NSNull`, the export's own types as themselves.
  var any: Any {
    switch self {
    case .record(let record): record.dictionary
    case .list(let list): list
    case .text(let text): text
    case .choice(let choice): choice
    case .number(let number): number
    case .int(let int): int
    case .bool(let bool): bool
    case .element(let element): element
    case .date(let date): date
    case .time(let time): time
    case .mark(let mark): mark
    case .flag(let flag): flag
    case .null: ContextRecord.nothing
    case .dictionary(let dictionary): dictionary
    case .other(let other): other
    }
  }
}

/// A record of the export's context: names and their values in the order they were set, looked up by comparing
/// names (a record has a few dozen at most; hashing every name of every level a tag climbed past had been most of
/// rendering an export). A class, so that a level of the renderer's stack, a list's entry and a group shared by
/// two gathered lists are one reference each.
///
/// A record of the draft takes its names from a ``Layout`` that every record of the same parts shares, so that
/// its names are neither copied nor fingerprinted again: the first `values.count` of ``names`` are the record's.
///
/// The properties are `@exclusivity(unchecked)`, as `Part`'s storage is: a class's `var` is otherwise checked at
/// run time at every read (`swift_beginAccess` at every name a tag looked up), and a record is changed only while
/// it is built, by one caller, never while it is read.
final class ContextRecord {
  /// The names, of which the first `values.count` are set (a layout's names may run on).
  @exclusivity(unchecked) private var names: [String]
  /// Each name's ``Fingerprint``, compared before the name itself, and instead of it for a name of up to seven
  /// bytes (``Fingerprint/isWhole``).
  @exclusivity(unchecked) private var prints: [Fingerprint]
  @exclusivity(unchecked) private(set) var values: [ContextValue]
  /// The ``Fingerprint/bit`` of every name the record has or its layout may give it: a name whose bit is not set
  /// is not here, told by one test (a name a tag climbs past is looked for in every record between, most of which
  /// lack it).
  @exclusivity(unchecked) private var bits: UInt64
  /// The record as a dictionary, made when swift-mustache first reads it and forgotten when the record changes.
  @exclusivity(unchecked) private var made: [String: Any]?

  /// An empty record with room for `capacity` names.
  init(capacity: Int = 0) {
    (names, prints, values, bits) = ([], [], [], 0)
    names.reserveCapacity(capacity)
    prints.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
  }

  /// A record of `layout`'s names, of which the first `values.count` are set to `values`.
  init(_ layout: Layout, values: [ContextValue]) {
    (names, prints, self.values, bits) = (layout.names, layout.prints, values, layout.bits)
  }

  /// The value of `name`, or `nil` when the record has no such name; setting replaces the value of a name the
  /// record has, or adds the name last.
  subscript(name: String) -> ContextValue? {
    get { self[Fingerprint(name), name] }
    set {
      made = nil
      if let index = index(of: name, Fingerprint(name)) {
        if let newValue {
          values[index] = newValue
        } else {
          own()
          _ = (names.remove(at: index), prints.remove(at: index), values.remove(at: index))
        }
      } else if let newValue {
        append(name, newValue)
      }
    }
  }

  /// The value of `name`, whose fingerprint is `print` (`Fingerprint(name)`: for a short name, the fingerprint
  /// alone is compared), or `nil` when the record has no such name.
  subscript(print: Fingerprint, name: String) -> ContextValue? {
    assert(print == Fingerprint(name), "the fingerprint of another name")
    guard let index = index(of: name, print) else { return nil }
    return values[index]
  }

  /// Adds `name`, which the record does not have, last.
  func append(_ name: String, _ value: ContextValue) {
    made = nil
    if values.count < names.count, names[values.count] == name {
      values.append(value)
      return
    }
    own()
    let print = Fingerprint(name)
    names.append(name)
    prints.append(print)
    values.append(value)
    bits |= print.bit
  }

  /// Drops the names of a layout past those set, before names are added or removed.
  private func own() {
    guard names.count > values.count else { return }
    names.removeSubrange(values.count...)
    prints.removeSubrange(values.count...)
  }

  /// Replaces the value at `index` (in the order the names were set).
  func replace(at index: Int, with value: ContextValue) {
    made = nil
    values[index] = value
  }

  /// Where `name`, whose fingerprint is `print`, is among the names set.
  private func index(of name: String, _ print: Fingerprint) -> Int? {
    guard bits & print.bit != 0 else { return nil }
    for index in values.indices where prints[index] == print && (print.isWhole || names[index] == name) { return index }
    return nil
  }

  var isEmpty: Bool { values.isEmpty }

  /// The record as swift-mustache reads it.
  var dictionary: [String: Any] {
    if let made { return made }
    var dictionary: [String: Any] = [:]
    dictionary.reserveCapacity(values.count)
    for (name, value) in zip(names, values) { dictionary[name] = value.any }
    made = dictionary
    return dictionary
  }

  /// The one `NSNull` every part not filled in is to swift-mustache.
  static let nothing = NSNull()

  /// The names of the records of some parts, in order, with their fingerprints: made once for each list's (or
  /// group's) parts, shared by all its records.
  struct Layout {
    let names: [String]
    let prints: [Fingerprint]
    /// The ``Fingerprint/bit`` of every name.
    let bits: UInt64

    init(_ names: [String]) {
      self.names = names
      prints = names.map(Fingerprint.init)
      bits = prints.reduce(0) { $0 | $1.bit }
    }
  }

  /// A name's length (up to 255: longer names count as 255) and first seven UTF-8 bytes in one word: names that
  /// differ in either are told apart by one comparison, without the standard library's comparison of two strings
  /// (a call, and most of looking a name up). Equal fingerprints of a name of up to seven bytes (``isWhole``) are
  /// equal names, byte for byte; of longer names they say nothing, and the names are then compared.
  struct Fingerprint: Equatable {
    let word: UInt64

    /// One of 64 bits, picked by the fingerprint: a record sets the bits of its names (``ContextRecord/bits``).
    var bit: UInt64 { 1 << ((word &* 0x9E37_79B9_7F4A_7C15) >> 58) }

    /// Whether the fingerprint holds the whole name (seven bytes or fewer), so that a name of the same fingerprint
    /// is the same name.
    var isWhole: Bool { word >> 56 <= 7 }

    init(_ name: String) {
      var name = name
      word = name.withUTF8 { bytes in
        var word = UInt64(min(bytes.count, 255)) << 56
        for index in 0..<min(bytes.count, 7) { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return word
      }
    }
  }
}
