extension Minutes {
  /// The minutes with every text field and entry normalized (see ``Normalizer``); numbers and dates unchanged.
  public func normalized() -> Minutes {
    func n(_ text: String) -> String { Normalizer.normalize(text) }
    func n(_ text: String?) -> String? { text.map(Normalizer.normalize) }
    var copy = self
    copy.meeting.period = n(meeting.period)
    copy.meeting.chair = Chair(title: n(meeting.chair.title), name: n(meeting.chair.name))
    copy.meeting.body = n(meeting.body)
    copy.meeting.kind = n(meeting.kind)
    copy.items = items.map { item in
      AgendaItem(kind: n(item.kind), subject: n(item.subject), status: n(item.status), followUp: n(item.followUp),
                 directives: item.directives.map { directive in
                   Directive(verb: n(directive.verb), topic: n(directive.topic), lead: n(directive.lead),
                             points: directive.points.map(n))
                 })
    }
    copy.arrangements = Arrangements(scope: n(arrangements.scope), topics: arrangements.topics.map(n))
    copy.attendance = Attendance(
      present: attendance.present.map { AttendanceGroup(title: n($0.title), names: $0.names.map(n)) },
      inAttendance: attendance.inAttendance.map { AttendanceGroup(title: n($0.title), names: $0.names.map(n)) },
      absent: attendance.absent.map { Absence(title: n($0.title), name: n($0.name), reason: n($0.reason)) })
    return copy
  }
}
