// The front end's entry point: SQL text in, AST out, diagnostics reported.
#pragma once

#include "compiler/ast/ast.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"

namespace migc::parse {

/// Parses every statement of file `file` in `sources`. Syntax errors are
/// reported to `sink` (code E0101 and friends) at the furthest position the
/// grammar reached; parsing resumes at the next statement, so one call can
/// report several errors. Statements that failed to parse are absent from
/// the result. The script's comments and annotations are filled (see
/// parse/annotations.hpp). Never throws for any input.
ast::script parse_file(const source::source_manager& sources, source::file_id file, diag::sink& sink);

}  // namespace migc::parse
