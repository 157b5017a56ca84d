// Opening a database file the way migc's commands need: without creating it
// unless asked, and with a file that is not an SQLite database told apart
// from other failures (SQLite only notices when it first reads the header).
#pragma once

#include <optional>
#include <string>

#include "runtime/sqlite.hpp"

namespace migc::rt {

enum class open_mode {
  read_only,  // never creates or changes the file; a missing file is no connection
  create,     // read-write; a missing file is created
};

/// Opens `path` and reads its header. Returns no connection (nullopt) for a
/// missing file under read_only. Errors: SQLITE_NOTADB (primary code) with
/// "'<path>' is not an SQLite database" when the file is something else
/// (see is_not_a_database); otherwise SQLite's code with "cannot open
/// '<path>': ..." or "cannot read '<path>': ...". The file is not touched
/// on error.
result<std::optional<connection>> open_database(const std::string& path, open_mode mode);

/// Whether `e` is open_database's not-a-database error.
[[nodiscard]] bool is_not_a_database(const error& e) noexcept;

}  // namespace migc::rt
