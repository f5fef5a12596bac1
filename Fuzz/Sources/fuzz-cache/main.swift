import FuzzSupport

// `fuzz-cache [libFuzzer flags] [CORPUS…]` fuzzes; `fuzz-cache --seeds DIR` writes its seed corpus. See
// Harness.cache in Sources/FuzzSupport/Harness.swift.
Harness.main(.cache)
