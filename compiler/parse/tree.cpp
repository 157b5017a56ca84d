// Turns the flat record of a parse into a tree (see tree.hpp).
#include "compiler/parse/tree.hpp"

#include <algorithm>
#include <cassert>

namespace migc::parse {

std::span<const node* const> tree::build() {
  assert(marks_.empty());
  const std::size_t n = entries_.size();
  nodes_.assign(n, node{});
  links_.clear();
  links_.reserve(2 * n);  // every node is linked once as a child or a root: no reallocation
  for (std::size_t i = 0; i < n; ++i) {
    const entry& e = entries_[i];
    node& out = nodes_[i];
    out.tag = e.tag;
    out.begin = e.begin;
    out.end = e.end;
    // Direct children: the subtrees that tile [i - descendants, i).
    const std::size_t first = links_.size();
    std::size_t j = i;
    const std::size_t lowest = i - e.descendants;
    while (j > lowest) {
      const std::size_t child = j - 1;
      links_.push_back(&nodes_[child]);
      j = child - entries_[child].descendants;
    }
    std::reverse(links_.begin() + static_cast<std::ptrdiff_t>(first), links_.end());
    out.children = {links_.data() + first, links_.size() - first};
  }
  const std::size_t first = links_.size();
  std::size_t j = n;
  while (j > 0) {
    const std::size_t root = j - 1;
    links_.push_back(&nodes_[root]);
    j = root - entries_[root].descendants;
  }
  std::reverse(links_.begin() + static_cast<std::ptrdiff_t>(first), links_.end());
  return {links_.data() + first, links_.size() - first};
}

}  // namespace migc::parse
