// Names through links: renames and double-quoted strings.
#include "compiler/normalize/naming.hpp"

#include <cassert>

namespace migc::normalize {

void naming::rename_object(std::uint32_t position, std::string new_key) {
  const catalog::object& o = cat_.at(position);
  if (o.name_id != nullptr) definitions_[o.name_id] = new_key;
  objects_[position] = std::move(new_key);
}

void naming::rename_column(std::uint32_t table, std::uint32_t column, std::string new_key) {
  const catalog::object& o = cat_.at(table);
  assert(column < o.columns.size());
  if (o.columns[column].definition != nullptr) definitions_[&o.columns[column].definition->name] = new_key;
  columns_[{table, column}] = std::move(new_key);
}

std::string naming::object_key(const catalog::object& o) const {
  auto it = objects_.find(o.position);
  return it == objects_.end() ? o.key : it->second;
}

std::string naming::column_key(std::uint32_t table, std::uint32_t column) const {
  auto it = columns_.find({table, column});
  if (it != columns_.end()) return it->second;
  const catalog::object& o = cat_.at(table);
  assert(column < o.columns.size());
  return o.columns[column].key;
}

std::string naming::reference_key(const ast::identifier& id) const {
  const catalog::link* l = cat_.links().find(id);
  if (l == nullptr) return id.key;
  if (l->kind == catalog::link_kind::object) return object_key(cat_.at(l->object));
  if (l->kind == catalog::link_kind::column) return column_key(l->object, l->column);
  return id.key;
}

backend::sql::name_map::use naming::find(const ast::identifier& id) const {
  using k = use::kind;
  if (auto d = definitions_.find(&id); d != definitions_.end()) return {k::renamed, d->second};
  const catalog::link* l = cat_.links().find(id);
  if (l == nullptr) return {};
  switch (l->kind) {
    case catalog::link_kind::string:
      return {k::string, {}};
    case catalog::link_kind::object:
      if (auto it = objects_.find(l->object); it != objects_.end()) return {k::renamed, it->second};
      return {};
    case catalog::link_kind::column:
      if (auto it = columns_.find({l->object, l->column}); it != columns_.end()) return {k::renamed, it->second};
      return {};
    default:
      return {};
  }
}

}  // namespace migc::normalize
