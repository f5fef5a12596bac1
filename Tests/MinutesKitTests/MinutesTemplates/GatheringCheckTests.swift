import Foundation
import Testing

@testable import MinutesKit
import MinutesTestSupport

/// The checker's rule for `gather` (``Template/Gathering``): it names lists of records with the part it gathers by,
/// under names no top-level part has, written so that Mustache can name them.
@Suite struct GatheringCheckTests {
  /// A template with two lists and the `gather` declaration `gather`.
  static func yaml(_ gather: String) -> String {
    """
    format: 2
    id: g
    name: G
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
      - {key: notes, list: true, question: Notes?}
    gather:
      - \(gather)
    export:
      text: "{{#items}}{{key}}{{/items}}"

    """
  }

  /// The message of the error parsing the template with `gather`; `nil` when it is accepted.
  static func message(_ gather: String) -> String? {
    do {
      _ = try TemplateLibrary.parse(yaml(gather), file: "g.yaml")
      return nil
    } catch let error as TemplateError {
      return error.errorDescription
    } catch {
      return "\(error)"
    }
  }

  @Test func aWellFormedDeclarationIsAccepted() {
    #expect(Self.message("{name: items, by: item, lists: [motions, comments], apart: elsewhere}") == nil)
  }

  @Test(arguments: [
    ("{name: motions, by: item, lists: [motions]}", "`gather` names its groups `motions`, which a top-level part or another `gather` has already"),
    ("{name: items, by: item, lists: [motions], apart: items}", "`gather` names the entries apart `items`, which a top-level part or another `gather` has already"),
    ("{name: agenda-items, by: item, lists: [motions]}", "it is printed as `{{#agenda-items}}`, so it is written in ASCII letters, digits and `_`"),
    ("{name: items, by: item, lists: []}", "`gather` `items` gathers no `lists`"),
    ("{name: items, by: item, lists: [notes]}", "`gather` `items` names `notes`, which is not a list of records of this template outside any list"),
    ("{name: items, by: item, lists: [minutes]}", "`gather` `items` names `minutes`, which is not a list of records"),
    ("{name: items, by: who, lists: [motions, comments]}", "`gather` `items` gathers by `who`, which is not a field of the entries of `motions`"),
    ("{name: items, by: item, lists: [motions, motions]}", "`gather` `items` offers two lists, or a list and its own name, as `motions` in a group"),
    ("{name: items, by: item, lists: [motions], order: first}", "unknown key `order`"),
  ])
  func aMisusedDeclarationIsRefusedWithWhatToDo(gather: String, expected: String) throws {
    let message = try #require(Self.message(gather))
    #expect(message.contains(expected), "\(message)")
    #expect(message.hasPrefix("g.yaml:"), "\(message)")
  }
}
