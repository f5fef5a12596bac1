import Foundation
import MinutesModel
import MinutesInterview

/// The cache file: the stamps of the snapshot it copies, the snapshot in a compact binary form, and what the
/// layers above storage keep of that draft beside it (its ``annex``: the index of the draft, see `DraftIndex`).
///
/// The cache exists to make resuming fast, and a draft is a generic tree: JSON through `Codable` had to try
/// each kind of value until one fitted, and even `JSONSerialization` spent most of a resume building and
/// bridging objects. This form is read in one pass over the bytes: after the magic `MNC4`, little-endian
/// 64-bit numbers, strings as a 32-bit length and UTF-8, and each value as a tag (0 text, 1 number, 2 flag,
/// 3 list, 4 record) and its contents; then the annex's bytes and their 32-bit length; last, a 64-bit FNV-1a
/// checksum over 64-bit words (``Checksum/ofWords(_:)``) of every byte before it. A file that does not read
/// whole, or whose checksum does not match (a flipped bit would otherwise change the draft without a word), or
/// whose minutes format this version does not know, is no cache: the YAML is read instead. (`MNC1` caches, which
/// had no checksum, `MNC2` ones, which had no annex, and `MNC3` ones, checksummed byte by byte, are no longer
/// read: the first resume after an upgrade reads the YAML and writes the cache anew.)
struct SnapshotCache {
  var generation: Int
  var size: Int
  var modified: Double
  var inode: UInt64
  var file: SessionFile
  /// What the layers above storage keep of the draft beside it, opaque here; empty when nothing.
  var annex: [UInt8]

  static let magic: [UInt8] = Array("MNC4".utf8)

  init(generation: Int, size: Int, modified: Double, inode: UInt64, file: SessionFile, annex: [UInt8] = []) {
    (self.generation, self.size, self.modified, self.inode, self.file) = (generation, size, modified, inode, file)
    self.annex = annex
  }

  func data() -> Data {
    var writer = Writer()
    writer.bytes += Self.magic
    for number in [UInt64(bitPattern: Int64(generation)), UInt64(bitPattern: Int64(size)), modified.bitPattern, inode,
                   UInt64(bitPattern: Int64(file.minutes.format))] {
      writer.u64(number)
    }
    writer.string(file.minutes.template)
    switch file.resumeAt {
    case .firstQuestion: writer.string("")
    case .at(let address): writer.string(address.description)
    case .finished: writer.string("finished")
    }
    writer.value(.record(file.minutes.content))
    writer.bytes += annex
    writer.u32(UInt32(annex.count))
    writer.u64(Checksum.ofWords(writer.bytes))
    return Data(writer.bytes)
  }

  /// The cache file `data` with its annex replaced by `annex`, the rest byte for byte; `nil` when `data` is no
  /// whole cache (its checksum does not match). Costs a pass over the bytes, not a reading of the draft.
  static func replacingAnnex(in data: Data, with annex: [UInt8]) -> Data? {
    data.withUnsafeBytes { raw -> Data? in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let (body, annexStart) = Self.body(of: bytes) else { return nil }
      var writer = Writer()
      writer.bytes.reserveCapacity(annexStart + annex.count + 12)
      writer.bytes += body[..<annexStart]
      writer.bytes += annex
      writer.u32(UInt32(annex.count))
      writer.u64(Checksum.ofWords(writer.bytes))
      return Data(writer.bytes)
    }
  }

