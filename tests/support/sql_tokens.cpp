// The test suite's SQL tokenizer; see sql_tokens.hpp. Follows tokenize.c of
// SQLite 3.40: the character classes, the quote rules (a doubled quote
// escapes it, except inside [...]), numbers that swallow trailing identifier
// characters, and the longest-match operators.
#include "tests/support/sql_tokens.hpp"

#include <cstddef>

namespace migc::test {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_xdigit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of the quoted token at s[i] closed by `close`, or 0 if unterminated.
std::size_t quoted_length(std::string_view s, std::size_t i, char close) {
  std::size_t j = i + 1;
  while (j < s.size()) {
    if (s[j] == close) {
      if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
        j += 2;
        continue;
      }
      return j + 1 - i;
    }
    ++j;
  }
  return 0;
}

// Length of the number at s[i] (a digit, or '.' followed by a digit).
std::size_t number_length(std::string_view s, std::size_t i) {
  std::size_t j = i;
  auto digit_at = [&](std::size_t k) { return k < s.size() && is_digit(s[k]); };
  if (s[j] == '0' && j + 2 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X') && is_xdigit(s[j + 2])) {
    // tokenize.c returns a hex literal at its last digit: "0x1G" is 0x1 G.
    j += 2;
    while (j < s.size() && is_xdigit(s[j])) ++j;
    return j - i;
  }
  while (digit_at(j)) ++j;
  if (j < s.size() && s[j] == '.') {
    ++j;
    while (digit_at(j)) ++j;
  }
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E') &&
      (digit_at(j + 1) || (j + 1 < s.size() && (s[j + 1] == '+' || s[j + 1] == '-') && digit_at(j + 2)))) {
    j += 2;
    while (digit_at(j)) ++j;
  }
  // tokenize.c: identifier characters glued to a number make it illegal, but
  // one token all the same.
  while (j < s.size() && is_id_char(s[j])) ++j;
  return j - i;
}

// Length of the bind parameter at s[i] ('?', ':', '@', '$' or '#').
std::size_t parameter_length(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (s[i] == '?') {
    while (j < s.size() && is_digit(s[j])) ++j;
    return j - i;
  }
  while (j < s.size()) {
    if (is_id_char(s[j])) {
      ++j;
    } else if (s[j] == ':' && j + 1 < s.size() && s[j + 1] == ':') {
      j += 2;
    } else if (s[j] == '(' && j > i + 1) {
      std::size_t k = j + 1;
      while (k < s.size() && s[k] != ')' && !is_space(s[k])) ++k;
      if (k < s.size() && s[k] == ')') j = k + 1;
      break;
    } else {
      break;
    }
  }
  return j - i;
}

// Length of the operator or punctuation at s[i], 0 if none starts there.
std::size_t punct_length(std::string_view s, std::size_t i) {
  static constexpr std::string_view longest_first[] = {"->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<",
                                                       ">>",  "(",  ")",  ",",  ";",  ".",  "+",  "-",  "*",
                                                       "/",   "%",  "=",  "<",  ">",  "&",  "|",  "~"};
  for (std::string_view p : longest_first) {
    if (s.substr(i, p.size()) == p) return p.size();
  }
  return 0;
}

}  // namespace

std::vector<sql_token> tokenize_sql(std::string_view s) {
  std::vector<sql_token> out;
  std::size_t i = 0;
  auto emit = [&](token_kind k, std::size_t n) {
    out.push_back({k, std::string(s.substr(i, n))});
    i += n;
  };
  while (i < s.size()) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (is_space(c)) {
      ++i;
    } else if (c == '-' && next == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      const std::size_t close = s.find("*/", i + 2);
      i = close == std::string_view::npos ? s.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const std::size_t n = quoted_length(s, i, c == '[' ? ']' : c);
      if (n == 0) {
        emit(token_kind::illegal, s.size() - i);
      } else {
        emit(c == '\'' ? token_kind::string : token_kind::quoted_identifier, n);
      }
    } else if ((c == 'x' || c == 'X') && next == '\'') {
      const std::size_t n = quoted_length(s, i + 1, '\'');
      emit(n == 0 ? token_kind::illegal : token_kind::blob, n == 0 ? s.size() - i : n + 1);
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      emit(token_kind::number, number_length(s, i));
    } else if (c == '?' || c == ':' || c == '@' || c == '$' || c == '#') {
      emit(token_kind::parameter, parameter_length(s, i));
    } else if (is_id_char(c)) {
      std::size_t j = i + 1;
      while (j < s.size() && is_id_char(s[j])) ++j;
      emit(token_kind::word, j - i);
    } else if (const std::size_t n = punct_length(s, i); n != 0) {
      emit(token_kind::punct, n);
    } else {
      emit(token_kind::illegal, 1);
    }
  }
  return out;
}

std::string join_tokens(const std::vector<sql_token>& tokens) {
  std::string out;
  for (const sql_token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

bool is_word(const sql_token& t, std::string_view word) noexcept {
  if (t.kind != token_kind::word || t.text.size() != word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(t.text[i]) != lower(word[i])) return false;
  }
  return true;
}

bool is_punct(const sql_token& t, std::string_view p) noexcept { return t.kind == token_kind::punct && t.text == p; }

}  // namespace migc::test
