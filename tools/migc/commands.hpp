// The subcommands of the migc command line, independent of CLI parsing: each
// takes its options and returns the process exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"
#include "compiler/workflow/bindings.hpp"

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

/// plan and status.
struct migrate_options {
  std::string database;
  std::vector<std::string> files;
  std::vector<std::string> warnings;
  std::string format = "text";  // plan: text, sql or json
};

struct apply_command_options {
  std::string database;
  std::vector<std::string> files;
  std::vector<std::string> warnings;
  bool allow_destructive = false;
  bool dry_run = false;
  std::string backup;  // empty: no backup
  long busy_timeout_ms = 5000;
};

/// `migc plan`: the steps that would take the database to the schema, as
/// text (markers, colour on a terminal, SQL, preflight findings), as an SQL
/// script that `sqlite3 DB < plan.sql` applies, or as JSON. Never writes.
/// Returns ok, errors (the schema has errors), or usage.
int run_plan(const migrate_options& options);

/// `migc apply`: plans, runs the preflight, refuses data loss without
/// allow_destructive and any constraint the data violates, then applies the
/// plan in one transaction (see runtime/executor.hpp). Returns ok, errors
/// (refused, rolled back, or schema errors) or usage.
int run_apply(const apply_command_options& options);

/// `migc status`: ok when the database matches the schema, errors when
/// steps are pending (listed), usage on failure.
int run_status(const migrate_options& options);

/// `migc log`: the rows of _migc_history.
int run_log(const std::string& database);

/// `migc schema`: the live schema as ordered canonical DDL.
int run_schema(const std::string& database, const std::string& output);

/// `migc gen cpp|fsharp`.
struct gen_options {
  workflow::bindings_options bindings;
  std::vector<std::string> warnings;
  bool check = false;
};

/// Runs the bindings workflow (compiler/workflow/bindings.hpp): generates
/// the bindings of `bindings.files` into bindings.output_dir, writing a
/// file only when its content changes (atomically), plus a Makefile-style
/// depfile when asked. With check, writes nothing and reports each
/// generated file on disk that is missing or differs (E0605). Returns ok,
/// errors (diagnostics or stale files) or usage (unreadable input, E0190;
/// unwritable output, E0191 or E0192).
int run_gen(const gen_options& options);

// Shared by the command files.
namespace detail {
/// The driver options for -W arguments; prints the first bad one (E0890).
std::optional<driver::options> driver_options(const std::vector<std::string>& warnings, bool syntax_only);
/// Writes `content` to `path` (standard output when empty); only when it
/// changes, atomically (workflow::write_if_changed); prints E0191 on
/// failure. Returns an exit code.
int write_output(const std::string& path, const std::string& content);
/// Renders the diagnostics of `sink` as text on stderr.
void print_text(const source::source_manager& sources, const diag::sink& sink);
/// usage after an unreadable input, errors after any error, else ok.
int exit_status(const diag::sink& sink);
/// `path` as output shows it: relative to the working directory when
/// absolute, normalized; "-" is "<stdin>".
std::string display_path(const std::string& path);
}  // namespace detail

}  // namespace migc::tool
