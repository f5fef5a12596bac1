import Foundation

/// A draft or finished set of minutes: the official record of one meeting.
///
/// The shape follows the Chinese government meeting report (see `docs` and the seed fixture): a header
/// (`meeting`), agenda items (議題) each with directives (會議指出/強調/要求…) made of points, the arrangements
/// (安排部署), the "other matters" sentence (其他事項) and the attendance (出席/列席/請假).
///
/// Every text field holds normalized text (see ``Normalizer``); values are set through ``Assistant`` edits.
public struct Minutes: Codable, Hashable, Sendable {
  /// The version of the minutes file format this value is written in.
  public static let currentFormat = 1

  /// The file format version (``currentFormat`` when written by this version).
  public var format: Int
  /// The id of the template the minutes follow, e.g. `gov-executive.zh-Hant`.
  public var template: String
  /// When, who presided and what meeting it was.
  public var meeting: Meeting
  /// The agenda items (議題) in the order they were taken up.
  public var items: [AgendaItem]
  /// The topics the meeting made arrangements for (安排部署).
  public var arrangements: Arrangements
  /// Whether the meeting also dealt with other matters (會議還研究了其他事項); `nil` until the clerk says.
  public var otherMatters: Bool?
  /// Who was present, in attendance or absent.
  public var attendance: Attendance

  /// Creates empty minutes for the template `template`.
  public init(template: String) {
    self.format = Self.currentFormat
    self.template = template
    self.meeting = Meeting()
    self.items = []
    self.arrangements = Arrangements()
    self.otherMatters = nil
    self.attendance = Attendance()
  }

  private enum CodingKeys: String, CodingKey {
    case format, template, meeting, items, arrangements, otherMatters, attendance
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decodeIfPresent(Int.self, forKey: .format) ?? Self.currentFormat
    template = try c.decode(String.self, forKey: .template)
    meeting = try c.decodeIfPresent(Meeting.self, forKey: .meeting) ?? Meeting()
    items = try c.decodeIfPresent([AgendaItem].self, forKey: .items) ?? []
    arrangements = try c.decodeIfPresent(Arrangements.self, forKey: .arrangements) ?? Arrangements()
    otherMatters = try c.decodeIfPresent(Bool.self, forKey: .otherMatters)
    attendance = try c.decodeIfPresent(Attendance.self, forKey: .attendance) ?? Attendance()
  }
}

/// The header facts of a meeting: date, period of day, chair and the meeting's name.
///
/// The name is built as 第{term}屆 {body} 第{number}次 {kind}, e.g. 第十屆區政府第3次常務會議.
public struct Meeting: Codable, Hashable, Sendable {
  /// The calendar date; the year is kept even where the export does not print it.
  public var date: MeetingDate?
  /// The period of the day: one of the template's choices (上午, 下午, 晚上).
  public var period: String?
  /// The presiding officer (主持人).
  public var chair: Chair
  /// The term (屆) of the body, a positive number; rendered as a Chinese numeral (10 → 十).
  public var term: Int?
  /// The body that meets, e.g. 區政府.
  public var body: String?
  /// The sequence number of the meeting within the term (第3次), rendered in Arabic digits (GB/T 15835-2011).
  public var number: Int?
  /// The kind of meeting, e.g. 常務會議.
  public var kind: String?

  /// Creates an empty header.
  public init() { chair = Chair() }

  private enum CodingKeys: String, CodingKey { case date, period, chair, term, body, number, kind }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    date = try c.decodeIfPresent(MeetingDate.self, forKey: .date)
    period = try c.decodeIfPresent(String.self, forKey: .period)
    chair = try c.decodeIfPresent(Chair.self, forKey: .chair) ?? Chair()
    term = try c.decodeIfPresent(Int.self, forKey: .term)
    body = try c.decodeIfPresent(String.self, forKey: .body)
    number = try c.decodeIfPresent(Int.self, forKey: .number)
    kind = try c.decodeIfPresent(String.self, forKey: .kind)
  }
}

/// The presiding officer: a title (possibly compound, e.g. 政府代區長) and a name.
public struct Chair: Codable, Hashable, Sendable {
  /// The chair's title as printed before the name.
  public var title: String?
  /// The chair's name.
  public var name: String?
  /// Creates an empty chair.
  public init(title: String? = nil, name: String? = nil) {
    self.title = title
    self.name = name
  }
}

/// An agenda item (議題): what the meeting took up and the directives it gave on it.
public struct AgendaItem: Codable, Hashable, Sendable {
  /// The item kind: one of the template's item kinds (傳達學習, 傳達, 審議…), which decides the opening verb.
  public var kind: String
  /// What was conveyed or reviewed; for a document kind, the document title without 《》.
  public var subject: String?
  /// For a document kind, its status (討論稿, 草案…), printed in （） after the title.
  public var status: String?
  /// An optional clause after the opening, e.g. 研究部署我區安全生產工作.
  public var followUp: String?
  /// The directives given on the item, in order.
  public var directives: [Directive]

