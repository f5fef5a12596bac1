import FuzzSupport

// `fuzz-journal [libFuzzer flags] [CORPUS…]` fuzzes; `fuzz-journal --seeds DIR` writes its seed corpus. See
// Harness.journal in Sources/FuzzSupport/Harness.swift.
Harness.main(.journal)
