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
  /// Stop after parsing. Today the parser is the only stage, so this
  /// changes nothing yet.
  bool syntax_only = false;
  output_format format = output_format::text;
  /// Paths; "-" is standard input.
  std::vector<std::string> files;
};

struct compile_options {
  /// Where to write the script; empty means standard output. The file is
  /// rewritten only when its content changes.
  std::string output;
  std::vector<std::string> files;
};

/// Parses `files` and reports diagnostics: as text on stderr, or as JSON on
/// stdout. Returns ok, errors (any error reported), or usage (a file could
/// not be read; reported as E0190).
int run_check(const check_options& options);

/// Parses `files`; if no error was reported, prints the canonical SQL of
/// every file in order under one header comment line, to stdout or
/// options.output. Diagnostics go to stderr as text. Returns ok, errors, or
/// usage (an input could not be read or the output could not be written).
int run_compile(const compile_options& options);

}  // namespace migc::tool
