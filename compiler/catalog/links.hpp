// What every name of the schema refers to: the links the resolve pass finds
// between a reference (an identifier in a definition) and its target (a
// table, a column, a CTE, an alias, or a string SQLite reads in its place).
// The catalog holds them; diff applies rename hints through them, and the
// language server's navigation and rename and typed queries read them
// instead of resolving names again.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "compiler/ast/ast.hpp"

namespace migc::catalog {

enum class link_kind : std::uint8_t {
  object,   // a table, view, index or trigger: `object`
  column,   // column `column` of the table or view `object`
  rowid,    // the rowid of table `object`
  cte,      // a common table expression; `definition` is its name
  alias,    // a FROM alias or result-column alias; `definition` is where it is given
  builtin,  // a relation SQLite provides (sqlite_schema, json_each, ...)
  string,   // a double-quoted name SQLite reads as a string literal (W0807)
};

/// One reference and what it resolved to.
struct link {
  const ast::identifier* name = nullptr;  // the reference, in the catalog's scripts
  link_kind kind{};
  std::uint32_t object = ~0U;  // object, column, rowid: catalog position
  std::uint32_t column = ~0U;  // column: position in the object's columns
  source::span definition{};   // cte, alias
  std::uint32_t owner = ~0U;   // catalog position of the object whose definition holds the reference
};

/// Every link of one catalog, found by reference and by target. The first
/// query after a change builds the indexes, so queries from several threads
/// at once need one query (any) made before.
class link_table {
 public:
  /// Records `l`; a later link for the same identifier replaces the
  /// earlier (a name resolved twice, as in a CTE used twice, means the same).
  void add(const link& l);

  /// The link of `name` (an identifier of the catalog's scripts), or nullptr
  /// when it refers to nothing migc resolves (a function, a collation, an
  /// unknown name already reported).
  [[nodiscard]] const link* find(const ast::identifier& name) const noexcept;

  /// Every reference to object `object` itself (not to its columns).
  [[nodiscard]] std::vector<const link*> references_to(std::uint32_t object) const;
  /// Every reference to column `column` of `object`.
  [[nodiscard]] std::vector<const link*> references_to(std::uint32_t object, std::uint32_t column) const;
  /// The references held by `owner`'s definition whose identifier lies in
  /// `within` (an expression's span, say).
  [[nodiscard]] std::vector<const link*> held_by(std::uint32_t owner, source::span within) const;

  /// Every link in the order found (a reference resolved twice appears twice).
  [[nodiscard]] std::span<const link> all() const noexcept { return links_; }

 private:
  void index() const;

  std::vector<link> links_;
  // Built on the first query after an add: positions in links_ sorted by
  // reference, and by owner then source position.
  mutable std::vector<std::uint32_t> by_name_;
  mutable std::vector<std::uint32_t> by_owner_;
  mutable bool indexed_ = false;
};

}  // namespace migc::catalog
