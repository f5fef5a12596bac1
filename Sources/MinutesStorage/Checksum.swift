/// The checksum every stored file of a session carries: 64-bit FNV-1a (Fowler–Noll–Vo), one multiply per byte.
///
/// It is no defence against tampering, only against damage: any change of one byte changes it (each step,
/// an XOR then a multiplication by an odd number modulo 2⁶⁴, is a bijection of the state), so a flipped bit in a
/// snapshot, a journal line or the cache is always noticed.
enum Checksum {
  /// The checksum of `bytes`.
  static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    // Over the bytes in place where they are together (a native string's UTF-8, an array): a string's UTF-8 view
    // walked byte by byte cost six times the steps themselves.
    if let hash = bytes.withContiguousStorageIfAvailable(step) { return hash }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// ``of(_:)`` of bytes in place.
  private static func step(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// The checksum of a cache file's `bytes`: FNV-1a's step over 64-bit little-endian words (then the bytes left
  /// over, one by one), eight times fewer multiplications than ``of(_:)`` (which was a tenth of reading a cache of
  /// 13 MB). Each step is still a bijection of the state for a given word, so any change confined to one word
  /// (a flipped bit; a byte) always changes it. Only the binary cache uses it: the checksums in text files stay
  /// ``of(_:)``'s, so that their bytes do not change.
  static func ofWords(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let words = bytes.count / 8
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    for index in 0..<words {
      hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* 0x0000_0100_0000_01b3
    }
    for byte in bytes[(words * 8)...] { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// ``ofWords(_:)`` of `bytes`.
  static func ofWords(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer(ofWords)
  }

  /// The checksum of `bytes` as 16 lowercase hexadecimal digits, the form written in text files.
  static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits = String(of(bytes), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Whether `text` is the 16-digit form ``hex(_:)`` writes of `bytes`' checksum (lowercase only: any other
  /// spelling was not written by minutes).
  static func verify<Bytes: Sequence<UInt8>>(_ bytes: Bytes, hex text: Substring) -> Bool {
    text.utf8.count == 16 && text == hex(bytes)[...]
  }
}
