// The catalog: every object the schema files define (tables, virtual tables,
// views, indexes, triggers), found by case-folded name, with the facts later
// passes share: the columns of each table and view, their affinities and
// keys, and the dependency edges resolve adds. The catalog points into the
// scripts it was built from; they must outlive it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/catalog/links.hpp"
#include "compiler/diag/diagnostic.hpp"

namespace migc::catalog {

enum class object_kind : std::uint8_t { table, virtual_table, view, index, trigger };

/// "table", "virtual table", "view", "index", "trigger".
[[nodiscard]] std::string_view kind_name(object_kind k) noexcept;

/// SQLite's column affinities (datatype3.html, section 3.1); `blob` is the
/// affinity SQLite's documentation also calls NONE.
enum class affinity : std::uint8_t { integer, text, blob, real, numeric };

/// "INTEGER", "TEXT", "BLOB", "REAL", "NUMERIC".
[[nodiscard]] std::string_view affinity_name(affinity a) noexcept;

/// The affinity of a declared type by SQLite's five rules, applied in order
/// to the whole type text: "INT" → integer; "CHAR", "CLOB", "TEXT" → text;
/// "BLOB" or no type → blob; "REAL", "FLOA", "DOUB" → real; else numeric.
[[nodiscard]] affinity affinity_of(std::string_view declared_type) noexcept;

/// The declared type as SQLite records it (pragma table_info's `type`): the
/// words joined by single spaces, then the arguments, e.g. "VARCHAR(255)",
/// "DECIMAL(10,2)", "UNSIGNED BIG INT". Empty when there is no type.
[[nodiscard]] std::string declared_type(const std::optional<ast::type_name>& type);

/// One column of a table, view or virtual table.
struct column {
  std::string name;  // as written, unquoted
  std::string key;   // ASCII case-fold of name
  std::string type;  // declared_type(); for views, empty
  affinity aff = affinity::blob;
  const ast::column_definition* definition = nullptr;  // tables only
  bool not_null = false;                               // NULL cannot be stored (written, or implied by the key)
  bool declared_not_null = false;                      // NOT NULL written on the column
  bool primary_key = false;                            // part of the PRIMARY KEY
  bool rowid_alias = false;                            // INTEGER PRIMARY KEY of a rowid table
  bool generated = false;
  bool hidden = false;  // hidden column of a virtual table / table function
  const ast::identifier* collation = nullptr;
  source::span where{};
  // Views only: the declared type and NOT NULL of the table column a result
  // column reads directly (a bare column reference or `*`, through views
  // and subqueries), as code generation types it. origin_not_null is never
  // set when an outer join or a compound SELECT could bring a NULL.
  std::string origin_type;
  bool origin_not_null = false;
};

/// A PRIMARY KEY, UNIQUE constraint or UNIQUE index: columns by position in
/// the table. Expression columns of a unique index make it unusable as a
/// parent key and are left out of this list (such indexes are not listed).
struct unique_key {
  std::vector<std::uint32_t> columns;
  std::vector<std::string> collations;  // folded; empty string: the column's own
  bool primary = false;
  bool partial = false;       // UNIQUE index with WHERE: not a parent key
  std::uint32_t index = ~0U;  // catalog position of the UNIQUE index, or ~0
  source::span where{};
};

/// A foreign key of a table. Catalog fills the child side; resolve fills
/// the parent (parent stays ~0 when unknown; parent_columns is the parent's
/// PRIMARY KEY when the clause names no columns).
struct foreign_key {
  const ast::foreign_key_clause* clause = nullptr;
  std::vector<std::uint32_t> columns;  // child columns, by position
  std::uint32_t parent = ~0U;          // catalog position of the parent table
  std::vector<std::uint32_t> parent_columns;
  source::span where{};  // the REFERENCES clause or FOREIGN KEY constraint
};

/// Why an object needs another.
enum class dependency_kind : std::uint8_t {
  foreign_key,  // table → parent table (not needed to create it)
  reads,        // view or trigger body → table/view it reads or writes
  target,       // index or trigger → the table/view it belongs to
};

struct dependency {
  std::uint32_t object = 0;  // catalog position of the object needed
  dependency_kind kind{};
  source::span where{};  // the reference
};

/// One object of the schema.
struct object {
  object_kind kind{};
  std::string name;  // as written, unquoted
  std::string key;   // ASCII case-fold
  const ast::identifier* name_id = nullptr;
  const ast::statement* statement = nullptr;
  source::file_id file = source::no_file;
  std::uint32_t position = 0;  // in the catalog: source order over all files

