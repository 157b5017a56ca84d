// migc plan, apply, status, log and schema: the declarative workflow against
// a database file. Opening rules: plan, status, schema and log never create
// or change the file (a missing file reads as an empty database); apply
// creates a missing file unless --dry-run; a file that is not a database is
// an error for every command.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.hpp"
#include "compiler/driver/migration.hpp"
#include "runtime/executor.hpp"
#include "runtime/script.hpp"
#include "tools/migc/commands.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::tool {

using detail::driver_options;
using detail::has_io_error;
using detail::write_output;

namespace {

void print_diagnostics(const source::source_manager* sources, diag::sink& sink) {
  if (sink.empty()) return;
  sink.sort_by_location();
  source::source_manager empty;
  std::cerr << diag::render_text(sources != nullptr ? *sources : empty, sink.all(), diag::use_color(STDERR_FILENO));
  std::cerr.flush();
}

// Opens `path`: read-only unless `write`; a missing file is nullopt with
// `missing` set (and created only when `create`).
struct opened {
  std::optional<rt::connection> db;
  bool missing = false;
};

std::optional<opened> open_database(const std::string& path, bool write, bool create, diag::sink& sink) {
  opened out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (!create) {
      out.missing = true;
      return out;
    }
  }
  int flags = write ? SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) : SQLITE_OPEN_READONLY;
  rt::result<rt::connection> db = rt::connection::open(path, flags);
  if (!db) {
    sink.error(diag::code::E0701, {}, fmt::format("cannot open '{}': {}", path, db.error().message));
    return std::nullopt;
  }
  // SQLite reads the header lazily: ask for the schema to find out.
  rt::result<rt::statement> probe = db->prepare("SELECT count(*) FROM sqlite_schema");
  rt::result<rt::step_result> step = probe ? probe->step() : rt::result<rt::step_result>(probe.error());
  if (!step) {
    const rt::error& e = probe ? step.error() : probe.error();
    if ((e.code & 0xff) == SQLITE_NOTADB) {
      sink.error(diag::code::E0702, {}, fmt::format("'{}' is not an SQLite database", path));
    } else {
      sink.error(diag::code::E0701, {}, fmt::format("cannot read '{}': {}", path, e.message));
    }
    return std::nullopt;
  }
  out.db = std::move(db).value();
  return out;
}

char marker(plan::step_kind k) {
  switch (k) {
    case plan::step_kind::create_table:
    case plan::step_kind::add_column:
    case plan::step_kind::create_index:
    case plan::step_kind::create_view:
    case plan::step_kind::create_trigger:
      return '+';
    case plan::step_kind::drop_trigger:
    case plan::step_kind::drop_view:
    case plan::step_kind::drop_index:
    case plan::step_kind::drop_table:
    case plan::step_kind::drop_column:
      return '-';
    default:
      return '~';
  }
}

std::string problem_text(const plan::check_result& r) {
  std::string what;
  switch (r.check->what) {
    case plan::data_check::kind::loses_rows:
      what = fmt::format("{} holds {} row(s)", r.check->subject, r.count);
      break;
    case plan::data_check::kind::loses_values:
      what = fmt::format("{} holds {} non-NULL value(s)", r.check->subject, r.count);
      break;
    case plan::data_check::kind::null_in_not_null:
      what = fmt::format("{}: {} row(s) hold NULL", r.check->subject, r.count);
      break;
    case plan::data_check::kind::duplicate_in_unique:
      what = fmt::format("{}: {} value(s) are duplicated", r.check->subject, r.count);
      break;
    case plan::data_check::kind::check_violation:
      what = fmt::format("{}: {} row(s) violate it", r.check->subject, r.count);
      break;
    case plan::data_check::kind::foreign_key_violation:
      what = fmt::format("{}: {} row(s) have no parent", r.check->subject, r.count);
      break;
    case plan::data_check::kind::strict_type_violation:
      what = fmt::format("{}: {} value(s) cannot be stored", r.check->subject, r.count);
      break;
  }
  if (!r.sample.empty()) {
    what += " (rowid";
    what += r.sample.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < r.sample.size(); ++i) what += (i ? ", " : "") + std::to_string(r.sample[i]);
    what += r.count > static_cast<std::int64_t>(r.sample.size()) ? ", ...)" : ")";
  }
  return what;
}

bool is_loss(const plan::check_result& r) {
  return r.check->what == plan::data_check::kind::loses_rows || r.check->what == plan::data_check::kind::loses_values;
}

