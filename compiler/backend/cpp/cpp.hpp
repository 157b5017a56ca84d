// The C++ back end: type-safe bindings over SQLite's C API and the support
// header runtime/include/migc/bindings.hpp, one header and one source file
// per schema.
#pragma once

#include <string>
#include <vector>

#include "compiler/backend/model/generated.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::backend::cpp {

struct options {
  std::string name = "schema";    // file names: <name>.hpp, <name>.cpp
  std::string name_space = "db";  // C++ namespace, may be nested: "app::db"
  std::string input_hash;         // printed in the header's first lines
};

/// The files for `m`: "<name>.hpp" and "<name>.cpp". Deterministic: the same
/// model and options give the same bytes.
[[nodiscard]] std::vector<generated_file> generate(const model::model& m, const options& opts, diag::sink& sink);

}  // namespace migc::backend::cpp
