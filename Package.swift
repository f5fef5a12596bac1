// swift-tools-version: 6.0
import PackageDescription

// The areas of minutes, one target each, so that the compiler keeps their dependencies one way:
//
//   MinutesModel → { MinutesTemplates, MinutesNormalization } → { MinutesInterview, MinutesValidation, MinutesExport }
//     → { MinutesStorage, MinutesImport } → MinutesKit (the assistant, the drafting loop, the workspace) → minutes (the executable)
//
// LineEditing (the LineReader protocol, plain reading) sits beside them and knows nothing of minutes; EditLine
// (libedit) is the only Swift code that touches C. `ArchitectureTests` checks the direction once more.
let package = Package(
  name: "minutes",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "minutes", targets: ["minutes"]),
    .library(name: "MinutesKit", targets: ["MinutesKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // MARK: - Terminal edge
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "LineEditing"),
    .target(name: "EditLine", dependencies: ["CEditLine", "LineEditing"]),

    // MARK: - The library, lowest area first
    .target(
      name: "MinutesModel",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ]
    ),
    .target(
      name: "MinutesTemplates",
      dependencies: [
        "MinutesModel",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      plugins: ["EmbedTemplates"]
    ),
    .target(name: "MinutesNormalization", dependencies: ["MinutesModel"]),
    .target(
      name: "MinutesInterview",
      dependencies: ["MinutesModel", "MinutesTemplates", "MinutesNormalization", .product(name: "OrderedCollections", package: "swift-collections"),
                     .product(name: "Mustache", package: "swift-mustache")]
    ),
    .target(name: "MinutesValidation", dependencies: ["MinutesModel", "MinutesTemplates", "MinutesNormalization"]),
    .target(
      name: "MinutesExport",
      dependencies: [
        "MinutesModel", "MinutesTemplates", "MinutesNormalization", .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        // The DOCX package is a ZIP archive of WordprocessingML parts that MinutesExport writes itself.
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]
    ),
    .target(
      name: "MinutesStorage",
      dependencies: ["MinutesModel", "MinutesTemplates", "MinutesNormalization", "MinutesInterview"]
    ),
    // Import reads a published text back into a draft with the template's text export (MinutesExport's inverse).
    .target(
      name: "MinutesImport",
      dependencies: ["MinutesModel", "MinutesTemplates", "MinutesNormalization", "MinutesExport"]
    ),
    .target(
      name: "MinutesKit",
      dependencies: [
        "MinutesModel", "MinutesTemplates", "MinutesNormalization", "MinutesInterview", "MinutesValidation",
        "MinutesExport", "MinutesStorage", "MinutesImport", "LineEditing",
      ]
    ),

    // MARK: - The built-in templates, embedded at build time from templates/
    // It composes each template with Yams at build time, so that the program loads them without parsing YAML.
    .executableTarget(name: "EmbedTemplatesTool", dependencies: [.product(name: "Yams", package: "Yams")]),
    // The plugin's folder is the package root, so that a template added to or removed from templates/ makes
    // SwiftPM plan the build again (it re-plans when a target's or plugin's folder changes).
    .plugin(
      name: "EmbedTemplates", capability: .buildTool(), dependencies: ["EmbedTemplatesTool"],
      path: ".", sources: ["Plugins/EmbedTemplates"]
    ),

    // MARK: - Programs
    .executableTarget(
      name: "minutes",
      dependencies: [
        "MinutesKit", "LineEditing", "EditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "minutes-benchmark",
      dependencies: ["MinutesKit"],
      path: "Benchmarks/SessionBenchmark"
    ),

    // MARK: - Tests
    // Helpers shared by both test targets: the package root, fixtures, temporary workspaces, template loading,
    // draft literals, scripted assistants and the seeded generator.
    .target(name: "MinutesTestSupport", dependencies: ["MinutesKit"], path: "Tests/MinutesTestSupport"),
    .testTarget(
      name: "MinutesKitTests",
      dependencies: [
        "MinutesKit", "MinutesTestSupport", "MinutesModel", "MinutesTemplates", "MinutesNormalization", "MinutesInterview",
        "MinutesValidation", "MinutesExport", "MinutesStorage", "MinutesImport", "LineEditing",
        // TextRendererTests compares the export's own renderer with swift-mustache's.
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Snapshots")]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["MinutesKit", "MinutesTestSupport"]
    ),
    // The command line of the `minutes` program itself: what it reads without ArgumentParser against what
    // ArgumentParser reads (the program's module, imported with @testable).
    .testTarget(
      name: "CommandLineTests",
      dependencies: ["minutes", "MinutesTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
  ]
)
