// The live side of a migration: a database's schema read back and compiled
// by the same passes as the schema files, and a compilation printed as
// ordered canonical DDL. The workflow (compiler/workflow/migration.hpp)
// chains these with diff and plan; `migc schema` and tests use them alone.
// Nothing here writes to the database.
#pragma once

#include <optional>
#include <string>

#include "compiler/driver/driver.hpp"
#include "runtime/sqlite.hpp"

namespace migc::driver {

/// Reads the live schema of `db` (nullptr: an empty database) into
/// `sources` under the name `db_name`, compiles it with every warning off,
/// and cross-checks it against SQLite's pragmas. Returns nullopt, with
/// errors in `sink` (E0401, E0701), when it cannot be read or understood.
[[nodiscard]] std::optional<compilation> compile_live(source::source_manager& sources, rt::connection* db,
                                                      const std::string& db_name, diag::sink& sink);

/// The canonical DDL of a compilation in creation order, one statement per
/// object, each followed by ";\n" and separated by a blank line.
[[nodiscard]] std::string ordered_ddl(const compilation& c);

}  // namespace migc::driver
