#!/usr/bin/env bash
# Builds the seed corpus of fuzz_parse: one file per statement of every
# fixture under fixtures/ (split as sqlite3_complete() would, by the
# python3 sqlite3 module), plus each fixture file whole.
#
# Usage: tools/fuzz/seed_corpus.sh [OUT_DIR]   (default: build/fuzz-corpus)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$root/build/fuzz-corpus"}
mkdir -p "$out"

python3 - "$root/fixtures" "$out" <<'PY'
import hashlib, pathlib, sqlite3, sys

fixtures, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def statements(text):
    """Split at each ';' that completes a statement (trigger bodies stay whole)."""
    start = 0
    i = text.find(";")
    while i >= 0:
        if sqlite3.complete_statement(text[start:i + 1]):
            yield text[start:i + 1].strip()
            start = i + 1
        i = text.find(";", i + 1)
    if text[start:].strip():
        yield text[start:].strip()

def write(data):
    # Content-addressed names: rerunning the script adds no duplicates.
    name = hashlib.sha1(data).hexdigest()
    (out / name).write_bytes(data)

count = 0
for path in sorted(fixtures.rglob("*.sql")):
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    write(text.encode("utf-8", errors="surrogateescape"))
    count += 1
    for stmt in statements(text):
        write(stmt.encode("utf-8", errors="surrogateescape"))
        count += 1
print(f"{count} seeds written to {out}")
PY
