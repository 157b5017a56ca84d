// Runs every fixtures/grammar/*.sql file through the front end and requires
// the diagnostics to be exactly the ones its annotations expect, both ways:
// an unexpected diagnostic fails, and so does a missing one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "tests/support/expectations.hpp"
#include "tests/support/fixture.hpp"
#include "tests/support/migc_verdict.hpp"

namespace {

using migc::test::expectation;
using migc::test::fixture_file;
using migc::test::fixture_statement;

const std::filesystem::path grammar_fixtures = std::filesystem::path(MIGC_FIXTURES_DIR) / "grammar";

/// Parses `f` and matches its diagnostics against its annotations.
std::vector<std::string> mismatches(const fixture_file& f) {
  const migc::test::parsed_file parsed = migc::test::migc_parse(f.name, f.text);
  std::vector<const migc::diag::diagnostic*> diagnostics;
  for (const migc::diag::diagnostic& d : parsed.sink.all()) diagnostics.push_back(&d);
  return migc::test::match_expectations(f, parsed.sources, parsed.file, diagnostics);
}

}  // namespace

TEST_CASE("grammar fixtures report exactly the diagnostics they expect", "[fixtures][grammar]") {
  const std::vector<std::filesystem::path> paths = migc::test::fixture_paths(grammar_fixtures);
  REQUIRE_FALSE(paths.empty());
  for (const std::filesystem::path& path : paths) {
    DYNAMIC_SECTION(path.filename().string()) {
      const fixture_file f = migc::test::load_fixture(path);
      for (const std::string& p : f.problems) FAIL_CHECK(f.name << ": " << p);
      const std::vector<std::string> failures = mismatches(f);
      // Printed whole rather than through INFO, which wraps long lines.
      for (const std::string& m : failures) std::cout << m << "\n";
      INFO(f.name << ": " << f.statements.size() << " statements, " << f.expectation_count()
                  << " expected diagnostics, " << failures.size() << " mismatches (listed above)");
      CHECK(failures.empty());
    }
  }
}

TEST_CASE("fixture annotations are read as documented", "[fixtures]") {
  const fixture_file f = migc::test::parse_fixture("t.sql",
                                                   "-- a comment\n"
                                                   "-- expect-error E0101\n"
                                                   "SELECT (;\n"
                                                   "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
                                                   "  -- expect-warning@+1 W0203 {{a message}}\n"
                                                   "  SELECT 1;\n"
                                                   "END;\n"
                                                   "-- expect-error E0102 {{unrecognized}}\n"
                                                   "SELECT 'open");
  CHECK(f.problems.empty());
  CHECK_FALSE(f.expect_no_diagnostics);
  REQUIRE(f.statements.size() == 3);
  CHECK(f.statements[0].line == 3);
  CHECK(f.statements[0].text == "SELECT (;");
  REQUIRE(f.statements[0].expected.size() == 1);
  CHECK(f.statements[0].expected[0].code == "E0101");
  CHECK(f.statements[1].line == 4);
  CHECK(f.statements[1].end_line == 7);
  CHECK(f.statements[1].expected.empty());
  REQUIRE(f.line_expectations.size() == 1);
  CHECK(f.line_expectations[0].severity == "warning");
  CHECK(f.line_expectations[0].line == 6u);
  CHECK(f.line_expectations[0].message == "a message");
  CHECK(f.statements[2].text == "SELECT 'open");
  REQUIRE(f.statements[2].expected.size() == 1);
  CHECK(f.statements[2].expected[0].message == "unrecognized");
  CHECK(f.expectation_count() == 3);

  CHECK(migc::test::parse_fixture("clean.sql", "-- expect-no-diagnostics\nSELECT 1;\n").expect_no_diagnostics);
  CHECK(migc::test::parse_fixture("bad.sql", "-- expect-eror E0101\nSELECT 1;\n").problems.size() == 1);
  CHECK(migc::test::parse_fixture("late.sql", "SELECT 1;\n-- expect-no-diagnostics\n").problems.size() == 1);
}
