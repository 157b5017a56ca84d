// W0809 redundant_index: a CREATE INDEX whose key another index of the same
// table already starts with, under the same WHERE. The automatic indexes of
// PRIMARY KEY and UNIQUE constraints (and the rowid an INTEGER PRIMARY KEY
// aliases) count as indexes; only CREATE INDEX objects are reported.
#include <fmt/format.h>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/table_facts.hpp"
#include "compiler/lint/lint_internal.hpp"

namespace migc::lint::detail {

namespace {

using catalog::object;

// One column of an index key, compared as SQLite would use it: the column
// (or the normalized expression), its collation, its direction.
struct key_item {
  std::string value;  // "#<column position>" or the normalized expression
  std::string collation;
  bool desc = false;
  friend bool operator==(const key_item&, const key_item&) = default;
};

struct index_entry {
  std::vector<key_item> key;
  std::string where;  // normalized WHERE; empty without one
  bool unique = false;
  std::uint32_t index = ~0U;  // catalog position of a CREATE INDEX, ~0 for a constraint
  bool primary = false;
  source::span at{};
};

std::string column_collation(const catalog::column& c) { return c.collation != nullptr ? c.collation->key : "binary"; }

key_item item_of(const object& table, const ast::sort_item& item) {
  key_item k;
  k.desc = item.direction == ast::sort_direction::desc;
  if (std::optional<catalog::key_column> kc = catalog::key_column_of(item)) {
    std::uint32_t col = table.find_column(kc->key);
    if (col != ~0U) {
      k.value = fmt::format("#{}", col);
      k.collation = kc->collation != nullptr ? kc->collation->key : column_collation(table.columns[col]);
      return k;
    }
  }
  const ast::expr* e = item.value.get();
  k.collation = "binary";
  if (const auto* c = std::get_if<ast::collate>(&e->node)) {
    k.collation = c->collation.key;
    e = c->operand.get();
  }
  k.value = backend::sql::normalized_expr(*e);
  return k;
}

// The automatic indexes of the table's PRIMARY KEY and UNIQUE constraints.
void add_constraints(const object& o, const ast::create_table& table, std::vector<index_entry>& out) {
  using ck = ast::column_constraint::kind;
  for (std::uint32_t i = 0; i < table.columns.size() && i < o.columns.size(); ++i) {
    for (const ast::column_constraint& cc : table.columns[i].constraints) {
      if (cc.what != ck::primary_key && cc.what != ck::unique) continue;
      index_entry e;
      e.key.push_back(
          {fmt::format("#{}", i), column_collation(o.columns[i]), cc.direction == ast::sort_direction::desc});
      e.unique = true;
      e.primary = cc.what == ck::primary_key;
      e.at = cc.where;
      out.push_back(std::move(e));
    }
  }
  using tk = ast::table_constraint::kind;
  for (const ast::table_constraint& tc : table.constraints) {
    if (tc.what != tk::primary_key && tc.what != tk::unique) continue;
    index_entry e;
    for (const ast::sort_item& item : tc.columns) e.key.push_back(item_of(o, item));
    e.unique = true;
    e.primary = tc.what == tk::primary_key;
    e.at = tc.where;
    out.push_back(std::move(e));
  }
}

bool is_prefix(const std::vector<key_item>& a, const std::vector<key_item>& b) {
  if (a.size() > b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] == b[i])) return false;
  }
  return true;
}

// True if `b` serves every lookup `a` serves and enforces whatever `a`
// enforces: `a`'s key starts `b`'s, and `a` is not UNIQUE unless `b` is
// UNIQUE over the same columns.
bool covers(const index_entry& b, const index_entry& a) {
  if (a.where != b.where || !is_prefix(a.key, b.key)) return false;
  return !a.unique || (b.unique && a.key.size() == b.key.size());
}

std::string describe(const context& ctx, const object& table, const index_entry& e) {
  if (e.index != ~0U) return fmt::format("index '{}'", ctx.cat.at(e.index).name);
  return fmt::format("the {} of table '{}'", e.primary ? "PRIMARY KEY" : "UNIQUE constraint", table.name);
}

void check_table(const context& ctx, const object& o, const ast::create_table& table) {
  std::vector<index_entry> entries;
  add_constraints(o, table, entries);
  for (std::uint32_t position : ctx.indexes[o.position]) {
    const object& index = ctx.cat.at(position);
    const ast::create_index& stmt = index_statement(index);
    index_entry e;
    for (const ast::sort_item& item : stmt.columns) e.key.push_back(item_of(o, item));
    if (stmt.where_clause) e.where = backend::sql::normalized_expr(*stmt.where_clause);
    e.unique = stmt.unique;
    e.index = position;
    e.at = index.name_id->where;
    entries.push_back(std::move(e));
  }
  // Constraints come first and indexes in source order, so of two
  // identical indexes the later one is reported, with the earlier as witness.
  for (std::size_t a = 0; a < entries.size(); ++a) {
    if (entries[a].index == ~0U) continue;
    for (std::size_t b = 0; b < entries.size(); ++b) {
      if (a == b || !covers(entries[b], entries[a])) continue;
      if (b > a && covers(entries[a], entries[b])) continue;  // identical: report b, not a
      const index_entry& ea = entries[a];
      const index_entry& eb = entries[b];
      bool same = ea.key.size() == eb.key.size();
      diag::diagnostic& d =
          ctx.sink.emit(diag::code::redundant_index, ea.at,
                        fmt::format("index '{}' is redundant: {} {}{}", ctx.cat.at(ea.index).name,
                                    same ? "it has the same key as" : "its key is a prefix of", describe(ctx, o, eb),
                                    ea.where.empty() ? "" : " under the same WHERE"));
      d.notes.push_back({eb.at, fmt::format("{} is here", describe(ctx, o, eb))});
      break;
    }
  }
}

}  // namespace

void check_indexes(const context& ctx) {
  for (const object& o : ctx.cat.objects()) {
    const ast::create_table* table = table_statement(o);
    if (table == nullptr || table->as_select || ctx.indexes[o.position].empty()) continue;
    check_table(ctx, o, *table);
  }
}

}  // namespace migc::lint::detail
