// The link table: links in the order resolve found them, and two indexes
// built on the first query after a change (by reference, by owner), so
// that resolving, which only adds, pays for nothing but the vector.
#include "compiler/catalog/links.hpp"

#include <algorithm>
#include <cassert>

namespace migc::catalog {

void link_table::add(const link& l) {
  assert(l.name != nullptr);
  links_.push_back(l);
  indexed_ = false;
}

void link_table::index() const {
  if (indexed_) return;
  by_name_.clear();
  by_name_.reserve(links_.size());
  for (std::uint32_t i = 0; i < links_.size(); ++i) by_name_.push_back(i);
  // By reference, the latest link of a reference last (a name resolved
  // twice, as a CTE used twice, means the same; the latest counts).
  std::stable_sort(by_name_.begin(), by_name_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return links_[a].name < links_[b].name; });
  by_owner_ = by_name_;
  std::stable_sort(by_owner_.begin(), by_owner_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return links_[a].owner != links_[b].owner ? links_[a].owner < links_[b].owner
                                              : links_[a].name->where.begin < links_[b].name->where.begin;
  });
  indexed_ = true;
}

const link* link_table::find(const ast::identifier& name) const noexcept {
  index();
  auto it = std::upper_bound(by_name_.begin(), by_name_.end(), &name,
                             [&](const ast::identifier* n, std::uint32_t i) { return n < links_[i].name; });
  if (it == by_name_.begin() || links_[*std::prev(it)].name != &name) return nullptr;
  return &links_[*std::prev(it)];
}

std::vector<const link*> link_table::references_to(std::uint32_t object) const {
  std::vector<const link*> out;
  for (const link& l : links_) {
    if (l.kind == link_kind::object && l.object == object && find(*l.name) == &l) out.push_back(&l);
  }
  return out;
}

std::vector<const link*> link_table::references_to(std::uint32_t object, std::uint32_t column) const {
  std::vector<const link*> out;
  for (const link& l : links_) {
    if (l.kind == link_kind::column && l.object == object && l.column == column && find(*l.name) == &l) {
      out.push_back(&l);
    }
  }
  return out;
}

std::vector<const link*> link_table::held_by(std::uint32_t owner, source::span within) const {
  index();
  std::vector<const link*> out;
  auto it = std::lower_bound(by_owner_.begin(), by_owner_.end(), owner,
                             [&](std::uint32_t i, std::uint32_t o) { return links_[i].owner < o; });
  for (; it != by_owner_.end() && links_[*it].owner == owner; ++it) {
    const link& l = links_[*it];
    const source::span& at = l.name->where;
    if (at.file == within.file && at.begin >= within.begin && at.end <= within.end && find(*l.name) == &l) {
      out.push_back(&l);
    }
  }
  return out;
}

}  // namespace migc::catalog
