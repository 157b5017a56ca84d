// The declarative migration workflow as a library: open the database,
// prepare the migration (desired schema compiled from files, live schema
// introspected and compiled by the same passes, diff, plan, preflight),
// decide what to refuse, apply. Every front end (the CLI, tests, a language
// server) calls these; nothing here prints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/plan/plan.hpp"
#include "runtime/executor.hpp"
#include "runtime/open.hpp"

namespace migc::workflow {

/// Everything a migration needs, owned in one place (the catalogs and the
/// plan point into the compilations and the source manager).
struct migration_setup {
  std::unique_ptr<source::source_manager> sources = std::make_unique<source::source_manager>();
  driver::compilation desired;
  driver::compilation live;
  diff::schema_diff diff;
  plan::plan plan;
  std::vector<plan::check_result> problems;  // preflight findings
  std::string schema_hash;                   // schema_fingerprint of the desired schema
};

/// A database as the migration commands open it: `db` is empty when the
/// file is missing and the mode does not create it (an empty database).
struct database {
  std::string path;
  std::optional<rt::connection> db;
  [[nodiscard]] rt::connection* connection() { return db ? &*db : nullptr; }
};

/// Opens `path` (rt::open_database). Returns nullopt with E0702 (not a
/// database) or E0701 (cannot open or read) in `sink`; the file is then
/// untouched.
[[nodiscard]] std::optional<database> open_database(const std::string& path, rt::open_mode mode, diag::sink& sink);

/// Compiles `files` (errors and warnings to `sink`, an unreadable file as
/// E0190), reads and compiles the live schema of `db`, diffs, plans and
/// runs the preflight against it. Returns nullopt when the desired schema
/// has errors, the live schema cannot be read or compiled (E0401, E0701),
/// or a preflight query fails (E0701).
/// On failure the diagnostics point into sources that would die with the
/// result: pass `kept_sources` to receive them for rendering.
[[nodiscard]] std::optional<migration_setup> prepare_migration(
    const std::vector<std::string>& files, database& db, const driver::options& opts, diag::sink& sink,
    std::unique_ptr<source::source_manager>* kept_sources = nullptr);

/// The same on a bare connection (nullptr: an empty database) read under
/// the name `db_name`, for callers that opened it themselves.
[[nodiscard]] std::optional<migration_setup> prepare_migration(
    const std::vector<std::string>& files, rt::connection* db, const std::string& db_name, const driver::options& opts,
    diag::sink& sink, std::unique_ptr<source::source_manager>* kept_sources = nullptr);

/// The destructive policy: what blocks applying `m`. Every preflight finding
/// that rows violate a constraint the plan adds is an E0502; every loss of
/// data (a dropped table or column that holds some) is an E0501 unless
/// `allow_destructive`. Empty: nothing blocks.
[[nodiscard]] std::vector<diag::diagnostic> refusals(const migration_setup& m, bool allow_destructive);

/// Whether a preflight finding is a loss of data (rather than a violation).
[[nodiscard]] bool is_loss(const plan::check_result& r);

/// What the executor runs, and the script prints, for the plan of `m`:
/// its statements with their steps' descriptions, the schema hash and
/// migc's version.
[[nodiscard]] rt::migration to_migration(const migration_setup& m);

struct apply_options {
  std::string backup;  // copy the database here first; empty: no copy
  rt::apply_options run;
};

/// Copies the database when asked, then applies the plan of `m` to `db`
/// (rt::apply: one transaction, the protocol of runtime/protocol.hpp).
/// Returns nullopt with E0704 (the backup failed; nothing ran) or E0703
/// (rolled back; the database is as it was) in `sink`. Does not check
/// refusals: call refusals() first.
[[nodiscard]] std::optional<rt::apply_outcome> apply(database& db, const migration_setup& m,
                                                     const apply_options& options, diag::sink& sink);

/// `migc schema`: the live schema of `db` (which must exist) as ordered
/// canonical DDL under a header line naming it. Returns nullopt with the
/// diagnostics of compile_live (E0401, E0701) in `sink`; they point into
/// `sources`.
[[nodiscard]] std::optional<std::string> live_schema_text(database& db, source::source_manager& sources,
                                                          diag::sink& sink);

/// `migc log`: the _migc_history rows of `db`, one line each, or a line
/// saying there are none (or no file). Returns nullopt with E0701 in `sink`
/// when the table cannot be read.
[[nodiscard]] std::optional<std::string> history_text(database& db, diag::sink& sink);

}  // namespace migc::workflow
