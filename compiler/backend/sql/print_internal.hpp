// Internal to compiler/backend/sql: the printing functions the printer's
// files share. Each appends the canonical text of one AST node to `out`
// (upper-case keywords, single spaces, ", " between list items, no space
// inside parentheses) and prints every token the node records, so that the
// text parses back to the same AST.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/ast/names.hpp"
#include "compiler/backend/sql/printer.hpp"

namespace migc::backend::sql::detail {

/// True while a normalized_* function prints (see printer.hpp). Thread-local,
/// so printers on several threads do not disturb each other.
extern thread_local bool normalizing;
/// The name map of the normalized_* call under way, or nullptr.
extern thread_local const name_map* names_in_use;
/// Sets `normalizing` and `names_in_use` for its lifetime.
class normalize_scope {
 public:
  explicit normalize_scope(const print_options& options = {}) : saved_(normalizing), saved_names_(names_in_use) {
    normalizing = true;
    names_in_use = options.names;
  }
  ~normalize_scope() {
    normalizing = saved_;
    names_in_use = saved_names_;
  }
  normalize_scope(const normalize_scope&) = delete;
  normalize_scope& operator=(const normalize_scope&) = delete;

 private:
  bool saved_;
  const name_map* saved_names_;
};

using ast::overloaded;

/// Appends `items` separated by ", ", printing each with `print(out, item)`.
template <typename T, typename F>
void print_list(std::string& out, const std::vector<T>& items, F&& print) {
  bool first = true;
  for (const T& item : items) {
    if (!first) out += ", ";
    first = false;
    print(out, item);
  }
}

// -- names and types (print_expr.cpp) -----------------------------------------
/// Appends `text` with ASCII letters upper-cased (keywords as written).
void append_upper(std::string& out, std::string_view text);
/// True if `text` is one unquoted word for SQLite's tokenizer: an
/// identifier or a keyword.
bool is_word(std::string_view text) noexcept;
/// True if `text` may be printed unquoted: a plain SQLite identifier that is
/// not one of its keywords.
bool is_bare_identifier(std::string_view text) noexcept;
/// The identifier bare when it can be, else double-quoted with '"' doubled.
void print_identifier(std::string& out, const ast::identifier& id);
/// Bare when written bare (keywords included), else double-quoted: for the
/// words whose quoting SQLite itself tells apart (type names keep their
/// quotes in the declared type; WITHOUT ROWID, STRICT, STORED and VIRTUAL
/// are compared as raw tokens).
void print_name_as_written(std::string& out, const ast::identifier& id);
/// `a, b, c`
void print_identifiers(std::string& out, const std::vector<ast::identifier>& ids);
void print_qualified_name(std::string& out, const ast::qualified_name& name);
void print_type_name(std::string& out, const ast::type_name& type);

// -- expressions (print_expr.cpp) ---------------------------------------------
void print_expr(std::string& out, const ast::expr& e);
/// `a, b, c`
void print_exprs(std::string& out, const std::vector<ast::expr_ptr>& list);

// -- queries (print_select.cpp) -----------------------------------------------
/// `x ASC NULLS LAST, y`
void print_sort_items(std::string& out, const std::vector<ast::sort_item>& items);
/// The inside of a window's parentheses: [base] [PARTITION BY] [ORDER BY] [frame].
void print_window_spec(std::string& out, const ast::window_spec& spec);
void print_select(std::string& out, const ast::select& s);
void print_with(std::string& out, const ast::with_clause& with);
/// The items and joins after FROM (without the keyword).
void print_from(std::string& out, const ast::from_clause& from);
void print_result_columns(std::string& out, const std::vector<ast::result_column>& columns);
/// `LIMIT count OFFSET offset` or `LIMIT count, offset`, as written.
void print_limit(std::string& out, const ast::limit_clause& limit);
/// ` INDEXED BY name` / ` NOT INDEXED` / nothing.
void print_indexed(std::string& out, ast::indexed_kind indexed, const std::optional<ast::identifier>& index);

// -- statements (print_statement.cpp: DDL; printer.cpp: the rest) -------------
void print_statement_to(std::string& out, const ast::statement& stmt);
/// ` ON CONFLICT <action>` when `c` is not none (column and table constraints).
void print_on_conflict(std::string& out, ast::conflict_resolution c);
/// `ROLLBACK`, `ABORT`, `FAIL`, `IGNORE` or `REPLACE`.
std::string_view conflict_word(ast::conflict_resolution c);
/// `SET NULL`, `SET DEFAULT`, `CASCADE`, `RESTRICT` or `NO ACTION`.
std::string_view fk_action_word(ast::fk_action a);
void print_column_definition(std::string& out, const ast::column_definition& col);
void print_create_table(std::string& out, const ast::create_table& s);
void print_create_index(std::string& out, const ast::create_index& s);
void print_create_view(std::string& out, const ast::create_view& s);
void print_create_trigger(std::string& out, const ast::create_trigger& s);
void print_create_virtual_table(std::string& out, const ast::create_virtual_table& s);
void print_alter_table(std::string& out, const ast::alter_table& s);
void print_drop(std::string& out, const ast::drop& s);

}  // namespace migc::backend::sql::detail
