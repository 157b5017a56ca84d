// Expressions: every column reference and every subquery inside them, and
// in index expressions the calls SQLite refuses as non-deterministic. Also
// the name and affinity SQLite gives a result column.
#include <array>
#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/print_internal.hpp"
#include "compiler/catalog/table_facts.hpp"
#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

using ast::overloaded;

bool is_now(const ast::expr* e) {
  const auto* lit = e != nullptr ? std::get_if<ast::literal>(&e->node) : nullptr;
  return lit != nullptr && lit->kind == ast::literal_kind::string && catalog::fold(lit->text) == "'now'";
}

// Why SQLite refuses `call` in an index, or empty: functions that are never
// deterministic, and the date and time functions when they read the clock.
std::string_view non_deterministic(const ast::function_call& call) {
  static constexpr std::array<std::string_view, 5> never{"random", "randomblob", "changes", "last_insert_rowid",
                                                         "total_changes"};
  static constexpr std::array<std::string_view, 7> clock{"date",      "time",     "datetime", "julianday",
                                                         "unixepoch", "strftime", "timediff"};
  const std::string& key = call.name.key;
  for (std::string_view n : never) {
    if (key == n) return "it returns a different value on each call";
  }
  for (std::string_view n : clock) {
    if (key != n) continue;
    if (call.arguments.empty() && key != "strftime") return "without arguments it reads the current time";
    for (const ast::expr_ptr& a : call.arguments) {
      if (is_now(a.get())) return "'now' reads the current time";
    }
  }
  return {};
}

}  // namespace

void resolver::sort_items(const std::vector<ast::sort_item>& items, const scope& sc, cte_scope* ctes) {
  for (const ast::sort_item& item : items) expr(item.value.get(), sc, ctes);
}

void resolver::expr(const ast::expr* e, const scope& sc, cte_scope* ctes) {
  if (e == nullptr) return;
  // Subqueries are not allowed where expressions may only see their own
  // table (SQLite reports those itself); they are not walked there.
  const bool subqueries = mode == expr_mode::normal;
  auto sub = [&](const ast::expr_ptr& x) { expr(x.get(), sc, ctes); };
  std::visit(overloaded{
                 [&](const ast::literal& l) {
                   using lk = ast::literal_kind;
                   if (index_expression &&
                       (l.kind == lk::current_date || l.kind == lk::current_time || l.kind == lk::current_timestamp)) {
                     sink.error(diag::code::E0223, e->where,
                                fmt::format("{} uses {}, which reads the current time; index expressions must be "
                                            "deterministic",
                                            owner_text(), l.text));
                   }
                 },
                 [&](const ast::parameter&) {},
                 [&](const ast::column_ref& r) { column_ref(*e, r, sc); },
                 [&](const ast::unary& u) { sub(u.operand); },
                 [&](const ast::binary& b) {
                   sub(b.lhs);
                   sub(b.rhs);
                 },
                 [&](const ast::null_test& n) { sub(n.operand); },
                 [&](const ast::between& b) {
                   sub(b.operand);
                   sub(b.low);
                   sub(b.high);
                 },
                 [&](const ast::in_list& in) {
                   sub(in.operand);
                   if (const auto* list = std::get_if<std::vector<ast::expr_ptr>>(&in.rhs)) {
                     for (const ast::expr_ptr& x : *list) sub(x);
                   } else if (const auto* q = std::get_if<ast::select_ptr>(&in.rhs)) {
                     if (*q && subqueries) (void)select(**q, &sc, ctes);
                   } else if (const auto* t = std::get_if<std::unique_ptr<ast::in_table>>(&in.rhs)) {
                     if (*t && subqueries) {
                       (void)relation((*t)->table, ctes, (*t)->arguments.has_value());
                       if ((*t)->arguments) {
                         for (const ast::expr_ptr& x : *(*t)->arguments) sub(x);
                       }
                     }
                   }
                 },
                 [&](const ast::like& l) {
                   sub(l.operand);
                   sub(l.pattern);
                   sub(l.escape);
                 },
                 [&](const ast::collate& c) { sub(c.operand); },
                 [&](const ast::cast& c) { sub(c.operand); },
                 [&](const ast::case_expr& c) {
                   sub(c.operand);
                   for (const ast::case_when& w : c.whens) {
                     sub(w.when);
                     sub(w.then);
                   }
                   sub(c.otherwise);
                 },
                 [&](const ast::exists& x) {
                   if (x.query && subqueries) (void)select(*x.query, &sc, ctes);
                 },
                 [&](const ast::subquery& x) {
                   if (x.query && subqueries) (void)select(*x.query, &sc, ctes);
                 },
                 [&](const ast::paren& p) {
                   for (const ast::expr_ptr& x : p.items) sub(x);
                 },
                 [&](const ast::function_call& f) {
                   if (index_expression) {
                     std::string_view why = non_deterministic(f);
                     if (!why.empty()) {
                       sink.error(
                           diag::code::E0223, e->where,
                           fmt::format("{} calls non-deterministic function {}(): {}", owner_text(), f.name.text, why));
                     }
                   }
                   for (const ast::expr_ptr& x : f.arguments) sub(x);
                   sort_items(f.order_by, sc, ctes);
                   sub(f.filter);
                   if (f.over) {
                     for (const ast::expr_ptr& x : f.over->partition_by) sub(x);
                     sort_items(f.over->order_by, sc, ctes);
                   }
                 },
                 [&](const ast::raise&) {},
             },
             e->node);
}

std::string result_name(const ast::result_column& rc) {
  if (rc.alias) return rc.alias->text;
  if (rc.value) {
    if (const auto* ref = std::get_if<ast::column_ref>(&rc.value->node)) return ref->column.text;
    std::string text;
    backend::sql::detail::print_expr(text, *rc.value);
    return text;
  }
  return {};
}

const column* expr_column(const ast::expr& e, const scope& sc) {
  if (const auto* p = std::get_if<ast::paren>(&e.node); p != nullptr && p->items.size() == 1) {
    return expr_column(*p->items.front(), sc);
  }
  const auto* ref = std::get_if<ast::column_ref>(&e.node);
  if (ref == nullptr) return nullptr;
  for (const scope* s = &sc; s != nullptr; s = s->outer) {
    for (const binding& b : s->sources) {
      if (ref->table ? b.key != ref->table->key : b.qualified_only) continue;
      std::uint32_t col = find_column(b.cols, ref->column.key);
      if (col != ~0U) return &b.cols.columns[col];
    }
  }
  return nullptr;
}

catalog::affinity expr_affinity(const ast::expr& e, const scope& sc) {
  if (const auto* ref = std::get_if<ast::column_ref>(&e.node)) {
    for (const scope* s = &sc; s != nullptr; s = s->outer) {
      for (const binding& b : s->sources) {
        if (ref->table ? b.key != ref->table->key : b.qualified_only) continue;
        std::uint32_t col = find_column(b.cols, ref->column.key);
        if (col != ~0U) return b.cols.columns[col].aff;
      }
    }
    return catalog::affinity::blob;
  }
  if (const auto* c = std::get_if<ast::cast>(&e.node)) return catalog::affinity_of(catalog::declared_type(c->type));
  if (const auto* c = std::get_if<ast::collate>(&e.node)) return expr_affinity(*c->operand, sc);
  if (const auto* p = std::get_if<ast::paren>(&e.node); p != nullptr && p->items.size() == 1) {
    return expr_affinity(*p->items.front(), sc);
  }
  return catalog::affinity::blob;
}

}  // namespace migc::resolve::detail
