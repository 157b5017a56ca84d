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

/// The normalized text of a statement or expression: what two spellings
/// SQLite treats alike print the same as, for comparing schemas (never for
/// executing). Identifiers are case-folded and always quoted, type names and
/// function names folded, every operator fully parenthesized with redundant
/// parentheses of the source dropped, `==` printed `=` and `<>` `!=`, and
/// IF NOT EXISTS left out.
std::string normalized_statement(const ast::statement& stmt);
std::string normalized_expr(const ast::expr& e);
/// A list of identifiers, folded and quoted: `"a", "b"`.
std::string normalized_identifiers(const std::vector<ast::identifier>& ids);
/// `TYPE(ARGS)` upper-cased with single spaces; empty without a type.
std::string normalized_type(const std::optional<ast::type_name>& type);

}  // namespace migc::backend::sql
