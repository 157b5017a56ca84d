// Internal to compiler/parse: the parse tree the grammar produces and the
// builder that turns it into the typed AST. The builder also reports the
// errors SQLite raises from its parser's actions rather than its grammar
// (unknown table options, join types, ORDER BY before UNION, ...), so that
// what migc accepts is what SQLite accepts.
#pragma once

#include <memory>
#include <string_view>
#include <type_traits>

#include "compiler/ast/ast.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/parse/tree.hpp"
#include "grammar/script.hpp"

namespace migc::parse {

/// Builds AST nodes from parse-tree nodes of one file. Reports
/// action-level errors to the sink; the AST it returns is complete even
/// when it reported one.
class builder {
 public:
  builder(source::file_id file, std::string_view text, diag::sink& sink) noexcept
      : file_(file), base_(text.data()), end_(text.data() + text.size()), sink_(sink) {}

  /// `top` are the top-level nodes of one parsed `grammar::statement`.
  ast::statement statement(std::span<const node* const> top);

  // -- helpers shared by the build_*.cpp files --------------------------------
  [[nodiscard]] source::span span_of(const node& n) const noexcept;
  [[nodiscard]] std::string_view text_of(const node& n) const noexcept;
  [[nodiscard]] ast::identifier identifier(const node& n) const;
  [[nodiscard]] ast::qualified_name qualified(const node& n) const;
  void error(diag::code c, const node& at, std::string message);

  ast::expr_ptr expr(const node& n);
  /// The expression formed by the flat operand/operator children [*pos, end)
  /// of a node, binding operators of precedence `min` or higher.
  ast::expr_ptr climb(const node& parent, std::size_t& pos, std::size_t end, int min);
  /// The expression made of all children of `n` from `first` on.
  ast::expr_ptr flat(const node& n, std::size_t first);
  /// Applies the equality-level suffix node `s` (IS, BETWEEN, IN, LIKE, =,
  /// ISNULL, ...) to `lhs`.
  ast::expr_ptr suffix(ast::expr_ptr lhs, const node& s);
  std::vector<ast::expr_ptr> expr_list(const node& n);  // children of an expr_list / nexprlist parent
  ast::sort_item sort_item(const node& n);
  ast::window_spec window_spec(const node& n);
  ast::type_name type_name(const node& n);
  ast::select_ptr select(const node& n);
  ast::with_clause with(const node& n);
  ast::from_clause from(const node& n);
  std::vector<ast::result_column> result_columns(const node& n);
  ast::limit_clause limit(const node& n);
  std::vector<ast::identifier> idlist(const node& n);
  std::vector<ast::identifier> eidlist(const node& n);
  ast::column_definition column(const node& n);
  ast::foreign_key_clause references(const node& n);
  ast::deferrable_clause deferrable(const node& n);
  ast::target_table target(const node& n);
  std::vector<ast::set_clause> set_list(const node& n);
  ast::upsert_clause upsert(const node& n);
  /// SQLite's sqlite3WindowAlloc() rejects frames that end before they start.
  void check_frame(const ast::window_frame& f, const node& at);

  bool in_trigger = false;

  /// SQLite's SQLITE_MAX_EXPR_DEPTH.
  static constexpr std::uint32_t max_expr_height = 1000;
  /// Reports E0103 (once per statement) when `e` is taller than SQLite
  /// allows; true if so.
  bool too_tall(const ast::expr_ptr& e, const node& at);
  void begin_statement() noexcept { too_tall_reported_ = false; }

 private:
  source::file_id file_;
  const char* base_;
  const char* end_;
  diag::sink& sink_;
  bool too_tall_reported_ = false;
};

/// True if `n` is a node of grammar rule R.
template <typename R>
[[nodiscard]] bool is(const node& n) noexcept {
  return n.is_type<R>();
}

/// The first child of `n` of rule R, or nullptr.
template <typename R>
[[nodiscard]] const node* child(const node& n) noexcept {
  for (const node* c : n.children) {
    if (c->is_type<R>()) return c;
  }
  return nullptr;
}

/// The resolution of an on_conflict (ON CONFLICT <action>) or or_conflict
/// (OR <action>) node, or none for a null node.
ast::conflict_resolution conflict_of(const node* n);

/// Sets `temp` and `temporary_spelling` of a CREATE statement from the
/// temp_marker child of `n`, if any.
template <typename T>
void set_temp(const node& n, T& out) {
  if (const node* t = child<grammar::temp_marker>(n)) {
    out.temp = true;
    out.temporary_spelling = child<grammar::temporary_marker>(*t) != nullptr;
  }
}

// -- statement families -------------------------------------------------------
// One build_<family>.cpp each, after grammar/<family>.hpp. Each sets
// `out.node` and returns true if `n` is one of its statements, and returns
// false without touching `out` otherwise; builder::statement tries them in
// turn.
bool build_create_table_statement(builder& b, const node& n, ast::statement& out);
bool build_create_other_statement(builder& b, const node& n, ast::statement& out);
bool build_dml_statement(builder& b, const node& n, ast::statement& out);
bool build_alter_drop_statement(builder& b, const node& n, ast::statement& out);
bool build_misc_statement(builder& b, const node& n, ast::statement& out);

/// INSERT, UPDATE and DELETE, from a statement node or a trigger-body step
/// (trigger_insert, trigger_update, trigger_delete); in a trigger body
/// (builder::in_trigger) they report what SQLite forbids there (E0110).
ast::insert build_insert(builder& b, const node& n);
ast::update build_update(builder& b, const node& n);
ast::delete_ build_delete(builder& b, const node& n);

}  // namespace migc::parse
