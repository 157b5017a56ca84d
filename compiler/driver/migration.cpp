// The live schema compiled, and compilations printed as ordered DDL.
#include "compiler/driver/migration.hpp"

#include <fmt/format.h>

#include "compiler/backend/sql/printer.hpp"
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

}  // namespace migc::driver
