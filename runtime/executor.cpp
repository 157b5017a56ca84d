// Atomic execution of a migration through the C API, phase by phase as
// runtime/protocol.hpp lists them, and reading the _migc_history table.
#include "runtime/executor.hpp"

#include <filesystem>
#include <set>
#include <tuple>

#include "runtime/protocol.hpp"

namespace migc::rt {

namespace {

using clock = std::chrono::steady_clock;
using protocol::phase;

// One row of protocol::violations.
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
  result<statement> st = db.prepare(protocol::violations);
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

// One run of the protocol on a connection: each phase of protocol::phases
// through the C API, and what a failure must undo.
class protocol_run {
 public:
  protocol_run(connection& db, const migration& m, const apply_options& options)
      : db_(db), m_(m), options_(options), started_(clock::now()) {}

  result<void> step(phase p) {
    switch (p) {
      case phase::foreign_keys_off:
        return foreign_keys_off();
      case phase::begin:
        return begin();
      case phase::snapshot_violations: {
        result<std::set<violation>> found = foreign_key_violations(db_);
        if (!found) return found.error();
        before_ = std::move(*found);
        return {};
      }
      case phase::statements:
        return statements();
      case phase::check_violations:
        return check_violations();
      case phase::record_history:
        return record_history();
      case phase::commit:
        if (result<void> r = db_.exec(protocol::commit); !r) return r.error();
        in_transaction_ = false;
        return {};
      case phase::restore_foreign_keys:
        restore();
        return {};
    }
    return {};
  }

  // Leaves the connection as it was: rolls back an open transaction and
  // restores foreign_keys.
  void undo() {
    if (in_transaction_) (void)db_.exec(protocol::rollback);
    in_transaction_ = false;
    restore();
  }

  [[nodiscard]] apply_outcome outcome() const {
    return {history_id_, std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started_)};
  }

 private:
  result<void> foreign_keys_off() {
    if (result<void> r = db_.set_busy_timeout(options_.busy_timeout); !r) return r.error();
    result<bool> enforced = foreign_keys_enabled(db_);
    if (!enforced) return enforced.error();
    enforced_ = *enforced;
    if (result<void> r = db_.exec(protocol::foreign_keys_off); !r) return r.error();
    switched_off_ = true;
    return {};
  }

  result<void> begin() {
    if (result<void> r = db_.exec(protocol::begin); !r) {
      error e = r.error();
      if ((e.code & 0xff) == SQLITE_BUSY) {
        e.message = "the database is locked by another connection; gave up after " +
                    std::to_string(options_.busy_timeout.count()) + " ms";
      }
      return e;
    }
    in_transaction_ = true;
    return {};
  }

  result<void> statements() {
    progress_state state{&options_, 0, m_.statements.size(), started_, clock::now()};
    if (options_.progress) sqlite3_progress_handler(db_.handle(), 100000, on_progress, &state);
    for (std::size_t i = 0; i < m_.statements.size(); ++i) {
      state.index = i;
      state.started = clock::now();
      if (options_.progress) options_.progress(i, m_.statements.size(), 0.0);
      if (result<void> r = db_.exec(m_.statements[i]); !r) {
        sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
        return r.error();
      }
    }
    sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
    return {};
  }

  result<void> check_violations() {
    result<std::set<violation>> after = foreign_key_violations(db_);
    if (!after) return after.error();
    std::string introduced;
    int shown = 0;
    std::size_t count = 0;
    for (const violation& v : *after) {
      if (before_.count(v) != 0) continue;
      ++count;
      if (shown++ < 5) {
        introduced +=
            (introduced.empty() ? "" : ", ") + v.table + " rowid " + std::to_string(v.rowid) + " -> " + v.parent;
      }
    }
    if (count == 0) return {};
    return error{SQLITE_CONSTRAINT_FOREIGNKEY,
                 "the migration would leave " + std::to_string(count) +
                     " row(s) violating foreign keys: " + introduced + (count > 5 ? ", ..." : ""),
                 ""};
  }

  result<void> record_history() {
    if (result<void> r = db_.exec(protocol::create_history); !r) return r.error();
    result<statement> insert = db_.prepare(std::string(protocol::insert_history) + "(?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started_);
    if (auto r = insert->bind_text(1, m_.version); !r) return r.error();
    if (auto r = insert->bind_text(2, m_.schema_hash); !r) return r.error();
    if (auto r = insert->bind_text(3, protocol::history_statements(m_.statements)); !r) return r.error();
    if (auto r = insert->bind_int64(4, elapsed.count()); !r) return r.error();
    if (auto r = insert->bind_text(5, protocol::outcome_applied); !r) return r.error();
    if (result<step_result> r = insert->step(); !r) return r.error();
    history_id_ = db_.last_insert_rowid();
    return {};
  }

  void restore() {
    if (switched_off_) (void)db_.exec(enforced_ ? protocol::foreign_keys_on : protocol::foreign_keys_off);
    switched_off_ = false;
  }

  connection& db_;
  const migration& m_;
  const apply_options& options_;
  clock::time_point started_;
  bool enforced_ = false;      // foreign_keys before the run
  bool switched_off_ = false;  // foreign_keys_off ran; restore_foreign_keys has not
  bool in_transaction_ = false;
  std::set<violation> before_;
  std::int64_t history_id_ = 0;
};

}  // namespace

result<apply_outcome> apply(connection& db, const migration& m, const apply_options& options) {
  protocol_run r(db, m, options);
  for (phase p : protocol::phases) {
    if (result<void> done = r.step(p); !done) {
      r.undo();
      return done.error();
    }
  }
  return r.outcome();
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
