// A migration as a script for the sqlite3 shell (`sqlite3 DB < FILE`) that
// follows the protocol of runtime/protocol.hpp phase by phase, as rt::apply
// does through the C API.
#pragma once

#include <string>

#include "runtime/executor.hpp"

namespace migc::rt {

/// The script of `m`: `.bail on` so that the shell stops at the first error
/// and exits (non-zero) with the transaction open, which SQLite rolls back;
/// foreign keys off before BEGIN IMMEDIATE; the foreign_key_check rows that
/// already exist kept in a TEMP table; the statements, each introduced by
/// its description when that changes; an INSERT whose CHECK constraint fails,
/// naming the problem, when foreign_key_check finds rows the snapshot lacks;
/// the _migc_history row apply would write (duration measured by SQLite,
/// outcome 'applied'); COMMIT; foreign keys ON. Every statement ends with
/// ";\n"; the TEMP tables are dropped before COMMIT.
[[nodiscard]] std::string shell_script(const migration& m);

}  // namespace migc::rt
