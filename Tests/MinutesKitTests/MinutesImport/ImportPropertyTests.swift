import Foundation
import Testing

import MinutesKit
import MinutesTestSupport

/// `import(export(draft))` is the draft, for random drafts (issue 12): reports of the Chinese templates drafted
/// with values as clerks write them (names of two or three characters, titles that end as titles do, points that
/// begin with 要) in random house styles, exported and read back. What the text does not carry (a date's year
/// where the house style does not print it) may differ; everything else must be read as drafted.
///
/// Outside what is generated, because the text itself cannot tell: points printed as sentences (`要…。要…。`
/// reads as one point as well), and points numbered `一要…；二要…` (they read as one lead sentence as well: the
/// numbering is a house choice that the first line, where the house style is read, does not show).
@Suite struct ImportPropertyTests {
  static let titles = ["副区长", "区委常委、副区长", "区人大常委会副主任", "管委会副主任", "区政府秘书长"]
  static let names = ["刘成刚", "陈春青", "李禹霖", "张睿", "马勇", "何丽萍", "郑家豪", "邓国强", "苏静", "王芳"]
  static let subjects = ["全市安全生产工作会议精神", "全区防汛工作情况", "一季度经济运行情况", "省委巡视反馈意见整改工作"]
  static let documents = ["石湾镇农村人居环境整治方案", "关于加强校园安全管理的意见", "区级储备粮管理办法"]
  static let leads = ["今年以来全区各项工作总体平稳", "当前正值汛期", "这项工作事关群众切身利益"]
  static let topics = ["压实安全生产责任", "抓好重点领域隐患排查整治", "强化统筹协调"]
  static let points = ["要压实工作责任", "要加强统筹协调，形成工作合力", "要强化督查考核，确保各项任务落到实处", "要做好宣传引导"]

