// Differential test against SQLite: every statement of every grammar
// fixture must get the same verdict from migc's front end as from SQLite's
// parser, except the constructs listed in known_differences.hpp.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "tests/support/fixture.hpp"
#include "tests/support/known_differences.hpp"
#include "tests/support/migc_verdict.hpp"
#include "tests/support/sqlite_oracle.hpp"

using migc::test::verdict;

TEST_CASE("migc accepts exactly the fixture statements SQLite accepts", "[differential][grammar]") {
  const auto paths = migc::test::fixture_paths(std::filesystem::path(MIGC_FIXTURES_DIR) / "grammar");
  REQUIRE_FALSE(paths.empty());

  std::size_t checked = 0;
  std::size_t agreed = 0;
  std::size_t inconclusive = 0;
  std::map<std::string_view, std::size_t> known;
  std::vector<std::string> failures;
  migc::test::sqlite_database empty;
  for (const auto& path : paths) {
    const migc::test::fixture_file f = migc::test::load_fixture(path);
    // As fixtures/grammar/verify_with_sqlite.py does: one database per file
    // that runs the file's CREATE statements, so that a statement finds the
    // tables it names. A statement that stops SQLite early there (a CREATE
    // of a name that exists) gets a second chance in an empty database.
    migc::test::sqlite_database context;
    for (const migc::test::fixture_statement& s : f.statements) {
      migc::test::sqlite_outcome sqlite = context.check(s.text, true);
      if (!sqlite.conclusive) sqlite = empty.check(s.text);
      if (!sqlite.conclusive) {
        ++inconclusive;
        continue;
      }
      if (const auto* d = migc::test::find_known_difference(s.text)) {
        ++known[d->name];
        continue;
      }
      ++checked;
      const migc::test::parsed_file parsed = migc::test::migc_parse(f.name, s.text);
      const verdict migc = parsed.sink.has_errors() ? verdict::reject : verdict::accept;
      if (migc == sqlite.result) {
        ++agreed;
        continue;
      }
      failures.push_back(f.name + ":" + std::to_string(s.line) + ": SQLite " +
                         std::string(migc::test::verdict_name(sqlite.result)) +
                         (sqlite.message.empty() ? "" : " (" + sqlite.message + ")") + ", migc " +
                         std::string(migc::test::verdict_name(migc)) +
                         (migc == verdict::reject ? " (" + migc::test::first_error(parsed) + ")" : "") + ": " +
                         migc::test::one_line(s.text));
    }
  }

  std::cout << "differential: " << paths.size() << " fixture files, " << checked << " statements checked, " << agreed
            << " agree, " << failures.size() << " disagree, " << inconclusive << " inconclusive in SQLite";
  for (const auto& [name, n] : known) std::cout << ", " << n << " skipped as known difference '" << name << "'";
  std::cout << "\n";
  for (const std::string& f : failures) std::cout << "  " << f << "\n";
  CHECK(failures.empty());
}

TEST_CASE("the SQLite oracle splits and judges as SQLite does", "[differential]") {
  using migc::test::split_statements;
  using migc::test::sqlite_verdict;
  CHECK(split_statements("SELECT 1; SELECT ';';\n-- trailing comment\n") ==
        std::vector<std::string>{"SELECT 1;", "SELECT ';';"});
  CHECK(split_statements("CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END; SELECT 3") ==
        std::vector<std::string>{"CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END;", "SELECT 3"});
  CHECK(split_statements("/* only */ -- comments").empty());

  CHECK(sqlite_verdict("SELECT 1;") == verdict::accept);
  CHECK(sqlite_verdict("SELECT * FROM no_such_table;") == verdict::accept);
  CHECK(sqlite_verdict("SELECT * FROM no_such_table; SELECT (;") == verdict::reject);
  CHECK(sqlite_verdict("CREATE TABLE t (a) WITHOUT x;") == verdict::reject);
  CHECK(sqlite_verdict("SELECT ?0;") == verdict::reject);
  CHECK(sqlite_verdict("SELECT 'open") == verdict::reject);
  // The CREATE runs, so the trigger after it finds its table.
  CHECK(sqlite_verdict("CREATE TABLE t (a); CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT RAISE(IGNORE); END;") ==
        verdict::accept);

  migc::test::sqlite_database db;
  const auto early = db.check("CREATE TRIGGER r AFTER INSERT ON missing BEGIN SELECT (; END;");
  CHECK(early.result == verdict::accept);
  CHECK_FALSE(early.conclusive);  // "no such table" stopped SQLite before the body
  CHECK(db.check("SELECT * FROM missing;").conclusive);
}

TEST_CASE("the known differences recognise what they name", "[differential]") {
  using migc::test::find_known_difference;
  CHECK(find_known_difference("SELECT 1_000;") != nullptr);
  CHECK(find_known_difference("SELECT group_concat(a ORDER BY b) FROM t;") != nullptr);
  CHECK(find_known_difference("SELECT 1 < over(ORDER BY b) FROM t;") != nullptr);
  CHECK(find_known_difference("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);") != nullptr);
  CHECK(find_known_difference(("SELECT " + std::string(40, '(') + "1" + std::string(40, ')')).c_str()) != nullptr);

  CHECK(find_known_difference("SELECT sum(a) OVER (ORDER BY b) FROM t;") == nullptr);
  CHECK(find_known_difference("SELECT a FROM t WINDOW w AS (ORDER BY b);") == nullptr);
  CHECK(find_known_difference("CREATE INDEX i ON t (a ORDER BY b);") == nullptr);
  CHECK(find_known_difference("ALTER TABLE t ADD COLUMN c INT CONSTRAINT n NOT NULL;") == nullptr);
  CHECK(find_known_difference("SELECT 1e5, 0x1F, (((1)));") == nullptr);
}
