// CREATE TABLE and the pieces it shares with ALTER TABLE and DML (column
// definitions, constraints, foreign keys, conflict resolutions): parse-tree
// nodes of grammar/create_table.hpp to the AST, with SQLite's action-level
// checks (table options, generated column storage).
#include <cassert>
#include <fmt/format.h>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

// `n` is an on_conflict node (ON CONFLICT <action>), an or_conflict node
// (OR <action>) or null.
ast::conflict_resolution conflict_of(const node* n) {
  if (n == nullptr) return ast::conflict_resolution::none;
  const node& a = *n->children.back();
  if (is<g::conflict_rollback>(a)) return ast::conflict_resolution::rollback;
  if (is<g::conflict_abort>(a)) return ast::conflict_resolution::abort;
  if (is<g::conflict_fail>(a)) return ast::conflict_resolution::fail;
  if (is<g::conflict_ignore>(a)) return ast::conflict_resolution::ignore;
  assert(is<g::conflict_replace>(a));
  return ast::conflict_resolution::replace;
}

namespace {

ast::fk_action fk_action_of(const node& n) {
  if (is<g::fk_set_null>(n)) return ast::fk_action::set_null;
  if (is<g::fk_set_default>(n)) return ast::fk_action::set_default;
  if (is<g::fk_cascade>(n)) return ast::fk_action::cascade;
  if (is<g::fk_restrict>(n)) return ast::fk_action::restrict;
  assert(is<g::fk_no_action>(n));
  return ast::fk_action::no_action;
}

ast::fk_argument::kind fk_event_of(const node& n) {
  if (is<g::fk_on_delete>(n)) return ast::fk_argument::kind::on_delete;
  if (is<g::fk_on_update>(n)) return ast::fk_argument::kind::on_update;
  assert(is<g::fk_on_insert>(n));
  return ast::fk_argument::kind::on_insert;
}

}  // namespace

ast::deferrable_clause builder::deferrable(const node& n) {
  ast::deferrable_clause d;
  d.negated = child<g::not_marker>(n) != nullptr;
  if (child<g::initially_deferred>(n) != nullptr) d.mode = ast::initially::deferred;
  if (child<g::initially_immediate>(n) != nullptr) d.mode = ast::initially::immediate;
  return d;
}

ast::foreign_key_clause builder::references(const node& n) {
  ast::foreign_key_clause fk;
  for (const auto& c : n.children) {
    if (is<g::nm>(*c)) {
      fk.table = identifier(*c);
    } else if (is<g::eidlist>(*c)) {
      fk.columns = eidlist(*c);
    } else if (is<g::fk_match>(*c)) {
      ast::fk_argument a;
      a.what = ast::fk_argument::kind::match;
      a.match_name = identifier(*c->children.front());
      fk.arguments.push_back(std::move(a));
    } else if (is<g::fk_on>(*c)) {
      ast::fk_argument a;
      a.what = fk_event_of(*c->children.front());
      a.action = fk_action_of(*c->children.back());
      fk.arguments.push_back(std::move(a));
    }
  }
  return fk;
}

ast::column_definition builder::column(const node& n) {
  ast::column_definition col;
  col.where = span_of(n);
  std::optional<ast::identifier> pending_name;
  for (const auto& c : n.children) {
    if (is<g::nm>(*c)) {
      col.name = identifier(*c);
      continue;
    }
    if (is<g::type_name>(*c)) {
      col.type = type_name(*c);
      continue;
    }
    ast::column_constraint k;
    k.where = span_of(*c);
    using kind = ast::column_constraint::kind;
    if (is<g::constraint_name>(*c)) {
      k.what = kind::name_only;
      k.name = identifier(*c->children.front());
    } else if (is<g::default_value>(*c)) {
      k.what = kind::default_;
      ast::default_value d;
      const node& v = *c->children.back();
      if (is<g::id_name>(v)) {
        d.form = ast::default_form::identifier;
        d.name = identifier(v);
      } else if (is<g::default_paren>(v)) {
        d.form = ast::default_form::parenthesized;
        auto p = std::make_unique<ast::expr>();
        p->where = span_of(v);
        ast::paren inner;
        inner.items.push_back(expr(*v.children.front()));
        p->node = std::move(inner);
        d.value = std::move(p);
      } else if (is<g::default_signed>(v)) {
        d.form = ast::default_form::signed_literal;
        auto u = std::make_unique<ast::expr>();
        u->where = span_of(v);
        u->node = ast::unary{is<g::unary_minus>(*v.children.front()) ? ast::unary_op::negate : ast::unary_op::plus,
                             expr(*v.children.back())};
        d.value = std::move(u);
      } else {
        d.form = ast::default_form::literal;
        d.value = expr(v);
      }
      k.default_ = std::make_unique<ast::default_value>(std::move(d));
    } else if (is<g::not_null_constraint>(*c)) {
      k.what = kind::not_null;
      k.on_conflict = conflict_of(child<g::on_conflict>(*c));
    } else if (is<g::null_constraint>(*c)) {
      k.what = kind::null;
      k.on_conflict = conflict_of(child<g::on_conflict>(*c));
    } else if (is<g::column_primary_key>(*c)) {
      k.what = kind::primary_key;
      if (child<g::sort_asc>(*c) != nullptr) k.direction = ast::sort_direction::asc;
      if (child<g::sort_desc>(*c) != nullptr) k.direction = ast::sort_direction::desc;
      k.on_conflict = conflict_of(child<g::on_conflict>(*c));
      k.autoincrement = child<g::autoincrement>(*c) != nullptr;
    } else if (is<g::column_unique>(*c)) {
      k.what = kind::unique;
      k.on_conflict = conflict_of(child<g::on_conflict>(*c));
    } else if (is<g::check_constraint>(*c)) {
      k.what = kind::check;
      k.expression = expr(*c->children.front());
    } else if (is<g::references_clause>(*c)) {
      k.what = kind::references;
      k.references = std::make_unique<ast::foreign_key_clause>(references(*c));
    } else if (is<g::fk_deferrable>(*c)) {
      k.what = kind::deferrable;
      k.deferrable = deferrable(*c);
    } else if (is<g::collate_constraint>(*c)) {
      k.what = kind::collate;
      k.collation = identifier(*c->children.front());
    } else {
      assert(is<g::generated_constraint>(*c));
      k.what = kind::generated;
      k.generated_always = child<g::generated_always>(*c) != nullptr;
      k.expression = expr(*child<g::expr>(*c));
      if (const node* s = child<g::generated_storage>(*c)) {
        k.storage = identifier(*s);
        if ((k.storage->key != "stored" && k.storage->key != "virtual") || k.storage->quote != '\0') {
          error(diag::code::E0109, *s,
                fmt::format("error in generated column '{}': '{}' is neither STORED nor VIRTUAL", col.name.text,
                            k.storage->text));
        }
      }
    }
    col.constraints.push_back(std::move(k));
  }
  return col;
}

