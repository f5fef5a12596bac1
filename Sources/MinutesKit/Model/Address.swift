import Foundation

/// A place in a draft, written the short way a clerk types it: `2.1.3` is agenda item 2, directive 1, point 3.
///
/// Text forms (numbers are 1-based):
/// - header fields: `date`, `period`, `chair.title`, `chair.name`, `term`, `body`, `number`, `kind`;
/// - `2` an agenda item, `2.kind`, `2.subject`, `2.status`, `2.followup` its fields;
/// - `2.1` a directive, `2.1.verb`, `2.1.topic`, `2.1.lead` its fields, `2.1.3` a point;
/// - `arrangements.scope`, `arrangements.3` a topic; `other` the other-matters sentence;
/// - `present.2`, `attending.2`, `absent.1` an attendance entry (also 出席, 列席, 請假);
/// - the end of a list, where a new entry goes: `+` (a new item), `2.+`, `2.1.+`, `arrangements.+`, `present.+`…
public enum Address: Hashable, Sendable, CustomStringConvertible {
  /// A field of the meeting header.
  case meeting(MeetingField)
  /// A whole agenda item (its subject when edited).
  case item(Int)
  /// A field of agenda item N.
  case itemField(Int, ItemField)
  /// A whole directive: item, directive (its verb when edited).
  case directive(Int, Int)
  /// A field of a directive: item, directive, field.
  case directiveField(Int, Int, DirectiveField)
  /// A point: item, directive, point.
  case point(Int, Int, Int)
  /// The scope of the arrangements (全區下一步).
  case arrangementScope
  /// Arrangement topic N.
  case arrangementTopic(Int)
  /// Whether other matters were dealt with.
  case otherMatters
  /// Entry N of an attendance list.
  case attendance(AttendanceList, Int)
  /// The end of a list: where a new entry is added.
  case end(Container)

  /// The header fields, by their address names.
  public enum MeetingField: String, Hashable, Sendable, CaseIterable {
    case date, period
    case chairTitle = "chair.title"
    case chairName = "chair.name"
    case term, body, number, kind
  }

  /// The fields of an agenda item, by their address names.
  public enum ItemField: String, Hashable, Sendable, CaseIterable {
    case kind, subject, status
    case followUp = "followup"
  }

  /// The fields of a directive, by their address names.
  public enum DirectiveField: String, Hashable, Sendable, CaseIterable {
    case verb, topic, lead
  }

  /// The three attendance lists.
  public enum AttendanceList: String, Hashable, Sendable, CaseIterable {
    /// 出席
    case present
    /// 列席
    case inAttendance = "attending"
    /// 請假
    case absent

    /// The Chinese name that may also be typed in an address.
    public var chineseName: String {
      switch self {
      case .present: "出席"
      case .inAttendance: "列席"
      case .absent: "請假"
      }
    }

    init?(name: String) {
      if let list = Self(rawValue: name) {
        self = list
      } else if let list = Self.allCases.first(where: { $0.chineseName == name }) {
        self = list
      } else {
        return nil
      }
    }
  }

  /// A list in the draft that entries can be added to, moved within and deleted from.
  public enum Container: Hashable, Sendable, CustomStringConvertible {
    /// The agenda items.
    case items
    /// The directives of item N.
    case directives(Int)
    /// The points of directive (item, directive).
    case points(Int, Int)
    /// The arrangement topics.
    case arrangementTopics
    /// An attendance list.
    case attendance(AttendanceList)

    /// Parses a container as typed after `:add`: `item`, `2` (directives of item 2), `2.1` (its points),
    /// `arrangements`, `present`/`attending`/`absent` (or 議題, 安排, 出席, 列席, 請假).
    public init?(parsing text: String) {
      let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
      switch parts.count {
      case 1 where ["item", "items", "議題", "议题"].contains(parts[0]): self = .items
      case 1 where ["arrangements", "安排"].contains(parts[0]): self = .arrangementTopics
      case 1:
        if let list = AttendanceList(name: parts[0]) {
          self = .attendance(list)
        } else if let n = Address.index(parts[0]) {
          self = .directives(n)
        } else {
          return nil
        }
      case 2:
        guard let n = Address.index(parts[0]), let m = Address.index(parts[1]) else { return nil }
        self = .points(n, m)
      default: return nil
      }
    }

    /// The container's address text, as `:add` takes it.
    public var description: String {
      switch self {
      case .items: "item"
      case .directives(let i): "\(i)"
      case .points(let i, let j): "\(i).\(j)"
      case .arrangementTopics: "arrangements"
      case .attendance(let list): list.rawValue
      }
    }

    /// The address of entry `index` (1-based) in this container.
    public func entry(_ index: Int) -> Address {
      switch self {
      case .items: .item(index)
      case .directives(let i): .directive(i, index)
      case .points(let i, let j): .point(i, j, index)
      case .arrangementTopics: .arrangementTopic(index)
      case .attendance(let list): .attendance(list, index)
      }
    }
  }

