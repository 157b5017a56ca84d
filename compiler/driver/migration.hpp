// The declarative migration pipeline: the desired schema compiled from
// files, the live schema introspected and compiled by the same passes, the
// diff, the plan, and the preflight of its data checks. Commands (plan,
// apply, status) and tests share it; it never writes to the database.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/driver.hpp"
#include "compiler/plan/plan.hpp"
#include "runtime/sqlite.hpp"

namespace migc::driver {

/// Everything a migration needs, owned in one place (the catalogs and the
/// plan point into the compilations and the source manager).
struct migration_setup {
  std::unique_ptr<source::source_manager> sources = std::make_unique<source::source_manager>();
  compilation desired;
  compilation live;
  diff::schema_diff diff;
  plan::plan plan;
  std::vector<plan::check_result> problems;  // preflight findings
  std::string schema_hash;                   // of the desired schema's canonical DDL
};

/// Reads the live schema of `db` (nullptr: an empty database) into
/// `sources` under the name `db_name`, compiles it with every warning off,
/// and cross-checks it against SQLite's pragmas. Returns nullopt, with
/// errors in `sink` (E0401, E0701), when it cannot be read or understood.
[[nodiscard]] std::optional<compilation> compile_live(source::source_manager& sources, rt::connection* db,
                                                      const std::string& db_name, diag::sink& sink);

/// Compiles `files` (errors and warnings to `sink`), reads and compiles the
/// live schema of `db` (nullptr: an empty database), diffs, plans and runs
/// the preflight against `db`. Returns nullopt when the desired schema has
/// errors, the live schema cannot be read or compiled (reported to `sink` as
/// E0401 or with the database's name as the file), or a preflight query
/// fails (reported as E0701).
/// On failure the diagnostics point into sources that would die with the
/// result: pass `kept_sources` to receive them for rendering.
[[nodiscard]] std::optional<migration_setup> prepare_migration(
    const std::vector<std::string>& files, rt::connection* db, const std::string& db_name, const options& opts,
    diag::sink& sink, std::unique_ptr<source::source_manager>* kept_sources = nullptr);

/// The canonical DDL of a compilation in creation order, one statement per
/// object, each followed by ";\n" and separated by a blank line.
[[nodiscard]] std::string ordered_ddl(const compilation& c);

/// A stable 64-bit FNV-1a fingerprint of `text`, as 16 hex digits.
[[nodiscard]] std::string fingerprint(std::string_view text);

}  // namespace migc::driver
