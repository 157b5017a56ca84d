// A file a back end generates: its name relative to the output directory and
// its whole content. Back ends only print; writing, staleness checks and
// depfiles are the command line's (tools/migc/gen.cpp).
#pragma once

#include <string>

namespace migc::backend {

struct generated_file {
  std::string name;  // "schema.hpp", "CourseEnrollments.fs"; no directories
  std::string content;
};

}  // namespace migc::backend
