// Hostile input never crashes the front end: nesting far beyond the bound
// ends in a diagnostic (E0103), random bytes end in success or diagnostics
// that point into the file, and the edge cases of separators parse cleanly.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "compiler/diag/diagnostic.hpp"
#include "tests/support/migc_verdict.hpp"

namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool reports(const migc::test::parsed_file& p, migc::diag::code c) {
  for (const migc::diag::diagnostic& d : p.sink.all()) {
    if (d.id == c) return true;
  }
  return false;
}

/// Every diagnostic points into the file, within its text.
bool spans_inside(const migc::test::parsed_file& p) {
  const std::size_t size = p.sources.text(p.file).size();
  for (const migc::diag::diagnostic& d : p.sink.all()) {
    if (d.span.file != p.file || d.span.begin > d.span.end || d.span.end > size) return false;
    for (const migc::diag::note& n : d.notes) {
      if (n.span.valid() && (n.span.file != p.file || n.span.begin > n.span.end || n.span.end > size)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("nesting far beyond the bound is a diagnostic, not a crash", "[robustness][grammar]") {
  const auto check_deep = [](const std::string& sql) {
    const migc::test::parsed_file p = migc::test::migc_parse("deep.sql", sql);
    CHECK(p.sink.has_errors());
    CHECK(reports(p, migc::diag::code::E0103));
    CHECK(spans_inside(p));
  };
  SECTION("10,000 parentheses") { check_deep("SELECT " + repeat("(", 10000) + "1" + repeat(")", 10000) + ";"); }
  SECTION("10,000 unclosed parentheses") { check_deep("SELECT " + repeat("(", 10000)); }
  SECTION("100,000 NOT") { check_deep("SELECT " + repeat("NOT ", 100000) + "1;"); }
  SECTION("50,000 unary minus") { check_deep("SELECT " + repeat("- ", 50000) + "1;"); }
  SECTION("5,000 nested subqueries") {
    check_deep("SELECT " + repeat("(SELECT ", 5000) + "1" + repeat(")", 5000) + ";");
  }
  SECTION("5,000 nested calls") { check_deep("SELECT " + repeat("f(", 5000) + "1" + repeat(")", 5000) + ";"); }
  SECTION("2,000 nested CTEs in a view") {
    check_deep("CREATE VIEW v AS " + repeat("WITH c AS (", 2000) + "SELECT 1" + repeat(") SELECT 1", 2000) + ";");
  }
  SECTION("a statement after the deep one is still parsed") {
    const migc::test::parsed_file p = migc::test::migc_parse(
        "deep.sql", "SELECT " + repeat("(", 10000) + "1" + repeat(")", 10000) + ";\nCREATE TABLE t (a;\n");
    CHECK(reports(p, migc::diag::code::E0103));
    CHECK(p.sink.error_count() == 2);
  }
}

TEST_CASE("random bytes never crash the front end", "[robustness][grammar]") {
  std::mt19937 rng(20261122);
  // Half the inputs are raw bytes (NUL and 0x80-0xFF included); the other
  // half draw from SQL's punctuation and a few words, to get past the
  // tokenizer into the grammar.
  static constexpr std::string_view sqlish[] = {
      "SELECT ", "CREATE ", "TABLE ", "TRIGGER ", "BEGIN ", "END",  "(",   ")",     ",",     ";", "'",
      "\"",      "`",       "[",      "]",        "--",     "/*",   "*/",  "x'",    "0x",    "1", ".",
      "e",       "?",       ":a",     " ",        "\n",     "NOT ", "AS ", "WITH ", "CASE ", "-"};
  for (int i = 0; i < 2000; ++i) {
    const std::size_t size = rng() % 2049;
    std::string input;
    if (i % 2 == 0) {
      for (std::size_t k = 0; k < size; ++k) input += static_cast<char>(rng() & 0xFF);
    } else {
      while (input.size() < size) input += sqlish[rng() % std::size(sqlish)];
    }
    migc::test::parsed_file p;
    REQUIRE_NOTHROW(p = migc::test::migc_parse("random.sql", input));
    INFO("input " << i << " of " << input.size() << " bytes");
    CHECK(spans_inside(p));
  }
}

TEST_CASE("separators at the edges of a file", "[robustness][grammar]") {
  CHECK(migc::test::migc_parse("empty.sql", "").sink.empty());
  CHECK(migc::test::migc_parse("blank.sql", " \n\t\r\n").sink.empty());
  CHECK(migc::test::migc_parse("comments.sql", "-- only a comment\n/* and a block */\n-- at the end").sink.empty());
  CHECK(migc::test::migc_parse("open_comment.sql", "SELECT 1; /* runs to the end").sink.empty());
  CHECK(migc::test::migc_parse("open_comment2.sql", "SELECT 1 /* runs to the end").sink.empty());
  CHECK(migc::test::migc_parse("only_open_comment.sql", "/*").sink.empty());
  CHECK(migc::test::migc_parse("semicolons.sql", ";;; ;").sink.empty());
}
