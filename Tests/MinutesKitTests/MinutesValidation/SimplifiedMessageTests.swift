import Foundation
import Testing

@testable import MinutesModel
@testable import MinutesValidation

/// The findings of a Simplified session are worded in Simplified characters and mainland quotation marks
/// throughout: the words a message composes from pieces too, not only those of its outermost sentence (the kept
/// value no longer printed read `只在「类型」為「审议」時適用` in a Simplified session).
@Suite struct SimplifiedMessageTests {
  static let hans = Messages(language: "zh-Hans")

  @Test(arguments: [(values: ["审议"], isUnless: false), (values: ["审议", "听取"], isUnless: false), (values: [], isUnless: false),
                    (values: ["动议"], isUnless: true)])
  func aValueThatNoLongerAppliesIsWordedInSimplified(values: [String], isUnless: Bool) {
    let message = Self.hans.notApplicable("文件状态", key: "类型", values: values, isUnless: isUnless)
    // Its values and labels are Simplified already, so nothing in it is left to convert.
    #expect(Messages.simplified(message) == message, "\(message)")
    #expect(!message.contains("「") && !message.contains("」"), "\(message)")
    for value in values { #expect(message.contains("“\(value)”"), "\(message)") }
  }

  /// The same words in Traditional keep their 「」 and characters.
  @Test func theTraditionalWordingIsUnchanged() {
    let message = Messages(language: "zh-Hant").notApplicable("文件狀態", key: "類型", values: ["審議", "聽取"], isUnless: false)
    #expect(message == "「文件狀態」的內容已保存，但不會印出：只在「類型」為「審議」或「聽取」時適用；若它有誤請刪除，否則請改「類型」")
  }

  /// A message worded twice is worded alike: the converted words are remembered, not shared wrongly.
  @Test func wordsRememberedGiveTheSameMessages() {
    let first = Self.hans.notApplicable("甲", key: "乙", values: ["丙"], isUnless: false)
    let second = Self.hans.notApplicable("丁", key: "乙", values: ["丙"], isUnless: true)
    #expect(first == Self.hans.notApplicable("甲", key: "乙", values: ["丙"], isUnless: false))
    #expect(first != second)
    #expect(second.contains("“乙”为“丙”时不适用"), "\(second)")
  }
}
