// The migc command line: parses arguments with CLI11 and dispatches to the
// subcommands in commands.cpp. Exit codes: 0 clean, 1 errors reported,
// 2 usage or I/O error, 3 internal error.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>

#include "tools/migc/commands.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace migc::tool;

  CLI::App app{"migc: a schema compiler for SQLite", "migc"};
  app.set_version_flag("--version", std::string("migc ") + MIGC_VERSION, "print the version and exit");
  app.require_subcommand(1);

  check_options check;
  std::string check_format = "text";
  CLI::App* check_cmd = app.add_subcommand("check", "compile schema files and report diagnostics");
  check_cmd->add_flag("--syntax-only", check.syntax_only, "stop after parsing");
  check_cmd->add_option("-W", check.warnings, "no-<name>: silence a warning; error: warnings are errors")
      ->allow_extra_args(false);
  check_cmd->add_option("--format", check_format, "diagnostics as 'text' (stderr) or 'json' (stdout)")
      ->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_option("files", check.files, "schema files ('-' reads standard input)")->required();

  compile_options compile;
  CLI::App* compile_cmd = app.add_subcommand("compile", "print the schema as ordered canonical SQL");
  compile_cmd->add_option("-W", compile.warnings, "no-<name>: silence a warning; error: warnings are errors")
      ->allow_extra_args(false);
  compile_cmd->add_option("-o,--output", compile.output, "write to this file instead of standard output");
  compile_cmd->add_option("files", compile.files, "schema files ('-' reads standard input)")->required();

  CLI::App* help_cmd = app.add_subcommand("help", "documentation topics");
  CLI::App* help_lints = help_cmd->add_subcommand("lints", "list every warning with its name and meaning");
  help_cmd->require_subcommand(1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);  // prints help, version or the error
    return status == 0 ? exit_code::ok : exit_code::usage;
  }

  if (check_cmd->parsed()) {
    check.format = check_format == "json" ? output_format::json : output_format::text;
    return run_check(check);
  }
  if (help_lints->parsed()) return run_help_lints();
  return run_compile(compile);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "migc: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "migc: internal error: unknown exception\n";
  }
  return migc::tool::exit_code::internal;
}