  /// Parses an address in any of the text forms above; `nil` when the text is not an address.
  public init?(parsing raw: String) {
    let text = raw.trimmingCharacters(in: .whitespaces)
    if let field = MeetingField(rawValue: text) {
      self = .meeting(field)
      return
    }
    if text == "other" || text == "其他事項" {
      self = .otherMatters
      return
    }
    if text == "+" {
      self = .end(.items)
      return
    }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2 || Address.index(parts[0]) != nil else { return nil }
    if parts[0] == "arrangements" || parts[0] == "安排" {
      guard parts.count == 2 else { return nil }
      if parts[1] == "scope" {
        self = .arrangementScope
      } else if parts[1] == "+" {
        self = .end(.arrangementTopics)
      } else if let n = Address.index(parts[1]) {
        self = .arrangementTopic(n)
      } else {
        return nil
      }
      return
    }
    if let list = AttendanceList(name: parts[0]) {
      guard parts.count == 2 else { return nil }
      if parts[1] == "+" {
        self = .end(.attendance(list))
      } else if let n = Address.index(parts[1]) {
        self = .attendance(list, n)
      } else {
        return nil
      }
      return
    }
    guard let i = Address.index(parts[0]) else { return nil }
    switch parts.count {
    case 1: self = .item(i)
    case 2:
      if parts[1] == "+" {
        self = .end(.directives(i))
      } else if let field = ItemField(rawValue: parts[1]) {
        self = .itemField(i, field)
      } else if let j = Address.index(parts[1]) {
        self = .directive(i, j)
      } else {
        return nil
      }
    case 3:
      guard let j = Address.index(parts[1]) else { return nil }
      if parts[2] == "+" {
        self = .end(.points(i, j))
      } else if let field = DirectiveField(rawValue: parts[2]) {
        self = .directiveField(i, j, field)
      } else if let k = Address.index(parts[2]) {
        self = .point(i, j, k)
      } else {
        return nil
      }
    default: return nil
    }
  }

  /// The address as a clerk types it, e.g. `2.1.3`.
  public var description: String {
    switch self {
    case .meeting(let field): field.rawValue
    case .item(let i): "\(i)"
    case .itemField(let i, let field): "\(i).\(field.rawValue)"
    case .directive(let i, let j): "\(i).\(j)"
    case .directiveField(let i, let j, let field): "\(i).\(j).\(field.rawValue)"
    case .point(let i, let j, let k): "\(i).\(j).\(k)"
    case .arrangementScope: "arrangements.scope"
    case .arrangementTopic(let n): "arrangements.\(n)"
    case .otherMatters: "other"
    case .attendance(let list, let n): "\(list.rawValue).\(n)"
    case .end(.items): "+"
    case .end(let container): "\(container).+"
    }
  }

  /// The list this address is an entry of, with its 1-based index; `nil` for fields.
  public var containerEntry: (container: Container, index: Int)? {
    switch self {
    case .item(let i): (.items, i)
    case .directive(let i, let j): (.directives(i), j)
    case .point(let i, let j, let k): (.points(i, j), k)
    case .arrangementTopic(let n): (.arrangementTopics, n)
    case .attendance(let list, let n): (.attendance(list), n)
    default: nil
    }
  }

  /// The address with each entry index along its path passed through `transform` (given the list the index
  /// is in, as it was named before the change); `nil` when `transform` drops an index on the path.
  ///
  /// Used to keep an address pointing at the same part after entries are deleted or moved before it.
  public func remapped(_ transform: (Container, Int) -> Int?) -> Address? {
    func item(_ i: Int) -> Int? { transform(.items, i) }
    func directive(_ i: Int, _ j: Int) -> (Int, Int)? {
      guard let ni = item(i), let nj = transform(.directives(i), j) else { return nil }
      return (ni, nj)
    }
    switch self {
    case .meeting, .arrangementScope, .otherMatters, .end(.items), .end(.arrangementTopics), .end(.attendance):
      return self
    case .item(let i): return item(i).map { .item($0) }
    case .itemField(let i, let field): return item(i).map { .itemField($0, field) }
    case .end(.directives(let i)): return item(i).map { .end(.directives($0)) }
    case .directive(let i, let j): return directive(i, j).map { .directive($0.0, $0.1) }
    case .directiveField(let i, let j, let field): return directive(i, j).map { .directiveField($0.0, $0.1, field) }
    case .end(.points(let i, let j)): return directive(i, j).map { .end(.points($0.0, $0.1)) }
    case .point(let i, let j, let k):
      guard let (ni, nj) = directive(i, j), let nk = transform(.points(i, j), k) else { return nil }
      return .point(ni, nj, nk)
    case .arrangementTopic(let n): return transform(.arrangementTopics, n).map { .arrangementTopic($0) }
    case .attendance(let list, let n): return transform(.attendance(list), n).map { .attendance(list, $0) }
    }
  }

  /// Whether the address is a field that makes its part what it is (an item's kind, a directive's verb): it
  /// can be changed, and the part deleted, but it cannot be emptied on its own.
  var isStructural: Bool {
    switch self {
    case .itemField(_, .kind), .directiveField(_, _, .verb): true
    default: false
    }
  }

  static func index(_ text: String) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), n >= 1 else { return nil }
    return n
  }
}
