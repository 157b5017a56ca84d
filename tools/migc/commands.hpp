// The subcommands of the migc command line, independent of CLI parsing: each
// takes its options and returns the process exit code.
#pragma once

#include <string>
#include <vector>

namespace migc::tool {

/// Process exit codes shared by every subcommand.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int errors = 1;    // diagnostics with errors were reported
inline constexpr int usage = 2;     // bad command line, or an I/O error
inline constexpr int internal = 3;  // a bug in migc
}  // namespace exit_code

enum class output_format { text, json };

struct check_options {
  /// Stop after parsing: report syntax errors only.
  bool syntax_only = false;
  /// -W arguments in order ("no-missing-primary-key", "error").
  std::vector<std::string> warnings;
  output_format format = output_format::text;
  /// Paths; "-" is standard input.
  std::vector<std::string> files;
};

struct compile_options {
  std::vector<std::string> warnings;
  /// Where to write the script; empty means standard output. The file is
  /// rewritten only when its content changes.
  std::string output;
  std::vector<std::string> files;
};

/// Compiles `files` as one schema (parse and every pass) and reports the
/// diagnostics: as text on stderr, or as JSON on stdout. Returns ok (no
/// error; warnings allowed), errors, or usage (a file could not be read,
/// reported as E0190, or an unknown -W name).
int run_check(const check_options& options);

/// Compiles `files` as one schema; if no error was reported, prints every
/// object's canonical CREATE statement in creation order (parents first)
/// under a header comment naming the inputs, to stdout or options.output.
/// Diagnostics go to stderr as text. Returns ok, errors, or usage (an input
/// could not be read or the output could not be written).
int run_compile(const compile_options& options);

/// `migc help lints`: every warning with its name, code and documentation.
int run_help_lints();

}  // namespace migc::tool
