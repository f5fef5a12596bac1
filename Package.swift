// swift-tools-version: 6.0
import PackageDescription

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
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "LineEditing",
      dependencies: ["CEditLine", "MinutesKit"]
    ),
    .target(
      name: "MinutesKit",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "OrderedCollections", package: "swift-collections"),
      ],
      resources: [.copy("Resources/templates")]
    ),
    .executableTarget(
      name: "minutes",
      dependencies: [
        "MinutesKit", "LineEditing",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "minutes-benchmark",
      dependencies: ["MinutesKit"],
      path: "Benchmarks/SessionBenchmark"
    ),
    .testTarget(
      name: "MinutesKitTests",
      dependencies: ["MinutesKit"],
      resources: [.copy("Snapshots")]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["MinutesKit"]
    ),
  ]
)
