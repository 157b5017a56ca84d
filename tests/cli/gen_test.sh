#!/usr/bin/env bash
# `migc gen` as a build step: deterministic output, files written only when
# their content changes, the depfile, --check for CI, and clear errors with
# a location and a non-zero exit that write nothing.
# Usage: gen_test.sh MIGC FIXTURES_DIR
set -uo pipefail
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

migc=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mtime() { stat -c %Y.%y "$1"; }
same_tree() { diff -r "$1" "$2" >/dev/null; }

mkdir -p "$work/schema"
cp "$fixtures"/demo/*.sql "$work/schema/"
cd "$work" || exit 1

for lang in cpp fsharp; do
  out="$work/$lang"
  check "$lang: generates" run 0 gen "$lang" schema/customers.sql schema/orders.sql schema/reports.sql -o "$out" \
    --depfile "$work/$lang.d"
  check "$lang: silent on success" test ! -s "$work/err"
  check "$lang: files written" test -n "$(ls "$out")"
  check "$lang: input hash in the header" bash -c "grep -q 'migc-input-hash: [0-9a-f]\{16\}' '$out'/*.*"

  # deterministic: absolute paths and another output directory give the
  # same bytes (inputs are named by file name only)
  check "$lang: deterministic" run 0 gen "$lang" "$work"/schema/customers.sql "$work"/schema/orders.sql \
    "$work"/schema/reports.sql -o "$work/$lang-again"
  check "$lang: same bytes from absolute paths" same_tree "$out" "$work/$lang-again"
  check "$lang: no absolute path in the output" bash -c "! grep -rq '$work' '$out'"

  # the depfile names every output and every input
  for f in "$out"/*; do
    check "$lang: depfile names $(basename "$f")" grep -q "$(basename "$f")" "$work/$lang.d"
  done
  for f in customers orders reports; do
    check "$lang: depfile names $f.sql" grep -q "schema/$f.sql" "$work/$lang.d"
  done

  # unchanged content: nothing rewritten, timestamps kept
  touch -d '2001-01-01 00:00:00' "$out"/* "$work/$lang.d"
  before=$(for f in "$out"/* "$work/$lang.d"; do mtime "$f"; done)
  check "$lang: regenerates" run 0 gen "$lang" schema/customers.sql schema/orders.sql schema/reports.sql -o "$out" \
    --depfile "$work/$lang.d"
  after=$(for f in "$out"/* "$work/$lang.d"; do mtime "$f"; done)
  check "$lang: unchanged files keep their timestamps" test "$before" = "$after"
  check "$lang: no temporary files left" bash -c "! ls '$out' | grep -q tmp"

  # a comment or a layout change gives the same schema: nothing rewritten
  cp -r schema schema3
  printf '\n-- a comment\n' >>schema3/orders.sql
  sed -i 's/  / /g' schema3/customers.sql
  check "$lang: regenerates after a comment" run 0 gen "$lang" schema3/customers.sql schema3/orders.sql \
    schema3/reports.sql -o "$out"
  check "$lang: a comment rewrites nothing" test "$before" = "$(for f in "$out"/* "$work/$lang.d"; do mtime "$f"; done)"
  rm -rf schema3

  # --check: fresh passes, a changed schema or a missing file fails, and
  # --check writes nothing
  check "$lang: --check passes when fresh" run 0 gen "$lang" schema/customers.sql schema/orders.sql \
    schema/reports.sql -o "$out" --check
  cp -r schema schema2
  printf '\nCREATE TABLE extra (id INTEGER PRIMARY KEY, label TEXT);\n' >>schema2/reports.sql
  snapshot=$(for f in "$out"/*; do mtime "$f"; done)
  check "$lang: --check fails when stale" run 1 gen "$lang" schema2/customers.sql schema2/orders.sql \
    schema2/reports.sql -o "$out" --check
  check "$lang: --check names a stale file" grep -q "is out of date" "$work/err"
  check "$lang: stale files carry E0605" grep -q "^migc: error: .* is out of date \[E0605\]" "$work/err"
  check "$lang: the count is a note" grep -q "^migc: note: [0-9]* generated files\? \(is\|are\) stale; run 'migc gen $lang' again" "$work/err"
  check "$lang: --check writes nothing" test "$snapshot" = "$(for f in "$out"/*; do mtime "$f"; done)"
  first=$(ls "$out" | head -n 1)
  mv "$out/$first" "$work/moved"
  check "$lang: --check fails when a file is missing" run 1 gen "$lang" schema/customers.sql schema/orders.sql \
    schema/reports.sql -o "$out" --check
  check "$lang: --check names the missing file" grep -q "$first is missing" "$work/err"
  mv "$work/moved" "$out/$first"

  # a changed schema rewrites what changed, and the new table appears
  check "$lang: regenerates after a change" run 0 gen "$lang" schema2/customers.sql schema2/orders.sql \
    schema2/reports.sql -o "$out"
  check "$lang: the new table is there" bash -c "grep -qi 'extra' '$out'/*"
  rm -rf schema2

  # errors: a syntax error, an unknown module, an unknown --exclude; exit 1,
  # file:line:col, nothing written
  printf 'CREATE TABLE t (\n  a INT,\n  b TEXT DEFAULT (1 + 2\n);\n' >"$work/bad.sql"
  check "$lang: syntax error exits 1" run 1 gen "$lang" bad.sql -o "$work/$lang-bad"
  check "$lang: syntax error has a location" grep -q "bad.sql:4:2: error: .*\[E0101\]" "$work/err"
  check "$lang: nothing written on error" test ! -e "$work/$lang-bad"
  printf 'CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREATE VIRTUAL TABLE v USING mymodule(a, b);\n' >"$work/vt.sql"
  check "$lang: unknown module exits 1" run 1 gen "$lang" vt.sql -o "$work/$lang-vt"
  check "$lang: unknown module has a location" grep -q "vt.sql:2:22: error: cannot generate bindings for virtual table 'v'.*\[E0601\]" "$work/err"
  check "$lang: nothing written for an unknown module" test ! -e "$work/$lang-vt"
  check "$lang: --exclude leaves it out" run 0 gen "$lang" vt.sql -o "$work/$lang-vt" --exclude v
  check "$lang: unknown --exclude exits 1" run 1 gen "$lang" vt.sql -o "$work/$lang-vt2" --exclude nope
  check "$lang: unknown --exclude is E0602" grep -q "E0602" "$work/err"
  check "$lang: unreadable input exits 2" run 2 gen "$lang" no-such.sql -o "$work/$lang-none"
  : >"$work/file"
  check "$lang: unwritable output exits 2" run 2 gen "$lang" schema/customers.sql -o "$work/file/sub"
  check "$lang: missing -o is a usage error" run 2 gen "$lang" schema/customers.sql
done

check "unknown language is a usage error" run 2 gen rust schema/customers.sql -o "$work/rust"

echo "$((checks - failures)) of $checks checks passed"
[ "$failures" -eq 0 ]
