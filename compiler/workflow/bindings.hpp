// The bindings workflow behind `migc gen`: compile the schema, build the
// binding model, generate C++ or F#, then write the files (only those whose
// content changed, atomically) with a depfile, or check the files on disk.
// Nothing here prints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/backend/model/generated.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/driver/driver.hpp"
#include "compiler/source/source.hpp"

namespace migc::workflow {

struct bindings_options {
  std::string language;  // "cpp" or "fsharp"
  std::vector<std::string> files;
  std::string output_dir;
  std::string name_space = "db";   // cpp
  std::string name = "schema";     // cpp: <name>.hpp / <name>.cpp
  std::string project = "Schema";  // fsharp: <project>.fsproj
  std::vector<std::string> exclude;
  std::string depfile;  // empty: none
};

/// Generated files, and the sources their diagnostics point into.
struct bindings {
  std::unique_ptr<source::source_manager> sources = std::make_unique<source::source_manager>();
  std::vector<source::file_id> inputs;
  std::vector<backend::generated_file> files;  // names relative to output_dir
};

/// Compiles `options.files` and generates the bindings. Their input hash
/// (in every generated file) is the fingerprint of migc's version, the
/// language and its options, and each object's canonical SQL with the name
/// of its file, so neither the checkout's location nor comments change it.
/// Diagnostics go to `sink` (E0190 for an unreadable input, the passes', the
/// back ends'); the result's files are empty when it has errors.
[[nodiscard]] bindings generate_bindings(const bindings_options& options, const driver::options& opts,
                                         diag::sink& sink);

/// Creates output_dir and writes each file of `b` whose content differs
/// from the disk's, then the depfile (every output depends on every input),
/// also only when it changes. Returns false at the first failure, with
/// E0192 or E0191 in `sink`; files written before it stay written.
[[nodiscard]] bool write_bindings(const bindings& b, const bindings_options& options, diag::sink& sink);

/// Compares the files of `b` with those on disk, writing nothing. Reports
/// one E0605 per missing or different file, the last with a note saying
/// how many are stale; returns their number.
std::size_t check_bindings(const bindings& b, const bindings_options& options, diag::sink& sink);

}  // namespace migc::workflow
