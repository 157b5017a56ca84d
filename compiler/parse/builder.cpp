// The AST builder's own members: spans, text and identifiers of parse-tree
// nodes, action-level diagnostics, and the entry for one statement of a
// script (grammar/script.hpp): its EXPLAIN prefix and span, and the
// statement itself, handed to the builder of its family
// (build_create_table.cpp, build_create_other.cpp, build_dml.cpp,
// build_alter_drop.cpp, build_misc.cpp).
#include "compiler/parse/builder.hpp"

#include <cassert>

#include "compiler/ast/names.hpp"

namespace migc::parse {

namespace g = grammar;

source::span builder::span_of(const node& n) const noexcept {
  const char* b = g::skip_separators(n.begin, n.end);
  return {file_, static_cast<std::uint32_t>(b - base_), static_cast<std::uint32_t>(n.end - base_)};
}

std::string_view builder::text_of(const node& n) const noexcept {
  const char* b = g::skip_separators(n.begin, n.end);
  return {b, static_cast<std::size_t>(n.end - b)};
}

ast::identifier builder::identifier(const node& n) const {
  ast::identifier id;
  const std::string_view t = text_of(n);
  id.where = span_of(n);
  if (!t.empty() && (t.front() == '"' || t.front() == '`' || t.front() == '\'' || t.front() == '[')) {
    id.quote = t.front();
    const std::string_view inner = t.substr(1, t.size() - 2);
    if (id.quote == '[') {
      id.text = std::string(inner);
    } else {
      id.text.reserve(inner.size());
      for (std::size_t i = 0; i < inner.size(); ++i) {
        id.text += inner[i];
        if (inner[i] == id.quote && i + 1 < inner.size() && inner[i + 1] == id.quote) ++i;
      }
    }
  } else {
    id.text = std::string(t);
  }
  id.key = ast::fold(id.text);
  return id;
}

ast::qualified_name builder::qualified(const node& n) const {
  ast::qualified_name q;
  q.where = span_of(n);
  if (n.children.size() == 2) {
    q.schema = identifier(*n.children[0]);
    q.name = identifier(*n.children[1]);
  } else {
    q.name = identifier(*n.children.front());
  }
  return q;
}

void builder::error(diag::code c, const node& at, std::string message) {
  sink_.error(c, span_of(at), std::move(message));
}

ast::statement builder::statement(std::span<const node* const> top) {
  ast::statement s;
  const node* cmd = nullptr;
  for (const node* c : top) {
    if (is<g::explain_prefix>(*c)) {
      s.explain = child<g::query_plan>(*c) != nullptr ? ast::explain_mode::query_plan : ast::explain_mode::explain;
    } else {
      cmd = c;
    }
  }
  assert(cmd != nullptr);
  s.where = {file_, span_of(*top.front()).begin, span_of(*top.back()).end};
  const bool built = build_create_table_statement(*this, *cmd, s) || build_dml_statement(*this, *cmd, s) ||
                     build_create_other_statement(*this, *cmd, s) || build_alter_drop_statement(*this, *cmd, s) ||
                     build_misc_statement(*this, *cmd, s);
  assert(built && "a statement of no family");
  (void)built;
  return s;
}

}  // namespace migc::parse
