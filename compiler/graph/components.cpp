// Adjacency arrays and Tarjan's strongly connected components, without
// recursion.
#include "compiler/graph/components.hpp"

#include <algorithm>
#include <cassert>

namespace migc::graph {

void adjacency::reserve(std::size_t nodes, std::size_t edges) {
  offsets_.reserve(nodes + 1);
  targets_.reserve(edges);
}

std::uint32_t adjacency::add_node() {
  offsets_.push_back(static_cast<std::uint32_t>(targets_.size()));
  return size() - 1;
}

void adjacency::add_edge(std::uint32_t to) {
  assert(!offsets_.empty());
  targets_.push_back(to);
}

std::span<const std::uint32_t> adjacency::edges(std::uint32_t node) const noexcept {
  assert(node < size());
  const std::uint32_t begin = offsets_[node];
  const std::uint32_t end = node + 1 < size() ? offsets_[node + 1] : static_cast<std::uint32_t>(targets_.size());
  return std::span<const std::uint32_t>(targets_).subspan(begin, end - begin);
}

components strongly_connected(const adjacency& g) {
  constexpr std::uint32_t unvisited = ~0U;
  const std::uint32_t n = g.size();
  components out;
  out.component.assign(n, unvisited);

  std::vector<std::uint32_t> index(n, unvisited);
  std::vector<std::uint32_t> low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;  // Tarjan's stack of open nodes
  struct frame {
    std::uint32_t node;
    std::uint32_t next_edge;  // into g.edges(node)
  };
  std::vector<frame> calls;  // stands in for the recursion
  std::uint32_t counter = 0;

  const auto open = [&](std::uint32_t v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    on_stack[v] = true;
    calls.push_back({v, 0});
  };

  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != unvisited) continue;
    open(root);
    while (!calls.empty()) {
      frame& f = calls.back();
      const std::uint32_t v = f.node;
      const std::span<const std::uint32_t> edges = g.edges(v);
      if (f.next_edge < edges.size()) {
        const std::uint32_t w = edges[f.next_edge++];
        assert(w < n);
        if (index[w] == unvisited) {
          open(w);  // invalidates f
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        const auto id = static_cast<std::uint32_t>(out.cyclic.size());
        bool cyclic = stack.back() != v;  // more than one node
        std::uint32_t w = 0;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          out.component[w] = id;
        } while (w != v);
        if (!cyclic) cyclic = std::find(edges.begin(), edges.end(), v) != edges.end();
        out.cyclic.push_back(cyclic);
      }
      calls.pop_back();
      if (!calls.empty()) {
        const std::uint32_t parent = calls.back().node;
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  return out;
}

}  // namespace migc::graph
