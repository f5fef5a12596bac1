/// What a piece of a drafting session's output is, so that a terminal front end can present it (wrap a question
/// to its width, colour an error, page a long listing) while a pipe gets it as it is.
public enum OutputRole: Hashable, Sendable {
  /// The question being asked.
  case question
  /// What happened: a change saved, a notice.
  case notice
  /// A line refused, or something that went wrong.
  case error
  /// A warning: something taken out of the line, a finding of the checks that is not an error.
  case warning
  /// A listing the clerk asked for (`:show`, `:check`, `:help`), its lines together.
  case listing
  /// An export printed to the screen (`:export` without a file).
  case export
}

extension Assistant.Response {
  /// The role of message `index`: as ``roles`` says, else an error in a refused response, else a notice.
  public func role(ofMessage index: Int) -> OutputRole {
    if roles.indices.contains(index), let role = roles[index] { return role }
    return isError ? .error : .notice
  }
}
