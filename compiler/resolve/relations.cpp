// Table names: a CTE in scope, an object of the catalog (views and CREATE
// TABLE ... AS SELECT resolved first, on demand), or a relation SQLite
// provides. Each found catalog object becomes a reads edge of the owner.
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve::detail {

binding resolver::binding_of(const object& o) {
  binding b;
  b.key = o.key;
  b.name = o.name;
  b.table = &o;
  b.cols.columns = o.columns;
  b.cols.known = o.columns_known;
  b.cols.has_rowid =
      (o.kind == catalog::object_kind::table && !o.without_rowid) || o.kind == catalog::object_kind::virtual_table;
  b.columns_of = &o;
  b.self = catalog::link{nullptr, catalog::link_kind::object, o.position};
  return b;
}

std::optional<binding> resolver::relation(const ast::qualified_name& name, cte_scope* ctes, bool function_call) {
  const ast::identifier& id = name.name;
  const std::string schema = name.schema ? name.schema->key : std::string();
  if (!schema.empty() && schema != "main" && schema != "temp") {
    sink.error(diag::code::E0204, name.where,
               fmt::format("{} references table '{}' of unknown database '{}': schema files describe the main "
                           "database",
                           owner_text(), id.text, name.schema->text));
    return std::nullopt;
  }
  std::vector<std::string> cte_names;
  if (schema.empty()) {
    for (cte_scope* c = ctes; c != nullptr; c = c->outer) {
      for (cte_entry& entry : c->tables) {
        cte_names.push_back(entry.def->name.text);
        if (entry.def->name.key != id.key) continue;
        cte(*c, entry);
        binding b;
        b.key = id.key;
        b.name = id.text;
        b.cols = entry.cols;
        b.cols.has_rowid = false;
        b.self = catalog::link{nullptr, catalog::link_kind::cte};
        b.self->definition = entry.def->name.where;
        link(id, *b.self);
        return b;
      }
    }
  }
  if (schema != "temp") {
    if (const object* o = cat.find_relation(id.key)) {
      if (!o->columns_known && o->kind != catalog::object_kind::virtual_table) view(o->position);
      depend(o->position, catalog::dependency_kind::reads, id.where);
      binding b = binding_of(*o);
      link(id, *b.self);
      return b;
    }
  }
  if (std::optional<shape> s = builtin_relation(id.key, function_call)) {
    binding b;
    b.key = id.key;
    b.name = id.text;
    b.cols = std::move(*s);
    b.self = catalog::link{nullptr, catalog::link_kind::builtin};
    link(id, *b.self);
    return b;
  }
  auto& d = sink.error(diag::code::E0204, id.where,
                       fmt::format("{} references unknown {} '{}'", owner_text(),
                                   function_call ? "table-valued function" : "table", id.text));
  if (cte_names.empty()) {
    suggest(d, id, relation_names());
  } else {
    cte_names.insert(cte_names.end(), relation_names().begin(), relation_names().end());
    suggest(d, id, cte_names);
  }
  return std::nullopt;
}

}  // namespace migc::resolve::detail
