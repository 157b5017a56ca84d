// ALTER TABLE (rename, add and drop column, and the constraint forms of
// SQLite 3.53) and DROP TABLE / VIEW / INDEX / TRIGGER: parse-tree nodes of
// grammar/alter_drop.hpp to the AST.
#include <cassert>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

ast::alter_table build_alter_table(builder& b, const node& n) {
  ast::alter_table a;
  a.table = b.qualified(*n.children.front());
  const node& op = *n.children.back();
  a.column_keyword = child<g::column_keyword>(op) != nullptr;
  std::vector<const node*> names;
  for (const auto& c : op.children) {
    if (is<g::nm>(*c)) names.push_back(c);
  }
  using kind = ast::alter_table::kind;
  if (is<g::rename_table>(op)) {
    a.what = kind::rename_table;
    a.to = b.identifier(*names.front());
  } else if (is<g::rename_column>(op)) {
    a.what = kind::rename_column;
    a.from = b.identifier(*names.front());
    a.to = b.identifier(*names.back());
  } else if (is<g::add_column>(op)) {
    a.what = kind::add_column;
    a.column = b.column(*child<g::column_def>(op));
  } else if (is<g::add_check>(op)) {
    a.what = kind::add_check;
    if (const node* c = child<g::constraint_name>(op)) a.constraint = b.identifier(*c->children.front());
    a.check = b.expr(*op.children.back());
  } else if (is<g::drop_constraint>(op)) {
    a.what = kind::drop_constraint;
    a.constraint = b.identifier(*names.front());
  } else if (is<g::alter_column>(op)) {
    a.from = b.identifier(*names.front());
    if (const node* set = child<g::set_not_null>(op)) {
      a.what = kind::set_not_null;
      if (const node* oc = child<g::on_conflict>(*set)) a.on_conflict = conflict_of(oc);
    } else {
      a.what = kind::drop_not_null;
    }
  } else {
    assert(is<g::drop_column>(op));
    a.what = kind::drop_column;
    a.from = b.identifier(*names.front());
  }
  return a;
}

ast::object_kind object_kind_of(const node& n) {
  for (const node* c : n.children) {
    if (is<g::drop_table_kind>(*c)) return ast::object_kind::table;
    if (is<g::drop_view_kind>(*c)) return ast::object_kind::view;
    if (is<g::drop_index_kind>(*c)) return ast::object_kind::index;
    if (is<g::drop_trigger_kind>(*c)) return ast::object_kind::trigger;
  }
  assert(false && "DROP without an object kind");
  return ast::object_kind::table;
}

ast::drop build_drop(builder& b, const node& n) {
  ast::drop d;
  d.what = object_kind_of(n);
  d.if_exists = child<g::if_exists>(n) != nullptr;
  d.name = b.qualified(*child<g::qualified_name>(n));
  return d;
}

}  // namespace

bool build_alter_drop_statement(builder& b, const node& n, ast::statement& out) {
  if (is<g::alter_table>(n)) {
    out.node = build_alter_table(b, n);
  } else if (is<g::drop_stmt>(n)) {
    out.node = build_drop(b, n);
  } else {
    return false;
  }
  return true;
}

}  // namespace migc::parse
