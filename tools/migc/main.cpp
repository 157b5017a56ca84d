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

  migrate_options plan;
  CLI::App* plan_cmd = app.add_subcommand("plan", "show the steps that would take a database to the schema");
  plan_cmd->add_option("--db", plan.database, "the database file")->required();
  plan_cmd->add_option("--format", plan.format, "'text', 'sql' (a script for sqlite3) or 'json'")
      ->check(CLI::IsMember({"text", "sql", "json"}));
  plan_cmd->add_option("-W", plan.warnings, "no-<name>: silence a warning; error: warnings are errors")
      ->allow_extra_args(false);
  plan_cmd->add_option("files", plan.files, "schema files")->required();

  apply_command_options apply;
  CLI::App* apply_cmd = app.add_subcommand("apply", "change a database to match the schema, in one transaction");
  apply_cmd->add_option("--db", apply.database, "the database file (created if missing)")->required();
  apply_cmd->add_flag("--allow-destructive", apply.allow_destructive,
                      "accept dropping tables and columns that hold data");
  apply_cmd->add_flag("--dry-run", apply.dry_run, "plan and check, but change nothing");
  apply_cmd->add_option("--backup", apply.backup, "copy the database to this new file first");
  apply_cmd->add_option("--busy-timeout", apply.busy_timeout_ms, "milliseconds to wait for a locked database")
      ->check(CLI::NonNegativeNumber);
  apply_cmd->add_option("-W", apply.warnings, "no-<name>: silence a warning; error: warnings are errors")
      ->allow_extra_args(false);
  apply_cmd->add_option("files", apply.files, "schema files")->required();

  migrate_options status;
  CLI::App* status_cmd = app.add_subcommand("status", "exit 0 when a database matches the schema, 1 when not");
  status_cmd->add_option("--db", status.database, "the database file")->required();
  status_cmd->add_option("-W", status.warnings, "no-<name>: silence a warning")->allow_extra_args(false);
  status_cmd->add_option("files", status.files, "schema files")->required();

  std::string log_db;
  CLI::App* log_cmd = app.add_subcommand("log", "the migrations migc applied to a database");
  log_cmd->add_option("--db", log_db, "the database file")->required();

  std::string schema_db;
  std::string schema_out;
  CLI::App* schema_cmd = app.add_subcommand("schema", "print a database's schema as ordered canonical SQL");
  schema_cmd->add_option("--db", schema_db, "the database file")->required();
  schema_cmd->add_option("-o,--output", schema_out, "write to this file instead of standard output");

  gen_options gen;
  CLI::App* gen_cmd = app.add_subcommand("gen", "generate type-safe bindings from the schema");
  gen_cmd->require_subcommand(1);
  auto add_gen_options = [&gen](CLI::App* cmd) {
    cmd->add_option("-o,--output-dir", gen.bindings.output_dir, "the directory to write the generated files to")
        ->required();
    cmd->add_option("--exclude", gen.bindings.exclude, "leave this table or view out (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--depfile", gen.bindings.depfile, "write a Makefile-style depfile naming the inputs");
    cmd->add_flag("--check", gen.check, "write nothing; exit 1 when the generated files on disk are stale");
    cmd->add_option("-W", gen.warnings, "no-<name>: silence a warning; error: warnings are errors")
        ->allow_extra_args(false);
    cmd->add_option("files", gen.bindings.files, "schema files")->required();
  };
  CLI::App* gen_cpp = gen_cmd->add_subcommand("cpp", "C++ bindings: <name>.hpp and <name>.cpp");
  add_gen_options(gen_cpp);
  gen_cpp->add_option("--namespace", gen.bindings.name_space, "the C++ namespace of the bindings (default: db)");
  gen_cpp->add_option("--name", gen.bindings.name, "the generated files' base name (default: schema)");
  CLI::App* gen_fsharp = gen_cmd->add_subcommand("fsharp", "F# bindings: one module per schema file, and a .fsproj");
  add_gen_options(gen_fsharp);
  gen_fsharp->add_option("--project", gen.bindings.project, "the project file's name (default: Schema)");

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
  if (plan_cmd->parsed()) return run_plan(plan);
  if (apply_cmd->parsed()) return run_apply(apply);
  if (status_cmd->parsed()) return run_status(status);
  if (log_cmd->parsed()) return run_log(log_db);
  if (schema_cmd->parsed()) return run_schema(schema_db, schema_out);
  if (gen_cpp->parsed() || gen_fsharp->parsed()) {
    gen.bindings.language = gen_cpp->parsed() ? "cpp" : "fsharp";
    return run_gen(gen);
  }
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
