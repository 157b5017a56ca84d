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
  /// Every property but the spelling of the name.
  friend bool operator==(const column_model& a, const column_model& b);
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
  std::string primary_key;                // "cols|order|conflict", "" for none
  std::vector<std::string> uniques;       // sorted
  std::vector<std::string> checks;        // sorted
  std::vector<std::string> foreign_keys;  // sorted
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

/// The model of table `o` (kind table, columns known).
[[nodiscard]] table_model model_table(const catalog::object& o);
/// The model of an index, view, trigger or virtual table.
[[nodiscard]] definition_model model_definition(const catalog::object& o);

}  // namespace migc::diff
