import Foundation
import Testing

@testable import MinutesExport
@testable import MinutesInterview
@testable import MinutesKit
import MinutesTestSupport

/// The period that ends an answer is the clerk's when it belongs to an abbreviation or an ellipsis, and the
/// template's otherwise; the English export prints one, never two (a clerk's trial found `Jr` for `Jr.`,
/// `to 6:00 p.m:` for `to 6:00 p.m.:`, `too loud!.` and `“as written.”.`).
@Suite struct SentenceEndTests {
  @Test(arguments: [
    ("Lucinda Moreau, Jr.", true), ("from 7:00 a.m. to 6:00 p.m.", true), ("made in the U.S.", true), ("Acme Inc.", true),
    ("on Quarry Road...", true), ("the board adopt the budget.", false), ("Dr. Ana Ortiz spoke.", false), ("no period", false),
  ])
  func aFinalPeriodIsKeptForAnAbbreviationOrAnEllipsis(text: String, kept: Bool) {
    #expect(Editor.keepsFinalPeriod(text) == kept)
  }

  @Test(arguments: [
    ("Said the plant is too loud!.", "Said the plant is too loud!"),
    ("Asked why?. Then left.", "Asked why? Then left."),
    ("adopt the plan “as written.”. Adopted", "adopt the plan “as written.” Adopted"),
    ("to 6:00 p.m.. Fails 2-3.", "to 6:00 p.m. Fails 2-3."),
    ("on Quarry Road.... Next", "on Quarry Road... Next"),
    ("on Quarry Road... Next", "on Quarry Road... Next"),
    ("A plain sentence. Another (in brackets).", "A plain sentence. Another (in brackets)."),
    ("Alder Creek Town Hall (scheduled for 7:00 p.m.).", "Alder Creek Town Hall (scheduled for 7:00 p.m.)."),
  ])
  func theTemplatesPeriodIsDroppedWhereTheValueEndsTheSentence(rendered: String, printed: String) {
    #expect(TextExporter.sentenceEnds(rendered) == printed)
  }

  /// Through the interview and the export: typed with its period, kept, and printed once.
  @Test func anAbbreviationTypedLastPrintsOnePeriod() throws {
    let (template, minutes) = try BoardCheckTests.meeting()
    var assistant = Assistant(template: template, minutes: minutes, resumeAt: .finished)
    _ = assistant.handle(":edit 1.text the council limit work to the hours of 7:00 a.m. to 6:00 p.m.")
    #expect(assistant.minutes["motions.1.text"] == "the council limit work to the hours of 7:00 a.m. to 6:00 p.m.")
    let text = try TextExporter().export(assistant.minutes, template: template)
    #expect(text.contains("that the council limit work to the hours of 7:00 a.m. to 6:00 p.m.\n"))
  }
}
