// Executing a migration atomically, and migc's history table. Only SQLite
// and the standard library: the statements arrive as plain text.
//
// The phases (foreign keys off before BEGIN, the foreign_key_check before
// COMMIT, the history row) are those of runtime/protocol.hpp, which the
// sqlite3 script of runtime/script.hpp follows too.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/protocol.hpp"
#include "runtime/sqlite.hpp"

namespace migc::rt {

/// What to run and what to record about it.
struct migration {
  std::vector<std::string> statements;    // each one statement, without ';'
  std::vector<std::string> descriptions;  // one per statement, for progress (may be empty)
  std::string schema_hash;                // hash of the desired schema
  std::string version;                    // migc's version
};

struct apply_options {
  /// How long BEGIN IMMEDIATE waits for another connection's lock.
  std::chrono::milliseconds busy_timeout{5000};
  /// Called before each statement with its index and the total, and about
  /// every half second during a long statement with the seconds spent;
  /// empty: no progress.
  std::function<void(std::size_t index, std::size_t total, double seconds)> progress;
};

struct apply_outcome {
  std::int64_t history_id = 0;
  std::chrono::milliseconds duration{0};
};

/// The name of migc's history table.
inline constexpr const char* history_table = protocol::history_table;

/// Runs `m` on `db` in one IMMEDIATE transaction with foreign keys off, then
/// checks foreign keys, records a row in _migc_history (created if missing)
/// and commits. On any failure everything is rolled back and the database is
/// as it was; a foreign-key violation fails with a message naming the first
/// violations (table, rowid, parent). The connection's foreign_keys setting
/// is restored in every case. A lock held by another connection for longer
/// than the busy timeout fails with SQLITE_BUSY and a message saying so.
result<apply_outcome> apply(connection& db, const migration& m, const apply_options& options = {});

/// One row of _migc_history.
struct history_row {
  std::int64_t id = 0;
  std::string applied_at;  // UTC, "YYYY-MM-DD HH:MM:SS"
  std::string version;
  std::string schema_hash;
  std::string statements;  // the script that ran
  std::int64_t duration_ms = 0;
  std::string outcome;
};

/// Every row of _migc_history, oldest first; none when the table is absent.
result<std::vector<history_row>> read_history(connection& db);

/// Copies the whole database to a new file at `path` (SQLite's online
/// backup). Fails if `path` exists.
result<void> backup(connection& db, const std::string& path);

}  // namespace migc::rt
