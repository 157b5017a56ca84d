// Small utilities every stage shares for names and AST variants: SQLite's
// ASCII case folding (it compares names case-insensitively for ASCII
// letters only), SQL quoting of a name or a string, and `overloaded` for
// std::visit over AST variants.
#pragma once

#include <string>
#include <string_view>

namespace migc::ast {

/// `c` with an ASCII upper-case letter made lower case; other bytes as they are.
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
/// `c` with an ASCII lower-case letter made upper case; other bytes as they are.
[[nodiscard]] constexpr char ascii_upper(char c) noexcept {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

/// The ASCII case-fold of `name`, as SQLite compares names.
[[nodiscard]] inline std::string fold(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = ascii_lower(c);
  return out;
}
/// `text` with ASCII letters upper-cased (keywords, declared types).
[[nodiscard]] inline std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

/// `name` double-quoted with '"' doubled: an identifier in any SQL migc
/// writes, whatever it holds.
[[nodiscard]] inline std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}
/// `text` single-quoted with '\'' doubled: a string literal.
[[nodiscard]] inline std::string quote_string(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

/// Overload set for std::visit.
template <typename... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
overloaded(Fs...) -> overloaded<Fs...>;  // clang before 17 does not deduce aggregates

}  // namespace migc::ast
