// The statements that are neither DDL nor DML: PRAGMA, BEGIN / COMMIT /
// ROLLBACK, SAVEPOINT / RELEASE, ATTACH / DETACH, VACUUM, REINDEX and
// ANALYZE: parse-tree nodes of grammar/misc.hpp to the AST.
#include <cassert>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

std::optional<ast::identifier> optional_name(builder& b, const node& n) {
  for (const auto& c : n.children) {
    if (is<g::nm>(*c)) return b.identifier(*c);
  }
  return std::nullopt;
}

ast::pragma build_pragma(builder& b, const node& n) {
  ast::pragma p;
  p.name = b.qualified(*child<g::qualified_name>(n));
  if (const node* v = child<g::pragma_value>(n)) {
    p.double_equals = child<g::double_equals>(n) != nullptr;
    const bool assigned = p.double_equals || child<g::single_equals>(n) != nullptr;
    p.how = assigned ? ast::pragma::form::assign : ast::pragma::form::call;
    p.value = std::string(b.text_of(*v));
    if (const node* name = child<g::nm>(*v)) p.value_name = b.identifier(*name);
  }
  return p;
}

ast::begin build_begin(builder& b, const node& n) {
  ast::begin x;
  for (const node* c : n.children) {
    if (is<g::transaction_deferred>(*c)) x.mode = ast::transaction_mode::deferred;
    if (is<g::transaction_immediate>(*c)) x.mode = ast::transaction_mode::immediate;
    if (is<g::transaction_exclusive>(*c)) x.mode = ast::transaction_mode::exclusive;
  }
  x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
  x.name = optional_name(b, n);
  return x;
}

ast::commit build_commit(builder& b, const node& n) {
  ast::commit x;
  x.end_spelling = child<g::end_verb>(n) != nullptr;
  x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
  x.name = optional_name(b, n);
  return x;
}

ast::rollback build_rollback(builder& b, const node& n) {
  ast::rollback x;
  x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
  x.name = optional_name(b, n);
  if (const node* sp = child<g::savepoint_ref>(n)) x.savepoint = b.identifier(*sp);
  x.savepoint_keyword = child<g::savepoint_marker>(n) != nullptr;
  return x;
}

ast::release build_release(builder& b, const node& n) {
  ast::release x;
  x.name = b.identifier(*child<g::savepoint_ref>(n));
  x.savepoint_keyword = child<g::savepoint_marker>(n) != nullptr;
  return x;
}

ast::attach build_attach(builder& b, const node& n) {
  ast::attach x;
  x.database_keyword = child<g::database_marker>(n) != nullptr;
  std::size_t i = 0;
  for (const auto& c : n.children) {
    if (is<g::database_marker>(*c)) continue;
    if (is<g::attach_key>(*c)) {
      x.key = b.expr(*c->children.front());
    } else if (i++ == 0) {
      x.file = b.expr(*c);
    } else {
      x.schema = b.expr(*c);
    }
  }
  return x;
}

ast::detach build_detach(builder& b, const node& n) {
  ast::detach x;
  x.database_keyword = child<g::database_marker>(n) != nullptr;
  x.schema = b.expr(*n.children.back());
  return x;
}

ast::vacuum build_vacuum(builder& b, const node& n) {
  ast::vacuum x;
  x.schema = optional_name(b, n);
  if (const node* i = child<g::vacuum_into>(n)) x.into = b.expr(*i->children.front());
  return x;
}

/// REINDEX and ANALYZE: an optional target.
template <typename T>
T build_maintenance(builder& b, const node& n) {
  T x;
  if (const node* q = child<g::qualified_name>(n)) x.target = b.qualified(*q);
  return x;
}

}  // namespace

bool build_misc_statement(builder& b, const node& n, ast::statement& out) {
  if (is<g::pragma_stmt>(n)) {
    out.node = build_pragma(b, n);
  } else if (is<g::begin_stmt>(n)) {
    out.node = build_begin(b, n);
  } else if (is<g::commit_stmt>(n)) {
    out.node = build_commit(b, n);
  } else if (is<g::rollback_stmt>(n)) {
    out.node = build_rollback(b, n);
  } else if (is<g::savepoint_stmt>(n)) {
    out.node = ast::savepoint{b.identifier(*child<g::savepoint_ref>(n))};
  } else if (is<g::release_stmt>(n)) {
    out.node = build_release(b, n);
  } else if (is<g::attach_stmt>(n)) {
    out.node = build_attach(b, n);
  } else if (is<g::detach_stmt>(n)) {
    out.node = build_detach(b, n);
  } else if (is<g::vacuum_stmt>(n)) {
    out.node = build_vacuum(b, n);
  } else if (is<g::reindex_stmt>(n)) {
    out.node = build_maintenance<ast::reindex>(b, n);
  } else if (is<g::analyze_stmt>(n)) {
    out.node = build_maintenance<ast::analyze>(b, n);
  } else {
    return false;
  }
  return true;
}

}  // namespace migc::parse
