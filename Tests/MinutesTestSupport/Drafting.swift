import Foundation

import MinutesKit

extension TestSupport {
  /// A meeting drafted in process from its transcript (every line before `:quit`) with `template`, the house
  /// choices `house` (`attendance=start`, as `minutes new --house` takes them) set first.
  public static func drafted(_ template: String, transcript: URL, house: [String] = []) throws -> (template: Template, minutes: Minutes) {
    let loaded = try self.template(id: template)
    var minutes = Minutes(template: loaded.id)
    for setting in house {
      let pieces = setting.split(separator: "=", maxSplits: 1).map(String.init)
      guard pieces.count == 2, let choice = loaded.houseChoice(named: pieces[0]) else { throw DraftingError.badHouse(setting) }
      minutes.setValue(.text(pieces[1]), at: choice.address)
    }
    var assistant = Assistant(template: loaded, minutes: minutes)
    assistant.run(lines(try String(contentsOf: transcript, encoding: .utf8)).prefix { $0 != ":quit" }.map { $0 })
    return (loaded, assistant.minutes)
  }

  /// The published forms of `Tests/Fixtures/published/`: the template, the form, and the house choices it is
  /// drafted with (see `PublishedFormTests`).
  public static let publishedForms: [(template: String, form: String, house: [String])] = [
    ("gov-executive.zh-Hant", "no-label-no-attendance", []),
    ("gov-executive.zh-Hans", "no-period", []),
    ("gov-executive-formal.zh-Hant", "no-number-no-attendance", []),
    ("jiyao.zh-Hans", "no-units-no-issue", []),
    ("board-meeting.en", "no-secretary-no-place", []),
    ("board-meeting.en", "no-member-count", []),
    ("gov-executive.zh-Hant", "house-start-name-first",
     ["attendance=start", "chair=name-first", "opening=le", "label=short", "points=sentences", "closing=reviewed"]),
    ("gov-executive.zh-Hans", "house-short-zh", ["label=short-zh", "closing=meanwhile"]),
    ("gov-executive.zh-Hant", "house-year-credit", ["date=year", "label=year"]),
    ("gov-executive.zh-Hant", "house-numbered-number-zh", ["points=numbered", "label=number-zh"]),
    ("gov-executive.zh-Hans", "house-body-year-numbered", ["label=body-year", "date=year", "points=numbered"]),
    ("jiyao.zh-Hans", "house-participants-spaces", ["present=participants", "colon=spaced", "separator=space", "units=hidden"]),
  ]

  /// The meetings of `Tests/Fixtures/layouts/` in each layout they are exported in, with their goldens (see
  /// `LayoutTests`).
  public static let layoutMeetings: [(name: String, layout: String, golden: String)] = [
    ("brookhollow", "council", "brookhollow"), ("tamsin-lake", "council", "tamsin-lake"),
    ("cedar-hollow", "school-board", "cedar-hollow"), ("tamsin-lake", "school-board", "tamsin-lake.school-board"),
    ("wrenfield", "committee", "wrenfield"), ("harlow", "committee", "harlow"),
    ("wrenfield", "sectioned", "wrenfield.sectioned"), ("wrenfield", "council", "wrenfield.council"),
    ("wrenfield", "school-board", "wrenfield.school-board"),
  ]

  /// A house setting that names no choice of the template.
  public enum DraftingError: Error { case badHouse(String) }
}
