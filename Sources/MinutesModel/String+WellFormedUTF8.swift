extension String {
  /// The text whose UTF-8 is `bytes`; `nil` when they are not well-formed UTF-8.
  ///
  /// Well-formed is what Unicode 16.0 §3.9, Table 3-7 allows: no overlong form, no surrogate (`ED A0`–`ED BF`), nothing
  /// past U+10FFFF, no sequence cut short. The same bytes as `String(validating:as:)` accepts (a test compares them on
  /// drawn byte strings), read about three times faster in Chinese text: the standard library decodes each scalar to
  /// check it, ten instructions a byte, which was an eighth of checking a 5,000-item draft from its cache. Here four Han
  /// ideographs are told well-formed from two eight-byte loads (then two from one), and ASCII is skipped eight bytes
  /// at a time.
  /// - Complexity: O(n) in the bytes.
  public init?(wellFormedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    guard let isASCII = Self.wellFormedUTF8(bytes) else { return nil }
    if #available(macOS 26, *) {
      // Checked above: the standard library would only check again.
      self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
    } else {
      self = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The text whose UTF-8 is `bytes`, which the caller knows to be well-formed because they are the UTF-8 of
  /// strings one after another, whole (a rendered export): not checked again, where the standard library's
  /// `String(decoding:as:)` would check every scalar. Bytes that are not well-formed give an invalid string: a
  /// caller that cannot say why its bytes are well-formed uses ``init(wellFormedUTF8:)``.
  /// - Complexity: O(n) in the bytes (one copy).
  package init(joinedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    if #available(macOS 26, *) {
      self = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: false))
    } else {
      self = String(decoding: bytes, as: UTF8.self)
    }
  }

  /// Whether `bytes` are well-formed UTF-8 and, if they are, whether they are all ASCII; `nil` when not well-formed.
  static func wellFormedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var isASCII = true
    var index = 0
    while index < count {
      // The usual case in Chinese text, four scalars at a time, then two: a lead byte E1–EC or EE–EF, then two
      // continuation bytes (80–BF), four times over (from two eight-byte loads, six bytes apart), then twice. (E0
      // and ED restrict their second byte: they go the long way below.) The four leads' low nibbles are gathered
      // one to a byte and told from 0 and D by the carry of adding 15, all four at once, where looking each up
      // in a table of sixteen bits took a variable shift each: about 500 instructions for a point of 154 bytes,
      // against about 600 with the table and 640 two at a time.
      while count &- index >= 14 {
        let first = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let second = UInt64(littleEndian: UnsafeRawPointer(base + (index &+ 6)).loadUnaligned(as: UInt64.self))
        let leads = (first & 0x0F00_000F) | (second & 0x0F00_000F) << 32
        let notE0 = leads &+ 0x0F00_000F_0F00_000F
        let notED = (leads ^ 0x0D00_000D_0D00_000D) &+ 0x0F00_000F_0F00_000F
        // Two scalars of three bytes each in the low six bytes of each word: 1110xxxx, 10xxxxxx, 10xxxxxx, twice.
        guard (first & 0x0000_C0C0_F0C0_C0F0 ^ 0x0000_8080_E080_80E0) | (second & 0x0000_C0C0_F0C0_C0F0 ^ 0x0000_8080_E080_80E0) == 0,
          notE0 & notED & 0x1000_0010_1000_0010 == 0x1000_0010_1000_0010
        else { break }
        isASCII = false
        index &+= 12
      }
      while count &- index >= 8 {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        guard word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
          Self.plainThreeByteLeads >> (word & 0x0F) & 1 != 0,
          Self.plainThreeByteLeads >> (word >> 24 & 0x0F) & 1 != 0
        else { break }
        isASCII = false
        index &+= 6
      }
      guard index < count else { break }
      let lead = base[index]
      if lead < 0x80 {
        index &+= 1
        // An ASCII run, eight bytes at a time.
        while count &- index >= 8,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          index &+= 8
        }
        continue
      }
      isASCII = false
      // Table 3-7: the lead byte fixes the length and the second byte's range; the others are 80–BF.
      let length: Int
      var (low, high): (UInt8, UInt8) = (0x80, 0xBF)
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return nil
      }
      guard count &- index >= length, (low...high).contains(base[index &+ 1]) else { return nil }
      for offset in 2..<length where base[index &+ offset] & 0xC0 != 0x80 { return nil }
      index &+= length
    }
    return isASCII
  }

  /// The low nibbles of the lead bytes E0–EF whose second byte may be any of 80–BF, as bits: all but E0 and ED.
  private static let plainThreeByteLeads: UInt64 = 0xDFFE
}
