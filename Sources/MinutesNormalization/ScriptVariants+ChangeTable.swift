import Foundation

extension ScriptVariants {
  /// The scalars the change tables cover: the CJK blocks of planes 0–3 (``Normalizer/isCJK(_:)``'s blocks below
  /// U+40000), where every character `script.mixed` looks up is. Scripts/script-changes.swift has the same ranges.
  package static let changeRanges: [ClosedRange<UInt32>] = [
    0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F,
    0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF,
  ]

  /// Which characters ICU's `Hans-Hant` transform changes, each read alone (``changedByHansToHant``).
  package static let hansToHantChanges = ChangeTable(changedByHansToHant)

  /// Which characters ICU's `Hant-Hans` transform changes, each read alone (``changedByHantToHans``).
  package static let hantToHansChanges = ChangeTable(changedByHantToHans)

  /// The table of what `transform` changes, for the two transforms of ``transform(into:)``; `nil` for another.
  package static func changes(by transform: StringTransform) -> ChangeTable? {
    switch transform.rawValue {
    case "Hans-Hant": hansToHantChanges
    case "Hant-Hans": hantToHansChanges
    default: nil
    }
  }
}

/// Which CJK characters of ``ScriptVariants/changeRanges`` one of ICU's Chinese transforms changes when it reads
/// each alone, as one bit a scalar (32 KiB): what `String(character).applyingTransform(…)` answers, without
/// creating ICU's transliterator, which costs about 10 ms a process. Made from the characters of a generated
/// table (Scripts/script-changes.swift); the tests compare it with ICU for every scalar it covers.
///
/// A class, one table a transform: a check hands it to the scan of each text, where a struct of two arrays was
/// copied and released each time.
package final class ChangeTable: Sendable {
  /// Bit `v` is set when the transform changes the scalar of value `v`.
  @usableFromInline let changed: [UInt64]
  /// Bit `v` is set when the scalar of value `v` is in ``ScriptVariants/changeRanges``.
  @usableFromInline let covered: [UInt64]

  /// The scalars a table can index: planes 0 to 3.
  @usableFromInline static let size = 0x40000

  /// The table of the characters of `changed` (other scalars, such as line breaks, are not CJK and are left out).
  init(_ changed: String) {
    var covered = [UInt64](repeating: 0, count: Self.size / 64)
    for range in ScriptVariants.changeRanges {
      for value in range { covered[Int(value) >> 6] |= 1 << UInt64(value & 63) }
    }
    var changedBits = [UInt64](repeating: 0, count: Self.size / 64)
    for scalar in changed.unicodeScalars where Self.isSet(scalar.value, in: covered) {
      changedBits[Int(scalar.value) >> 6] |= 1 << UInt64(scalar.value & 63)
    }
    (self.changed, self.covered) = (changedBits, covered)
  }

  /// Whether the transform changes `scalar` read alone; `nil` when the table does not cover it (ask ICU). Inlined
  /// where it is used: `script.mixed` asks it of every CJK character of a draft.
  @inlinable package func changes(_ scalar: Unicode.Scalar) -> Bool? {
    guard Self.isSet(scalar.value, in: covered) else { return nil }
    return Self.isSet(scalar.value, in: changed)
  }

  /// Calls `body` with the table's bits in place, `changed` (see ``changes(_:)``): for a scan that looks up every
  /// scalar of a text, where reading them through the arrays retained and released the table at each scalar.
  @inlinable package func withChangedBits<Result>(_ body: (_ changed: UnsafeBufferPointer<UInt64>) -> Result) -> Result {
    changed.withUnsafeBufferPointer(body)
  }

  @inlinable static func isSet(_ value: UInt32, in bits: [UInt64]) -> Bool {
    Int(value) < size && bits[Int(value) >> 6] & (1 << UInt64(value & 63)) != 0
  }
}
