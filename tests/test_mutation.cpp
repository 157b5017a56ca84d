// Mutation test against SQLite: small token-level edits of every grammar
// fixture statement (delete, duplicate or swap tokens, insert a keyword or a
// punctuation mark) must get the same verdict from migc as from SQLite.
// Deterministic: a fixed seed and the fixtures in name order.
//
// MIGC_MUTANTS sets the number of mutants (default 100000); when
// MIGC_MUTATION_REPORT names a file, every disagreement is written there.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "tests/support/fixture.hpp"
#include "tests/support/known_differences.hpp"
#include "tests/support/migc_verdict.hpp"
#include "tests/support/sql_tokens.hpp"
#include "tests/support/sqlite_oracle.hpp"

namespace {

using migc::test::sql_token;
using migc::test::token_kind;
using migc::test::verdict;

constexpr std::uint32_t seed = 20261122;
constexpr std::size_t default_mutants = 100000;
constexpr std::size_t shown_failures = 50;

// Space-separated, split by keyword_list().
constexpr std::string_view inserted_keywords =
    "SELECT FROM WHERE AS ON NOT NULL TABLE KEY REPLACE TEMP WITH RECURSIVE FILTER OVER WINDOW GENERATED "
    "ALWAYS DEFAULT CHECK PRIMARY UNIQUE LIKE MATCH ESCAPE CAST RAISE CURRENT ROWS DO NOTHING IF EXISTS "
    "INDEXED BY ORDER GROUP HAVING LIMIT OFFSET UNION ALL DISTINCT JOIN LEFT NATURAL USING COLLATE IS IN "
    "BETWEEN AND OR CASE WHEN THEN ELSE END BEGIN INSERT INTO VALUES UPDATE SET DELETE RETURNING "
    "CONFLICT ABORT IGNORE ROLLBACK FAIL CONSTRAINT REFERENCES FOREIGN DEFERRABLE INITIALLY DEFERRED "
    "CASCADE RESTRICT ACTION NO AUTOINCREMENT ASC DESC NULLS FIRST LAST PARTITION RANGE GROUPS UNBOUNDED "
    "PRECEDING FOLLOWING EXCLUDE TIES OTHERS ROW MATERIALIZED VIRTUAL STORED STRICT WITHOUT ROWID "
    "INSTEAD OF FOR EACH TRIGGER VIEW INDEX GLOB REGEXP ISNULL NOTNULL EXCEPT INTERSECT CROSS INNER "
    "OUTER FULL RIGHT CURRENT_TIME CURRENT_TIMESTAMP EXPLAIN QUERY PLAN PRAGMA RENAME TO ADD COLUMN DROP "
    "ALTER CREATE TEMPORARY ";
constexpr std::string_view inserted_punctuation[] = {"(", ")", ",", ";", ".", "=", "-", "*", "+", "||", "<"};
// Operands, so that insertions also land where an expression or a name goes.
constexpr std::string_view inserted_atoms[] = {"1", "'s'", "x", "?1", "?0"};

std::vector<std::string_view> keyword_list() {
  std::vector<std::string_view> out;
  std::string_view rest = inserted_keywords;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    if (space != 0) out.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
  }
  return out;
}

std::size_t mutant_budget() {
  if (const char* env = std::getenv("MIGC_MUTANTS"); env != nullptr && *env != '\0') {
    return static_cast<std::size_t>(std::strtoull(env, nullptr, 10));
  }
  return default_mutants;
}

// Picks in [0, n); the modulo keeps the sequence the same on every standard
// library, which uniform_int_distribution does not promise.
std::size_t pick(std::mt19937& rng, std::size_t n) { return static_cast<std::size_t>(rng()) % n; }

sql_token word_token(std::string_view text) {
  const std::vector<sql_token> t = migc::test::tokenize_sql(text);
  return t.front();
}

/// One mutant of `tokens`; `kind` receives the name of the edit. The edit
/// lands before a final ';' (an edit after it would only make a second
/// statement, which the test skips); now and then the ';' is dropped.
std::vector<sql_token> mutate(const std::vector<sql_token>& tokens, std::mt19937& rng, std::string& kind) {
  std::vector<sql_token> m = tokens;
  const bool terminated = !m.empty() && migc::test::is_punct(m.back(), ";");
  if (terminated) m.pop_back();
  if (terminated && pick(rng, 25) == 0) {
    kind = "drop ';'";
    return m;
  }
  const std::size_t op = pick(rng, 5);
  if (op == 0 && !m.empty()) {
    kind = "delete";
    m.erase(m.begin() + static_cast<std::ptrdiff_t>(pick(rng, m.size())));
  } else if (op == 1 && !m.empty()) {
    kind = "duplicate";
    const std::size_t i = pick(rng, m.size());
    m.insert(m.begin() + static_cast<std::ptrdiff_t>(i), m[i]);
  } else if (op == 2 && m.size() >= 2) {
    kind = "swap";
    const std::size_t i = pick(rng, m.size() - 1);
    std::swap(m[i], m[i + 1]);
  } else {
    const std::size_t at = pick(rng, m.size() + 1);
    std::string_view what;
    if (op == 4) {
      kind = "insert punctuation";
      what = inserted_punctuation[pick(rng, std::size(inserted_punctuation))];
      if (pick(rng, 3) == 0) {
        kind = "insert operand";
        what = inserted_atoms[pick(rng, std::size(inserted_atoms))];
      }
    } else {
      static const std::vector<std::string_view> keywords = keyword_list();
      kind = "insert keyword";
      what = keywords[pick(rng, keywords.size())];
    }
    m.insert(m.begin() + static_cast<std::ptrdiff_t>(at), word_token(what));
  }
  if (terminated) m.push_back(tokens.back());
  return m;
}

