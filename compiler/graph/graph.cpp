// Placeholder until the dependency graph lands: source order.
#include "compiler/graph/graph.hpp"

namespace migc::graph {

order creation_order(const catalog::catalog& cat, diag::sink& sink) {
  (void)sink;
  order o;
  for (const catalog::object& obj : cat.objects()) o.create.push_back(obj.position);
  return o;
}

}  // namespace migc::graph
