// Internal to compiler/lint: the state the check groups share (the catalog,
// the sink, each table's indexes found once up front) and the entry point
// of each group. Every group reads the catalog and reports warnings only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::lint::detail {

/// What every check group reads. `indexes` has one entry per catalog
/// position: for a table, the catalog positions of the CREATE INDEX objects
/// on it, in source order; empty for everything else.
struct context {
  const catalog::catalog& cat;
  diag::sink& sink;
  std::vector<std::vector<std::uint32_t>> indexes;
};

/// The CREATE INDEX statement of index object `o` (asserted to be one).
[[nodiscard]] const ast::create_index& index_statement(const catalog::object& o);
/// The CREATE TABLE statement of table object `o`, or nullptr for other
/// kinds of object.
[[nodiscard]] const ast::create_table* table_statement(const catalog::object& o);

/// "INTEGER" for a declared type, or "no declared type" when it is empty.
[[nodiscard]] std::string type_text(const catalog::column& c);

// The check groups, one per file. Each reports its codes for every object.

/// tables.cpp: W0801 missing_primary_key, W0804 not_rowid_alias, W0805
/// nullable_primary_key, W0806 needless_autoincrement, W0808
/// not_null_default_null.
void check_tables(const context& ctx);
/// foreign_keys.cpp: W0802 fk_type_mismatch, W0803 fk_without_index.
void check_foreign_keys(const context& ctx);
/// indexes.cpp: W0809 redundant_index.
void check_indexes(const context& ctx);
/// views.cpp: W0810 view_select_star.
void check_views(const context& ctx);
/// collations.cpp: W0811 unknown_collation.
void check_collations(const context& ctx);

}  // namespace migc::lint::detail
