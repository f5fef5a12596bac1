import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// `gather` (``Template/Gathering``): the export offers the entries of several lists gathered by a part they share,
/// in groups in order of first appearance (the lists read in the declared order), each group with its `key`, its
/// number and each list's entries in it, and the entries that name no group apart.
@Suite struct GatheringTests {
  /// Comments and motions, each naming an agenda item, gathered as `items`; those naming none as `elsewhere`.
  static let yaml = """
    format: 2
    id: gather
    name: Gather
    language: en
    parts:
      - key: comments
        list: true
        parts:
          - {key: who, question: Who?}
          - {key: item, question: Item?}
      - key: motions
        list: true
        parts:
          - {key: text, question: Text?}
          - {key: item, question: Item?}
    gather:
      - {name: items, by: item, lists: [motions, comments], apart: elsewhere}
    export:
      text: "{{#items}}{{n}}. {{key}}:{{#comments}} c={{who}}{{/comments}}{{#motions}} m{{n}}={{text}}{{/motions}}\\n{{/items}}apart:{{#elsewhere}}{{#comments}} c={{who}}{{/comments}}{{#motions}} m{{n}}={{text}}{{/motions}}{{/elsewhere}}|{{count(items)}}|{{items}}|{{count(motions)}}"

    """

  static func export(_ content: Record) throws -> String {
    let template = try TemplateLibrary.parse(Self.yaml, file: "gather.yaml")
    return try TextExporter().export(try template.conform(Minutes(template: "gather", content: content)), template: template)
  }

  /// Groups in order of first appearance, motions read first as declared; values equal but for letter case and
  /// spaces are one group, printed as first typed; each entry keeps its own number; the whole lists are still
  /// there (`count(motions)`).
  @Test func entriesAreGatheredByTheirSharedPartInOrderOfFirstAppearance() throws {
    let text = try Self.export([
      "motions": .list([
        .record(["text": "A", "item": "Elm Street"]), .record(["text": "B"]), .record(["text": "C", "item": "oak park"]),
        .record(["text": "D", "item": " elm  street "]),
      ]),
      "comments": .list([
        .record(["who": "x", "item": "Oak Park"]), .record(["who": "y", "item": "Birch Lane"]), .record(["who": "z"]),
      ]),
    ])
    #expect(text == "1. Elm Street: m1=A m4=D\n2. oak park: c=x m3=C\n3. Birch Lane: c=y\napart: c=z m2=B|3|Elm Street, oak park, Birch Lane|4")
  }

  /// Nothing drafted: no groups, nothing apart, and the sections print nothing.
  @Test func anEmptyDraftHasNoGroups() throws {
    #expect(try Self.export([:]) == "apart:|0||0")
  }

  /// Entries that all name one item make one group; none is apart.
  @Test func oneItemMakesOneGroup() throws {
    let text = try Self.export(["motions": .list([.record(["text": "A", "item": "Budget"]), .record(["text": "B", "item": "BUDGET"])])])
    #expect(text == "1. Budget: m1=A m2=B\napart:|1|Budget|2")
  }
}
