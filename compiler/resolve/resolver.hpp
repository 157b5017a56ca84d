// Internal to compiler/resolve: the state the pass's files share. A
// `resolver` walks one object at a time (its `owner`), looks names up in
// scopes (FROM sources, CTEs, the catalog, what SQLite provides), reports
// what it cannot find, and records the owner's dependency edges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::resolve::detail {

using catalog::column;
using catalog::object;

/// The columns a query, CTE or relation yields; `known` is false when some
/// name it depends on could not be resolved or its columns are unknowable
/// (virtual tables of unknown modules): nothing is then reported as missing.
struct shape {
  std::vector<column> columns;
  bool known = true;
  bool has_rowid = false;
};

/// A relation visible in a scope: a FROM item, or a trigger's NEW / OLD, or
/// an upsert's `excluded`.
struct binding {
  std::string key;   // what qualifies its columns: the alias, else the name; folded
  std::string name;  // as written, for messages
  shape cols;
  const object* table = nullptr;    // the catalog object, if it is one
  bool qualified_only = false;      // NEW, OLD, excluded: reachable only as `new.x`
  std::string_view unavailable;     // non-empty: using it is E0212, this says why
  std::vector<std::string> merged;  // folded names USING / NATURAL merged into an earlier source
  // For the links: the table or view whose columns `cols` are, position
  // for position (also for NEW, OLD and excluded), and what a qualifier
  // naming this binding refers to (nothing for NEW, OLD and excluded).
  const object* columns_of = nullptr;
  std::optional<catalog::link> self;
};

/// The sources of one query level, and the outer levels it may refer to.
struct scope {
  const scope* outer = nullptr;
  std::vector<binding> sources;
  std::vector<std::string> aliases;       // folded result-column aliases of this level
  std::vector<source::span> alias_where;  // where each alias is given
  bool aliases_visible = false;           // true outside the result columns
  bool lenient = false;                   // compound ORDER BY: unknown names are not reported
};

/// One common table expression of a WITH clause, resolved on first use.
struct cte_entry {
  const ast::common_table* def = nullptr;
  enum class state : std::uint8_t { pending, resolving, done } st = state::pending;
  shape cols;
};

/// The CTEs of one WITH clause; `outer` is the enclosing WITH's.
struct cte_scope {
  cte_scope* outer = nullptr;
  std::vector<cte_entry> tables;
  const scope* home = nullptr;  // the scope the WITH clause sits in (for correlated CTEs)
};

/// What expressions may refer to, besides the scope they are resolved in.
enum class expr_mode : std::uint8_t {
  normal,
  own_table,  // CHECK, generated column, index: only the table's own columns (E0226)
  constant,   // DEFAULT: no column at all (E0219)
};

/// The pass over one catalog. Each file of compiler/resolve implements a
/// part of it; see the comments at each member for the file.
class resolver {
 public:
  resolver(catalog::catalog& cat, diag::sink& sink);

  // -- resolve.cpp: the owner of what is being resolved, and its edges --
  /// Makes `o` the object diagnostics are about and edges start from.
  void set_owner(object* o);
  [[nodiscard]] const std::string& owner_text() const noexcept { return owner_text_; }
  void depend(std::uint32_t on, catalog::dependency_kind kind, migc::source::span where);
  /// Records that `name`, a reference in the owner's definition, resolved
  /// to `to` (its name and owner fields are filled here).
  void link(const ast::identifier& name, catalog::link to);
  /// Links `name` to column `column` of `b`'s table, when it has one.
  void link_column(const ast::identifier& name, const binding& b, std::uint32_t column);

  // -- foreign_keys.cpp --
  void unique_indexes();
  void foreign_keys(object& table);

  // -- tables.cpp: CHECK, generated columns, DEFAULT --
  void table_expressions(object& table);

  // -- views.cpp: views and CREATE TABLE ... AS SELECT, resolved on demand --
  void view(std::uint32_t position);

