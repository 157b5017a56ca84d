// A table's own expressions: CHECK constraints and generated columns may
// only name the table's columns, DEFAULT none at all, and generated columns
// must not depend on each other in a cycle.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

// Reports each cycle among generated columns once, at its first column:
// `uses[i]` lists the columns generated column i reads.
void report_cycles(const object& t, const std::vector<std::vector<std::uint32_t>>& uses, diag::sink& sink) {
  enum : std::uint8_t { unseen, active, finished };
  std::vector<std::uint8_t> state(uses.size(), unseen);
  std::vector<std::uint32_t> path;
  // Iterative depth-first search; `next[i]` is the next edge of column i.
  std::vector<std::size_t> next(uses.size(), 0);
  for (std::uint32_t start = 0; start < uses.size(); ++start) {
    if (state[start] != unseen || !t.columns[start].generated) continue;
    path.push_back(start);
    state[start] = active;
    while (!path.empty()) {
      std::uint32_t u = path.back();
      if (next[u] == uses[u].size()) {
        state[u] = finished;
        path.pop_back();
        continue;
      }
      std::uint32_t v = uses[u][next[u]++];
      if (v >= uses.size() || !t.columns[v].generated) continue;
      if (state[v] == unseen) {
        state[v] = active;
        path.push_back(v);
      } else if (state[v] == active) {
        std::string chain;
        bool on = false;
        for (std::uint32_t p : path) {
          on = on || p == v;
          if (on) chain += fmt::format("'{}' \u2192 ", t.columns[p].name);
        }
        chain += fmt::format("'{}'", t.columns[v].name);
        sink.error(diag::code::E0218, t.columns[v].where,
                   fmt::format("generated column loop on '{}': {}", t.columns[v].name, chain));
      }
    }
  }
}

}  // namespace

void resolver::table_expressions(object& t) {
  const auto* stmt = std::get_if<ast::create_table>(&t.statement->node);
  if (stmt == nullptr || stmt->as_select || !t.columns_known) return;
  set_owner(&t);
  scope sc;
  sc.sources.push_back(binding_of(t));
  own_table = &t;
  mode = expr_mode::own_table;
  std::vector<std::vector<std::uint32_t>> uses(t.columns.size());
  for (std::size_t i = 0; i < stmt->columns.size() && i < t.columns.size(); ++i) {
    for (const ast::column_constraint& cc : stmt->columns[i].constraints) {
      using k = ast::column_constraint::kind;
      if (cc.what == k::check) {
        expr(cc.expression.get(), sc, nullptr);
      } else if (cc.what == k::generated) {
        referenced = &uses[i];
        expr(cc.expression.get(), sc, nullptr);
        referenced = nullptr;
      } else if (cc.what == k::default_ && cc.default_ && cc.default_->value) {
        mode = expr_mode::constant;
        default_column = t.columns[i].name;
        default_reported = false;
        expr(cc.default_->value.get(), sc, nullptr);
        mode = expr_mode::own_table;
      }
    }
  }
  for (const ast::table_constraint& tc : stmt->constraints) {
    if (tc.what == ast::table_constraint::kind::check) expr(tc.check.get(), sc, nullptr);
    // Key and foreign-key column lists name the table's own columns (the
    // catalog checked them); only their links are missing.
    for (const ast::sort_item& item : tc.columns) {
      const ast::expr* e = item.value.get();
      while (e != nullptr) {
        if (const auto* c = std::get_if<ast::collate>(&e->node)) {
          e = c->operand.get();
        } else if (const auto* p = std::get_if<ast::paren>(&e->node); p != nullptr && p->items.size() == 1) {
          e = p->items.front().get();
        } else {
          break;
        }
      }
      const auto* ref = e != nullptr ? std::get_if<ast::column_ref>(&e->node) : nullptr;
      if (ref == nullptr || ref->table) continue;
      if (std::uint32_t col = t.find_column(ref->column.key); col != ~0U)
        link_column(ref->column, sc.sources.front(), col);
    }
    for (const ast::identifier& id : tc.fk_columns) {
      if (std::uint32_t col = t.find_column(id.key); col != ~0U) link_column(id, sc.sources.front(), col);
    }
  }
  mode = expr_mode::normal;
  own_table = nullptr;
  report_cycles(t, uses, sink);
  set_owner(nullptr);
}

}  // namespace migc::resolve::detail
