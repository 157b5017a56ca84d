// The binding model the C++ and F# back ends print from: type mapping by
// SQLite's affinity rules, NULL, defaults and read-only columns, keys and
// foreign keys, view column types through views, file order, naming, and
// the errors code generation reports.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/backend/model/model.hpp"
#include "compiler/backend/model/naming.hpp"
#include "compiler/driver/driver.hpp"

namespace {

namespace model = migc::backend::model;
namespace naming = migc::backend::naming;
using model::value_type;

struct built {
  migc::source::source_manager sources;
  migc::diag::sink sink;
  migc::driver::compilation c;
  model::model m;
};

// Compiles the files (name, text) as one schema and builds the model.
std::unique_ptr<built> build(std::vector<std::pair<std::string, std::string>> files,
                             std::vector<std::string> exclude = {}) {
  auto out = std::make_unique<built>();
  std::vector<migc::source::file_id> ids;
  for (auto& [name, text] : files) ids.push_back(out->sources.add(name, std::move(text)));
  migc::driver::options opts;
  opts.warnings.disabled.assign(migc::diag::all_codes().begin(), migc::diag::all_codes().end());
  out->c = migc::driver::compile(out->sources, ids, opts, out->sink);
  std::string messages;
  for (const auto& d : out->sink.all()) messages += d.message + "\n";
  INFO(messages);
  REQUIRE_FALSE(out->sink.has_errors());
  model::options mo;
  mo.exclude = std::move(exclude);
  out->m = model::build(out->c, out->sources, mo, out->sink);
  return out;
}

std::unique_ptr<built> build(std::string sql) { return build({{"schema/test.sql", std::move(sql)}}); }

const model::relation& find(const built& b, std::string_view name) {
  for (const model::relation& r : b.m.relations) {
    if (r.name == name) return r;
  }
  FAIL("no relation " << name);
  throw;  // unreachable
}

const model::field& field(const model::relation& r, std::string_view name) {
  for (const model::field& f : r.fields) {
    if (f.name == name) return f;
  }
  FAIL("no field " << name);
  throw;  // unreachable
}

bool has_code(const migc::diag::sink& sink, migc::diag::code c) {
  for (const auto& d : sink.all()) {
    if (d.id == c) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("declared types map by SQLite's affinity rules", "[bindings]") {
  struct row {
    const char* type;
    value_type expected;
  };
  const row rows[] = {
      {"INTEGER", value_type::integer},
      {"INT", value_type::integer},
      {"UNSIGNED BIG INT", value_type::integer},
      {"BIGINT", value_type::integer},
      {"POINT", value_type::integer},  // contains "INT", as SQLite reads it
      {"TINYINT(1)", value_type::integer},
      {"VARCHAR(255)", value_type::text},
      {"NCHAR(55)", value_type::text},
      {"CLOB", value_type::text},
      {"TEXT", value_type::text},
      {"BLOB", value_type::blob},
      {"", value_type::any},
      {"ANY", value_type::any},
      {"REAL", value_type::real},
      {"DOUBLE PRECISION", value_type::real},
      {"FLOAT", value_type::real},
      {"BOOLEAN", value_type::boolean},
      {"bool", value_type::boolean},
      {"DATE", value_type::date_time},
      {"DATETIME", value_type::date_time},
      {"TIMESTAMP", value_type::date_time},
      {"NUMERIC", value_type::numeric},
      {"DECIMAL(10,2)", value_type::numeric},
      {"STRINGY", value_type::numeric},  // no rule matches: NUMERIC affinity
      {"CHARINT", value_type::integer},  // "INT" wins over "CHAR": rule 1 comes first
  };
  for (const row& r : rows) {
    INFO(r.type);
    CHECK(model::map_type(r.type) == r.expected);
  }
}

TEST_CASE("columns carry NULL, defaults, keys and read-only flags", "[bindings]") {
  auto b = build(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, n INT DEFAULT 3,\n"
      "  twice INT GENERATED ALWAYS AS (n * 2), code TEXT UNIQUE, a INT, b INT, UNIQUE (b, a), UNIQUE (a, b));\n"
      "CREATE TABLE k (x TEXT, y TEXT NOT NULL, PRIMARY KEY (x, y)) WITHOUT ROWID;\n"
      "CREATE TABLE q (x TEXT PRIMARY KEY);\n");
  const auto& t = find(*b, "t");
  CHECK(t.kind == model::relation_kind::table);
  CHECK(t.has_rowid);
  const auto& id = field(t, "id");
  CHECK(id.rowid_alias);
  CHECK_FALSE(id.nullable);
  CHECK(id.has_default);
  CHECK_FALSE(field(t, "name").nullable);
  CHECK_FALSE(field(t, "name").has_default);
  CHECK(field(t, "note").nullable);
  CHECK(field(t, "n").has_default);
  CHECK(field(t, "twice").read_only);
  REQUIRE(t.primary_key);
  CHECK(t.primary_key->fields == std::vector<std::uint32_t>{0});
  // UNIQUE (code), UNIQUE (b, a); UNIQUE (a, b) is the same key.
  REQUIRE(t.unique_keys.size() == 2);
  CHECK(t.unique_keys[0].fields == std::vector<std::uint32_t>{5});
  // A PRIMARY KEY column of a rowid table that is not the rowid alias
  // accepts NULL (SQLite's legacy quirk); WITHOUT ROWID makes it NOT NULL.
  CHECK(field(find(*b, "q"), "x").nullable);
  const auto& k = find(*b, "k");
  CHECK_FALSE(k.has_rowid);
  CHECK_FALSE(field(k, "x").nullable);
}

TEST_CASE("view columns take their origin's type and NOT NULL when no NULL can appear", "[bindings]") {
  auto b = build(
      "CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT NOT NULL, born DATE);\n"
      "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL REFERENCES p, label VARCHAR(9) NOT NULL);\n"
      "CREATE VIEW v AS SELECT id, (name) AS n, born, upper(name) AS loud FROM p;\n"
      "CREATE VIEW w AS SELECT * FROM v;\n"
      "CREATE VIEW j AS SELECT p.name, c.label FROM p LEFT JOIN c ON c.pid = p.id;\n"
      "CREATE VIEW u AS SELECT name FROM p UNION ALL SELECT label FROM c;\n"
      "CREATE VIEW s AS SELECT x.name FROM (SELECT name FROM p) AS x;\n"
      "CREATE VIEW l (a, b) AS SELECT id, name FROM p;\n");
  const auto& v = find(*b, "v");
  CHECK(v.kind == model::relation_kind::view);
  CHECK(v.read_only());
  CHECK_FALSE(v.has_rowid);
  CHECK(field(v, "id").type == value_type::integer);
  CHECK_FALSE(field(v, "id").nullable);
  CHECK(field(v, "n").declared_type == "TEXT");
  CHECK_FALSE(field(v, "n").nullable);
  CHECK(field(v, "born").type == value_type::date_time);
  CHECK(field(v, "born").nullable);
  CHECK(field(v, "loud").type == value_type::any);
  CHECK(field(v, "loud").nullable);
  CHECK(field(v, "id").read_only);
  const auto& w = find(*b, "w");
  CHECK(field(w, "n").type == value_type::text);
  CHECK_FALSE(field(w, "n").nullable);
  const auto& j = find(*b, "j");
  CHECK(field(j, "label").type == value_type::text);
  CHECK(field(j, "label").nullable);  // the LEFT JOIN can bring NULL
  CHECK(field(j, "name").nullable);   // conservatively, any outer join does
  CHECK(field(find(*b, "u"), "name").nullable);
  CHECK_FALSE(field(find(*b, "s"), "name").nullable);
  const auto& l = find(*b, "l");
  CHECK(field(l, "b").type == value_type::text);
  CHECK_FALSE(field(l, "b").nullable);
}

TEST_CASE("foreign keys point at relations and know whether the parent key is unique", "[bindings]") {
  auto b = build(
      "CREATE TABLE p (id INTEGER PRIMARY KEY, a TEXT, b TEXT, tag TEXT, UNIQUE (a, b));\n"
      "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INT REFERENCES p, x TEXT, y TEXT,\n"
      "  FOREIGN KEY (x, y) REFERENCES p (b, a));\n");
  const auto& c = find(*b, "c");
  REQUIRE(c.foreign_keys.size() == 2);
  CHECK(b->m.relations[c.foreign_keys[0].parent].name == "p");
  CHECK(c.foreign_keys[0].fields == std::vector<std::uint32_t>{1});
  CHECK(c.foreign_keys[0].parent_fields == std::vector<std::uint32_t>{0});
  CHECK(c.foreign_keys[0].parent_unique);
  CHECK(c.foreign_keys[1].parent_unique);  // (b, a) is UNIQUE (a, b)
  CHECK(c.foreign_keys[1].parent_fields == std::vector<std::uint32_t>{2, 1});
}

TEST_CASE("files are ordered after the files their foreign keys need", "[bindings]") {
  auto b = build({{"a/orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, cid INT REFERENCES customers);"},
                  {"b/customers.sql", "CREATE TABLE customers (id INTEGER PRIMARY KEY);"},
                  {"c/notes.txt.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY);"}});
  REQUIRE(b->m.files.size() == 3);
  CHECK(b->m.files[0].stem == "orders");
  CHECK(b->m.files[0].name == "orders.sql");
  CHECK(b->m.files[0].path == "a/orders.sql");
  CHECK(b->m.files[2].stem == "notes.txt");
  CHECK(b->m.file_order == std::vector<std::uint32_t>{1, 0, 2});
  REQUIRE(b->m.files[1].relations.size() == 1);
  CHECK(b->m.relations[b->m.files[1].relations[0]].name == "customers");

  auto cyc = build({{"x.sql", "CREATE TABLE x (id INTEGER PRIMARY KEY, y INT REFERENCES y);"},
                    {"y.sql", "CREATE TABLE y (id INTEGER PRIMARY KEY, x INT REFERENCES x);"}});
  CHECK(cyc->m.file_order.empty());
}

TEST_CASE("virtual tables: known modules give fields, unknown ones an error unless excluded", "[bindings]") {
  auto b = build(
      "CREATE VIRTUAL TABLE docs USING fts5(title, body);\n"
      "CREATE VIRTUAL TABLE box USING rtree(id, minx, maxx);\n"
      "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
  const auto& docs = find(*b, "docs");
  REQUIRE(docs.fields.size() == 2);  // the hidden columns are not fields
  CHECK(docs.fields[0].type == value_type::text);
  const auto& box = find(*b, "box");
  CHECK(field(box, "id").type == value_type::integer);
  CHECK(field(box, "minx").type == value_type::real);
  CHECK_FALSE(field(box, "minx").nullable);

  migc::source::source_manager sources;
  migc::diag::sink sink;
  std::vector<migc::source::file_id> ids{
      sources.add("v.sql", "CREATE VIRTUAL TABLE m USING mymodule(a, b);\nCREATE TABLE t (id INTEGER PRIMARY KEY);\n")};
  auto c = migc::driver::compile(sources, ids, {}, sink);
  REQUIRE_FALSE(sink.has_errors());
  (void)model::build(c, sources, {}, sink);
  CHECK(has_code(sink, migc::diag::code::E0601));

  migc::diag::sink excluded;
  model::options mo;
  mo.exclude = {"M"};
  auto m = model::build(c, sources, mo, excluded);
  CHECK_FALSE(excluded.has_errors());
  REQUIRE(m.relations.size() == 1);
  CHECK(m.relations[0].name == "t");

  migc::diag::sink unknown;
  mo.exclude = {"nope"};
  (void)model::build(c, sources, mo, unknown);
  CHECK(has_code(unknown, migc::diag::code::E0602));
}

TEST_CASE("excluding a parent drops the foreign keys to it", "[bindings]") {
  auto b = build({{"s.sql",
                   "CREATE TABLE p (id INTEGER PRIMARY KEY);\n"
                   "CREATE TABLE c (id INTEGER PRIMARY KEY, pid INT REFERENCES p);\n"}},
                 {"p"});
  REQUIRE(b->m.relations.size() == 1);
  CHECK(b->m.relations[0].foreign_keys.empty());
  CHECK(b->m.relations[0].fields.size() == 2);  // the column stays
}

TEST_CASE("names split into words and rejoin by convention", "[bindings]") {
  using V = std::vector<std::string>;
  CHECK(naming::words("order_items") == V{"order", "items"});
  CHECK(naming::words("OrderItem") == V{"order", "item"});
  CHECK(naming::words("user id") == V{"user", "id"});
  CHECK(naming::words("my \"quoted\" col") == V{"my", "quoted", "col"});
  CHECK(naming::words("HTTPStatus") == V{"httpstatus"});
  CHECK(naming::words("v2Items") == V{"v2", "items"});
  CHECK(naming::words("été") == V{"t"});  // non-ASCII letters separate words
  CHECK(naming::words("é é").empty());
  V w{"order", "items"};
  CHECK(naming::pascal_case(w) == "OrderItems");
  CHECK(naming::camel_case(w) == "orderItems");
  CHECK(naming::snake_case(w) == "order_items");
  CHECK(naming::singular("categories") == "category");
  CHECK(naming::singular("addresses") == "address");
  CHECK(naming::singular("boxes") == "box");
  CHECK(naming::singular("orders") == "order");
  CHECK(naming::singular("status") == "status");
  CHECK(naming::singular("statuses") == "status");
  CHECK(naming::singular("buses") == "bus");
  CHECK(naming::singular("warehouses") == "warehouse");
  CHECK(naming::singular("causes") == "cause");
  CHECK(naming::singular("responses") == "response");
  CHECK(naming::singular("analysis") == "analysis");
  CHECK(naming::singular("data") == "data");
  CHECK(naming::singular("class") == "class");
  CHECK(naming::singular("us") == "us");
}

TEST_CASE("a naming scope avoids keywords, leading digits and collisions", "[bindings]") {
  naming::scope cpp(naming::cpp_keywords(), "_", "_", "column");
  CHECK(cpp.claim("class") == "class_");
  CHECK(cpp.claim("order") == "order");
  CHECK(cpp.claim("order") == "order2");
  CHECK(cpp.claim("2fa") == "_2fa");
  CHECK(cpp.claim("") == "column");
  CHECK(cpp.claim("") == "column2");
  cpp.reserve("get");
  CHECK(cpp.claim("get") == "get2");
  naming::scope fs(naming::fsharp_keywords(), "_", "N", "Column");
  CHECK(fs.claim("type") == "type_");
  CHECK(fs.claim("Type") == "Type");
  CHECK(fs.claim("1st") == "N1st");
}
