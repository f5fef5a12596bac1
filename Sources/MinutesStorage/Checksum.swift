/// The checksum every stored file of a session carries: 64-bit FNV-1a (Fowler–Noll–Vo), one multiply per byte.
///
/// It is no defence against tampering, only against damage: any change of one byte changes it (each step,
/// an XOR then a multiplication by an odd number modulo 2⁶⁴, is a bijection of the state), so a flipped bit in a
/// snapshot, a journal line or the cache is always noticed.
enum Checksum {
  /// The checksum of `bytes`.
  static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
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
