// migc check, compile and help: load files, run the driver, render the
// diagnostics, print the result; and the helpers every command file shares.
#include "tools/migc/commands.hpp"

#include <unistd.h>

#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/diag/render.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"
#include "compiler/workflow/compile.hpp"
#include "compiler/workflow/files.hpp"
#include "compiler/workflow/options.hpp"

namespace migc::tool {

namespace detail {

// The path as the header shows it: relative to the working directory when it
// is absolute, so that output does not depend on where the tree lives.
std::string display_path(const std::string& path) {
  if (path == "-") return "<stdin>";
  namespace fs = std::filesystem;
  fs::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) {
      fs::path rel = p.lexically_relative(cwd);
      if (!rel.empty()) p = rel;
    }
  }
  return p.lexically_normal().generic_string();
}

void print_text(const source::source_manager& sources, const diag::sink& sink) {
  if (sink.empty()) return;
  std::cerr << diag::render_text(sources, sink.all(), diag::use_color(STDERR_FILENO));
  std::cerr.flush();
}

int exit_status(const diag::sink& sink) {
  if (workflow::has_unreadable_input(sink)) return exit_code::usage;
  return sink.has_errors() ? exit_code::errors : exit_code::ok;
}

int write_output(const std::string& path, const std::string& content) {
  if (path.empty()) {
    std::cout << content;
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::usage;
  }
  if (std::optional<std::string> why = workflow::write_if_changed(path, content)) {
    diag::sink sink;
    sink.error(diag::code::E0191, {}, "cannot write '" + path + "': " + *why);
    print_text(source::source_manager(), sink);
    return exit_code::usage;
  }
  return exit_code::ok;
}

std::optional<driver::options> driver_options(const std::vector<std::string>& warnings, bool syntax_only) {
  diag::sink sink;
  std::optional<driver::options> opts = workflow::driver_options(warnings, syntax_only, sink);
  if (!opts) print_text(source::source_manager(), sink);
  return opts;
}

}  // namespace detail

using detail::display_path;
using detail::driver_options;
using detail::exit_status;
using detail::print_text;

int run_check(const check_options& options) {
  std::optional<driver::options> opts = driver_options(options.warnings, options.syntax_only);
  if (!opts) return exit_code::usage;
  source::source_manager sources;
  diag::sink sink;
  std::vector<source::file_id> ids = workflow::load_files(sources, options.files, sink);
  (void)driver::compile(sources, ids, *opts, sink);
  sink.sort_by_location();
  if (options.format == output_format::json) {
    std::cout << diag::render_json(sources, sink.all());
    std::cout.flush();
  } else {
    print_text(sources, sink);
  }
  return exit_status(sink);
}

int run_compile(const compile_options& options) {
  std::optional<driver::options> opts = driver_options(options.warnings, false);
  if (!opts) return exit_code::usage;
  source::source_manager sources;
  diag::sink sink;
  std::vector<source::file_id> ids = workflow::load_files(sources, options.files, sink);
  driver::compilation schema = driver::compile(sources, ids, *opts, sink);
  sink.sort_by_location();
  print_text(sources, sink);
  if (int status = exit_status(sink); status != exit_code::ok) return status;

  std::vector<std::string> inputs;
  for (const std::string& path : options.files) inputs.push_back(display_path(path));
  return detail::write_output(options.output, workflow::compile_text(schema, inputs));
}

int run_help_lints() {
  std::string out =
      "Warnings migc reports. Silence one for a run with -W no-<name>, for one object with a\n"
      "'-- migc:allow <name>' comment line right above its statement; -W error makes warnings errors.\n"
      "Details and examples: docs/lints.md.\n";
  for (diag::code c : diag::all_codes()) {
    if (diag::default_severity(c) != diag::severity::warning) continue;
    out += fmt::format("\n{} [{}]\n  {}\n  {}\n", driver::warning_name(c), diag::code_name(c), diag::code_title(c),
                       diag::code_doc(c));
  }
  std::cout << out;
  std::cout.flush();
  return std::cout ? exit_code::ok : exit_code::usage;
}

}  // namespace migc::tool
