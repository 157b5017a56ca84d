// Canonical SQL printer: the AST back to SQLite text.
#pragma once

#include <string>
#include <string_view>

#include "compiler/ast/ast.hpp"

namespace migc::backend::sql {

/// Prints one statement as canonical SQL (upper-case keywords, identifiers
/// quoted only when needed, single spaces), without the trailing ';'.
std::string print_statement(const ast::statement& stmt);

/// Prints every statement, each followed by ";\n".
std::string print_script(const ast::script& script);

/// CREATE TABLE `table` as printed by print_statement, but named `name`
/// (unquoted; quoted as needed): the new table of a rebuild.
std::string print_create_table_named(const ast::create_table& table, std::string_view name);

/// One column definition, as in CREATE TABLE: for ALTER TABLE ADD COLUMN.
std::string print_column(const ast::column_definition& column);

/// An expression as printed inside a statement.
std::string print_expression(const ast::expr& e);

/// `name` as an identifier: bare when it can be, else double-quoted.
std::string print_name(std::string_view name);

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
