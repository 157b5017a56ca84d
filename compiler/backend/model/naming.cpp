// Names for generated code (see naming.hpp).
#include "compiler/backend/model/naming.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "compiler/ast/names.hpp"

namespace migc::backend::naming {

namespace {

bool is_alnum(char c) noexcept { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_lower_or_digit(char c) noexcept {
  return std::islower(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_upper(char c) noexcept { return std::isupper(static_cast<unsigned char>(c)) != 0; }
char lower(char c) noexcept { return ast::ascii_lower(c); }
char upper(char c) noexcept { return ast::ascii_upper(c); }
bool ends_with(std::string_view s, std::string_view tail) noexcept {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::vector<std::string> words(std::string_view sql_name) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < sql_name.size(); ++i) {
    const char c = sql_name[i];
    if (!is_alnum(c)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (is_upper(c) && i > 0 && is_lower_or_digit(sql_name[i - 1]) && !current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    current.push_back(lower(c));
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string pascal_case(std::span<const std::string> words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    out.push_back(upper(w.front()));
    out.append(w, 1);
  }
  return out;
}

std::string camel_case(std::span<const std::string> words) {
  std::string out = pascal_case(words);
  if (!out.empty()) out.front() = lower(out.front());
  return out;
}

std::string snake_case(std::span<const std::string> words) {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out.push_back('_');
    out += w;
  }
  return out;
}

std::string singular(std::string_view word) {
  std::string w(word);
  if (w.size() < 3 || !ends_with(w, "s")) return w;
  if (ends_with(w, "ss") || ends_with(w, "us") || ends_with(w, "is")) return w;
  if (ends_with(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "sses") || ends_with(w, "xes") || ends_with(w, "ches") || ends_with(w, "shes") ||
      ends_with(w, "zzes")) {
    return w.substr(0, w.size() - 2);
  }
  if (ends_with(w, "uses") && w.size() > 4) {
    // "statuses", "buses", "campuses": drop "es"; "houses", "causes" (a
    // vowel before "uses"): drop "s".
    const char before = w[w.size() - 5];
    if (std::string_view("aeiou").find(before) == std::string_view::npos) return w.substr(0, w.size() - 2);
  }
  return w.substr(0, w.size() - 1);
}

scope::scope(std::span<const std::string_view> keywords, std::string_view keyword_suffix, std::string_view digit_prefix,
             std::string_view empty_name)
    : keywords_(keywords.begin(), keywords.end()),
      keyword_suffix_(keyword_suffix),
      digit_prefix_(digit_prefix),
      empty_name_(empty_name) {}

void scope::reserve(std::string name) { taken_.insert(std::move(name)); }

std::string scope::claim(std::string wanted) {
  if (wanted.empty()) wanted = empty_name_;
  if (std::isdigit(static_cast<unsigned char>(wanted.front())) != 0) wanted = digit_prefix_ + wanted;
  if (keywords_.contains(wanted)) wanted += keyword_suffix_;
  std::string name = wanted;
  for (int n = 2; taken_.contains(name) || keywords_.contains(name); ++n) name = wanted + std::to_string(n);
  taken_.insert(name);
  return name;
}

std::span<const std::string_view> cpp_keywords() noexcept {
  static constexpr auto list = std::to_array<std::string_view>(
      {"alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
       "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
       "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
       "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
       "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
       "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
       "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch",
       "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned",
       "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
       // Identifiers with special meaning, and names of the standard library
       // and of the support header that generated code refers to unqualified.
       "final", "override", "import", "module", "std", "migc", "assert", "errno", "NULL"});
  return list;
}

std::span<const std::string_view> fsharp_keywords() noexcept {
  static constexpr auto list = std::to_array<std::string_view>(
      {"abstract", "and", "as", "assert", "base", "begin", "class", "default", "delegate", "do", "done", "downcast",
       "downto", "elif", "else", "end", "exception", "extern", "false", "finally", "fixed", "for", "fun", "function",
       "global", "if", "in", "inherit", "inline", "interface", "internal", "lazy", "let", "match", "member", "module",
       "mutable", "namespace", "new", "not", "null", "of", "open", "or", "override", "private", "public", "rec",
       "return", "select", "sig", "static", "struct", "then", "to", "true", "try", "type", "upcast", "use", "val",
       "void", "when", "while", "with", "yield", "const",
       // OCaml-compatibility and reserved-for-future words.
       "asr", "land", "lor", "lsl", "lsr", "lxor", "mod", "break", "checked", "component", "constraint", "continue",
       "event", "external", "include", "mixin", "parallel", "process", "protected", "pure", "sealed", "tailcall",
       "trait", "virtual", "atomic", "constructor", "eager", "functor", "measure", "method", "object", "recursive",
       "volatile"});
  return list;
}

}  // namespace migc::backend::naming
