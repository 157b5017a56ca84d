// The compile options every workflow takes from its front end's -W
// arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/driver/driver.hpp"

namespace migc::workflow {

/// The driver options for `warnings` (-W arguments, in order) and
/// `syntax_only`. Returns nullopt with an E0890 in `sink` for the first
/// argument that names no warning.
[[nodiscard]] std::optional<driver::options> driver_options(const std::vector<std::string>& warnings, bool syntax_only,
                                                            diag::sink& sink);

}  // namespace migc::workflow