std::string plan_text(const driver::migration_setup& m, const std::string& db, bool color) {
  auto paint = [&](char mark, const std::string& s) {
    if (!color) return s;
    const char* code = mark == '+' ? "\033[32m" : mark == '-' ? "\033[31m" : "\033[33m";
    return code + s + "\033[0m";
  };
  if (m.plan.empty()) return fmt::format("'{}' matches the schema: nothing to do\n", db);
  std::size_t destructive = 0;
  std::size_t rebuilds = 0;
  for (const plan::step& s : m.plan.steps) {
    destructive += s.level == plan::safety::destructive ? 1 : 0;
    rebuilds += s.kind == plan::step_kind::rebuild_table ? 1 : 0;
  }
  std::string out = fmt::format("plan for '{}': {} step(s), {} rebuild(s), {} destructive\n", db, m.plan.steps.size(),
                                rebuilds, destructive);
  for (const plan::step& s : m.plan.steps) {
    char mark = marker(s.kind);
    std::string line = fmt::format("{} {}", mark, s.description);
    if (s.level != plan::safety::safe) line += fmt::format(" [{}]", plan::safety_name(s.level));
    out += "\n" + paint(mark, line) + "\n";
    for (const std::string& r : s.reasons) out += "    because " + r + "\n";
    for (const std::string& sql : s.sql) {
      std::string indented = "    ";
      for (char c : sql) {
        indented += c;
        if (c == '\n') indented += "    ";
      }
      out += indented + ";\n";
    }
    for (const plan::check_result& r : m.problems) {
      if (r.at == &s) out += (is_loss(r) ? "    warning: " : "    error: ") + problem_text(r) + "\n";
    }
  }
  return out;
}

nlohmann::ordered_json plan_json(const driver::migration_setup& m, const std::string& db) {
  nlohmann::ordered_json j;
  j["database"] = db;
  j["schema_hash"] = m.schema_hash;
  nlohmann::ordered_json steps = nlohmann::ordered_json::array();
  for (const plan::step& s : m.plan.steps) {
    nlohmann::ordered_json js;
    js["kind"] = std::string(plan::step_name(s.kind));
    js["safety"] = std::string(plan::safety_name(s.level));
    js["object"] = s.object;
    js["description"] = s.description;
    js["reasons"] = s.reasons;
    js["sql"] = s.sql;
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const plan::check_result& r : m.problems) {
      if (r.at != &s) continue;
      nlohmann::ordered_json p;
      p["loses_data"] = is_loss(r);
      p["subject"] = r.check->subject;
      p["count"] = r.count;
      p["rowids"] = r.sample;
      p["message"] = problem_text(r);
      problems.push_back(std::move(p));
    }
    js["problems"] = std::move(problems);
    steps.push_back(std::move(js));
  }
  j["steps"] = std::move(steps);
  return j;
}

// What the executor runs, and the script prints, for the plan of `m`.
rt::migration to_migration(const driver::migration_setup& m) {
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

// The plan as a script for the sqlite3 shell, following apply's protocol.
std::string sql_script(const driver::migration_setup& m, const std::string& db) {
  std::string out = fmt::format("-- migc {} plan for {}: apply with sqlite3 {} < this-file\n", MIGC_VERSION, db, db);
  if (m.plan.empty()) return out + "-- nothing to do\n";
  return out + rt::shell_script(to_migration(m));
}

// Reports what blocks applying: violated constraints always, data loss
// unless allowed. Returns true when something blocks.
bool refuse(const driver::migration_setup& m, bool allow_destructive, diag::sink& sink) {
  bool blocked = false;
  for (const plan::check_result& r : m.problems) {
    if (is_loss(r)) {
      if (allow_destructive) continue;
      sink.error(diag::code::E0501, {},
                 fmt::format("refusing to {}: {}; rerun with --allow-destructive to accept the loss", r.at->description,
                             problem_text(r)));
    } else {
      sink.error(diag::code::E0502, {}, fmt::format("cannot {}: {}", r.at->description, problem_text(r)));
    }
    blocked = true;
  }
  return blocked;
}

}  // namespace

