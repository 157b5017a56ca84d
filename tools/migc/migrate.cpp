// migc plan, apply, status, log and schema: the declarative workflow
// (compiler/workflow/migration.hpp) against a database file, and its
// results printed. Opening rules: plan, status, schema and log never create
// or change the file (a missing file reads as an empty database); apply
// creates a missing file unless --dry-run; a file that is not a database is
// an error for every command.
#include <unistd.h>

#include <fmt/format.h>
#include <iostream>

#include "compiler/diag/render.hpp"
#include "compiler/workflow/compile.hpp"
#include "compiler/workflow/migration.hpp"
#include "compiler/workflow/render.hpp"
#include "tools/migc/commands.hpp"

namespace migc::tool {

using detail::driver_options;
using detail::write_output;

namespace {

void print_diagnostics(const source::source_manager* sources, diag::sink& sink) {
  if (sink.empty()) return;
  sink.sort_by_location();
  source::source_manager empty;
  std::cerr << diag::render_text(sources != nullptr ? *sources : empty, sink.all(), diag::use_color(STDERR_FILENO));
  std::cerr.flush();
}

// The database and the prepared migration of a plan, status or apply run;
// `status` is the exit code when preparing failed (and was reported).
struct prepared {
  std::optional<workflow::database> db;
  std::optional<workflow::migration_setup> m;
  int status = exit_code::ok;
};

prepared prepare(const std::string& database, const std::vector<std::string>& files,
                 const std::vector<std::string>& warnings, rt::open_mode mode, diag::sink& sink) {
  prepared p;
  std::optional<driver::options> opts = driver_options(warnings, false);
  if (!opts) {
    p.status = exit_code::usage;
    return p;
  }
  p.db = workflow::open_database(database, mode, sink);
  if (!p.db) {
    print_diagnostics(nullptr, sink);
    p.status = exit_code::usage;
    return p;
  }
  std::unique_ptr<source::source_manager> kept;
  p.m = workflow::prepare_migration(files, *p.db, *opts, sink, &kept);
  if (!p.m) {
    print_diagnostics(kept.get(), sink);
    p.status = workflow::has_unreadable_input(sink) ? exit_code::usage : exit_code::errors;
  }
  return p;
}

}  // namespace

int run_plan(const migrate_options& o) {
  diag::sink sink;
  prepared p = prepare(o.database, o.files, o.warnings, rt::open_mode::read_only, sink);
  if (!p.m) return p.status;
  print_diagnostics(p.m->sources.get(), sink);
  if (o.format == "sql") {
    std::cout << workflow::sql_script(*p.m, o.database);
  } else if (o.format == "json") {
    std::cout << workflow::plan_json(*p.m, o.database);
  } else {
    std::cout << workflow::plan_text(*p.m, o.database, diag::use_color(STDOUT_FILENO));
  }
  std::cout.flush();
  return exit_code::ok;
}

int run_status(const migrate_options& o) {
  diag::sink sink;
  prepared p = prepare(o.database, o.files, o.warnings, rt::open_mode::read_only, sink);
  // Every failure to prepare is usage here: 1 means steps are pending.
  if (!p.m) return exit_code::usage;
  print_diagnostics(p.m->sources.get(), sink);
  std::cout << workflow::status_text(*p.m, o.database);
  return p.m->plan.empty() ? exit_code::ok : exit_code::errors;
}

int run_apply(const apply_command_options& o) {
  diag::sink sink;
  prepared p =
      prepare(o.database, o.files, o.warnings, o.dry_run ? rt::open_mode::read_only : rt::open_mode::create, sink);
  if (!p.m) return p.status;
  const workflow::migration_setup& m = *p.m;
  const bool color = diag::use_color(STDOUT_FILENO);
  std::vector<diag::diagnostic> refused = workflow::refusals(m, o.allow_destructive);
  for (diag::diagnostic& d : refused) sink.report(std::move(d));
  print_diagnostics(m.sources.get(), sink);
  if (!refused.empty()) {
    std::cout << workflow::plan_text(m, o.database, color);
    return exit_code::errors;
  }
  if (o.dry_run || m.plan.empty()) {
    std::cout << workflow::plan_text(m, o.database, color);
    return exit_code::ok;
  }
  workflow::apply_options options;
  options.backup = o.backup;
  options.run.busy_timeout = std::chrono::milliseconds(o.busy_timeout_ms);
  const bool tty = isatty(STDERR_FILENO) != 0;
  const rt::migration run = workflow::to_migration(m);
  if (tty) {
    options.run.progress = [&](std::size_t index, std::size_t total, double seconds) {
      std::cerr << fmt::format("\r[{}/{}] {}{}\033[K", index + 1, total, run.descriptions[index],
                               seconds > 0 ? fmt::format(" ({:.0f} s)", seconds) : std::string());
      std::cerr.flush();
    };
  }
  diag::sink failed;
  std::optional<rt::apply_outcome> done = workflow::apply(*p.db, m, options, failed);
  // A failed backup comes before any progress line.
  const bool backup_failed = !done && failed.all().front().id == diag::code::E0704;
  if (tty && !backup_failed) std::cerr << "\r\033[K";
  if (!done) {
    print_diagnostics(m.sources.get(), failed);
    return backup_failed ? exit_code::usage : exit_code::errors;
  }
  std::cout << fmt::format("applied {} step(s) to '{}' in {} ms (history id {})\n", m.plan.steps.size(), o.database,
                           done->duration.count(), done->history_id);
  return exit_code::ok;
}

int run_log(const std::string& database) {
  diag::sink sink;
  std::optional<workflow::database> db = workflow::open_database(database, rt::open_mode::read_only, sink);
  std::optional<std::string> text = db ? workflow::history_text(*db, sink) : std::nullopt;
  if (!text) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  std::cout << *text;
  return exit_code::ok;
}

int run_schema(const std::string& database, const std::string& output) {
  diag::sink sink;
  std::optional<workflow::database> db = workflow::open_database(database, rt::open_mode::read_only, sink);
  if (db && !db->db) sink.error(diag::code::E0701, {}, fmt::format("'{}' does not exist", database));
  if (!db || !db->db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  source::source_manager sources;
  std::optional<std::string> text = workflow::live_schema_text(*db, sources, sink);
  if (!text) {
    print_diagnostics(&sources, sink);
    return exit_code::errors;
  }
  return write_output(output, *text);
}

}  // namespace migc::tool
