// Introspection: the live schema of a database file as SQL text that the
// same front end and passes as the schema files then compile, and a
// cross-check of the compiled result against SQLite's own pragmas.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "compiler/diag/diagnostic.hpp"
#include "runtime/schema_rows.hpp"
#include "runtime/sqlite.hpp"

namespace migc::introspect {

/// The user's part of a live schema.
struct live_source {
  /// The stored SQL of every user object in sqlite_schema order, each
  /// statement followed by ";\n". SQLite stores the text as the user wrote
  /// it (adjusted by later ALTER TABLEs), so it parses with the same grammar.
  std::string text;
  /// Names of the objects left out, for messages.
  std::vector<std::string> internal;
};

/// True for objects that are never part of a diff: SQLite's own (names
/// starting sqlite_: sqlite_sequence, sqlite_stat1..4, automatic indexes),
/// migc's own (names starting _migc_), and the shadow tables of virtual
/// tables (`shadow` lists their names, from PRAGMA table_list).
[[nodiscard]] bool is_internal(std::string_view name, const std::vector<std::string>& shadow);

/// Reads the main database of `db`. Fails only when SQLite fails (e.g. the
/// file is not a database: SQLITE_NOTADB).
rt::result<live_source> read(rt::connection& db);

/// Compares a compiled live schema with SQLite's pragmas: for every table,
/// the column names, declared types, NOT NULL, primary-key positions and
/// generated/hidden flags; for every foreign key its parent and columns; for
/// every index its table and column count. A difference means migc
/// misread the stored SQL; each is reported as E0401 at the object's
/// statement. Returns false when a pragma could not be read.
bool cross_check(const catalog::catalog& live, rt::connection& db, diag::sink& sink);

}  // namespace migc::introspect
