// The normalized model of a schema object: every property that decides what
// SQLite builds, as values that compare equal exactly when two spellings
// mean the same thing. Names are folded and taken through the resolver's
// links (normalize::naming), so a live object can be compared as if rename
// hints had been applied, and a double-quoted name SQLite reads as a string
// compares as that string. The diff compares models, never source text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/normalize/naming.hpp"

namespace migc::normalize {

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
  /// Folded names of the columns a generated column reads. Not part of
  /// equality (the expression is).
  std::vector<std::string> uses;
  /// Every property but the spelling of the name.
  friend bool operator==(const column_model& a, const column_model& b);
};

/// One item of a PRIMARY KEY or UNIQUE constraint: a column (folded) or,
/// where SQLite allows it, an expression.
struct key_part {
  std::string column;      // folded column name, "" for an expression
  std::string expression;  // normalized expression when not a column
  std::string collation;   // folded, "" for the column's own
  bool descending = false;
  friend auto operator<=>(const key_part&, const key_part&) = default;
};

/// A PRIMARY KEY or UNIQUE constraint.
struct key_model {
  std::string name;  // folded constraint name, "" for none
  std::vector<key_part> parts;
  std::string conflict;  // "" or "ON CONFLICT ...", as for NOT NULL
  bool autoincrement = false;
  bool rowid_alias = false;  // the PRIMARY KEY is the rowid
  friend auto operator<=>(const key_model&, const key_model&) = default;
  /// True if column `key` is one of the parts.
  [[nodiscard]] bool has_column(std::string_view key) const noexcept;
};

/// A CHECK constraint; `owner` is the folded column it is written on, ""
/// for a table constraint (not part of equality: both mean the same).
struct check_model {
  std::string name;  // folded constraint name, "" for none
  std::string text;  // normalized expression
  std::string owner;
  std::vector<std::string> uses;  // folded names of the columns it reads; not part of equality
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

/// A table: columns in declared order and its constraints as sorted sets
/// (their order carries no meaning to SQLite).
struct table_model {
  std::string key;
  std::string name;
  bool without_rowid = false;
  bool strict = false;
  bool autoincrement = false;
  std::vector<column_model> columns;
  std::optional<key_model> primary_key;
  std::vector<key_model> uniques;               // sorted
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

/// The model of table `o` (kind table, columns known) of `names.catalog()`,
/// its names as `names` gives them.
[[nodiscard]] table_model model_table(const catalog::object& o, const naming& names);
/// The model of an index, view, trigger or virtual table of `names.catalog()`.
[[nodiscard]] definition_model model_definition(const catalog::object& o, const naming& names);

}  // namespace migc::normalize
