// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer harnesses of minutes, a package of their own so that `swift build` and `swift test` of minutes
// never see them: a harness calls libFuzzer's driver, so it links only in the fuzz build. `make fuzz-build` (for
// `make fuzz`, and `make fuzz-smoke`, which CI runs) builds them with
//
//   swift build -c release --package-path Fuzz --scratch-path .build/fuzz -Xswiftc -enable-testing \
//     -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link \
//     -Xlinker --whole-archive -Xlinker …/libclang_rt.fuzzer_no_main-x86_64.a -Xlinker --no-whole-archive \
//     -Xlinker -lstdc++
//
// which instruments every module for coverage (minutes, Yams and libyaml, swift-mustache) and links libFuzzer
// without its `main` into every program (`-enable-testing`: the cache harness reads the internal cache decoder). Not `--sanitize=fuzzer`: that links libFuzzer's `main` into the
// EmbedTemplates build tool too, which has its own. Each harness drives the entry points the program uses (see
// Sources/FuzzSupport/Harness.swift); the seed corpus is made at fuzz time from the shipped templates and
// example transcripts (Sources/FuzzSupport/Seeds.swift).
let package = Package(
  name: "minutes-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Named, so that the product below is found whatever the folder of the checkout is called.
    .package(name: "minutes", path: ".."),
  ],
  targets: [
    .systemLibrary(name: "CFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "MinutesKit", package: "minutes")]),
    .executableTarget(name: "fuzz-template", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "fuzz-session", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "fuzz-journal", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "fuzz-cache", dependencies: ["FuzzSupport"]),
    .executableTarget(name: "fuzz-import", dependencies: ["FuzzSupport"]),
  ]
)
