// Placeholder until name resolution lands: resolves nothing.
#include "compiler/resolve/resolve.hpp"

namespace migc::resolve {

void run(catalog::catalog& cat, diag::sink& sink) {
  (void)cat;
  (void)sink;
}

}  // namespace migc::resolve
