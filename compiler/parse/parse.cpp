// The front end's driver: splits a file into statements, runs the grammar on
// each, turns syntax failures into diagnostics at the furthest position the
// grammar reached, and hands parse trees to the builder.
#include "compiler/parse/parse.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <string>

#include "compiler/ast/names.hpp"
#include "compiler/parse/annotations.hpp"
#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

/// Where the statement that starts at `p` ends (just past its ';', or the
/// end of input), judged the way sqlite3_complete() does: a ';' inside
/// CREATE TRIGGER ... BEGIN ends the statement only after END.
const char* statement_end(const char* p, const char* e) {
  bool trigger = false;
  int words = 0;
  bool saw_create = false;
  bool last_was_end = false;
  while (p != e) {
    p = g::skip_separators(p, e);
    if (p == e) break;
    const char c = *p;
    if (c == ';') {
      if (!trigger || last_was_end) return p + 1;
      last_was_end = false;
      ++p;
      continue;
    }
    last_was_end = false;
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const std::size_t n = g::quoted_length(p, e, c == '[' ? ']' : c);
      p = n == 0 ? e : p + n;
    } else if (const std::size_t n = g::word_length(p, e)) {
      const g::kw k = g::lookup_keyword(p, n);
      if (words == 0) saw_create = (k == g::kw::create);
      if (saw_create && words <= 2 && k == g::kw::trigger) trigger = true;
      last_was_end = (k == g::kw::end);
      ++words;
      p += n;
    } else {
      ++p;
    }
  }
  return e;
}

std::string display_expected(const char* what) {
  std::string s(what);
  if (!s.empty() && s.back() == '_') s.pop_back();
  // Keywords are spelled in lower case in the table; show them as written in SQL.
  if (s.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos &&
      g::lookup_keyword(s.data(), s.size()) != g::kw::none) {
    s = ast::upper(s);
  }
  return s;
}

/// The text of the token at `p`, for messages; empty at the end of input.
std::string_view token_at(const char* p, const char* e) {
  if (p == e) return {};
  if (const std::size_t n = g::numeric_literal::scan(p, p, e)) return {p, n};
  const g::token_info t = g::classify_name(p, p, e);
  if (t.length != 0) return {p, t.length};
  if (const std::size_t n = g::bind_parameter::scan(p, p, e)) return {p, n};
  static constexpr std::string_view ops[] = {"->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"};
  for (const std::string_view op : ops) {
    if (static_cast<std::size_t>(e - p) >= op.size() && std::string_view(p, op.size()) == op) return op;
  }
  return {p, 1};
}

bool recognizable(const char* p, const char* e) {
  if (p == e) return true;
  const char c = *p;
  if (c == '\'' || c == '"' || c == '`' || c == '[') return g::quoted_length(p, e, c == '[' ? ']' : c) != 0;
  if ((c == 'x' || c == 'X') && e - p >= 2 && p[1] == '\'') return g::blob_literal::scan(p, p, e) != 0;
  if (g::is_digit(c) || (c == '.' && e - p >= 2 && g::is_digit(p[1]))) return g::numeric_literal::scan(p, p, e) != 0;
  if (c == '?' || c == ':' || c == '@' || c == '$' || c == '#') return g::bind_parameter::scan(p, p, e) != 0;
  if (g::is_id_start(c)) return true;
  static constexpr std::string_view punct = "();,.+-*/%=<>&|~!";
  if (c == '!') return e - p >= 2 && p[1] == '=';
  return punct.find(c) != std::string_view::npos;
}

/// The innermost '(' still open at `at` in the statement starting at `p`,
/// or nullptr.
const char* open_parenthesis(const char* p, const char* at) {
  std::vector<const char*> open;
  while (p < at) {
    p = g::skip_separators(p, at);
    if (p >= at) break;
    const char c = *p;
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const std::size_t n = g::quoted_length(p, at, c == '[' ? ']' : c);
      if (n == 0) break;
      p += n;
    } else if (c == '(') {
      open.push_back(p++);
    } else if (c == ')') {
      if (!open.empty()) open.pop_back();
      ++p;
    } else {
      ++p;
    }
  }
  return open.empty() ? nullptr : open.back();
}

