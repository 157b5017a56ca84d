// Queries: WITH scopes (a CTE shadows a table of its name, may refer to
// itself and to its siblings), FROM with joins, USING and NATURAL, result
// columns with `*` expanded, and the branches of compound selects.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

namespace {

bool merged(const binding& b, std::string_view key) {
  for (const std::string& m : b.merged) {
    if (m == key) return true;
  }
  return false;
}

// SQLite makes the names of a view's columns unique with ":1", ":2", ...
void make_unique(std::vector<column>& columns) {
  for (std::size_t i = 1; i < columns.size(); ++i) {
    for (std::uint32_t n = 1;; ++n) {
      bool taken = false;
      for (std::size_t j = 0; j < i && !taken; ++j) taken = columns[j].key == columns[i].key;
      if (!taken) break;
      std::string base = columns[i].name.substr(0, columns[i].name.rfind(':'));
      if (n == 1) base = columns[i].name;
      columns[i].name = fmt::format("{}:{}", base, n);
      columns[i].key = catalog::fold(columns[i].name);
    }
  }
}

void append_columns(shape& out, const binding& b, bool skip_merged) {
  if (!b.cols.known) out.known = false;
  for (const column& c : b.cols.columns) {
    if (c.hidden || (skip_merged && merged(b, c.key))) continue;
    column copy = c;
    copy.primary_key = false;
    copy.rowid_alias = false;
    copy.generated = false;
    out.columns.push_back(std::move(copy));
  }
}

}  // namespace

void resolver::with(const ast::with_clause& with, cte_scope& ctes, const scope* home) {
  ctes.home = home;
  for (const ast::common_table& t : with.tables) {
    cte_entry e;
    e.def = &t;
    ctes.tables.push_back(std::move(e));
  }
  for (cte_entry& e : ctes.tables) cte(ctes, e);
}

void resolver::cte(cte_scope& ctes, cte_entry& entry) {
  if (entry.st != cte_entry::state::pending) return;
  entry.st = cte_entry::state::resolving;
  const ast::common_table& def = *entry.def;
  // A recursive reference sees the listed names, or nothing known.
  entry.cols.known = !def.columns.empty();
  for (const ast::identifier& id : def.columns) {
    column c;
    c.name = id.text;
    c.key = id.key;
    c.where = id.where;
    entry.cols.columns.push_back(std::move(c));
  }
  shape body = select(*def.query, ctes.home, &ctes);
  if (def.columns.empty()) {
    entry.cols = std::move(body);
  } else if (body.known && body.columns.size() != def.columns.size()) {
    sink.error(diag::code::E0224, def.name.where,
               fmt::format("common table '{}' has {} values for {} columns", def.name.text, body.columns.size(),
                           def.columns.size()));
  } else if (body.known) {
    for (std::size_t i = 0; i < body.columns.size(); ++i) entry.cols.columns[i].aff = body.columns[i].aff;
  }
  entry.st = cte_entry::state::done;
}

void resolver::from(const ast::from_clause& clause, scope& sc, cte_scope* ctes) {
  const std::size_t first = sc.sources.size();
  for (const ast::join_operator& op : clause.joins) {
    using k = ast::join_kind;
    if (op.kind == k::left || op.kind == k::right || op.kind == k::full) may_add_nulls = true;
  }
  for (std::size_t i = 0; i < clause.items.size(); ++i) {
    const ast::from_item& item = clause.items[i];
    binding b;
    using k = ast::from_item::kind;
    if (item.what == k::nested) {
      if (item.nested) from(*item.nested, sc, ctes);
      continue;
    }
    if (item.what == k::subquery) {
      if (item.query) b.cols = select(*item.query, sc.outer, ctes);
      b.cols.has_rowid = false;
    } else {
      std::optional<binding> r = relation(item.table, ctes, item.what == k::table_function);
      if (r) {
        b = std::move(*r);
      } else {
        b.cols.known = false;
      }
      b.key = item.table.name.key;
      b.name = item.table.name.text;
    }
    if (item.alias) {
      b.key = item.alias->key;
      b.name = item.alias->text;
      b.self = catalog::link{nullptr, catalog::link_kind::alias};
      b.self->definition = item.alias->where;
    }
    if (i > 0 && i - 1 < clause.joins.size() && clause.joins[i - 1].natural && b.cols.known) {
      for (const column& c : b.cols.columns) {
        for (std::size_t j = first; j < sc.sources.size(); ++j) {
          if (find_column(sc.sources[j].cols, c.key) != ~0U) {
            b.merged.push_back(c.key);
            break;
          }
        }
      }
    }
    if (item.using_columns) {
      for (const ast::identifier& id : *item.using_columns) {
        bool left_known = true;
        bool left = false;
        for (std::size_t j = first; j < sc.sources.size(); ++j) {
          left_known = left_known && sc.sources[j].cols.known;
          left = left || find_column(sc.sources[j].cols, id.key) != ~0U;
        }
        bool right = !b.cols.known || find_column(b.cols, id.key) != ~0U;
        if (!right || (!left && left_known)) {
          sink.error(diag::code::E0205, id.where,
                     fmt::format("{} joins using unknown column '{}': it must be a column of both sides", owner_text(),
                                 id.text));
        }
        b.merged.push_back(id.key);
      }
    }
    sc.sources.push_back(std::move(b));
  }
  // ON and table-function arguments may name any source of the clause.
  for (const ast::from_item& item : clause.items) {
    for (const ast::expr_ptr& arg : item.arguments) expr(arg.get(), sc, ctes);
    expr(item.on.get(), sc, ctes);
  }
}

