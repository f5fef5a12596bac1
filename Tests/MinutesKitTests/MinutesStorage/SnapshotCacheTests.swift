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

  /// Bytes that are not UTF-8 where a text should be, under a checksum that matches (no writer writes them), make
  /// the file no cache: the YAML is read. Before, they were read as U+FFFD, a text the clerk never wrote.
  @Test func aTextThatIsNotUTF8UnderAGoodChecksumIsNoCache() throws {
    let minutes = Minutes(template: TestSupport.templateID, content: ["meeting": ["body": "區政府"]])
    var bytes = [UInt8](SnapshotCache(generation: 1, size: 10, modified: 0, inode: 1, file: SessionFile(minutes: minutes)).data())
    let body = Array("區政府".utf8)
    let at = try #require((0...(bytes.count - body.count)).first { Array(bytes[$0..<($0 + body.count)]) == body })
    #expect(SnapshotCache(data: Data(bytes))?.file.minutes == minutes)
    bytes[at + 1] = 0x41  // 區's second byte: a lead byte followed by ASCII
    bytes.removeLast(8)
    let checksum = Checksum.ofWords(bytes)
    withUnsafeBytes(of: checksum.littleEndian) { bytes += $0 }
    #expect(SnapshotCache(data: Data(bytes)) == nil)
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

/// What the layers above storage keep beside a snapshot in its cache (the draft's index): given back while the
/// draft is the cached one, and never when a journal line changed it.
@Suite struct CacheAnnexTests {
  static func session() throws -> (SessionStore, URL, Minutes) {
    let folder = try TestSupport.temporaryWorkspace("annex")
    let store = SessionStore(workspace: folder)
    let minutes = try TestSupport.draft(["meeting": ["date": "2022-05-20", "body": "區政府"]])
    try store.compact(DraftState(minutes: minutes, cursor: nil), name: "a", annex: [1, 2, 3])
    return (store, folder, minutes)
  }

  @Test func theAnnexComesBackWithTheDraftItWasKeptWith() throws {
    let (store, folder, minutes) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let loaded = try store.loadState(name: "a")
    #expect(loaded.file.minutes == minutes)
    #expect(loaded.annex == [1, 2, 3])
    // Replaced, the cache's draft stays byte for byte.
    let before = try Data(contentsOf: store.cache(for: "a"))
    store.replaceAnnex([9], name: "a")
    let after = try Data(contentsOf: store.cache(for: "a"))
    #expect(after.prefix(before.count - 8 - 4 - 3) == before.prefix(before.count - 8 - 4 - 3))
    #expect(try store.loadState(name: "a").annex == [9])
    #expect(try store.loadState(name: "a").file.minutes == minutes)
    store.replaceAnnex([], name: "a")
    #expect(try store.loadState(name: "a").annex.isEmpty)
  }

  @Test func aJournalLineThatChangesTheDraftTakesTheAnnexAway() throws {
    let (store, folder, _) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let change = Change.field(address: "meeting.body", old: .text("區政府"), new: .text("市政府"))
    try store.append(.performed(Transaction(changes: [change], cursorBefore: nil, cursorAfter: nil, label: "修改 meeting.body")),
                     name: "a")
    let loaded = try store.loadState(name: "a")
    #expect(loaded.file.minutes.text("meeting.body") == "市政府")
    #expect(loaded.annex.isEmpty)
  }

  @Test func aSnapshotChangedOutsideMinutesHasNoAnnex() throws {
    let (store, folder, _) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = try String(contentsOf: store.file(for: "a"), encoding: .utf8)
    try yaml.replacingOccurrences(of: "body: 區政府", with: "body: 市政府").write(to: store.file(for: "a"), atomically: true, encoding: .utf8)
    #expect(try store.loadState(name: "a").annex.isEmpty)
    // Nor is a stale cache given a new annex.
    store.replaceAnnex([4], name: "a")
    #expect(try store.loadState(name: "a").annex.isEmpty)
  }

  /// Every length the annex's bytes may be cut to, and a flipped bit anywhere, is no cache (the checksum).
  @Test func aDamagedAnnexIsNoCache() throws {
    let (store, folder, _) = try Self.session()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try Data(contentsOf: store.cache(for: "a"))
    for end in (data.count - 20)..<data.count { #expect(SnapshotCache(data: data.prefix(end)) == nil) }
    for index in (data.count - 20)..<data.count {
      var damaged = data
      damaged[index] ^= 0x10
      #expect(SnapshotCache(data: damaged) == nil)
      #expect(SnapshotCache.replacingAnnex(in: damaged, with: [1]) == nil)
    }
  }

  /// The cache's checksum over words changes whenever any one byte does, to any other value, at every place of
  /// a word and of the bytes left over (each step is a bijection of the state): property over random buffers.
  /// The checksum of bytes in place (an array, a native string's UTF-8) is FNV-1a's over the same bytes one by
  /// one: 500 drawn (seeded) byte strings, and the published value of `a`.
  @Test func theChecksumOfBytesInPlaceIsTheChecksumByteByByte() {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      // A lazy map has no storage in place: the byte-by-byte path.
      #expect(Checksum.of(bytes) == Checksum.of(bytes.lazy.map { $0 }))
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(Checksum.of(text.utf8) == Checksum.of(Array(text.utf8).lazy.map { $0 }))
    }
    #expect(Checksum.of("a".utf8) == 0xaf63_dc4c_8601_ec8c)
  }

  @Test func theWordChecksumChangesWithAnyOneByte() {
    var generator = SystemRandomNumberGenerator()
    for length in 0...41 {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let original = Checksum.ofWords(bytes)
      for index in bytes.indices {
        for _ in 0..<8 {
          var changed = bytes
          changed[index] &+= UInt8.random(in: 1...255, using: &generator)
          #expect(Checksum.ofWords(changed) != original, "length \(length), byte \(index)")
        }
      }
    }
  }
}
