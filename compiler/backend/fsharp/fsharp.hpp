// The F# back end: one module per schema file over Microsoft.Data.Sqlite and
// FsToolkit.ErrorHandling, and a project file listing them in dependency
// order.
#pragma once

#include <string>
#include <vector>

#include "compiler/backend/model/generated.hpp"
#include "compiler/backend/model/model.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::backend::fsharp {

struct options {
  std::string project = "Schema";  // <project>.fsproj
  std::string input_hash;          // printed in each file's first lines
};

/// One "<Module>.fs" per schema file ("course_enrollments.sql" →
/// "CourseEnrollments.fs") and "<project>.fsproj". Deterministic.
[[nodiscard]] std::vector<generated_file> generate(const model::model& m, const options& opts, diag::sink& sink);

}  // namespace migc::backend::fsharp
