// Indexes: the table (an ordinary one), its columns and expressions, and a
// partial index's WHERE, which may only name that table and call only
// deterministic functions.
#include <fmt/format.h>

#include "compiler/catalog/table_facts.hpp"
#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

void resolver::index(object& idx) {
  const auto& stmt = std::get<ast::create_index>(idx.statement->node);
  set_owner(&idx);
  const object* t = cat.find_relation(idx.target_key);
  if (t == nullptr) {
    auto& d = sink.error(diag::code::E0204, stmt.table.where,
                         fmt::format("{} references unknown table '{}'", owner_text(), stmt.table.text));
    suggest(d, stmt.table, relation_names());
    set_owner(nullptr);
    return;
  }
  idx.target = t->position;
  depend(t->position, catalog::dependency_kind::target, stmt.table.where);
  link(stmt.table, catalog::link{nullptr, catalog::link_kind::object, t->position});
  if (t->kind != catalog::object_kind::table) {
    sink.error(diag::code::E0221, stmt.table.where,
               fmt::format("cannot create {} on {}: only ordinary tables can be indexed", owner_text(), describe(*t)));
    set_owner(nullptr);
    return;
  }
  if (!t->columns_known) view(t->position);  // CREATE TABLE ... AS SELECT
  scope sc;
  sc.sources.push_back(binding_of(*t));
  mode = expr_mode::own_table;
  own_table = t;
  index_expression = true;
  for (const ast::sort_item& item : stmt.columns) {
    // SQLite reads a string literal in the column list as a column name.
    const auto* lit = item.value ? std::get_if<ast::literal>(&item.value->node) : nullptr;
    if (lit != nullptr && lit->kind == ast::literal_kind::string) {
      std::optional<catalog::key_column> kc = catalog::key_column_of(item);
      if (kc && t->columns_known && t->find_column(kc->key) == ~0U) {
        sink.error(diag::code::E0205, kc->where,
                   fmt::format("{} references unknown column '{}'", owner_text(), kc->text));
      }
      continue;
    }
    expr(item.value.get(), sc, nullptr);
  }
  expr(stmt.where_clause.get(), sc, nullptr);
  mode = expr_mode::normal;
  own_table = nullptr;
  index_expression = false;
  set_owner(nullptr);
}

}  // namespace migc::resolve::detail
