// A small SQL tokenizer for the test suite: splits SQL text into tokens the
// way SQLite's tokenize.c does (strings, quoted identifiers, blobs, numbers,
// bind parameters, words, operators), dropping whitespace and comments. It is
// independent of migc's grammar on purpose: the mutation test uses it to
// build inputs, and the known-differences table to recognise constructs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace migc::test {

enum class token_kind {
  word,               // identifier or keyword, unquoted
  quoted_identifier,  // "x", `x` or [x]
  string,             // 'x'
  blob,               // x'0A'
  number,             // 12, 1.5e3, 0x1F (with any letters glued to it)
  parameter,          // ?, ?12, :name, @name, $name, #name
  punct,              // ( ) , ; . and operators, longest match
  illegal,            // a character no token starts with, or an unterminated quote
};

struct sql_token {
  token_kind kind = token_kind::illegal;
  std::string text;
};

/// Tokens of `sql` in order. Never fails: text SQLite would reject (an
/// unterminated string, a stray '!') becomes an `illegal` token that runs to
/// the end of the quote or covers the one character.
[[nodiscard]] std::vector<sql_token> tokenize_sql(std::string_view sql);

/// The tokens' texts joined with single spaces.
[[nodiscard]] std::string join_tokens(const std::vector<sql_token>& tokens);

/// True when `t` is the unquoted word `word` (ASCII case-insensitive).
[[nodiscard]] bool is_word(const sql_token& t, std::string_view word) noexcept;

/// True when `t` is the punctuation `p`.
[[nodiscard]] bool is_punct(const sql_token& t, std::string_view p) noexcept;

}  // namespace migc::test
