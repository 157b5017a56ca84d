// Lints of foreign keys: child columns whose affinity differs from their
// parent's (W0802), and child columns no index starts with (W0803).
#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/table_facts.hpp"
#include "compiler/lint/lint_internal.hpp"

namespace migc::lint::detail {

namespace {

using catalog::object;

std::string describe(const catalog::column& c) {
  if (c.type.empty()) return fmt::format("no declared type ({} affinity)", catalog::affinity_name(c.aff));
  return fmt::format("type {} ({} affinity)", c.type, catalog::affinity_name(c.aff));
}

// Where child column `i` of `fk` is written: its name in FOREIGN KEY (...),
// or the column definition a REFERENCES clause belongs to.
source::span child_column_span(const object& o, const ast::create_table& table, const catalog::foreign_key& fk,
                               std::size_t i) {
  for (const ast::table_constraint& tc : table.constraints) {
    if (tc.references && &*tc.references == fk.clause && i < tc.fk_columns.size()) return tc.fk_columns[i].where;
  }
  return o.columns[fk.columns[i]].where;
}

// W0802. Skips keys resolve could not link to a parent.
void fk_type_mismatch(const context& ctx, const object& o, const ast::create_table& table,
                      const catalog::foreign_key& fk) {
  if (fk.parent == ~0U || fk.parent_columns.size() != fk.columns.size()) return;
  const object& parent = ctx.cat.at(fk.parent);
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    const catalog::column& child = o.columns[fk.columns[i]];
    if (fk.parent_columns[i] >= parent.columns.size()) continue;
    const catalog::column& up = parent.columns[fk.parent_columns[i]];
    if (child.aff == up.aff) continue;
    diag::diagnostic& d =
        ctx.sink.emit(diag::code::fk_type_mismatch, child_column_span(o, table, fk, i),
                      fmt::format("foreign key column '{}' of table '{}' has {}, but its parent column '{}.{}' has "
                                  "{}; values that look equal may not match",
                                  child.name, o.name, describe(child), parent.name, up.name, describe(up)));
    d.notes.push_back({up.where, fmt::format("parent column '{}' declared here", up.name)});
  }
}

// One column an index starts with, and the collation it sorts by.
struct lead {
  std::uint32_t column = 0;
  std::string collation;  // folded; "" in a wanted key: any
};

std::string collation_of(const catalog::column& c) { return c.collation != nullptr ? c.collation->key : "binary"; }

// The columns each index of table `o` starts with: CREATE INDEX objects and
// the automatic indexes of PRIMARY KEY and UNIQUE (the rowid alias is one),
// each cut at its first expression. Partial indexes cannot serve every
// lookup and are left out.
std::vector<std::vector<lead>> leading_columns(const context& ctx, const object& o) {
  std::vector<std::vector<lead>> out;
  for (const catalog::unique_key& u : o.unique_keys) {
    if (u.partial) continue;
    std::vector<lead> columns;
    for (std::size_t i = 0; i < u.columns.size(); ++i) {
      const std::string& explicit_collation = i < u.collations.size() ? u.collations[i] : std::string();
      columns.push_back(
          {u.columns[i], explicit_collation.empty() ? collation_of(o.columns[u.columns[i]]) : explicit_collation});
    }
    out.push_back(std::move(columns));
  }
  for (std::uint32_t position : ctx.indexes[o.position]) {
    const ast::create_index& index = index_statement(ctx.cat.at(position));
    if (index.where_clause) continue;
    std::vector<lead> columns;
    for (const ast::sort_item& item : index.columns) {
      std::optional<catalog::key_column> kc = catalog::key_column_of(item);
      std::uint32_t col = kc ? o.find_column(kc->key) : ~0U;
      if (col == ~0U) break;
      columns.push_back({col, kc->collation != nullptr ? kc->collation->key : collation_of(o.columns[col])});
    }
    out.push_back(std::move(columns));
  }
  return out;
}

// What an index must start with to serve the lookups SQLite makes in the
// child table: the child columns, compared under the parent columns'
// collations (any collation when the parent is unknown).
std::vector<lead> wanted_columns(const context& ctx, const catalog::foreign_key& fk) {
  std::vector<lead> wanted;
  const object* parent = fk.parent != ~0U ? &ctx.cat.at(fk.parent) : nullptr;
  for (std::size_t i = 0; i < fk.columns.size(); ++i) {
    std::string collation;
    if (parent != nullptr && i < fk.parent_columns.size() && fk.parent_columns[i] < parent->columns.size()) {
      collation = collation_of(parent->columns[fk.parent_columns[i]]);
    }
    wanted.push_back({fk.columns[i], std::move(collation)});
  }
  return wanted;
}

// True if some index starts with exactly the columns of `wanted`, in any
// order, each under the collation wanted.
bool covered(const std::vector<std::vector<lead>>& indexes, const std::vector<lead>& wanted) {
  for (const std::vector<lead>& index : indexes) {
    if (index.size() < wanted.size()) continue;
    bool all = true;
    for (const lead& w : wanted) {
      bool found = false;
      for (std::size_t i = 0; i < wanted.size() && !found; ++i) {
        found = index[i].column == w.column && (w.collation.empty() || index[i].collation == w.collation);
      }
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

// CREATE INDEX <table>_<columns> ON <table> (<columns>), printed by the
// SQL printer so that names are quoted where they must be; a column whose
// own collation differs from the parent's gets a COLLATE.
std::string suggested_index(const context& ctx, const object& o, const std::vector<lead>& wanted) {
  ast::create_index index;
  std::string name = o.name;
  for (const lead& w : wanted) name += "_" + o.columns[w.column].name;
  while (ctx.cat.find(catalog::fold(name)) != nullptr) name += "_fk";
  index.name.name = ast::identifier{name, catalog::fold(name), '\0', {}};
  index.table = ast::identifier{o.name, o.key, '\0', {}};
  for (const lead& w : wanted) {
    const catalog::column& c = o.columns[w.column];
    auto e = std::make_unique<ast::expr>();
    e->node = ast::column_ref{std::nullopt, std::nullopt, ast::identifier{c.name, c.key, '\0', {}}};
    if (!w.collation.empty() && w.collation != collation_of(c)) {
      auto wrapped = std::make_unique<ast::expr>();
      std::string written = w.collation;
      if (written == "binary" || written == "nocase" || written == "rtrim") {
        written = ast::upper(written);
      }
      wrapped->node = ast::collate{std::move(e), ast::identifier{written, w.collation, '\0', {}}};
      e = std::move(wrapped);
    }
    index.columns.push_back(ast::sort_item{std::move(e), ast::sort_direction::none, ast::nulls_order::none});
  }
  ast::statement stmt;
  stmt.node = std::move(index);
  return backend::sql::print_statement(stmt);
}

// W0803.
void fk_without_index(const context& ctx, const object& o, const std::vector<std::vector<lead>>& indexes,
                      const catalog::foreign_key& fk) {
  const std::vector<lead> wanted = wanted_columns(ctx, fk);
  if (wanted.empty() || covered(indexes, wanted)) return;
  std::string columns;
  for (std::uint32_t col : fk.columns) {
    if (!columns.empty()) columns += ", ";
    columns += "'" + o.columns[col].name + "'";
  }
  const std::string& parent = fk.clause->table.text;
  diag::diagnostic& d = ctx.sink.emit(
      diag::code::fk_without_index, fk.where,
      fmt::format("no index of table '{}' starts with foreign key column{} {}; each delete or key update in '{}' "
                  "scans '{}'",
                  o.name, fk.columns.size() == 1 ? "" : "s", columns, parent, o.name));
  d.notes.push_back({o.name_id->where, fmt::format("an index would do: {}", suggested_index(ctx, o, wanted))});
}

}  // namespace

void check_foreign_keys(const context& ctx) {
  for (const object& o : ctx.cat.objects()) {
    const ast::create_table* table = table_statement(o);
    if (table == nullptr || o.foreign_keys.empty()) continue;
    const std::vector<std::vector<lead>> indexes = leading_columns(ctx, o);
    for (const catalog::foreign_key& fk : o.foreign_keys) {
      fk_type_mismatch(ctx, o, *table, fk);
      fk_without_index(ctx, o, indexes, fk);
    }
  }
}

}  // namespace migc::lint::detail
