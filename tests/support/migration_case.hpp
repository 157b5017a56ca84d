// The migration fixtures' pieces that are not Catch2: a case folder read
// into its files and `expect` directives, the rows of a database read as
// typed values, SQLite's affinity applied to a value, and the comparison of
// two compiled schemas through the normalized diff models. The runner that
// drives them is tests/test_migrations.cpp (its header documents the
// directives).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/catalog/catalog.hpp"
#include "runtime/sqlite.hpp"

namespace migc::test {

/// One folder of fixtures/migrate.
struct migration_case {
  std::string name;
  std::filesystem::path from;                 // from.sql
  std::optional<std::filesystem::path> data;  // data.sql
  std::vector<std::string> to;                // to*.sql, in name order
  bool allow_destructive = false;
  bool plan_empty = false;
  bool apply_fails = false;
  std::vector<std::string> refused;          // expected codes, sorted ("E0501")
  std::map<std::string, int> steps;          // step kind ("rebuild_table") -> count
  std::map<std::string, std::int64_t> rows;  // folded table -> row count after
  /// exec and query directives in file order, run after a successful
  /// apply: SQL and, for a query, the expected text (nullopt for exec).
  std::vector<std::pair<std::string, std::optional<std::string>>> after;
  std::string known_bug;              // "" unless the case shows a migc bug
  std::vector<std::string> problems;  // malformed directives
};

/// Reads `dir` (from.sql, data.sql, to*.sql, expect). Unknown or malformed
/// directives are listed in `problems`.
[[nodiscard]] migration_case read_migration_case(const std::filesystem::path& dir);

/// An SQLite value as read from a column.
struct sql_value {
  int type = SQLITE_NULL;
  std::int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
  friend bool operator==(const sql_value&, const sql_value&) = default;
  friend auto operator<=>(const sql_value&, const sql_value&) = default;
};

/// The value as SQL would quote it: NULL, 1, 2.5, 'it''s', X'00ff'.
[[nodiscard]] std::string quote(const sql_value& v);

/// Every row of `sql` (one statement), values by column.
[[nodiscard]] rt::result<std::vector<std::vector<sql_value>>> query_rows(rt::connection& db, const std::string& sql);

/// The rows of `sql` as text: columns joined by '|', rows by ';' (NULL as
/// "NULL"), for `query` directives.
[[nodiscard]] std::string query_text(rt::connection& db, const std::string& sql);

/// Converts values the way storing them in a column of declared type
/// `type` does (datatype3.html: affinity; STRICT tables' ANY keeps them),
/// using a scratch in-memory database.
class affinity_converter {
 public:
  affinity_converter();
  [[nodiscard]] sql_value convert(const sql_value& v, const std::string& type, bool strict);
  /// The value of the constant expression `expr` stored in such a column,
  /// nullopt when it cannot be evaluated or is not deterministic.
  [[nodiscard]] std::optional<sql_value> evaluate(const std::string& expr, const std::string& type, bool strict);

 private:
  std::string table_for(const std::string& type, bool strict);
  rt::connection db_;
  std::map<std::string, std::string> tables_;
};

/// "" when `actual` and `desired` define the same objects with equal
/// normalized models (tables through model_table, the rest through
/// model_definition's text); otherwise one line per difference.
[[nodiscard]] std::vector<std::string> schema_differences(const catalog::catalog& actual,
                                                          const catalog::catalog& desired);

/// `name` quoted as an SQL identifier: "a""b".
[[nodiscard]] std::string quote_name(const std::string& name);

}  // namespace migc::test
