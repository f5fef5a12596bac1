import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The rank order of attendance groups from the roster's titles (區委常委、副區長 before 副區長 before 管委會副主任),
/// suggested when the clerk finishes an attendance list out of that order; nothing is moved.
@Suite struct RankOrderTests {
  static let roster = Roster(people: [
    Roster.Person(name: "王小明", titles: ["區委常委", "副區長"]),
    Roster.Person(name: "劉成剛", titles: ["副區長"]),
    Roster.Person(name: "李四", titles: ["管委會副主任"]),
  ])

  @Test func theRosterRanksTitlesAndGroupsOfMoreTitlesComeFirst() {
    #expect(Self.roster.titleRanks == ["區委常委": 0, "副區長": 1, "管委會副主任": 2])
    #expect(Self.roster.rankOrder(of: ["副區長", "管委會副主任", "區委常委、副區長"]) == [2, 0, 1])
    #expect(Self.roster.rankOrder(of: ["副區長", "區委常委、副區長"]) == [1, 0])
    // In order already, or too few known titles to say: nothing.
    #expect(Self.roster.rankOrder(of: ["區委常委、副區長", "副區長", "管委會副主任"]) == nil)
    #expect(Self.roster.rankOrder(of: ["管委會副主任", "區人大代表"]) == nil)
    // A title the roster does not know stays out of the judgement, and goes last in the suggestion.
    #expect(Self.roster.rankOrder(of: ["區人大代表", "區委常委、副區長", "副區長"]) == nil)
    #expect(Self.roster.rankOrder(of: ["副區長", "區人大代表", "區委常委"]) == [2, 0, 1])
  }

  @Test func finishingAnAttendanceListOutOfRankOrderSuggestsTheOrder() throws {
    let template = try TestSupport.template(id: "gov-executive.zh-Hant")
    var assistant = Assistant(template: template, minutes: Minutes(template: template.id))
    assistant.peopleSources.append(Self.roster)
    _ = assistant.handle(":goto 出席.+")
    // A homophone one character off in a group's names is offered too; y takes it in a Chinese template as well.
    let offer = assistant.handle("副區長 劉成鋼")
    #expect(offer.messages.first?.hasPrefix("「劉成鋼」不在名冊中；名冊有「劉成剛」。") == true)
    #expect(assistant.handle("y").messages.first == "已改用名冊的寫法：副區長 劉成剛")
    for line in ["管委會副主任 李四", "區委常委、副區長 王小明"] { #expect(assistant.handle(line).effect != nil) }
    let finished = assistant.handle("")
    #expect(finished.messages.first == "出席的各組未按名冊的職務排序；按職務應為：區委常委、副區長 王小明；副區長 劉成剛；管委會副主任 李四。先用 :move present.3 1 調整。")
    #expect(finished.role(ofMessage: 0) == .warning)
    // Nothing was moved.
    #expect(assistant.minutes.entries(of: TestSupport.at("attendance.present")).compactMap { $0.record?["title"]?.text } == ["副區長", "管委會副主任", "區委常委、副區長"])
    // In order, nothing is said.
    var ordered = Assistant(template: template, minutes: Minutes(template: template.id))
    ordered.peopleSources.append(Self.roster)
    _ = ordered.handle(":goto 出席.+")
    for line in ["區委常委、副區長 王小明", "副區長 劉成剛"] { _ = ordered.handle(line) }
    #expect(!ordered.handle("").messages.joined().contains("職務排序"))
  }
}
