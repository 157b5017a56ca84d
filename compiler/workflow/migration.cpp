// The migration workflow: open, prepare, refuse, apply.
#include "compiler/workflow/migration.hpp"

#include <cassert>
#include <fmt/format.h>

#include "compiler/diff/diff.hpp"
#include "compiler/driver/migration.hpp"
#include "compiler/workflow/compile.hpp"
#include "compiler/workflow/fingerprint.hpp"
#include "compiler/workflow/render.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::workflow {

std::optional<database> open_database(const std::string& path, rt::open_mode mode, diag::sink& sink) {
  rt::result<std::optional<rt::connection>> opened = rt::open_database(path, mode);
  if (!opened) {
    const rt::error& e = opened.error();
    sink.error(rt::is_not_a_database(e) ? diag::code::E0702 : diag::code::E0701, {}, e.message);
    return std::nullopt;
  }
  return database{path, std::move(*opened)};
}

namespace {

bool prepare(const std::vector<std::string>& files, rt::connection* db, const std::string& db_name,
             const driver::options& opts, diag::sink& sink, migration_setup& m) {
  std::vector<source::file_id> ids = load_files(*m.sources, files, sink);
  if (sink.has_errors()) return false;
  m.desired = driver::compile(*m.sources, ids, opts, sink);
  if (sink.has_errors() || !m.desired.passes_ran) return false;
  m.schema_hash = schema_fingerprint(m.desired);

  std::optional<driver::compilation> live = driver::compile_live(*m.sources, db, db_name, sink);
  if (!live) return false;
  m.live = std::move(*live);

  diff::rename_hints hints = diff::read_rename_hints(*m.sources, m.desired.scripts, m.desired.catalog);
  m.diff = diff::compare(m.live.catalog, m.desired.catalog, hints, sink);
  m.plan = plan::make_plan(m.live.catalog, m.desired.catalog, m.desired.order, m.diff);
  if (db != nullptr) {
    rt::result<std::vector<plan::check_result>> found = plan::preflight(m.plan, *db);
    if (!found) {
      sink.error(diag::code::E0701, {}, fmt::format("preflight query failed: {}", rt::to_string(found.error())));
      return false;
    }
    m.problems = std::move(*found);
  }
  return true;
}

}  // namespace

std::optional<migration_setup> prepare_migration(const std::vector<std::string>& files, rt::connection* db,
                                                 const std::string& db_name, const driver::options& opts,
                                                 diag::sink& sink,
                                                 std::unique_ptr<source::source_manager>* kept_sources) {
  migration_setup m;
  if (prepare(files, db, db_name, opts, sink, m)) return m;
  if (kept_sources != nullptr) *kept_sources = std::move(m.sources);
  return std::nullopt;
}

std::optional<migration_setup> prepare_migration(const std::vector<std::string>& files, database& db,
                                                 const driver::options& opts, diag::sink& sink,
                                                 std::unique_ptr<source::source_manager>* kept_sources) {
  return prepare_migration(files, db.connection(), db.path, opts, sink, kept_sources);
}

bool is_loss(const plan::check_result& r) {
  return r.check->what == plan::data_check::kind::loses_rows || r.check->what == plan::data_check::kind::loses_values;
}

std::vector<diag::diagnostic> refusals(const migration_setup& m, bool allow_destructive) {
  diag::sink sink;
  for (const plan::check_result& r : m.problems) {
    if (!is_loss(r)) {
      sink.error(diag::code::E0502, {}, fmt::format("cannot {}: {}", r.at->description, problem_text(r)));
    } else if (!allow_destructive) {
      sink.error(diag::code::E0501, {},
                 fmt::format("refusing to {}: {}; rerun with --allow-destructive to accept the loss", r.at->description,
                             problem_text(r)));
    }
  }
  return sink.all();
}

rt::migration to_migration(const migration_setup& m) {
  rt::migration run;
  for (const plan::step& s : m.plan.steps) {
    for (const std::string& sql : s.sql) {
      run.statements.push_back(sql);
      run.descriptions.push_back(s.description);
    }
  }
  run.schema_hash = m.schema_hash;
  run.version = MIGC_VERSION;
  return run;
}

std::optional<rt::apply_outcome> apply(database& db, const migration_setup& m, const apply_options& options,
                                       diag::sink& sink) {
  assert(db.db.has_value());
  if (!options.backup.empty()) {
    if (rt::result<void> b = rt::backup(*db.db, options.backup); !b) {
      sink.error(diag::code::E0704, {}, fmt::format("cannot back up to '{}': {}", options.backup, b.error().message));
      return std::nullopt;
    }
  }
  rt::result<rt::apply_outcome> done = rt::apply(*db.db, to_migration(m), options.run);
  if (!done) {
    sink.error(diag::code::E0703, {}, fmt::format("migration of '{}' rolled back: {}", db.path, done.error().message));
    return std::nullopt;
  }
  return *done;
}

std::optional<std::string> live_schema_text(database& db, source::source_manager& sources, diag::sink& sink) {
  assert(db.db.has_value());
  std::optional<driver::compilation> live = driver::compile_live(sources, db.connection(), db.path, sink);
  if (!live) return std::nullopt;
  std::string out = fmt::format("-- schema of {} read by migc {}\n", db.path, MIGC_VERSION);
  std::string ddl = driver::ordered_ddl(*live);
  if (!ddl.empty()) out += "\n" + ddl;
  return out;
}

std::optional<std::string> history_text(database& db, diag::sink& sink) {
  if (!db.db) return fmt::format("'{}' does not exist: no history\n", db.path);
  rt::result<std::vector<rt::history_row>> rows = rt::read_history(*db.db);
  if (!rows) {
    sink.error(diag::code::E0701, {}, rows.error().message);
    return std::nullopt;
  }
  if (rows->empty()) return fmt::format("'{}' has no migc history\n", db.path);
  std::string out;
  for (const rt::history_row& h : *rows) {
    out += fmt::format("#{} {} UTC  migc {}  schema {}  {} ms  {}\n", h.id, h.applied_at, h.version, h.schema_hash,
                       h.duration_ms, h.outcome);
  }
  return out;
}

}  // namespace migc::workflow