  // Tables, virtual tables and views. A view's columns are filled by resolve
  // (columns_known stays false when its query could not be resolved); a
  // virtual table's only when its module is one migc knows (fts3/4/5, rtree).
  std::vector<column> columns;
  bool columns_known = true;
  std::vector<unique_key> unique_keys;    // PRIMARY KEY first, then UNIQUE in order
  std::vector<foreign_key> foreign_keys;  // in source order
  bool without_rowid = false;
  bool strict = false;
  bool autoincrement = false;

  // Indexes and triggers: the key of the table or view they belong to, and
  // its catalog position once resolved (~0 when unknown).
  std::string target_key;
  std::uint32_t target = ~0U;

  // Filled by resolve; graph reads them.
  std::vector<dependency> dependencies;

  [[nodiscard]] bool is_relation() const noexcept { return kind <= object_kind::view; }
  /// Position of the column with folded name `key`, or ~0.
  [[nodiscard]] std::uint32_t find_column(std::string_view key) const noexcept;
};

/// All objects of a schema in source order (file order, then statement
/// order), and the name tables to find them.
class catalog {
 public:
  [[nodiscard]] std::span<const object> objects() const noexcept { return objects_; }
  [[nodiscard]] std::span<object> objects() noexcept { return objects_; }
  [[nodiscard]] const object& at(std::uint32_t position) const { return objects_.at(position); }
  [[nodiscard]] object& at(std::uint32_t position) { return objects_.at(position); }

  /// A table, virtual table, view or index by folded name (they share one
  /// namespace in SQLite), or nullptr.
  [[nodiscard]] const object* find(std::string_view key) const noexcept;
  /// A trigger by folded name, or nullptr.
  [[nodiscard]] const object* find_trigger(std::string_view key) const noexcept;
  /// A table, virtual table or view by folded name, or nullptr.
  [[nodiscard]] const object* find_relation(std::string_view key) const noexcept;

  /// Adds `o` at the end, sets its position, and indexes its name; returns
  /// the position. The name must not be taken yet (asserted).
  std::uint32_t add(object o);
  /// Makes room for `n` objects, so that adding them allocates no more.
  void reserve(std::size_t n);

  /// What each reference of the schema resolved to (filled by resolve).
  [[nodiscard]] const link_table& links() const noexcept { return links_; }
  [[nodiscard]] link_table& links() noexcept { return links_; }

 private:
  std::vector<object> objects_;
  std::unordered_map<std::string, std::uint32_t> names_;     // tables, views, indexes
  std::unordered_map<std::string, std::uint32_t> triggers_;  // triggers
  link_table links_;
};

/// Gathers the objects of `scripts` (in order) into a catalog, and fills
/// the columns and keys of tables and known virtual tables.
///
/// Reports: E0201 for a second object of a taken name (with a note at the
/// first definition; two CREATE ... IF NOT EXISTS statements that print
/// alike are one object and not reported); E0202 for a schema other than
/// main or temp; E0203 for names starting with sqlite_; W0240 for statements
/// that define no object; W0241 for TEMP objects (left out of the catalog);
/// and the table-local errors SQLite raises at CREATE TABLE: E0207, E0208,
/// E0213, E0214, E0215, E0216, E0217, E0220.
[[nodiscard]] catalog build(std::span<const ast::script> scripts, diag::sink& sink);

/// ASCII case-fold, as SQLite compares names.
[[nodiscard]] std::string fold(std::string_view name);

}  // namespace migc::catalog