  /// Creates an item of kind `kind` with nothing else filled in.
  public init(kind: String, subject: String? = nil, status: String? = nil, followUp: String? = nil,
              directives: [Directive] = []) {
    self.kind = kind
    self.subject = subject
    self.status = status
    self.followUp = followUp
    self.directives = directives
  }

  private enum CodingKeys: String, CodingKey { case kind, subject, status, followUp, directives }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    kind = try c.decode(String.self, forKey: .kind)
    subject = try c.decodeIfPresent(String.self, forKey: .subject)
    status = try c.decodeIfPresent(String.self, forKey: .status)
    followUp = try c.decodeIfPresent(String.self, forKey: .followUp)
    directives = try c.decodeIfPresent([Directive].self, forKey: .directives) ?? []
  }
}

/// A directive (會議指出/強調/要求…): an optional topic, a verb, an optional lead sentence and points.
///
/// Rendered as `就{topic},會議{verb},{lead}。{point};{point}。`; points are joined by ; and the directive
/// ends with 。 (the house style of the seed report).
public struct Directive: Codable, Hashable, Sendable {
  /// The optional topic, printed as 就…,
  public var topic: String?
  /// The verb: one of the template's directive verbs (指出, 強調, 要求…).
  public var verb: String
  /// An optional lead sentence that is not a 要 point, printed before the points and closed with 。
  public var lead: String?
  /// The points: each a heading clause (要…) optionally followed by sentences of elaboration.
  public var points: [String]

  /// Creates a directive with the verb `verb`.
  public init(verb: String, topic: String? = nil, lead: String? = nil, points: [String] = []) {
    self.verb = verb
    self.topic = topic
    self.lead = lead
    self.points = points
  }

  private enum CodingKeys: String, CodingKey { case topic, verb, lead, points }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    topic = try c.decodeIfPresent(String.self, forKey: .topic)
    verb = try c.decode(String.self, forKey: .verb)
    lead = try c.decodeIfPresent(String.self, forKey: .lead)
    points = try c.decodeIfPresent([String].self, forKey: .points) ?? []
  }
}

/// The arrangements paragraph: 會議就{scope}{topic}、{topic}等作了安排部署。
public struct Arrangements: Codable, Hashable, Sendable {
  /// An optional scope before the topics, e.g. 全區下一步.
  public var scope: String?
  /// The topics, in order.
  public var topics: [String]

  /// Creates arrangements with no topics.
  public init(scope: String? = nil, topics: [String] = []) {
    self.scope = scope
    self.topics = topics
  }

  private enum CodingKeys: String, CodingKey { case scope, topics }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    scope = try c.decodeIfPresent(String.self, forKey: .scope)
    topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? []
  }
}

/// Who took part: present (出席), in attendance (列席) and absent with apologies (請假).
public struct Attendance: Codable, Hashable, Sendable {
  /// Those present, grouped by title in rank order; the chair is not repeated here.
  public var present: [AttendanceGroup]
  /// Those in attendance (guests, staff), grouped by title.
  public var inAttendance: [AttendanceGroup]
  /// Those absent, each with an optional reason; the news style does not print them, a 纪要 does.
  public var absent: [Absence]

  /// Creates an empty attendance.
  public init(present: [AttendanceGroup] = [], inAttendance: [AttendanceGroup] = [], absent: [Absence] = []) {
    self.present = present
    self.inAttendance = inAttendance
    self.absent = absent
  }

  private enum CodingKeys: String, CodingKey { case present, inAttendance, absent }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    present = try c.decodeIfPresent([AttendanceGroup].self, forKey: .present) ?? []
    inAttendance = try c.decodeIfPresent([AttendanceGroup].self, forKey: .inAttendance) ?? []
    absent = try c.decodeIfPresent([Absence].self, forKey: .absent) ?? []
  }
}

/// People who share a title, e.g. 副區長 劉成剛、陳春青; the title may be compound (區委常委、副區長).
public struct AttendanceGroup: Codable, Hashable, Sendable {
  /// The shared title.
  public var title: String
  /// The names, in rank order.
  public var names: [String]
  /// Creates a group.
  public init(title: String, names: [String]) {
    self.title = title
    self.names = names
  }
}

/// A person absent with apologies (請假), with the reason where one was given.
public struct Absence: Codable, Hashable, Sendable {
  /// The person's title.
  public var title: String
  /// The person's name.
  public var name: String
  /// Why the person was absent, e.g. 出差.
  public var reason: String?
  /// Creates an absence.
  public init(title: String, name: String, reason: String? = nil) {
    self.title = title
    self.name = name
    self.reason = reason
  }
}
