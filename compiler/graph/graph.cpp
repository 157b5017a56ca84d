// The creation order: which dependency edges constrain it, the cycles that
// break it (E0301), and the stable topological sort over what is left.
#include "compiler/graph/graph.hpp"

#include <algorithm>
#include <cassert>
#include <fmt/format.h>
#include <functional>
#include <queue>
#include <string>
#include <utility>

#include "compiler/graph/components.hpp"

namespace migc::graph {

namespace {

constexpr std::uint32_t none = ~0U;

bool is_hard(catalog::dependency_kind k) noexcept { return k != catalog::dependency_kind::foreign_key; }

// Where a diagnostic about the whole object points: its name.
source::span object_span(const catalog::object& o) {
  if (o.name_id != nullptr) return o.name_id->where;
  if (o.statement != nullptr) return o.statement->where;
  return {};
}

std::string_view verb(catalog::dependency_kind k) noexcept {
  switch (k) {
    case catalog::dependency_kind::foreign_key:
      return "references";
    case catalog::dependency_kind::reads:
      return "reads";
    case catalog::dependency_kind::target:
      return "belongs to";
  }
  return "needs";
}

// The edges of `cat` from each object to the objects it needs: all of them,
// or only the hard ones.
adjacency needs_graph(const catalog::catalog& cat, bool hard_only) {
  adjacency g;
  std::size_t edges = 0;
  for (const catalog::object& o : cat.objects()) edges += o.dependencies.size();
  g.reserve(cat.objects().size(), edges);
  for (const catalog::object& o : cat.objects()) {
    g.add_node();
    for (const catalog::dependency& d : o.dependencies) {
      assert(d.object < cat.objects().size());
      if (!hard_only || is_hard(d.kind)) g.add_edge(d.object);
    }
  }
  return g;
}

// Reports the cycle of hard edges through `start`, the first object of its
// component in source order: the shortest one, found breadth first so that
// the path is the same on every run.
void report_cycle(const catalog::catalog& cat, std::uint32_t start, const components& hard,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& via, diag::sink& sink) {
  const std::uint32_t component = hard.component[start];
  std::queue<std::uint32_t> queue;
  queue.push(start);
  std::uint32_t last = none;  // the object whose edge closes the cycle
  std::uint32_t closing = none;
  while (!queue.empty() && last == none) {
    const std::uint32_t u = queue.front();
    queue.pop();
    const std::vector<catalog::dependency>& deps = cat.at(u).dependencies;
    for (std::uint32_t i = 0; i < deps.size(); ++i) {
      const std::uint32_t w = deps[i].object;
      if (!is_hard(deps[i].kind) || hard.component[w] != component) continue;
      if (w == start) {
        last = u;
        closing = i;
        break;
      }
      if (via[w].first != none) continue;
      via[w] = {u, i};
      queue.push(w);
    }
  }
  assert(last != none);

  // The edges of the path, from `start` on.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> path{{last, closing}};
  for (std::uint32_t v = last; v != start; v = via[v].first) path.push_back(via[v]);
  std::reverse(path.begin(), path.end());

  const catalog::object& first = cat.at(start);
  std::string chain = fmt::format("'{}'", first.name);
  for (const auto& [from, edge] : path)
    chain += fmt::format(" \u2192 '{}'", cat.at(cat.at(from).dependencies[edge].object).name);
  diag::diagnostic& d =
      sink.error(diag::code::E0301, object_span(first),
                 fmt::format("{} '{}' depends on itself: {}", catalog::kind_name(first.kind), first.name, chain));
  for (const auto& [from, edge] : path) {
    const catalog::dependency& dep = cat.at(from).dependencies[edge];
    d.notes.push_back(
        {dep.where, fmt::format("'{}' {} '{}'", cat.at(from).name, verb(dep.kind), cat.at(dep.object).name)});
  }
}

}  // namespace

order creation_order(const catalog::catalog& cat, diag::sink& sink) {
  const auto n = static_cast<std::uint32_t>(cat.objects().size());
  for (std::uint32_t i = 0; i < n; ++i) assert(cat.at(i).position == i);

  const components hard = strongly_connected(needs_graph(cat, true));
  const components all = strongly_connected(needs_graph(cat, false));

  // Each hard cycle once, at its first object in source order.
  std::vector<bool> reported(hard.cyclic.size(), false);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> via(n, {none, none});
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint32_t c = hard.component[v];
    if (!hard.cyclic[c] || reported[c]) continue;
    reported[c] = true;
    report_cycle(cat, v, hard, via, sink);
  }

  // The edges that constrain the order, from the object needed to the
  // objects that need it. Left out: hard edges inside a hard cycle (an
  // error, reported above) and foreign keys on any cycle (SQLite does not
  // need them). What is left has no cycle: a cycle of it would lie within
  // one component of `all`, where only hard edges outside hard cycles remain.
  adjacency dependents;
  {
    std::vector<std::vector<std::uint32_t>> lists(n);
    for (const catalog::object& o : cat.objects()) {
      for (const catalog::dependency& d : o.dependencies) {
        const components& kind = is_hard(d.kind) ? hard : all;
        if (kind.component[d.object] != kind.component[o.position]) lists[d.object].push_back(o.position);
      }
    }
    for (const std::vector<std::uint32_t>& list : lists) {
      dependents.add_node();
      for (std::uint32_t to : list) dependents.add_edge(to);
    }
  }

  // Kahn's algorithm; among the objects ready, the first in source order.
  std::vector<std::uint32_t> waiting(n, 0);  // edges not yet satisfied
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t w : dependents.edges(v)) ++waiting[w];
  }
  std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (waiting[v] == 0) ready.push(v);
  }
  order out;
  out.create.reserve(n);
  while (!ready.empty()) {
    const std::uint32_t v = ready.top();
    ready.pop();
    out.create.push_back(v);
    for (std::uint32_t w : dependents.edges(v)) {
      if (--waiting[w] == 0) ready.push(w);
    }
  }
  assert(out.create.size() == n);
  return out;
}

}  // namespace migc::graph
