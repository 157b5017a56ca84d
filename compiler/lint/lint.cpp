// Placeholder until lint lands: reports nothing.
#include "compiler/lint/lint.hpp"

namespace migc::lint {

void run(const catalog::catalog& cat, diag::sink& sink) {
  (void)cat;
  (void)sink;
}

}  // namespace migc::lint