  /// The bytes before the checksum of a cache file whose checksum matches, and where its annex starts in them;
  /// `nil` when the checksum does not match or the annex's length does not fit.
  private static func body(of bytes: UnsafeBufferPointer<UInt8>) -> (UnsafeBufferPointer<UInt8>, annexStart: Int)? {
    guard bytes.count >= 12 else { return nil }
    let body = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
    let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard Checksum.ofWords(body) == stored else { return nil }
    let length = Int(body[(body.count - 4)...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    guard length <= body.count - 4 else { return nil }
    return (body, body.count - 4 - length)
  }

  /// The stamps a cache file was written for, read from its header alone (without reading the draft).
  struct Header: Equatable {
    var generation: Int
    var size: Int
    var modified: Double
    var inode: UInt64

    /// Whether the header names the snapshot with these stamps and generation.
    func matches(_ stamp: (size: Int, modified: Double, inode: UInt64), generation: Int) -> Bool {
      size == stamp.size && modified == stamp.modified && inode == stamp.inode && self.generation == generation
    }
  }

  /// The header of a cache file; `nil` when it is none.
  static func header(of data: Data) -> Header? {
    let prefix = [UInt8](data.prefix(4 + 4 * 8))
    return prefix.withUnsafeBufferPointer { bytes in
      var reader = Reader(bytes: bytes)
      return header(from: &reader)
    }
  }

  private static func header(from reader: inout Reader) -> Header? {
    guard reader.take(4)?.elementsEqual(magic) == true, let generation = reader.u64(), let size = reader.u64(),
      let modified = reader.u64(), let inode = reader.u64()
    else { return nil }
    return Header(generation: Int(Int64(bitPattern: generation)), size: Int(Int64(bitPattern: size)),
                  modified: Double(bitPattern: modified), inode: inode)
  }

  /// Reads a cache file; `nil` when it is not a whole one. The bytes are read where `data` holds them, not
  /// copied twice first (12 MB each at 5,000 items).
  init?(data: Data) {
    guard let cache = data.withUnsafeBytes({ Self.read($0.bindMemory(to: UInt8.self)) }) else { return nil }
    self = cache
  }

  /// The cache in `bytes`; `nil` when they are not a whole one.
  private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> SnapshotCache? {
    guard let (body, annexStart) = Self.body(of: bytes) else { return nil }
    var reader = Reader(bytes: UnsafeBufferPointer(rebasing: body[..<annexStart]))
    guard let header = Self.header(from: &reader), let format = reader.u64(),
      let template = reader.string(), let resume = reader.string(), case .record(let content)? = reader.value(depth: 0),
      reader.isAtEnd
    else { return nil }
    // A format this version does not know is no cache either: the YAML says so with a message.
    let formatNumber = Int64(bitPattern: format)
    guard (1...Int64(Minutes.currentFormat)).contains(formatNumber) else { return nil }
    var minutes = Minutes(template: template, content: content)
    minutes.format = Int(formatNumber)
    let resumeAt: SessionFile.ResumePoint
    switch resume {
    case "": resumeAt = .firstQuestion
    case "finished": resumeAt = .finished
    default: resumeAt = Address(stored: resume).map(SessionFile.ResumePoint.at) ?? .firstQuestion
    }
    return SnapshotCache(generation: header.generation, size: header.size, modified: header.modified, inode: header.inode,
                         file: SessionFile(minutes: minutes, resumeAt: resumeAt, generation: header.generation),
                         annex: Array(body[annexStart..<(body.count - 4)]))
  }

  private struct Writer {
    var bytes: [UInt8] = []
    mutating func u32(_ n: UInt32) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
    mutating func u64(_ n: UInt64) { withUnsafeBytes(of: n.littleEndian) { bytes += $0 } }
    mutating func string(_ text: String) {
      let utf8 = Array(text.utf8)
      u32(UInt32(utf8.count))
      bytes += utf8
    }
    mutating func value(_ value: Value) {
      switch value {
      case .text(let text): bytes.append(0); string(text)
      case .number(let n): bytes.append(1); u64(UInt64(bitPattern: Int64(n)))
      case .flag(let flag): bytes.append(2); bytes.append(flag ? 1 : 0)
      case .list(let entries):
        bytes.append(3)
        u32(UInt32(entries.count))
        for entry in entries { self.value(entry) }
      case .record(let record):
        bytes.append(4)
        u32(UInt32(record.fields.count))
        for (key, entry) in record.fields {
          string(key)
          self.value(entry)
        }
      }
    }
  }

  /// Reads the bytes of a cache file, which must stay valid while it reads.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ count: Int) -> Slice<UnsafeBufferPointer<UInt8>>? {
      guard count >= 0, count <= bytes.count - index else { return nil }
      defer { index += count }
      return bytes[index..<index + count]
    }
    mutating func u8() -> UInt8? { take(1)?.first }
    mutating func u32() -> UInt32? {
      take(4).map { $0.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
    }
    mutating func u64() -> UInt64? {
      take(8).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
    mutating func string() -> String? {
      guard let count = u32(), let slice = take(Int(count)) else { return nil }
      // Checked, not repaired: the checksum matched, so bytes that are not UTF-8 were never written by a writer.
      return String(wellFormedUTF8: UnsafeBufferPointer(rebasing: slice))
    }
    /// A value; `depth` bounds the nesting, so a damaged file cannot run the stack out.
    mutating func value(depth: Int) -> Value? {
      guard depth < 64, let tag = u8() else { return nil }
      switch tag {
      case 0: return string().map(Value.text)
      case 1: return u64().map { .number(Int(Int64(bitPattern: $0))) }
      case 2: return u8().map { .flag($0 != 0) }
      case 3:
        guard let count = u32(), Int(count) <= bytes.count - index else { return nil }
        var entries: [Value] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
          guard let entry = value(depth: depth + 1) else { return nil }
          entries.append(entry)
        }
        return .list(entries)
      case 4:
        guard let count = u32(), Int(count) <= bytes.count - index else { return nil }
        var record = Record()
        // Room for the fields at once: grown one by one, the keys and values were copied twice or three times.
        record.fields.reserveCapacity(Int(count))
        for _ in 0..<count {
          guard let key = string(), let entry = value(depth: depth + 1) else { return nil }
          record.fields[key] = entry
        }
        return .record(record)
      default: return nil
      }
    }
  }

  /// Size, modification time (seconds since 1970, to the nanosecond the file system keeps) and inode, from
  /// `stat`: a file replaced by a save (ours or an editor's) gets a new inode even when its size and coarse
  /// timestamp happen to match. (Foundation's attributes, boxed in `Any` and cast back, were a tenth of writing a
  /// session's files; a cache stamped by their time, a hair different, is read once from the YAML and remade.)
  static func stamp(of url: URL) -> (size: Int, modified: Double, inode: UInt64)? { stamp(ofPath: url.path) }

  /// The stamp of the file at `path` (see ``stamp(of:)``).
  static func stamp(ofPath path: String) -> (size: Int, modified: Double, inode: UInt64)? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000
    return (Int(status.st_size), modified, UInt64(status.st_ino))
  }

  /// The header of the cache file at `path`, reading its first bytes alone; `nil` when there is no cache there.
  static func header(ofFileAt path: String) -> Header? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 4 + 4 * 8)
    let count = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
    return count >= 0 ? header(of: Data(bytes[..<count])) : nil
  }
}
