// -W arguments to driver options.
#include "compiler/workflow/options.hpp"

namespace migc::workflow {

std::optional<driver::options> driver_options(const std::vector<std::string>& warnings, bool syntax_only,
                                              diag::sink& sink) {
  driver::options opts;
  opts.syntax_only = syntax_only;
  for (const std::string& w : warnings) {
    if (std::optional<std::string> why = opts.warnings.apply(w)) {
      sink.error(diag::code::E0890, {}, "-W " + w + ": " + *why);
      return std::nullopt;
    }
  }
  return opts;
}

}  // namespace migc::workflow
