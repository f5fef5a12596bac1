import Foundation
import MinutesExport
import MinutesModel
import MinutesTemplates

extension TemplateLibrary {
  /// What `minutes templates check` warns of in the template file at `location`, which loaded as `template`:
  /// ``warnings(_:)`` (patterns that can backtrack without end), then each name the file's own export texts,
  /// partials, phrases and `join.entry` texts print or test that is nothing the export offers
  /// (`Template.unknownExportNames`), located at the first tag that writes it (`1:1` when the name comes from the
  /// template the file extends). A file that cannot be read has no warnings (loading it says why).
  public func checkWarnings(_ location: Location, template: Template) -> [YAMLProblem] {
    let text = (try? location.text()) ?? ""
    let written = writtenTexts(location)
    let names = template.unknownExportNames(formats: written.exports, partials: written.partials).map { name in
      let (line, column) = Self.place(of: name.shown, in: text)
      return YAMLProblem(
        file: location.path, line: line, column: column,
        message: "the export prints or tests `\(name.shown)`, but `\(name.word)` is no part's key (nor anything else the export offers), so it prints nothing: use the key of the part it means (a label or one of `names` is not a key)")
    }
    return warnings(location) + names
  }

  /// The line and column (from 1) of the first tag in `text` that names `name` (`{{name`, `{{#name`, `{{^name`,
  /// `{{/name`, `{{&name`, `{{{name`); `(1, 1)` when the file does not write it.
  static func place(of name: String, in text: String) -> (line: Int, column: Int) {
    let tags = ["", "#", "^", "/", "&", "{"].map { "{{" + $0 + name }
    for (number, line) in text.components(separatedBy: "\n").enumerated() {
      if let range = tags.lazy.compactMap({ line.range(of: $0) }).first {
        return (number + 1, line[..<range.lowerBound].count + 1)
      }
    }
    return (1, 1)
  }
}
