// The live schema of a database as plain rows: sqlite_schema and the pragmas
// that describe tables, foreign keys and indexes. No parsing happens here;
// the compiler turns these rows into an AST (compiler/introspect).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/sqlite.hpp"

namespace migc::rt {

/// One row of sqlite_schema. `sql` is absent for automatic indexes.
struct schema_row {
  std::string type;  // "table", "index", "view", "trigger"
  std::string name;
  std::string table;  // tbl_name
  std::int64_t rootpage = 0;
  std::optional<std::string> sql;
};

/// One row of PRAGMA table_xinfo.
struct column_row {
  int cid = 0;
  std::string name;
  std::string type;
  bool not_null = false;
  std::optional<std::string> default_value;  // the default's SQL text
  int pk = 0;                                // 1-based position in the primary key, 0 if none
  int hidden = 0;  // 0 ordinary, 1 hidden (virtual tables), 2 virtual generated, 3 stored generated
};

/// One row of PRAGMA foreign_key_list.
struct foreign_key_row {
  int id = 0;
  int seq = 0;
  std::string table;
  std::string from;
  std::optional<std::string> to;  // absent when the parent's primary key is meant
  std::string on_update;
  std::string on_delete;
  std::string match;
};

/// One row of PRAGMA index_list.
struct index_row {
  int seq = 0;
  std::string name;
  bool unique = false;
  std::string origin;  // "c" CREATE INDEX, "u" UNIQUE, "pk" PRIMARY KEY
  bool partial = false;
};

/// One row of PRAGMA index_xinfo.
struct index_column_row {
  int seqno = 0;
  int cid = 0;                      // -1 rowid, -2 expression
  std::optional<std::string> name;  // absent for expressions
  bool desc = false;
  std::string collation;
  bool key = false;  // false for the auxiliary columns a index stores
};

/// One row of PRAGMA table_list (SQLite 3.37 and later).
struct table_list_row {
  std::string schema;
  std::string name;
  std::string type;  // "table", "view", "shadow", "virtual"
  int column_count = 0;
  bool without_rowid = false;
  bool strict = false;
};

/// Every row of the main database's sqlite_schema, in rowid order (the
/// order SQLite created them, rewritten by ALTERs).
result<std::vector<schema_row>> read_schema(connection& db);
result<std::vector<column_row>> read_table_xinfo(connection& db, std::string_view table);
result<std::vector<foreign_key_row>> read_foreign_keys(connection& db, std::string_view table);
result<std::vector<index_row>> read_index_list(connection& db, std::string_view table);
result<std::vector<index_column_row>> read_index_xinfo(connection& db, std::string_view index);
/// The main database's rows of PRAGMA table_list.
result<std::vector<table_list_row>> read_table_list(connection& db);

/// `name` as an SQL string literal: quoted with ', inner quotes doubled.
[[nodiscard]] std::string quote_literal(std::string_view name);
/// `name` as a quoted SQL identifier: quoted with ", inner quotes doubled.
[[nodiscard]] std::string quote_identifier(std::string_view name);

}  // namespace migc::rt
