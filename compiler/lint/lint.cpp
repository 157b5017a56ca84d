// The lint pass: finds each table's indexes once, then runs the check
// groups (one file each) over the whole catalog. The work is linear in the
// size of the schema: no check looks at objects of other tables except
// through the catalog's name table or a foreign key's resolved parent.
#include "compiler/lint/lint.hpp"

#include <algorithm>
#include <cassert>

#include "compiler/lint/lint_internal.hpp"

namespace migc::lint {

namespace detail {

const ast::create_index& index_statement(const catalog::object& o) {
  assert(o.kind == catalog::object_kind::index && o.statement != nullptr);
  return std::get<ast::create_index>(o.statement->node);
}

const ast::create_table* table_statement(const catalog::object& o) {
  if (o.kind != catalog::object_kind::table || o.statement == nullptr) return nullptr;
  return std::get_if<ast::create_table>(&o.statement->node);
}

std::string type_text(const catalog::column& c) { return c.type.empty() ? "no declared type" : c.type; }

}  // namespace detail

namespace {

// The table an index belongs to: resolve's answer when it has one, else the
// name the index statement gives.
std::uint32_t index_table(const catalog::catalog& cat, const catalog::object& index) {
  if (index.target != ~0U) return index.target;
  const catalog::object* t = cat.find_relation(index.target_key);
  return t != nullptr ? t->position : ~0U;
}

}  // namespace

void run(const catalog::catalog& cat, diag::sink& sink) {
  // Lint runs on a schema that resolved without errors: every index and
  // trigger has found its table.
  assert(std::all_of(cat.objects().begin(), cat.objects().end(), [](const catalog::object& o) {
    return (o.kind != catalog::object_kind::index && o.kind != catalog::object_kind::trigger) || o.target != ~0U;
  }));
  detail::context ctx{cat, sink, {}};
  ctx.indexes.resize(cat.objects().size());
  for (const catalog::object& o : cat.objects()) {
    if (o.kind != catalog::object_kind::index || o.statement == nullptr) continue;
    std::uint32_t table = index_table(cat, o);
    if (table != ~0U && cat.at(table).kind == catalog::object_kind::table) ctx.indexes[table].push_back(o.position);
  }
  detail::check_tables(ctx);
  detail::check_foreign_keys(ctx);
  detail::check_indexes(ctx);
  detail::check_views(ctx);
  detail::check_collations(ctx);
}

}  // namespace migc::lint
