// Atomic execution of a migration and the _migc_history table.
#include "runtime/executor.hpp"

#include <filesystem>
#include <set>
#include <tuple>

namespace migc::rt {

namespace {

using clock = std::chrono::steady_clock;

// One row of PRAGMA foreign_key_check.
struct violation {
  std::string table;
  std::int64_t rowid = 0;  // 0 for WITHOUT ROWID tables
  std::string parent;
  std::int64_t fkid = 0;
  friend bool operator<(const violation& a, const violation& b) {
    return std::tie(a.table, a.rowid, a.parent, a.fkid) < std::tie(b.table, b.rowid, b.parent, b.fkid);
  }
};

result<std::set<violation>> foreign_key_violations(connection& db) {
  result<statement> st = db.prepare("PRAGMA main.foreign_key_check");
  if (!st) return st.error();
  std::set<violation> out;
  while (true) {
    result<step_result> r = st->step();
    if (!r) return r.error();
    if (*r == step_result::done) break;
    out.insert({std::string(st->column_text(0)), st->column_is_null(1) ? 0 : st->column_int64(1),
                std::string(st->column_text(2)), st->column_int64(3)});
  }
  return out;
}

result<bool> foreign_keys_enabled(connection& db) {
  result<statement> st = db.prepare("PRAGMA foreign_keys");
  if (!st) return st.error();
  result<step_result> r = st->step();
  if (!r) return r.error();
  return *r == step_result::row && st->column_int64(0) != 0;
}

constexpr const char* create_history =
    "CREATE TABLE IF NOT EXISTS _migc_history (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),\n"
    "  migc_version TEXT NOT NULL,\n"
    "  schema_hash TEXT NOT NULL,\n"
    "  statements TEXT NOT NULL,\n"
    "  duration_ms INTEGER NOT NULL,\n"
    "  outcome TEXT NOT NULL\n"
    ")";

// Reports progress about every half second while a statement runs.
struct progress_state {
  const apply_options* options = nullptr;
  std::size_t index = 0;
  std::size_t total = 0;
  clock::time_point started;
  clock::time_point last;
};

int on_progress(void* data) {
  auto* p = static_cast<progress_state*>(data);
  const clock::time_point now = clock::now();
  if (now - p->last >= std::chrono::milliseconds(500)) {
    p->last = now;
    p->options->progress(p->index, p->total, std::chrono::duration<double>(now - p->started).count());
  }
  return 0;
}

// Runs the statements inside the open transaction; records history.
result<std::int64_t> run_inside(connection& db, const migration& m, const apply_options& options,
                                const std::set<violation>& before, clock::time_point started) {
  progress_state state{&options, 0, m.statements.size(), started, clock::now()};
  if (options.progress) sqlite3_progress_handler(db.handle(), 100000, on_progress, &state);
  std::string script;
  for (std::size_t i = 0; i < m.statements.size(); ++i) {
    state.index = i;
    state.started = clock::now();
    if (options.progress) options.progress(i, m.statements.size(), 0.0);
    if (result<void> r = db.exec(m.statements[i]); !r) {
      sqlite3_progress_handler(db.handle(), 0, nullptr, nullptr);
      return r.error();
    }
    script += m.statements[i] + ";\n";
  }
  sqlite3_progress_handler(db.handle(), 0, nullptr, nullptr);

  result<std::set<violation>> after = foreign_key_violations(db);
  if (!after) return after.error();
  std::string introduced;
  int shown = 0;
  std::size_t count = 0;
  for (const violation& v : *after) {
    if (before.count(v) != 0) continue;
    ++count;
    if (shown++ < 5) {
      introduced +=
          (introduced.empty() ? "" : ", ") + v.table + " rowid " + std::to_string(v.rowid) + " -> " + v.parent;
    }
  }
  if (count > 0) {
    return error{SQLITE_CONSTRAINT_FOREIGNKEY,
                 "the migration would leave " + std::to_string(count) +
                     " row(s) violating foreign keys: " + introduced + (count > 5 ? ", ..." : ""),
                 ""};
  }

  if (result<void> r = db.exec(create_history); !r) return r.error();
  result<statement> insert = db.prepare(
      "INSERT INTO _migc_history (migc_version, schema_hash, statements, duration_ms, outcome) "
      "VALUES (?1, ?2, ?3, ?4, 'applied')");
  if (!insert) return insert.error();
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started);
  if (auto r = insert->bind_text(1, m.version); !r) return r.error();
  if (auto r = insert->bind_text(2, m.schema_hash); !r) return r.error();
  if (auto r = insert->bind_text(3, script); !r) return r.error();
  if (auto r = insert->bind_int64(4, elapsed.count()); !r) return r.error();
  if (result<step_result> r = insert->step(); !r) return r.error();
  return db.last_insert_rowid();
}

}  // namespace

