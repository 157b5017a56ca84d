#!/usr/bin/env bash
# `migc plan --format sql` run by the sqlite3 shell follows apply's protocol:
# a row written after the plan was made that breaks a foreign key the plan
# adds stops the script before COMMIT, with a message, and leaves the file
# byte-identical; a clean script records its history row and gives the
# schema `migc apply` gives.
# Usage: plan_script_test.sh MIGC
set -uo pipefail
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

migc=$1
command -v sqlite3 >/dev/null || { echo "sqlite3 shell not found (tools/bootstrap installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

shell() {  # shell EXPECTED_EXIT DB SCRIPT: the sqlite3 shell reads SCRIPT
  sqlite3 "$2" <"$3" >"$work/shell.out" 2>"$work/shell.err"
  local status=$?
  [ "$status" -eq "$1" ] || {
    echo "  sqlite3 $2 < $3 exited $status, expected $1"
    cat "$work/shell.err"
    return 1
  }
}

history() {  # history DB: outcome, schema hash and statements of each row
  sqlite3 "$1" "SELECT outcome, schema_hash, statements FROM _migc_history ORDER BY id"
}

cat >v1.sql <<'SQL'
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT);
SQL
cat >v2.sql <<'SQL'
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors (id), title TEXT);
SQL

check "apply v1" run 0 apply --db app.db v1.sql
sqlite3 app.db "INSERT INTO authors VALUES (1, 'A'); INSERT INTO books VALUES (1, 1, 'a'), (2, 1, 'b');"
check "plan the new foreign key as a script" run 0 plan --db app.db --format sql v2.sql
cp out plan.sql
cp app.db clean.db
cp app.db applied.db

# 1. an orphan written after the plan was made
sqlite3 app.db "INSERT INTO books VALUES (3, 99, 'orphan');"
cp app.db before.db
check "the script refuses to commit" shell 1 app.db plan.sql
check "the shell says why" grep -q "foreign key" shell.err
check "the database is byte-identical" cmp -s app.db before.db
check "no journal is left behind" test ! -e app.db-journal

# 2. a clean run records history and gives apply's schema
check "the clean script applies" shell 0 clean.db plan.sql
check "apply on a copy" run 0 apply --db applied.db v2.sql
# The first line of `migc schema` names the database.
check "schema after the script" run 0 schema --db clean.db
tail -n +2 out >clean.schema
check "schema after apply" run 0 schema --db applied.db
tail -n +2 out >applied.schema
check "the script and apply give the same schema" cmp -s clean.schema applied.schema
check "in sync after the script" run 0 status --db clean.db v2.sql
same_history() { [ "$(history clean.db)" = "$(history applied.db)" ]; }
check "the script records the same history row as apply" same_history
check "two history rows after the script" bash -c "[ \"\$(sqlite3 '$work/clean.db' 'SELECT count(*) FROM _migc_history')\" = 2 ]"
check "migc log reads the script's row" run 0 log --db clean.db
check "log shows it applied" bash -c "[ \$(grep -c ' applied\$' '$work/out') -eq 2 ]"
check "foreign keys hold after the script" bash -c "[ -z \"\$(sqlite3 '$work/clean.db' 'PRAGMA foreign_key_check')\" ]"

# 3. violations present before the script do not block it
sqlite3 app.db "PRAGMA foreign_keys = OFF; CREATE TABLE extra (id INTEGER PRIMARY KEY, author_id REFERENCES authors (id)); INSERT INTO extra VALUES (1, 42);"
cat >v3.sql <<'SQL'
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER, title TEXT, year INTEGER);
CREATE TABLE extra (id INTEGER PRIMARY KEY, author_id REFERENCES authors (id));
SQL
check "plan with an old violation" run 0 plan --db app.db --format sql v3.sql
cp out old.sql
check "an old violation does not block the script" shell 0 app.db old.sql

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