  @Test(arguments: 0..<40)
  func aRandomReportReadsBackAsDrafted(seed: Int) throws {
    var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 7)
    let id = seed % 2 == 0 ? "gov-executive.zh-Hant" : "gov-executive.zh-Hans"
    let template = try TestSupport.template(id: id)
    var content = Record()
    var meeting: Record = [
      "date": .text(Bool.random(using: &random) ? "2025-04-09" : "--04-09"),
      "chair": .record(["title": .text("区长"), "name": .text(Self.names.randomElement(using: &random)!)]),
      "body": .text("区政府"), "kind": .text(["常务会议", "全体会议", "专题会议"].randomElement(using: &random)!),
    ]
    if Bool.random(using: &random) { meeting["period"] = .text(["上午", "下午"].randomElement(using: &random)!) }
    // The label, chosen first: a term is typed only where the label prints it (the year labels and number-zh
    // leave it out, and what the text does not print cannot be read back).
    let label = ["full", "short", "short-zh", "year", "number-zh", "body-year"].randomElement(using: &random)!
    if !["year", "body-year", "number-zh"].contains(label), Bool.random(using: &random) {
      meeting["term"] = .number(Int.random(in: 1...19, using: &random))
    }
    if Bool.random(using: &random) { meeting["number"] = .number(Int.random(in: 1...60, using: &random)) }
    content["meeting"] = .record(meeting)
    // Points numbered 一要…二要… are not generated: the numbering is a house choice the first line does not show,
    // and without it the numbered points read as a lead (see the suite's comment).
    let numbered = false
    var items: [Value] = []
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      var item: Record
      if Bool.random(using: &random) {
        item = ["kind": .text("审议"), "subject": .text(Self.documents.randomElement(using: &random)!)]
        if Bool.random(using: &random) { item["status"] = .text("讨论稿") }
      } else {
        item = ["kind": .text(["传达学习", "通报", "研究部署"].randomElement(using: &random)!), "subject": .text(Self.subjects.randomElement(using: &random)!)]
      }
      var directives: [Value] = []
      for _ in 0..<Int.random(in: 0...2, using: &random) {
        var directive: Record = ["verb": .text(["指出", "强调", "要求"].randomElement(using: &random)!)]
        if Bool.random(using: &random), !numbered { directive["lead"] = .text(Self.leads.randomElement(using: &random)!) }
        directive["points"] = .list((0..<Int.random(in: 1...3, using: &random)).map { _ in .text(Self.points.randomElement(using: &random)!) })
        directives.append(.record(directive))
      }
      if !directives.isEmpty { item["directives"] = .list(directives) }
      items.append(.record(item))
    }
    content["items"] = .list(items)
    content["otherMatters"] = .flag(Bool.random(using: &random))
    if Bool.random(using: &random) {
      let groups = (0..<Int.random(in: 1...3, using: &random)).map { _ -> Value in
        .record(["title": .text(Self.titles.randomElement(using: &random)!),
                 "names": .list(Array(Self.names.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))).map { .text($0) })])
      }
      content["attendance"] = .record(["present": .list(groups)])
    }
    var house = Record()
    if Bool.random(using: &random) { house["attendance"] = .text("start") }
    if Bool.random(using: &random) { house["chair"] = .text("name-first") }
    if Bool.random(using: &random) { house["opening"] = .text("le") }
    if numbered { house["points"] = .text("numbered") }
    if label != "full" { house["label"] = .text(label) }
    // Drawn last, so that the drafts above stay as they were: directives said by the chair by name or (the first of
    // an item) by no one, right after the opening (issue 10), and a meeting held jointly with this one, joined by 暨
    // or 和.
    if Bool.random(using: &random) { house["speaker"] = .text(["chair", "none"].randomElement(using: &random)!) }
    if Bool.random(using: &random) {
      meeting["joint"] = .text(["区政府党组会议", "区政府党组（扩大）会议"].randomElement(using: &random)!)
      content["meeting"] = .record(meeting)
      if Bool.random(using: &random) { house["joint"] = .text("and") }
    }
    // Drawn last too: a 列席 group, printed with 应邀 or without. (A group named by its role alone, 相关部门负责同志,
    // is not generated: beside a named group, the reader cannot yet tell where a title ends.)
    if var attendance = content["attendance"]?.record, Bool.random(using: &random) {
      attendance["inAttendance"] = .list([
        .record(["title": .text("区人大代表"), "names": .list([.text(Self.names.randomElement(using: &random)!)])]),
      ])
      content["attendance"] = .record(attendance)
      if Bool.random(using: &random) { house["invitation"] = .text("none") }
    }
    // Drawn last too: directives as 一、二、 headings (issue 10), each with its topic as the heading; the later
    // directives' verbs are not printed (read as the first's).
    if Bool.random(using: &random) {
      house["points"] = .text("headings")
      content["items"] = .list(items.map { item in
        guard var record = item.record, let directives = record["directives"]?.list else { return item }
        record["directives"] = .list(directives.map { directive in
          var fields = directive.record ?? Record()
          fields["topic"] = .text(Self.topics.randomElement(using: &random)!)
          return .record(fields)
        })
        return .record(record)
      })
    }
    if !house.isEmpty { content["house"] = .record(house) }
    let draft = try template.conform(Minutes(template: id, content: id == "gov-executive.zh-Hant" ? Self.traditional(content) : content))

    let text = try TextExporter().export(draft, template: template)
    let reading = try #require(Importer.read(text, template: template))
    #expect(reading.unparsed.isEmpty && reading.reproduces, "\(text)")
    for address in ImportRoundTripTests.differences(draft.content, reading.minutes.content) {
      var substituted = draft
      _ = substituted.setValue(reading.minutes.value(at: address), at: address)
      #expect((try? TextExporter().export(substituted, template: template)) == text,
              "\(address): drafted \(String(describing: draft.value(at: address))), read \(String(describing: reading.minutes.value(at: address)))\n\(text)")
    }
  }

  /// `record` with its text in Traditional characters, for the zh-Hant template.
  static func traditional(_ record: Record) -> Record {
    func convert(_ value: Value) -> Value {
      switch value {
      case .text(let text): .text(text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text)
      case .list(let list): .list(list.map(convert))
      case .record(let record): .record(traditional(record))
      default: value
      }
    }
    var converted = Record()
    for (key, value) in record.fields { converted[key] = key == "house" ? value : convert(value) }
    return converted
  }
}
