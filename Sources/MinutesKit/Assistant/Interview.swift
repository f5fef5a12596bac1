import Foundation
import Mustache

/// The guided interview over a template: which parts a draft has, in what order they are asked, which are
/// missing, and how each is asked. Pure functions of the template and the draft.
///
/// The interview walks *slots*: every field of the draft in template order, plus, after each list, the
/// ``Address/end(_:)`` slot where a new entry is added. A slot is answered when it has a value; end slots never
/// are, so the interview always offers to add one more entry, and a blank answer moves on.
public struct Interview: Sendable {
  /// The template whose questions are asked.
  public let template: Template

  /// Creates the interview of `template`.
  public init(template: Template) { self.template = template }

  // MARK: - Slots

  /// Every slot of `minutes`, in interview order.
  /// - Complexity: O(n) in the number of parts of the draft.
  public func slots(in minutes: Minutes) -> [Address] {
    var slots = Address.MeetingField.allCases.map(Address.meeting)
    for (i, item) in zip(1..., minutes.items) {
      slots.append(contentsOf: [.itemField(i, .kind), .itemField(i, .subject)])
      if template.itemKind(named: item.kind)?.document == true { slots.append(.itemField(i, .status)) }
      slots.append(.itemField(i, .followUp))
      for (j, directive) in zip(1..., item.directives) {
        slots.append(contentsOf: [.directiveField(i, j, .verb), .directiveField(i, j, .topic), .directiveField(i, j, .lead)])
        slots.append(contentsOf: directive.points.indices.map { .point(i, j, $0 + 1) })
        slots.append(.end(.points(i, j)))
      }
      slots.append(.end(.directives(i)))
    }
    slots.append(.end(.items))
    slots.append(.arrangementScope)
    slots.append(contentsOf: minutes.arrangements.topics.indices.map { .arrangementTopic($0 + 1) })
    slots.append(.end(.arrangementTopics))
    slots.append(.otherMatters)
    for list in Address.AttendanceList.allCases {
      slots.append(contentsOf: (0..<minutes.attendance.count(list)).map { .attendance(list, $0 + 1) })
      slots.append(.end(.attendance(list)))
    }
    return slots
  }

  /// The first unanswered slot after `address`, or `nil` when the interview is over.
  public func next(after address: Address, in minutes: Minutes) -> Address? {
    let all = slots(in: minutes)
    guard let index = all.firstIndex(of: address) else { return all.first { !isAnswered($0, in: minutes) } }
    return all[(index + 1)...].first { !isAnswered($0, in: minutes) }
  }

  /// The required parts of `minutes`: its required fields and the end slot of each required list.
  public func requiredParts(in minutes: Minutes) -> [Address] {
    slots(in: minutes).filter { template.field(fieldID(of: $0)).required }
  }

  /// How many required parts are filled in, out of how many.
  public func progress(in minutes: Minutes) -> (done: Int, total: Int) {
    let required = requiredParts(in: minutes)
    return (required.count - missing(among: required, in: minutes).count, required.count)
  }

  /// The required parts still missing, in interview order: empty required fields, and the end slot of each
  /// required list that has no entry yet.
  public func missing(in minutes: Minutes) -> [Address] {
    missing(among: requiredParts(in: minutes), in: minutes)
  }

  private func missing(among required: [Address], in minutes: Minutes) -> [Address] {
    required.filter { slot in
      if case .end(let container) = slot { return minutes.count(container) == 0 }
      return value(at: slot, in: minutes) == nil
    }
  }

  /// Whether `address` names something the draft has (a field of an existing part, an existing entry, or the
  /// end of an existing list).
  public func contains(_ address: Address, in minutes: Minutes) -> Bool {
    switch address {
    case .meeting, .arrangementScope, .otherMatters: return true
    case .item(let i), .itemField(let i, _): return minutes.items.indices.contains(i - 1)
    case .directive(let i, let j), .directiveField(let i, let j, _):
      return minutes.directive(i, j) != nil
    case .point(let i, let j, let k): return minutes.directive(i, j)?.points.indices.contains(k - 1) == true
    case .arrangementTopic(let n): return minutes.arrangements.topics.indices.contains(n - 1)
    case .attendance(let list, let n): return n >= 1 && n <= minutes.attendance.count(list)
    case .end(.directives(let i)): return minutes.item(i) != nil
    case .end(.points(let i, let j)): return minutes.directive(i, j) != nil
    case .end: return true
    }
  }

  /// Whether the slot at `address` has a value; end slots never do.
  public func isAnswered(_ address: Address, in minutes: Minutes) -> Bool {
    value(at: address, in: minutes) != nil
  }

  // MARK: - Values

