// Lints of one table's own definition: its primary key (W0801, W0804,
// W0805), AUTOINCREMENT (W0806) and defaults that break NOT NULL (W0808).
#include <fmt/format.h>

#include "compiler/ast/names.hpp"
#include "compiler/lint/lint_internal.hpp"

namespace migc::lint::detail {

namespace {

using catalog::object;

const catalog::unique_key* primary_key(const object& o) {
  for (const catalog::unique_key& u : o.unique_keys) {
    if (u.primary) return &u;
  }
  return nullptr;
}

// W0801: a rowid table (CREATE TABLE ... AS SELECT included) without a key.
void missing_primary_key(const context& ctx, const object& o) {
  if (o.without_rowid || primary_key(o) != nullptr) return;
  ctx.sink.emit(diag::code::missing_primary_key, o.name_id->where,
                fmt::format("table '{}' has no PRIMARY KEY; its rows are identified only by the implicit rowid, "
                            "which VACUUM may renumber",
                            o.name));
}

// W0804: a one-column key with INTEGER affinity that SQLite still keeps in
// a separate index, because the type is not spelled INTEGER or because of
// DESC in the column constraint.
void not_rowid_alias(const context& ctx, const object& o) {
  const catalog::unique_key* pk = primary_key(o);
  if (o.without_rowid || pk == nullptr || pk->columns.size() != 1) return;
  const catalog::column& c = o.columns[pk->columns[0]];
  if (c.rowid_alias || c.aff != catalog::affinity::integer) return;
  if (ast::upper(c.type) != "INTEGER") {
    diag::diagnostic& d = ctx.sink.emit(
        diag::code::not_rowid_alias, c.where,
        fmt::format("PRIMARY KEY column '{}' of table '{}' is not an alias of the rowid: its type '{}' is not spelled "
                    "INTEGER, so the key is a second index beside the rowid",
                    c.name, o.name, c.type));
    if (c.definition != nullptr && c.definition->type) {
      d.notes.push_back({c.definition->type->where, "declare it INTEGER to make it the rowid"});
    }
    return;
  }
  diag::diagnostic& d = ctx.sink.emit(
      diag::code::not_rowid_alias, c.where,
      fmt::format("PRIMARY KEY column '{}' of table '{}' is not an alias of the rowid: INTEGER PRIMARY KEY DESC "
                  "never is (a quirk SQLite keeps for compatibility), so the key is a second index beside the rowid",
                  c.name, o.name));
  d.notes.push_back(
      {pk->where, fmt::format("drop DESC, or write PRIMARY KEY ({} DESC) as a table constraint", c.name)});
}

// W0805: SQLite enforces NOT NULL on the key of a rowid table only where it
// is declared (the rowid alias cannot be NULL anyway).
void nullable_primary_key(const context& ctx, const object& o) {
  if (o.without_rowid) return;
  for (const catalog::column& c : o.columns) {
    if (!c.primary_key || c.rowid_alias || c.not_null) continue;
    ctx.sink.emit(diag::code::nullable_primary_key, c.where,
                  fmt::format("PRIMARY KEY column '{}' of table '{}' accepts NULL: a rowid table enforces NOT NULL "
                              "on its key only when it is declared",
                              c.name, o.name));
  }
}

// W0806. The catalog already reported AUTOINCREMENT anywhere but on the
// rowid alias (and lint does not run after errors), so it sits on the alias.
void needless_autoincrement(const context& ctx, const object& o, const ast::create_table& table) {
  if (!o.autoincrement) return;
  source::span at = o.name_id->where;
  for (const ast::column_definition& def : table.columns) {
    for (const ast::column_constraint& cc : def.constraints) {
      if (cc.autoincrement) at = cc.where;
    }
  }
  for (const ast::table_constraint& tc : table.constraints) {
    if (tc.autoincrement) at = tc.where;
  }
  ctx.sink.emit(diag::code::needless_autoincrement, at,
                fmt::format("AUTOINCREMENT on table '{}' costs a write to sqlite_sequence on every insert and only "
                            "keeps the ids of deleted rows from being reused; INTEGER PRIMARY KEY alone already "
                            "assigns new ids",
                            o.name));
}

// NULL, (NULL), -NULL: what a DEFAULT clause can spell NULL as.
bool is_null(const ast::expr* e) {
  while (e != nullptr) {
    if (const auto* lit = std::get_if<ast::literal>(&e->node)) return lit->kind == ast::literal_kind::null;
    if (const auto* p = std::get_if<ast::paren>(&e->node); p != nullptr && p->items.size() == 1) {
      e = p->items.front().get();
    } else if (const auto* u = std::get_if<ast::unary>(&e->node);
               u != nullptr && (u->op == ast::unary_op::negate || u->op == ast::unary_op::plus)) {
      e = u->operand.get();
    } else {
      return false;
    }
  }
  return false;
}

// W0808. The rowid alias is exempt: NULL there means "assign a new rowid".
void not_null_default_null(const context& ctx, const object& o, const ast::create_table& table) {
  for (std::size_t i = 0; i < table.columns.size() && i < o.columns.size(); ++i) {
    const catalog::column& c = o.columns[i];
    if (!c.not_null || c.rowid_alias) continue;
    for (const ast::column_constraint& cc : table.columns[i].constraints) {
      if (cc.what != ast::column_constraint::kind::default_ || !cc.default_ || !is_null(cc.default_->value.get())) {
        continue;
      }
      ctx.sink.emit(diag::code::not_null_default_null, cc.where,
                    fmt::format("column '{}' of table '{}' is NOT NULL but defaults to NULL, so every insert that "
                                "omits it fails",
                                c.name, o.name));
    }
  }
}

}  // namespace

void check_tables(const context& ctx) {
  for (const object& o : ctx.cat.objects()) {
    if (o.kind != catalog::object_kind::table) continue;
    missing_primary_key(ctx, o);
    const ast::create_table* table = table_statement(o);
    if (table == nullptr || table->as_select) continue;
    not_rowid_alias(ctx, o);
    nullable_primary_key(ctx, o);
    needless_autoincrement(ctx, o, *table);
    not_null_default_null(ctx, o, *table);
  }
}

}  // namespace migc::lint::detail
