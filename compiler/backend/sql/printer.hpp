// Canonical SQL printer: the AST back to SQLite text.
#pragma once

#include <string>

#include "compiler/ast/ast.hpp"

namespace migc::backend::sql {

/// Prints one statement as canonical SQL (upper-case keywords, identifiers
/// quoted only when needed, single spaces), without the trailing ';'.
std::string print_statement(const ast::statement& stmt);

/// Prints every statement, each followed by ";\n".
std::string print_script(const ast::script& script);

}  // namespace migc::backend::sql
