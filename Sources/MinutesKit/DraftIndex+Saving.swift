import Foundation
import MinutesModel
import MinutesTemplates

/// The index kept beside the snapshot in its cache (``SessionStore/compact(_:name:keepingChanges:annex:)``), so
/// that resuming a session does not walk and check every entry of the draft again: at 1,000 agenda items that was
/// a third of a resume.
///
/// Only the chunks are kept (the top of the draft is walked again, a few dozen parts). The bytes: the magic
/// `MNI2`; the key, four little-endian 64-bit numbers; the number of top-level lists, then for each its stored
/// address (a 32-bit length and UTF-8), its number of entries and, for each entry, whether its list was asked (a
/// byte) and six 32-bit numbers: the value errors, the missing and the required slots, the number of the first
/// slot not answered (`0xFFFFFFFF` when none), the errors of the entry's checks and the number of those still to
/// come, followed by their slots' numbers (32 bits each).
///
/// What an index says depends on the draft, the template and the program's rules, so the key is the template's
/// ``Template/sourceDigest`` and the program's file (its size, time and inode, from `stat` of `/proc/self/exe`): a
/// template edited or another build of minutes finds a key that does not match, and the index is made again. The
/// draft is the storage's to vouch for: it gives the annex back only while the draft is the cached one. Where the
/// program's file cannot be stat'ed, no index is kept.
extension DraftIndex {
  static let savedMagic: [UInt8] = Array("MNI2".utf8)

  /// The key an index kept by this program for `template` carries; `nil` when the program's file is not known.
  static func savedKey(for template: Template) -> [UInt64]? {
    guard let program = programStamp else { return nil }
    return program + [template.sourceDigest]
  }

  /// The size, modification time (nanoseconds since 1970) and inode of the running program's file.
  private static let programStamp: [UInt64]? = {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return nil }
    let nanoseconds = Int64(status.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(status.st_mtim.tv_nsec)
    return [UInt64(status.st_size), UInt64(bitPattern: nanoseconds), UInt64(status.st_ino)]
  }()

  /// The index's chunks in the form kept beside the snapshot; empty when no key can be made.
  var saved: [UInt8] {
    guard let key = Self.savedKey(for: template) else { return [] }
    var bytes = Self.savedMagic
    func u32(_ n: UInt32) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
    func u64(_ n: UInt64) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
    key.forEach(u64)
    let lists = chunks.sorted { $0.key.description < $1.key.description }
    u32(UInt32(lists.count))
    for (list, chunks) in lists {
      let address = Array(list.description.utf8)
      u32(UInt32(address.count))
      bytes += address
      u32(UInt32(chunks.count))
      for chunk in chunks {
        bytes.append(chunk.asked ? 1 : 0)
        for n in [chunk.valueErrors, chunk.missingCount, chunk.requiredCount] { u32(UInt32(clamping: n)) }
        u32(chunk.firstUnanswered.map { UInt32(clamping: $0) } ?? .max)
        u32(UInt32(clamping: chunk.checkErrors))
        u32(UInt32(clamping: chunk.pendingChecks.count))
        for slot in chunk.pendingChecks { u32(UInt32(clamping: slot)) }
      }
    }
    return bytes
  }

  /// Whether `bytes` start as an index this program kept for `template` (``saved``): its magic and its key, the
  /// rest not read. Such an index vouches that the draft stored with it is as `Template.conform(_:)` makes it,
  /// which opening it then need not walk the draft to learn: an assistant keeps an index only for a conformed
  /// draft (`Assistant.savedIndex`), and storage gives the bytes back only with the very draft they were kept
  /// with. The key holds the template's digest, so a template changed since does not vouch.
  static func isKept(_ bytes: [UInt8], for template: Template) -> Bool { keyEnd(in: bytes, for: template) != nil }

  /// Where the bytes after the magic and the key start, when `bytes` start with this program's magic and its key
  /// for `template`; `nil` otherwise.
  private static func keyEnd(in bytes: [UInt8], for template: Template) -> Int? {
    guard let key = savedKey(for: template), bytes.count >= savedMagic.count + 8 * key.count, bytes.starts(with: savedMagic)
    else { return nil }
    var index = savedMagic.count
    for number in key {
      guard bytes[index..<index + 8].reversed().reduce(UInt64(0), { $0 << 8 | UInt64($1) }) == number else { return nil }
      index += 8
    }
    return index
  }

  /// The chunks kept in `bytes` (``saved``) for `template`; `nil` when the bytes are not a whole index of this
  /// program for this template.
  static func savedChunks(_ bytes: [UInt8], for template: Template) -> [Address: [Chunk]]? {
    guard var index = keyEnd(in: bytes, for: template) else { return nil }
    func take(_ count: Int) -> ArraySlice<UInt8>? {
      guard count >= 0, count <= bytes.count - index else { return nil }
      defer { index += count }
      return bytes[index..<index + count]
    }
    func u32() -> UInt32? { take(4).map { $0.reversed().reduce(0) { $0 << 8 | UInt32($1) } } }
    guard let listCount = u32() else { return nil }
    var lists: [Address: [Chunk]] = [:]
    for _ in 0..<listCount {
      guard let length = u32(), let text = take(Int(length)), let list = Address(stored: String(decoding: text, as: UTF8.self)),
        let count = u32(), Int(count) * 25 <= bytes.count - index
      else { return nil }
      var chunks: [Chunk] = []
      chunks.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let asked = take(1)?.first, asked <= 1, let valueErrors = u32(), let missing = u32(), let required = u32(),
          let first = u32(), let checkErrors = u32(), let pendingCount = u32(), Int(pendingCount) * 4 <= bytes.count - index
        else { return nil }
        var pending: [Int] = []
        for _ in 0..<pendingCount {
          guard let slot = u32() else { return nil }
          pending.append(Int(slot))
        }
        chunks.append(Chunk(valueErrors: Int(valueErrors), asked: asked == 1, missingCount: Int(missing),
                            requiredCount: Int(required), firstUnanswered: first == .max ? nil : Int(first),
                            checkErrors: Int(checkErrors), pendingChecks: pending))
      }
      lists[list] = chunks
    }
    return index == bytes.count ? lists : nil
  }
}
