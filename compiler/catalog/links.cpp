// The link table: a vector of links and an index from reference to link.
#include "compiler/catalog/links.hpp"

#include <cassert>

namespace migc::catalog {

void link_table::add(const link& l) {
  assert(l.name != nullptr);
  auto [it, added] = by_name_.try_emplace(l.name, static_cast<std::uint32_t>(links_.size()));
  if (added) {
    links_.push_back(l);
    by_owner_[l.owner].push_back(it->second);
  } else {
    assert(links_[it->second].owner == l.owner);
    links_[it->second] = l;
  }
}

const link* link_table::find(const ast::identifier& name) const noexcept {
  auto it = by_name_.find(&name);
  return it == by_name_.end() ? nullptr : &links_[it->second];
}

std::vector<const link*> link_table::references_to(std::uint32_t object) const {
  std::vector<const link*> out;
  for (const link& l : links_) {
    if (l.kind == link_kind::object && l.object == object) out.push_back(&l);
  }
  return out;
}

std::vector<const link*> link_table::references_to(std::uint32_t object, std::uint32_t column) const {
  std::vector<const link*> out;
  for (const link& l : links_) {
    if (l.kind == link_kind::column && l.object == object && l.column == column) out.push_back(&l);
  }
  return out;
}

std::vector<const link*> link_table::held_by(std::uint32_t owner, source::span within) const {
  std::vector<const link*> out;
  auto held = by_owner_.find(owner);
  if (held == by_owner_.end()) return out;
  for (std::uint32_t i : held->second) {
    const link& l = links_[i];
    const source::span& at = l.name->where;
    if (at.file == within.file && at.begin >= within.begin && at.end <= within.end) {
      out.push_back(&l);
    }
  }
  return out;
}

}  // namespace migc::catalog
