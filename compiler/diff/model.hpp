// The normalized model of a schema object: every property that decides what
// SQLite builds, as values that compare equal exactly when two spellings
// mean the same thing. The diff compares models, never source text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"

namespace migc::diff {

/// One column of a table. Constraints that may be written on the column or
/// on the table (PRIMARY KEY, UNIQUE, CHECK, REFERENCES) live on the table.
struct column_model {
  std::string key;   // folded name
  std::string name;  // as written, for messages and printing
  std::string type;  // normalized declared type ("VARCHAR(255)"), "" for none
  bool not_null = false;
  std::string not_null_conflict;  // "" or "ON CONFLICT ABORT", ...
  std::string default_value;      // normalized expression text, "" for none
  std::string collation;          // folded, "" for none
  std::string generated;          // normalized expression, "" when not generated
  bool stored = false;            // generated ... STORED
  /// DEFAULT is CURRENT_TIME/DATE/TIMESTAMP or a parenthesized expression,
  /// which ALTER TABLE ADD COLUMN refuses. Not part of equality.
  bool default_is_expression = false;
  /// Every property but the spelling of the name.
  friend bool operator==(const column_model& a, const column_model& b);
};

/// A CHECK constraint; `owner` is the folded column it is written on, ""
/// for a table constraint (not part of equality: both mean the same).
struct check_model {
  std::string name;  // folded constraint name, "" for none
  std::string text;  // normalized expression
  std::string owner;
  friend bool operator==(const check_model& a, const check_model& b) { return a.name == b.name && a.text == b.text; }
  friend bool operator<(const check_model& a, const check_model& b) {
    return a.name != b.name ? a.name < b.name : a.text < b.text;
  }
};

/// A foreign key as SQLite enforces it. `owner` as for checks.
struct foreign_key_model {
  std::string name;
  std::vector<std::string> columns;  // folded child columns
  std::string parent;                // folded parent table
  std::vector<std::string> parent_columns;
  std::string on_delete = "NO ACTION";
  std::string on_update = "NO ACTION";
  bool deferred = false;
  std::string owner;
  friend bool operator==(const foreign_key_model& a, const foreign_key_model& b) {
    return a.name == b.name && a.columns == b.columns && a.parent == b.parent && a.parent_columns == b.parent_columns &&
           a.on_delete == b.on_delete && a.on_update == b.on_update && a.deferred == b.deferred;
  }
  friend bool operator<(const foreign_key_model& a, const foreign_key_model& b);
};

/// A table: columns in declared order and its constraints as sorted sets of
/// normalized texts (their order carries no meaning to SQLite).
struct table_model {
  std::string key;
  std::string name;
  bool without_rowid = false;
  bool strict = false;
  bool autoincrement = false;
  std::vector<column_model> columns;
  std::string primary_key;                      // "name|cols|conflict|...", "" for none
  std::vector<std::string> uniques;             // "name|cols|conflict", sorted
  std::vector<check_model> checks;              // sorted
  std::vector<foreign_key_model> foreign_keys;  // sorted
  /// Every property but the spelling of the name.
  friend bool operator==(const table_model& a, const table_model& b);

  /// Position of the column with folded name `key`, or ~0.
  [[nodiscard]] std::uint32_t find_column(std::string_view key) const noexcept;
};

/// An index, view, trigger or virtual table: its normalized statement (the
/// whole definition; any change means drop and create).
struct definition_model {
  std::string key;
  std::string name;
  std::string target;  // folded table of an index or trigger, "" otherwise
  std::string text;    // normalized statement
  friend bool operator==(const definition_model& a, const definition_model& b) { return a.text == b.text; }
};

/// Replaces the quoted name `"from"` by `"to"` (both folded) in normalized
/// text: how a column rename shows in expressions and key lists.
[[nodiscard]] std::string rename_in(std::string_view text, std::string_view from, std::string_view to);

/// The model of table `o` (kind table, columns known).
[[nodiscard]] table_model model_table(const catalog::object& o);
/// The model of an index, view, trigger or virtual table.
[[nodiscard]] definition_model model_definition(const catalog::object& o);

}  // namespace migc::diff
