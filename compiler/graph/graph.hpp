// The dependency graph: a creation order for the schema's objects, parents
// before the objects that need them, and the cycles that leave no order.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::graph {

/// Catalog positions in an order that creates every object after the
/// objects it needs. Drop in reverse.
struct order {
  std::vector<std::uint32_t> create;
};

/// Orders the objects of `cat` by their dependency edges: a stable
/// topological sort in which ties keep catalog (source) order. Foreign-key
/// edges order parents first where they can; those on a cycle (legal in
/// SQLite) are ignored for ordering and reported nowhere. Cycles through the
/// other edges (views that read each other) are reported as E0301 with the
/// whole path; their objects still appear in the order, in source order, so
/// the result always lists every object exactly once.
[[nodiscard]] order creation_order(const catalog::catalog& cat, diag::sink& sink);

}  // namespace migc::graph
