// Canonical SQL printer: the AST back to SQLite text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/ast/ast.hpp"

namespace migc::backend::sql {

/// How the printer writes names whose meaning the resolver decided: under
/// another name (diff compares a live object as if a rename hint had
/// already been applied), or as the string literal SQLite reads a
/// double-quoted name as when no column of that name exists.
class name_map {
 public:
  struct use {
    enum class kind : std::uint8_t { as_written, renamed, string } what = kind::as_written;
    std::string text;  // renamed: the new name, unquoted
  };
  name_map() = default;
  name_map(const name_map&) = default;
  name_map& operator=(const name_map&) = default;
  virtual ~name_map() = default;
  /// How to print `id`, an identifier of the AST being printed.
  [[nodiscard]] virtual use find(const ast::identifier& id) const = 0;
};

/// What the normalized_* functions print with: `names`, if set, decides
/// how linked names print (see name_map).
struct print_options {
  const name_map* names = nullptr;
};

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

/// `SET NULL`, `CASCADE`, ... as SQL writes the action.
std::string_view fk_action_keywords(ast::fk_action a);
/// `ROLLBACK`, `ABORT`, `FAIL`, `IGNORE` or `REPLACE` (empty for none).
std::string_view conflict_keyword(ast::conflict_resolution c);

/// `name` as an identifier: bare when it can be, else double-quoted.
std::string print_name(std::string_view name);

/// The normalized text of a statement or expression: what two spellings
/// SQLite treats alike print the same as, for comparing schemas (never for
/// executing). Identifiers are case-folded and always quoted, type names and
/// function names folded, every operator fully parenthesized with redundant
/// parentheses of the source dropped, `==` printed `=` and `<>` `!=`, and
/// IF NOT EXISTS left out.
std::string normalized_statement(const ast::statement& stmt, const print_options& options = {});
std::string normalized_expr(const ast::expr& e, const print_options& options = {});
/// A list of identifiers, folded and quoted: `"a", "b"`.
std::string normalized_identifiers(const std::vector<ast::identifier>& ids);
/// `TYPE(ARGS)` upper-cased with single spaces; empty without a type.
std::string normalized_type(const std::optional<ast::type_name>& type);

}  // namespace migc::backend::sql
