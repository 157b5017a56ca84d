// migc gen cpp|fsharp: runs the bindings workflow (compiler/workflow/
// bindings.hpp) and prints its diagnostics.
#include "compiler/workflow/bindings.hpp"
#include "tools/migc/commands.hpp"

namespace migc::tool {

int run_gen(const gen_options& options) {
  std::optional<driver::options> opts = detail::driver_options(options.warnings, false);
  if (!opts) return exit_code::usage;
  diag::sink sink;
  workflow::bindings generated = workflow::generate_bindings(options.bindings, *opts, sink);
  sink.sort_by_location();
  detail::print_text(*generated.sources, sink);
  if (int status = detail::exit_status(sink); status != exit_code::ok) return status;

  diag::sink out;
  if (options.check) {
    if (workflow::check_bindings(generated, options.bindings, out) == 0) return exit_code::ok;
    detail::print_text(*generated.sources, out);
    return exit_code::errors;
  }
  if (!workflow::write_bindings(generated, options.bindings, out)) {
    detail::print_text(*generated.sources, out);
    return exit_code::usage;
  }
  return exit_code::ok;
}

}  // namespace migc::tool
