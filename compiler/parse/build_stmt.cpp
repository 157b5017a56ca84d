// Statements other than CREATE TABLE: parse-tree nodes of grammar/dml.hpp,
// create_other.hpp, alter_drop.hpp and misc.hpp to the AST, with the checks
// SQLite makes on trigger bodies.
#include <cassert>
#include <fmt/format.h>

#include "compiler/parse/builder.hpp"

namespace migc::parse {

namespace g = grammar;

ast::create_table build_create_table(builder& b, const node& n);

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

ast::update build_update(builder& b, const node& n) {
  ast::update s;
  for (const auto& c : n.children) {
    if (is<g::with_clause>(*c)) {
      s.with = b.with(*c);
    } else if (is<g::or_conflict>(*c)) {
      s.or_conflict = conflict_of(c);
    } else if (is<g::target_table>(*c) || is<g::trigger_table>(*c)) {
      s.target = b.target(*c);
    } else if (is<g::indexed_by>(*c)) {
      s.indexed = ast::indexed_kind::indexed_by;
      s.index = b.identifier(*c->children.front());
    } else if (is<g::not_indexed>(*c)) {
      s.indexed = ast::indexed_kind::not_indexed;
    } else if (is<g::set_list>(*c)) {
      s.set = b.set_list(*c);
    } else if (is<g::from_clause>(*c)) {
      s.from = b.from(*c->children.front());
    } else if (is<g::where_clause>(*c)) {
      s.where_clause = b.expr(*c->children.front());
    } else if (is<g::returning_clause>(*c)) {
      returning_check(b, *c);
      s.returning = b.result_columns(*c->children.front());
    } else if (is<g::order_by>(*c)) {
      for (const auto& i : c->children) s.order_by.push_back(b.sort_item(*i));
    } else if (is<g::limit_clause>(*c)) {
      s.limit = b.limit(*c);
    }
  }
  trigger_checks(b, n, s.target, s.indexed);
  return s;
}

ast::delete_ build_delete(builder& b, const node& n) {
  ast::delete_ s;
  for (const auto& c : n.children) {
    if (is<g::with_clause>(*c)) {
      s.with = b.with(*c);
    } else if (is<g::target_table>(*c) || is<g::trigger_table>(*c)) {
      s.target = b.target(*c);
    } else if (is<g::indexed_by>(*c)) {
      s.indexed = ast::indexed_kind::indexed_by;
      s.index = b.identifier(*c->children.front());
    } else if (is<g::not_indexed>(*c)) {
      s.indexed = ast::indexed_kind::not_indexed;
    } else if (is<g::where_clause>(*c)) {
      s.where_clause = b.expr(*c->children.front());
    } else if (is<g::returning_clause>(*c)) {
      returning_check(b, *c);
      s.returning = b.result_columns(*c->children.front());
    } else if (is<g::order_by>(*c)) {
      for (const auto& i : c->children) s.order_by.push_back(b.sort_item(*i));
    } else if (is<g::limit_clause>(*c)) {
      s.limit = b.limit(*c);
    }
  }
  trigger_checks(b, n, s.target, s.indexed);
  return s;
}

ast::create_trigger build_trigger(builder& b, const node& n) {
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

std::optional<ast::identifier> optional_name(builder& b, const node& n) {
  for (const auto& c : n.children) {
    if (is<g::nm>(*c)) return b.identifier(*c);
  }
  return std::nullopt;
}

}  // namespace

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
  const node& n = *cmd;
  s.where = {file_, span_of(*top.front()).begin, span_of(*top.back()).end};
  if (is<g::create_table>(n)) {
    s.node = build_create_table(*this, n);
  } else if (is<g::create_index>(n)) {
    ast::create_index x;
    x.unique = child<g::unique_marker>(n) != nullptr;
    x.if_not_exists = child<g::if_not_exists>(n) != nullptr;
    x.name = qualified(*child<g::qualified_name>(n));
    x.table = identifier(*child<g::index_table>(n));
    for (const auto& c : n.children) {
      if (is<g::sort_item>(*c)) x.columns.push_back(sort_item(*c));
    }
    if (const node* w = child<g::where_clause>(n)) x.where_clause = expr(*w->children.front());
    s.node = std::move(x);
  } else if (is<g::create_view>(n)) {
    ast::create_view v;
    set_temp(n, v);
    v.if_not_exists = child<g::if_not_exists>(n) != nullptr;
    v.name = qualified(*child<g::qualified_name>(n));
    if (const node* cols = child<g::eidlist>(n)) v.columns = eidlist(*cols);
    v.query = select(*child<g::select_stmt>(n));
    s.node = std::move(v);
  } else if (is<g::create_trigger>(n)) {
    s.node = build_trigger(*this, n);
  } else if (is<g::create_virtual_table>(n)) {
    ast::create_virtual_table v;
    v.if_not_exists = child<g::if_not_exists>(n) != nullptr;
    v.name = qualified(*child<g::qualified_name>(n));
    v.module = identifier(*child<g::module_name>(n));
    if (const node* args = child<g::module_arguments>(n)) {
      std::vector<std::string> list;
      for (const auto& a : args->children) list.emplace_back(text_of(*a));
      v.arguments = std::move(list);
    }
    s.node = std::move(v);
  } else if (is<g::insert_stmt>(n)) {
    s.node = build_insert(*this, n);
  } else if (is<g::update_stmt>(n)) {
    s.node = build_update(*this, n);
  } else if (is<g::delete_stmt>(n)) {
    s.node = build_delete(*this, n);
  } else if (is<g::select_stmt>(n)) {
    s.node = ast::select_statement{select(n)};
  } else if (is<g::alter_table>(n)) {
    ast::alter_table a;
    a.table = qualified(*n.children.front());
    const node& op = *n.children.back();
    a.column_keyword = child<g::column_keyword>(op) != nullptr;
    std::vector<const node*> names;
    for (const auto& c : op.children) {
      if (is<g::nm>(*c)) names.push_back(c);
    }
    if (is<g::rename_table>(op)) {
      a.what = ast::alter_table::kind::rename_table;
      a.to = identifier(*names.front());
    } else if (is<g::rename_column>(op)) {
      a.what = ast::alter_table::kind::rename_column;
      a.from = identifier(*names.front());
      a.to = identifier(*names.back());
    } else if (is<g::add_column>(op)) {
      a.what = ast::alter_table::kind::add_column;
      a.column = column(*child<g::column_def>(op));
    } else if (is<g::add_check>(op)) {
      a.what = ast::alter_table::kind::add_check;
      if (const node* c = child<g::constraint_name>(op)) a.constraint = identifier(*c->children.front());
      a.check = expr(*op.children.back());
    } else if (is<g::drop_constraint>(op)) {
      a.what = ast::alter_table::kind::drop_constraint;
      a.constraint = identifier(*names.front());
    } else if (is<g::alter_column>(op)) {
      a.from = identifier(*names.front());
      if (const node* set = child<g::set_not_null>(op)) {
        a.what = ast::alter_table::kind::set_not_null;
        if (const node* oc = child<g::on_conflict>(*set)) a.on_conflict = conflict_of(oc);
      } else {
        a.what = ast::alter_table::kind::drop_not_null;
      }
    } else {
      a.what = ast::alter_table::kind::drop_column;
      a.from = identifier(*names.front());
    }
    s.node = std::move(a);
  } else if (is<g::drop_stmt>(n)) {
    ast::drop d;
    d.what = child<g::drop_table_kind>(n) != nullptr   ? ast::object_kind::table
             : child<g::drop_view_kind>(n) != nullptr  ? ast::object_kind::view
             : child<g::drop_index_kind>(n) != nullptr ? ast::object_kind::index
                                                       : ast::object_kind::trigger;
    d.if_exists = child<g::if_exists>(n) != nullptr;
    d.name = qualified(*child<g::qualified_name>(n));
    s.node = std::move(d);
  } else if (is<g::pragma_stmt>(n)) {
    ast::pragma p;
    p.name = qualified(*child<g::qualified_name>(n));
    if (const node* v = child<g::pragma_value>(n)) {
      p.double_equals = child<g::double_equals>(n) != nullptr;
      const bool assigned = p.double_equals || child<g::single_equals>(n) != nullptr;
      p.how = assigned ? ast::pragma::form::assign : ast::pragma::form::call;
      p.value = std::string(text_of(*v));
      if (const node* name = child<g::nm>(*v)) p.value_name = identifier(*name);
    }
    s.node = std::move(p);
  } else if (is<g::begin_stmt>(n)) {
    ast::begin x;
    for (const node* c : n.children) {
      if (is<g::transaction_deferred>(*c)) x.mode = ast::transaction_mode::deferred;
      if (is<g::transaction_immediate>(*c)) x.mode = ast::transaction_mode::immediate;
      if (is<g::transaction_exclusive>(*c)) x.mode = ast::transaction_mode::exclusive;
    }
    x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
    x.name = optional_name(*this, n);
    s.node = std::move(x);
  } else if (is<g::commit_stmt>(n)) {
    ast::commit x;
    x.end_spelling = child<g::end_verb>(n) != nullptr;
    x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
    x.name = optional_name(*this, n);
    s.node = std::move(x);
  } else if (is<g::rollback_stmt>(n)) {
    ast::rollback x;
    x.transaction_keyword = child<g::transaction_marker>(n) != nullptr;
    x.name = optional_name(*this, n);
    if (const node* sp = child<g::savepoint_ref>(n)) x.savepoint = identifier(*sp);
    x.savepoint_keyword = child<g::savepoint_marker>(n) != nullptr;
    s.node = std::move(x);
  } else if (is<g::savepoint_stmt>(n)) {
    s.node = ast::savepoint{identifier(*child<g::savepoint_ref>(n))};
  } else if (is<g::release_stmt>(n)) {
    ast::release x;
    x.name = identifier(*child<g::savepoint_ref>(n));
    x.savepoint_keyword = child<g::savepoint_marker>(n) != nullptr;
    s.node = std::move(x);
  } else if (is<g::attach_stmt>(n)) {
    ast::attach x;
    x.database_keyword = child<g::database_marker>(n) != nullptr;
    std::size_t i = 0;
    for (const auto& c : n.children) {
      if (is<g::database_marker>(*c)) continue;
      if (is<g::attach_key>(*c)) {
        x.key = expr(*c->children.front());
      } else if (i++ == 0) {
        x.file = expr(*c);
      } else {
        x.schema = expr(*c);
      }
    }
    s.node = std::move(x);
  } else if (is<g::detach_stmt>(n)) {
    ast::detach x;
    x.database_keyword = child<g::database_marker>(n) != nullptr;
    x.schema = expr(*n.children.back());
    s.node = std::move(x);
  } else if (is<g::vacuum_stmt>(n)) {
    ast::vacuum x;
    x.schema = optional_name(*this, n);
    if (const node* i = child<g::vacuum_into>(n)) x.into = expr(*i->children.front());
    s.node = std::move(x);
  } else if (is<g::reindex_stmt>(n)) {
    ast::reindex x;
    if (const node* q = child<g::qualified_name>(n)) x.target = qualified(*q);
    s.node = std::move(x);
  } else {
    assert(is<g::analyze_stmt>(n));
    ast::analyze x;
    if (const node* q = child<g::qualified_name>(n)) x.target = qualified(*q);
    s.node = std::move(x);
  }
  return s;
}

}  // namespace migc::parse
