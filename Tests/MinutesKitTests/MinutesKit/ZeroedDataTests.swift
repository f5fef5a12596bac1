#if canImport(Glibc)
import Glibc
#endif
import Testing

import MinutesKit

/// A zero-initialized global of this program: in its `.bss`.
nonisolated(unsafe) private var zeroedProbe = 0

/// `ZeroedData.populate()` finds this program's zero-initialized data and has all of its pages given.
@Suite struct ZeroedDataTests {
  @Test func theZeroedDataIsInMemoryWhole() throws {
    #if os(Linux)
    let range = try #require(ZeroedData.populate())
    let address = withUnsafeMutablePointer(to: &zeroedProbe) { UInt(bitPattern: $0) }
    #expect(range.contains(address), "the range \(range) holds a zero-initialized global (\(address))")
    let page = sysconf(Int32(_SC_PAGESIZE))
    var resident = [UInt8](repeating: 0, count: range.count / page)
    #expect(mincore(UnsafeMutableRawPointer(bitPattern: range.lowerBound), range.count, &resident) == 0)
    let missing = resident.count { $0 & 1 == 0 }
    #expect(missing == 0, "\(missing) of \(resident.count) pages not given")
    #endif
  }
}
