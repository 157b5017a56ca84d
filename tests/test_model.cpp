// Normalized models: a schema, its canonical printout loaded into SQLite
// and read back, and equivalent spellings all give equal models; different
// meanings give different ones.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/introspect/introspect.hpp"
#include "compiler/normalize/model.hpp"

namespace {

namespace fs = std::filesystem;

// Every object's model as text, by folded name.
struct models {
  std::map<std::string, migc::normalize::table_model> tables;
  std::map<std::string, migc::normalize::definition_model> others;
  std::string printed;  // compile's output: objects in creation order
};

models compile(const std::string& sql) {
  migc::source::source_manager sources;
  migc::source::file_id id = sources.add("m.sql", sql);
  migc::diag::sink sink;
  migc::driver::options opts;
  opts.warnings.disabled.assign(migc::diag::all_codes().begin(), migc::diag::all_codes().end());
  migc::driver::compilation c = migc::driver::compile(sources, std::span(&id, 1), opts, sink);
  for (const auto& d : sink.all()) FAIL_CHECK(migc::diag::code_name(d.id) << " " << d.message);
  models m;
  const migc::normalize::naming names(c.catalog);
  for (const auto& o : c.catalog.objects()) {
    if (o.kind == migc::catalog::object_kind::table && o.columns_known) {
      m.tables.emplace(o.key, migc::normalize::model_table(o, names));
    } else {
      m.others.emplace(o.key, migc::normalize::model_definition(o, names));
    }
  }
  for (std::uint32_t p : c.order) m.printed += migc::backend::sql::print_statement(*c.catalog.at(p).statement) + ";\n";
  return m;
}

models through_sqlite(const std::string& sql) {
  auto db = migc::rt::connection::open(":memory:");
  REQUIRE(db.ok());
  auto r = db->exec(sql);
  REQUIRE(r.ok());
  auto live = migc::introspect::read(*db);
  REQUIRE(live.ok());
  return compile(live->text);
}

void require_equal(const models& a, const models& b) {
  REQUIRE(a.tables.size() == b.tables.size());
  REQUIRE(a.others.size() == b.others.size());
  for (const auto& [key, t] : a.tables) {
    INFO("table " << key);
    REQUIRE(b.tables.count(key) == 1);
    const auto& u = b.tables.at(key);
    CHECK(t.columns == u.columns);
    CHECK(t.primary_key == u.primary_key);
    CHECK(t.uniques == u.uniques);
    CHECK(t.checks == u.checks);
    CHECK(t.foreign_keys == u.foreign_keys);
    CHECK(t == u);
  }
  for (const auto& [key, d] : a.others) {
    INFO("object " << key);
    REQUIRE(b.others.count(key) == 1);
    CHECK(d.text == b.others.at(key).text);
  }
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("a schema and its printout read back from SQLite have equal models", "[model]") {
  const fs::path root(MIGC_FIXTURES_DIR);
  // The demo is one schema in several files; each grammar schema_ file is one.
  std::vector<std::pair<std::string, std::string>> schemas;
  std::vector<fs::path> demo;
  for (const auto& e : fs::directory_iterator(root / "demo")) {
    if (e.path().extension() == ".sql") demo.push_back(e.path());
  }
  std::sort(demo.begin(), demo.end());
  std::string demo_text;
  for (const fs::path& p : demo) demo_text += read_file(p);
  schemas.emplace_back("demo", demo_text);
  for (const auto& e : fs::directory_iterator(root / "grammar")) {
    if (e.path().filename().string().starts_with("schema_")) {
      schemas.emplace_back(e.path().filename().string(), read_file(e.path()));
    }
  }
  for (const auto& [name, text] : schemas) {
    DYNAMIC_SECTION(name) {
      models source = compile(text);
      require_equal(source, through_sqlite(text));
      require_equal(source, through_sqlite(source.printed));
    }
  }
}

namespace {
// The parent the foreign keys of the cases below refer to.
const std::string parent = "CREATE TABLE p (x INTEGER PRIMARY KEY);";
}  // namespace

TEST_CASE("equivalent spellings of a table have equal models", "[model]") {
  const std::pair<const char*, const char*> same[] = {
      {"CREATE TABLE t (a INTEGER DEFAULT 0)", "create table T (A integer default (0))"},
      {"CREATE TABLE t (a TEXT DEFAULT 'x' COLLATE NOCASE NOT NULL)",
       "CREATE TABLE t (a text not null collate nocase default ('x'))"},
      {"CREATE TABLE t (id INTEGER PRIMARY KEY, b UNIQUE)",
       "CREATE TABLE t (id INTEGER, b, PRIMARY KEY (id), UNIQUE (b))"},
      {"CREATE TABLE t (a INTEGER DEFAULT -1)", "CREATE TABLE t (a INTEGER DEFAULT (-1))"},
      {"CREATE TABLE t (a, CHECK (a > 0), CHECK (a < 9))", "CREATE TABLE t (a CHECK ((a < 9)), CHECK (a>0))"},
      {"CREATE TABLE t (a REFERENCES p (x) ON DELETE CASCADE ON UPDATE NO ACTION)",
       "CREATE TABLE t (a, FOREIGN KEY (a) REFERENCES p (x) ON DELETE CASCADE MATCH simple)"},
      {"CREATE TABLE t (a REFERENCES p (x) DEFERRABLE INITIALLY DEFERRED)",
       "CREATE TABLE t (a, FOREIGN KEY (A) REFERENCES P (X) DEFERRABLE INITIALLY DEFERRED)"},
      {"CREATE TABLE t (a REFERENCES p (x) NOT DEFERRABLE)", "CREATE TABLE t (a REFERENCES p (x))"},
      {"CREATE TABLE t (a DEFAULT true, b DEFAULT abc)", "CREATE TABLE t (a DEFAULT 1, b DEFAULT 'abc')"},
  };
  for (const auto& [a, b] : same) {
    INFO(a << "  vs  " << b);
    require_equal(compile(parent + a), compile(parent + b));
  }
}

TEST_CASE("different tables have different models", "[model]") {
  const std::pair<const char*, const char*> different[] = {
      {"CREATE TABLE t (a INTEGER)", "CREATE TABLE t (a INT)"},
      {"CREATE TABLE t (a, b)", "CREATE TABLE t (b, a)"},
      {"CREATE TABLE t (a DEFAULT 0)", "CREATE TABLE t (a DEFAULT '0')"},
      {"CREATE TABLE t (id INTEGER PRIMARY KEY DESC)", "CREATE TABLE t (id INTEGER, PRIMARY KEY (id DESC))"},
      {"CREATE TABLE t (a REFERENCES p (x) ON DELETE CASCADE)", "CREATE TABLE t (a REFERENCES p (x))"},
      {"CREATE TABLE t (a REFERENCES p (x) DEFERRABLE INITIALLY DEFERRED)", "CREATE TABLE t (a REFERENCES p (x))"},
      {"CREATE TABLE t (a NOT NULL)", "CREATE TABLE t (a NOT NULL ON CONFLICT IGNORE)"},
      {"CREATE TABLE t (a AS (1) STORED, b)", "CREATE TABLE t (a AS (1), b)"},
      {"CREATE TABLE t (a PRIMARY KEY) WITHOUT ROWID", "CREATE TABLE t (a PRIMARY KEY)"},
      {"CREATE TABLE t (a ANY) STRICT", "CREATE TABLE t (a ANY)"},
      {"CREATE TABLE t (a CONSTRAINT positive CHECK (a > 0))", "CREATE TABLE t (a CHECK (a > 0))"},
  };
  for (const auto& [a, b] : different) {
    INFO(a << "  vs  " << b);
    models x = compile(parent + a);
    models y = compile(parent + b);
    REQUIRE(x.tables.count("t") == 1);
    REQUIRE(y.tables.count("t") == 1);
    CHECK_FALSE(x.tables.at("t") == y.tables.at("t"));
  }
}
