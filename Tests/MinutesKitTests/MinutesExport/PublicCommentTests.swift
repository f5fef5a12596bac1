import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// Public comment in `board-meeting.en` (issue 11): who spoke (name, and an affiliation or town when the record
/// gives one), on what (an agenda item, or a matter not on the agenda) and what they said in a sentence; printed
/// by each layout in its own way, and not at all when no one spoke.
@Suite struct PublicCommentTests {
  /// Two speakers: one from a group on an agenda item, one with no affiliation on a matter not on the agenda.
  static let speakers: Value = .list([
    .record(["name": "Ruth Calloway", "affiliation": "Maple Street Neighbors", "item": "Rezoning of 1200 Elm Street",
             "summary": "Opposed the four-story height, citing shadows on Linden Park"]),
    .record(["name": "Ivo Brandt", "summary": "Asked that the crosswalk at Oak and Fifth be repainted"]),
  ])

  /// The example board meeting's text export in `layout`, with `comment` as its public comment.
  static func text(layout: String, comment: Value?) throws -> String {
    let template = try TestSupport.template(id: "board-meeting.en")
    var content = try TestSupport.exampleAssistant("board-meeting.en").minutes.content
    content["publicComment"] = comment
    content["house"] = .record(["layout": .text(layout)])
    return try TextExporter().export(try template.conform(Minutes(template: template.id, content: content)), template: template)
  }

  @Test(arguments: [
    ("sectioned", "\n\nPublic comment\n"
      + "- Ruth Calloway (Maple Street Neighbors), on Rezoning of 1200 Elm Street: Opposed the four-story height, citing shadows on Linden Park.\n"
      + "- Ivo Brandt, on a matter not on the agenda: Asked that the crosswalk at Oak and Fifth be repainted.\n\nMotions\n"),
    ("council", "\n\nPUBLIC COMMENT\n"
      + "- Ruth Calloway (Maple Street Neighbors), Rezoning of 1200 Elm Street: Opposed the four-story height, citing shadows on Linden Park.\n"
      + "- Ivo Brandt, non-agenda: Asked that the crosswalk at Oak and Fifth be repainted.\n\nACTIONS\n"),
    ("school-board", "\n\nPUBLIC COMMENT\n"
      + "Ruth Calloway, Maple Street Neighbors, spoke on Rezoning of 1200 Elm Street: Opposed the four-story height, citing shadows on Linden Park.\n"
      + "Ivo Brandt spoke on a matter not on the agenda: Asked that the crosswalk at Oak and Fifth be repainted.\n\nACTION ITEMS\n"),
  ])
  func eachLayoutPrintsEachSpeakerInItsOwnWay(layout: String, section: String) throws {
    let text = try Self.text(layout: layout, comment: Self.speakers)
    #expect(text.contains(section), "\(text)")
  }

  /// No one spoke: no heading, no empty line, in every layout; the export is the one without the list.
  @Test(arguments: ["sectioned", "council", "school-board"])
  func noPublicCommentPrintsNothing(layout: String) throws {
    let none = try Self.text(layout: layout, comment: nil)
    #expect(!none.lowercased().contains("public comment"))
    #expect(try Self.text(layout: layout, comment: .list([])) == none)
  }
}
