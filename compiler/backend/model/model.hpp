// The binding model: what the C++ and F# back ends generate code from. It is
// built from a compilation whose passes ran without error, and holds, per
// schema file, the tables and views with their columns mapped to value
// types, their keys and foreign keys, all in creation order. It owns its
// strings and does not point into the compilation.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/compilation.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "compiler/source/source.hpp"

namespace migc::backend::model {

/// What a column holds in generated code, decided by SQLite's affinity rules
/// applied to the declared type (docs/bindings.md has the table):
///   INTEGER affinity ("INT" anywhere)            → integer
///   TEXT affinity ("CHAR", "CLOB", "TEXT")        → text
///   declared "BLOB" (BLOB affinity, type given)   → blob
///   no declared type, or ANY (STRICT)             → any (a dynamic value)
///   REAL affinity ("REAL", "FLOA", "DOUB")        → real
///   NUMERIC affinity, first word BOOL or BOOLEAN  → boolean (stored 0 / 1)
///   NUMERIC affinity, first word DATE, DATETIME
///     or TIMESTAMP                                → date_time
///   NUMERIC affinity otherwise (NUMERIC, DECIMAL) → numeric
enum class value_type : std::uint8_t { integer, real, numeric, text, blob, boolean, date_time, any };

/// "integer", "real", ... (for messages and tests).
[[nodiscard]] std::string_view value_type_name(value_type t) noexcept;

/// The value type of a declared type (as catalog::declared_type prints it).
[[nodiscard]] value_type map_type(std::string_view declared_type) noexcept;

/// One column of a table or view.
struct field {
  std::string name;           // the SQL name, unquoted, as written
  std::string declared_type;  // as SQLite records it; "" for none
  value_type type = value_type::any;
  bool nullable = true;      // NULL can be stored (tables) or read (views)
  bool read_only = false;    // generated column (or any view column): never inserted or updated
  bool has_default = false;  // DEFAULT clause, or the rowid alias: an INSERT may omit it
  bool rowid_alias = false;  // INTEGER PRIMARY KEY of a rowid table: never nullable
  bool primary_key = false;  // part of the PRIMARY KEY
  bool hidden = false;       // hidden column of a virtual table: not in SELECT *; never set for fields kept here
  source::span where{};      // the column's name in the schema file
};

/// Columns that identify at most one row: positions into relation::fields.
struct key {
  std::vector<std::uint32_t> fields;
  std::string name;  // constraint or index name when one was given, else ""
};

/// A foreign key of a table.
struct foreign_key {
  std::vector<std::uint32_t> fields;         // child columns, positions in this relation
  std::uint32_t parent = 0;                  // position in model::relations
  std::vector<std::uint32_t> parent_fields;  // positions in the parent
  bool parent_unique = false;                // the parent columns are its PRIMARY KEY or a UNIQUE key
  source::span where{};
};

enum class relation_kind : std::uint8_t { table, virtual_table, view };

/// "table", "virtual table", "view" (for comments in generated code and messages).
[[nodiscard]] std::string_view relation_kind_name(relation_kind k) noexcept;

/// A table, virtual table or view that gets bindings.
struct relation {
  relation_kind kind = relation_kind::table;
  std::string name;                // the SQL name, unquoted, as written
  std::uint32_t file = 0;          // position in model::files
  std::vector<field> fields;       // in column order; hidden virtual-table columns left out
  std::optional<key> primary_key;  // tables with a PRIMARY KEY (the rowid alias counts)
  std::vector<key> unique_keys;    // UNIQUE constraints and non-partial UNIQUE indexes, PK excluded, deduplicated
  std::vector<foreign_key> foreign_keys;  // in source order; those whose parent has no bindings are left out
  bool has_rowid = true;                  // false for WITHOUT ROWID tables and for views
  source::span where{};                   // the relation's name in the schema file

  [[nodiscard]] bool read_only() const noexcept { return kind == relation_kind::view; }
};

/// One input file and the relations it defines, in creation order.
struct schema_file {
  std::string path;  // as given on the command line
  std::string name;  // file name without directory: "course_enrollments.sql"; what generated code may print
  std::string stem;  // file name without directory and extension: "course_enrollments"
  std::vector<std::uint32_t> relations;
};

struct model {
  std::vector<schema_file> files;   // in command-line order
  std::vector<relation> relations;  // in creation order (parents before children where possible)
  /// File positions in an order where a file comes after every file whose
  /// relations its relations' foreign keys point to (command-line order
  /// breaks ties); empty when the files' foreign keys form a cycle.
  std::vector<std::uint32_t> file_order;
};

struct options {
  /// Folded names of tables and views to leave out (`--exclude`); foreign
  /// keys to them are left out too.
  std::vector<std::string> exclude;
};

/// Builds the model from `c`, whose passes must have run without errors
/// (asserted: c.passes_ran). Reports E0601, at the relation's name, for a
/// table or view whose columns cannot be known (a virtual table of a module
/// migc does not know): no column is ever dropped silently, so the user
/// must exclude it. Names in `opts.exclude` that name no table or view are
/// E0602. Views, virtual tables and CREATE TABLE ... AS SELECT are
/// included; indexes and triggers give no bindings of their own.
[[nodiscard]] model build(const catalog::compilation& c, const source::source_manager& sources, const options& opts,
                          diag::sink& sink);

}  // namespace migc::backend::model
