// CREATE INDEX, CREATE VIEW, CREATE TRIGGER and CREATE VIRTUAL TABLE:
// parse-tree nodes of grammar/create_other.hpp to the AST. A trigger's body
// steps are built by the DML builders with builder::in_trigger set.
#include <cassert>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

ast::create_index build_create_index(builder& b, const node& n) {
  ast::create_index x;
  x.unique = child<g::unique_marker>(n) != nullptr;
  x.if_not_exists = child<g::if_not_exists>(n) != nullptr;
  x.name = b.qualified(*child<g::qualified_name>(n));
  x.table = b.identifier(*child<g::index_table>(n));
  for (const auto& c : n.children) {
    if (is<g::sort_item>(*c)) x.columns.push_back(b.sort_item(*c));
  }
  if (const node* w = child<g::where_clause>(n)) x.where_clause = b.expr(*w->children.front());
  return x;
}

ast::create_view build_create_view(builder& b, const node& n) {
  ast::create_view v;
  set_temp(n, v);
  v.if_not_exists = child<g::if_not_exists>(n) != nullptr;
  v.name = b.qualified(*child<g::qualified_name>(n));
  if (const node* cols = child<g::eidlist>(n)) v.columns = b.eidlist(*cols);
  v.query = b.select(*child<g::select_stmt>(n));
  return v;
}

ast::create_trigger build_create_trigger(builder& b, const node& n) {
  ast::create_trigger t;
  set_temp(n, t);
  bool named = false;
  for (const auto& c : n.children) {
    if (is<g::temp_marker>(*c)) {
      continue;
    }
    if (is<g::if_not_exists>(*c)) {
      t.if_not_exists = true;
    } else if (is<g::qualified_name>(*c)) {
      if (!named) {
        t.name = b.qualified(*c);
        named = true;
      } else {
        t.table = b.qualified(*c);
      }
    } else if (is<g::trigger_before>(*c)) {
      t.timing = ast::trigger_timing::before;
    } else if (is<g::trigger_after>(*c)) {
      t.timing = ast::trigger_timing::after;
    } else if (is<g::trigger_instead_of>(*c)) {
      t.timing = ast::trigger_timing::instead_of;
    } else if (is<g::trigger_on_delete>(*c)) {
      t.event = ast::trigger_event::delete_;
    } else if (is<g::trigger_on_insert>(*c)) {
      t.event = ast::trigger_event::insert;
    } else if (is<g::trigger_on_update>(*c)) {
      t.event = ast::trigger_event::update;
      if (const node* cols = child<g::idlist>(*c)) t.update_of = b.idlist(*cols);
    } else if (is<g::for_each_row>(*c)) {
      t.for_each_row = true;
    } else if (is<g::trigger_when>(*c)) {
      t.when = b.expr(*c->children.front());
    } else {
      ast::statement step;
      step.where = b.span_of(*c);
      b.in_trigger = true;
      if (is<g::trigger_update>(*c)) {
        step.node = build_update(b, *c);
      } else if (is<g::trigger_insert>(*c)) {
        step.node = build_insert(b, *c);
      } else if (is<g::trigger_delete>(*c)) {
        step.node = build_delete(b, *c);
      } else {
        step.node = ast::select_statement{b.select(*c)};
      }
      b.in_trigger = false;
      t.body.push_back(std::move(step));
    }
  }
  return t;
}

ast::create_virtual_table build_create_virtual_table(builder& b, const node& n) {
  ast::create_virtual_table v;
  v.if_not_exists = child<g::if_not_exists>(n) != nullptr;
  v.name = b.qualified(*child<g::qualified_name>(n));
  v.module = b.identifier(*child<g::module_name>(n));
  if (const node* args = child<g::module_arguments>(n)) {
    std::vector<std::string> list;
    for (const auto& a : args->children) list.emplace_back(b.text_of(*a));
    v.arguments = std::move(list);
  }
  return v;
}

}  // namespace

bool build_create_other_statement(builder& b, const node& n, ast::statement& out) {
  if (is<g::create_index>(n)) {
    out.node = build_create_index(b, n);
  } else if (is<g::create_view>(n)) {
    out.node = build_create_view(b, n);
  } else if (is<g::create_trigger>(n)) {
    out.node = build_create_trigger(b, n);
  } else if (is<g::create_virtual_table>(n)) {
    out.node = build_create_virtual_table(b, n);
  } else {
    return false;
  }
  return true;
}

}  // namespace migc::parse
