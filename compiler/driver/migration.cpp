// The migration pipeline: compile both sides, diff, plan, preflight.
#include "compiler/driver/migration.hpp"

#include <fmt/format.h>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/diff/diff.hpp"
#include "compiler/introspect/introspect.hpp"

namespace migc::driver {

std::string ordered_ddl(const compilation& c) {
  std::string out;
  for (std::uint32_t position : c.order) {
    if (!out.empty()) out += "\n";
    out += backend::sql::print_statement(*c.catalog.at(position).statement);
    out += ";\n";
  }
  return out;
}

std::string fingerprint(std::string_view text) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

std::optional<compilation> compile_live(source::source_manager& sources, rt::connection* db, const std::string& db_name,
                                        diag::sink& sink) {
  std::string live_text;
  if (db != nullptr) {
    rt::result<introspect::live_source> live = introspect::read(*db);
    if (!live) {
      sink.error(diag::code::E0701, {},
                 fmt::format("cannot read the schema of '{}': {}", db_name, live.error().message));
      return std::nullopt;
    }
    live_text = std::move(live->text);
  }
  source::file_id live_id = sources.add(db_name, std::move(live_text));
  // The live schema is what it is: its warnings are not the user's to fix
  // here, and SQLite accepted it, so only a misreading is an error.
  options live_opts;
  live_opts.warnings.disabled.assign(diag::all_codes().begin(), diag::all_codes().end());
  diag::sink live_sink;
  compilation c = compile(sources, std::span(&live_id, 1), live_opts, live_sink);
  if (!c.passes_ran) {
    for (const diag::diagnostic& d : live_sink.all()) {
      if (d.level != diag::severity::error) continue;
      diag::diagnostic copy = d;
      copy.id = diag::code::E0401;
      copy.message = "migc cannot read the live schema: " + d.message;
      sink.report(std::move(copy));
    }
    return std::nullopt;
  }
  if (db != nullptr) {
    diag::sink cross;
    if (!introspect::cross_check(c.catalog, *db, cross) || cross.has_errors()) {
      for (const diag::diagnostic& d : cross.all()) sink.report(d);
      if (!cross.has_errors())
        sink.error(diag::code::E0701, {}, fmt::format("cannot read the pragmas of '{}'", db_name));
      return std::nullopt;
    }
  }
  return c;
}

namespace {

std::optional<migration_setup> prepare(const std::vector<std::string>& files, rt::connection* db,
                                       const std::string& db_name, const options& opts, diag::sink& sink,
                                       migration_setup& m) {
  std::vector<source::file_id> ids;
  for (const std::string& path : files) {
    std::string why;
    if (auto id = m.sources->add_file(path, &why)) {
      ids.push_back(*id);
    } else {
      sink.error(diag::code::E0190, {}, fmt::format("cannot read '{}': {}", path == "-" ? "<stdin>" : path, why));
    }
  }
  if (sink.has_errors()) return std::nullopt;
  m.desired = compile(*m.sources, ids, opts, sink);
  if (sink.has_errors() || !m.desired.passes_ran) return std::nullopt;
  m.schema_hash = fingerprint(ordered_ddl(m.desired));

  std::optional<compilation> live = compile_live(*m.sources, db, db_name, sink);
  if (!live) return std::nullopt;
  m.live = std::move(*live);

  diff::rename_hints hints = diff::read_rename_hints(*m.sources, m.desired.scripts, m.desired.catalog);
  m.diff = diff::compare(m.live.catalog, m.desired.catalog, hints, sink);
  m.plan = plan::make_plan(m.live.catalog, m.desired.catalog, m.desired.order, m.diff);
  if (db != nullptr) {
    rt::result<std::vector<plan::check_result>> found = plan::preflight(m.plan, *db);
    if (!found) {
      sink.error(diag::code::E0701, {}, fmt::format("preflight query failed: {}", rt::to_string(found.error())));
      return std::nullopt;
    }
    m.problems = std::move(*found);
  }
  return std::move(m);
}

}  // namespace

std::optional<migration_setup> prepare_migration(const std::vector<std::string>& files, rt::connection* db,
                                                 const std::string& db_name, const options& opts, diag::sink& sink,
                                                 std::unique_ptr<source::source_manager>* kept_sources) {
  migration_setup m;
  std::optional<migration_setup> result = prepare(files, db, db_name, opts, sink, m);
  if (!result && kept_sources != nullptr) *kept_sources = std::move(m.sources);
  return result;
}

}  // namespace migc::driver
