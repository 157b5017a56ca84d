// A migration plan rendered for people and programs: text (what `migc plan`
// and `apply` print), JSON, the sqlite3 script, and the status summary. Pure
// functions of the prepared migration; nothing here prints.
#pragma once

#include <string>

#include "compiler/plan/plan.hpp"
#include "compiler/workflow/migration.hpp"

namespace migc::workflow {

/// The marker of a step: '+' creates, '-' drops, '~' changes.
[[nodiscard]] char marker(plan::step_kind k) noexcept;

/// A preflight finding in words, with up to its sample of rowids:
/// "NOT NULL on 'users.name': 1 row(s) hold NULL (rowid 3)".
[[nodiscard]] std::string problem_text(const plan::check_result& r);

/// The plan for database `db` as text: a summary line, then each step with
/// its marker, safety class, reasons, SQL and findings; ANSI colours when
/// `color`. An empty plan is one "nothing to do" line.
[[nodiscard]] std::string plan_text(const migration_setup& m, const std::string& db, bool color);

/// The plan as a JSON document (database, schema_hash, steps with their
/// problems), indented by 2, ending with a newline.
[[nodiscard]] std::string plan_json(const migration_setup& m, const std::string& db);

/// The plan as a script for `sqlite3 DB < FILE`: a header line, then
/// rt::shell_script (apply's protocol); an empty plan is a comment only.
[[nodiscard]] std::string sql_script(const migration_setup& m, const std::string& db);

/// What `migc status` prints: in sync, or the pending steps with markers.
[[nodiscard]] std::string status_text(const migration_setup& m, const std::string& db);

}  // namespace migc::workflow
