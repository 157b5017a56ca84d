// A compiled schema: the ASTs of its files, the catalog that points into
// them, and the creation order. What the driver produces and every later
// stage (diff, plan, back ends, workflows) reads.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/catalog/catalog.hpp"

namespace migc::catalog {

/// Movable, not copyable (the catalog points into `scripts`, whose
/// statements do not move when the vector does).
struct compilation {
  std::vector<ast::script> scripts;
  ::migc::catalog::catalog catalog;
  std::vector<std::uint32_t> order;  // catalog positions, creation order
  bool passes_ran = false;           // false with syntax_only or after parse errors
};

}  // namespace migc::catalog
