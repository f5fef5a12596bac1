import Testing

@testable import MinutesModel

/// ``Spelling/nearest(to:among:)``: a slip or two is named, a word far from all or as near two is not.
@Suite struct SpellingTests {
  static let choices = ["attendance", "invitation", "date", "chair", "opening", "label", "gap", "separator"]

  @Test(arguments: [
    ("atendance", "attendance"), ("ATTENDENCE", "attendance"), ("seperator", "separator"), ("gaps", "gap"),
    ("chiar", "chair"), ("labl", "label"),
  ])
  func aSlipIsNamed(typed: String, meant: String) {
    #expect(Spelling.nearest(to: typed, among: Self.choices) == meant)
  }

  @Test(arguments: ["colour", "x", "", "attendance", "Date", "layout"])
  func aWordFarFromAllOrOneThereIsNotNamed(typed: String) {
    #expect(Spelling.nearest(to: typed, among: Self.choices) == nil)
  }

  @Test func aWordAsNearTwoIsNotNamed() {
    #expect(Spelling.nearest(to: "cat", among: ["bat", "hat"]) == nil)
    #expect(Spelling.nearest(to: "cat", among: ["bat", "horse"]) == "bat")
  }

  @Test func theDistanceCountsEachSlipOnce() {
    #expect(Spelling.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(Spelling.editDistance(Array("chiar"), Array("chair")) == 1)
    #expect(Spelling.editDistance(Array("ca"), Array("abc")) == 3)
    #expect(Spelling.editDistance(Array(""), Array("abc")) == 3)
    #expect(Spelling.editDistance(Array("区长"), Array("區長")) == 2)
  }
}
