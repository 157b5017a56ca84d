// Lint: warnings about schemas SQLite accepts but that are likely mistakes
// or traps (the W08xx codes of codes.def, documented in docs/lints.md).
// Silencing (-W no-<name>, `-- migc:allow <name>`) is the driver's job:
// this pass reports everything it finds.
#pragma once

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::lint {

/// Reports the W08xx warnings for the objects of a resolved catalog. Never
/// reports errors.
void run(const catalog::catalog& cat, diag::sink& sink);

}  // namespace migc::lint