namespace {

ast::table_constraint table_constraint(builder& b, const node& c) {
  ast::table_constraint k;
  k.where = b.span_of(c);
  using kind = ast::table_constraint::kind;
  if (is<g::constraint_name>(c)) {
    k.what = kind::name_only;
    k.name = b.identifier(*c.children.front());
  } else if (is<g::table_primary_key>(c) || is<g::table_unique>(c)) {
    k.what = is<g::table_primary_key>(c) ? kind::primary_key : kind::unique;
    for (const auto& p : c.children) {
      if (is<g::sort_item>(*p)) k.columns.push_back(b.sort_item(*p));
    }
    k.autoincrement = child<g::autoincrement>(c) != nullptr;
    k.on_conflict = conflict_of(child<g::on_conflict>(c));
  } else if (is<g::table_check>(c)) {
    k.what = kind::check;
    k.check = b.expr(*c.children.front());
    k.on_conflict = conflict_of(child<g::on_conflict>(c));
  } else {
    assert(is<g::table_foreign_key>(c));
    k.what = kind::foreign_key;
    k.fk_columns = b.eidlist(*child<g::eidlist>(c));
    k.references = b.references(*child<g::references_clause>(c));
    if (const node* d = child<g::fk_deferrable>(c)) k.deferrable = b.deferrable(*d);
  }
  return k;
}

}  // namespace

bool build_create_table_statement(builder& b, const node& n, ast::statement& out) {
  if (!is<g::create_table>(n)) return false;
  ast::create_table t;
  set_temp(n, t);
  for (const auto& c : n.children) {
    if (is<g::if_not_exists>(*c)) {
      t.if_not_exists = true;
    } else if (is<g::qualified_name>(*c)) {
      t.name = b.qualified(*c);
    } else if (is<g::table_as_select>(*c)) {
      t.as_select = b.select(*c->children.front());
    } else if (is<g::table_definition>(*c)) {
      bool comma = true;  // the first constraint follows the column list's ','
      for (const auto& p : c->children) {
        if (is<g::column_def>(*p)) {
          t.columns.push_back(b.column(*p));
        } else if (is<g::leading_options_comma>(*p)) {
          t.options_leading_comma = true;
        } else if (is<g::constraint_comma>(*p)) {
          comma = true;
        } else if (is<g::table_option>(*p)) {
          ast::table_option o;
          o.without = child<g::without_marker>(*p) != nullptr;
          o.name = b.identifier(*p->children.back());
          if (o.without && o.name.key == "rowid" && o.name.quote == '\0') {
            t.without_rowid = true;
          } else if (!o.without && o.name.key == "strict" && o.name.quote == '\0') {
            t.strict = true;
          } else {
            b.error(diag::code::E0104, *p, fmt::format("unknown table option: '{}'", b.text_of(*p)));
          }
          t.options.push_back(std::move(o));
        } else {
          ast::table_constraint k = table_constraint(b, *p);
          k.comma_before = comma;
          comma = false;
          t.constraints.push_back(std::move(k));
        }
      }
    }
  }
  out.node = std::move(t);
  return true;
}

}  // namespace migc::parse
