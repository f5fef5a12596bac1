#if canImport(Glibc)
import Glibc
#endif

/// The program's heap in huge pages (2 MiB), where the system allows it.
///
/// A command that reads a large draft touches tens of megabytes of fresh heap: 4,200 pages of 4 KiB for an export
/// of 1,000 agenda items, each a page fault that the kernel fills with zeros, a quarter of the command's time. On
/// Linux, memory a process advises as `MADV_HUGEPAGE` is given in pages of 2 MiB when transparent huge pages are
/// enabled for it (`/sys/kernel/mm/transparent_hugepage/enabled` set to `madvise` or `always`): that export then
/// takes 810 page faults, and 12% less time. glibc's malloc does this itself only when told at the process's start
/// (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`), which a program cannot set for itself.
///
/// ``reserve()`` has malloc grow its heap once by ``step`` (64 MiB of addresses, not of memory: a page is given
/// only when first written) and advises the whole step; malloc then grows it by its usual small steps again.
/// Allocations of up to 32 MiB are taken from that heap rather than mapped apart (malloc's own limit when it
/// adjusts it, which setting the other values would stop), so the large buffers of an export (its text, its
/// output) are in huge pages too, and the heap is given back to the system only past twice the step free at its
/// top (rather than past 128 KiB), so that the advised addresses stay the heap's.
///
/// A process whose address space is limited (`ulimit -v`, `RLIMIT_AS` or `RLIMIT_DATA`) reserves nothing: the
/// step would be taken from what its other mappings (a reading's deep stack, a mapped cache) may need.
public enum HeapPages {
  /// How far the heap grows at a time: 64 MiB.
  public static let step = 64 << 20

  /// Grows the heap by ``step`` and advises it for huge pages; done once, before the work allocates. Does nothing
  /// where there is no glibc malloc, and changes nothing but speed and the size of the pages where transparent
  /// huge pages are not enabled.
  /// - Returns: the bytes advised (0 when none were).
  @discardableResult
  public static func reserve() -> Int {
    #if canImport(Glibc) && os(Linux)
    guard !isAddressSpaceLimited else { return 0 }
    guard mallopt(trimThreshold, Int32(2 * step)) == 1, mallopt(mmapThreshold, 32 << 20) == 1,
      mallopt(topPad, Int32(step)) == 1
    else { return 0 }
    // Later growth by malloc's default step: a growth by the whole step that the system refused would fail the
    // allocation that asked for it, where a small one is still made.
    defer { _ = mallopt(topPad, 128 << 10) }
    // A block larger than what is left of the heap at the start (a little over 128 KiB) makes it grow by the step.
    guard let block = malloc(1 << 20) else { return 0 }
    defer { free(block) }
    let hugePage = UInt(2 << 20)
    let start = (UInt(bitPattern: block) + hugePage - 1) & ~(hugePage - 1)
    let end = UInt(bitPattern: sbrk(0))
    guard end > start, madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), MADV_HUGEPAGE) == 0 else { return 0 }
    return Int(end - start)
    #else
    return 0
    #endif
  }

  #if canImport(Glibc) && os(Linux)
  /// glibc's `M_TRIM_THRESHOLD`, `M_TOP_PAD` and `M_MMAP_THRESHOLD` (`malloc.h`, which the Glibc module does not
  /// include).
  private static let (trimThreshold, topPad, mmapThreshold): (Int32, Int32, Int32) = (-1, -2, -3)

  /// Whether the process's address space or data segment is limited.
  private static var isAddressSpaceLimited: Bool {
    [RLIMIT_AS, RLIMIT_DATA].contains { resource in
      var limit = rlimit()
      return getrlimit(__rlimit_resource_t(resource.rawValue), &limit) != 0 || limit.rlim_cur != rlim_t.max  // RLIM_INFINITY
    }
  }
  #endif
}

#if canImport(Glibc) && os(Linux)
/// glibc's `int mallopt(int param, int value)` (`malloc.h`): 1 on success.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
