// migc check, compile and help: load files, run the driver, render the
// diagnostics, print the result.
#include "tools/migc/commands.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/diag/render.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::tool {

namespace {

// Writes `content` to `path` unless the file already holds exactly that, so
// that build systems see no change. On failure stores the reason in `why`.
bool write_if_changed(const std::string& path, const std::string& content, std::string& why) {
  {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::string old{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      if (old == content) return true;
    }
  }
  errno = 0;
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    why = std::strerror(errno != 0 ? errno : EIO);
    return false;
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), out) == content.size();
  int saved = errno;
  ok = std::fclose(out) == 0 && ok;
  if (!ok) why = std::strerror(saved != 0 ? saved : (errno != 0 ? errno : EIO));
  return ok;
}

}  // namespace

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

// Adds every file to `sources`; an unreadable one is reported as E0190.
// Returns the ids of the files read, in order.
std::vector<source::file_id> load(source::source_manager& sources, diag::sink& sink,
                                  const std::vector<std::string>& files) {
  std::vector<source::file_id> ids;
  for (const std::string& path : files) {
    std::string why;
    if (auto id = sources.add_file(path, &why)) {
      ids.push_back(*id);
    } else {
      sink.error(diag::code::E0190, {}, fmt::format("cannot read '{}': {}", path == "-" ? "<stdin>" : path, why));
    }
  }
  return ids;
}

void print_text(const source::source_manager& sources, const diag::sink& sink) {
  if (sink.empty()) return;
  std::cerr << diag::render_text(sources, sink.all(), diag::use_color(STDERR_FILENO));
  std::cerr.flush();
}

int exit_status(const diag::sink& sink) {
  if (detail::has_io_error(sink)) return exit_code::usage;
  return sink.has_errors() ? exit_code::errors : exit_code::ok;
}

bool has_io_error(const diag::sink& sink) {
  for (const diag::diagnostic& d : sink.all()) {
    if (d.id == diag::code::E0190) return true;
  }
  return false;
}

int write_output(const std::string& path, const std::string& content) {
  if (path.empty()) {
    std::cout << content;
    std::cout.flush();
    return std::cout ? exit_code::ok : exit_code::usage;
  }
  std::string why;
  if (!write_if_changed(path, content, why)) {
    std::cerr << "migc: error: cannot write '" << path << "': " << why << "\n";
    return exit_code::usage;
  }
  return exit_code::ok;
}

// Builds the warning policy from -W arguments; prints the first bad one.
std::optional<driver::options> driver_options(const std::vector<std::string>& warnings, bool syntax_only) {
  driver::options opts;
  opts.syntax_only = syntax_only;
  for (const std::string& w : warnings) {
    if (std::optional<std::string> why = opts.warnings.apply(w)) {
      std::cerr << "migc: error: -W " << w << ": " << *why << "\n";
      return std::nullopt;
    }
  }
  return opts;
}

}  // namespace detail

using detail::display_path;
using detail::driver_options;
using detail::exit_status;
using detail::has_io_error;
using detail::load;
using detail::print_text;

int run_check(const check_options& options) {
  std::optional<driver::options> opts = driver_options(options.warnings, options.syntax_only);
  if (!opts) return exit_code::usage;
  source::source_manager sources;
  diag::sink sink;
  std::vector<source::file_id> ids = load(sources, sink, options.files);
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
  std::vector<source::file_id> ids = load(sources, sink, options.files);
  driver::compilation schema = driver::compile(sources, ids, *opts, sink);
  sink.sort_by_location();
  print_text(sources, sink);
  if (int status = exit_status(sink); status != exit_code::ok) return status;

  std::string out = "-- generated by migc " MIGC_VERSION " from";
  for (const std::string& path : options.files) out += " " + display_path(path);
  out += "\n";
  for (std::uint32_t position : schema.order) {
    out += "\n";
    out += backend::sql::print_statement(*schema.catalog.at(position).statement);
    out += ";\n";
  }

  return detail::write_output(options.output, out);
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
