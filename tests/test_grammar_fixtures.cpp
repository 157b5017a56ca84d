// Runs every fixtures/grammar/*.sql file through the front end and requires
// the diagnostics to be exactly the ones its annotations expect, both ways:
// an unexpected diagnostic fails, and so does a missing one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "tests/support/fixture.hpp"
#include "tests/support/migc_verdict.hpp"

namespace {

using migc::test::expectation;
using migc::test::fixture_file;
using migc::test::fixture_statement;

const std::filesystem::path grammar_fixtures = std::filesystem::path(MIGC_FIXTURES_DIR) / "grammar";

bool fits(const expectation& e, const migc::diag::diagnostic& d) {
  return e.code == migc::diag::code_name(d.id) && e.severity == migc::diag::severity_name(d.level) &&
         d.message.find(e.message) != std::string::npos;
}

std::string describe(const expectation& e) {
  std::string s = "expect-" + e.severity + " " + e.code;
  if (!e.message.empty()) s += " {{" + e.message + "}}";
  return s;
}

/// Matches the diagnostics of `f` against its annotations; returns one line
/// per mismatch, "file:line: what: statement". Within one statement, an
/// unexpected diagnostic and a missing one are reported together as a wrong
/// code.
std::vector<std::string> mismatches(const fixture_file& f) {
  const migc::test::parsed_file parsed = migc::test::migc_parse(f.name, f.text);
  std::vector<std::string> out;
  auto where = [&](std::uint32_t line) { return f.name + ":" + std::to_string(line) + ": "; };
  auto what = [](const migc::diag::diagnostic& d) {
    return std::string(migc::diag::severity_name(d.level)) + " " + std::string(migc::diag::code_name(d.id)) + " '" +
           d.message + "'";
  };

  std::vector<bool> line_used(f.line_expectations.size(), false);
  std::vector<std::vector<bool>> stmt_used;
  for (const fixture_statement& s : f.statements) stmt_used.emplace_back(s.expected.size(), false);
  // Unmatched diagnostics, by statement (index f.statements.size(): none).
  std::vector<std::vector<const migc::diag::diagnostic*>> unmatched(f.statements.size() + 1);

  for (const migc::diag::diagnostic& d : parsed.sink.all()) {
    if (d.level == migc::diag::severity::note) continue;
    if (d.span.file != parsed.file) {
      out.push_back(f.name + ": unexpected " + what(d) + " without a location in the file");
      continue;
    }
    const std::uint32_t line = parsed.sources.position(parsed.file, d.span.begin).line;
    bool matched = false;
    for (std::size_t i = 0; i < f.line_expectations.size() && !matched; ++i) {
      if (!line_used[i] && f.line_expectations[i].line == line && fits(f.line_expectations[i], d)) {
        line_used[i] = matched = true;
      }
    }
    const fixture_statement* s = f.statement_at(d.span.begin);
    const std::size_t k = s == nullptr ? f.statements.size() : static_cast<std::size_t>(s - f.statements.data());
    if (!matched && s != nullptr) {
      for (std::size_t i = 0; i < s->expected.size() && !matched; ++i) {
        if (!stmt_used[k][i] && fits(s->expected[i], d)) stmt_used[k][i] = matched = true;
      }
    }
    if (!matched) unmatched[k].push_back(&d);
  }

  for (std::size_t k = 0; k < f.statements.size(); ++k) {
    const fixture_statement& s = f.statements[k];
    std::size_t next = 0;  // next unmatched diagnostic of the statement
    for (std::size_t i = 0; i < s.expected.size(); ++i) {
      if (stmt_used[k][i]) continue;
      if (next < unmatched[k].size()) {
        const migc::diag::diagnostic& d = *unmatched[k][next++];
        out.push_back(where(parsed.sources.position(parsed.file, d.span.begin).line) + "expected " +
                      describe(s.expected[i]) + ", got " + what(d) + ": " + migc::test::one_line(s.text));
      } else {
        out.push_back(where(s.line) + "missing " + describe(s.expected[i]) + ": " + migc::test::one_line(s.text));
      }
    }
    for (; next < unmatched[k].size(); ++next) {
      const migc::diag::diagnostic& d = *unmatched[k][next];
      out.push_back(where(parsed.sources.position(parsed.file, d.span.begin).line) + "unexpected " + what(d) + ": " +
                    migc::test::one_line(s.text));
    }
  }
  for (const migc::diag::diagnostic* d : unmatched.back()) {
    out.push_back(where(parsed.sources.position(parsed.file, d->span.begin).line) + "unexpected " + what(*d) +
                  " outside any statement");
  }
  for (std::size_t i = 0; i < f.line_expectations.size(); ++i) {
    const expectation& e = f.line_expectations[i];
    if (!line_used[i]) {
      out.push_back(where(*e.line) + "missing " + describe(e) + " (annotation on line " +
                    std::to_string(e.annotation_line) + ")");
    }
  }
  return out;
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
