import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The agenda item of a motion in `board-meeting.en` (issue 11): an optional part asked after the wording, which
/// the layouts that list motions print before each motion, and by which `gather` groups the motions and the
/// public comment (`agendaItems`, `offAgenda`).
@Suite struct AgendaItemTests {
  /// The example board meeting in `layout` with its first motion under `item`, exported as `format`'s exporter
  /// does.
  static func export(layout: String, item: String?, markdown: Bool = false) throws -> String {
    let template = try TestSupport.template(id: "board-meeting.en")
    var content = try TestSupport.exampleAssistant("board-meeting.en").minutes.content
    var motions = try #require(content["motions"]?.list)
    var first = try #require(motions[0].record)
    first["item"] = item.map(Value.text)
    motions[0] = .record(first)
    content["motions"] = .list(motions)
    content["house"] = .record(["layout": .text(layout)])
    let minutes = try template.conform(Minutes(template: template.id, content: content))
    if markdown { return try MarkdownExporter().export(minutes, template: template) }
    return try TextExporter().export(minutes, template: template)
  }

  @Test(arguments: [
    ("sectioned", "\n1. Financial statements: Moved by Priya Natarajan, seconded by Lena Fischer, that the board accept"),
    ("council", "\n- Financial statements: Motion by Priya Natarajan, 2nd by Lena Fischer, that the board accept"),
    ("school-board", "\n1. Financial statements: Moved by Priya Natarajan, seconded by Lena Fischer, that the board accept"),
  ])
  func eachLayoutPrintsAMotionsAgendaItemBeforeIt(layout: String, line: String) throws {
    let text = try Self.export(layout: layout, item: "Financial statements")
    #expect(text.contains(line), "\(text)")
    // Without an item, the motion prints as it always did.
    let plain = try Self.export(layout: layout, item: nil)
    #expect(!plain.contains("Financial statements:"))
    #expect(plain == text.replacingOccurrences(of: "Financial statements: ", with: ""))
  }

  /// The committee layout: an item no one spoke on says so; the motions under no item follow the items under
  /// `Other actions:`, each once, with the counts before the disposition's detail; with no item at all, they print
  /// right under the heading.
  @Test func theCommitteeLayoutPrintsAnItemWithoutCommentAndTheOtherActions() throws {
    let text = try Self.export(layout: "committee", item: "Financial statements")
    #expect(text.contains("\n5. AGENDA ITEMS\n5.1 Financial statements\nPublic comment: None.\nMotion by Priya Natarajan, seconded by Lena Fischer, that the board accept"), "\(text)")
    #expect(text.contains(" as presented. Adopted"), "\(text)")
    #expect(text.contains("\n\nOther actions:\nMotion by Daniel Reyes, seconded by Aisha Bello, that the board authorize"), "\(text)")
    // The counts come before a disposition's detail, never after it (`… meeting 6-1-0.`).
    #expect(text.contains("as distributed. Referred 6-1-0 to the Governance Committee, to report at the June 18, 2024 meeting.\n"), "\(text)")
    #expect(text.components(separatedBy: "Motion by Priya Natarajan, seconded by Lena Fischer").count == 2)
    #expect(!text.contains("5.2"))
    let none = try Self.export(layout: "committee", item: nil)
    #expect(none.contains("\n5. AGENDA ITEMS\nMotion by Priya Natarajan, seconded by Lena Fischer, that the board accept"), "\(none)")
    #expect(!none.contains("Other actions") && !none.contains("5.1") && !none.contains("Public comment:"))
    #expect(none.contains("\n3. PUBLIC COMMENT (items not on the agenda)\nNone.\n"))
  }

  @Test func theMarkdownHeadingOfAMotionNamesItsItem() throws {
    #expect(try Self.export(layout: "sectioned", item: "Financial statements", markdown: true).contains("\n### Motion 1: Financial statements\n"))
  }
}
