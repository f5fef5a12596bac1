import Foundation
import MinutesModel
import MinutesTemplates

extension Template {
  /// As ``conform(_:)``, for minutes read from `file` whose text is `yaml`: a mismatch is reported at its line
  /// and column there. The text is read only when there is a mismatch to place.
  /// - Throws: ``SessionError/unreadable(_:)`` with `file:line:col` and what is wrong.
  public func conform(_ minutes: Minutes, yaml: @autoclosure () -> String?, file: String) throws -> Minutes {
    do {
      return try conform(minutes)
    } catch TemplateError.draftMismatch(_, let stored, let reason) {
      let mark = Address(stored: stored).flatMap { address in yaml().flatMap { YAMLCoding.mark(of: address, in: $0) } }
      throw SessionError.unreadable(YAMLProblem(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                                                message: "at `\(stored)`: \(reason.english) (template `\(id)`)",
                                                chinese: "`\(stored)`：" + reason.chinese + "（範本 `\(id)`）"))
    }
  }
}
