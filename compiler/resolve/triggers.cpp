// Triggers: the target and whether the timing fits it, UPDATE OF columns,
// NEW and OLD, and every statement of the body: the tables it writes, their
// column lists, its queries, upserts and RETURNING clauses.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

std::vector<std::string> column_names(const binding& b) {
  std::vector<std::string> names;
  for (const column& c : b.cols.columns) names.push_back(c.name);
  return names;
}

std::string_view timing_word(ast::trigger_timing t) {
  switch (t) {
    case ast::trigger_timing::instead_of:
      return "INSTEAD OF";
    case ast::trigger_timing::after:
      return "AFTER";
    default:
      return "BEFORE";
  }
}

// A DML statement's target: a binding named by its alias, unknown when the
// table is.
binding target_binding(resolver& r, const ast::target_table& target) {
  std::optional<binding> found = r.relation(target.name, nullptr, false);
  binding b;
  if (found) {
    b = std::move(*found);
  } else {
    b.cols.known = false;
  }
  b.key = target.alias ? target.alias->key : target.name.name.key;
  b.name = target.alias ? target.alias->text : target.name.name.text;
  if (target.alias) {
    b.self = catalog::link{nullptr, catalog::link_kind::alias};
    b.self->definition = target.alias->where;
  }
  return b;
}

// Reports the names of `ids` that are not columns of `b`.
void require_columns(resolver& r, const binding& b, const std::vector<ast::identifier>& ids) {
  if (!b.cols.known) return;
  for (const ast::identifier& id : ids) {
    if (std::uint32_t col = find_column(b.cols, id.key); col != ~0U) {
      r.link_column(id, b, col);
      continue;
    }
    if (is_rowid_name(id.key) && b.cols.has_rowid) {
      if (b.columns_of != nullptr)
        r.link(id, catalog::link{nullptr, catalog::link_kind::rowid, b.columns_of->position});
      continue;
    }
    auto& d = r.sink.error(diag::code::E0205, id.where,
                           fmt::format("{} references unknown column '{}' of table '{}'", r.owner_text(), id.text,
                                       b.table != nullptr ? b.table->name : b.name));
    resolver::suggest(d, id, column_names(b));
  }
}

void returning(resolver& r, const std::optional<std::vector<ast::result_column>>& cols, const scope& sc) {
  if (!cols) return;
  for (const ast::result_column& rc : *cols) r.expr(rc.value.get(), sc, nullptr);
}

void set_clauses(resolver& r, const std::vector<ast::set_clause>& set, const binding& target, const scope& sc,
                 cte_scope* ctes) {
  for (const ast::set_clause& s : set) {
    require_columns(r, target, s.columns);
    r.expr(s.value.get(), sc, ctes);
  }
}