void report_syntax_error(diag::sink& sink, source::file_id file, const char* base, const char* start, const char* e,
                         const g::parse_tracker& t) {
  const char* at = t.furthest != nullptr ? t.furthest : e;
  const auto offset = static_cast<std::uint32_t>(at - base);
  if (!recognizable(at, e)) {
    const std::size_t len = std::min<std::size_t>(static_cast<std::size_t>(e - at), 1);
    // Show the offending token: a number glued to letters, an unterminated
    // quote up to the end of its line, or the one stray character.
    const char* q = at + 1;
    const char c = *at;
    if (g::is_digit(c) || c == '.') {
      while (q != e && (g::is_id_char(*q) || *q == '.')) ++q;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[' || c == 'x' || c == 'X') {
      while (q != e && *q != '\n' && q - at < 40) ++q;
    }
    sink.error(diag::code::E0102, {file, offset, static_cast<std::uint32_t>(offset + std::max<std::size_t>(len, 1))},
               fmt::format("unrecognized token: '{}'", std::string_view(at, static_cast<std::size_t>(q - at))));
    return;
  }
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < t.expected_count; ++i) {
    std::string s = display_expected(t.expected[i]);
    if (std::find(expected.begin(), expected.end(), s) == expected.end()) expected.push_back(std::move(s));
  }
  // Where any expression may start, say so instead of listing its first tokens.
  static constexpr std::string_view expression_starts[] = {
      "'~'",          "'+'",          "'-'",       "NOT",  "number", "string", "blob",  "NULL", "CURRENT_TIMESTAMP",
      "CURRENT_TIME", "CURRENT_DATE", "parameter", "CAST", "CASE",   "EXISTS", "RAISE", "'('",  "name"};
  const auto has = [&](std::string_view w) { return std::find(expected.begin(), expected.end(), w) != expected.end(); };
  if (has("number") && has("parameter") && has("CASE")) {
    std::erase_if(expected, [](const std::string& w) {
      return std::find(std::begin(expression_starts), std::end(expression_starts), w) != std::end(expression_starts);
    });
    expected.insert(expected.begin(), "expression");
  }
  // Closing punctuation is what is most often missing: list it first.
  std::stable_partition(expected.begin(), expected.end(),
                        [](const std::string& w) { return w == "')'" || w == "','" || w == "';'"; });
  std::string list;
  const std::size_t shown = std::min<std::size_t>(expected.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i != 0) list += (i + 1 == shown && shown == expected.size()) ? " or " : ", ";
    list += expected[i];
  }
  if (shown < expected.size()) list += ", ...";
  const std::string_view tok = token_at(at, e);
  const auto end = static_cast<std::uint32_t>(offset + std::max<std::size_t>(tok.size(), at == e ? 0 : 1));
  std::string message = tok.empty() ? std::string("incomplete input") : fmt::format("syntax error near '{}'", tok);
  if (!list.empty()) message += fmt::format(": expected {}", list);
  diag::diagnostic& d = sink.error(diag::code::E0101, {file, offset, end}, std::move(message));
  if (std::find(expected.begin(), expected.end(), "')'") != expected.end()) {
    if (const char* open = open_parenthesis(start, at)) {
      const auto o = static_cast<std::uint32_t>(open - base);
      d.notes.push_back({{file, o, o + 1}, "to match this '('"});
    }
  }
}

}  // namespace

ast::script parse_file(const source::source_manager& sources, source::file_id file, diag::sink& sink) {
  ast::script script;
  script.file = file;
  const std::string_view text = sources.text(file);
  const char* const base = text.data();
  const char* const e = base + text.size();
  builder build(file, text, sink);
  tree parse_tree;
  const char* p = base;
  for (;;) {
    p = g::skip_separators(p, e);
    if (p == e) break;
    if (*p == ';') {
      ++p;
      continue;
    }
    g::parse_tracker tracker;
    const g::tracker_scope scope(tracker);
    parse_tree.clear();
    tree_input in(p, e, parse_tree);
    bool ok = false;
    try {
      ok = pegtl::parse<g::statement, pegtl::nothing, tree_control>(in, parse_tree);
    } catch (const g::nesting_too_deep&) {
      const char* at = tracker.furthest != nullptr ? tracker.furthest : p;
      const auto offset = static_cast<std::uint32_t>(at - base);
      sink.error(diag::code::E0103, {file, offset, offset + (at == e ? 0U : 1U)},
                 fmt::format("expression or subquery nested deeper than {} levels", g::max_nesting));
      p = std::max(statement_end(p, e), p + 1);
      continue;
    }
    if (ok) {
      build.begin_statement();
      script.statements.push_back(build.statement(parse_tree.build()));
      p = in.current();
      continue;
    }
    // Parse again to learn what the grammar expected where it stopped.
    {
      g::parse_tracker collect;
      collect.collect_at = tracker.furthest;
      const g::tracker_scope again(collect);
      parse_tree.clear();
      tree_input retry(p, e, parse_tree);
      try {
        (void)pegtl::parse<g::statement, pegtl::nothing, tree_control>(retry, parse_tree);
      } catch (const g::nesting_too_deep&) {
      }
      tracker.expected = collect.expected;
      tracker.expected_count = collect.expected_count;
    }
    report_syntax_error(sink, file, base, p, e, tracker);
    p = std::max(statement_end(p, e), p + 1);
  }
  scan_comments(text, script);
  return script;
}

}  // namespace migc::parse
