// The resolver's links: every reference of a schema knows what it resolved
// to, and every table and column knows its references, including those in
// CHECK, generated columns, indexes, foreign keys, views (through
// aliases and CTEs) and triggers (NEW and OLD, INSERT column lists, SET).
#include <algorithm>
#include <catch2/catch.hpp>
#include <span>
#include <string>
#include <vector>

#include "compiler/driver/driver.hpp"

namespace {

using ref_link = migc::catalog::link;
using migc::catalog::link_kind;

struct compiled {
  migc::source::source_manager sources;
  migc::driver::compilation c;
  migc::source::file_id file = 0;

  explicit compiled(std::string sql) {
    file = sources.add("links.sql", std::move(sql));
    migc::diag::sink sink;
    migc::driver::options opts;
    opts.warnings.disabled.assign(migc::diag::all_codes().begin(), migc::diag::all_codes().end());
    c = migc::driver::compile(sources, std::span(&file, 1), opts, sink);
    for (const auto& d : sink.all()) FAIL_CHECK(migc::diag::code_name(d.id) << " " << d.message);
    REQUIRE(c.passes_ran);
  }

  [[nodiscard]] std::uint32_t position(std::string_view key) const {
    const migc::catalog::object* o = c.catalog.find(key);
    if (o == nullptr) o = c.catalog.find_trigger(key);
    REQUIRE(o != nullptr);
    return o->position;
  }

  // "owner@line:col" for each link, sorted, to compare as a set.
  [[nodiscard]] std::vector<std::string> where(const std::vector<const ref_link*>& links) const {
    std::vector<std::string> out;
    for (const ref_link* l : links) {
      migc::source::line_col at = sources.position(l->name->where.file, l->name->where.begin);
      out.push_back(c.catalog.at(l->owner).name + "@" + std::to_string(at.line) + ":" + std::to_string(at.column));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The link of the identifier that starts at `line`:`col`.
  [[nodiscard]] const ref_link* at(std::uint32_t line, std::uint32_t col) const {
    for (const ref_link& l : c.catalog.links().all()) {
      migc::source::line_col p = sources.position(l.name->where.file, l.name->where.begin);
      if (p.line == line && p.column == col) return &l;
    }
    return nullptr;
  }
};

}  // namespace

TEST_CASE("every reference to a column is linked to it, in every kind of definition", "[links]") {
  compiled s(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT CHECK (a <> 'a'), g TEXT AS (upper(a)), UNIQUE (a));\n"  // 1
      "CREATE TABLE c (id INTEGER PRIMARY KEY, ta TEXT REFERENCES t (a));\n"                                   // 2
      "CREATE INDEX ia ON t (a) WHERE a IS NOT NULL;\n"                                                        // 3
      "CREATE VIEW v AS WITH w AS (SELECT x.a FROM t AS x) SELECT w.a, t.a AS b FROM w, t;\n"                  // 4
      "CREATE TABLE log (what TEXT);\n"                                                                        // 5
      "CREATE TRIGGER tr AFTER UPDATE OF a ON t BEGIN\n"                                                       // 6
      "  INSERT INTO log (what) VALUES (new.a || old.a);\n"                                                    // 7
      "  UPDATE t SET a = 'x' WHERE a = '\"a\"';\n"                                                            // 8
      "END;\n");
  const std::uint32_t t = s.position("t");
  const std::uint32_t a = 1;
  // Neither w.a (a CTE's column) nor the 'a' inside '"a"' is t.a.
  CHECK(s.where(s.c.catalog.links().references_to(t, a)) ==
        std::vector<std::string>{"c@2:63", "ia@3:23", "ia@3:32", "t@1:55", "t@1:83", "t@1:96", "tr@6:35", "tr@7:38",
                                 "tr@7:47", "tr@8:16", "tr@8:30", "v@4:38", "v@4:67"});
  // The table itself: FROM, the FK parent, the index and trigger targets,
  // a qualifier written with the table's own name, UPDATE's target.
  CHECK(s.where(s.c.catalog.links().references_to(t)) ==
        std::vector<std::string>{"c@2:60", "ia@3:20", "tr@6:40", "tr@8:10", "v@4:45", "v@4:65", "v@4:82"});
}

TEST_CASE("aliases, CTEs and strings are linked to what they are", "[links]") {
  compiled s(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n"                                      // 1
      "CREATE VIEW v AS WITH w AS (SELECT a FROM t) SELECT x.a AS y FROM w AS x ORDER BY y;\n"  // 2
      "CREATE VIEW s AS SELECT \"active\" AS state, rowid FROM t;\n");                          // 3
  const ref_link* cte = s.at(2, 67);                                                            // FROM w
  REQUIRE(cte != nullptr);
  CHECK(cte->kind == link_kind::cte);
  CHECK(s.sources.position(cte->definition.file, cte->definition.begin).column == 23);
  const ref_link* alias = s.at(2, 53);  // x.
  REQUIRE(alias != nullptr);
  CHECK(alias->kind == link_kind::alias);
  CHECK(s.sources.position(alias->definition.file, alias->definition.begin).column == 72);
  const ref_link* order = s.at(2, 83);  // ORDER BY y
  REQUIRE(order != nullptr);
  CHECK(order->kind == link_kind::alias);
  const ref_link* text = s.at(3, 25);
  REQUIRE(text != nullptr);
  CHECK(text->kind == link_kind::string);
  const ref_link* rowid = s.at(3, 44);
  REQUIRE(rowid != nullptr);
  CHECK(rowid->kind == link_kind::rowid);
  CHECK(rowid->object == s.position("t"));
}
