// The live schema as rows: sqlite_schema and the pragmas, read through
// bound parameters so that any name works.
#include <catch2/catch.hpp>

#include "runtime/schema_rows.hpp"

namespace {

migc::rt::connection schema_db() {
  auto db = migc::rt::connection::open(":memory:");
  REQUIRE(db.ok());
  auto r = db->exec(
      "CREATE TABLE \"odd 'name\" (id INTEGER PRIMARY KEY, label TEXT NOT NULL DEFAULT 'x' COLLATE NOCASE UNIQUE,"
      " n INTEGER AS (id + 1) STORED) STRICT;"
      "CREATE TABLE child (a INTEGER REFERENCES \"odd 'name\" ON DELETE CASCADE, b, PRIMARY KEY (b DESC, a))"
      " WITHOUT ROWID;"
      "CREATE INDEX child_expr ON child (lower(b), a) WHERE a > 0;"
      "CREATE VIEW v AS SELECT id FROM \"odd 'name\";");
  REQUIRE(r.ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("sqlite_schema rows in creation order", "[runtime][schema]") {
  migc::rt::connection db = schema_db();
  auto rows = migc::rt::read_schema(db);
  REQUIRE(rows.ok());
  std::vector<std::string> names;
  for (const auto& r : *rows) names.push_back(r.type + ":" + r.name);
  // A WITHOUT ROWID table's primary key is the table itself: no index row.
  CHECK(names == std::vector<std::string>{"table:odd 'name", "index:sqlite_autoindex_odd 'name_1", "table:child",
                                          "index:child_expr", "view:v"});
  REQUIRE(rows->size() == 5);
  CHECK_FALSE((*rows)[1].sql.has_value());
  CHECK((*rows)[3].table == "child");
  REQUIRE((*rows)[4].sql.has_value());
  CHECK(*(*rows)[4].sql == "CREATE VIEW v AS SELECT id FROM \"odd 'name\"");
}

TEST_CASE("table, foreign-key and index pragmas as rows", "[runtime][schema]") {
  migc::rt::connection db = schema_db();
  auto cols = migc::rt::read_table_xinfo(db, "odd 'name");
  REQUIRE(cols.ok());
  REQUIRE(cols->size() == 3);
  CHECK((*cols)[0].pk == 1);
  CHECK((*cols)[1].not_null);
  CHECK((*cols)[1].default_value == std::optional<std::string>("'x'"));
  CHECK((*cols)[2].hidden == 3);

  auto fks = migc::rt::read_foreign_keys(db, "child");
  REQUIRE(fks.ok());
  REQUIRE(fks->size() == 1);
  CHECK((*fks)[0].table == "odd 'name");
  CHECK_FALSE((*fks)[0].to.has_value());
  CHECK((*fks)[0].on_delete == "CASCADE");

  auto indexes = migc::rt::read_index_list(db, "child");
  REQUIRE(indexes.ok());
  REQUIRE(indexes->size() == 2);
  bool saw_partial = false;
  for (const auto& i : *indexes) {
    if (i.name == "child_expr") {
      CHECK(i.partial);
      CHECK(i.origin == "c");
      saw_partial = true;
    }
  }
  CHECK(saw_partial);
  auto xinfo = migc::rt::read_index_xinfo(db, "child_expr");
  REQUIRE(xinfo.ok());
  REQUIRE_FALSE(xinfo->empty());
  CHECK((*xinfo)[0].cid == -2);
  CHECK_FALSE((*xinfo)[0].name.has_value());
  CHECK((*xinfo)[1].name == std::optional<std::string>("a"));

  auto list = migc::rt::read_table_list(db);
  REQUIRE(list.ok());
  bool strict = false, without_rowid = false;
  for (const auto& t : *list) {
    if (t.name == "odd 'name") strict = t.strict;
    if (t.name == "child") without_rowid = t.without_rowid;
  }
  CHECK(strict);
  CHECK(without_rowid);
  CHECK(migc::rt::quote_identifier("a\"b") == "\"a\"\"b\"");
  CHECK(migc::rt::quote_literal("it's") == "'it''s'");
}

TEST_CASE("pragma readers report failures as values", "[runtime][schema]") {
  auto db = migc::rt::connection::open(":memory:");
  REQUIRE(db.ok());
  auto cols = migc::rt::read_table_xinfo(*db, "missing");
  REQUIRE(cols.ok());
  CHECK(cols->empty());
  REQUIRE(db->exec("CREATE TABLE t(a)").ok());
  REQUIRE(db->exec("PRAGMA query_only = ON").ok());
  auto rows = migc::rt::read_schema(*db);
  CHECK(rows.ok());
}
