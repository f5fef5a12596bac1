import Foundation
import Testing
import MinutesTestSupport

/// The areas of the library depend on each other one way (see `Package.swift`): a source file imports only the
/// areas below its own. The targets already make the compiler refuse an import they do not declare; this test
/// also fails when someone declares a dependency that runs the wrong way.
@Suite struct ArchitectureTests {
  /// The areas, lowest first; an area may import only those of a lower rank.
  static let layers: [[String]] = [
    ["LineEditing", "MinutesModel"],
    ["MinutesTemplates", "MinutesNormalization"],
    ["MinutesInterview", "MinutesValidation", "MinutesExport"],
    ["MinutesStorage", "MinutesImport"],
    ["MinutesKit"],
  ]

  /// Pairs of areas of the same rank that must not know each other either.
  static let siblingsApart: [Set<String>] = [["MinutesInterview", "MinutesValidation", "MinutesExport"], ["MinutesStorage", "MinutesImport"]]

  static func rank(of module: String) -> Int? { layers.firstIndex { $0.contains(module) } }

  /// Every `import` of every Swift file of `target`, with the file.
  static func imports(of target: String) throws -> [(file: String, module: String)] {
    let root = TestSupport.packageRoot.appendingPathComponent("Sources/\(target)")
    let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    return try files.flatMap { file in
      try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").compactMap { line in
        let words = line.split(separator: " ").map(String.init)
        guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
          words[..<index].allSatisfy({ ["@_exported", "@testable", "public", "package", "internal"].contains($0) })
        else { return nil }
        return ("\(target)/\(file)", words[index + 1])
      }
    }
  }

  @Test(arguments: layers.joined())
  func importsRunDownward(target: String) throws {
    let own = try #require(Self.rank(of: target))
    let found = try Self.imports(of: target)
    #expect(!found.isEmpty, "no Swift files found for \(target)")
    for (file, module) in found {
      guard let rank = Self.rank(of: module) else { continue }  // Foundation, Yams, …
      #expect(rank < own || module == target, "\(file) imports \(module), an area at or above its own")
    }
  }

  /// The terminal's libedit code is used by the executable alone; no area of the library imports it.
  @Test(arguments: layers.joined())
  func noAreaTouchesTheTerminal(target: String) throws {
    for (file, module) in try Self.imports(of: target) {
      #expect(!["EditLine", "CEditLine"].contains(module), "\(file) imports \(module)")
    }
  }

  @Test func siblingAreasDoNotKnowEachOther() throws {
    for siblings in Self.siblingsApart {
      for target in siblings {
        for (file, module) in try Self.imports(of: target) where module != target {
          #expect(!siblings.contains(module), "\(file) imports \(module), an area beside its own")
        }
      }
    }
  }

  /// The line-editing protocol knows nothing of minutes.
  @Test func lineEditingImportsNoMinutesArea() throws {
    for (file, module) in try Self.imports(of: "LineEditing") {
      #expect(Self.rank(of: module) == nil, "\(file) imports \(module)")
    }
  }
}
