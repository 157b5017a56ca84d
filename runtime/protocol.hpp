// The protocol every migc migration follows, whoever runs it: rt::apply runs
// its phases through the C API (executor.cpp), and the script that
// rt::shell_script prints (script.cpp) runs the same phases in the sqlite3
// shell. The phases, their order and the SQL both sides send are declared
// here once, so that the two cannot drift apart.
//
// Why this order: SQLite ignores PRAGMA foreign_keys inside a transaction,
// so enforcement goes off before BEGIN (or dropping a parent table during a
// rebuild would cascade-delete its children). With enforcement off nothing
// stops a statement from leaving orphans, so PRAGMA foreign_key_check runs
// before COMMIT, and any violation that was not there at BEGIN fails the
// migration. A failure in any phase after BEGIN rolls everything back.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace migc::rt::protocol {

enum class phase : std::uint8_t {
  foreign_keys_off,      // PRAGMA foreign_keys = OFF, before BEGIN
  begin,                 // BEGIN IMMEDIATE: take the write lock now, not at the first write
  snapshot_violations,   // the foreign_key_check rows already present
  statements,            // the migration's statements, in order
  check_violations,      // fail when foreign_key_check finds rows the snapshot lacks
  record_history,        // one row in _migc_history
  commit,                // COMMIT
  restore_foreign_keys,  // foreign_keys back to its setting (the shell: ON)
};

/// Every phase, in the order both runners follow.
inline constexpr std::array<phase, 8> phases = {
    phase::foreign_keys_off, phase::begin,  phase::snapshot_violations,  phase::statements, phase::check_violations,
    phase::record_history,   phase::commit, phase::restore_foreign_keys,
};

inline constexpr const char* foreign_keys_off = "PRAGMA foreign_keys = OFF";
inline constexpr const char* foreign_keys_on = "PRAGMA foreign_keys = ON";
inline constexpr const char* begin = "BEGIN IMMEDIATE";
inline constexpr const char* commit = "COMMIT";
inline constexpr const char* rollback = "ROLLBACK";

/// The violations of the main schema, one row each: child table, rowid
/// (NULL in a WITHOUT ROWID table), parent table, foreign key id. Two
/// snapshots compare as sets of these rows.
inline constexpr const char* violations =
    "SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check(NULL, 'main')";

/// The name of migc's history table.
inline constexpr const char* history_table = "_migc_history";

inline constexpr const char* create_history =
    "CREATE TABLE IF NOT EXISTS _migc_history (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),\n"
    "  migc_version TEXT NOT NULL,\n"
    "  schema_hash TEXT NOT NULL,\n"
    "  statements TEXT NOT NULL,\n"
    "  duration_ms INTEGER NOT NULL,\n"
    "  outcome TEXT NOT NULL\n"
    ")";

/// The columns a migration fills in; the values follow in this order.
inline constexpr const char* insert_history =
    "INSERT INTO _migc_history (migc_version, schema_hash, statements, duration_ms, outcome) VALUES ";

/// The outcome of a migration that committed.
inline constexpr const char* outcome_applied = "applied";

/// The `statements` column of the history row: every statement followed by
/// ";\n", as a script that reruns it.
[[nodiscard]] inline std::string history_statements(const std::vector<std::string>& statements) {
  std::string out;
  for (const std::string& s : statements) out += s + ";\n";
  return out;
}

}  // namespace migc::rt::protocol
