# The two commands a fresh machine needs (see README). Both install libedit-dev first when it is missing (and
# tmux, zlib1g-dev, and python-docx from PyPI for the test that reads the DOCX exports).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WORKSPACE ?= .
TEMPLATE ?= gov-executive.zh-Hant

.PHONY: run test test-release bench deps build clean man fuzz fuzz-build fuzz-smoke fuzz-coverage

deps:
	@dpkg -s libedit-dev >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev; }
	@command -v tmux >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq tmux; }
	@command -v git >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq git; }
	@dpkg -s zlib1g-dev >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq zlib1g-dev; }
	@! command -v python3 >/dev/null 2>&1 || python3 -c "import docx" 2>/dev/null || python3 -m pip install --quiet python-docx \
	  || python3 -m pip install --quiet --break-system-packages python-docx

build: deps
	swift build

## Start a drafting session on a built-in template (TEMPLATE=…), saved in $(WORKSPACE)/sessions/.
run: build
	.build/debug/minutes new --template $(TEMPLATE) --workspace $(WORKSPACE)

## Run every test: unit tests, the seed end-to-end test through a pipe, and the pseudo-terminal test.
test: deps
	swift build
	swift test

## The end-to-end tests (the built program through pipes and tmux) against the static release program that
## `make bench` times, rather than the debug one: what a clerk installs, its C library and libedit linked in.
test-release: deps
	swift build -c release $(RELEASE_FLAGS) --product minutes
	swift build --build-tests
	MINUTES_EXECUTABLE="$(CURDIR)/.build/release/minutes" swift test --skip-build --filter EndToEndTests

## Regenerate the man page docs/minutes.1 from the command definitions (swift-argument-parser's generate-manual,
## built from the checkout, offline); Tests/EndToEndTests/ShellTests.swift checks the page is up to date.
MAN_DATE ?= 2026-12-01
man: build
	swift build --product generate-manual
	"$$(swift build --show-bin-path)/generate-manual" .build/debug/minutes --date $(MAN_DATE) \
	  --authors "minutes contributors" --output-directory docs

## Print the benchmark's figures (release build): whole processes as a clerk feels them (an answer, resume,
## check, export, first prompt; 10, 1,000 and 5,000 items; CPU median of BENCH_RUNS ≥ 5 with the spread, peak
## memory) beside the two anchors, sqlite3 and Python + Jinja2, with the ratios against the goals; then the
## in-process figures. Installs sqlite3 and jinja2 when missing. The release build is one static program, as a
## clerk's installed program would be: the Swift runtime, Foundation, libedit (with the terminfo reader and libbsd
## it needs) and the C library all linked in (-static-executable), so that no process starts by loading shared
## libraries. Loading them was most of what every command paid before its work: a Foundation "hello" takes
## 7.0 ms with the Swift libraries shared, 1.9 ms with them linked in and the C library shared, 0.75 ms all static
## (sqlite3 :memory: .quit 1.4 ms); for minutes, the first prompt went from 8.2 to 5.7 ms, 665 to 531 page faults.
## A static program is also linked at a fixed address: as a position-independent one, the loader first patched
## its 82,000 absolute pointers (mostly the Swift runtime's and Foundation's metadata). The C library's lookups of
## users and hosts (getpwuid, getaddrinfo) still load its shared modules of the same version when they are used:
## the program is built on the machine it runs on. `make test-release` runs the end-to-end tests against it.
## Types are reached by their metadata accessors, not by their mangled names
## (-disable-concrete-type-metadata-mangled-name-accessors, for this package and the packages it builds from source):
## by name, the runtime demangles each generic type the first time it is used and checks each of its requirements
## (`String: Hashable`…) by scanning every conformance record of the program, 6,563 in the static build; the
## accessors pass the conformances the compiler already knows. That was a fifth of the time to the first prompt
## (35.5M -> 27.8M instructions) and 7M instructions of every `check` and `export`; the program is 0.1% larger.
RELEASE_FLAGS = --static-swift-stdlib -Xswiftc -static-executable -Xlinker -ltinfo -Xlinker -lbsd -Xlinker -lmd \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
bench: deps
	@command -v sqlite3 >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq sqlite3; }
	@python3 -c "import jinja2" 2>/dev/null || python3 -m pip install --quiet jinja2 \
	  || python3 -m pip install --quiet --break-system-packages jinja2
	swift build -c release $(RELEASE_FLAGS) --product minutes
	swift build -c release $(RELEASE_FLAGS) --product minutes-benchmark
	python3 Benchmarks/processes.py
	.build/release/minutes-benchmark

## Fuzz the readers of templates, snapshots, journals and caches (Fuzz/, libFuzzer): each harness for
## FUZZ_SECONDS, printing its executions and coverage; FUZZ_RUNS=N runs N executions each instead.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
# libFuzzer without its main, from the Swift toolchain (see Fuzz/Package.swift for why not --sanitize=fuzzer).
FUZZ_RUNTIME = $(shell find "$$(dirname "$$(dirname "$$(readlink -f "$$(command -v swiftc)")")")/lib" \
  -name 'libclang_rt.fuzzer_no_main-*.a' | head -1)

fuzz-build: deps
	@test -n "$(FUZZ_RUNTIME)" || { echo "libclang_rt.fuzzer_no_main is not in this Swift toolchain" >&2; exit 1; }
	swift build -c release --package-path Fuzz --scratch-path .build/fuzz -Xswiftc -enable-testing \
	  -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link \
	  -Xlinker --whole-archive -Xlinker $(FUZZ_RUNTIME) -Xlinker --no-whole-archive -Xlinker -lstdc++

fuzz: fuzz-build
	Fuzz/run $(if $(FUZZ_RUNS),-n $(FUZZ_RUNS),-t $(FUZZ_SECONDS))

## The lines, functions and regions of Sources/ that the fuzz corpus reaches (llvm-cov, per file).
fuzz-coverage: deps
	swift build --package-path Fuzz --scratch-path .build/fuzz-coverage --enable-code-coverage \
	  -Xlinker --whole-archive -Xlinker $(FUZZ_RUNTIME) -Xlinker --no-whole-archive -Xlinker -lstdc++
	Fuzz/coverage

## What CI runs: each reader's harness for a few seconds, and import's 10,000 times (issue 12; about 8 minutes),
## an input of import allowed 30 s (a reading is bounded in steps, not in time: a slow input is a defect to fix,
## a hang still fails).
fuzz-smoke: fuzz-build
	Fuzz/run -t 5 template session journal cache
	FUZZ_TIMEOUT=30 Fuzz/run -n 10000 import

clean:
	rm -rf .build
