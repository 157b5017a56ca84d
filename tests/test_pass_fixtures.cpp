// Runs every schema under fixtures/passes through the whole driver (parse,
// catalog, resolve, graph, lint) and requires exactly the diagnostics its
// annotations expect, both ways. A file is one schema; a directory is one
// schema of all its .sql files, in name order. A schema without errors must
// also load into SQLite in the order compile prints it, one statement at a
// time.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/driver/driver.hpp"
#include "tests/support/expectations.hpp"
#include "tests/support/fixture.hpp"

namespace {

namespace fs = std::filesystem;
using migc::test::fixture_file;

const fs::path pass_fixtures = fs::path(MIGC_FIXTURES_DIR) / "passes";

// Every schema: a .sql file, or a directory of them.
std::vector<fs::path> schemas() {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(pass_fixtures)) {
    if (e.is_directory() || e.path().extension() == ".sql") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Loads the compiled schema into an empty database one statement at a
// time; returns the failures. Unknown collations fail in SQLite too and are
// accepted when migc warned about them (W0811).
std::vector<std::string> load_into_sqlite(const migc::driver::compilation& c, bool collation_warned) {
  std::vector<std::string> failures;
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return {"cannot open an in-memory database"};
  sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
  for (std::uint32_t position : c.order) {
    std::string sql = migc::backend::sql::print_statement(*c.catalog.at(position).statement);
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string why = message != nullptr ? message : "?";
      if (!(collation_warned && why.starts_with("no such collation sequence"))) {
        failures.push_back("SQLite rejects '" + migc::test::one_line(sql, 100) + "': " + why);
      }
    }
    sqlite3_free(message);
  }
  sqlite3_close(db);
  return failures;
}

}  // namespace

TEST_CASE("pass fixtures report exactly the diagnostics they expect", "[passes]") {
  const std::vector<fs::path> paths = schemas();
  REQUIRE_FALSE(paths.empty());
  for (const fs::path& path : paths) {
    DYNAMIC_SECTION(path.filename().string()) {
      std::vector<fs::path> files;
      if (fs::is_directory(path)) {
        files = migc::test::fixture_paths(path);
      } else {
        files.push_back(path);
      }
      migc::source::source_manager sources;
      std::vector<fixture_file> fixtures;
      std::vector<migc::source::file_id> ids;
      for (const fs::path& file : files) {
        fixtures.push_back(migc::test::load_fixture(file));
        fixture_file& f = fixtures.back();
        f.name = fs::relative(file, pass_fixtures).generic_string();
        for (const std::string& p : f.problems) FAIL_CHECK(f.name << ": " << p);
        ids.push_back(sources.add(f.name, f.text));
      }
      migc::diag::sink sink;
      const migc::driver::compilation c = migc::driver::compile(sources, ids, {}, sink);

      std::vector<std::string> failures;
      bool collation_warned = false;
      for (const migc::diag::diagnostic& d : sink.all()) {
        collation_warned = collation_warned || d.id == migc::diag::code::W0811;
        if (!d.span.valid()) failures.push_back("diagnostic without a location: " + d.message);
      }
      for (std::size_t i = 0; i < fixtures.size(); ++i) {
        std::vector<const migc::diag::diagnostic*> mine;
        for (const migc::diag::diagnostic& d : sink.all()) {
          if (d.span.file == ids[i]) mine.push_back(&d);
        }
        for (std::string& m : migc::test::match_expectations(fixtures[i], sources, ids[i], mine)) {
          failures.push_back(std::move(m));
        }
      }
      if (!sink.has_errors()) {
        CHECK(c.passes_ran);
        for (std::string& m : load_into_sqlite(c, collation_warned))
          failures.push_back(path.filename().string() + ": " + m);
      }
      for (const std::string& m : failures) std::cout << m << "\n";
      INFO(path.filename().string() << ": " << failures.size() << " mismatches (listed above)");
      CHECK(failures.empty());
    }
  }
}
