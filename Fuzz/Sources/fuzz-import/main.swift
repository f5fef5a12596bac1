import FuzzSupport

// `fuzz-import [libFuzzer flags] [CORPUS…]` fuzzes; `fuzz-import --seeds DIR` writes its seed corpus. See
// Harness.importText in Sources/FuzzSupport/Harness.swift.
Harness.main(.import)
