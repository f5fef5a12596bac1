import Foundation
import MinutesTestSupport

/// Runs the built `minutes` executable for end-to-end tests.
enum Binary {
  /// The package root.
  static var packageRoot: URL { TestSupport.packageRoot }

  /// The built executable: the one `MINUTES_EXECUTABLE` names (to run these tests against another build of the
  /// same sources, such as the static release program `make test-release` builds), else the one beside the test
  /// bundle, in the same build folder.
  static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["MINUTES_EXECUTABLE"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var folder = testBinary.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("minutes")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/minutes")
  }

  /// A fixture file's URL under `Tests/Fixtures`.
  static func fixture(_ path: String) -> URL { TestSupport.fixture(path) }

  /// What a run gave.
  struct Result {
    var status: Int32
    var stdout: Data
    var stderr: String
    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  /// Runs `minutes arguments…` (or `executable arguments…`) in `directory` with `input` on standard input (a pipe).
  static func run(_ arguments: [String], in directory: URL, input: Data = Data(),
                  environment: [String: String]? = nil, executable: URL = Binary.executable) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    // Standard input and error go through files, so that no pipe can fill up and block the child.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputFile = scratch.appendingPathComponent("stdin"), errorFile = scratch.appendingPathComponent("stderr")
    try input.write(to: inputFile)
    FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let stdout = Pipe()
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errors = try String(contentsOf: errorFile, encoding: .utf8)
    return Result(status: process.terminationStatus, stdout: output, stderr: errors)
  }

  /// Starts `minutes arguments…` in `directory` and leaves it running, with pipes to its standard input and
  /// output (standard error is discarded). The caller ends it.
  static func start(_ arguments: [String], in directory: URL) throws -> (process: Process, input: FileHandle, output: FileHandle) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, input.fileHandleForWriting, output.fileHandleForReading)
  }

  /// A new empty folder, removed by the caller with `cleanUp`.
  static func temporaryWorkspace() throws -> URL { try TestSupport.temporaryWorkspace("e2e") }
}
