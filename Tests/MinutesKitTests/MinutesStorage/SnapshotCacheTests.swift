import Foundation
import Testing

@testable import MinutesKit
@testable import MinutesStorage
import MinutesTestSupport

/// The binary cache of a snapshot is used only while it matches the YAML and its own checksum.
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

  /// A flipped bit anywhere in the cache never changes the draft: a damaged header no longer matches the
  /// snapshot, a damaged body fails the checksum, and either way the YAML is read (issue "Never trust a damaged
  /// file": before the checksum, `關于開展` could silently become `關于鞋展`).
  @Test func aFlippedBitInTheCacheNeverChangesTheDraft() throws {
    let folder = try TestSupport.temporaryWorkspace("cache-flip")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = SessionStore(workspace: folder)
    let minutes = try TestSupport.draft([
      "meeting": ["date": "2022-05-20", "body": "區政府", "number": 3],
      "items": [["kind": "審議", "subject": "關于開展安全生產大檢查的通知", "directives": [["verb": "要求", "points": ["要抓好落實"]]]]],
    ])
    try store.create(SessionFile(minutes: minutes), name: "f")
    let template = try TestSupport.template()
    let cache = store.cache(for: "f")
    let original = try Data(contentsOf: cache)
    #expect(SnapshotCache(data: original)?.file.minutes == minutes)
    var silentChanges: [Int] = []
    for index in original.indices {
      for bit in [0, 3, 7] {
        var damaged = original
        damaged[index] ^= UInt8(1 << bit)
        try damaged.write(to: cache)
        // As every reader does: the file's values typed by the template (the YAML holds them as text).
        if try template.conform(store.load(name: "f").minutes) != minutes { silentChanges.append(index) }
      }
    }
    #expect(silentChanges.isEmpty, "bytes whose flip changed the draft: \(silentChanges.prefix(10))")
    #expect(try store.lastGoodSnapshot(name: "f").map { try template.conform($0.minutes) } == minutes, "the last good snapshot is its own copy")
    try FileManager.default.removeItem(at: store.goodSnapshot(for: "f"))
    #expect(store.lastGoodSnapshot(name: "f") == nil, "a damaged cache is no last good snapshot")
  }

  /// A cache naming a minutes format this version does not know (written by a later version, or a damaged number
  /// under a correct checksum) is no cache: the YAML is read, which says what to do about the format.
  @Test(arguments: [-1, 2, 99, Int.max, Int.min])
  func aCacheOfAnUnknownFormatIsNotRead(format: Int) throws {
    var minutes = Minutes(template: TestSupport.templateID, content: ["meeting": ["body": "區政府"]])
    let known = SnapshotCache(generation: 1, size: 10, modified: 0, inode: 1, file: SessionFile(minutes: minutes))
    #expect(SnapshotCache(data: known.data())?.file.minutes == minutes)
    minutes.format = format
    let unknown = SnapshotCache(generation: 1, size: 10, modified: 0, inode: 1, file: SessionFile(minutes: minutes))
    #expect(SnapshotCache(data: unknown.data()) == nil)
  }
}
