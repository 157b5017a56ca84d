// The names a normalized model compares under. Each reference is taken as
// what the resolver linked it to: a double-quoted name SQLite reads as a
// string compares as that string, and a table or column renamed by a hint
// compares under its new name wherever the schema refers to it, and nowhere
// else (not inside string literals, not in another table's column of the
// same name), as SQLite's own ALTER TABLE RENAME rewrites exactly the
// tokens that resolve to the renamed object.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "compiler/backend/sql/printer.hpp"
#include "compiler/catalog/catalog.hpp"

namespace migc::normalize {

class naming final : public backend::sql::name_map {
 public:
  /// Names of `cat` (resolved; its links filled), none renamed yet.
  explicit naming(const catalog::catalog& cat) : cat_(cat) {}

  /// Object `position` of the catalog compares as `new_key` (folded).
  void rename_object(std::uint32_t position, std::string new_key);
  /// Column `column` of table `table` compares as `new_key` (folded).
  void rename_column(std::uint32_t table, std::uint32_t column, std::string new_key);

  /// The folded name object `o` of the catalog compares under.
  [[nodiscard]] std::string object_key(const catalog::object& o) const;
  /// The folded name column `column` of table `table` compares under.
  [[nodiscard]] std::string column_key(std::uint32_t table, std::uint32_t column) const;
  /// The folded name the reference `id` compares under: its target's
  /// (renamed) name when linked to a table or column, else its own key.
  [[nodiscard]] std::string reference_key(const ast::identifier& id) const;

  [[nodiscard]] use find(const ast::identifier& id) const override;
  [[nodiscard]] const catalog::catalog& catalog() const noexcept { return cat_; }

 private:
  const catalog::catalog& cat_;
  std::map<std::uint32_t, std::string> objects_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> columns_;
  std::unordered_map<const ast::identifier*, std::string> definitions_;  // names of renamed objects and columns
};

}  // namespace migc::normalize