void body_statement(resolver& r, const ast::statement& stmt, const scope& base) {
  cte_scope local;
  cte_scope* ctes = nullptr;
  auto with = [&](const std::optional<ast::with_clause>& w) {
    if (!w) return;
    r.with(*w, local, &base);
    ctes = &local;
  };
  if (const auto* s = std::get_if<ast::select_statement>(&stmt.node)) {
    if (s->query) (void)r.select(*s->query, &base, nullptr);
  } else if (const auto* ins = std::get_if<ast::insert>(&stmt.node)) {
    with(ins->with);
    binding target = target_binding(r, ins->target);
    if (ins->columns) require_columns(r, target, *ins->columns);
    if (ins->source) (void)r.select(*ins->source, &base, ctes);
    scope sc;
    sc.outer = &base;
    sc.sources.push_back(target);
    binding excluded = target;
    excluded.key = "excluded";
    excluded.name = "excluded";
    excluded.qualified_only = true;
    excluded.self.reset();
    sc.sources.push_back(std::move(excluded));
    for (const ast::upsert_clause& u : ins->upserts) {
      r.sort_items(u.target, sc, ctes);
      r.expr(u.target_where.get(), sc, ctes);
      set_clauses(r, u.set, target, sc, ctes);
      r.expr(u.where_clause.get(), sc, ctes);
    }
    sc.sources.pop_back();
    returning(r, ins->returning, sc);
  } else if (const auto* up = std::get_if<ast::update>(&stmt.node)) {
    with(up->with);
    scope sc;
    sc.outer = &base;
    sc.sources.push_back(target_binding(r, up->target));
    const binding target = sc.sources.front();
    if (up->from) r.from(*up->from, sc, ctes);
    set_clauses(r, up->set, target, sc, ctes);
    r.expr(up->where_clause.get(), sc, ctes);
    returning(r, up->returning, sc);
    r.sort_items(up->order_by, sc, ctes);
    if (up->limit) {
      r.expr(up->limit->count.get(), sc, ctes);
      r.expr(up->limit->offset.get(), sc, ctes);
    }
  } else if (const auto* del = std::get_if<ast::delete_>(&stmt.node)) {
    with(del->with);
    scope sc;
    sc.outer = &base;
    sc.sources.push_back(target_binding(r, del->target));
    r.expr(del->where_clause.get(), sc, ctes);
    returning(r, del->returning, sc);
    r.sort_items(del->order_by, sc, ctes);
    if (del->limit) {
      r.expr(del->limit->count.get(), sc, ctes);
      r.expr(del->limit->offset.get(), sc, ctes);
    }
  }
}

}  // namespace

void resolver::trigger(object& trg) {
  const auto& stmt = std::get<ast::create_trigger>(trg.statement->node);
  set_owner(&trg);
  const object* t = cat.find_relation(trg.target_key);
  binding target;
  if (t == nullptr) {
    auto& d = sink.error(diag::code::E0204, stmt.table.name.where,
                         fmt::format("{} references unknown table '{}'", owner_text(), stmt.table.name.text));
    suggest(d, stmt.table.name, relation_names());
    target.cols.known = false;
  } else {
    trg.target = t->position;
    depend(t->position, catalog::dependency_kind::target, stmt.table.name.where);
    link(stmt.table.name, catalog::link{nullptr, catalog::link_kind::object, t->position});
    if (!t->columns_known && t->kind != catalog::object_kind::virtual_table) view(t->position);
    const bool is_view = t->kind == catalog::object_kind::view;
    if (t->kind == catalog::object_kind::virtual_table) {
      sink.error(diag::code::E0222, stmt.table.name.where,
                 fmt::format("cannot create {} on virtual table '{}': SQLite cannot create triggers on virtual tables",
                             owner_text(), t->name));
    } else if ((stmt.timing == ast::trigger_timing::instead_of) != is_view) {
      sink.error(diag::code::E0211, stmt.table.name.where,
                 fmt::format("cannot create {} trigger on {}: {}", timing_word(stmt.timing), is_view ? "view" : "table",
                             stmt.table.name.text));
    }
    target = binding_of(*t);
  }
  if (stmt.update_of) require_columns(*this, target, *stmt.update_of);

  scope base;
  binding row = std::move(target);
  row.qualified_only = true;
  row.table = nullptr;
  row.self.reset();
  binding new_row = row;
  new_row.key = "new";
  new_row.name = "NEW";
  if (stmt.event == ast::trigger_event::delete_) new_row.unavailable = "NEW is not available in DELETE triggers";
  binding old_row = std::move(row);
  old_row.key = "old";
  old_row.name = "OLD";
  if (stmt.event == ast::trigger_event::insert) old_row.unavailable = "OLD is not available in INSERT triggers";
  base.sources.push_back(std::move(new_row));
  base.sources.push_back(std::move(old_row));

  expr(stmt.when.get(), base, nullptr);
  for (const ast::statement& s : stmt.body) body_statement(*this, s, base);
  set_owner(nullptr);
}

}  // namespace migc::resolve::detail
