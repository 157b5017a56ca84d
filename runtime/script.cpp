// The sqlite3 shell's side of the migration protocol: each phase of
// protocol::phases printed as SQL.
#include "runtime/script.hpp"

#include "runtime/protocol.hpp"
#include "runtime/schema_rows.hpp"

namespace migc::rt {

namespace {

using protocol::phase;

// The shell has no variables: what the executor keeps in C++ lives in TEMP
// tables, which never touch the database file and vanish with the shell.
constexpr const char* started = "temp._migc_started";
constexpr const char* before = "temp._migc_fk_before";
constexpr const char* guard = "temp._migc_fk_guard";

// The constraint's name is what the shell prints when the guard fails:
// "CHECK constraint failed: <name>".
constexpr const char* guard_table =
    "CREATE TABLE temp._migc_fk_guard (\n"
    "  new_violations INTEGER NOT NULL\n"
    "    CONSTRAINT \"migc: the migration would leave rows violating foreign keys (see PRAGMA foreign_key_check); "
    "nothing was committed\"\n"
    "    CHECK (new_violations = 0)\n"
    ")";

void add(std::string& out, const std::string& sql) { out += sql + ";\n"; }

void print(std::string& out, phase p, const migration& m) {
  switch (p) {
    case phase::foreign_keys_off:
      out += "-- inside a transaction SQLite ignores this pragma: it comes first\n";
      add(out, protocol::foreign_keys_off);
      return;
    case phase::begin:
      add(out, protocol::begin);
      add(out, std::string("CREATE TABLE ") + started + " AS SELECT julianday('now') AS at");
      return;
    case phase::snapshot_violations:
      out += "-- foreign-key violations present before the migration do not block it\n";
      add(out, std::string("CREATE TABLE ") + before + " AS " + protocol::violations);
      return;
    case phase::statements:
      for (std::size_t i = 0; i < m.statements.size(); ++i) {
        if (i < m.descriptions.size() && (i == 0 || m.descriptions[i] != m.descriptions[i - 1])) {
          out += "-- " + m.descriptions[i] + "\n";
        }
        add(out, m.statements[i]);
      }
      return;
    case phase::check_violations:
      out += "-- fails, and the shell stops before COMMIT, when the migration left new violations\n";
      add(out, guard_table);
      add(out, std::string("INSERT INTO ") + guard + " SELECT count(*) FROM (" + protocol::violations +
                   " EXCEPT SELECT * FROM " + before + ")");
      return;
    case phase::record_history:
      add(out, protocol::create_history);
      add(out, std::string(protocol::insert_history) + "(" + quote_literal(m.version) + ", " +
                   quote_literal(m.schema_hash) + ", " + quote_literal(protocol::history_statements(m.statements)) +
                   ", CAST(round((julianday('now') - (SELECT at FROM " + started + ")) * 86400000) AS INTEGER), " +
                   quote_literal(protocol::outcome_applied) + ")");
      add(out, std::string("DROP TABLE ") + guard);
      add(out, std::string("DROP TABLE ") + before);
      add(out, std::string("DROP TABLE ") + started);
      return;
    case phase::commit:
      add(out, protocol::commit);
      return;
    case phase::restore_foreign_keys:
      add(out, protocol::foreign_keys_on);
      return;
  }
}

}  // namespace

std::string shell_script(const migration& m) {
  std::string out = ".bail on\n";
  for (phase p : protocol::phases) print(out, p, m);
  return out;
}

}  // namespace migc::rt