result<apply_outcome> apply(connection& db, const migration& m, const apply_options& options) {
  const clock::time_point started = clock::now();
  if (result<void> r = db.set_busy_timeout(options.busy_timeout); !r) return r.error();
  result<bool> enforced = foreign_keys_enabled(db);
  if (!enforced) return enforced.error();
  // Inside a transaction this pragma is a no-op: it must come first.
  if (result<void> r = db.exec("PRAGMA foreign_keys = OFF"); !r) return r.error();
  auto restore = [&] { (void)db.exec(*enforced ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF"); };

  if (result<void> r = db.exec("BEGIN IMMEDIATE"); !r) {
    restore();
    error e = r.error();
    if ((e.code & 0xff) == SQLITE_BUSY) {
      e.message = "the database is locked by another connection; gave up after " +
                  std::to_string(options.busy_timeout.count()) + " ms";
    }
    return e;
  }
  result<std::set<violation>> before = foreign_key_violations(db);
  result<std::int64_t> id =
      before ? run_inside(db, m, options, *before, started) : result<std::int64_t>(before.error());
  if (!id) {
    (void)db.exec("ROLLBACK");
    restore();
    return id.error();
  }
  if (result<void> r = db.exec("COMMIT"); !r) {
    (void)db.exec("ROLLBACK");
    restore();
    return r.error();
  }
  restore();
  return apply_outcome{*id, std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started)};
}

result<std::vector<history_row>> read_history(connection& db) {
  std::vector<history_row> rows;
  result<statement> exists = db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?1");
  if (!exists) return exists.error();
  if (auto r = exists->bind_text(1, history_table); !r) return r.error();
  result<step_result> found = exists->step();
  if (!found) return found.error();
  if (*found == step_result::done) return rows;
  result<statement> st = db.prepare(
      "SELECT id, applied_at, migc_version, schema_hash, statements, duration_ms, outcome FROM _migc_history "
      "ORDER BY id");
  if (!st) return st.error();
  while (true) {
    result<step_result> r = st->step();
    if (!r) return r.error();
    if (*r == step_result::done) break;
    history_row h;
    h.id = st->column_int64(0);
    h.applied_at = st->column_text(1);
    h.version = st->column_text(2);
    h.schema_hash = st->column_text(3);
    h.statements = st->column_text(4);
    h.duration_ms = st->column_int64(5);
    h.outcome = st->column_text(6);
    rows.push_back(std::move(h));
  }
  return rows;
}

result<void> backup(connection& db, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec) || ec) {
    return error{SQLITE_CANTOPEN, "backup target '" + path + "' already exists", ""};
  }
  result<connection> target = connection::open(path);
  if (!target) return target.error();
  sqlite3_backup* b = sqlite3_backup_init(target->handle(), "main", db.handle(), "main");
  if (b == nullptr) return error{sqlite3_errcode(target->handle()), target->errmsg(), ""};
  int rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return error{rc, target->errmsg(), ""};
  return {};
}

}  // namespace migc::rt