int run_plan(const migrate_options& o) {
  diag::sink sink;
  std::optional<driver::options> opts = driver_options(o.warnings, false);
  if (!opts) return exit_code::usage;
  std::optional<opened> db = open_database(o.database, false, false, sink);
  if (!db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  std::unique_ptr<source::source_manager> kept;
  std::optional<driver::migration_setup> m =
      driver::prepare_migration(o.files, db->db ? &*db->db : nullptr, o.database, *opts, sink, &kept);
  if (!m) {
    print_diagnostics(kept.get(), sink);
    return has_io_error(sink) ? exit_code::usage : exit_code::errors;
  }
  print_diagnostics(m->sources.get(), sink);
  if (o.format == "sql") {
    std::cout << sql_script(*m, o.database);
  } else if (o.format == "json") {
    std::cout << plan_json(*m, o.database).dump(2) << "\n";
  } else {
    std::cout << plan_text(*m, o.database, diag::use_color(STDOUT_FILENO));
  }
  std::cout.flush();
  return exit_code::ok;
}

int run_status(const migrate_options& o) {
  diag::sink sink;
  std::optional<driver::options> opts = driver_options(o.warnings, false);
  if (!opts) return exit_code::usage;
  std::optional<opened> db = open_database(o.database, false, false, sink);
  if (!db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  std::unique_ptr<source::source_manager> kept;
  std::optional<driver::migration_setup> m =
      driver::prepare_migration(o.files, db->db ? &*db->db : nullptr, o.database, *opts, sink, &kept);
  if (!m) {
    print_diagnostics(kept.get(), sink);
    return exit_code::usage;
  }
  print_diagnostics(m->sources.get(), sink);
  if (m->plan.empty()) {
    std::cout << fmt::format("'{}' is in sync with the schema\n", o.database);
    return exit_code::ok;
  }
  std::cout << fmt::format("'{}' is out of sync: {} pending step(s)\n", o.database, m->plan.steps.size());
  for (const plan::step& s : m->plan.steps) std::cout << "  " << marker(s.kind) << " " << s.description << "\n";
  return exit_code::errors;
}

int run_apply(const apply_command_options& o) {
  diag::sink sink;
  std::optional<driver::options> opts = driver_options(o.warnings, false);
  if (!opts) return exit_code::usage;
  std::optional<opened> db = open_database(o.database, !o.dry_run, !o.dry_run, sink);
  if (!db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  std::unique_ptr<source::source_manager> kept;
  std::optional<driver::migration_setup> m =
      driver::prepare_migration(o.files, db->db ? &*db->db : nullptr, o.database, *opts, sink, &kept);
  if (!m) {
    print_diagnostics(kept.get(), sink);
    return has_io_error(sink) ? exit_code::usage : exit_code::errors;
  }
  const bool color = diag::use_color(STDOUT_FILENO);
  if (refuse(*m, o.allow_destructive, sink)) {
    print_diagnostics(m->sources.get(), sink);
    std::cout << plan_text(*m, o.database, color);
    return exit_code::errors;
  }
  print_diagnostics(m->sources.get(), sink);
  if (o.dry_run || m->plan.empty()) {
    std::cout << plan_text(*m, o.database, color);
    return exit_code::ok;
  }
  if (!o.backup.empty()) {
    if (rt::result<void> b = rt::backup(*db->db, o.backup); !b) {
      std::cerr << fmt::format("migc: error: cannot back up to '{}': {}\n", o.backup, b.error().message);
      return exit_code::usage;
    }
  }
  rt::migration run = to_migration(*m);
  rt::apply_options options;
  options.busy_timeout = std::chrono::milliseconds(o.busy_timeout_ms);
  const bool tty = isatty(STDERR_FILENO) != 0;
  if (tty) {
    options.progress = [&](std::size_t index, std::size_t total, double seconds) {
      std::cerr << fmt::format("\r[{}/{}] {}{}\033[K", index + 1, total, run.descriptions[index],
                               seconds > 0 ? fmt::format(" ({:.0f} s)", seconds) : std::string());
      std::cerr.flush();
    };
  }
  rt::result<rt::apply_outcome> done = rt::apply(*db->db, run, options);
  if (tty) std::cerr << "\r\033[K";
  if (!done) {
    sink.error(diag::code::E0703, {},
               fmt::format("migration of '{}' rolled back: {}", o.database, done.error().message));
    print_diagnostics(m->sources.get(), sink);
    return exit_code::errors;
  }
  std::cout << fmt::format("applied {} step(s) to '{}' in {} ms (history id {})\n", m->plan.steps.size(), o.database,
                           done->duration.count(), done->history_id);
  return exit_code::ok;
}

int run_log(const std::string& database) {
  diag::sink sink;
  std::optional<opened> db = open_database(database, false, false, sink);
  if (!db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  if (!db->db) {
    std::cout << fmt::format("'{}' does not exist: no history\n", database);
    return exit_code::ok;
  }
  rt::result<std::vector<rt::history_row>> rows = rt::read_history(*db->db);
  if (!rows) {
    std::cerr << "migc: error: " << rows.error().message << "\n";
    return exit_code::usage;
  }
  if (rows->empty()) std::cout << fmt::format("'{}' has no migc history\n", database);
  for (const rt::history_row& h : *rows) {
    std::cout << fmt::format("#{} {} UTC  migc {}  schema {}  {} ms  {}\n", h.id, h.applied_at, h.version,
                             h.schema_hash, h.duration_ms, h.outcome);
  }
  return exit_code::ok;
}

int run_schema(const std::string& database, const std::string& output) {
  diag::sink sink;
  std::optional<opened> db = open_database(database, false, false, sink);
  if (!db) {
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  if (!db->db) {
    sink.error(diag::code::E0701, {}, fmt::format("'{}' does not exist", database));
    print_diagnostics(nullptr, sink);
    return exit_code::usage;
  }
  source::source_manager sources;
  std::optional<driver::compilation> live = driver::compile_live(sources, &*db->db, database, sink);
  if (!live) {
    print_diagnostics(&sources, sink);
    return exit_code::errors;
  }
  std::string out = fmt::format("-- schema of {} read by migc {}\n", database, MIGC_VERSION);
  std::string ddl = driver::ordered_ddl(*live);
  if (!ddl.empty()) out += "\n" + ddl;
  return write_output(output, out);
}

}  // namespace migc::tool
