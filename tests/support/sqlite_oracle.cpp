// SQLite as the reference parser; see sqlite_oracle.hpp.
#include "tests/support/sqlite_oracle.hpp"

#include <sqlite3.h>

#include <array>
#include <cassert>
#include <stdexcept>

namespace migc::test {

namespace {

// Errors of SQLite 3.40 that depend only on the token sequence: the Lemon
// parser's own, the tokenizer's, and those parse.y actions (or the helpers
// they call to check keyword spelling and order) raise while parsing.
constexpr std::array syntax_class_messages = {
    std::string_view{"syntax error"},
    std::string_view{"incomplete input"},
    std::string_view{"unrecognized token"},
    std::string_view{"unknown table option"},
    std::string_view{"unknown join type"},
    std::string_view{"should come after"},
    std::string_view{"too many terms in compound SELECT"},
    std::string_view{"syntax error after column name"},
    std::string_view{"variable number must be between"},
    std::string_view{"error in generated column"},
    std::string_view{"a JOIN clause is required before"},
    std::string_view{"the INDEXED BY clause is not allowed"},
    std::string_view{"the NOT INDEXED clause is not allowed"},
    std::string_view{"qualified table names are not allowed"},
    std::string_view{"cannot use RETURNING in a trigger"},
    std::string_view{"parser stack overflow"},
    std::string_view{"Expression tree is too large"},
    // Also raised while parsing, and listed as parser errors by
    // fixtures/grammar/verify_with_sqlite.py, whose verdicts the fixtures
    // were checked with.
    std::string_view{"unsupported frame specification"},
    std::string_view{"DISTINCT is not supported for window functions"},
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'; }

// Skips whitespace and comments from `i`, as SQLite's tokenizer does (an
// unterminated block comment runs to the end).
std::size_t skip_trivia(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s.substr(i, 2) == "--") {
      const std::size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.substr(i, 2) == "/*") {
      const std::size_t close = s.find("*/", i + 2);
      i = close == std::string_view::npos ? s.size() : close + 2;
    } else {
      break;
    }
  }
  return i;
}

// CREATE ..., or ATTACH [DATABASE] ':memory:' / '' AS ...: what
// sqlite_database::check() runs when asked to keep the schema.
bool is_schema_statement(std::string_view sql) {
  auto upper_starts = [&](std::string_view word) {
    if (sql.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = sql[i];
      const char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      if (u != word[i]) return false;
    }
    return sql.size() == word.size() || is_space(sql[word.size()]);
  };
  if (upper_starts("CREATE")) return true;
  if (!upper_starts("ATTACH")) return false;
  return sql.find("':memory:'") != std::string_view::npos || sql.find("''") != std::string_view::npos;
}

}  // namespace

std::string_view verdict_name(verdict v) noexcept { return v == verdict::accept ? "accept" : "reject"; }

bool is_syntax_class_error(std::string_view message) noexcept {
  for (std::string_view m : syntax_class_messages) {
    if (message.find(m) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<statement_range> split_statement_ranges(std::string_view text) {
  std::vector<statement_range> out;
  std::size_t pos = 0;
  std::string prefix;
  while (true) {
    const std::size_t first = skip_trivia(text, pos);
    if (first >= text.size()) break;
    std::size_t end = text.size();
    for (std::size_t k = text.find(';', first); k != std::string_view::npos; k = text.find(';', k + 1)) {
      prefix.assign(text.substr(pos, k + 1 - pos));  // sqlite3_complete() wants a NUL-terminated string
      if (sqlite3_complete(prefix.c_str()) != 0) {
        end = k + 1;
        break;
      }
    }
    out.push_back({pos, first, end});
    pos = end;
  }
  return out;
}

std::vector<std::string> split_statements(std::string_view text) {
  std::vector<std::string> out;
  for (const statement_range& r : split_statement_ranges(text)) {
    out.emplace_back(text.substr(r.begin, r.end - r.begin));
  }
  return out;
}

sqlite_database::sqlite_database() {
  if (sqlite3_open(":memory:", &db_) != SQLITE_OK) {
    sqlite3_close(db_);
    throw std::runtime_error("sqlite3_open(\":memory:\") failed");
  }
}

sqlite_database::~sqlite_database() { sqlite3_close(db_); }

sqlite_outcome sqlite_database::check(std::string_view sql, bool execute_schema) {
  const char* p = sql.data();
  const char* const end = sql.data() + sql.size();
  while (p < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, p, static_cast<int>(end - p), 0, &stmt, &tail);
    if (rc != SQLITE_OK) {
      sqlite_outcome out;
      out.message = sqlite3_errmsg(db_);
      if (is_syntax_class_error(out.message)) {
        out.result = verdict::reject;
      } else {
        // SQLite stops tokenizing right after the token where it raised the
        // error; errors about the finished statement are raised at its ';'
        // (or the end of input), so a tail past everything means the whole
        // statement was parsed.
        const std::string_view rest = tail == nullptr ? std::string_view{} : std::string_view(tail, end - tail);
        out.conclusive = skip_trivia(rest, 0) == rest.size();
      }
      return out;
    }
    if (stmt == nullptr) break;  // only whitespace and comments were left
    const std::string_view text(p, static_cast<std::size_t>(tail - p));
    if (execute_schema && is_schema_statement(text.substr(skip_trivia(text, 0)))) {
      sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    assert(tail > p);
    p = tail;
  }
  return {};
}

verdict sqlite_verdict(std::string_view sql) {
  sqlite_database db;
  for (const statement_range& r : split_statement_ranges(sql)) {
    if (db.check(sql.substr(r.begin, r.end - r.begin), true).result == verdict::reject) return verdict::reject;
  }
  return verdict::accept;
}

}  // namespace migc::test
