import FuzzSupport

// `fuzz-template [libFuzzer flags] [CORPUS…]` fuzzes; `fuzz-template --seeds DIR` writes its seed corpus. See
// Harness.template in Sources/FuzzSupport/Harness.swift.
Harness.main(.template)
