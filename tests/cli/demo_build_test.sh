#!/usr/bin/env bash
# The worked Meson example in fixtures/demo/ as a user runs it: configure it
# as a project of its own, build the program against bindings a
# custom_target generates, apply the schema with migc, run the program; then
# check that the depfile reruns generation when a schema file changes, that
# a change to no binding leaves the generated files (and the program) alone,
# and that a new table reaches the generated header.
# Usage: demo_build_test.sh MIGC SOURCE_ROOT
set -uo pipefail
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

migc=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quiet() {  # quiet COMMAND...: runs it, shows its output only on failure
  if ! "$@" >"$work/log" 2>&1; then
    cat "$work/log"
    return 1
  fi
}

cp -r "$root/fixtures/demo" "$work/src"
build="$work/build"
mtime() { stat -c %Y.%y "$1"; }

if ! quiet meson setup "$build" "$work/src" -Dmigc="$migc" -Dmigc_include="$root/runtime/include"; then
  echo "FAIL: meson setup of the demo"
  exit 1
fi
check "the demo builds" quiet ninja -C "$build"
check "the bindings were generated" test -f "$build/schema.hpp" -a -f "$build/schema.cpp"
# Ninja reads the depfile into its own log (and removes it): the inputs
# must be recorded as the bindings' dependencies.
ninja -C "$build" -t deps schema.hpp >"$work/deps" 2>&1
for f in customers orders reports; do
  check "ninja recorded $f.sql from the depfile" grep -q "$f.sql" "$work/deps"
done
check "the schema applies" quiet "$migc" apply --db "$work/shop.db" "$work"/src/customers.sql "$work"/src/orders.sql \
  "$work"/src/reports.sql
check "the demo runs" bash -c "'$build/demo' '$work/shop.db' >'$work/out' 2>'$work/err'"
cat >"$work/expected" <<'OUT'
customer 1: Ada <ada@example.com>
stock after the order: 1
order 1 (open) ships to London
oversold order: not enough stock
orders: 1
order 1 total: 250000 cents
duplicate e-mail: refused (unique)
OUT
check "the demo prints what the database holds" diff -u "$work/expected" "$work/out"

check "a second build does nothing" bash -c "ninja -C '$build' -n | grep -q 'no work to do'"

# A comment changes no binding: migc reruns (the input is newer) but
# leaves the files and so the program alone.
before=$(mtime "$build/schema.hpp")
demo_before=$(mtime "$build/demo")
sleep 1
printf '\n-- a comment\n' >>"$work/src/reports.sql"
check "rebuild after a comment" bash -c "ninja -C '$build' -v >'$work/ninja.log' 2>&1"
check "generation reran" grep -q "gen cpp" "$work/ninja.log"
check "the header kept its timestamp" test "$before" = "$(mtime "$build/schema.hpp")"
check "the program was not relinked" test "$demo_before" = "$(mtime "$build/demo")"

# A new table reaches the header and the program is rebuilt.
sleep 1
printf '\nCREATE TABLE coupons (code TEXT PRIMARY KEY NOT NULL, percent INTEGER NOT NULL);\n' >>"$work/src/orders.sql"
check "rebuild after a new table" quiet ninja -C "$build"
check "the new table is in the header" grep -q "struct Coupon " "$build/schema.hpp"
check "the program was rebuilt" test "$demo_before" != "$(mtime "$build/demo")"

echo "$((checks - failures)) of $checks checks passed"
[ "$failures" -eq 0 ]