  // -- indexes.cpp, triggers.cpp --
  void index(object& idx);
  void trigger(object& trg);

  // -- relations.cpp: table names, builtins, sources from catalog objects --
  /// The relation `name` names (CTE, catalog object, or one SQLite
  /// provides), or nullopt after reporting E0204. Adds a reads edge.
  std::optional<binding> relation(const ast::qualified_name& name, cte_scope* ctes, bool function_call);
  /// A binding for catalog object `o` (its columns, its rowid).
  static binding binding_of(const object& o);

  // -- columns.cpp: column references --
  void column_ref(const ast::expr& e, const ast::column_ref& ref, const scope& sc);

  // -- select.cpp --
  /// Resolves `s` whose correlated references may reach `outer`; returns
  /// its result columns.
  shape select(const ast::select& s, const scope* outer, cte_scope* ctes);
  /// Adds the sources of `from` to `sc`, resolving subqueries and ON.
  void from(const ast::from_clause& from, scope& sc, cte_scope* ctes);
  void with(const ast::with_clause& with, cte_scope& scope_out, const scope* home);
  /// Resolves CTE `entry` of `ctes` if pending.
  void cte(cte_scope& ctes, cte_entry& entry);

  // -- expr.cpp --
  void expr(const ast::expr* e, const scope& sc, cte_scope* ctes);
  void sort_items(const std::vector<ast::sort_item>& items, const scope& sc, cte_scope* ctes);

  // -- suggest.cpp --
  /// Adds the "did you mean" note and fix-it to `d` when exactly one of
  /// `candidates` is close to `written`.
  static void suggest(diag::diagnostic& d, const ast::identifier& written, const std::vector<std::string>& candidates);
  /// Names of every relation of the catalog (for unknown-table notes).
  const std::vector<std::string>& relation_names();

  catalog::catalog& cat;
  diag::sink& sink;

  // Expression context: set by the caller around expr(), restored after.
  expr_mode mode = expr_mode::normal;
  const object* own_table = nullptr;  // own_table / constant modes
  std::string_view default_column;    // constant mode: for E0219
  bool default_reported = false;      // one E0219 per DEFAULT
  bool may_add_nulls = false;         // an outer join or compound SELECT was met; views reset and read it
  bool index_expression = false;      // non-deterministic calls are E0223
  std::vector<std::uint32_t>* referenced = nullptr;  // own_table mode: columns seen

  std::vector<std::uint8_t> view_state;  // per catalog position: 0 pending, 1 resolving, 2 done

 private:
  object* owner_ = nullptr;
  std::string owner_text_;
  std::vector<std::string> relation_names_;
  bool relation_names_built_ = false;
};

/// "view 'v'", "table 't'".
[[nodiscard]] std::string describe(const object& o);
/// The name of a result column SQLite would give it (alias, column name,
/// or the expression's text).
[[nodiscard]] std::string result_name(const ast::result_column& rc);
/// The affinity of an expression where it is obvious (column references,
/// CAST); `sc` gives the columns references resolve to.
[[nodiscard]] catalog::affinity expr_affinity(const ast::expr& e, const scope& sc);
/// The column a bare (possibly parenthesized) column reference reads, or
/// nullptr for any other expression or an unknown column.
[[nodiscard]] const column* expr_column(const ast::expr& e, const scope& sc);
/// Finds the column `key` of `s`, or ~0.
[[nodiscard]] std::uint32_t find_column(const shape& s, std::string_view key);
/// True for rowid, oid and _rowid_.
[[nodiscard]] bool is_rowid_name(std::string_view key) noexcept;
/// Catalog positions of the views and CREATE TABLE ... AS SELECT tables,
/// each after those its query names (order.cpp).
[[nodiscard]] std::vector<std::uint32_t> query_order(const catalog::catalog& cat);
/// A SQLite-provided relation (sqlite_schema, pragma_*, json_each, ...).
[[nodiscard]] std::optional<shape> builtin_relation(std::string_view key, bool function_call);

}  // namespace migc::resolve::detail
