// INSERT, REPLACE, UPDATE and DELETE with upsert and RETURNING, and SELECT as
// a statement: parse-tree nodes of grammar/dml.hpp to the AST, for
// statements and for the steps of a trigger body, with the checks SQLite
// makes on trigger bodies.
#include <cassert>
#include <fmt/format.h>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

namespace {

void trigger_checks(builder& b, const node& n, const ast::target_table& target, ast::indexed_kind indexed) {
  if (!b.in_trigger) return;
  if (target.name.schema) {
    b.error(diag::code::E0110, *child<g::trigger_table>(n),
            "qualified table names are not allowed on INSERT, UPDATE, and DELETE statements within triggers");
  }
  if (indexed != ast::indexed_kind::none) {
    const node* at = child<g::indexed_by>(n);
    if (at == nullptr) at = child<g::not_indexed>(n);
    b.error(diag::code::E0110, *at,
            fmt::format("the {} clause is not allowed on UPDATE or DELETE statements within triggers",
                        indexed == ast::indexed_kind::indexed_by ? "INDEXED BY" : "NOT INDEXED"));
  }
}

void returning_check(builder& b, const node& r) {
  if (b.in_trigger) b.error(diag::code::E0110, r, "cannot use RETURNING in a trigger");
}

}  // namespace

ast::insert build_insert(builder& b, const node& n) {
  ast::insert s;
  for (const auto& c : n.children) {
    if (is<g::with_clause>(*c)) {
      s.with = b.with(*c);
    } else if (is<g::insert_verb>(*c)) {
      s.replace = child<g::replace_verb>(*c) != nullptr;
      s.or_conflict = conflict_of(child<g::or_conflict>(*c));
    } else if (is<g::target_table>(*c) || is<g::trigger_table>(*c)) {
      s.target = b.target(*c);
    } else if (is<g::column_list>(*c)) {
      s.columns = b.idlist(*c->children.front());
    } else if (is<g::default_values>(*c)) {
      s.default_values = true;
      if (const node* r = child<g::returning_clause>(*c)) {
        returning_check(b, *r);
        s.returning = b.result_columns(*r->children.front());
      }
    } else if (is<g::select_stmt>(*c)) {
      s.source = b.select(*c);
    } else if (is<g::upsert_clause>(*c)) {
      // Upsert clauses nest: each holds the next one (or RETURNING).
      const node* u = c;
      while (u != nullptr) {
        s.upserts.push_back(b.upsert(*u));
        const node* next = child<g::upsert_clause>(*u);
        if (const node* r = child<g::returning_clause>(*u)) {
          returning_check(b, *r);
          s.returning = b.result_columns(*r->children.front());
        }
        u = next;
      }
    } else if (is<g::returning_clause>(*c)) {
      returning_check(b, *c);
      s.returning = b.result_columns(*c->children.front());
    }
  }
  trigger_checks(b, n, s.target, ast::indexed_kind::none);
  return s;
}

// The clauses UPDATE and DELETE share (WITH, target, INDEXED BY, WHERE,
// RETURNING, ORDER BY, LIMIT), set on `s`; false for any other child.
template <typename Statement>
bool shared_dml_clause(builder& b, const node& c, Statement& s) {
  if (is<g::with_clause>(c)) {
    s.with = b.with(c);
  } else if (is<g::target_table>(c) || is<g::trigger_table>(c)) {
    s.target = b.target(c);
  } else if (is<g::indexed_by>(c)) {
    s.indexed = ast::indexed_kind::indexed_by;
    s.index = b.identifier(*c.children.front());
  } else if (is<g::not_indexed>(c)) {
    s.indexed = ast::indexed_kind::not_indexed;
  } else if (is<g::where_clause>(c)) {
    s.where_clause = b.expr(*c.children.front());
  } else if (is<g::returning_clause>(c)) {
    returning_check(b, c);
    s.returning = b.result_columns(*c.children.front());
  } else if (is<g::order_by>(c)) {
    for (const auto& i : c.children) s.order_by.push_back(b.sort_item(*i));
  } else if (is<g::limit_clause>(c)) {
    s.limit = b.limit(c);
  } else {
    return false;
  }
  return true;
}

ast::update build_update(builder& b, const node& n) {
  ast::update s;
  for (const auto& c : n.children) {
    if (shared_dml_clause(b, *c, s)) continue;
    if (is<g::or_conflict>(*c)) {
      s.or_conflict = conflict_of(c);
    } else if (is<g::set_list>(*c)) {
      s.set = b.set_list(*c);
    } else if (is<g::from_clause>(*c)) {
      s.from = b.from(*c->children.front());
    }
  }
  trigger_checks(b, n, s.target, s.indexed);
  return s;
}

ast::delete_ build_delete(builder& b, const node& n) {
  ast::delete_ s;
  for (const auto& c : n.children) (void)shared_dml_clause(b, *c, s);
  trigger_checks(b, n, s.target, s.indexed);
  return s;
}

ast::target_table builder::target(const node& n) {
  ast::target_table t;
  t.name = qualified(*n.children.front());
  if (const node* a = child<g::table_alias>(n)) t.alias = identifier(*a->children.front());
  return t;
}

std::vector<ast::set_clause> builder::set_list(const node& n) {
  std::vector<ast::set_clause> out;
  for (const auto& c : n.children) {
    ast::set_clause s;
    if (is<g::set_multi>(*c)) {
      s.parenthesized = true;
      s.columns = idlist(*c->children.front()->children.front());
    } else {
      s.columns.push_back(identifier(*c->children.front()));
    }
    s.value = expr(*c->children.back());
    s.double_equals = child<g::double_equals>(*c) != nullptr;
    out.push_back(std::move(s));
  }
  return out;
}

ast::upsert_clause builder::upsert(const node& n) {
  ast::upsert_clause u;
  for (const auto& c : n.children) {
    if (is<g::conflict_target>(*c)) {
      for (const auto& p : c->children) {
        if (is<g::sort_item>(*p)) {
          u.target.push_back(sort_item(*p));
        } else if (is<g::where_clause>(*p)) {
          u.target_where = expr(*p->children.front());
        }
      }
    } else if (is<g::upsert_nothing>(*c)) {
      u.do_nothing = true;
    } else if (is<g::upsert_update>(*c)) {
      u.set = set_list(*child<g::set_list>(*c));
      if (const node* w = child<g::where_clause>(*c)) u.where_clause = expr(*w->children.front());
    }
  }
  return u;
}

bool build_dml_statement(builder& b, const node& n, ast::statement& out) {
  if (is<g::insert_stmt>(n)) {
    out.node = build_insert(b, n);
  } else if (is<g::update_stmt>(n)) {
    out.node = build_update(b, n);
  } else if (is<g::delete_stmt>(n)) {
    out.node = build_delete(b, n);
  } else if (is<g::select_stmt>(n)) {
    out.node = ast::select_statement{b.select(n)};
  } else {
    return false;
  }
  return true;
}

}  // namespace migc::parse
