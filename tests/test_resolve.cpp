// The resolve pass's results that fixtures cannot show: foreign-key parents
// and parent columns, view columns and affinities, dependency edges, and
// schemas large enough to expose quadratic scans or deep recursion.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "compiler/driver/driver.hpp"

namespace {

using migc::catalog::affinity;
using migc::catalog::dependency_kind;

struct compiled {
  migc::source::source_manager sources;
  migc::diag::sink sink;
  migc::driver::compilation c;
};

std::unique_ptr<compiled> compile(std::string sql) {
  auto out = std::make_unique<compiled>();
  std::vector<migc::source::file_id> ids{out->sources.add("test.sql", std::move(sql))};
  out->c = migc::driver::compile(out->sources, ids, {}, out->sink);
  return out;
}

const migc::catalog::object& find(const compiled& r, const std::string& name) {
  const migc::catalog::object* o = r.c.catalog.find(name);
  if (o == nullptr) o = r.c.catalog.find_trigger(name);
  REQUIRE(o != nullptr);
  return *o;
}

bool has_edge(const migc::catalog::object& o, const migc::catalog::object& to, dependency_kind kind) {
  for (const auto& d : o.dependencies) {
    if (d.object == to.position && d.kind == kind) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("foreign keys get their parent and its key columns", "[resolve]") {
  auto r = compile(
      "CREATE TABLE p (a TEXT NOT NULL, b TEXT NOT NULL, id INTEGER PRIMARY KEY, UNIQUE (b, a));\n"
      "CREATE TABLE c (id INTEGER PRIMARY KEY, x TEXT, y TEXT, pid INTEGER REFERENCES p,\n"
      "  FOREIGN KEY (x, y) REFERENCES p (a, b));\n"
      "CREATE TABLE s (id INTEGER PRIMARY KEY, up INTEGER REFERENCES s);\n");
  REQUIRE_FALSE(r->sink.has_errors());
  const auto& p = find(*r, "p");
  const auto& c = find(*r, "c");
  REQUIRE(c.foreign_keys.size() == 2);
  CHECK(c.foreign_keys[0].parent == p.position);
  CHECK(c.foreign_keys[0].parent_columns == std::vector<std::uint32_t>{2});
  CHECK(c.foreign_keys[1].parent_columns == std::vector<std::uint32_t>{0, 1});
  CHECK(has_edge(c, p, dependency_kind::foreign_key));
  CHECK(c.dependencies.size() == 1);  // one edge per (object, kind)
  const auto& s = find(*r, "s");
  CHECK(s.foreign_keys[0].parent == s.position);
  CHECK(s.dependencies.empty());  // no edge for a self-reference
}

TEST_CASE("views get named, typed columns and reads edges", "[resolve]") {
  auto r = compile(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, price REAL);\n"
      "CREATE VIEW v AS SELECT id, name AS n, price * 2, CAST(id AS TEXT), id FROM t;\n"
      "CREATE VIEW w (a, b) AS SELECT n, id FROM v;\n"
      "CREATE TABLE copy AS SELECT * FROM w;\n"
      "CREATE INDEX t_name ON t (name);\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO copy (a) VALUES (new.name); END;\n");
  REQUIRE_FALSE(r->sink.has_errors());
  const auto& v = find(*r, "v");
  REQUIRE(v.columns_known);
  REQUIRE(v.columns.size() == 5);
  CHECK(v.columns[0].name == "id");
  CHECK(v.columns[1].name == "n");
  CHECK(v.columns[2].name == "price * 2");
  CHECK(v.columns[4].name == "id:1");
  CHECK(v.columns[0].aff == affinity::integer);
  CHECK(v.columns[1].aff == affinity::text);
  CHECK(v.columns[3].aff == affinity::text);
  const auto& w = find(*r, "w");
  REQUIRE(w.columns.size() == 2);
  CHECK(w.columns[0].name == "a");
  CHECK(w.columns[0].aff == affinity::text);
  CHECK(has_edge(w, v, dependency_kind::reads));
  const auto& copy = find(*r, "copy");
  REQUIRE(copy.columns_known);
  REQUIRE(copy.columns.size() == 2);
  CHECK(copy.columns[0].type == "TEXT");
  CHECK(copy.columns[1].type == "INT");
  const auto& t = find(*r, "t");
  const auto& idx = find(*r, "t_name");
  CHECK(idx.target == t.position);
  CHECK(has_edge(idx, t, dependency_kind::target));
  const auto& tr = find(*r, "tr");
  CHECK(tr.target == t.position);
  CHECK(has_edge(tr, t, dependency_kind::target));
  CHECK(has_edge(tr, copy, dependency_kind::reads));
}

TEST_CASE("views of unknown virtual tables keep their columns unknown", "[resolve]") {
  auto r = compile(
      "CREATE VIRTUAL TABLE ext USING some_module (x, y);\n"
      "CREATE VIEW v AS SELECT anything, ext.whatever FROM ext;\n"
      "CREATE VIEW w AS SELECT * FROM ext;\n"
      "CREATE VIEW z AS SELECT whatever, still_fine FROM v, w;\n");
  CHECK_FALSE(r->sink.has_errors());
  // v names its columns; w's star cannot be expanded.
  CHECK(find(*r, "v").columns_known);
  CHECK(find(*r, "v").columns.size() == 2);
  CHECK_FALSE(find(*r, "w").columns_known);
}

TEST_CASE("resolve is linear on large schemas and long chains of views", "[resolve][scale]") {
  std::string sql;
  const int n = 10000;
  for (int i = 0; i < n; ++i) {
    std::string t = "t" + std::to_string(i);
    sql += "CREATE TABLE " + t + " (id INTEGER PRIMARY KEY, name TEXT, up INTEGER REFERENCES " + t + ");\n";
    sql += "CREATE INDEX " + t + "_up ON " + t + " (up);\n";
    // Each view reads the previous one: a chain n views long.
    std::string from = i == 0 ? t : "v" + std::to_string(i - 1);
    sql += "CREATE VIEW v" + std::to_string(i) + " AS SELECT id, name FROM " + from + " WHERE id > 0;\n";
    sql += "CREATE TRIGGER " + t + "_tr AFTER UPDATE OF name ON " + t + " BEGIN UPDATE " + t +
           " SET up = new.id WHERE id = old.id; END;\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto r = compile(std::move(sql));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_FALSE(r->sink.has_errors());
  CHECK(find(*r, "v" + std::to_string(n - 1)).columns.size() == 2);
  CHECK(seconds < 30.0);
}