struct source_statement {
  std::string file;
  std::uint32_t line = 0;
  std::string text;
  std::vector<sql_token> tokens;
  migc::test::sqlite_database* context = nullptr;
  /// migc and SQLite already disagree on the statement itself (the
  /// differential test reports it); its mutants are still checked.
  bool disagrees = false;
};

struct disagreement {
  const source_statement* origin = nullptr;
  std::string kind;
  std::string mutant;
  migc::test::sqlite_outcome sqlite;
  std::string migc_error;  // empty when migc accepts
  bool grammar_accepts = false;
};

std::string describe(const disagreement& d) {
  std::string s = d.origin->file + ":" + std::to_string(d.origin->line) + " [" + d.kind + "]" +
                  (d.origin->disagrees ? " (the original disagrees too)" : "") + "\n";
  s += "  original: " + migc::test::one_line(d.origin->text, 400) + "\n";
  s += "  mutant:   " + d.mutant + "\n";
  s += "  SQLite " + std::string(migc::test::verdict_name(d.sqlite.result));
  if (!d.sqlite.message.empty()) s += " (" + d.sqlite.message + ")";
  s += "; migc " + std::string(d.migc_error.empty() ? "accept" : "reject (" + d.migc_error + ")");
  s += "; grammar alone " + std::string(d.grammar_accepts ? "accepts" : "rejects") + "\n";
  return s;
}

}  // namespace

TEST_CASE("migc and SQLite agree on mutants of the grammar fixtures", "[mutation][grammar]") {
  const auto paths = migc::test::fixture_paths(std::filesystem::path(MIGC_FIXTURES_DIR) / "grammar");
  REQUIRE_FALSE(paths.empty());

  // Each fixture file's schema, for mutants that stop SQLite early in an
  // empty database (a trigger on a table that does not exist).
  std::vector<std::unique_ptr<migc::test::sqlite_database>> contexts;
  std::vector<source_statement> statements;
  for (const auto& path : paths) {
    const migc::test::fixture_file f = migc::test::load_fixture(path);
    contexts.push_back(std::make_unique<migc::test::sqlite_database>());
    for (const migc::test::fixture_statement& s : f.statements) {
      const migc::test::sqlite_outcome sqlite = contexts.back()->check(s.text, true);
      const bool disagrees =
          sqlite.conclusive && (sqlite.result == verdict::accept) != migc::test::migc_accepts(s.text);
      statements.push_back(
          {f.name, s.line, s.text, migc::test::tokenize_sql(s.text), contexts.back().get(), disagrees});
    }
  }
  REQUIRE_FALSE(statements.empty());

  const std::size_t budget = mutant_budget();
  std::mt19937 rng(seed);
  migc::test::sqlite_database empty;
  std::size_t checked = 0;
  std::size_t multi_statement = 0;
  std::size_t unchanged = 0;
  std::size_t inconclusive = 0;
  std::map<std::string_view, std::size_t> known;
  std::vector<disagreement> failures;
  for (std::size_t i = 0; i < budget; ++i) {
    const source_statement& origin = statements[i % statements.size()];
    std::string kind;
    const std::vector<sql_token> tokens = mutate(origin.tokens, rng, kind);
    const std::string mutant = migc::test::join_tokens(tokens);
    if (mutant == migc::test::join_tokens(origin.tokens)) {
      ++unchanged;
      continue;
    }
    if (migc::test::split_statement_ranges(mutant).size() != 1) {
      ++multi_statement;
      continue;
    }
    if (const auto* d = migc::test::find_known_difference(mutant)) {
      ++known[d->name];
      continue;
    }
    migc::test::sqlite_outcome sqlite = empty.check(mutant);
    if (!sqlite.conclusive) sqlite = origin.context->check(mutant);
    if (!sqlite.conclusive) {
      ++inconclusive;
      continue;
    }
    ++checked;
    const migc::test::parsed_file parsed = migc::test::migc_parse("<mutant>", mutant);
    const verdict migc = parsed.sink.has_errors() ? verdict::reject : verdict::accept;
    if (migc != sqlite.result) {
      failures.push_back(
          {&origin, kind, mutant, sqlite, migc::test::first_error(parsed), migc::test::grammar_accepts(mutant)});
    }
  }

  std::size_t new_failures = 0;
  for (const disagreement& d : failures) new_failures += d.origin->disagrees ? 0 : 1;
  std::cout << "mutation: seed " << seed << ", " << budget << " mutants of " << statements.size()
            << " statements: " << checked << " checked, " << checked - failures.size() << " agree, " << failures.size()
            << " disagree (" << new_failures << " on statements whose original agrees); skipped " << multi_statement
            << " with several statements, " << unchanged << " unchanged, " << inconclusive << " inconclusive in SQLite";
  for (const auto& [name, n] : known) std::cout << ", " << n << " known difference '" << name << "'";
  std::cout << "\n";
  for (std::size_t i = 0; i < failures.size() && i < shown_failures; ++i) std::cout << describe(failures[i]);
  if (failures.size() > shown_failures) {
    std::cout << "... and " << failures.size() - shown_failures << " more disagreements\n";
  }
  if (const char* report = std::getenv("MIGC_MUTATION_REPORT"); report != nullptr && *report != '\0') {
    std::ofstream out(report);
    for (const disagreement& d : failures) out << describe(d) << "\n";
    std::cout << "all disagreements written to " << report << "\n";
  }
  CHECK(failures.size() == 0);
}
