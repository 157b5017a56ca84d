// Where migc deliberately parses differently from SQLite 3.40, the version
// its differential tests run against: syntax newer SQLite versions added,
// and nesting deeper than 3.40's parser stack. Each row recognises the
// construct from the statement's tokens and says why the difference is
// intended; the differential and mutation tests skip the statements a row
// matches. A row is never a way to silence a bug: it names a decision.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "tests/support/sql_tokens.hpp"

namespace migc::test {

struct known_difference {
  std::string_view name;
  std::string_view reason;
  bool (*matches)(const std::vector<sql_token>& tokens);
};

namespace known_difference_detail {

inline bool is_any_word(const sql_token& t, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (is_word(t, w)) return true;
  }
  return false;
}

/// 1_000: a number with '_' in it.
inline bool digit_separators(const std::vector<sql_token>& tokens) {
  for (const sql_token& t : tokens) {
    if (t.kind == token_kind::number && t.text.find('_') != std::string::npos) return true;
  }
  return false;
}

/// f(x ORDER BY y): ORDER inside a '(' that a function name opens (not a
/// table's column list, a CTE, IN, VALUES, or the window of OVER). OVER and
/// FILTER are names unless a ')' precedes them (tokenize.c's
/// analyzeOverKeyword), so `1 < over(ORDER BY b)` is a call too.
inline bool order_by_in_call(const std::vector<sql_token>& tokens) {
  std::vector<std::size_t> open;  // positions of the unclosed '('
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const sql_token& t = tokens[i];
    if (is_punct(t, "(")) {
      open.push_back(i);
    } else if (is_punct(t, ")")) {
      if (!open.empty()) open.pop_back();
    } else if (is_word(t, "ORDER") && !open.empty() && open.back() >= 1) {
      const sql_token& name = tokens[open.back() - 1];
      if (name.kind != token_kind::word && name.kind != token_kind::quoted_identifier) continue;
      const bool after_rp = open.back() >= 2 && is_punct(tokens[open.back() - 2], ")");
      if (is_any_word(name, {"OVER", "FILTER"}) && after_rp) continue;
      if (is_any_word(name,
                      {"AS", "IN", "USING", "VALUES", "EXISTS", "CAST", "KEY", "UNIQUE", "CHECK", "WINDOW", "RAISE"})) {
        continue;
      }
      if (open.back() >= 2) {
        const sql_token& before = tokens[open.back() - 2];
        if (is_punct(before, ".") ||
            is_any_word(before, {"ON", "TABLE", "INTO", "REFERENCES", "VIEW", "EXISTS", "WITH", "RECURSIVE"})) {
          continue;
        }
      }
      return true;
    }
  }
  return false;
}

/// ALTER TABLE t ADD [CONSTRAINT n] CHECK (...) / DROP CONSTRAINT n /
/// ALTER [COLUMN] c SET|DROP NOT NULL.
inline bool alter_table_constraints(const std::vector<sql_token>& tokens) {
  if (tokens.size() < 3 || !is_word(tokens[0], "ALTER") || !is_word(tokens[1], "TABLE")) return false;
  for (std::size_t i = 2; i + 1 < tokens.size(); ++i) {
    const sql_token& next = tokens[i + 1];
    if (is_word(tokens[i], "ADD") && is_any_word(next, {"CONSTRAINT", "CHECK"})) return true;
    if (is_word(tokens[i], "DROP") && is_word(next, "CONSTRAINT")) return true;
    if (is_word(tokens[i], "ALTER")) return true;
  }
  return false;
}

/// Nesting SQLite 3.40's parser stack (100 entries) cannot hold: it
/// overflows at 19 nested subqueries, 32 nested calls, 94 parentheses.
/// Counted as the deepest '(' nesting plus the longest run of prefix
/// operators; migc's own bound is grammar::max_nesting.
inline bool deep_nesting(const std::vector<sql_token>& tokens) {
  constexpr std::size_t sqlite_safe_depth = 16;
  std::size_t depth = 0;
  std::size_t deepest = 0;
  std::size_t run = 0;
  for (const sql_token& t : tokens) {
    if (is_punct(t, "(")) deepest = std::max(deepest, ++depth);
    if (is_punct(t, ")") && depth > 0) --depth;
    run = (is_punct(t, "-") || is_punct(t, "+") || is_punct(t, "~") || is_word(t, "NOT")) ? run + 1 : 0;
    if (run + depth > sqlite_safe_depth) return true;
  }
  return deepest > sqlite_safe_depth;
}

}  // namespace known_difference_detail

inline constexpr std::array known_differences = {
    known_difference{"digit separators", "SQLite 3.46 accepts '_' between digits (1_000); migc follows it",
                     known_difference_detail::digit_separators},
    known_difference{"ORDER BY in an aggregate call", "SQLite 3.44 accepts f(x ORDER BY y); migc follows it",
                     known_difference_detail::order_by_in_call},
    known_difference{"ALTER TABLE constraints",
                     "SQLite 3.53 adds and drops CHECK and NOT NULL constraints with ALTER TABLE; migc follows it",
                     known_difference_detail::alter_table_constraints},
    known_difference{"deep nesting",
                     "SQLite 3.40's parser stack overflows near 100 entries; migc nests to its own bound",
                     known_difference_detail::deep_nesting},
};

/// The row that matches `sql`, or nullptr.
inline const known_difference* find_known_difference(std::string_view sql) {
  const std::vector<sql_token> tokens = tokenize_sql(sql);
  for (const known_difference& d : known_differences) {
    if (d.matches(tokens)) return &d;
  }
  return nullptr;
}

}  // namespace migc::test
