import MinutesModel
import MinutesTemplates

/// Where an interview resumes, as a session file saves it (`resumeAt`).
public enum ResumePoint: Hashable, Sendable {
  /// At the first unanswered question (a new session, or a file written by hand).
  case firstQuestion
  /// At the question for this slot.
  case at(Address)
  /// Nowhere: every question was answered or skipped; the clerk gives commands.
  case finished

  /// The slot named, if any.
  public var address: Address? {
    if case .at(let address) = self { return address }
    return nil
  }
}

extension Interview {
  /// The question to resume at for `saved` in `minutes`; `nil` when the interview is over. The one place the
  /// resume point is worked out:
  /// - `.finished`: nowhere;
  /// - `.firstQuestion`: the first slot not answered;
  /// - `.at(slot)`: the slot itself if the draft has it; else the same text read as a short address (files
  ///   written before addresses were stored as paths said `2.1.+` or `出席.+`); else the first field not answered;
  ///   else the first required part missing (a list short of entries); else nowhere. Never "one more entry" of
  ///   some list the draft does not ask for.
  public func resumePoint(for saved: ResumePoint, in minutes: Minutes) -> Address? {
    switch saved {
    case .finished:
      return nil
    case .firstQuestion:
      return firstQuestion(in: minutes)
    case .at(let cursor):
      let slots = slots(in: minutes)
      if slots.contains(cursor) { return cursor }
      if let short = template.address(parsing: cursor.description), slots.contains(short) { return short }
      return slots.first { !$0.isEnd && !isAnswered($0, in: minutes) } ?? missing(in: minutes).first
    }
  }
}
