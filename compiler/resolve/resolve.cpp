// The resolve pass's entry point: the order in which objects are resolved,
// and the owner bookkeeping (messages name it, edges start from it).
#include "compiler/resolve/resolve.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>

#include "compiler/resolve/resolver.hpp"

namespace migc::resolve {

namespace detail {

std::string describe(const object& o) { return fmt::format("{} '{}'", catalog::kind_name(o.kind), o.name); }

resolver::resolver(catalog::catalog& c, diag::sink& s) : cat(c), sink(s), view_state(c.objects().size(), 0) {}

void resolver::set_owner(object* o) {
  owner_ = o;
  owner_text_ = o != nullptr ? describe(*o) : std::string();
}

void resolver::depend(std::uint32_t on, catalog::dependency_kind kind, migc::source::span where) {
  // Self-references stay: a view reading itself is a cycle the graph pass
  // reports; the graph ignores foreign keys to the own table.
  if (owner_ == nullptr) return;
  for (const catalog::dependency& d : owner_->dependencies) {
    if (d.object == on && d.kind == kind) return;
  }
  owner_->dependencies.push_back({on, kind, where});
}

void resolver::link(const ast::identifier& name, catalog::link to) {
  if (owner_ == nullptr) return;
  to.name = &name;
  to.owner = owner_->position;
  cat.links().add(to);
}

void resolver::link_column(const ast::identifier& name, const binding& b, std::uint32_t column) {
  if (b.columns_of == nullptr) return;
  catalog::link to;
  to.kind = catalog::link_kind::column;
  to.object = b.columns_of->position;
  to.column = column;
  link(name, to);
}

}  // namespace detail

void run(catalog::catalog& cat, diag::sink& sink) {
  // Resolving twice would record every edge and link twice.
  assert(cat.links().all().empty());
  assert(std::all_of(cat.objects().begin(), cat.objects().end(),
                     [](const catalog::object& o) { return o.dependencies.empty(); }));
  detail::resolver r(cat, sink);
  // Unique indexes first: they are parent keys foreign keys may name.
  r.unique_indexes();
  // Queries next, in dependency order, so on-demand resolution stays shallow.
  for (std::uint32_t position : detail::query_order(cat)) r.view(position);
  for (catalog::object& o : cat.objects()) {
    if (o.kind == catalog::object_kind::table) r.foreign_keys(o);
  }
  for (catalog::object& o : cat.objects()) {
    switch (o.kind) {
      case catalog::object_kind::table:
        r.table_expressions(o);
        r.view(o.position);  // CREATE TABLE ... AS SELECT; nothing for others
        break;
      case catalog::object_kind::view:
        r.view(o.position);
        break;
      case catalog::object_kind::index:
        r.index(o);
        break;
      case catalog::object_kind::trigger:
        r.trigger(o);
        break;
      case catalog::object_kind::virtual_table:
        break;
    }
  }
}

}  // namespace migc::resolve
