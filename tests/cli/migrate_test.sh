#!/usr/bin/env bash
# The migration commands as a user runs them: plan formats, apply with its
# refusals, dry run and backup, status for CI, log, schema; a database file
# that is not a database; a lock held by another process; and apply killed
# with SIGKILL in the middle of a large rebuild.
# Usage: migrate_test.sh MIGC
set -uo pipefail
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

migc=$1
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1

sql() {  # sql DB STATEMENTS: runs SQL through Python's sqlite3 module
  python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
rows = db.execute(sys.argv[2]).fetchall() if sys.argv[2].lstrip().upper().startswith(('SELECT', 'PRAGMA')) else db.executescript(sys.argv[2]) and []
for r in rows: print('|'.join('' if v is None else str(v) for v in r))
" "$@"
}

cat >v1.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT);
CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);
CREATE INDEX notes_user ON notes (user_id);
SQL
cat >v2.sql <<'SQL'
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT, created TEXT);
CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE, body TEXT);
CREATE INDEX notes_user ON notes (user_id);
CREATE VIEW user_notes AS SELECT u.email, n.body FROM users AS u JOIN notes AS n ON n.user_id = u.id;
SQL
printf 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT, created TEXT);\n' >v3.sql

# plan never creates the file; apply does
check "plan on a missing file" run 0 plan --db app.db v1.sql
check "plan lists creations" grep -q '^+ create table .users.' out
check "plan did not create the file" test ! -e app.db
check "status of a missing file is pending" run 1 status --db app.db v1.sql
check "apply creates the database" run 0 apply --db app.db v1.sql
check "apply message" grep -q "applied 3 step(s)" out
check "status in sync" run 0 status --db app.db v1.sql
check "second apply does nothing" run 0 apply --db app.db v1.sql
check "nothing to do" grep -q "nothing to do" out
sql app.db "INSERT INTO users VALUES (1, 'a@x', 'A'), (2, 'b@x', 'B'); INSERT INTO notes VALUES (1, 1, 'n1'), (2, 2, 'n2'), (3, 2, 'n3');"

# plan formats
check "plan text" run 0 plan --db app.db v2.sql
check "rebuild marker" grep -q '^~ rebuild table .users. \[rebuild\]' out
check "sql shown" grep -q 'INSERT INTO _migc_new_users' out
check "plan json" run 0 plan --db app.db --format json v2.sql
check "json steps" python3 -c "
import json
d = json.load(open('$work/out'))
kinds = [s['kind'] for s in d['steps']]
assert 'rebuild table' in kinds and 'create view' in kinds, kinds
assert all(s['safety'] in ('safe', 'rebuild', 'destructive') for s in d['steps'])
"
check "plan sql" run 0 plan --db app.db --format sql v2.sql
cp out plan.sql
cp app.db scratch.db
check "the sql script applies with the sqlite3 shell's rules" python3 -c "
import sqlite3
db = sqlite3.connect('$work/scratch.db', isolation_level=None)
script = ''.join(l for l in open('$work/plan.sql') if not l.startswith('.bail'))
db.executescript(script)
assert db.execute('SELECT count(*) FROM notes').fetchone()[0] == 3
assert db.execute('SELECT count(*) FROM user_notes').fetchone()[0] == 3
"
check "the script says .bail on" grep -qx '.bail on' plan.sql
check "status after the script" run 0 status --db scratch.db v2.sql

# dry run and backup
cp app.db before.db
check "dry run" run 0 apply --db app.db --dry-run v2.sql
check "dry run changes nothing" cmp -s app.db before.db
check "apply with backup" run 0 apply --db app.db --backup backup.db v2.sql
check "backup holds the old schema" bash -c "[ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('$work/backup.db').execute(\\\"SELECT count(*) FROM sqlite_schema WHERE name = 'user_notes'\\\").fetchone()[0])\")\" = 0 ]"
check "rows survived the rebuild (cascade children too)" bash -c "[ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('$work/app.db').execute('SELECT count(*) FROM notes').fetchone()[0])\")\" = 3 ]"
check "backup refuses to overwrite" run 2 apply --db app.db --backup backup.db v1.sql
check "backup failure message" grep -q "^migc: error: cannot back up to 'backup.db': .*already exists \[E0704\]" err

