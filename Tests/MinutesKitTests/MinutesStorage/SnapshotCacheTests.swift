import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesExport
@testable import MinutesInterview
@testable import MinutesModel
@testable import MinutesNormalization
@testable import MinutesStorage
@testable import MinutesTemplates
@testable import MinutesValidation
import MinutesTestSupport

/// The JSON cache of a snapshot is used only while it matches the YAML.
@Suite struct SnapshotCacheTests {
  @Test func aSnapshotEditedByHandIsReadFromItsYAML() throws {
    let folder = try TestSupport.temporaryWorkspace("cache")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = SessionStore(workspace: folder)
    let minutes = Minutes(template: TestSupport.templateID, content: ["meeting": ["body": "區政府"]])
    try store.create(SessionFile(minutes: minutes), name: "c")
    #expect(FileManager.default.fileExists(atPath: store.cache(for: "c").path))
    #expect(try store.load(name: "c").minutes.text("meeting.body") == "區政府")
    let yaml = try String(contentsOf: store.file(for: "c"), encoding: .utf8)
    try yaml.replacingOccurrences(of: "body: 區政府", with: "body: 市政府").write(to: store.file(for: "c"), atomically: true, encoding: .utf8)
    #expect(try store.load(name: "c").minutes.text("meeting.body") == "市政府")
  }
}
