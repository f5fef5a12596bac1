import FuzzSupport

// `fuzz-session [libFuzzer flags] [CORPUS…]` fuzzes; `fuzz-session --seeds DIR` writes its seed corpus. See
// Harness.session in Sources/FuzzSupport/Harness.swift.
Harness.main(.session)