shape resolver::select(const ast::select& s, const scope* outer, cte_scope* ctes) {
  cte_scope local;
  if (s.with) {
    local.outer = ctes;
    with(*s.with, local, outer);
    ctes = &local;
  }
  shape result;
  if (s.cores.size() > 1) may_add_nulls = true;
  for (std::size_t i = 0; i < s.cores.size(); ++i) {
    const ast::select_core& core = s.cores[i];
    scope sc;
    sc.outer = outer;
    shape branch;
    if (core.values) {
      for (const auto& row : core.rows) {
        for (const ast::expr_ptr& e : row) expr(e.get(), sc, ctes);
      }
      if (!core.rows.empty()) {
        for (std::size_t n = 0; n < core.rows.front().size(); ++n) {
          column c;
          c.name = fmt::format("column{}", n + 1);
          c.key = c.name;
          branch.columns.push_back(std::move(c));
        }
      }
    } else {
      for (const ast::result_column& rc : core.columns) {
        if (!rc.alias) continue;
        sc.aliases.push_back(rc.alias->key);
        sc.alias_where.push_back(rc.alias->where);
      }
      sc.aliases_visible = true;
      if (core.from) from(*core.from, sc, ctes);
      sc.aliases_visible = false;
      for (const ast::result_column& rc : core.columns) {
        using k = ast::result_column::kind;
        if (rc.what == k::value) {
          expr(rc.value.get(), sc, ctes);
          column c;
          c.name = result_name(rc);
          c.key = catalog::fold(c.name);
          c.aff = expr_affinity(*rc.value, sc);
          if (const column* origin = expr_column(*rc.value, sc)) {
            c.type = origin->type;
            c.not_null = origin->not_null;
            c.origin_type = origin->origin_type;
            c.origin_not_null = origin->origin_not_null;
          }
          branch.columns.push_back(std::move(c));
        } else if (rc.what == k::star) {
          for (const binding& b : sc.sources) append_columns(branch, b, true);
        } else {
          const binding* found = nullptr;
          for (const binding& b : sc.sources) {
            if (rc.table && b.key == rc.table->key) found = &b;
          }
          if (found != nullptr) {
            if (found->self) link(*rc.table, *found->self);
            append_columns(branch, *found, false);
          } else if (rc.table) {
            branch.known = false;
            auto& d = sink.error(diag::code::E0204, rc.table->where,
                                 fmt::format("{} selects '{}.*' but no table '{}' is in scope", owner_text(),
                                             rc.table->text, rc.table->text));
            std::vector<std::string> names;
            for (const binding& b : sc.sources) names.push_back(b.name);
            suggest(d, *rc.table, names);
          }
        }
      }
      sc.aliases_visible = true;
      expr(core.where_clause.get(), sc, ctes);
      for (const ast::expr_ptr& g : core.group_by) expr(g.get(), sc, ctes);
      expr(core.having.get(), sc, ctes);
      for (const ast::window_definition& w : core.windows) {
        for (const ast::expr_ptr& p : w.spec.partition_by) expr(p.get(), sc, ctes);
        sort_items(w.spec.order_by, sc, ctes);
      }
    }
    // ORDER BY of a compound names the compound's result columns.
    sc.lenient = s.cores.size() > 1;
    sc.aliases_visible = true;
    sort_items(core.order_by, sc, ctes);
    if (core.limit) {
      expr(core.limit->count.get(), sc, ctes);
      expr(core.limit->offset.get(), sc, ctes);
    }
    make_unique(branch.columns);
    if (i == 0) {
      result = std::move(branch);
    } else {
      if (result.known && branch.known && result.columns.size() != branch.columns.size()) {
        sink.error(diag::code::E0224, core.where,
                   fmt::format("{}: the selects of a compound return {} and {} columns; they must return the same "
                               "number",
                               owner_text(), result.columns.size(), branch.columns.size()));
      }
      result.known = result.known && branch.known;
    }
  }
  result.has_rowid = false;
  return result;
}

}  // namespace migc::resolve::detail
