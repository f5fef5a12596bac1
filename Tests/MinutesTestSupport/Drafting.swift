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
    ("gov-executive.zh-Hant", "no-label-no-attendance", []),  // no 屆次, no 會次, no attendance, an item without directives
    ("gov-executive.zh-Hans", "no-period", []),  // a date without 上午/下午, items without directives
    ("gov-executive-formal.zh-Hant", "no-number-no-attendance", []),  // no 會次, no period, no 出席/列席
    ("jiyao.zh-Hans", "no-units-no-issue", []),  // no 期號, no 印發機關, no 會次, no units, 請假 with a reason only
    ("board-meeting.en", "no-secretary-no-place", []),  // a town council: no secretary, no place, a roll-call vote
    ("board-meeting.en", "no-member-count", []),  // an advisory committee: no member count, a motion referred without a vote
    // A town's report: attendance right after the first sentence, the chair name first, 主持召開了, 十八屆12次, points
    // as sentences, 還研究審議了其他事項; an item without directives, a role-only 列席 group.
    ("gov-executive.zh-Hant", "house-start-name-first",
     ["attendance=start", "chair=name-first", "opening=le", "label=short", "points=sentences", "closing=reviewed"]),
    // A county's report: 六屆九次 in Chinese numerals and 同時還研究審議了; the rest as the template's example.
    ("gov-executive.zh-Hans", "house-short-zh", ["label=short-zh", "closing=meanwhile"]),
    // A district's report: the date with its year, the session numbered within the year (2024年區政府第18次), the
    // openers 集中學習、研究通過、聽取並原則通過、收看, and a credit line.
    ("gov-executive.zh-Hant", "house-year-credit", ["date=year", "label=year"]),
    // A county's report: the session numbered in Chinese numerals without 屆次 (縣政府第五十七次), points numbered
    // 一要…二要…三要 (a single point not numbered).
    ("gov-executive.zh-Hant", "house-numbered-number-zh", ["points=numbered", "label=number-zh"]),
    // The same county's report as its office prints 列席 of a group named by its role: without 應邀.
    ("gov-executive.zh-Hant", "house-role-only-not-invited", ["points=numbered", "label=number-zh", "invitation=none"]),
    // A city's report: the year after the body (市政府2025年第4次), the date with its year, points numbered.
    ("gov-executive.zh-Hans", "house-body-year-numbered", ["label=body-year", "date=year", "points=numbered"]),
    // A hospital's 纪要: 参会 for 出席, a space after the colon, names parted by spaces, no units (typed, not printed).
    ("jiyao.zh-Hans", "house-participants-spaces", ["present=participants", "colon=spaced", "separator=space", "units=hidden"]),
    // A district's report (issue 10): a joint meeting (區政府黨組（擴大）會議暨…, `:edit joint`), the chair with a
    // title chain and 同志, the directive said by the chair by name (陳立衡強調), an item opening 會前，區政府黨組組織學習了…,
    // 通報了《》、《》等事項, 聽取…的匯報，審議了《…》 (the follow-up clause), 研究了…等事宜.
    ("gov-executive.zh-Hant", "house-joint-comrade-chair", ["chair=comrade", "speaker=chair"]),
    // A county's report (issue 10): a meeting held with another (…會議和…), the first directive of an item with no
    // subject after the opening (…精神，強調，要…), a later one with 會議 (會議要求), 原則同意 after 。.
    ("gov-executive.zh-Hans", "house-speaker-none-and", ["speaker=none", "joint=and", "date=year"]),
    // A school's 纪要 (issue 10): an opening with no chair (学院召开…), items headed 关于…的事宜 with their chair and
    // reporters after the heading (（主持人：郑晓峰 汇报人：韩雪 刘振宇）, names parted by spaces), 经会议研究，原则通过，
    // 由… paragraphs, and 会上，还就…进行了商议和研究。
    ("jiyao.zh-Hans", "no-chair-item-hosts", []),
    // A county's report from a clerk's trial (issue 10): one group of 出席 inline, …等参加会议；…列席会议 (read as the
    // meeting's kind, the attendance lost, until the body's pattern and the kind's clause marks said otherwise),
    // a 审议 title with its status inside the marks (status left empty), a credit line.
    ("gov-executive.zh-Hans", "house-inline-semicolon-one-group",
     ["attendance=inline", "combine=semicolon", "presentVerb=participated-etc", "invitation=none", "points=numbered"]),
    // A district's report from a clerk's trial (issue 10): the last group of 出席 after 和, 列席 parted by ，
    // (groups=present-and), inline and joined by ；, points numbered, a date without its year, a credit line.
    ("gov-executive.zh-Hant", "house-inline-present-and",
     ["attendance=inline", "combine=semicolon", "groups=present-and", "invitation=none", "points=numbered"]),
    // A district's report from a clerk's trial: 出席 and 列席 in one sentence joined by ，
    // (…出席會議，…應邀列席會議。), which was read as one 列席 group titled `區政府辦公室主任趙明出`, named `席會議`.
    ("gov-executive.zh-Hant", "house-comma", ["combine=comma"]),
    // A hospital's 纪要 (issue 10): the item's chair and reporters parted by ideographic spaces
    // （主持人：秦海波　汇报人：付晓春　沈一鸣）, 参会 for 出席.
    ("jiyao.zh-Hans", "house-ideographic-gap", ["gap=ideographic", "present=participants"]),
    // A district's report that names the chair by title only (區政府主要負責同志主持召開, issue 10): the name is not
    // asked after such a title (`unless` on the name).
    ("gov-executive.zh-Hant", "no-chair-name", []),
    // A district's report (issue 10): the attendance on the first line, right after its sentence; 出席 and 列席 in
    // one sentence joined by `；`; the last group joined by `和` (區長助理袁立新和區政府辦公室主任潘嘉慧).
    ("gov-executive.zh-Hant", "house-inline-semicolon-and", ["attendance=inline", "combine=semicolon", "groups=and"]),
    // A county's report (issue 10): the attendance on the first line as two sentences; 列席 of a named group beside
    // one named by its role alone (县人大代表龙海涛，县直有关部门主要负责同志列席会议), without 应邀.
    ("gov-executive.zh-Hans", "house-inline-role-only", ["attendance=inline", "invitation=none"]),
    // A town's report (issue 10): 镇领导…等参加会议 and 列席 in one sentence joined by `；`, at the end; a meeting
    // numbered without 届次.
    ("gov-executive.zh-Hans", "house-etc-semicolon", ["presentVerb=participated-etc", "combine=semicolon", "invitation=none"]),
    // A county's report (issue 10): the chair by title alone (县长主持召开; the name left empty), 出席 as names with
    // no title (张志国、刘晓梅、陈浩等参加会议: a line of one piece), 列席 by role without 应邀.
    ("gov-executive.zh-Hans", "house-title-only-bare-names", ["presentVerb=participated-etc", "invitation=none"]),
    // A town's report (issue 10): the same forms in Traditional characters, the attendance on the first line, a date
    // without 上午/下午, 研究了…等事宜.
    ("gov-executive.zh-Hant", "house-inline-title-only-bare-names",
     ["attendance=inline", "presentVerb=participated-etc", "invitation=none"]),
    // A district's report (issue 10): directives as 一、二、 headings with a body below each (會議要求：, then each
    // directive's topic as its heading and its lead and points below), an item without directives after them.
    ("gov-executive.zh-Hant", "house-headings", ["points=headings"]),
    // A city bureau's report from a trial document (a 局务会议): the chair by title alone, the year after the body
    // (市生态环境局2026年第11次), 出席 named alone and 列席 by role in one sentence joined by `；` on the first line
    // (the first line's reading once found none: a choice taken where it printed was asked to print again where
    // it had nothing to print), directives as headings, 审议并原则通过.
    ("gov-executive.zh-Hans", "house-inline-semicolon-bare-names-headings",
     ["date=year", "label=body-year", "points=headings", "attendance=inline", "combine=semicolon",
      "presentVerb=participated-etc", "invitation=none"]),
  ]

  /// The meetings of `Tests/Fixtures/layouts/` in each layout they are exported in, with their goldens and the
  /// warnings `check` gives them (see `LayoutTests`).
  public static let layoutMeetings: [(name: String, layout: String, golden: String, warnings: [String])] = [
    ("brookhollow", "council", "brookhollow", []),
    ("tamsin-lake", "council", "tamsin-lake", ["check.adjournedTime"]),
    ("cedar-hollow", "school-board", "cedar-hollow", []),
    ("tamsin-lake", "school-board", "tamsin-lake.school-board", ["check.adjournedTime"]),
    ("wrenfield", "committee", "wrenfield", []),
    ("harlow", "committee", "harlow", []),
    ("wrenfield", "sectioned", "wrenfield.sectioned", []),
    ("wrenfield", "council", "wrenfield.council", []),
    ("wrenfield", "school-board", "wrenfield.school-board", []),
  ]

  /// A house setting that names no choice of the template.
  public enum DraftingError: Error { case badHouse(String) }
}
