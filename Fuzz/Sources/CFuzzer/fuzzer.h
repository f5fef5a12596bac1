// libFuzzer's driver, from its runtime without `main` (libclang_rt.fuzzer_no_main), which the fuzz build links.
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line `*argc`, `*argv`, calling `callback` on each input; returns its exit status.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
