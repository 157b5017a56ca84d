// The per-table facts of the catalog: columns, affinities and keys of a
// CREATE TABLE or a CREATE VIRTUAL TABLE of a known module, and the errors
// SQLite raises while it records a CREATE TABLE.
#pragma once

#include "compiler/catalog/catalog.hpp"

namespace migc::catalog {

/// Fills the columns, keys and options of table `o` from `table`. A CREATE
/// TABLE ... AS SELECT leaves columns_known false for resolve to fill.
/// Reports E0207, E0208, E0213, E0214, E0215, E0216, E0217, E0220.
void fill_table(object& o, const ast::create_table& table, diag::sink& sink);

/// Fills the columns of a virtual table whose module migc knows (fts3,
/// fts4, fts5, rtree and its variants); others keep columns_known false.
void fill_virtual_table(object& o, const ast::create_virtual_table& table);

/// The column a PRIMARY KEY / UNIQUE list item names (a bare name, a name
/// with COLLATE, or a string literal SQLite reads as a name), and its
/// collation if one is written; nullopt for an expression.
struct key_column {
  std::string text;
  std::string key;
  source::span where{};
  const ast::identifier* collation = nullptr;
};
[[nodiscard]] std::optional<key_column> key_column_of(const ast::sort_item& item);

}  // namespace migc::catalog
