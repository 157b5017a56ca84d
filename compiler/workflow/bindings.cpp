// migc gen as a library: generate, write if changed, check.
#include "compiler/workflow/bindings.hpp"

#include <filesystem>
#include <fmt/format.h>

#include "compiler/backend/cpp/cpp.hpp"
#include "compiler/backend/fsharp/fsharp.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/backend/sql/printer.hpp"
#include "compiler/workflow/compile.hpp"
#include "compiler/workflow/files.hpp"
#include "compiler/workflow/fingerprint.hpp"

#ifndef MIGC_VERSION
#error "MIGC_VERSION must be defined by the build"
#endif

namespace migc::workflow {

namespace {

namespace fs = std::filesystem;

// Paths are reduced to file names so that the hash does not depend on where
// the tree or the build directory lives; comments and layout are left out
// so that editing them does not churn the generated files (and everything
// built on them).
std::string input_hash(const bindings_options& o, const bindings& b, const driver::compilation& schema) {
  fnv1a h;
  h.add_piece(MIGC_VERSION);
  h.add_piece(o.language);
  h.add_piece(o.language == "cpp" ? o.name_space + "\n" + o.name : o.project);
  for (const std::string& e : o.exclude) h.add_piece(e);
  for (source::file_id id : b.inputs) h.add_piece(fs::path(b.sources->name(id)).filename().string());
  for (const catalog::object& obj : schema.catalog.objects()) {
    h.add_piece(fs::path(b.sources->name(obj.file)).filename().string());
    h.add_piece(backend::sql::print_statement(*obj.statement));
  }
  return h.hex();
}

// A path as Make and Ninja read it in a depfile.
std::string depfile_escape(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') out.push_back('\\');
    if (c == '$') out.push_back('$');
    out.push_back(c);
  }
  return out;
}

}  // namespace

bindings generate_bindings(const bindings_options& options, const driver::options& opts, diag::sink& sink) {
  bindings b;
  b.inputs = load_files(*b.sources, options.files, sink);
  driver::compilation schema = driver::compile(*b.sources, b.inputs, opts, sink);
  if (sink.has_errors() || !schema.passes_ran) return b;
  backend::model::options model_opts;
  model_opts.exclude = options.exclude;
  backend::model::model m = backend::model::build(schema, *b.sources, model_opts, sink);
  if (sink.has_errors()) return b;
  const std::string hash = input_hash(options, b, schema);
  if (options.language == "cpp") {
    backend::cpp::options o;
    o.name = options.name;
    o.name_space = options.name_space;
    o.input_hash = hash;
    b.files = backend::cpp::generate(m, o, sink);
  } else {
    backend::fsharp::options o;
    o.project = options.project;
    o.input_hash = hash;
    b.files = backend::fsharp::generate(m, o, sink);
  }
  if (sink.has_errors()) b.files.clear();
  return b;
}

bool write_bindings(const bindings& b, const bindings_options& options, diag::sink& sink) {
  const fs::path dir(options.output_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    sink.error(diag::code::E0192, {}, fmt::format("cannot create '{}': {}", dir.generic_string(), ec.message()));
    return false;
  }
  for (const backend::generated_file& f : b.files) {
    const std::string path = (dir / f.name).generic_string();
    if (std::optional<std::string> why = write_if_changed(path, f.content)) {
      sink.error(diag::code::E0191, {}, fmt::format("cannot write '{}': {}", path, *why));
      return false;
    }
  }
  if (options.depfile.empty()) return true;
  std::string targets;
  for (const backend::generated_file& f : b.files) {
    if (!targets.empty()) targets += ' ';
    targets += depfile_escape((dir / f.name).generic_string());
  }
  std::string text = targets + ":";
  for (source::file_id id : b.inputs) text += " \\\n  " + depfile_escape(b.sources->name(id));
  text += "\n";
  if (std::optional<std::string> why = write_if_changed(options.depfile, text)) {
    sink.error(diag::code::E0191, {}, fmt::format("cannot write '{}': {}", options.depfile, *why));
    return false;
  }
  return true;
}

std::size_t check_bindings(const bindings& b, const bindings_options& options, diag::sink& sink) {
  const fs::path dir(options.output_dir);
  std::vector<std::string> stale;
  for (const backend::generated_file& f : b.files) {
    const std::string path = (dir / f.name).generic_string();
    std::optional<std::string> old = read_file(path);
    if (old && *old == f.content) continue;
    stale.push_back(path + (old ? " is out of date" : " is missing"));
  }
  for (std::size_t i = 0; i < stale.size(); ++i) {
    diag::diagnostic& d = sink.error(diag::code::E0605, {}, stale[i]);
    if (i + 1 < stale.size()) continue;
    d.notes.push_back({{},
                       fmt::format("{} generated file{} stale; run 'migc gen {}' again", stale.size(),
                                   stale.size() == 1 ? " is" : "s are", options.language)});
  }
  return stale.size();
}

}  // namespace migc::workflow