  /// The current value at `address` as the clerk would type it, or `nil` when empty or absent.
  public func value(at address: Address, in minutes: Minutes) -> String? {
    let meeting = minutes.meeting
    switch address {
    case .meeting(let field):
      switch field {
      case .date: return meeting.date?.description
      case .period: return meeting.period
      case .chairTitle: return meeting.chair.title
      case .chairName: return meeting.chair.name
      case .term: return meeting.term.map(String.init)
      case .body: return meeting.body
      case .number: return meeting.number.map(String.init)
      case .kind: return meeting.kind
      }
    case .item(let i): return value(at: .itemField(i, .subject), in: minutes)
    case .itemField(let i, let field):
      guard let item = minutes.item(i) else { return nil }
      switch field {
      case .kind: return item.kind
      case .subject: return item.subject
      case .status: return item.status
      case .followUp: return item.followUp
      }
    case .directive(let i, let j): return minutes.directive(i, j)?.verb
    case .directiveField(let i, let j, let field):
      guard let directive = minutes.directive(i, j) else { return nil }
      switch field {
      case .verb: return directive.verb
      case .topic: return directive.topic
      case .lead: return directive.lead
      }
    case .point(let i, let j, let k): return minutes.directive(i, j)?.points.element(k)
    case .arrangementScope: return minutes.arrangements.scope
    case .arrangementTopic(let n): return minutes.arrangements.topics.element(n)
    case .otherMatters: return minutes.otherMatters.map { $0 ? template.yesNo.yes[0] : template.yesNo.no[0] }
    case .attendance(.absent, let n):
      return minutes.attendance.absent.element(n).map { [$0.title, $0.name, $0.reason].compactMap { $0 }.joined(separator: " ") }
    case .attendance(let list, let n):
      let groups = list == .present ? minutes.attendance.present : minutes.attendance.inAttendance
      return groups.element(n).map { $0.title + " " + $0.names.joined(separator: template.attendance.nameSeparator) }
    case .end: return nil
    }
  }

  // MARK: - Asking

  /// The template field id that asks for `address` (see ``Template/fieldIDs``).
  public func fieldID(of address: Address) -> String {
    switch address {
    case .meeting(let field): field.rawValue
    case .item: "item.subject"
    case .itemField(_, let field): "item.\(field.rawValue)"
    case .directive: "directive.verb"
    case .directiveField(_, _, let field): "directive.\(field.rawValue)"
    case .point, .end(.points): "point"
    case .end(.directives): "directive.verb"
    case .end(.items): "item.kind"
    case .arrangementScope: "arrangements.scope"
    case .arrangementTopic, .end(.arrangementTopics): "arrangements.topic"
    case .otherMatters: "other"
    case .attendance(let list, _), .end(.attendance(let list)): list.rawValue
    }
  }

  /// The question for `address`, from the template.
  public func question(at address: Address, in minutes: Minutes) -> String {
    let numbers = self.numbers(of: address, in: minutes)
    let source = "{{% CONTENT_TYPE: TEXT}}" + template.field(fieldID(of: address)).question
    guard let mustache = try? MustacheTemplate(string: source) else { return template.field(fieldID(of: address)).question }
    var context: [String: Any] = [:]
    for (key, value) in zip(["item", "directive", "point"], numbers) { context[key] = value }
    context["n"] = numbers.last
    return mustache.render(context)
  }

  /// A short prompt naming where the clerk is, e.g. `議題2 指示1 要點3`.
  public func label(of address: Address, in minutes: Minutes) -> String {
    let labels = template.labels
    let numbers = self.numbers(of: address, in: minutes)
    let fieldLabel = template.field(fieldID(of: address)).label
    switch address {
    case .meeting, .arrangementScope, .otherMatters: return fieldLabel
    case .item, .itemField, .end(.items):
      return "\(labels.item)\(numbers[0]) \(fieldLabel)"
    case .directive, .directiveField, .end(.directives):
      return "\(labels.item)\(numbers[0]) \(labels.directive)\(numbers[1]) \(fieldLabel)"
    case .point, .end(.points):
      return "\(labels.item)\(numbers[0]) \(labels.directive)\(numbers[1]) \(labels.point)\(numbers[2])"
    case .arrangementTopic, .end(.arrangementTopics), .attendance, .end(.attendance):
      return "\(fieldLabel)\(numbers[0])"
    }
  }

  /// The answers offered with Tab at `address`.
  public func choices(at address: Address) -> [String] {
    switch fieldID(of: address) {
    case "item.kind": template.itemKinds.map(\.name)
    case "other": template.yesNo.yes + template.yesNo.no
    case let id: template.field(id).choices ?? []
    }
  }

  /// The 1-based numbers along `address`; for an end slot, the number the new entry will get.
  private func numbers(of address: Address, in minutes: Minutes) -> [Int] {
    switch address {
    case .meeting, .arrangementScope, .otherMatters: []
    case .item(let i), .itemField(let i, _): [i]
    case .directive(let i, let j), .directiveField(let i, let j, _): [i, j]
    case .point(let i, let j, let k): [i, j, k]
    case .arrangementTopic(let n), .attendance(_, let n): [n]
    case .end(let container):
      switch container {
      case .items: [minutes.items.count + 1]
      case .directives(let i): [i, minutes.count(container) + 1]
      case .points(let i, let j): [i, j, minutes.count(container) + 1]
      case .arrangementTopics, .attendance: [minutes.count(container) + 1]
      }
    }
  }
}

extension Minutes {
  /// Agenda item `i` (1-based), if there is one.
  func item(_ i: Int) -> AgendaItem? { items.element(i) }

  /// Directive `j` of item `i` (1-based), if there is one.
  func directive(_ i: Int, _ j: Int) -> Directive? { item(i)?.directives.element(j) }

  /// The number of entries in `container`; 0 when its parent does not exist.
  func count(_ container: Address.Container) -> Int {
    switch container {
    case .items: items.count
    case .directives(let i): item(i)?.directives.count ?? 0
    case .points(let i, let j): directive(i, j)?.points.count ?? 0
    case .arrangementTopics: arrangements.topics.count
    case .attendance(let list): attendance.count(list)
    }
  }
}

extension Attendance {
  /// The number of entries in `list`.
  func count(_ list: Address.AttendanceList) -> Int {
    switch list {
    case .present: present.count
    case .inAttendance: inAttendance.count
    case .absent: absent.count
    }
  }
}

extension Array {
  /// The element at 1-based position `n`, if there is one.
  func element(_ n: Int) -> Element? { n >= 1 && n <= count ? self[n - 1] : nil }
}