# destructive changes are refused, the file untouched, unless allowed
cp app.db before.db
check "destructive refused" run 1 apply --db app.db v3.sql
check "refusal names the table and its rows" grep -q "drop table 'notes'.*3 row" err
check "refusal code" grep -q "E0501" err
check "refused run leaves the file byte-identical" cmp -s app.db before.db
check "destructive allowed" run 0 apply --db app.db --allow-destructive v3.sql
check "log lists three migrations" run 0 log --db app.db
check "log rows" bash -c "[ \$(grep -c '^#' '$work/out') -eq 3 ]"
check "schema prints the live schema" run 0 schema --db app.db
check "schema content" bash -c "grep -q '^CREATE TABLE users' '$work/out' && ! grep -q '_migc_history' '$work/out'"

# a constraint the data violates is refused with counts and rowids
sql app.db "INSERT INTO users VALUES (3, 'c@x', NULL, NULL);"
printf 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL, created TEXT);\n' >v4.sql
cp app.db before.db
check "violation refused" run 1 apply --db app.db v4.sql
check "violation message" grep -q "NOT NULL on 'users.name': 1 row(s) hold NULL (rowid 3)" err
check "violation leaves the file byte-identical" cmp -s app.db before.db

# not a database
printf 'hello, I am text\n' >text.db
check "not a database" run 2 plan --db text.db v1.sql
check "not a database message" grep -q "'text.db' is not an SQLite database" err
check "not a database untouched" bash -c "[ \"\$(cat '$work/text.db')\" = 'hello, I am text' ]"

# a lock held by another process: apply gives up cleanly after the timeout
python3 -c "
import sqlite3, time
db = sqlite3.connect('$work/app.db', isolation_level=None)
db.execute('BEGIN IMMEDIATE')
open('$work/locked', 'w').close()
time.sleep(4)
db.execute('ROLLBACK')
" &
for _ in $(seq 50); do [ -e locked ] && break; sleep 0.1; done
cp app.db before.db
check "locked database" run 1 apply --db app.db --busy-timeout 300 v2.sql
check "lock message" grep -q "locked by another connection" err
wait
check "lock left the file unchanged" cmp -s app.db before.db

# SIGKILL in the middle of a large rebuild: the old schema and every row
python3 -c "
import sqlite3
db = sqlite3.connect('$work/big.db')
db.execute('CREATE TABLE big (id INTEGER PRIMARY KEY, a TEXT, b TEXT)')
db.executemany('INSERT INTO big (a, b) VALUES (?, ?)', (('x' * 200, str(i)) for i in range(300000)))
db.commit()
"
printf 'CREATE TABLE big (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT COLLATE NOCASE);\n' >big.sql
killed=no
for attempt in 1 2 3; do
  "$migc" apply --db big.db big.sql >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 400); do [ -e big.db-journal ] && break; sleep 0.01; done
  sleep 0.2
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    wait "$pid" 2>/dev/null
    killed=yes
    break
  fi
  wait "$pid"
  # It finished first: start again from the old schema.
  python3 -c "
import sqlite3
db = sqlite3.connect('$work/big.db')
db.executescript('DROP TABLE IF EXISTS _migc_history; CREATE TABLE old AS SELECT * FROM big; DROP TABLE big; CREATE TABLE big (id INTEGER PRIMARY KEY, a TEXT, b TEXT); INSERT INTO big SELECT * FROM old; DROP TABLE old;')
"
done
check "apply was killed mid-rebuild" test "$killed" = yes
check "after SIGKILL: old schema, every row, intact" python3 -c "
import sqlite3
db = sqlite3.connect('$work/big.db')
assert db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
sql = db.execute(\"SELECT sql FROM sqlite_schema WHERE name = 'big'\").fetchone()[0]
assert 'NOT NULL' not in sql and 'NOCASE' not in sql, sql
assert db.execute('SELECT count(*) FROM big').fetchone()[0] == 300000
names = [r[0] for r in db.execute('SELECT name FROM sqlite_schema')]
assert names == ['big'], names
"
check "apply after the crash completes" run 0 apply --db big.db big.sql
check "rows after the completed rebuild" bash -c "[ \"\$(python3 -c \"import sqlite3; print(sqlite3.connect('$work/big.db').execute('SELECT count(*) FROM big').fetchone()[0])\")\" = 300000 ]"

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
