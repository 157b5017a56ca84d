// Introspection: a schema loaded into SQLite, read back from sqlite_schema
// and compiled by migc, agrees with SQLite's pragmas and leaves out SQLite's
// and migc's internal objects.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/driver/driver.hpp"
#include "compiler/introspect/introspect.hpp"

namespace {

namespace fs = std::filesystem;

struct live_result {
  migc::introspect::live_source source;
  std::vector<std::string> names;  // catalog objects, in order
  std::vector<std::string> errors;
};

live_result introspect(const std::string& schema) {
  auto db = migc::rt::connection::open(":memory:");
  REQUIRE(db.ok());
  auto loaded = db->exec(schema);
  std::string why = loaded.ok() ? std::string() : migc::rt::to_string(loaded.error());
  INFO(why);
  REQUIRE(loaded.ok());
  live_result out;
  auto src = migc::introspect::read(*db);
  REQUIRE(src.ok());
  out.source = *src;
  migc::source::source_manager sources;
  migc::source::file_id id = sources.add("live", out.source.text);
  migc::diag::sink sink;
  migc::driver::options opts;
  opts.warnings.disabled.assign(migc::diag::all_codes().begin(), migc::diag::all_codes().end());
  migc::driver::compilation c = migc::driver::compile(sources, std::span(&id, 1), opts, sink);
  REQUIRE(migc::introspect::cross_check(c.catalog, *db, sink));
  for (const auto& d : sink.all()) {
    if (d.level == migc::diag::severity::error)
      out.errors.push_back(std::string(migc::diag::code_name(d.id)) + " " + d.message);
  }
  for (const auto& o : c.catalog.objects()) out.names.push_back(o.name);
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("internal objects are left out of the live schema", "[introspect]") {
  live_result r = introspect(
      "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT UNIQUE);"
      "INSERT INTO t (body) VALUES ('x');"
      "CREATE VIRTUAL TABLE docs USING fts5 (title, body);"
      "CREATE TABLE _migc_history (id INTEGER PRIMARY KEY);"
      "CREATE INDEX t_body ON t (body);"
      "ANALYZE;");
  CHECK(r.errors.empty());
  CHECK(r.names == std::vector<std::string>{"t", "docs", "t_body"});
  auto has = [&](const std::string& n) {
    return std::find(r.source.internal.begin(), r.source.internal.end(), n) != r.source.internal.end();
  };
  CHECK(has("sqlite_sequence"));
  CHECK(has("sqlite_stat1"));
  CHECK(has("sqlite_autoindex_t_1"));
  CHECK(has("docs_data"));
  CHECK(has("_migc_history"));
}

TEST_CASE("what migc reads agrees with SQLite's pragmas", "[introspect]") {
  live_result r = introspect(
      "CREATE TABLE \"odd \"\"name\" (a VARCHAR( 255 ) NOT NULL, b unsigned   big int, c INTEGER GENERATED ALWAYS AS "
      "(b + 1) STORED, d \"my type\", PRIMARY KEY (b));"
      "CREATE TABLE w (x TEXT, y INT, z ANY, PRIMARY KEY (x, y)) STRICT, WITHOUT ROWID;"
      "CREATE TABLE r (id INTEGER PRIMARY KEY, p INTEGER REFERENCES r (id), q, FOREIGN KEY (q, id) REFERENCES w);"
      "CREATE INDEX r_expr ON r (lower(q), p DESC) WHERE p IS NOT NULL;"
      "CREATE VIEW v (a, b) AS SELECT id, q FROM r;"
      "CREATE TRIGGER r_after AFTER INSERT ON r BEGIN UPDATE r SET q = NEW.id WHERE id = NEW.id; END;"
      "ALTER TABLE r ADD COLUMN added TEXT DEFAULT 'x';"
      "ALTER TABLE r RENAME COLUMN q TO qq;");
  INFO(r.source.text);
  for (const std::string& e : r.errors) FAIL_CHECK(e);
  CHECK(r.names.size() == 6);
}

TEST_CASE("the shipped schemas survive a trip through SQLite", "[introspect]") {
  const fs::path root(MIGC_FIXTURES_DIR);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root / "demo")) {
    if (e.path().extension() == ".sql") files.push_back(e.path());  // the folder also holds a Meson example
  }
  std::sort(files.begin(), files.end());
  std::string demo;
  for (const fs::path& p : files) demo += read_file(p);
  live_result r = introspect(demo);
  for (const std::string& e : r.errors) FAIL_CHECK(e);
  CHECK(r.names.size() >= 10);

  for (const auto& e : fs::directory_iterator(root / "grammar")) {
    if (!e.path().filename().string().starts_with("schema_")) continue;
    DYNAMIC_SECTION(e.path().filename().string()) {
      live_result g = introspect(read_file(e.path()));
      for (const std::string& err : g.errors) FAIL_CHECK(err);
    }
  }
}
