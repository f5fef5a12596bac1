import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesTemplates
import MinutesTestSupport

/// ``Template/conform(_:)`` returns a draft that is conformed already as it is, without rebuilding it: the same
/// draft, or the same error, as rebuilding it (``Template/rebuiltConformed(_:)``) gives, over random drafts of
/// every built-in template whose values are of their kind, out of it (numbers and yes/no as text, a choice in
/// another letter case, a list where one value belongs), in another order, or under keys that are no parts.
@Suite struct ConformShortcutTests {
  @Test(arguments: TestSupport.builtInTemplates)
  func aConformedDraftIsReturnedAsRebuildingWouldReturnIt(template id: String) throws {
    let template = try TestSupport.template(id: id)
    var random = SplitMix64(seed: id.utf8.reduce(0xC0F0_0001) { $0 &* 31 &+ UInt64($1) })
    var (shortcuts, differing) = (0, 0)
    let drafts = RandomDrafts(odd: true)
    for n in 0..<400 {
      let minutes = Minutes(template: template.id, content: drafts.record(template.parts, &random))
      let rebuilt = Result { try template.rebuiltConformed(minutes) }
      let conformed = Result { try template.conform(minutes) }
      if Template.isConformed(minutes.content, parts: template.parts), (try? template.conform(minutes)) == minutes { shortcuts += 1 }
      switch (conformed, rebuilt) {
      case (.success(let a), .success(let b)) where a == b: continue
      case (.failure(let a), .failure(let b)) where "\(a)" == "\(b)": continue
      default:
        differing += 1
        if differing <= 3 { Issue.record("draft \(n): conform \(conformed), rebuilt \(rebuilt)") }
      }
    }
    #expect(differing == 0)
    // Both ways were taken: the shortcut is no test if no draft takes it, nor the rebuilding if every one does.
    #expect(shortcuts > 20 && shortcuts < 380, "\(shortcuts) of 400 conformed already")
  }

  /// A conformed draft (a rebuilt one) takes the shortcut and is returned equal.
  @Test(arguments: TestSupport.builtInTemplates)
  func theExampleConformedIsConformedAlready(template id: String) throws {
    let (template, minutes) = try TestSupport.example(id)
    let conformed = try template.rebuiltConformed(minutes)
    #expect(Template.isConformed(conformed.content, parts: template.parts))
    #expect(try template.conform(conformed) == conformed)
  }
}
