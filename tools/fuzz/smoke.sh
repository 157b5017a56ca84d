#!/usr/bin/env bash
# A short fuzzing run of fuzz_parse: seeds the corpus from the fixtures and
# fuzzes for SECONDS (default 60). Exits non-zero when the fuzzer finds a
# crash, a leak, undefined behaviour or a timeout; the reproducer is left in
# the build directory (crash-*, timeout-*).
#
# Usage: tools/fuzz/smoke.sh [SECONDS] [BUILD_DIR]
#   BUILD_DIR (default build-fuzz) is configured here when it does not exist:
#   CXX=clang++ meson setup BUILD_DIR -Dfuzz=true -Dtests=false
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build=$(realpath -m "${2:-$root/build-fuzz}")

if [ ! -d "$build" ]; then
  # -O1 without debug info builds in a fraction of the time; rebuild with
  # -Ddebug=true to read a crash report by line.
  CXX=${CXX:-clang++} meson setup "$build" "$root" -Dfuzz=true -Dtests=false -Doptimization=1 -Ddebug=false
fi
ninja -C "$build" tools/fuzz/fuzz_parse

corpus="$build/fuzz-corpus"
"$root/tools/fuzz/seed_corpus.sh" "$corpus"

cd "$build"
# Inputs up to 4 KB: deep nesting is bounded by the grammar well below that.
exec ./tools/fuzz/fuzz_parse "$corpus" \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
