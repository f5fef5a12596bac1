import Foundation
import Testing
import MinutesTestSupport

/// The program's heap is advised for huge pages (``HeapPages``), where Linux has transparent huge pages.
@Suite struct HeapPagesTests {
  /// A session waiting at its first prompt: its heap's mapping in `/proc/PID/smaps` carries the `hg` flag
  /// (`MADV_HUGEPAGE`); not when the process's address space is limited (`ulimit -v`), where the reservation
  /// would take from what its other mappings need (a tight limit made a command fail that ran without it).
  @Test(arguments: [nil, "4000000"])
  func aSessionsHeapIsAdvisedForHugePages(addressSpaceLimit: String?) throws {
    guard let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8),
      !setting.contains("[never]")
    else { return }  // no transparent huge pages here: nothing to advise
    let workspace = try TestSupport.temporaryWorkspace("heap")
    defer { try? FileManager.default.removeItem(at: workspace) }
    let process = Process()
    let arguments = ["new", "--template", "team-meeting.en", "--name", "heap", "--workspace", workspace.path]
    if let addressSpaceLimit {
      // The shell sets the limit, then becomes the program (same process).
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "ulimit -v \(addressSpaceLimit) && exec \"$0\" \"$@\"", Binary.executable.path] + arguments
    } else {
      process.executableURL = Binary.executable
      process.arguments = arguments
    }
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }
    // The first question has been asked: the process is at its prompt, its heap in use.
    #expect(!output.fileHandleForReading.availableData.isEmpty)
    let smaps = try Self.contents(of: "/proc/\(process.processIdentifier)/smaps")
    // Each mapping starts with its address range; its `VmFlags:` line follows.
    var flags: [String] = []
    var inHeap = false
    for line in smaps.split(separator: "\n") {
      if let first = line.split(separator: " ").first, first.contains("-"), !line.hasPrefix("VmFlags") {
        inHeap = line.hasSuffix("[heap]")
      } else if inHeap, line.hasPrefix("VmFlags:") {
        flags.append(String(line))
      }
    }
    #expect(!flags.isEmpty, "no [heap] mapping")
    #expect(flags.contains { $0.split(separator: " ").contains("hg") } == (addressSpaceLimit == nil), "\(flags)")
  }

  /// The whole text of a file of `/proc`, read to its end (Foundation's `String(contentsOfFile:)` stops after the
  /// first page of a file whose size the system gives as 0).
  static func contents(of path: String) throws -> String {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while case let count = read(fd, &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
    return String(decoding: bytes, as: UTF8.self)
  }
}
