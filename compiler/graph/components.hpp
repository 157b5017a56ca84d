// Graphs of catalog positions as adjacency arrays, and their strongly
// connected components (Tarjan's algorithm, iterative so that a chain of
// 100,000 views does not exhaust the call stack).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace migc::graph {

/// A directed graph over nodes 0..n-1 in compressed sparse rows: the edges
/// leaving node v are targets[offsets[v] .. offsets[v + 1]), in insertion
/// order. Build it with one add_node() per node in order, each followed by
/// its edges.
class adjacency {
 public:
  void reserve(std::size_t nodes, std::size_t edges);
  /// Starts the edge list of the next node; returns its number.
  std::uint32_t add_node();
  /// Adds an edge from the last added node to `to`.
  void add_edge(std::uint32_t to);

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(offsets_.size()); }
  [[nodiscard]] std::span<const std::uint32_t> edges(std::uint32_t node) const noexcept;

 private:
  std::vector<std::uint32_t> offsets_;  // start of each node's edges
  std::vector<std::uint32_t> targets_;
};

/// The strongly connected components of a graph: component[v] numbers the
/// component of node v (numbers are dense, and a component is numbered after
/// every component it has an edge into), and cyclic[c] says whether
/// component c holds a cycle: more than one node, or one node with an edge
/// to itself.
struct components {
  std::vector<std::uint32_t> component;
  std::vector<bool> cyclic;
};

/// Tarjan's algorithm with an explicit stack: O(V + E) time and memory, no
/// recursion.
[[nodiscard]] components strongly_connected(const adjacency& g);

}  // namespace migc::graph
